import YieldStrip
import YieldStripBatch
import YieldStripJSON

extension BatchOpRegistry {
    /// Every op `yieldstrip batch` answers, area by area: the contracts' functions (``contractOps``) and the
    /// jobs, whose answers the commands print with `--json`. An area adds its ops by appending its own
    /// `entries` list here.
    public static let standard = BatchOpRegistry(
        MathOps.entries + MarketOps.entries + AnalyticsOps.entries + StrategyOps.entries + LendingOps.entries
            + YieldContractOps.entries + TokenizationOps.entries + YieldSpaceOps.entries
    )
}

extension BatchRunner {
    /// A runner of every op of the tool (``BatchOpRegistry/standard``).
    ///
    /// - Parameters:
    ///   - maxLineBytes: the longest line read (bytes before the newline), ≥ 1.
    ///   - usesFastPaths: false sends every line through the general path (``usesFastPaths``).
    ///   - units: the amounts of a request that does not say (``units``).
    public init(maxLineBytes: Int = BatchRunner.defaultMaxLineBytes, usesFastPaths: Bool = true, units: BatchUnits = .wei) {
        self.init(registry: .standard, maxLineBytes: maxLineBytes, usesFastPaths: usesFastPaths, units: units)
    }
}
