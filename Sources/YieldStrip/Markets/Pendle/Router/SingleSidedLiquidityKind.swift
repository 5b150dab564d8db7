/// The router's single-sided liquidity operations, as ``SwapKind`` names its swaps: the batch op names and
/// the field of the amount each is given.
public enum SingleSidedLiquidityKind: String, CaseIterable, Sendable {
    case addLiquiditySingleSy, addLiquiditySinglePt, addLiquiditySingleSyKeepYt, removeLiquiditySingleSy, removeLiquiditySinglePt

    /// The field holding the given amount: `netSyIn`, `netPtIn` or `lpToRemove`.
    public var amountField: String {
        switch self {
        case .addLiquiditySingleSy, .addLiquiditySingleSyKeepYt: return "netSyIn"
        case .addLiquiditySinglePt: return "netPtIn"
        case .removeLiquiditySingleSy, .removeLiquiditySinglePt: return "lpToRemove"
        }
    }
}

extension PendleMarketMath {
    /// The single-sided liquidity operation `kind` with `amount` as its ``SingleSidedLiquidityKind/amountField``:
    /// one entry for the five operations, as ``swap(_:market:pyIndex:amount:blockTime:)`` is for the swaps.
    public static func singleSidedLiquidity<S: PendleScalar>(
        _ kind: SingleSidedLiquidityKind, market: MarketState<S>, pyIndex: S, amount: S, blockTime: Int64
    ) throws -> LiquidityResult<S> {
        switch kind {
        case .addLiquiditySingleSy: return try addLiquiditySingleSy(market, pyIndex: pyIndex, netSyIn: amount, blockTime: blockTime)
        case .addLiquiditySinglePt: return try addLiquiditySinglePt(market, pyIndex: pyIndex, netPtIn: amount, blockTime: blockTime)
        case .addLiquiditySingleSyKeepYt:
            return try addLiquiditySingleSyKeepYt(market, pyIndex: pyIndex, netSyIn: amount, blockTime: blockTime)
        case .removeLiquiditySingleSy: return try removeLiquiditySingleSy(market, pyIndex: pyIndex, lpToRemove: amount, blockTime: blockTime)
        case .removeLiquiditySinglePt: return try removeLiquiditySinglePt(market, pyIndex: pyIndex, lpToRemove: amount, blockTime: blockTime)
        }
    }
}
