import YieldStrip
import YieldStripJSON

/// One `--name` option of a command: a flag, or an option that takes a value.
///
/// The table of a command's `OptionSpec`s drives both parsing and help:
/// ```
/// .flag("json", help: "Print one JSON object instead of a table.")
/// .value("apy", valueName: "apy", help: "The implied APY as a decimal.", default: "0.05")
/// ```
public struct OptionSpec: Sendable {
    /// Whether the option takes a value, and if so how it is named in help, its default and whether
    /// it must be given.
    public enum Kind: Sendable {
        case flag
        case value(valueName: String, defaultValue: String?, isRequired: Bool)
    }

    /// The long name without dashes (`json` for `--json`).
    public let name: String
    /// A one-letter alias (`j` for `-j`), if any.
    public let shortName: Character?
    /// One sentence for the help page.
    public let help: String
    public let kind: Kind
    /// How many times the option is given (a value option given more than once keeps every value, in order:
    /// ``Invocation/options(_:)``); 1 for every option but a few (`compare --market A --market B`).
    public private(set) var occurrences = 1

    public init(name: String, shortName: Character? = nil, help: String, kind: Kind) {
        self.name = name
        self.shortName = shortName
        self.help = help
        self.kind = kind
    }

    /// A flag: present or not, never takes a value.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, shortName: short, help: help, kind: .flag)
    }

    /// An option with a value (`--name value` or `--name=value`), optional unless `required`; the
    /// default, if any, is used when the option is absent and shown in help.
    public static func value(
        _ name: String, short: Character? = nil, valueName: String, help: String,
        default defaultValue: String? = nil, required: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, shortName: short, help: help,
            kind: .value(valueName: valueName, defaultValue: defaultValue, isRequired: required))
    }

    /// An option with a value given `count` times (`--market A --market B`), each value kept in order; required.
    public static func repeated(_ name: String, count: Int, valueName: String, help: String) -> OptionSpec {
        var spec = OptionSpec(name: name, shortName: nil, help: help, kind: .value(valueName: valueName, defaultValue: nil, isRequired: true))
        spec.occurrences = count
        return spec
    }

    public var isFlag: Bool {
        if case .flag = kind { return true }
        return false
    }

    var isRequired: Bool {
        if case .value(_, _, true) = kind { return true }
        return false
    }

    var defaultValue: String? {
        if case .value(_, let value, _) = kind { return value }
        return nil
    }

    /// `--json`, `--apy <apy>`: how errors name the option.
    var synopsis: String {
        if case .value(let valueName, _, _) = kind { return "--\(name) <\(valueName)>" }
        return "--\(name)"
    }

    /// `-j, --json` or `--apy <apy>`: the help page's label.
    var helpLabel: String {
        shortName.map { "-\($0), " + synopsis } ?? synopsis
    }

    /// `[--json]`, `--apy <apy>` (required), `[--apy <apy>]`: the usage line's form.
    var usageText: String {
        if occurrences > 1 { return Array(repeating: synopsis, count: occurrences).joined(separator: " ") }
        return isRequired ? synopsis : "[\(synopsis)]"
    }

    /// The help sentence with its default appended.
    var helpText: String { defaultValue.map { "\(help) (default: \($0))" } ?? help }
}

/// One positional argument of a command (`<a>`, `<subcommand> ...`).
public struct ArgumentSpec: Sendable {
    public let name: String
    /// One sentence for the help page.
    public let help: String
    /// May be left out.
    public let isOptional: Bool
    /// Takes every remaining positional value (only the last argument may).
    public let isRepeating: Bool

    public init(_ name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isRepeating = isRepeating
    }

    /// `<a>`, or `<values> ...` when repeating.
    var synopsis: String { isRepeating ? "<\(name)> ..." : "<\(name)>" }

    /// `<a>` or `[<a>]` for the usage line.
    var usageText: String { isOptional ? "[\(synopsis)]" : synopsis }
}
