import YieldStrip
import YieldStripJSON

/// A command of the `yieldstrip` tool, described by a table of specs.
///
/// Parsing, validation and the help page (OVERVIEW / USAGE / ARGUMENTS / OPTIONS / SUBCOMMANDS) are
/// generated from ``name``, ``abstract``, ``discussion``, ``arguments``, ``options`` and
/// ``subcommands``; `-h, --help` is added to every command. A command with subcommands is a group:
/// its first positional argument names the subcommand, and on its own it prints its help.
/// ``run(_:)`` returns what to print; the tool prints it only once it is complete.
public protocol Command: Sendable {
    /// The word that selects the command (`wad`).
    var name: String { get }
    /// One line: what the command does.
    var abstract: String { get }
    /// Paragraphs printed under the abstract in help (may be empty).
    var discussion: String { get }
    /// Positional arguments, in order.
    var arguments: [ArgumentSpec] { get }
    /// Options and flags, in help order (`-h, --help` is added after them).
    var options: [OptionSpec] { get }
    /// Subcommands, in help order.
    var subcommands: [any Command] { get }
    /// Runs the command with its parsed arguments.
    func run(_ invocation: Invocation) throws -> CommandOutput
}

extension Command {
    public var discussion: String { "" }
    public var arguments: [ArgumentSpec] { [] }
    public var options: [OptionSpec] { [] }
    public var subcommands: [any Command] { [] }

    /// A group with nothing to run prints its help.
    public func run(_ invocation: Invocation) throws -> CommandOutput {
        .text(HelpFormatter.help(for: invocation.commandPath))
    }
}

/// What a command hands back for printing.
public enum CommandOutput {
    /// A result: printed as a table, or as one JSON line when the command's `--json` flag is set.
    case report(Report)
    /// Text printed as it is.
    case text(String)
    /// The command wrote its own output as it went (`batch`).
    case written
}
