import Foundation

/// Keeps a value alive so the optimizer cannot delete the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Monotonic nanoseconds.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// One measured operation: `body` runs `batch` operations per call.
struct Benchmark {
    var group: String
    var name: String
    /// Operations one call of `body` performs (1 for most; the line count for batch throughput).
    var operationsPerCall: Int = 1
    /// A note printed beside the timing (e.g. curve evaluations).
    var note: String = ""
    /// The row (`group name`) this one is reported as a multiple of (a batch line of the trade it carries).
    var ratioTo: String? = nil
    var body: () throws -> Void
}

/// The timing of one benchmark: median, fastest and the spread (interquartile range over the median)
/// of the per-operation time across samples.
struct Measurement {
    var benchmark: Benchmark
    var medianNanoseconds: Double
    var minNanoseconds: Double
    var spreadPercent: Double
    var samples: Int
    var operationsPerSample: Int
}

/// Runs a benchmark: calibrates the calls per sample to ~`sampleMilliseconds`, runs one warm-up sample
/// (not counted), then `samples` timed samples.
func measure(_ benchmark: Benchmark, samples: Int, sampleMilliseconds: Double) throws -> Measurement {
    // Calibrate: double the calls until one sample takes long enough.
    var calls = 1
    while true {
        let start = monotonicNanoseconds()
        for _ in 0..<calls { try benchmark.body() }
        let elapsed = Double(monotonicNanoseconds() - start)
        if elapsed >= sampleMilliseconds * 1e6 / 4 || calls >= 1 << 24 {
            calls = max(1, Int(Double(calls) * sampleMilliseconds * 1e6 / max(elapsed, 1)))
            break
        }
        calls *= 2
    }
    for _ in 0..<calls { try benchmark.body() }  // warm-up sample
    var perOperation: [Double] = []
    for _ in 0..<samples {
        let start = monotonicNanoseconds()
        for _ in 0..<calls { try benchmark.body() }
        let elapsed = Double(monotonicNanoseconds() - start)
        perOperation.append(elapsed / Double(calls * benchmark.operationsPerCall))
    }
    perOperation.sort()
    let median = perOperation[perOperation.count / 2]
    let q1 = perOperation[perOperation.count / 4]
    let q3 = perOperation[(perOperation.count * 3) / 4]
    return Measurement(
        benchmark: benchmark, medianNanoseconds: median, minNanoseconds: perOperation[0],
        spreadPercent: 100 * (q3 - q1) / median, samples: samples,
        operationsPerSample: calls * benchmark.operationsPerCall)
}

/// Formats nanoseconds with a unit that keeps three significant digits.
func formatDuration(_ ns: Double) -> String {
    if ns < 1_000 { return String(format: "%.1f ns", ns) }
    if ns < 1_000_000 { return String(format: "%.2f µs", ns / 1_000) }
    return String(format: "%.2f ms", ns / 1_000_000)
}

/// A plain-text table: header, dashed rule, right-aligned numeric columns.
func renderTable(_ rows: [[String]], header: [String], rightAligned: Set<Int>) -> String {
    let all = [header] + rows
    let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { column, cell in
            let pad = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? pad + cell : cell + pad
        }.joined(separator: "  ")
    }
    return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
        .joined(separator: "\n")
}
