/// YieldSpace's trade and limit formulas, exactly as Yield Protocol's off-chain math computes them
/// (`@yield-protocol/ui-math`, yieldprotocol/ui-monorepo `packages/math/src/index.ts`, the previews its apps
/// quote): the same names and arguments, answers in the token's base units, agreeing to the unit.
///
/// ```
/// z: shares reserves   y: virtual fyToken reserves (real fyToken + LP supply)   x: the trade
/// t = ts · T (T seconds to maturity)   a = 1 − g·t   invariant (fee-free, g = 1): (c/μ)(μz)^a + y^a
/// sellBase      (g1)  fyToken out  = y − [ (c/μ)(μz)^a + y^a − (c/μ)(μz + μx)^a ]^(1/a)
/// sellFYToken   (g2)  shares out   = z − (1/μ)[ ((c/μ)(μz)^a + y^a − (y + x)^a) / (c/μ) ]^(1/a)
/// buyBase       (g2)  fyToken in   = [ (c/μ)(μz)^a + y^a − (c/μ)(μz − μx)^a ]^(1/a) − y
/// buyFYToken    (g1)  shares in    = (1/μ)[ ((c/μ)(μz)^a + y^a − (y − x)^a) / (c/μ) ]^(1/a) − z
/// maxBaseIn     (g1)  shares in to a zero rate     = (1/μ)[ (cμ^a z^a + μ y^a) / (c + μ) ]^(1/a) − z
/// maxFyTokenIn  (g2)  fyToken in until z = 0       = [ (c/μ)(μz)^a + y^a ]^(1/a) − y
/// maxFyTokenOut (g1)  fyToken out to a zero rate   = y − [ (cμ^a z^a + μ y^a) / (c + μ) ]^(1/a)
/// invariant     (g2)  base per LP = (c/μ)[ ((c/μ)(μz)^a + y^a) / (c/μ + 1) ]^(1/a) / s
/// calcInterestRate    (y / (μz))^(1/tsYears) − 1, tsYears = 1 / (ts · 31,557,600)
/// ```
/// The fee is inside the exponent, as in the contracts: `g1 = g1Fee/10000` (< 1) when shares go in or
/// fyToken comes out, `g2 = 1/g1` when fyToken goes in or shares come out.
///
/// The reference's arithmetic, reproduced (``YieldDecimal``):
/// - decimal.js at 64 significant digits, every operation rounded half away from zero, in its order;
/// - amounts scaled to 18 decimals first (`x · 10^(18 − decimals)`);
/// - a 64.64 number read as `raw / 18446744073709552000`: the TypeScript divides by the JS number
///   `2 ** 64`, which decimal.js reads through its shortest text, not as 18446744073709551616
///   (a relative error of 2.1e-17 that the results keep);
/// - a precision fee of 1e12 (18-decimal units) subtracted from `sellBase`, `sellFYToken` and
///   `maxFyTokenIn` (the latter not below zero) and added to `buyBase`, `buyFYToken`, `maxBaseIn`,
///   `maxFyTokenOut` and `invariant`;
/// - the result floored, then cut back to the token's decimals by dropping the last `18 − decimals`
///   characters of its text (`decimal18ToDecimalN`: a negative result keeps its sign; a result of fewer
///   than `18 − decimals` digits becomes 0 or, with JavaScript's negative slice ends, a shorter prefix).
///   For `invariant` the reference multiplies by `10^decimals` before that cut, so a 6-decimal pool's
///   invariant comes out as its integer part (1 for a pool worth about one base per LP).
///
/// Results are signed: a sale smaller than the precision fee answers a negative amount, as the reference
/// does. The reference's clamp to 2^256 − 1 is unreachable: amounts are checked to fit `uint128`, as
/// on chain. Where the TypeScript would compute NaN (and answer 0) this throws the contract's error.
///
/// Years: `ts` is per second; Yield builds it on a 31,557,600 s year (365.25 days, ``secondsPerYear``)
/// and `calcInterestRate` answers an APY on that year (Pendle's year, and YieldStrip's, is 31,536,000 s).
public enum YieldSpaceMath {
    /// Yield's year for the time stretch and `calcInterestRate`: 365.25 days.
    public static let secondsPerYear: Int64 = 31_557_600
    /// The reference's working precision.
    public static let significantDigits = ReferenceDecimal.digits
    /// The preview's safety margin, in 18-decimal units.
    public static let precisionFee = YieldDecimal(1_000_000_000_000)
    /// 2^64 as the reference divides by it.
    public static let referenceTwoTo64 = YieldDecimal("18446744073709552000")!

    // MARK: Trades

    /// fyToken a trader gets for `sharesIn` shares (`fyTokenOutForSharesIn`; fee factor `g1`).
    public static func sellBase(
        sharesReserves: UInt256, fyTokenReserves: UInt256, sharesIn: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g1: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [("sharesIn", sharesIn)], timeTillMaturity, ts, g1, decimals, c, mu)
        guard let result = YieldSpaceFormulas.sellBase(z: p.z, y: p.y, x: p.scaled(sharesIn), p.terms) else {
            throw .sumUnderflow(sharesIn: sharesIn.description)
        }
        return try p.finish(result - fee)
    }

    /// Shares a trader gets for `fyTokenIn` fyToken (`sharesOutForFYTokenIn`; fee factor `g2`).
    public static func sellFYToken(
        sharesReserves: UInt256, fyTokenReserves: UInt256, fyTokenIn: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g2: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [("fyTokenIn", fyTokenIn)], timeTillMaturity, ts, g2, decimals, c, mu)
        guard let result = YieldSpaceFormulas.sellFYToken(z: p.z, y: p.y, x: p.scaled(fyTokenIn), p.terms) else {
            throw .fyTokenInBeyondCurve(fyTokenIn: fyTokenIn.description)
        }
        return try p.finish(result - fee)
    }

    /// fyToken a trader must sell to get `sharesOut` shares (`fyTokenInForSharesOut`; fee factor `g2`).
    public static func buyBase(
        sharesReserves: UInt256, fyTokenReserves: UInt256, sharesOut: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g2: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [("sharesOut", sharesOut)], timeTillMaturity, ts, g2, decimals, c, mu)
        guard sharesOut <= sharesReserves else {
            throw .tooManySharesOut(sharesOut: sharesOut.description, sharesReserves: sharesReserves.description)
        }
        guard let result = YieldSpaceFormulas.buyBase(z: p.z, y: p.y, x: p.scaled(sharesOut), p.terms) else {
            throw .tooManySharesOut(sharesOut: sharesOut.description, sharesReserves: sharesReserves.description)
        }
        return try p.finish(result + fee)
    }

    /// Shares a trader must sell to get `fyTokenOut` fyToken (`sharesInForFYTokenOut`; fee factor `g1`).
    public static func buyFYToken(
        sharesReserves: UInt256, fyTokenReserves: UInt256, fyTokenOut: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g1: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [("fyTokenOut", fyTokenOut)], timeTillMaturity, ts, g1, decimals, c, mu)
        guard fyTokenOut <= fyTokenReserves, let result = YieldSpaceFormulas.buyFYToken(z: p.z, y: p.y, x: p.scaled(fyTokenOut), p.terms) else {
            throw .fyTokenOutBeyondReserves(fyTokenOut: fyTokenOut.description, fyTokenReserves: fyTokenReserves.description)
        }
        return try p.finish(result + fee)
    }

    // MARK: Limits

    /// The most shares that can be sold before the pool's rate reaches zero (`maxSharesIn`; `g1`), plus the
    /// precision fee.
    public static func maxBaseIn(
        sharesReserves: UInt256, fyTokenReserves: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g1: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [], timeTillMaturity, ts, g1, decimals, c, mu)
        return try p.finish(try value(YieldSpaceFormulas.maxBaseIn(z: p.z, y: p.y, p.terms)) + fee)
    }

    /// The most fyToken that can be sold, until the shares reserves are gone (`maxFYTokenIn`; `g2`), less the
    /// precision fee (not below zero).
    public static func maxFyTokenIn(
        sharesReserves: UInt256, fyTokenReserves: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g2: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [], timeTillMaturity, ts, g2, decimals, c, mu)
        let result = try value(YieldSpaceFormulas.maxFyTokenIn(z: p.z, y: p.y, p.terms))
        return try p.finish(fee < result ? result - fee : .zero)
    }

    /// The most fyToken that can be bought before the rate reaches zero (`maxFYTokenOut`; `g1`), plus the
    /// precision fee.
    public static func maxFyTokenOut(
        sharesReserves: UInt256, fyTokenReserves: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g1: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [], timeTillMaturity, ts, g1, decimals, c, mu)
        return try p.finish(try value(YieldSpaceFormulas.maxFyTokenOut(z: p.z, y: p.y, p.terms)) + fee)
    }

    /// The pool's value per LP token in base, scaled by `10^decimals` (`invariant`; called with `g2`), plus
    /// the precision fee: the number that grows with fees.
    public static func invariant(
        sharesReserves: UInt256, fyTokenReserves: UInt256, totalSupply: UInt256, timeTillMaturity: Int64,
        ts: Fixed64x64, g2: Fixed64x64, decimals: Int, c: Fixed64x64 = .one, mu: Fixed64x64 = .one
    ) throws(YieldSpaceError) -> Int256 {
        let p = try prepare(sharesReserves, fyTokenReserves, amounts: [("totalSupply", totalSupply)], timeTillMaturity, ts, g2, decimals, c, mu)
        guard !totalSupply.isZero else { throw .reservesNotPositive(field: "totalSupply", value: "0") }
        let perLp = try value(YieldSpaceFormulas.invariant(z: p.z, y: p.y, totalSupply: p.scaled(totalSupply), p.terms))
        return try p.finish(perLp * ReferenceDecimal(value: YieldDecimal(UInt256.one, timesPowerOfTen: decimals)) + fee)
    }

    /// The pool's rate (`calcInterestRate`): `(y / (z·μ))^(1/tsYears) − 1` with
    /// `tsYears = (1/ts)/31,557,600`, an APY on Yield's 365.25-day year, at 64 significant digits. The
    /// reserves are read as given (no decimal scaling: only their ratio counts).
    public static func calcInterestRate(sharesReserves: UInt256, fyTokenReserves: UInt256, ts: Fixed64x64, mu: Fixed64x64 = .one)
        throws(YieldSpaceError) -> YieldDecimal
    {
        try checkRange([("sharesReserves", sharesReserves), ("fyTokenReserves", fyTokenReserves)], [("ts", ts), ("mu", mu)])
        try checkReserves(sharesReserves, fyTokenReserves)
        guard mu.isPositive else { throw .cAndMuNotPositive(c: "(not used)", mu: mu.description) }
        guard ts.isPositive else { throw .timeStretchNotPositive(ts: ts.description) }
        let rate = YieldSpaceFormulas.interestRate(
            z: ReferenceDecimal(value: YieldDecimal(sharesReserves)), y: ReferenceDecimal(value: YieldDecimal(fyTokenReserves)),
            ts: reference(ts), mu: reference(mu), secondsPerYear: ReferenceDecimal(value: YieldDecimal(Int(secondsPerYear))))
        guard let rate else { throw .reservesNotPositive(field: "sharesReserves", value: sharesReserves.description) }
        return rate.value
    }

    // MARK: Parameters

    /// A 64.64 number as the reference reads it: `raw / 18446744073709552000`, at 64 digits.
    static func reference(_ value: Fixed64x64) -> ReferenceDecimal {
        ReferenceDecimal(value: YieldDecimal(value.raw)) / ReferenceDecimal(value: referenceTwoTo64)
    }

    /// `g1Fee` must lie in (0, 10,000] (`Pool`: above 10,000 is `InvalidFee`, zero divides by zero in `g2`).
    public static func checkFee(_ g1Fee: Int) throws(YieldSpaceError) {
        guard g1Fee > 0, g1Fee <= 10_000 else { throw .invalidFee(g1Fee: String(g1Fee)) }
    }

    static let uint128Max = (UInt256.one << 128) &- .one

    static func checkRange(_ amounts: [(String, UInt256)], _ fixed: [(String, Fixed64x64)]) throws(YieldSpaceError) {
        for (field, amount) in amounts where amount > uint128Max { throw .amountOutOfRange(field: field, value: amount.description) }
        for (field, value) in fixed where !value.fitsInt128 { throw .amountOutOfRange(field: field, value: value.description) }
    }

    static func checkReserves(_ sharesReserves: UInt256, _ fyTokenReserves: UInt256) throws(YieldSpaceError) {
        if sharesReserves.isZero { throw .reservesNotPositive(field: "sharesReserves", value: "0") }
        if fyTokenReserves.isZero { throw .reservesNotPositive(field: "fyTokenReserves", value: "0") }
    }

    /// The longest time till maturity (seconds) at which `1 − g·ts·T` stays positive.
    package static func longestTime(g: Double, ts: Double) -> String {
        let limit = 1 / (g * ts)
        guard limit.isFinite, limit < 9e18 else { return "unbounded" }
        return String(Int64(limit.rounded(.up)) - 1)
    }

    private static var fee: ReferenceDecimal { ReferenceDecimal(value: precisionFee) }

    /// The closed forms of the limits raise positive numbers only, so a power fails only beyond any range.
    private static func value(_ result: ReferenceDecimal?) throws(YieldSpaceError) -> ReferenceDecimal {
        guard let result else { throw .amountOutOfRange(field: "result", value: "beyond 10^12000") }
        return result
    }

    /// Checked, converted inputs of one call.
    struct Prepared {
        var z: ReferenceDecimal
        var y: ReferenceDecimal
        var terms: YieldSpaceTerms<ReferenceDecimal>
        var decimals: Int

        /// An amount in 18-decimal units.
        func scaled(_ amount: UInt256) -> ReferenceDecimal {
            ReferenceDecimal(value: YieldDecimal(amount, timesPowerOfTen: 18 - decimals))
        }

        /// Floored, then cut to the token's decimals as `decimal18ToDecimalN` does.
        /// A result beyond int256 (not reached from uint128 inputs) is `AmountOutOfRange`, never a trap.
        func finish(_ result: ReferenceDecimal) throws(YieldSpaceError) -> Int256 {
            guard let floored = result.value.floor().int256Value else {
                throw .amountOutOfRange(field: "result", value: "beyond int256")
            }
            return YieldSpaceMath.decimal18ToDecimalN(floored, decimals: decimals)
        }
    }

    /// `decimal18ToDecimalN`: the text of `value` without its last `18 − decimals` characters, with
    /// JavaScript's `slice(0, end)` (a negative `end` counts from the end; nothing left is 0).
    static func decimal18ToDecimalN(_ value: Int256, decimals: Int) -> Int256 {
        guard decimals < 18 else { return value }
        let text = value.description
        var end = text.count - (18 - decimals)
        if end < 0 { end = Swift.max(0, text.count + end) }
        return Int256(String(text.prefix(end))) ?? .zero
    }

    static func prepare(
        _ sharesReserves: UInt256, _ fyTokenReserves: UInt256, amounts: [(String, UInt256)], _ timeTillMaturity: Int64,
        _ ts: Fixed64x64, _ g: Fixed64x64, _ decimals: Int, _ c: Fixed64x64, _ mu: Fixed64x64
    ) throws(YieldSpaceError) -> Prepared {
        guard (0...18).contains(decimals) else { throw .invalidDecimals(decimals) }
        try checkRange(
            [("sharesReserves", sharesReserves), ("fyTokenReserves", fyTokenReserves)] + amounts,
            [("ts", ts), ("g", g), ("c", c), ("mu", mu)])
        guard timeTillMaturity > 0 else { throw .afterMaturity(timeTillMaturity: String(timeTillMaturity)) }
        try checkReserves(sharesReserves, fyTokenReserves)
        guard c.isPositive, mu.isPositive else { throw .cAndMuNotPositive(c: c.description, mu: mu.description) }
        guard ts.isPositive else { throw .timeStretchNotPositive(ts: ts.description) }
        let a = YieldSpaceFormulas.a(
            g: reference(g), ts: reference(ts), timeTillMaturity: ReferenceDecimal(value: YieldDecimal(Int(timeTillMaturity))))
        if a.value > .one { throw .gNotPositive(g: g.description) }
        guard a.value.isNegative == false, !a.value.isZero else {
            throw .tooFarFromMaturity(timeTillMaturity: String(timeTillMaturity), limit: longestTime(g: g.doubleValue, ts: ts.doubleValue))
        }
        let terms = YieldSpaceTerms(c: reference(c), mu: reference(mu), a: a, invA: ReferenceDecimal.one / a)
        let scale = 18 - decimals
        return Prepared(
            z: ReferenceDecimal(value: YieldDecimal(sharesReserves, timesPowerOfTen: scale)),
            y: ReferenceDecimal(value: YieldDecimal(fyTokenReserves, timesPowerOfTen: scale)), terms: terms, decimals: decimals)
    }
}
