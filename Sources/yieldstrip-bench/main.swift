import Foundation
import YieldStrip

extension String {
    var utf8Data: Data { Data(utf8) }
}

// yieldstrip-bench [--filter TEXT] [--samples N] [--sample-ms MS] [--json] [--sweep-fixture] [--batch-lines fixture|vector N]
// Median time per operation over repeated samples (warm-up excluded). Build with -c release.
// --sweep-fixture prints the sweep rows' pre-computed market and sizes as JSON (for scripts/bench-numpy.sh) and exits.
// --batch-lines prints N request lines of the batch rows (the fixture market's, or the 64 reference-vector
// cases') and exits: the input of the piped and instruction-count measurements in docs/performance.md.
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
    case "--batch-lines":
        let kind = arguments.next()
        let count = arguments.next().flatMap(Int.init)
        guard let count, count > 0, kind == "fixture" || kind == "vector" else {
            FileHandle.standardError.write("Error: --batch-lines takes fixture or vector, then a count of lines\n".utf8Data)
            exit(2)
        }
        print(kind == "fixture" ? executeTradeLines(count: count) : vectorTradeLines(count: count), terminator: "")
        exit(0)
    case "-h", "--help":
        print("USAGE: yieldstrip-bench [--filter TEXT] [--samples N] [--sample-ms MS] [--json] [--sweep-fixture] [--batch-lines fixture|vector N]")
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
    var medians: [String: Double] = [:]
    for benchmark in benchmarks {
        let m = try measure(benchmark, samples: samples, sampleMilliseconds: sampleMilliseconds)
        medians["\(benchmark.group) \(benchmark.name)"] = m.medianNanoseconds
        let perSecond = 1e9 / m.medianNanoseconds
        // A row measured beside another (a batch line beside its trade): the multiple, from this run.
        var note = benchmark.note
        var ratioField = ""
        if let base = benchmark.ratioTo, let baseMedian = medians[base] {
            let ratio = m.medianNanoseconds / baseMedian
            note += String(format: "; %.2f× its trade", ratio)
            ratioField = ",\"ratio\":\(ratio)"
        }
        rows.append([
            benchmark.group, benchmark.name, formatDuration(m.medianNanoseconds), formatDuration(m.minNanoseconds),
            String(format: "±%.1f%%", m.spreadPercent / 2),
            perSecond >= 1e6 ? String(format: "%.1fM/s", perSecond / 1e6) : String(format: "%.0fk/s", perSecond / 1e3),
            note
        ])
        objects.append(
            "{\"group\":\"\(benchmark.group)\",\"name\":\"\(benchmark.name)\",\"medianNs\":\(m.medianNanoseconds),\"minNs\":\(m.minNanoseconds),\"spreadPercent\":\(m.spreadPercent),\"samples\":\(m.samples)\(ratioField),\"note\":\"\(note)\"}"
        )
        if !json { FileHandle.standardError.write(".".utf8Data) }
    }
    // End to end: 100,000 lines through the executable (best of three runs), on each kind of input.
    if filter.map({ "batch process".localizedCaseInsensitiveContains($0) || $0.localizedCaseInsensitiveContains("batch") }) ?? true {
        for (kind, text) in [("fixture", executeTradeLines(count: 100_000)), ("vector", vectorTradeLines(count: 100_000))] {
            var process: (linesPerSecond: Double, seconds: Double)? = nil
            for _ in 0..<3 {
                if let run = try processThroughput(input: text, lines: 100_000), run.linesPerSecond > (process?.linesPerSecond ?? 0) { process = run }
            }
            guard let process else { continue }
            let name =
                kind == "fixture"
                ? "executeTradeCore lines through `yieldstrip batch` (100,000 piped)"
                : "reference-vector lines through `yieldstrip batch` (100,000 piped)"
            rows.append([
                "batch", name, formatDuration(1e9 / process.linesPerSecond), "", "",
                String(format: "%.0fk/s", process.linesPerSecond / 1e3), String(format: "best of 3 runs, %.2f s", process.seconds)
            ])
            objects.append("{\"group\":\"batch\",\"name\":\"process \(kind)\",\"linesPerSecond\":\(process.linesPerSecond)}")
        }
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
