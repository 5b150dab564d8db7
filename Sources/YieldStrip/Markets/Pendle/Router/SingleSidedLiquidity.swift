/// Liquidity from one token, as Pendle's router builds it: swap part of the input into the other side,
/// then `addLiquidityCore` on the market as the swap left it; or, keeping YT, mint PT + YT from part of
/// the SY and add the PT with the rest. Removal to one token burns LP and swaps the other side away.
///
/// The swapped amount is chosen *optimally*: the largest LP the input can mint (the router's
/// `approxSwapSyToAddLiquidityV2` / `approxSwapPtToAddLiquidityV2` only approximate the balance point).
/// LP from each side is monotone in the swap size (one rises, the other falls), so the optimum is where
/// they cross; the exact answer compares the two sizes either side of the crossing.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/router/ActionAddRemoveLiqV3.sol`,
/// `math/MarketApproxLibV2.sol`.
public struct LiquidityResult<S: PendleScalar>: Sendable {
    /// The router operation (`addLiquiditySingleSy`, …): the `batch` op name.
    public var operation: String
    /// LP minted to the account (adds) or burned (removes).
    public var netLp: S
    /// The swap leg, when there was one.
    public var swap: ExecutedTrade<S>?
    /// The market after the whole operation.
    public var market: MarketState<S>
    /// Named amounts in the op's vocabulary, in answer order.
    public var fields: NamedAmounts<S>
    /// Curve evaluations used (and those of the `Double` search that seeded an exact one).
    public var evaluations: Int
    public var seedEvaluations: Int
}

extension PendleMarketMath {
    /// `addLiquiditySingleSy`: swap SY for `g` PT, add the remaining SY and the PT. Maximizes LP out.
    /// Fields: `netLpOut`, `netPtFromSwap`, `netSyUsedForSwap`, `netSyAdded`, `netSyFee`, `netSyToReserve`.
    public static func addLiquiditySingleSy<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, netSyIn: S, blockTime: Int64
    ) throws -> LiquidityResult<S> {
        try singleSidedAdd(market, pyIndex: pyIndex, amountIn: netSyIn, fromSy: true, blockTime: blockTime)
    }

    /// `addLiquiditySinglePt`: swap `g` PT for SY, add the SY and the remaining PT. Maximizes LP out.
    /// Fields: `netLpOut`, `netPtSwapped`, `netSyFromSwap`, `netPtAdded`, `netSyFee`, `netSyToReserve`.
    public static func addLiquiditySinglePt<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, netPtIn: S, blockTime: Int64
    ) throws -> LiquidityResult<S> {
        try singleSidedAdd(market, pyIndex: pyIndex, amountIn: netPtIn, fromSy: false, blockTime: blockTime)
    }

    /// `addLiquiditySingleSyKeepYt`: mint PT + YT from `netSyIn · totalPt / (totalPt + syToAsset(totalSy))`
    /// SY (floor), add that PT with the rest of the SY; the account keeps the YT. No swap, no fee.
    /// Fields: `netLpOut`, `netYtOut`, `netSyMintPy`, `netSyAdded`.
    public static func addLiquiditySingleSyKeepYt<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, netSyIn: S, blockTime: Int64
    ) throws -> LiquidityResult<S> {
        if netSyIn.isNegative { throw SwapError.negativeAmount(field: "netSyIn") }
        let totalAsset = try market.totalSy.syToAsset(index: pyIndex)
        let netSyMintPy = try S.mulDivRaw(netSyIn, market.totalPt, market.totalPt + totalAsset)
        let netSyAdded = try netSyIn - netSyMintPy
        let netPy = try netSyMintPy.syToAsset(index: pyIndex)
        let added = try addLiquidityCore(market, syDesired: netSyAdded, ptDesired: netPy, blockTime: blockTime)
        return LiquidityResult(
            operation: "addLiquiditySingleSyKeepYt", netLp: added.lpToAccount, swap: nil, market: added.market,
            fields: [
                ("netLpOut", added.lpToAccount), ("netYtOut", netPy), ("netSyMintPy", netSyMintPy),
                ("netSyAdded", added.syUsed)
            ],
            evaluations: 0, seedEvaluations: 0)
    }

    /// `removeLiquiditySingleSy`: burn LP, sell the PT for SY (after expiry the PT is redeemed instead:
    /// `assetToSy(pyIndex, pt)`). Fields: `netSyOut`, `netSyFromBurn`, `netPtFromBurn`, `netSyFromPt`,
    /// `netSyFee`, `netSyToReserve`.
    public static func removeLiquiditySingleSy<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, lpToRemove: S, blockTime: Int64
    ) throws -> LiquidityResult<S> {
        let burned = try removeLiquidityCore(market, lpToRemove: lpToRemove)
        var trade: ExecutedTrade<S>? = nil
        let fromPt: S
        if market.isExpired(at: blockTime) {
            fromPt = try burned.netPtToAccount.assetToSy(index: pyIndex)
        } else if burned.netPtToAccount.isZero {
            fromPt = .zero
        } else {
            let sold = try executeTradeCore(
                burned.market, pyIndex: pyIndex, netPtToAccount: burned.netPtToAccount.negated(),
                blockTime: blockTime)
            trade = sold
            fromPt = sold.netSyToAccount
        }
        let netSyOut = try burned.netSyToAccount + fromPt
        return LiquidityResult(
            operation: "removeLiquiditySingleSy", netLp: lpToRemove, swap: trade, market: trade?.market ?? burned.market,
            fields: [
                ("netSyOut", netSyOut), ("netSyFromBurn", burned.netSyToAccount),
                ("netPtFromBurn", burned.netPtToAccount), ("netSyFromPt", fromPt),
                ("netSyFee", trade?.netSyFee ?? .zero), ("netSyToReserve", trade?.netSyToReserve ?? .zero)
            ],
            evaluations: trade == nil ? 0 : 1, seedEvaluations: 0)
    }

    /// `removeLiquiditySinglePt`: burn LP, spend the SY on PT (the optimal `swapExactSyForPt`).
    /// Fields: `netPtOut`, `netSyFromBurn`, `netPtFromBurn`, `netPtFromSwap`, `netSyFee`, `netSyToReserve`.
    public static func removeLiquiditySinglePt<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, lpToRemove: S, blockTime: Int64
    ) throws -> LiquidityResult<S> {
        let burned = try removeLiquidityCore(market, lpToRemove: lpToRemove)
        let swap = try self.swap(
            .swapExactSyForPt, market: burned.market, pyIndex: pyIndex, amount: burned.netSyToAccount,
            blockTime: blockTime)
        let netPtOut = try burned.netPtToAccount + swap.amountOut
        return LiquidityResult(
            operation: "removeLiquiditySinglePt", netLp: lpToRemove, swap: swap.trade,
            market: swap.trade?.market ?? burned.market,
            fields: [
                ("netPtOut", netPtOut), ("netSyFromBurn", burned.netSyToAccount),
                ("netPtFromBurn", burned.netPtToAccount), ("netPtFromSwap", swap.amountOut),
                ("netSyFee", swap.netSyFee), ("netSyToReserve", swap.netSyToReserve)
            ],
            evaluations: swap.evaluations, seedEvaluations: swap.seedEvaluations)
    }

    /// The optimal single-sided add. With `g` the PT leg (bought with SY, or sold for SY), the LP each side
    /// would mint after the swap is `lpByPt(g)` and `lpBySy(g)`; LP out is their minimum. The side fed by
    /// the swap grows with `g` and the other shrinks, so the margin `other − fed` decreases through zero;
    /// the answer is the better of the last size with margin ≥ 0 and the next one.
    static func singleSidedAdd<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, amountIn: S, fromSy: Bool, blockTime: Int64
    ) throws -> LiquidityResult<S> {
        let field = fromSy ? "netSyIn" : "netPtIn"
        if amountIn.isNegative { throw SwapError.negativeAmount(field: field) }
        if amountIn.isZero { throw PendleError.marketZeroAmountsInput }
        if market.totalLp.isZero { throw LiquidityError.noExistingLiquidity }
        let comp = try getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        let sign: Int = fromSy ? 1 : -1

        typealias Candidate = SingleSidedCandidate<S>
        // The LP each side would mint after a swap leg of `size`; nil when the swap or the add reverts.
        func evaluate(_ size: S) -> (byPt: S, bySy: S, candidate: Candidate)? {
            guard size.isPositive, let netPt = try? (sign > 0 ? size : size.negated()),
                let trade = try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime)
            else { return nil }
            let after = trade.market
            let sy: S?
            let pt: S?
            if fromSy {
                sy = try? amountIn + trade.netSyToAccount  // netSyToAccount < 0: the SY spent
                pt = size
            } else {
                sy = trade.netSyToAccount
                pt = try? amountIn - size
            }
            guard let sy, let pt, sy.isPositive, pt.isPositive,
                let byPt = try? S.mulDivRaw(pt, after.totalLp, after.totalPt),
                let bySy = try? S.mulDivRaw(sy, after.totalLp, after.totalSy),
                let added = try? addLiquidityCore(after, syDesired: sy, ptDesired: pt, blockTime: blockTime)
            else { return nil }
            return (byPt, bySy, Candidate(trade: trade, added: added))
        }
        // Seed and slope in Double: the crossing of the two LP lines.
        let upper: S = fromSy ? try market.totalPt - S(wei: 1) : amountIn
        let index = pyIndex.doubleValue
        // d(margin)/dg from the curve's slope, with P', S' the totals after the swap and L the LP supply:
        // from SY: lpByPt = g·L/P' (P' = P − g), lpBySy = (X − cost)·L/S' (S' ≈ S + cost, d cost/dg = −curve);
        // from PT: lpBySy = q·L/S' (S' = S − q, dq/dg = −curve), lpByPt = (X − g)·L/P' (P' = P + g).
        func marginSlope(_ size: S, _ c: Candidate) -> Double {
            let curve = marginalNetSyToAccount(
                market, comp, pyIndex: pyIndex, netPtToAccount: c.trade.netPtToAccount,
                buyingPt: fromSy)
            let lp = c.trade.market.totalLp.doubleValue
            let pt = c.trade.market.totalPt.doubleValue
            let sy = c.trade.market.totalSy.doubleValue
            let g = size.doubleValue
            let x = amountIn.doubleValue
            let netSy = c.trade.netSyToAccount.doubleValue
            if fromSy {
                let dByPt = lp * (pt + g) / (pt * pt)
                let dBySy = -lp * (-curve) * (sy + x + netSy) / (sy * sy)
                return dBySy - dByPt
            }
            let dBySy = lp * (-curve) * (sy + netSy) / (sy * sy)
            let dByPt = -lp * (pt + x - g) / (pt * pt)
            return dByPt - dBySy
        }
        var seed: (size: Double, slope: Double)? = nil
        var seedEvaluations = 0
        if S.isExact, let approxMarket = market.converted(to: Double.self) {
            if let approx = try? singleSidedAdd(
                approxMarket, pyIndex: index, amountIn: amountIn.doubleValue, fromSy: fromSy,
                blockTime: blockTime), let leg = approx.swap
            {
                seedEvaluations = approx.evaluations + approx.seedEvaluations
                seed = (abs(leg.netPtToAccount), -1)
            }
        } else {
            // Linear start: split the input in the pool's value proportion.
            let totalAsset = comp.totalAsset.doubleValue
            let pt = market.totalPt.doubleValue
            let ptValueShare = pt / (pt + totalAsset)
            seed = (amountIn.doubleValue * (fromSy ? index * ptValueShare : 1 - ptValueShare), -1)
        }
        let solved = S.largestFeasibleSize(lower: .zero, upper: upper, seed: seed, referenceNoise: nil) {
            size -> (margin: S, slope: Double, value: Candidate)? in
            guard let (byPt, bySy, candidate) = evaluate(size),
                let margin = try? (fromSy ? bySy - byPt : byPt - bySy)
            else { return nil }
            return (margin, !S.isExact ? marginSlope(size, candidate) : 0, candidate)
        }
        var evaluations = solved.evaluations
        var best = solved.value
        // The crossing: compare with the next size (exact flavour), where the other side binds.
        if S.isExact {
            let next = try solved.size + S(wei: 1)
            evaluations += 1
            if next <= upper, let (_, _, candidate) = evaluate(next),
                candidate.added.lpToAccount > (best?.added.lpToAccount ?? .zero)
            {
                best = candidate
            }
        }
        guard let chosen = best else { throw PendleError.marketZeroAmountsOutput }
        let trade = chosen.trade
        let added = chosen.added
        let size = trade.netPtToAccount.isNegative ? try trade.netPtToAccount.negated() : trade.netPtToAccount
        let fields: NamedAmounts<S> =
            fromSy
            ? [
                ("netLpOut", added.lpToAccount), ("netPtFromSwap", size), ("netSyUsedForSwap", try trade.netSyToAccount.negated()),
                ("netSyAdded", added.syUsed), ("netSyFee", trade.netSyFee), ("netSyToReserve", trade.netSyToReserve)
            ]
            : [
                ("netLpOut", added.lpToAccount), ("netPtSwapped", size), ("netSyFromSwap", trade.netSyToAccount),
                ("netPtAdded", added.ptUsed), ("netSyFee", trade.netSyFee), ("netSyToReserve", trade.netSyToReserve)
            ]
        return LiquidityResult(
            operation: fromSy ? "addLiquiditySingleSy" : "addLiquiditySinglePt", netLp: added.lpToAccount,
            swap: trade, market: added.market, fields: fields, evaluations: evaluations,
            seedEvaluations: seedEvaluations)
    }
}

/// A swap leg and the add it leads to.
struct SingleSidedCandidate<S: PendleScalar>: Sendable {
    var trade: ExecutedTrade<S>
    var added: PendleMarketMath.AddLiquidityResult<S>
}

/// Liquidity errors that are not contract reverts.
public enum LiquidityError: DomainError, Hashable {
    /// Single-sided liquidity needs an existing pool (the router: `require(totalLp != 0, "no existing lp")`).
    case noExistingLiquidity

    /// The router's `require` string.
    public var errorName: String { "no existing lp" }
    public var message: String {
        "no existing lp: the market has no liquidity yet; add both SY and PT first (addLiquidityCore)"
    }
}
