import Foundation

/// A YieldSpace pool's state as Yield Protocol's `Pool` holds it: the reserves in the token's base units,
/// the LP supply, the share price and normalization factor, the time stretch, the fee and the maturity.
///
/// `fyTokenReserves` is the *virtual* balance the curve prices with: the real fyToken plus the LP supply
/// (`Pool._getFYTokenBalance`). `ts` is per second (64.64); Yield builds it from years of 31,557,600 s
/// (``Fixed64x64/timeStretch(years:)``).
public struct YieldSpacePool: Hashable, Sendable {
    /// `z`: shares (the yield-bearing vault's tokens) in the pool, base units.
    public var sharesReserves: UInt256
    /// `y`: virtual fyToken reserves = real fyToken + `totalSupply`, base units.
    public var fyTokenReserves: UInt256
    /// The LP tokens in circulation; nil when unknown (the LP cannot then be valued).
    public var totalSupply: UInt256?
    /// `c`: base per share now, and `mu` (μ): base per share when the pool was initialized.
    public var c: Fixed64x64
    public var mu: Fixed64x64
    /// `ts`: the time stretch, 64.64 per second.
    public var ts: Fixed64x64
    /// The fee as fp4 (`g1 = g1Fee / 10000`; 10000: no fee).
    public var g1Fee: Int
    /// Unix seconds: fyToken redeems one base from then on, and the pool stops trading.
    public var maturity: Int64
    /// The token's decimals (base, shares and fyToken share them).
    public var decimals: Int

    /// A pool from its virtual fyToken reserves; the parameters are checked as the contracts check them.
    public init(
        sharesReserves: UInt256, fyTokenReserves: UInt256, totalSupply: UInt256? = nil, c: Fixed64x64, mu: Fixed64x64,
        ts: Fixed64x64, g1Fee: Int, maturity: Int64, decimals: Int
    ) throws(YieldSpaceError) {
        self.sharesReserves = sharesReserves
        self.fyTokenReserves = fyTokenReserves
        self.totalSupply = totalSupply
        self.c = c
        self.mu = mu
        self.ts = ts
        self.g1Fee = g1Fee
        self.maturity = maturity
        self.decimals = decimals
        try check()
    }

    /// A pool from its real fyToken balance and LP supply: the virtual reserves are their sum.
    public init(
        sharesReserves: UInt256, realFyTokenReserves: UInt256, totalSupply: UInt256, c: Fixed64x64, mu: Fixed64x64,
        ts: Fixed64x64, g1Fee: Int, maturity: Int64, decimals: Int
    ) throws(YieldSpaceError) {
        let (sum, overflow) = realFyTokenReserves.addingReportingOverflow(totalSupply)
        if overflow { throw .amountOutOfRange(field: "fyTokenReserves", value: "real + totalSupply beyond 2^256") }
        try self.init(
            sharesReserves: sharesReserves, fyTokenReserves: sum, totalSupply: totalSupply, c: c, mu: mu, ts: ts, g1Fee: g1Fee,
            maturity: maturity, decimals: decimals)
    }

    /// Checks what every price needs: decimals 0…18, reserves positive and within `uint128`, the LP supply
    /// not above the virtual reserves, `c`, `mu` and `ts` positive within `int128`, `g1Fee` in (0, 10000].
    public func check() throws(YieldSpaceError) {
        guard (0...18).contains(decimals) else { throw .invalidDecimals(decimals) }
        try YieldSpaceMath.checkRange([("sharesReserves", sharesReserves), ("fyTokenReserves", fyTokenReserves)], [("c", c), ("mu", mu), ("ts", ts)])
        try YieldSpaceMath.checkReserves(sharesReserves, fyTokenReserves)
        if let totalSupply {
            guard !totalSupply.isZero else { throw .reservesNotPositive(field: "totalSupply", value: "0") }
            guard totalSupply <= fyTokenReserves else {
                throw .reservesNotPositive(
                    field: "real fyToken (fyTokenReserves − totalSupply)", value: "-" + (totalSupply &- fyTokenReserves).description)
            }
        }
        guard c.isPositive, mu.isPositive else { throw .cAndMuNotPositive(c: c.description, mu: mu.description) }
        guard ts.isPositive else { throw .timeStretchNotPositive(ts: ts.description) }
        try YieldSpaceMath.checkFee(g1Fee)
    }

    /// The real fyToken balance, when the LP supply is known.
    public var realFyTokenReserves: UInt256? { totalSupply.map { fyTokenReserves &- $0 } }

    /// `g1` and `g2` as the pool computes them.
    public var g1: Fixed64x64 { (try? Fixed64x64.g1(g1Fee: g1Fee)) ?? .one }
    public var g2: Fixed64x64 { (try? Fixed64x64.g2(g1Fee: g1Fee)) ?? .one }

    /// Seconds to maturity at `blockTime`; `AfterMaturity` at or after it.
    public func timeTillMaturity(at blockTime: Int64) throws(YieldSpaceError) -> Int64 {
        let (seconds, overflow) = maturity.subtractingReportingOverflow(blockTime)
        guard !overflow, seconds > 0 else {
            throw .afterMaturity(timeTillMaturity: overflow ? "-" : String(seconds), maturity: maturity, blockTime: blockTime)
        }
        return seconds
    }

    /// The reserves and supply in token units (`Double`).
    public var sharesUnits: Double { sharesReserves.doubleValue / unit }
    public var fyTokenUnits: Double { fyTokenReserves.doubleValue / unit }
    public var totalSupplyUnits: Double? { totalSupply.map { $0.doubleValue / unit } }
    var unit: Double { Foundation.pow(10, Double(decimals)) }

    /// The pool's continuously compounded rate per second, `ts · ln(y / (μz))` (fee-free): fyToken's price in
    /// base is `e^(−rate · T)`. Times 31,536,000 it is the ln-rate on YieldStrip's 365-day year; times
    /// 31,557,600 on Yield's.
    public var lnRatePerSecond: Double {
        ts.doubleValue * Foundation.log(fyTokenReserves.doubleValue / (mu.doubleValue * sharesReserves.doubleValue))
    }

    /// The pool's rate as Yield quotes it (`calcInterestRate`): an APY on Yield's 365.25-day year.
    public var yieldApy: Double { Foundation.expm1(lnRatePerSecond * Double(YieldSpaceMath.secondsPerYear)) }

    /// The pool's rate as an APY on YieldStrip's 365-day year (Pendle's convention, what the curve interface reports).
    public var impliedApy: Double { Foundation.expm1(lnRatePerSecond * Double(RateConventions.secondsPerYear)) }
}

extension YieldSpacePool {
    /// A pool started as Yield starts one, then traded to a rate: `init` with `z₀` shares (LP supply
    /// `s = ⌊μ · z₀⌋`, `Pool._mulMu`; virtual fyToken `y₀ = s`, a zero rate), then `Δy` fyToken sold into it
    /// (`sellFYToken` with `g2`, exact) to bring the rate to `impliedApy` (365-day year) at `blockTime`.
    ///
    /// `z₀` and `Δy` come from the fee-`g2` curve in closed form — `μz' = (K / (c/μ + R^a))^(1/a)`,
    /// `y' = R·μz'`, `R = e^(ln(1 + apy) / (ts · 31,536,000))`, `K = (c/μ)(μz₀)^a + y₀^a` — with `z₀` scaled
    /// so that the pool is worth `poolValueInBase` (shares at `c`, real fyToken at `(1 + apy)^(−τ)`), both
    /// rounded to 6 decimals. The exact trade then sets the reserves, so the rate read back agrees with
    /// `impliedApy` to the rounding of `Δy` (about 1e-9).
    public static func seeded(
        impliedApy: Double, poolValueInBase: Double, c: Fixed64x64, mu: Fixed64x64, ts: Fixed64x64, g1Fee: Int,
        maturity: Int64, decimals: Int, at blockTime: Int64
    ) throws -> YieldSpacePool {
        guard impliedApy.isFinite, impliedApy >= 0 else {
            throw StrategyError.invalidInput(field: "impliedApy", value: "\(impliedApy)", reason: "a YieldSpace pool's rate is at least zero")
        }
        guard poolValueInBase.isFinite, poolValueInBase > 0 else {
            throw StrategyError.invalidInput(field: "poolValueInBase", value: "\(poolValueInBase)", reason: "give a positive pool value")
        }
        let probe = try YieldSpacePool(
            sharesReserves: UInt256(1_000_000), fyTokenReserves: UInt256(1_000_000), c: c, mu: mu, ts: ts, g1Fee: g1Fee,
            maturity: maturity, decimals: decimals)
        let time = try probe.timeTillMaturity(at: blockTime)
        let (cu, muu, tsu, g2) = (c.doubleValue, mu.doubleValue, ts.doubleValue, 10_000 / Double(g1Fee))
        let a = YieldSpaceFormulas.a(g: g2, ts: tsu, timeTillMaturity: Double(time))
        guard a > 0 else {
            throw YieldSpaceError.tooFarFromMaturity(timeTillMaturity: String(time), limit: YieldSpaceMath.longestTime(g: g2, ts: tsu))
        }
        let lnRate = Foundation.log1p(impliedApy)
        let ratio = Foundation.exp(lnRate / (tsu * Double(RateConventions.secondsPerYear)))
        // Per share of z₀: y₀ = μ, K = (c/μ)μ^a + μ^a.
        let k = (cu / muu + 1) * Foundation.pow(muu, a)
        let muZ = Foundation.pow(k / (cu / muu + Foundation.pow(ratio, a)), 1 / a)
        let sold = ratio * muZ - muu
        let value = cu * muZ / muu + sold * Foundation.exp(-lnRate * RateConventions.years(from: blockTime, to: maturity))
        let z0 = poolValueInBase / value
        func baseUnits(_ units: Double) throws -> UInt256 {
            let micro = (units * 1e6).rounded()
            guard let value = UInt256(rounding: micro) else { throw StrategyError.notFinite(quantity: "the seeded reserves") }
            return decimals >= 6
                ? value &* Self.powerOfTen(decimals - 6) : value.quotientAndRemainder(dividingBy: Self.powerOfTen(6 - decimals)).quotient
        }
        let shares = try baseUnits(z0)
        let fyTokenSold = try baseUnits(sold * z0)
        let supply = (mu.raw.bits &* shares) >> 64
        let started = try YieldSpacePool(
            sharesReserves: shares, fyTokenReserves: supply, totalSupply: supply, c: c, mu: mu, ts: ts, g1Fee: g1Fee,
            maturity: maturity, decimals: decimals)
        // A zero rate: the pool as Yield's init leaves it.
        guard !fyTokenSold.isZero else { return started }
        let scale = Self.powerOfTen(18 - decimals)
        let trade = try YieldSpaceCurve<Wad>(pool: started).trade(
            .sellPtForSy, exactIn: Wad(raw: Int256(bitPattern: fyTokenSold &* scale)), at: blockTime)
        let sharesOut = trade.amountOut.raw.magnitude.quotientAndRemainder(dividingBy: scale).quotient
        return try YieldSpacePool(
            sharesReserves: shares &- sharesOut, fyTokenReserves: supply &+ fyTokenSold, totalSupply: supply, c: c, mu: mu,
            ts: ts, g1Fee: g1Fee, maturity: maturity, decimals: decimals)
    }

    static func powerOfTen(_ n: Int) -> UInt256 {
        var result = UInt256.one
        for _ in 0..<Swift.max(0, n) { result = result &* UInt256(10) }
        return result
    }
}
