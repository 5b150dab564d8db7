import YieldStrip
import YieldStripJSON

extension BatchOpRegistry {
    /// Every op `yieldstrip batch` answers, area by area. An area adds its ops by appending its own
    /// `entries` list here.
    public static let standard = BatchOpRegistry(
        MathOps.entries + MarketOps.entries + AnalyticsOps.entries + StrategyOps.entries + LendingOps.entries
            + TokenizationOps.entries + YieldSpaceOps.entries
    )
}
