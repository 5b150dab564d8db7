import YieldStrip
@_exported import YieldStripBatch
import YieldStripJSON
@_exported import YieldStripJSON

/// The `yieldstrip` command-line tool, as a library: `main.swift` calls ``main(arguments:console:)``;
/// tests call ``run(arguments:stdin:)`` and compare what was printed.
///
/// Exit status: 0 on success (help and `--version` included), 1 when the computation fails
/// (`Error: <message>` on stderr), 2 when the command line is wrong (`Error: <message>`, the usage
/// line and a pointer to `--help` on stderr). Nothing reaches stdout on failure: a command's output
/// is built whole, then written at once.
public enum CLI {
    /// The tool's version, printed by `yieldstrip --version`.
    public static let version = "0.1.0"

    /// The tool's command tree.
    public static let root: any Command = RootCommand()

    /// Exit statuses.
    public enum ExitStatus {
        public static let success: Int32 = 0
        public static let failure: Int32 = 1
        public static let usage: Int32 = 2
    }

    /// Runs the tool on `arguments` (without the program name) and returns the exit status.
    ///
    /// A failed read of standard input or write to standard output (a full disk, a directory as input, a
    /// closed pipe: the executable ignores SIGPIPE so that its write fails with EPIPE) is reported on stderr
    /// and exits 1. What cannot be written to stderr itself is dropped.
    public static func main(arguments: [String], console: Console) -> Int32 {
        func report(_ text: String) { try? console.errorOutput.write(text) }
        var running: Invocation?
        do {
            switch try CommandLineParser(root: root, console: console).parse(arguments) {
            case .help(let path):
                try console.output.write(HelpFormatter.help(for: path))
            case .run(let invocation):
                running = invocation
                switch try invocation.command.run(invocation) {
                case .report(let report):
                    // A command's options were validated before it ran (`OutputOptions`: not both).
                    if invocation.flag(CommonOptions.csv.name) {
                        try console.output.write(report.csvText)
                    } else {
                        try console.output.write(invocation.wantsJSON ? report.jsonText : report.tableText)
                    }
                case .text(let text):
                    try console.output.write(text)
                case .written:
                    break
                }
            }
            return ExitStatus.success
        } catch let error as UsageError {
            report(error.description)
            return ExitStatus.usage
        } catch let error as StreamError {
            report("Error: \(error)\n")
            return ExitStatus.failure
        } catch let error as any DomainError {
            report("Error: \(running?.message(of: error) ?? error.message)\n")
            return ExitStatus.failure
        } catch {
            report("Error: \(error)\n")
            return ExitStatus.failure
        }
    }

    /// Runs the tool in-process on `arguments` with `stdin` as standard input, and returns what it
    /// wrote and its exit status.
    public static func run(arguments: [String], stdin: String = "") -> RunResult {
        let output = MemorySink()
        let errorOutput = MemorySink()
        let console = Console(input: MemorySource(stdin), output: output, errorOutput: errorOutput)
        let status = main(arguments: arguments, console: console)
        return RunResult(stdout: output.text, stderr: errorOutput.text, exitCode: status)
    }

    /// What an in-process run printed, and its exit status.
    public struct RunResult: Sendable, Equatable {
        public let stdout: String
        public let stderr: String
        public let exitCode: Int32
    }
}
