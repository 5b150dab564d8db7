import Foundation

/// The YieldSpace formulas of ``YieldSpaceMath`` in `Double`, for analytics: the same expressions in the
/// same order, on amounts in token units (1.0 = one token, whatever its decimals), with `ts` per second,
/// `g`, `c` and `mu` as plain numbers (0.95, not 64.64) and time in seconds.
///
/// What the exact flavour adds for the preview is left out: no precision fee, no flooring, no decimal
/// scaling; 2^64 does not enter. Results carry `Double` rounding: about 1e-16 relative on each term, so a
/// difference such as `y − [·]^(1/a)` for a trade far smaller than the reserves keeps about
/// `1e-16 · reserves / trade` of relative accuracy. The checks, and their errors, are the exact flavour's.
public enum YieldSpaceAnalytics {
    /// fyToken out for `sharesIn` shares (pass `g1`).
    public static func sellBase(
        sharesReserves: Double, fyTokenReserves: Double, sharesIn: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [("sharesIn", sharesIn)], timeTillMaturity, ts, g, c, mu)
        guard let result = YieldSpaceFormulas.sellBase(z: sharesReserves, y: fyTokenReserves, x: sharesIn, k) else {
            throw .sumUnderflow(sharesIn: "\(sharesIn)")
        }
        return result
    }

    /// Shares out for `fyTokenIn` fyToken (pass `g2`).
    public static func sellFYToken(
        sharesReserves: Double, fyTokenReserves: Double, fyTokenIn: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [("fyTokenIn", fyTokenIn)], timeTillMaturity, ts, g, c, mu)
        guard let result = YieldSpaceFormulas.sellFYToken(z: sharesReserves, y: fyTokenReserves, x: fyTokenIn, k) else {
            throw .fyTokenInBeyondCurve(fyTokenIn: "\(fyTokenIn)")
        }
        return result
    }

    /// fyToken in for `sharesOut` shares (pass `g2`).
    public static func buyBase(
        sharesReserves: Double, fyTokenReserves: Double, sharesOut: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [("sharesOut", sharesOut)], timeTillMaturity, ts, g, c, mu)
        guard sharesOut <= sharesReserves, let result = YieldSpaceFormulas.buyBase(z: sharesReserves, y: fyTokenReserves, x: sharesOut, k) else {
            throw .tooManySharesOut(sharesOut: "\(sharesOut)", sharesReserves: "\(sharesReserves)")
        }
        return result
    }

    /// Shares in for `fyTokenOut` fyToken (pass `g1`).
    public static func buyFYToken(
        sharesReserves: Double, fyTokenReserves: Double, fyTokenOut: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [("fyTokenOut", fyTokenOut)], timeTillMaturity, ts, g, c, mu)
        guard fyTokenOut <= fyTokenReserves, let result = YieldSpaceFormulas.buyFYToken(z: sharesReserves, y: fyTokenReserves, x: fyTokenOut, k)
        else {
            throw .fyTokenOutBeyondReserves(fyTokenOut: "\(fyTokenOut)", fyTokenReserves: "\(fyTokenReserves)")
        }
        return result
    }

    /// The most shares that can be sold before the rate reaches zero (pass `g1`).
    public static func maxBaseIn(
        sharesReserves: Double, fyTokenReserves: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [], timeTillMaturity, ts, g, c, mu)
        return try finite(YieldSpaceFormulas.maxBaseIn(z: sharesReserves, y: fyTokenReserves, k))
    }

    /// The most fyToken that can be sold, until the shares reserves are gone (pass `g2`).
    public static func maxFyTokenIn(
        sharesReserves: Double, fyTokenReserves: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [], timeTillMaturity, ts, g, c, mu)
        return try finite(YieldSpaceFormulas.maxFyTokenIn(z: sharesReserves, y: fyTokenReserves, k))
    }

    /// The most fyToken that can be bought before the rate reaches zero (pass `g1`).
    public static func maxFyTokenOut(
        sharesReserves: Double, fyTokenReserves: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [], timeTillMaturity, ts, g, c, mu)
        return try finite(YieldSpaceFormulas.maxFyTokenOut(z: sharesReserves, y: fyTokenReserves, k))
    }

    /// The pool's value per LP token in base (pass `g2`, as Yield does).
    public static func invariant(
        sharesReserves: Double, fyTokenReserves: Double, totalSupply: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [("totalSupply", totalSupply)], timeTillMaturity, ts, g, c, mu)
        guard totalSupply > 0 else { throw .reservesNotPositive(field: "totalSupply", value: "\(totalSupply)") }
        return try finite(YieldSpaceFormulas.invariant(z: sharesReserves, y: fyTokenReserves, totalSupply: totalSupply, k))
    }

    /// The pool's rate as an APY on Yield's 365.25-day year (`calcInterestRate`): `(y / (μz))^(ts·31,557,600) − 1`.
    public static func interestRate(sharesReserves: Double, fyTokenReserves: Double, ts: Double, mu: Double = 1) throws(YieldSpaceError) -> Double {
        try checkPositive(sharesReserves, fyTokenReserves, c: 1, mu: mu, ts: ts)
        return try finite(
            YieldSpaceFormulas.interestRate(
                z: sharesReserves, y: fyTokenReserves, ts: ts, mu: mu,
                secondsPerYear: Double(YieldSpaceMath.secondsPerYear)))
    }

    /// The pool's continuously compounded rate per second, `ts · ln(y / (μz))`: fyToken's fee-free price in
    /// base is `e^(−rate · T)`. Times 31,536,000 it is the ln-rate on YieldStrip's (Pendle's) 365-day year,
    /// times 31,557,600 on Yield's.
    public static func lnRatePerSecond(sharesReserves: Double, fyTokenReserves: Double, ts: Double, mu: Double = 1) throws(YieldSpaceError) -> Double
    {
        try checkPositive(sharesReserves, fyTokenReserves, c: 1, mu: mu, ts: ts)
        return ts * Foundation.log(fyTokenReserves / (mu * sharesReserves))
    }

    /// fyToken's marginal price in base, `(μz/y)^(g·ts·T)`: what the first fyToken of a trade costs (g1:
    /// bought with base) or pays (g2: sold for base); g = 1 is the fee-free mid price. In shares it is this
    /// divided by `c`.
    public static func marginalPrice(
        sharesReserves: Double, fyTokenReserves: Double, timeTillMaturity: Double,
        ts: Double, g: Double, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        _ = try terms(sharesReserves, fyTokenReserves, [], timeTillMaturity, ts, g, 1, mu)
        return Foundation.pow(mu * sharesReserves / fyTokenReserves, g * ts * timeTillMaturity)
    }

    /// The fee-free invariant `(c/μ)(μz)^a + y^a` at `a = 1 − g·ts·T`: constant along every trade priced with
    /// the same `g`.
    public static func curveSum(
        sharesReserves: Double, fyTokenReserves: Double, timeTillMaturity: Double,
        ts: Double, g: Double, c: Double = 1, mu: Double = 1
    ) throws(YieldSpaceError) -> Double {
        let k = try terms(sharesReserves, fyTokenReserves, [], timeTillMaturity, ts, g, c, mu)
        return k.cOverMu * Foundation.pow(mu * sharesReserves, k.a) + Foundation.pow(fyTokenReserves, k.a)
    }

    // MARK: Checks

    static func checkPositive(_ z: Double, _ y: Double, c: Double, mu: Double, ts: Double) throws(YieldSpaceError) {
        guard z > 0, z.isFinite else { throw .reservesNotPositive(field: "sharesReserves", value: "\(z)") }
        guard y > 0, y.isFinite else { throw .reservesNotPositive(field: "fyTokenReserves", value: "\(y)") }
        guard c > 0, mu > 0, c.isFinite, mu.isFinite else { throw .cAndMuNotPositive(c: "\(c)", mu: "\(mu)") }
        guard ts > 0, ts.isFinite else { throw .timeStretchNotPositive(ts: "\(ts)") }
    }

    static func terms(
        _ z: Double, _ y: Double, _ amounts: [(String, Double)], _ time: Double, _ ts: Double, _ g: Double,
        _ c: Double, _ mu: Double
    ) throws(YieldSpaceError) -> YieldSpaceTerms<Double> {
        for (field, amount) in amounts where !(amount >= 0 && amount.isFinite) {
            throw .amountOutOfRange(field: field, value: "\(amount)")
        }
        guard time > 0, time.isFinite else { throw .afterMaturity(timeTillMaturity: "\(time)") }
        try checkPositive(z, y, c: c, mu: mu, ts: ts)
        guard g.isFinite else { throw .gNotPositive(g: "\(g)") }
        let a = YieldSpaceFormulas.a(g: g, ts: ts, timeTillMaturity: time)
        if a > 1 { throw .gNotPositive(g: "\(g)") }
        guard a > 0 else { throw .tooFarFromMaturity(timeTillMaturity: "\(time)", limit: YieldSpaceMath.longestTime(g: g, ts: ts)) }
        return YieldSpaceTerms(c: c, mu: mu, a: a, invA: 1 / a)
    }

    private static func finite(_ value: Double?) throws(YieldSpaceError) -> Double {
        guard let value, value.isFinite else { throw .amountOutOfRange(field: "result", value: "not finite") }
        return value
    }
}
