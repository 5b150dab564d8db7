import Foundation
import YieldStrip

extension String {
    var utf8Data: Data { Data(utf8) }
}

// yieldstrip-bench [--filter TEXT] [--samples N] [--sample-ms MS] [--json] [--sweep-fixture]
// Median time per operation over repeated samples (warm-up excluded). Build with -c release.
// --sweep-fixture prints the sweep rows' pre-computed market and sizes as JSON (for scripts/bench-numpy.sh) and exits.
var filter: String? = nil
var samples = 21
var sampleMilliseconds = 20.0
var json = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--filter": filter = arguments.next()
    case "--samples": samples = arguments.next().flatMap(Int.init) ?? samples
    case "--sample-ms": sampleMilliseconds = arguments.next().flatMap(Double.init) ?? sampleMilliseconds
    case "--json": json = true
    case "--sweep-fixture":
        do {
            print(try SweepFixture.json())
            exit(0)
        } catch {
            FileHandle.standardError.write("Error: \(error)\n".utf8Data)
            exit(1)
        }
    case "-h", "--help":
        print("USAGE: yieldstrip-bench [--filter TEXT] [--samples N] [--sample-ms MS] [--json] [--sweep-fixture]")
        exit(0)
    default:
        FileHandle.standardError.write("Error: unknown option '\(argument)'\n".utf8Data)
        exit(2)
    }
}

do {
    var benchmarks = try coreBenchmarks()
    benchmarks += try batchBenchmarks()
    if let filter { benchmarks = benchmarks.filter { "\($0.group) \($0.name)".localizedCaseInsensitiveContains(filter) } }
    var rows: [[String]] = []
    var objects: [String] = []
    for benchmark in benchmarks {
        let m = try measure(benchmark, samples: samples, sampleMilliseconds: sampleMilliseconds)
        let perSecond = 1e9 / m.medianNanoseconds
        rows.append([benchmark.group, benchmark.name, formatDuration(m.medianNanoseconds), formatDuration(m.minNanoseconds),
                     String(format: "±%.1f%%", m.spreadPercent / 2),
                     perSecond >= 1e6 ? String(format: "%.1fM/s", perSecond / 1e6) : String(format: "%.0fk/s", perSecond / 1e3),
                     benchmark.note])
        objects.append("{\"group\":\"\(benchmark.group)\",\"name\":\"\(benchmark.name)\",\"medianNs\":\(m.medianNanoseconds),\"minNs\":\(m.minNanoseconds),\"spreadPercent\":\(m.spreadPercent),\"samples\":\(m.samples),\"note\":\"\(benchmark.note)\"}")
        if !json { FileHandle.standardError.write(".".utf8Data) }
    }
    // End to end: 100,000 lines through the executable (best of three runs).
    var process: (linesPerSecond: Double, seconds: Double)? = nil
    if filter.map({ "batch process".localizedCaseInsensitiveContains($0) || $0.localizedCaseInsensitiveContains("batch") }) ?? true {
        for _ in 0..<3 {
            if let run = try processThroughput(lines: 100_000), run.linesPerSecond > (process?.linesPerSecond ?? 0) { process = run }
        }
    }
    if let process {
        rows.append(["batch", "executeTradeCore lines through `yieldstrip batch` (100,000 piped)",
                     formatDuration(1e9 / process.linesPerSecond), "", "", String(format: "%.0fk/s", process.linesPerSecond / 1e3),
                     String(format: "best of 3 runs, %.2f s", process.seconds)])
        objects.append("{\"group\":\"batch\",\"name\":\"process\",\"linesPerSecond\":\(process.linesPerSecond)}")
    }
    if json {
        print("[" + objects.joined(separator: ",\n") + "]")
    } else {
        FileHandle.standardError.write("\n".utf8Data)
        print(renderTable(rows, header: ["group", "benchmark", "median", "min", "spread", "rate", "notes"], rightAligned: [2, 3, 4, 5]))
    }
} catch {
    FileHandle.standardError.write("Error: \(error)\n".utf8Data)
    exit(1)
}
