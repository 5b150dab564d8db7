// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "YieldStrip",
    // UInt128 (the limbs of the 256-bit integers) needs the Swift 6 runtime on Apple platforms.
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "YieldStrip", targets: ["YieldStrip"]),
        .library(name: "YieldStripCharts", targets: ["YieldStripCharts"]),
        .executable(name: "yieldstrip", targets: ["yieldstrip"]),
        .executable(name: "yieldstrip-bench", targets: ["yieldstrip-bench"])
    ],
    targets: [
        // MARK: Public API

        /// Exact 256-bit integers and Pendle V2's 18-decimal fixed-point math (PMath, SYUtils, LogExpMath).
        .target(name: "YieldStripMath", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        /// JSON values, a strict reader and a writer that keeps numbers' exact text.
        .target(name: "YieldStripJSON", dependencies: ["YieldStripMath"]),
        /// Rates and time, tokenization (SY / PT / YT), the Pendle V2 market, market files, strategies.
        .target(name: "YieldStrip", dependencies: ["YieldStripMath", "YieldStripJSON"]),
        /// SVG charts of the jobs' results and the HTML tear sheet of a market: text in, text out, no I/O.
        .target(name: "YieldStripCharts", dependencies: ["YieldStrip"]),
        /// The `batch` JSON-Lines protocol: the runner, requests, the op registry, the byte streams, and the ops
        /// that reproduce the contracts' functions exactly (wad math, the Pendle market, YieldSpace pools).
        .target(name: "YieldStripBatch", dependencies: ["YieldStrip", "YieldStripJSON"]),
        /// The command-line interface and the job ops of `batch` (whose answers the commands print with
        /// `--json`), as a library so tests can drive it.
        .target(name: "YieldStripCLI", dependencies: ["YieldStrip", "YieldStripJSON", "YieldStripBatch", "YieldStripCharts"]),

        /// Shared helpers of the test targets (reference-vector loading).
        .target(name: "_TestSupport", dependencies: ["YieldStripMath"], path: "Tests/_TestSupport", resources: [.copy("Vectors")]),

        // MARK: Executables

        .executableTarget(name: "yieldstrip", dependencies: ["YieldStripCLI"]),
        .executableTarget(name: "yieldstrip-bench", dependencies: ["YieldStrip", "YieldStripBatch"]),

        // MARK: Tests

        // The reference vectors live once, in _TestSupport's bundle (`TestVectors`).
        .testTarget(name: "YieldStripMathTests", dependencies: ["YieldStripMath", "_TestSupport"]),
        .testTarget(name: "YieldStripTests", dependencies: ["YieldStrip", "YieldStripJSON", "_TestSupport"]),
        .testTarget(name: "YieldStripCLITests", dependencies: ["YieldStripCLI", "YieldStripBatch", "_TestSupport"]),
        // Golden charts are read and rewritten in place (see ChartGoldenTests), not bundled.
        .testTarget(name: "YieldStripChartsTests", dependencies: ["YieldStripCharts", "YieldStrip"], exclude: ["Golden"])
    ]
)
