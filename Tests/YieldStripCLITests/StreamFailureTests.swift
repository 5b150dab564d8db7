import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// A sink whose writes fail from the `failAfter`-th on (0: the first), as a full disk does.
final class FailingSink: ByteSink {
    let failAfter: Int
    private(set) var writes = 0
    let kept = MemorySink()

    init(failAfter: Int = 0) { self.failAfter = failAfter }

    func write(_ bytes: UnsafeRawBufferPointer) throws(StreamError) {
        defer { writes += 1 }
        guard writes < failAfter else { throw StreamError(.write, stream: "standard output", reason: "No space left on device") }
        kept.write(bytes)
    }
}

/// A source handing out `text` in `chunkSize` reads, then failing (or ending, when `failsAtEnd` is false),
/// and counting its reads.
final class ScriptedSource: ByteSource {
    private let inner: MemorySource
    private let failsAtEnd: Bool
    private(set) var reads = 0

    init(_ text: String, chunkSize: Int, failsAtEnd: Bool) {
        inner = MemorySource(text, chunkSize: chunkSize)
        self.failsAtEnd = failsAtEnd
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
        reads += 1
        let count = inner.read(into: buffer)
        if count == 0 && failsAtEnd { throw StreamError(.read, stream: "standard input", reason: "Is a directory") }
        return count
    }
}

/// I/O failures: a failed write to stdout or read of stdin is a message on stderr and exit 1; batch stops
/// reading after the first failed write; input files are read up to 16 MiB.
@Suite struct StreamFailureTests {
    func run(_ arguments: [String], input: any ByteSource = MemorySource(""), output: any ByteSink) -> (status: Int32, stderr: String) {
        let errors = MemorySink()
        let status = CLI.main(arguments: arguments, console: Console(input: input, output: output, errorOutput: errors))
        return (status, errors.text)
    }

    @Test func aFailedWriteIsExitOne() {
        for arguments in [
            ["wad", "mul", "1", "2"], ["wad", "mul", "1", "2", "--json"], ["--help"], ["market", "show", "--market", MarketExamples.aapl]
        ] {
            let (status, stderr) = run(arguments, output: FailingSink())
            #expect(status == 1 && stderr == "Error: cannot write to standard output: No space left on device\n", "\(arguments): \(stderr)")
        }
    }

    /// Batch stops at the first failed write: nothing more is read.
    @Test func batchStopsReadingAfterAFailedWrite() {
        let line = #"{"op":"sqrt","y":"16"}"# + "\n"
        let source = ScriptedSource(String(repeating: line, count: 10_000), chunkSize: 1 << 12, failsAtEnd: false)
        let (status, stderr) = run(["batch"], input: source, output: FailingSink())
        #expect(status == 1 && stderr == "Error: cannot write to standard output: No space left on device\n")
        #expect(source.reads == 1)
        // With the second write failing, the first chunk's answers are out and one more chunk was read.
        let later = ScriptedSource(String(repeating: line, count: 10_000), chunkSize: 1 << 12, failsAtEnd: false)
        let sink = FailingSink(failAfter: 1)
        #expect(run(["batch"], input: later, output: sink).status == 1)
        #expect(later.reads == 2 && sink.kept.text.hasPrefix(#"{"result":"4"}"#) && sink.writes == 2)
    }

    /// A read error ends the batch with exit 1, after the answers to the lines before it.
    @Test func aReadErrorIsExitOne() {
        let source = ScriptedSource(#"{"op":"sqrt","y":"16"}"# + "\n" + #"{"op":"sqrt","y":"9"}"# + "\n", chunkSize: 1 << 16, failsAtEnd: true)
        let output = MemorySink()
        let (status, stderr) = run(["batch"], input: source, output: output)
        #expect(status == 1 && stderr == "Error: cannot read from standard input: Is a directory\n")
        #expect(output.text == #"{"result":"4"}"# + "\n" + #"{"result":"3"}"# + "\n")
    }

    /// The real descriptors: /dev/full refuses writes (ENOSPC), a directory refuses reads (EISDIR).
    @Test func fileDescriptorsReportTheSystemsReason() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        let sink = FileDescriptorSink(descriptor: full, name: "standard output")
        #expect(throws: StreamError(.write, stream: "standard output", reason: systemErrorText(ENOSPC))) { try sink.write("x") }
        // The sink stays failed.
        #expect(throws: StreamError.self) { try sink.write("y") }

        let directory = open("/", O_RDONLY)
        try #require(directory >= 0)
        defer { close(directory) }
        let source = FileDescriptorSource(descriptor: directory)
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(throws: StreamError(.read, stream: "file descriptor \(directory)", reason: systemErrorText(EISDIR))) {
            _ = try buffer.withUnsafeMutableBytes { (raw) throws(StreamError) in try source.read(into: raw) }
        }
    }

    /// Market and schedule files are read up to 16 MiB; a larger one (or a directory) is a clear error.
    @Test func inputFilesAreCapped() throws {
        let files = try TemporaryMarketFiles()
        let big = try files.write(String(repeating: " ", count: FileBytes.inputLimit + 1))
        expectFailure(
            yieldstrip("market", "show", "--market", big), exitCode: 1,
            containing: "cannot read market file '\(big)': the file is larger than 16 MiB (16777216 bytes), the most a market file may hold")
        expectFailure(
            yieldstrip("dividends", "--schedule", big), exitCode: 1,
            containing: "cannot read \(big): the file is larger than 16 MiB (16777216 bytes), the most a schedule file may hold")
        expectFailure(
            yieldstrip("market", "show", "--market", files.directory.path), exitCode: 1,
            containing: "cannot read market file '\(files.directory.path)': Is a directory")
        expectFailure(
            yieldstrip("dividends", "--schedule", files.directory.path), exitCode: 1,
            containing: "cannot read \(files.directory.path): Is a directory")
        // A file at the limit is read (and then judged on what it holds).
        let atLimit = try files.write(String(repeating: " ", count: FileBytes.inputLimit - 2) + "[]")
        expectFailure(yieldstrip("market", "show", "--market", atLimit), exitCode: 1, containing: "must hold a JSON object")
    }
}
