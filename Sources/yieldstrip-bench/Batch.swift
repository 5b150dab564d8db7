import Foundation
import YieldStrip
import YieldStripBatch

/// Discards what the batch writes (the bytes are still produced and counted).
final class CountingSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) { count &+= bytes.count }
}

/// `executeTradeCore` request lines on the fixture market: 1,000 sizes, both directions.
func executeTradeLines(count: Int) -> String {
    let m = Fixture.market
    let market =
        #"{"totalPt":"\#(m.totalPt.weiDescription)","totalSy":"\#(m.totalSy.weiDescription)","totalLp":"\#(m.totalLp.weiDescription)","scalarRoot":"\#(m.scalarRoot.weiDescription)","expiry":\#(m.expiry),"lnFeeRateRoot":"\#(m.lnFeeRateRoot.weiDescription)","reserveFeePercent":\#(m.reserveFeePercent),"lastLnImpliedRate":"\#(m.lastLnImpliedRate.weiDescription)"}"#
    return (0..<count).map { i in
        let size = Fixture.tradeSizes[i & 63].raw &* Int256(Int64(i % 7 + 1))
        return
            #"{"op":"executeTradeCore","id":\#(i),"market":\#(market),"pyIndex":"\#(Fixture.pyIndex.weiDescription)","blockTime":\#(Fixture.blockTime),"netPtToAccount":"\#(size)"}"#
    }.joined(separator: "\n") + "\n"
}

/// `count` request lines of the 64 reference-vector cases, in turn.
func vectorTradeLines(count: Int) -> String {
    (0..<count).map { VectorTradeCase.all[$0 % VectorTradeCase.all.count].line(id: $0) }.joined(separator: "\n") + "\n"
}

/// The batch door beside the trade it carries, on the fixture market and on the reference vectors' markets:
/// each line row's note gives its cost as a multiple of its trade row's (measured in the same run).
func batchBenchmarks() throws -> [Benchmark] {
    let lineCount = 1024
    let fixtureInput = Array(executeTradeLines(count: lineCount).utf8)
    let vectorInput = Array(vectorTradeLines(count: lineCount).utf8)
    let vectorCases = VectorTradeCase.all.compactMap(\.inputs)
    guard vectorCases.count == 64 else { throw BenchError(reason: "a reference-vector case does not parse") }
    let runner = BatchRunner(registry: .contractOps)
    var c = Cursor()
    return [
        Benchmark(
            group: "batch", name: "executeTradeCore lines, in process (parse + trade + answer)",
            operationsPerCall: lineCount, note: "per line; rate = lines/s on one core",
            ratioTo: "market executeTradeCore exact (pre-compute + trade + new state)"
        ) {
            let sink = CountingSink()
            runner.run(input: MemorySource(fixtureInput), output: sink)
            blackHole(sink.count)
        },
        Benchmark(
            group: "batch", name: "executeTradeCore exact, reference-vector markets (the trade alone)",
            note: "64 cases of market_trade.json, in turn"
        ) {
            let (market, index, netPt) = vectorCases[c.next()]
            blackHole(
                try? PendleMarketMath.executeTradeCore(
                    market, pyIndex: index, netPtToAccount: netPt, blockTime: VectorTradeCase.all[c.position].blockTime))
        },
        Benchmark(
            group: "batch", name: "executeTradeCore lines, reference-vector markets, in process",
            operationsPerCall: lineCount, note: "the same 64 cases as lines",
            ratioTo: "batch executeTradeCore exact, reference-vector markets (the trade alone)"
        ) {
            let sink = CountingSink()
            runner.run(input: MemorySource(vectorInput), output: sink)
            blackHole(sink.count)
        }
    ]
}

struct BenchError: Error {
    var reason: String
}

/// End to end through the `yieldstrip` executable beside this one: `lines` request lines (`text`) piped
/// into `yieldstrip batch`, wall time from spawn to exit. Nil when the executable is not there.
func processThroughput(input text: String, lines: Int) throws -> (linesPerSecond: Double, seconds: Double)? {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let executable = directory.appendingPathComponent("yieldstrip")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else { return nil }
    let input = Data(text.utf8)
    let process = Process()
    process.executableURL = executable
    process.arguments = ["batch"]
    let stdin = Pipe()
    let stdout = Pipe()
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
