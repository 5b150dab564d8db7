import Foundation
import YieldStrip
import YieldStripCLI

/// Discards what the batch writes (the bytes are still produced and counted).
final class CountingSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) { count &+= bytes.count }
}

/// `executeTradeCore` request lines on the fixture market: 1,000 sizes, both directions.
func executeTradeLines(count: Int) -> String {
    let m = Fixture.market
    let market = #"{"totalPt":"\#(m.totalPt.weiDescription)","totalSy":"\#(m.totalSy.weiDescription)","totalLp":"\#(m.totalLp.weiDescription)","scalarRoot":"\#(m.scalarRoot.weiDescription)","expiry":\#(m.expiry),"lnFeeRateRoot":"\#(m.lnFeeRateRoot.weiDescription)","reserveFeePercent":\#(m.reserveFeePercent),"lastLnImpliedRate":"\#(m.lastLnImpliedRate.weiDescription)"}"#
    return (0..<count).map { i in
        let size = Fixture.tradeSizes[i & 63].raw &* Int256(Int64(i % 7 + 1))
        return #"{"op":"executeTradeCore","id":\#(i),"market":\#(market),"pyIndex":"\#(Fixture.pyIndex.weiDescription)","blockTime":\#(Fixture.blockTime),"netPtToAccount":"\#(size)"}"#
    }.joined(separator: "\n") + "\n"
}

func batchBenchmarks() throws -> [Benchmark] {
    let lineCount = 1000
    let input = Array(executeTradeLines(count: lineCount).utf8)
    let runner = BatchRunner()
    return [
        Benchmark(group: "batch", name: "executeTradeCore lines, in process (parse + trade + answer)",
                  operationsPerCall: lineCount, note: "per line; rate = lines/s on one core") {
            let sink = CountingSink()
            runner.run(input: MemorySource(input), output: sink)
            blackHole(sink.count)
        },
    ]
}

/// End to end through the `yieldstrip` executable beside this one: `lines` requests piped into
/// `yieldstrip batch`, wall time from spawn to exit. Nil when the executable is not there.
func processThroughput(lines: Int) throws -> (linesPerSecond: Double, seconds: Double)? {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let executable = directory.appendingPathComponent("yieldstrip")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else { return nil }
    let input = Data(executeTradeLines(count: lines).utf8)
    let process = Process()
    process.executableURL = executable
    process.arguments = ["batch"]
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    let start = monotonicNanoseconds()
    try process.run()
    let writer = Thread {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    var outputBytes = 0
    while true {
        let chunk = stdout.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        outputBytes += chunk.count
    }
    process.waitUntilExit()
    let seconds = Double(monotonicNanoseconds() - start) / 1e9
    guard process.terminationStatus == 0, outputBytes > 0 else { return nil }
    return (Double(lines) / seconds, seconds)
}
