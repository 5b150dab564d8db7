/// Pendle V2's `MarketMathCore`, written once over ``PendleScalar``: with ``Wad`` it is the contract to
/// the wei (same operations, same order, same rounding, same reverts); with `Double` it is the same curve
/// in real arithmetic.
///
/// The curve (Notional's logit AMM): for a trade of `netPtToAccount` PT (positive = the account buys PT),
/// ```
/// p'   = (totalPt − netPtToAccount) / (totalPt + totalAsset)         (≤ 0.96)
/// rate = ln(p' / (1 − p')) / rateScalar + rateAnchor                 (PT per asset, ≥ 1)
/// rateScalar = scalarRoot · 365 d / t,   feeRate = exp(lnFeeRateRoot · t / 365 d)
/// rateAnchor = exp(lastLnImpliedRate · t / 365 d) − ln(p / (1 − p)) / rateScalar
/// ```
/// Buying PT pays `netPtToAccount / rate` asset times `feeRate` (the rate is divided by `feeRate`): a fee of
/// `(feeRate − 1)` of the pre-fee cost; selling receives the proceeds divided by `feeRate`: a fee of
/// `(feeRate − 1)/feeRate` of them; `reserveFeePercent` of the fee goes to the treasury. After the trade
/// `lastLnImpliedRate` is re-read from the new pool with the old scalar and anchor.
///
/// Rounding (exact flavour): every division truncates toward zero; the SY an account *pays* is rounded
/// away from zero (`assetToSyUp`), the SY it receives and the fees toward zero.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/core/Market/MarketMathCore.sol` (e8c2cca4).
public enum PendleMarketMath {
    /// `MINIMUM_LIQUIDITY`: LP wei locked in the reserve on the first add.
    public static let minimumLiquidityWei: Int64 = 1000
    /// `PERCENTAGE_DECIMALS`: the base of `reserveFeePercent`.
    public static let percentageDecimals: Int64 = 100
    /// `IMPLIED_RATE_TIME`: 365 days in seconds.
    public static let impliedRateTime: Int64 = RateConventions.secondsPerYear
    /// `MAX_MARKET_PROPORTION` in wei: 0.96.
    public static let maxMarketProportionWei: Int64 = 960_000_000_000_000_000

    @inlinable
    static func maxMarketProportion<S: PendleScalar>() -> S { S(wei: maxMarketProportionWei) }

    /// `expiry − blockTime` in seconds, as the contract's `uint256` subtraction: `Panic(0x11)` when it
    /// would be negative or leaves `Int64` (times far outside any block's). Callers check expiry first.
    @inlinable
    public static func timeToExpiry(expiry: Int64, blockTime: Int64) throws(PendleError) -> Int64 {
        let (t, overflow) = expiry.subtractingReportingOverflow(blockTime)
        if overflow || t < 0 { throw .arithmeticOverflow }
        return t
    }

    /// A time argument of the curve helpers: a `uint256` on chain, so a negative one is the underflow of
    /// the subtraction that produced it (`Panic(0x11)`).
    @inlinable
    static func checkTime(_ timeToExpiry: Int64) throws(PendleError) {
        if timeToExpiry < 0 { throw .arithmeticOverflow }
    }

    // MARK: Pre-compute

    /// `getMarketPreCompute`: the per-block constants of the curve.
    ///
    /// Reverts, in order: `MarketExpired`; `MarketRateScalarBelowZero(rateScalar)`; `Revert()` for a
    /// negative `pyIndex` (a `uint256` on chain); `MarketZeroTotalPtOrTotalAsset(totalPt, totalAsset)`; then the anchor's
    /// (`MarketExchangeRateBelowOne`, `MarketProportionMustNotEqualOne`, `Invalid exponent`, …).
    @inlinable
    public static func getMarketPreCompute<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64
    ) throws(PendleError) -> MarketPreCompute<S> {
        if market.isExpired(at: blockTime) { throw .marketExpired(expiry: market.expiry, blockTime: blockTime) }
        let timeToExpiry = try timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        let rateScalar = try getRateScalar(market.scalarRoot, timeToExpiry: timeToExpiry)
        // The PY index is a uint256 on chain; a negative one cannot be cast (`PMath.Uint`).
        if pyIndex.isNegative { throw .castOutOfRange }
        let totalAsset = try market.totalSy.syToAsset(index: pyIndex)
        if market.totalPt.isZero || totalAsset.isZero {
            throw .marketZeroTotalPtOrTotalAsset(totalPt: market.totalPt.revertValue, totalAsset: totalAsset.revertValue)
        }
        let rateAnchor = try getRateAnchor(
            totalPt: market.totalPt, lastLnImpliedRate: market.lastLnImpliedRate,
            totalAsset: totalAsset, rateScalar: rateScalar, timeToExpiry: timeToExpiry)
        let feeRate = try getExchangeRateFromImpliedRate(market.lnFeeRateRoot, timeToExpiry: timeToExpiry)
        return MarketPreCompute(rateScalar: rateScalar, totalAsset: totalAsset, rateAnchor: rateAnchor, feeRate: feeRate)
    }

    // MARK: Trades

    /// `executeTradeCore`: checks, pre-compute, `calcTrade`, and the new state.
    ///
    /// Reverts: `MarketExpired`; `MarketInsufficientPtForTrade(totalPt, netPtToAccount)` when
    /// `totalPt <= netPtToAccount`; the pre-compute's; `calcTrade`'s; `negative` if a reserve would go
    /// below zero; `MarketZeroLnImpliedRate` when the new implied rate rounds to zero.
    @inlinable
    public static func executeTradeCore<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, netPtToAccount: S, blockTime: Int64
    ) throws(PendleError) -> ExecutedTrade<S> {
        if market.isExpired(at: blockTime) { throw .marketExpired(expiry: market.expiry, blockTime: blockTime) }
        if market.totalPt <= netPtToAccount {
            throw .marketInsufficientPtForTrade(totalPt: market.totalPt.revertValue, netPtToAccount: netPtToAccount.revertValue)
        }
        let comp = try getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        return try executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPtToAccount, blockTime: blockTime)
    }

    /// `executeTradeCore` after its pre-compute: for callers that evaluate many trades on one block
    /// (the solvers). The caller has checked expiry; the PT-balance check is done here.
    @inlinable
    public static func executeTrade<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, netPtToAccount: S, blockTime: Int64
    ) throws(PendleError) -> ExecutedTrade<S> {
        if market.totalPt <= netPtToAccount {
            throw .marketInsufficientPtForTrade(totalPt: market.totalPt.revertValue, netPtToAccount: netPtToAccount.revertValue)
        }
        let (amounts, rate) = try calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPtToAccount)
        let newMarket = try setNewMarketStateTrade(
            market, comp, pyIndex: pyIndex, netPtToAccount: netPtToAccount,
            amounts: amounts, blockTime: blockTime)
        return ExecutedTrade(netPtToAccount: netPtToAccount, amounts: amounts, market: newMarket, preFeeExchangeRate: rate)
    }

    /// `calcTrade`: the SY amounts of a trade of `netPtToAccount` PT, and the pre-fee exchange rate.
    ///
    /// ```
    /// preFeeAssetToAccount = −netPtToAccount / rate                           (divDown, then neg)
    /// buying  PT: rate / feeRate < 1 → MarketExchangeRateBelowOne;  fee = mulDown(preFee, 1 − feeRate)
    /// selling PT: fee = −(preFee · (1 − feeRate)) / feeRate                    (raw integer ops)
    /// netAssetToReserve = fee · reserveFeePercent / 100;  netAssetToAccount = preFee − fee
    /// netSyToAccount = assetToSyUp(netAssetToAccount) if negative, else assetToSy(netAssetToAccount)
    /// netSyFee = assetToSy(fee);  netSyToReserve = assetToSy(netAssetToReserve)
    /// ```
    @inlinable
    public static func calcTrade<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, netPtToAccount: S
    ) throws(PendleError) -> (amounts: TradeAmounts<S>, preFeeExchangeRate: S) {
        let preFeeExchangeRate = try getExchangeRate(
            totalPt: market.totalPt, totalAsset: comp.totalAsset,
            rateScalar: comp.rateScalar, rateAnchor: comp.rateAnchor,
            netPtToAccount: netPtToAccount)
        let preFeeAssetToAccount = try netPtToAccount.divDown(preFeeExchangeRate).negated()
        let fee: S
        if netPtToAccount.isPositive {
            let postFeeExchangeRate = try preFeeExchangeRate.divDown(comp.feeRate)
            if postFeeExchangeRate < S.one { throw .marketExchangeRateBelowOne(exchangeRate: postFeeExchangeRate.revertValue) }
            fee = try preFeeAssetToAccount.mulDown(S.one - comp.feeRate)
        } else {
            fee = try S.mulDivRaw(preFeeAssetToAccount, S.one - comp.feeRate, comp.feeRate).negated()
        }
        let netAssetToReserve = try fee.scaled(by: market.reserveFeePercent, dividedBy: percentageDecimals)
        let netAssetToAccount = try preFeeAssetToAccount - fee
        let netSyToAccount =
            netAssetToAccount.isNegative
            ? try netAssetToAccount.assetToSyUp(index: pyIndex)
            : try netAssetToAccount.assetToSy(index: pyIndex)
        let amounts = TradeAmounts(
            netSyToAccount: netSyToAccount, netSyFee: try fee.assetToSy(index: pyIndex),
            netSyToReserve: try netAssetToReserve.assetToSy(index: pyIndex))
        return (amounts, preFeeExchangeRate)
    }

    /// `_setNewMarketStateTrade`: new reserves, and `lastLnImpliedRate` read from the new pool with the
    /// old `rateScalar` and `rateAnchor`; zero → `MarketZeroLnImpliedRate`.
    @inlinable
    public static func setNewMarketStateTrade<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, netPtToAccount: S,
        amounts: TradeAmounts<S>, blockTime: Int64
    ) throws(PendleError) -> MarketState<S> {
        let timeToExpiry = try timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        var next = market
        next.totalPt = try market.totalPt.subNoNeg(netPtToAccount)
        next.totalSy = try market.totalSy.subNoNeg(amounts.netSyToAccount + amounts.netSyToReserve)
        next.lastLnImpliedRate = try getLnImpliedRate(
            totalPt: next.totalPt, totalAsset: next.totalSy.syToAsset(index: pyIndex),
            rateScalar: comp.rateScalar, rateAnchor: comp.rateAnchor, timeToExpiry: timeToExpiry)
        if next.lastLnImpliedRate.isZero { throw .marketZeroLnImpliedRate }
        return next
    }

    // MARK: Liquidity

    /// `addLiquidityCore`'s result: LP minted to the reserve (first add only) and to the account, the
    /// amounts used, and the new state.
    public struct AddLiquidityResult<S: PendleScalar>: Hashable, Sendable {
        public var lpToReserve: S
        public var lpToAccount: S
        public var syUsed: S
        public var ptUsed: S
        public var market: MarketState<S>

        @inlinable
        public init(lpToReserve: S, lpToAccount: S, syUsed: S, ptUsed: S, market: MarketState<S>) {
            self.lpToReserve = lpToReserve
            self.lpToAccount = lpToAccount
            self.syUsed = syUsed
            self.ptUsed = ptUsed
            self.market = market
        }
    }

    /// `addLiquidityCore`.
    ///
    /// First liquidity (`totalLp == 0`): `lpToAccount = sqrt(syDesired · ptDesired) − 1000 wei`,
    /// `lpToReserve = 1000 wei`, both amounts used. Otherwise LP by each side
    /// (`ptDesired · totalLp / totalPt`, `syDesired · totalLp / totalSy`, floor); the smaller binds (ties:
    /// the SY side) and the other side is `rawDivUp(total · lp, totalLp)`.
    /// Reverts: `MarketZeroAmountsInput` (a zero desired amount), `MarketExpired`,
    /// `MarketZeroAmountsOutput` (nothing minted or used).
    @inlinable
    public static func addLiquidityCore<S: PendleScalar>(
        _ market: MarketState<S>, syDesired: S, ptDesired: S, blockTime: Int64
    ) throws(PendleError) -> AddLiquidityResult<S> {
        if syDesired.isZero || ptDesired.isZero { throw .marketZeroAmountsInput }
        if market.isExpired(at: blockTime) { throw .marketExpired(expiry: market.expiry, blockTime: blockTime) }
        var lpToReserve = S.zero
        var lpToAccount: S
        var syUsed: S
        var ptUsed: S
        if market.totalLp.isZero {
            lpToAccount = try S.sqrtOfProductRaw(syDesired, ptDesired) - S(wei: minimumLiquidityWei)
            lpToReserve = S(wei: minimumLiquidityWei)
            syUsed = syDesired
            ptUsed = ptDesired
        } else {
            let netLpByPt = try S.mulDivRaw(ptDesired, market.totalLp, market.totalPt)
            let netLpBySy = try S.mulDivRaw(syDesired, market.totalLp, market.totalSy)
            if netLpByPt < netLpBySy {
                lpToAccount = netLpByPt
                ptUsed = ptDesired
                syUsed = try S.mulDivUpRaw(market.totalSy, lpToAccount, market.totalLp)
            } else {
                lpToAccount = netLpBySy
                syUsed = syDesired
                ptUsed = try S.mulDivUpRaw(market.totalPt, lpToAccount, market.totalLp)
            }
        }
        if !lpToAccount.isPositive || !syUsed.isPositive || !ptUsed.isPositive { throw .marketZeroAmountsOutput }
        var next = market
        next.totalSy = try market.totalSy + syUsed
        next.totalPt = try market.totalPt + ptUsed
        next.totalLp = try market.totalLp + (lpToAccount + lpToReserve)
        return AddLiquidityResult(
            lpToReserve: lpToReserve, lpToAccount: lpToAccount, syUsed: syUsed, ptUsed: ptUsed,
            market: next)
    }

    /// `removeLiquidityCore`'s result.
    public struct RemoveLiquidityResult<S: PendleScalar>: Hashable, Sendable {
        public var netSyToAccount: S
        public var netPtToAccount: S
        public var market: MarketState<S>

        @inlinable
        public init(netSyToAccount: S, netPtToAccount: S, market: MarketState<S>) {
            self.netSyToAccount = netSyToAccount
            self.netPtToAccount = netPtToAccount
            self.market = market
        }
    }

    /// `removeLiquidityCore`: pro-rata `lpToRemove · total / totalLp` of each side (floor).
    /// Reverts: `MarketZeroAmountsInput`, `MarketZeroAmountsOutput` (both sides zero), `negative`
    /// (removing more than `totalLp`). No expiry check: liquidity can leave after expiry.
    @inlinable
    public static func removeLiquidityCore<S: PendleScalar>(
        _ market: MarketState<S>, lpToRemove: S
    ) throws(PendleError) -> RemoveLiquidityResult<S> {
        if lpToRemove.isZero { throw .marketZeroAmountsInput }
        let netSyToAccount = try S.mulDivRaw(lpToRemove, market.totalSy, market.totalLp)
        let netPtToAccount = try S.mulDivRaw(lpToRemove, market.totalPt, market.totalLp)
        if netSyToAccount.isZero && netPtToAccount.isZero { throw .marketZeroAmountsOutput }
        var next = market
        next.totalLp = try market.totalLp.subNoNeg(lpToRemove)
        next.totalPt = try market.totalPt.subNoNeg(netPtToAccount)
        next.totalSy = try market.totalSy.subNoNeg(netSyToAccount)
        return RemoveLiquidityResult(netSyToAccount: netSyToAccount, netPtToAccount: netPtToAccount, market: next)
    }

    /// `setInitialLnImpliedRate`: the implied rate of the pool with `initialAnchor` as the anchor
    /// (the market's first state). Reverts: `MarketExpired`, `MarketRateScalarBelowZero`, the exchange-rate
    /// reverts; it does not check for a zero result.
    @inlinable
    public static func setInitialLnImpliedRate<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, initialAnchor: S, blockTime: Int64
    ) throws(PendleError) -> MarketState<S> {
        if market.isExpired(at: blockTime) { throw .marketExpired(expiry: market.expiry, blockTime: blockTime) }
        let totalAsset = try market.totalSy.syToAsset(index: pyIndex)
        let timeToExpiry = try timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        let rateScalar = try getRateScalar(market.scalarRoot, timeToExpiry: timeToExpiry)
        var next = market
        next.lastLnImpliedRate = try getLnImpliedRate(
            totalPt: market.totalPt, totalAsset: totalAsset,
            rateScalar: rateScalar, rateAnchor: initialAnchor,
            timeToExpiry: timeToExpiry)
        return next
    }

    // MARK: Curve pieces

    /// `_getRateAnchor`: `exp(lastLnImpliedRate · t / 365 d) − logit(p) / rateScalar` with
    /// `p = totalPt / (totalPt + totalAsset)`; the exponential below 1 → `MarketExchangeRateBelowOne`.
    @inlinable
    public static func getRateAnchor<S: PendleScalar>(
        totalPt: S, lastLnImpliedRate: S, totalAsset: S, rateScalar: S, timeToExpiry: Int64
    ) throws(PendleError) -> S {
        let newExchangeRate = try getExchangeRateFromImpliedRate(lastLnImpliedRate, timeToExpiry: timeToExpiry)
        if newExchangeRate < S.one { throw .marketExchangeRateBelowOne(exchangeRate: newExchangeRate.revertValue) }
        let proportion = try totalPt.divDown(totalPt + totalAsset)
        let lnProportion = try logProportion(proportion)
        return try newExchangeRate - lnProportion.divDown(rateScalar)
    }

    /// `_getLnImpliedRate`: `ln(rate at zero trade) · 365 d / t` (unsigned, floor).
    @inlinable
    public static func getLnImpliedRate<S: PendleScalar>(
        totalPt: S, totalAsset: S, rateScalar: S, rateAnchor: S, timeToExpiry: Int64
    ) throws(PendleError) -> S {
        try checkTime(timeToExpiry)
        let exchangeRate = try getExchangeRate(
            totalPt: totalPt, totalAsset: totalAsset, rateScalar: rateScalar,
            rateAnchor: rateAnchor, netPtToAccount: S.zero)
        return try exchangeRate.ln().unsignedScaled(by: impliedRateTime, dividedBy: timeToExpiry)
    }

    /// `_getExchangeRateFromImpliedRate`: `exp(lnImpliedRate · t / 365 d)`, the product floored in
    /// unsigned arithmetic before the exponential.
    @inlinable
    public static func getExchangeRateFromImpliedRate<S: PendleScalar>(
        _ lnImpliedRate: S, timeToExpiry: Int64
    ) throws(PendleError) -> S {
        try checkTime(timeToExpiry)
        return try lnImpliedRate.unsignedScaled(by: timeToExpiry, dividedBy: impliedRateTime).exp()
    }

    /// `_getExchangeRate`: PT per asset (the PT price is its inverse) after the account takes `netPtToAccount` PT from the pool.
    /// Reverts: `negative` (more PT than the pool holds), `MarketProportionTooHigh(p, 0.96)`,
    /// `MarketProportionMustNotEqualOne`, `out of bounds` (p = 0), `MarketExchangeRateBelowOne(rate)`.
    @inlinable
    public static func getExchangeRate<S: PendleScalar>(
        totalPt: S, totalAsset: S, rateScalar: S, rateAnchor: S, netPtToAccount: S
    ) throws(PendleError) -> S {
        let numerator = try totalPt.subNoNeg(netPtToAccount)
        let proportion = try numerator.divDown(totalPt + totalAsset)
        let maxProportion: S = maxMarketProportion()
        if proportion > maxProportion {
            throw .marketProportionTooHigh(proportion: proportion.revertValue, maxProportion: maxProportion.revertValue)
        }
        let lnProportion = try logProportion(proportion)
        let exchangeRate = try lnProportion.divDown(rateScalar) + rateAnchor
        if exchangeRate < S.one { throw .marketExchangeRateBelowOne(exchangeRate: exchangeRate.revertValue) }
        return exchangeRate
    }

    /// `_logProportion`: `ln(p / (1 − p))`; p = 1 → `MarketProportionMustNotEqualOne`.
    @inlinable
    public static func logProportion<S: PendleScalar>(_ proportion: S) throws(PendleError) -> S {
        if proportion == S.one { throw .marketProportionMustNotEqualOne }
        let logitP = try proportion.divDown(S.one - proportion)
        return try logitP.ln()
    }

    /// `_getRateScalar`: `scalarRoot · 365 d / t` (signed, truncating); ≤ 0 → `MarketRateScalarBelowZero`.
    @inlinable
    public static func getRateScalar<S: PendleScalar>(_ scalarRoot: S, timeToExpiry: Int64) throws(PendleError) -> S {
        try checkTime(timeToExpiry)
        let rateScalar = try scalarRoot.scaled(by: impliedRateTime, dividedBy: timeToExpiry)
        if !rateScalar.isPositive { throw .marketRateScalarBelowZero(rateScalar: rateScalar.revertValue) }
        return rateScalar
    }
}
