import YieldStrip
import YieldStripJSON

/// The `yieldstrip` tool itself: a group of subcommands, plus `--version`.
///
/// A new command is added by listing it in ``subcommands``.
public struct RootCommand: Command {
    public init() {}

    public let name = "yieldstrip"
    public let abstract = "Price Pendle V2 PT and YT with exact 18-decimal on-chain parity."
    public let options = [CommonOptions.version]
    public let subcommands: [any Command] = [
        BatchCommand(),
        WadCommand(),
        RateCommand(),
        LockInCommand(),
        ShortYTCommand(),
        MarketCommand(),
        QuoteCommand(),
        DepthCommand(),
        SplitCommand(),
        DividendsCommand(),
        YTInterestCommand(),
        DemoCommand(),
        HelpCommand(),
    ]

    public func run(_ invocation: Invocation) throws -> CommandOutput {
        if invocation.flag(CommonOptions.version.name) { return .text(CLI.version + "\n") }
        return .text(HelpFormatter.help(for: invocation.commandPath))
    }
}
