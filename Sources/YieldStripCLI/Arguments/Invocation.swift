import YieldStrip
import YieldStripJSON

/// A command's parsed command line, with the console it runs on.
///
/// Values come back as the text given; ``parse(argument:expecting:_:)`` and
/// ``parse(option:expecting:_:)`` convert them and turn a malformed value into a ``UsageError``
/// (`The value 'abc' is invalid for '<a>': expected a decimal number`).
public struct Invocation {
    /// The commands from the tool down to the one running (`yieldstrip`, `wad`, `mul`).
    public let commandPath: [any Command]
    /// The command running: the last of ``commandPath``.
    public let command: any Command
    public let console: Console
    var optionValues: [String: String] = [:]
    /// Every value of an option given more than once (``OptionSpec/repeated(_:count:valueName:help:)``), in order.
    var repeatedOptionValues: [String: [String]] = [:]
    var flagsSet: Set<String> = []
    var argumentValues: [String: [String]] = [:]
    /// Where the command's time came from, once it has chosen one (``noteTimeSource(_:)``).
    let chosenTime = ChosenTime()

    /// An invocation of `command`, reached from the tool through `parents`.
    init(_ command: any Command, parents: [any Command], console: Console) {
        commandPath = parents + [command]
        self.command = command
        self.console = console
    }

    /// Whether the flag `--name` was given.
    public func flag(_ name: String) -> Bool { flagsSet.contains(name) }

    /// The value of `--name`, or its default, or nil.
    public func option(_ name: String) -> String? {
        optionValues[name] ?? command.options.first { $0.name == name }?.defaultValue
    }

    /// Every value given for a repeated option `--name`, in order.
    public func options(_ name: String) -> [String] { repeatedOptionValues[name] ?? optionValues[name].map { [$0] } ?? [] }

    /// Whether `--name` was given on the command line (not just defaulted).
    public func optionWasGiven(_ name: String) -> Bool { optionValues[name] != nil }

    /// The value of the positional argument `name` (the first, for a repeating one).
    public func argument(_ name: String) -> String? { argumentValues[name]?.first }

    /// Every value of a repeating positional argument.
    public func repeatedArgument(_ name: String) -> [String] { argumentValues[name] ?? [] }

    /// True when the command declares `--json` and it was given.
    public var wantsJSON: Bool { flag(CommonOptions.json.name) }

    /// The positional argument `name` converted by `convert`; a `UsageError` naming the argument and
    /// what was `expecting` when the conversion fails (or the argument is missing).
    public func parse<T>(argument name: String, expecting: String, _ convert: (String) -> T?) throws(UsageError) -> T {
        guard let text = argument(name) else { throw usageError("Missing expected argument '<\(name)>'") }
        guard let value = convert(text) else {
            throw usageError("The value '\(text)' is invalid for '<\(name)>': expected \(expecting)")
        }
        return value
    }

    /// The option `--name` (or its default) converted by `convert`; nil when absent with no default.
    public func parse<T>(option name: String, expecting: String, _ convert: (String) -> T?) throws(UsageError) -> T? {
        guard let text = option(name) else { return nil }
        guard let value = convert(text) else {
            let synopsis = command.options.first { $0.name == name }?.synopsis ?? "--\(name)"
            throw usageError("The value '\(text)' is invalid for '\(synopsis)': expected \(expecting)")
        }
        return value
    }

    /// Writes `warning: TEXT` on stderr: a notice that does not stop the command (an input read in a way the
    /// user may not have meant, data that does not cover what was asked). Stdout stays the answer alone.
    public func warn(_ text: String) throws {
        try console.errorOutput.write("warning: \(text)\n")
    }

    /// Records where the time the command computes at came from (`--at` given, the market file's
    /// `blockTime`, the wall clock): an error about that time (a ``TimedError``: `MarketExpired`,
    /// `AfterMaturity`, `YCExpired`, `MaturityExpired`, `PtMatured`) then names the source beside it.
    public func noteTimeSource(_ source: TimeSource) { chosenTime.source = source }

    /// The message of `error` as the tool prints it: a ``TimedError`` with the noted time's source.
    func message(of error: any DomainError) -> String {
        if let timed = error as? any TimedError, let source = chosenTime.source { return timed.message(timeSource: source) }
        return error.message
    }

    /// A usage error about this command.
    public func usageError(_ message: String) -> UsageError {
        UsageError(message, commandPath: commandPath)
    }
}

/// Where a command's time came from, noted once the command has chosen it.
final class ChosenTime {
    var source: TimeSource?
}

/// Options several commands share.
public enum CommonOptions {
    /// `--json`: print one JSON object instead of a table.
    public static let json = OptionSpec.flag("json", help: "Print one JSON object instead of a table.")
    /// `--csv`: the `--json` answer's fields as a CSV header and one line (``Report/csvText``).
    public static let csv = OptionSpec.flag("csv", help: "Print CSV: the --json answer's fields as a header, then one line.")
    /// `-h, --help`, added to every command.
    static let help = OptionSpec.flag("help", short: "h", help: "Show help information.")
    /// `--version`, on the tool itself.
    static let version = OptionSpec.flag("version", help: "Show the version.")
}
