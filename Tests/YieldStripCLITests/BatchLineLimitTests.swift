import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// Batch's line limit: a line longer than `--max-line-bytes` (1 MiB by default) gets one `BadRequest` naming
/// the limit, is skipped without being kept, and the batch goes on, one answer per line, in order.
@Suite struct BatchLineLimitTests {
    /// `{"op":"sqrt","id":ID,"y":"16"}` padded with spaces before its closing brace to exactly `length` bytes.
    static func request(id: Int, length: Int) -> String {
        let head = #"{"op":"sqrt","id":\#(id),"y":"16""#
        return head + String(repeating: " ", count: max(0, length - head.utf8.count - 1)) + "}"
    }

    static func answer(id: Int) -> String { #"{"id":\#(id),"result":"4"}"# }

    static func tooLong(_ limit: Int) -> String {
        #"{"error":"BadRequest","errorArgs":[],"message":"line longer than \#(limit) bytes, the limit (--max-line-bytes); it was skipped unread, so its answer has no id: send a shorter request, or raise the limit"}"#
    }

    /// Runs the lines (joined by `\n`, with `ending` after the last) through a runner with `limit`, reading
    /// `chunkSize` bytes at a time.
    static func run(_ lines: [String], limit: Int, chunkSize: Int = .max, ending: String = "\n") -> [String] {
        let output = MemorySink()
        BatchRunner(maxLineBytes: limit).run(input: MemorySource(lines.joined(separator: "\n") + ending, chunkSize: chunkSize), output: output)
        return output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Just under the limit and at it, a line is read; one byte over, it is answered with the limit.
    @Test func underAtAndOverTheLimit() {
        let limit = 100
        let lines = [
            Self.request(id: 1, length: limit - 1), Self.request(id: 2, length: limit), Self.request(id: 3, length: limit + 1),
            Self.request(id: 4, length: 20)
        ]
        #expect(lines.map(\.utf8.count) == [99, 100, 101, 29])
        let expected = [Self.answer(id: 1), Self.answer(id: 2), Self.tooLong(limit), Self.answer(id: 4)]
        // Whole, and in reads that split the lines anywhere (the over-long line straddling reads).
        for chunkSize in [Int.max, 1, 7, 64, 99, 100, 101, 4096] {
            #expect(Self.run(lines, limit: limit, chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
            // The last line without a newline, over the limit and under it.
            #expect(
                Self.run(Array(lines.prefix(3)), limit: limit, chunkSize: chunkSize, ending: "") == Array(expected.prefix(3)),
                "chunk size \(chunkSize)")
            #expect(
                Self.run(Array(lines.prefix(2)), limit: limit, chunkSize: chunkSize, ending: "") == Array(expected.prefix(2)),
                "chunk size \(chunkSize)")
        }
        // A `\r` before the newline is part of the line's bytes.
        #expect(Self.run([Self.request(id: 5, length: limit) + "\r"], limit: limit) == [Self.tooLong(limit)])
        #expect(Self.run([Self.request(id: 5, length: limit - 1) + "\r"], limit: limit) == [Self.answer(id: 5)])
    }

    /// A huge line in the middle of a stream (2 MiB, twice the default limit) gets its answer in its place;
    /// the lines around it are answered.
    @Test func aHugeLineInTheMiddleOfAStream() {
        let huge = #"{"op":"sqrt","id":["# + String(repeating: "1,", count: 1 << 20) + #"1],"y":"16"}"#
        let stdin = [Self.request(id: 1, length: 30), huge, Self.request(id: 3, length: 30), huge].joined(separator: "\n")
        let run = yieldstrip("batch", stdin: stdin)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout == [Self.answer(id: 1), Self.tooLong(1 << 20), Self.answer(id: 3), Self.tooLong(1 << 20)].joined(separator: "\n") + "\n")
        // With a limit above it, the same line is read and answered (its id echoed).
        let raised = yieldstrip("batch", "--max-line-bytes", "4194304", stdin: huge)
        #expect(raised.exitCode == 0 && raised.stdout.hasPrefix(#"{"id":[1,1,"#) && raised.stdout.hasSuffix(#"1],"result":"4"}"# + "\n"))
    }

    @Test func theOption() {
        let line = Self.request(id: 1, length: 40)
        #expect(yieldstrip("batch", "--max-line-bytes", "40", stdin: line).stdout == Self.answer(id: 1) + "\n")
        #expect(yieldstrip("batch", "--max-line-bytes=39", stdin: line).stdout == Self.tooLong(39) + "\n")
        for bad in ["0", "-5", "1.5", "abc", "1MiB"] {
            expectFailure(
                yieldstrip("batch", "--max-line-bytes", bad, stdin: line), exitCode: 2,
                containing: "The value '\(bad)' is invalid for '--max-line-bytes <bytes>': expected a whole number of bytes, 1 or more")
        }
        #expect(yieldstrip("batch", "--help").stdout.contains("--max-line-bytes <bytes>"))
    }

    /// A 64 MiB line through the built tool: answered in its place while the process stays far below the
    /// line's size (without the limit it would hold the whole line, and its parse, in memory). Its peak
    /// memory is read while it waits for more input, after the three answers, and compared with the same
    /// tool's peak after one short line (the runtime's own share: about 20 MiB, 35 MiB under the address
    /// sanitizer), so that what the line adds is measured.
    @Test(.enabled(if: SplitAAPLExampleTests.builtTool != nil, "no built yieldstrip binary found (run 'swift build' first)"))
    func memoryStaysBoundedWhateverTheLineLength() throws {
        let tool = try #require(SplitAAPLExampleTests.builtTool)
        let lineBytes = 64 << 20
        var input = Data((Self.request(id: 1, length: 30) + "\n" + #"{"op":"sqrt","y":"16","id":""#).utf8)
        input.append(Data(repeating: UInt8(ascii: "a"), count: lineBytes))
        input.append(Data(("\"}\n" + Self.request(id: 3, length: 30) + "\n").utf8))
        guard let (outcome, peak) = try Subprocess.peakMemoryAnswering(tool, ["batch"], input: input, lines: 3),
            let (_, baseline) = try Subprocess.peakMemoryAnswering(
                tool, ["batch"], input: Data((Self.request(id: 1, length: 30) + "\n").utf8),
                lines: 1)
        else { return }
        #expect(outcome.exitStatus == 0 && outcome.stderr.isEmpty, "\(outcome)")
        #expect(outcome.stdout == [Self.answer(id: 1), Self.tooLong(1 << 20), Self.answer(id: 3)].joined(separator: "\n") + "\n")
        #expect(peak - baseline < lineBytes / 8, "peak resident memory \(peak) bytes, \(baseline) after one short line")
    }
}
