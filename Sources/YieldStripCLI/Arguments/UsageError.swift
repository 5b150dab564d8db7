import YieldStrip
import YieldStripJSON

/// A command line that cannot be run as written: an unknown option, a missing or malformed value.
///
/// The tool prints `Error: <message>`, the command's usage line and where to find its help on
/// stderr, and exits with status 2. Messages follow swift-argument-parser's wording
/// (`Unknown option '--verbose'`, `Missing value for '--apy <apy>'`).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The usage line of the command concerned.
    public let usage: String
    /// The command's full name (`yieldstrip wad mul`), for the help hint.
    public let commandName: String

    public init(_ message: String, commandPath: [any Command]) {
        self.message = message
        usage = HelpFormatter.usage(for: commandPath)
        commandName = commandPath.map(\.name).joined(separator: " ")
    }

    /// The three lines printed on stderr.
    public var description: String {
        "Error: \(message)\nUsage: \(usage)\n  See '\(commandName) --help' for more information.\n"
    }
}
