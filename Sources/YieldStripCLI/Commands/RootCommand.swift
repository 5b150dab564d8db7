import YieldStrip
import YieldStripJSON

/// The `yieldstrip` tool itself: a group of subcommands, plus `--version`.
///
/// A new command is added by listing it in ``subcommands``.
public struct RootCommand: Command {
    public init() {}

    public let name = "yieldstrip"
    public let abstract = "Fixed rates and dividend hedges with PT and YT, exact to the wei."
    public let options = [CommonOptions.version]
    public let subcommands: [any Command] = [
        LockInCommand(),
        ShortYTCommand(),
        HedgeCommand(),
        ScenarioCommand(),
        BorrowCommand(),
        RatesCommand(),
        LoopCommand(),
        MnavCommand(),
        MarketCommand(),
        QuoteCommand(),
        DepthCommand(),
        CompareCommand(),
        SplitCommand(),
        DividendsCommand(),
        ReportCommand(),
        YTInterestCommand(),
        RateCommand(),
        WadCommand(),
        BatchCommand(),
        DemoCommand(),
        CompletionsCommand(),
        HelpCommand()
    ]

    public func run(_ invocation: Invocation) throws -> CommandOutput {
        if invocation.flag(CommonOptions.version.name) { return .text(CLI.version + "\n") }
        return .text(HelpFormatter.help(for: invocation.commandPath))
    }
}
