import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A closed pipe on standard output is a failed write like any other: `Error: cannot write to standard
/// output: Broken pipe` on stderr and exit status 1, never death by SIGPIPE (status 141 in a shell). Run on
/// the built tool, with SIGPIPE at its default action in the child.
@Suite(.enabled(if: SplitAAPLExampleTests.builtTool != nil, "no built yieldstrip binary found (run 'swift build' first)"))
struct ClosedPipeTests {
    static let brokenPipe = "Error: cannot write to standard output: \(systemErrorText(EPIPE))\n"

    /// Many batch lines in a file: more answers than a pipe holds.
    static func batchInput(_ files: TemporaryMarketFiles, lines: Int = 200_000) throws -> String {
        let text = (0..<lines).map { #"{"op":"sqrt","id":\#($0),"y":"\#($0 * $0)"}"# }.joined(separator: "\n") + "\n"
        return try files.write(text)
    }

    /// Standard output's reader gone before the tool writes: every command reports the failed write.
    @Test func aPipeClosedBeforeTheFirstWrite() throws {
        let tool = try #require(SplitAAPLExampleTests.builtTool)
        let files = try TemporaryMarketFiles()
        let input = try Self.batchInput(files, lines: 10)
        for arguments in [["wad", "mul", "1", "2"], ["market", "show", "--market", MarketExamples.aapl, "--json"], ["--help"], ["batch"]] {
            let outcome = try Subprocess.run(tool, arguments, stdinPath: input, stdout: .closedPipe)
            #expect(outcome.signal == nil && outcome.exitStatus == 1, "\(arguments): \(outcome)")
            #expect(outcome.stderr == Self.brokenPipe, "\(arguments)")
        }
    }

    /// `yieldstrip batch < many-lines | head -1`: the first answer arrives, then the reader goes; the batch
    /// stops at its next write with the message and exit status 1.
    @Test func batchIntoHeadOne() throws {
        let tool = try #require(SplitAAPLExampleTests.builtTool)
        let files = try TemporaryMarketFiles()
        let outcome = try Subprocess.run(tool, ["batch"], stdinPath: try Self.batchInput(files), stdout: .firstLineThenClosed)
        #expect(outcome.stdout == #"{"id":0,"result":"0"}"# + "\n")
        #expect(outcome.signal == nil && outcome.exitStatus == 1, "\(outcome)")
        #expect(outcome.stderr == Self.brokenPipe)
    }
}
