import YieldStrip

/// End-to-end `batch` throughput; filled in once the batch runner is available.
func batchBenchmarks() throws -> [Benchmark] { [] }
