import YieldStrip

/// A set of options read into typed values and validated before a command runs, as swift-argument-parser's
/// `ParsableArguments`: ``specs`` drive parsing, help, completions and the man page; ``init(parsing:)``
/// converts each value and checks the combinations, so that a malformed, missing or conflicting option is
/// a usage error (exit 2) before any file is read or anything computed.
///
/// A command's options are one struct that holds the shared groups it takes (``MarketFileOptions``,
/// ``SizeOptions``, ``OutputOptions``, ``ChartOptions``) beside its own typed values.
public protocol ParsableOptions {
    /// The options, in help order.
    static var specs: [OptionSpec] { get }
    /// The typed values of a parsed command line, validated.
    init(parsing invocation: Invocation) throws
}

/// A command whose options are one ``ParsableOptions`` struct: its ``Command/options`` are the struct's
/// specs, and ``run(_:_:)`` receives the values read and validated.
public protocol ParsableCommand: Command {
    associatedtype Options: ParsableOptions
    /// Runs the command with its options read and validated.
    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput
}

extension ParsableCommand {
    public var options: [OptionSpec] { Options.specs }

    public func run(_ invocation: Invocation) throws -> CommandOutput {
        try run(Options(parsing: invocation), invocation)
    }
}
