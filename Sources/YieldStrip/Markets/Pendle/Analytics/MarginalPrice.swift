import Foundation

extension PendleMarketMath {
    /// The slope of the curve: d(netSyToAccount)/d(netPtToAccount) at a trade of `netPtToAccount`, in SY
    /// per PT, computed in `Double` from the same formulas as ``calcTrade(_:_:pyIndex:netPtToAccount:)``.
    ///
    /// ```
    /// p = (totalPt − n)/(totalPt + totalAsset),   r(n) = ln(p/(1 − p))/rateScalar + rateAnchor
    /// r'(n) = −1 / (rateScalar · (totalPt + totalAsset) · p · (1 − p))
    /// netAsset(n) = −n · φ / r(n),  φ = feeRate when buying PT (n > 0), 1/feeRate when selling
    /// d netSy/dn = −(φ / r) · (1 − n · r'/r) / pyIndex
    /// ```
    /// At `n = 0` the fee side is chosen by `buyingPt`. Always negative: taking PT costs SY. NaN outside
    /// the curve's domain.
    public static func marginalNetSyToAccount<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, netPtToAccount: S, buyingPt: Bool
    ) -> Double {
        let rate = exchangeRateAndSlope(market, comp, netPtToAccount: netPtToAccount).rate
        return marginalNetSyToAccount(
            market, comp, pyIndex: pyIndex, netPtToAccount: netPtToAccount, buyingPt: buyingPt,
            preFeeExchangeRate: rate)
    }

    /// ``marginalNetSyToAccount(_:_:pyIndex:netPtToAccount:buyingPt:)`` when the trade's pre-fee exchange
    /// rate is already known (as ``calcTrade(_:_:pyIndex:netPtToAccount:)`` returns it): no logarithm.
    @inlinable
    public static func marginalNetSyToAccount<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, netPtToAccount: S, buyingPt: Bool,
        preFeeExchangeRate rate: Double
    ) -> Double {
        let n = netPtToAccount.doubleValue
        let rateSlope = exchangeRateAndSlope(market, comp, netPtToAccount: netPtToAccount).slope
        let feeRate = comp.feeRate.doubleValue
        let phi = (n > 0 || (n == 0 && buyingPt)) ? feeRate : 1 / feeRate
        return -(phi / rate) * (1 - n * rateSlope / rate) / pyIndex.doubleValue
    }

    /// The curve in `Double` at a trade of `n` PT: the pre-fee exchange rate
    /// `r(n) = ln(p/(1 − p))/rateScalar + rateAnchor` with `p = (totalPt − n)/(totalPt + totalAsset)`, and its
    /// slope `r'(n) = −1 / (rateScalar · (totalPt + totalAsset) · p · (1 − p))`.
    @inlinable
    public static func exchangeRateAndSlope<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, netPtToAccount: S
    ) -> (rate: Double, slope: Double) {
        let total = market.totalPt.doubleValue + comp.totalAsset.doubleValue
        let p = (market.totalPt.doubleValue - netPtToAccount.doubleValue) / total
        let s = comp.rateScalar.doubleValue
        return (log(p / (1 - p)) / s + comp.rateAnchor.doubleValue, -1 / (s * total * p * (1 - p)))
    }
}
