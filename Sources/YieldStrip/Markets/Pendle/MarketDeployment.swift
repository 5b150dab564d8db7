import Foundation

/// How Pendle sizes a new market's curve from the implied-rate band it should cover, in `Double`.
///
/// ```
/// years = t / 365 d,  rMinS = (1 + rateMin)^years,  rMaxS = (1 + rateMax)^years
/// initialAnchor = (rMinS + rMaxS) / 2
/// scalarRoot    = ln 9 · years / (rMaxS − initialAnchor)     (the band maps to PT proportions 10 % … 90 %)
/// lnFeeRateRoot = ln(1 + fee)
/// initial PT proportion p: logit(p) = (exp(ln(1 + desired) · t / 365 d) − anchor) · scalarRoot · 365 d / t
/// ```
/// Source: pendle-finance/pendle-core-v2-public `contracts/offchain-helpers/deploy/lib/MarketDeployLib.sol`
/// (`calcParams`, `calcInitialProportion`, `calcFee`).
public enum MarketDeployment {
    /// `scalarRoot` and `initialAnchor` for a band of annual implied rates.
    public static func curveParameters(rateMin: Double, rateMax: Double, secondsToExpiry: Int64) throws -> (scalarRoot: Double, initialAnchor: Double)
    {
        guard rateMin.isFinite else { throw RateError.notFinite(quantity: "rateMin", value: rateMin) }
        guard rateMax.isFinite else { throw RateError.notFinite(quantity: "rateMax", value: rateMax) }
        guard rateMin >= 0 else { throw RateError.rateOutOfRange(quantity: "rateMin", value: rateMin) }
        guard rateMax > rateMin else { throw RateError.rateOutOfRange(quantity: "rateMax (must exceed rateMin)", value: rateMax) }
        guard secondsToExpiry > 0 else {
            throw RateError.maturityExpired(secondsToExpiry: secondsToExpiry, expiry: nil, now: nil)
        }
        let years = Double(secondsToExpiry) / Double(RateConventions.secondsPerYear)
        let minScaled = pow(1 + rateMin, years)
        let maxScaled = pow(1 + rateMax, years)
        let anchor = (minScaled + maxScaled) / 2
        return (log(9) * years / (maxScaled - anchor), anchor)
    }

    /// `lnFeeRateRoot` for an annual fee rate (0.001 = 0.1 % a year).
    public static func lnFeeRateRoot(annualFee: Double) -> Double { log1p(annualFee) }

    /// The PT proportion at which a pool with this curve prices `desiredImpliedApy` (≥ 0), in (0, 1).
    /// Throws when the inputs are not finite, the time is not positive, or the rate is so far outside the
    /// curve's band that the proportion rounds to 0 or 1 (`RateOutOfRange`).
    public static func initialProportion(
        scalarRoot: Double, rateAnchor: Double, desiredImpliedApy: Double,
        secondsToExpiry: Int64
    ) throws -> Double {
        for (name, value) in [("scalarRoot", scalarRoot), ("rateAnchor", rateAnchor), ("desiredImpliedApy", desiredImpliedApy)]
        where !value.isFinite {
            throw RateError.notFinite(quantity: name, value: value)
        }
        guard desiredImpliedApy >= 0 else { throw RateError.rateOutOfRange(quantity: "desiredImpliedApy", value: desiredImpliedApy) }
        guard secondsToExpiry > 0 else {
            throw RateError.maturityExpired(secondsToExpiry: secondsToExpiry, expiry: nil, now: nil)
        }
        let years = Double(secondsToExpiry) / Double(RateConventions.secondsPerYear)
        let desiredExchangeRate = exp(log1p(desiredImpliedApy) * years)
        let logit = exp((desiredExchangeRate - rateAnchor) * scalarRoot / years)
        let proportion = logit / (1 + logit)
        guard proportion > 0, proportion < 1 else {
            throw RateError.rateOutOfRange(quantity: "desiredImpliedApy (outside the curve's band)", value: desiredImpliedApy)
        }
        return proportion
    }

    /// A freshly seeded market holding `assetLiquidity` of asset (as SY at `pyIndex`) and the PT that prices
    /// `desiredImpliedApy`, with LP = √(SY · PT) as on the first add (less the 1000-wei reserve).
    public static func seededMarket(
        rateMin: Double, rateMax: Double, desiredImpliedApy: Double, annualFee: Double,
        reserveFeePercent: Int64, expiry: Int64, now: Int64, assetLiquidity: Double,
        pyIndex: Double
    ) throws -> MarketState<Double> {
        let t = try RateConventions.secondsToExpiry(expiry: expiry, now: now)
        let (scalarRoot, anchor) = try curveParameters(rateMin: rateMin, rateMax: rateMax, secondsToExpiry: t)
        let p = try initialProportion(
            scalarRoot: scalarRoot, rateAnchor: anchor, desiredImpliedApy: desiredImpliedApy,
            secondsToExpiry: t)
        let totalPt = assetLiquidity * p / (1 - p)
        let totalSy = assetLiquidity / pyIndex
        var market = MarketState<Double>(
            totalPt: totalPt, totalSy: totalSy, totalLp: (totalPt * totalSy).squareRoot(),
            scalarRoot: scalarRoot, expiry: expiry, lnFeeRateRoot: lnFeeRateRoot(annualFee: annualFee),
            reserveFeePercent: reserveFeePercent, lastLnImpliedRate: 0)
        market = try PendleMarketMath.setInitialLnImpliedRate(market, pyIndex: pyIndex, initialAnchor: anchor, blockTime: now)
        return market
    }
}
