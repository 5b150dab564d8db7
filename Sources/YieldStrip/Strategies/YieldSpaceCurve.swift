import Foundation

/// A YieldSpace pool (Yield Protocol v2) behind the strategies' curve interface, so that every job that
/// runs on Pendle runs on it unchanged.
///
/// The roles: fyToken plays the PT (it redeems one base at maturity); the pool's shares play SY, worth
/// `assetPerSy = c` base each; the base is the asset. Trades are Yield's previews (``YieldSpaceMath``,
/// exact with ``Wad``, ``YieldSpaceAnalytics`` in `Double`) with the pool's own checks:
///
/// | kind | YieldSpace | fee factor | refused when |
/// | --- | --- | --- | --- |
/// | `buyPtWithSy` | `sellBase` (shares in, fyToken out) | `g1` | the rate would go negative (`NegativeInterestRatesNotAllowed`), or the real fyToken run out (`FYTokenCachedBadState`) |
/// | `sellPtForSy` | `sellFYToken` (fyToken in, shares out) | `g2` | beyond the curve's end (`YieldMath: Rate overflow (yxa)`) |
/// | `buyYtWithSy`, `sellYtForSy` | none: YieldSpace has no yield token | | always: ``StrategyError/noYieldToken(curve:)`` |
///
/// There is no YT on YieldSpace: every YT trade, and so every job that sells or buys YT (`short-yt`, a YT
/// hedge instrument), throws `NoYieldToken` (the interface reports ``tradesYieldToken`` = false). A YT leg
/// a user puts in a position to value (rate risk, scenarios) is priced as the synthetic `1 − PT` at the
/// pool's rate, as on any curve: nothing is traded for it.
///
/// Rates: the pool's rate per second is `ts · ln(y/(μz))` (fyToken's fee-free price is `e^(−rate·T)`);
/// ``spot(at:)`` reports it on YieldStrip's 365-day year (`lnImpliedRate = rate · 31,536,000`), as it does
/// Pendle's, so APYs compare across venues. Yield's own quote (`calcInterestRate`,
/// ``YieldSpacePool/yieldApy``) is the same rate on its 365.25-day year. Exact amounts are the previews'
/// (in 18-decimal wad: a 6-decimal pool's amounts are whole multiples of 1e12 wei); the exact trades run at
/// 18 decimals and round down to the token's units themselves, which is the reference's answer without its
/// text-slicing quirk on results below one unit.
public struct YieldSpaceCurve<S: PendleScalar>: ImpliedYieldCurve, Hashable {
    public var pool: YieldSpacePool

    public init(pool: YieldSpacePool) { self.pool = pool }

    /// The curve's name as market files spell it.
    public static var name: String { "yieldspace" }
    public var curveName: String { Self.name }
    public var expiry: Int64 { pool.maturity }

    /// `c`, base per share (⌊c · 1e18 / 2^64⌋ wei for ``Wad``).
    public var assetPerSy: S {
        if S.isExact { return S.exactly(Wad(raw: Int256(bitPattern: (pool.c.raw.bits &* UInt256(1_000_000_000_000_000_000)) >> 64))) }
        return S(approximating: pool.c.doubleValue) ?? .zero
    }

    /// The fee as an annual rate: buying fyToken at `g1` earns `g1 ·` the pool's ln-rate, so the fee takes
    /// `(1 − g1) ·` the rate, `expm1((1 − g1) · lnRate)` at the current reserves (selling pays
    /// `(g2 − 1) ·` the rate). It scales with the rate: a YieldSpace fee is a share of the yield, not a fixed
    /// spread.
    public var annualFeeRate: Double {
        Foundation.expm1((1 - Double(pool.g1Fee) / 10_000) * pool.lnRatePerSecond * Double(RateConventions.secondsPerYear))
    }

    /// False: YieldSpace has no yield token.
    public var tradesYieldToken: Bool { false }

    public func spot(at blockTime: Int64) throws -> CurveSpot {
        let seconds = try pool.timeTillMaturity(at: blockTime)
        return CurveSpot(
            blockTime: blockTime, secondsToExpiry: seconds,
            lnImpliedRate: pool.lnRatePerSecond * Double(RateConventions.secondsPerYear))
    }

    public func trade(_ kind: CurveTradeKind, exactIn amount: S, at blockTime: Int64) throws -> CurveTrade<S> {
        guard !kind.tradesYieldToken else { throw StrategyError.noYieldToken(curve: curveName) }
        let time = try pool.timeTillMaturity(at: blockTime)
        guard amount.isPositive else { throw YieldSpaceError.zeroAmount(field: kind == .buyPtWithSy ? "sharesIn" : "fyTokenIn") }
        let result =
            S.isExact ? try exactTrade(kind, amount: baseUnits(amount), time: time) : try analyticTrade(kind, amount: amount.doubleValue, time: time)
        let amountIn = result.amountIn
        let amountOut = result.amountOut
        let (zAfter, yAfter) =
            kind == .buyPtWithSy
            ? (pool.sharesUnits + amountIn, pool.fyTokenUnits - amountOut)
            : (pool.sharesUnits - amountOut, pool.fyTokenUnits + amountIn)
        let inS = result.inExact.map(S.exactly) ?? S(approximating: amountIn) ?? .zero
        let outS = result.outExact.map(S.exactly) ?? S(approximating: amountOut) ?? .zero
        let feeS = result.feeExact.map(S.exactly) ?? S(approximating: result.fee) ?? .zero
        let ptLeg = kind == .buyPtWithSy ? outS : try inS.negated()
        let fields: NamedAmounts<S> =
            kind == .buyPtWithSy
            ? [("sharesIn", inS), ("fyTokenOut", outS), ("feeShares", feeS)]
            : [("fyTokenIn", inS), ("sharesOut", outS), ("feeShares", feeS)]
        return CurveTrade(
            kind: kind, amountGiven: amount, amountIn: inS, amountOut: outS, unspentInput: try amount - inS, ptLeg: ptLeg,
            feeSy: feeS, feeSyToReserve: .zero, impliedApyBefore: pool.impliedApy,
            impliedApyAfter: Self.apy(z: zAfter, y: yAfter, pool: pool),
            venueFields: fields, venueTrade: kind == .buyPtWithSy ? "sellBase" : "sellFYToken", evaluations: 2)
    }

    /// The pool's rate on YieldStrip's 365-day year, `ts · ln(y/(μz)) · 31,536,000`: YieldSpace stores no
    /// rate (it follows from the reserves), so this is the `Double` rate, to the nearest wei for ``Wad``.
    public var lnImpliedRate: S {
        S(approximating: pool.lnRatePerSecond * Double(RateConventions.secondsPerYear)) ?? .zero
    }

    /// ``trade(_:exactIn:at:)`` and the pool after it: the shares and fyToken reserves moved by the trade's
    /// amounts in the token's units (the fee stays in the pool, inside the curve, as Yield's pool keeps it).
    public func tradeAndUpdate(_ kind: CurveTradeKind, exactIn amount: S, at blockTime: Int64) throws -> (
        trade: CurveTrade<S>, after: YieldSpaceCurve<S>
    ) {
        let trade = try trade(kind, exactIn: amount, at: blockTime)
        let unitsIn = baseUnits(trade.amountIn)
        let unitsOut = baseUnits(trade.amountOut)
        var after = self
        let (shares, fyToken): ((partialValue: UInt256, overflow: Bool), (partialValue: UInt256, overflow: Bool)) =
            kind == .buyPtWithSy
            ? (pool.sharesReserves.addingReportingOverflow(unitsIn), pool.fyTokenReserves.subtractingReportingOverflow(unitsOut))
            : (pool.sharesReserves.subtractingReportingOverflow(unitsOut), pool.fyTokenReserves.addingReportingOverflow(unitsIn))
        guard !shares.overflow, !fyToken.overflow else { throw StrategyError.notFinite(quantity: "the pool's reserves after the trade") }
        after.pool.sharesReserves = shares.partialValue
        after.pool.fyTokenReserves = fyToken.partialValue
        return (trade, after)
    }

    public func largestInput(_ kind: CurveTradeKind, at blockTime: Int64) -> S? {
        guard !kind.tradesYieldToken, let time = try? pool.timeTillMaturity(at: blockTime) else { return nil }
        return S.isExact
            ? exactLargest(kind, time: time).map { S.exactly(wad(baseUnits: $0)) }
            : analyticLargest(kind, time: time).flatMap { S(approximating: $0) }
    }

    /// The pool with `g1Fee = 10000`: `g1 = g2 = 1`, the fee-free curve through the same reserves.
    public func withoutFee() -> YieldSpaceCurve<S> {
        var copy = self
        copy.pool.g1Fee = 10_000
        return copy
    }

    // MARK: Pool and PT legs

    /// The real fyToken (`fyTokenReserves − totalSupply`); the virtual reserves when the LP supply is unknown.
    public var ptReserve: S { Self.scalar(baseUnits: pool.realFyTokenReserves ?? pool.fyTokenReserves, pool: pool) }
    /// The shares reserves.
    public var syReserve: S { Self.scalar(baseUnits: pool.sharesReserves, pool: pool) }

    /// `shares · c + real fyToken · PT price` (the fee-free spot price); nil without the LP supply.
    public func poolValueInAsset(at blockTime: Int64) throws -> Double? {
        let spot = try spot(at: blockTime)
        guard let supply = pool.totalSupplyUnits else { return nil }
        return pool.sharesUnits * pool.c.doubleValue + (pool.fyTokenUnits - supply) * spot.ptPriceInAsset
    }

    /// An exact fyToken leg: bought with `buyFYToken` (shares in for exactly that fyToken out, `g1`; the pool's
    /// zero-rate and real-fyToken checks), sold with `sellFYToken` (`g2`). The shares a purchase costs are
    /// rounded up to the token's units, the shares a sale pays rounded down.
    public func tradePt(netPtToAccount: S, at blockTime: Int64) throws -> CurvePtTrade<S> {
        let time = try pool.timeTillMaturity(at: blockTime)
        guard !netPtToAccount.isZero else { throw YieldSpaceError.zeroAmount(field: "fyTokenOut") }
        let buying = netPtToAccount.isPositive
        if !buying {
            let sale = try trade(.sellPtForSy, exactIn: try netPtToAccount.negated(), at: blockTime)
            return CurvePtTrade(
                netPtToAccount: netPtToAccount, netSyToAccount: sale.amountOut, feeSy: sale.feeSy,
                impliedApyAfter: sale.impliedApyAfter, venueTrade: "sellFYToken")
        }
        let (z, y, c, mu, ts, T) = (pool.sharesUnits, pool.fyTokenUnits, pool.c.doubleValue, pool.mu.doubleValue, pool.ts.doubleValue, Double(time))
        let g1 = Double(pool.g1Fee) / 10_000
        let sharesIn: S
        let fee: S
        let inUnits: Double
        let outUnits: Double
        if S.isExact {
            let s = scale
            let out = baseUnits(netPtToAccount)
            guard !out.isZero else { throw YieldSpaceError.zeroAmount(field: "fyTokenOut") }
            let (z18, y18) = (pool.sharesReserves &* s, pool.fyTokenReserves &* s)
            let in18 = try YieldSpaceMath.buyFYToken(
                sharesReserves: z18, fyTokenReserves: y18, fyTokenOut: out &* s, timeTillMaturity: time,
                ts: pool.ts, g1: pool.g1, decimals: 18, c: pool.c, mu: pool.mu)
            guard in18.isPositive else { throw YieldSpaceError.outputNotPositive(field: "shares", value: in18.description) }
            let (quotient, remainder) = in18.magnitude.quotientAndRemainder(dividingBy: s)
            let shares = remainder.isZero ? quotient : quotient &+ .one
            try checkPurchase(sharesIn: shares, fyTokenOut: out)
            let feeFree = try YieldSpaceMath.buyFYToken(
                sharesReserves: z18, fyTokenReserves: y18, fyTokenOut: out &* s, timeTillMaturity: time,
                ts: pool.ts, g1: .one, decimals: 18, c: pool.c, mu: pool.mu)
            let paid18 = shares &* s
            let fee18 = feeFree.isPositive && feeFree.magnitude < paid18 ? paid18 &- feeFree.magnitude : .zero
            sharesIn = S.exactly(wad(baseUnits: shares))
            fee = S.exactly(Wad(raw: Int256(bitPattern: fee18)))
            (inUnits, outUnits) = (shares.doubleValue / pool.unit, out.doubleValue / pool.unit)
        } else {
            let out = netPtToAccount.doubleValue
            let shares = try YieldSpaceAnalytics.buyFYToken(
                sharesReserves: z, fyTokenReserves: y, fyTokenOut: out, timeTillMaturity: T, ts: ts,
                g: g1, c: c, mu: mu)
            guard shares > 0 else { throw YieldSpaceError.outputNotPositive(field: "shares", value: "\(shares)") }
            guard y - out >= mu * (z + shares) else {
                throw YieldSpaceError.negativeInterestRatesNotAllowed(
                    newFYTokenBalance: "\(y - out)", newSharesBalanceTimesMu: "\(mu * (z + shares))")
            }
            if let supply = pool.totalSupplyUnits, y - out < supply {
                throw YieldSpaceError.fyTokenCachedBadState(newFYTokenBalance: "\(y - out)", totalSupply: "\(supply)")
            }
            let feeFree = try YieldSpaceAnalytics.buyFYToken(
                sharesReserves: z, fyTokenReserves: y, fyTokenOut: out, timeTillMaturity: T, ts: ts,
                g: 1, c: c, mu: mu)
            sharesIn = S(approximating: shares) ?? .zero
            fee = S(approximating: Swift.max(0, shares - feeFree)) ?? .zero
            (inUnits, outUnits) = (shares, out)
        }
        return CurvePtTrade(
            netPtToAccount: netPtToAccount, netSyToAccount: try sharesIn.negated(), feeSy: fee,
            impliedApyAfter: Self.apy(z: z + inUnits, y: y - outUnits, pool: pool), venueTrade: "buyFYToken")
    }

    /// The pool's checks on a purchase of `fyTokenOut` for `sharesIn` (base units): no negative rate, no more
    /// fyToken than it really holds.
    private func checkPurchase(sharesIn: UInt256, fyTokenOut: UInt256) throws(YieldSpaceError) {
        guard fyTokenOut <= pool.fyTokenReserves else {
            throw .fyTokenOutBeyondReserves(fyTokenOut: fyTokenOut.description, fyTokenReserves: pool.fyTokenReserves.description)
        }
        let newFy = pool.fyTokenReserves &- fyTokenOut
        let newSharesMu = mulMu(pool.sharesReserves &+ sharesIn)
        guard newFy >= newSharesMu else {
            throw .negativeInterestRatesNotAllowed(newFYTokenBalance: newFy.description, newSharesBalanceTimesMu: newSharesMu.description)
        }
        if let supply = pool.totalSupply, newFy < supply {
            throw .fyTokenCachedBadState(newFYTokenBalance: newFy.description, totalSupply: supply.description)
        }
    }

    /// Buying: the fyToken the largest `sellBase` pays; selling: the largest `sellFYToken` (``largestInput(_:at:)``).
    public func largestPtLeg(buyingPt: Bool, at blockTime: Int64) -> S {
        guard buyingPt else { return largestInput(.sellPtForSy, at: blockTime) ?? .zero }
        guard let shares = largestInput(.buyPtWithSy, at: blockTime), let trade = try? trade(.buyPtWithSy, exactIn: shares, at: blockTime) else {
            return .zero
        }
        return trade.amountOut
    }

    /// Base units as the scalar: wad (scaled to 18 decimals) for ``Wad``, token units in `Double`.
    static func scalar(baseUnits value: UInt256, pool: YieldSpacePool) -> S {
        if S.isExact { return S.exactly(Wad(raw: Int256(bitPattern: value &* YieldSpacePool.powerOfTen(18 - pool.decimals)))) }
        return S(approximating: value.doubleValue / pool.unit) ?? .zero
    }

    // MARK: Trades

    /// A trade's amounts in token units, and exactly (wad) for the exact flavour.
    private struct Fill {
        var amountIn: Double, amountOut: Double, fee: Double
        var inExact: Wad? = nil, outExact: Wad? = nil, feeExact: Wad? = nil
    }

    private var scale: UInt256 {
        var result = UInt256.one
        for _ in 0..<(18 - pool.decimals) { result = result &* UInt256(10) }
        return result
    }

    /// A positive amount in the token's base units, rounded down.
    private func baseUnits(_ amount: S) -> UInt256 {
        let wad = (amount as? Wad) ?? Wad(rounding: amount.doubleValue) ?? .zero
        return wad.raw.magnitude.quotientAndRemainder(dividingBy: scale).quotient
    }

    private func wad(baseUnits value: UInt256) -> Wad { Wad(raw: Int256(bitPattern: value &* scale)) }

    /// `Pool._mulMu`: ⌊μ · amount⌋ (ABDK `mulu`).
    private func mulMu(_ amount: UInt256) -> UInt256 { (pool.mu.raw.bits &* amount) >> 64 }

    /// The exact trade of `x` base units, with the pool's checks.
    private func exactTrade(_ kind: CurveTradeKind, amount x: UInt256, time: Int64, feeToo: Bool = true) throws -> Fill {
        let s = scale
        let z = pool.sharesReserves
        let y = pool.fyTokenReserves
        guard !x.isZero else { throw YieldSpaceError.zeroAmount(field: kind == .buyPtWithSy ? "sharesIn" : "fyTokenIn") }
        let (z18, y18, x18) = (z &* s, y &* s, x &* s)
        func native(_ value: Int256) -> UInt256 { value.magnitude.quotientAndRemainder(dividingBy: s).quotient }
        switch kind {
        case .buyPtWithSy:
            let out18 = try YieldSpaceMath.sellBase(
                sharesReserves: z18, fyTokenReserves: y18, sharesIn: x18, timeTillMaturity: time, ts: pool.ts,
                g1: pool.g1, decimals: 18, c: pool.c, mu: pool.mu)
            let out = out18.isPositive ? native(out18) : .zero
            guard !out.isZero else { throw YieldSpaceError.outputNotPositive(field: "fyToken", value: out18.description) }
            let newFy = y &- out
            let newSharesMu = mulMu(z &+ x)
            guard newFy >= newSharesMu else {
                throw YieldSpaceError.negativeInterestRatesNotAllowed(
                    newFYTokenBalance: newFy.description, newSharesBalanceTimesMu: newSharesMu.description)
            }
            if let supply = pool.totalSupply, newFy < supply {
                throw YieldSpaceError.fyTokenCachedBadState(newFYTokenBalance: newFy.description, totalSupply: supply.description)
            }
            var fee18 = UInt256.zero
            if feeToo {
                // The shares the fee-free curve would take for the same fyToken.
                let feeFree = try YieldSpaceMath.buyFYToken(
                    sharesReserves: z18, fyTokenReserves: y18, fyTokenOut: out &* s, timeTillMaturity: time,
                    ts: pool.ts, g1: .one, decimals: 18, c: pool.c, mu: pool.mu)
                fee18 = feeFree.isPositive && feeFree.magnitude < x18 ? x18 &- feeFree.magnitude : .zero
            }
            return Fill(
                amountIn: x.doubleValue / pool.unit, amountOut: out.doubleValue / pool.unit, fee: fee18.doubleValue / 1e18,
                inExact: wad(baseUnits: x), outExact: wad(baseUnits: out), feeExact: Wad(raw: Int256(bitPattern: fee18)))
        case .sellPtForSy:
            let out18 = try YieldSpaceMath.sellFYToken(
                sharesReserves: z18, fyTokenReserves: y18, fyTokenIn: x18, timeTillMaturity: time, ts: pool.ts,
                g2: pool.g2, decimals: 18, c: pool.c, mu: pool.mu)
            let out = out18.isPositive ? native(out18) : .zero
            guard !out.isZero else { throw YieldSpaceError.outputNotPositive(field: "shares", value: out18.description) }
            var fee18 = UInt256.zero
            if feeToo {
                // The shares the fee-free curve would pay for the same fyToken (all of them past its end, which
                // comes before the g2 curve's).
                let feeFree =
                    (try? YieldSpaceMath.sellFYToken(
                        sharesReserves: z18, fyTokenReserves: y18, fyTokenIn: x18, timeTillMaturity: time,
                        ts: pool.ts, g2: .one, decimals: 18, c: pool.c, mu: pool.mu)) ?? Int256(bitPattern: z18)
                let paid = out &* s
                fee18 = feeFree.isPositive && paid < feeFree.magnitude ? feeFree.magnitude &- paid : .zero
            }
            return Fill(
                amountIn: x.doubleValue / pool.unit, amountOut: out.doubleValue / pool.unit, fee: fee18.doubleValue / 1e18,
                inExact: wad(baseUnits: x), outExact: wad(baseUnits: out), feeExact: Wad(raw: Int256(bitPattern: fee18)))
        case .buyYtWithSy, .sellYtForSy:
            throw StrategyError.noYieldToken(curve: curveName)
        }
    }

    /// The same trade in `Double` (token units), with the same checks.
    private func analyticTrade(_ kind: CurveTradeKind, amount x: Double, time: Int64, feeToo: Bool = true) throws -> Fill {
        let (z, y, c, mu, ts, T) = (pool.sharesUnits, pool.fyTokenUnits, pool.c.doubleValue, pool.mu.doubleValue, pool.ts.doubleValue, Double(time))
        let g1 = Double(pool.g1Fee) / 10_000
        let g2 = 10_000 / Double(pool.g1Fee)
        switch kind {
        case .buyPtWithSy:
            let out = try YieldSpaceAnalytics.sellBase(
                sharesReserves: z, fyTokenReserves: y, sharesIn: x, timeTillMaturity: T, ts: ts, g: g1, c: c, mu: mu)
            guard out > 0 else { throw YieldSpaceError.outputNotPositive(field: "fyToken", value: "\(out)") }
            guard y - out >= mu * (z + x) else {
                throw YieldSpaceError.negativeInterestRatesNotAllowed(newFYTokenBalance: "\(y - out)", newSharesBalanceTimesMu: "\(mu * (z + x))")
            }
            if let supply = pool.totalSupplyUnits, y - out < supply {
                throw YieldSpaceError.fyTokenCachedBadState(newFYTokenBalance: "\(y - out)", totalSupply: "\(supply)")
            }
            let feeFree =
                feeToo
                ? try YieldSpaceAnalytics.buyFYToken(
                    sharesReserves: z, fyTokenReserves: y, fyTokenOut: out, timeTillMaturity: T,
                    ts: ts, g: 1, c: c, mu: mu) : x
            return Fill(amountIn: x, amountOut: out, fee: Swift.max(0, x - feeFree))
        case .sellPtForSy:
            let out = try YieldSpaceAnalytics.sellFYToken(
                sharesReserves: z, fyTokenReserves: y, fyTokenIn: x, timeTillMaturity: T, ts: ts, g: g2, c: c, mu: mu)
            guard out > 0 else { throw YieldSpaceError.outputNotPositive(field: "shares", value: "\(out)") }
            let feeFree =
                feeToo
                ? (try? YieldSpaceAnalytics.sellFYToken(
                    sharesReserves: z, fyTokenReserves: y, fyTokenIn: x, timeTillMaturity: T,
                    ts: ts, g: 1, c: c, mu: mu)) ?? z : out
            return Fill(amountIn: x, amountOut: out, fee: Swift.max(0, feeFree - out))
        case .buyYtWithSy, .sellYtForSy:
            throw StrategyError.noYieldToken(curve: curveName)
        }
    }

    /// The largest base-unit input the exact trade takes: near the previews' own limit (`maxBaseIn`,
    /// `maxFyTokenIn`), settled by bisection on the trade itself (the pool's zero-rate check cuts a purchase
    /// about 1e12 / (c + μ) wei past the fee-free limit, below `maxBaseIn`'s precision margin).
    private func exactLargest(_ kind: CurveTradeKind, time: Int64) -> UInt256? {
        let s = scale
        let limit: Int256?
        switch kind {
        case .buyPtWithSy:
            limit = try? YieldSpaceMath.maxBaseIn(
                sharesReserves: pool.sharesReserves &* s, fyTokenReserves: pool.fyTokenReserves &* s,
                timeTillMaturity: time, ts: pool.ts, g1: pool.g1, decimals: 18, c: pool.c, mu: pool.mu)
        case .sellPtForSy:
            limit = try? YieldSpaceMath.maxFyTokenIn(
                sharesReserves: pool.sharesReserves &* s, fyTokenReserves: pool.fyTokenReserves &* s,
                timeTillMaturity: time, ts: pool.ts, g2: pool.g2, decimals: 18, c: pool.c, mu: pool.mu)
        default:
            return nil
        }
        guard let limit, limit.isPositive else { return nil }
        let guess = limit.magnitude.quotientAndRemainder(dividingBy: s).quotient
        func takes(_ x: UInt256) -> Bool { !x.isZero && (try? exactTrade(kind, amount: x, time: time, feeToo: false)) != nil }
        // A passing lower end and a failing upper end around the guess, then bisection.
        var step = Swift.max(UInt256.one, UInt256(2_000_000_000_000).quotientAndRemainder(dividingBy: s).quotient)
        var low = guess > step ? guess &- step : .one
        while !takes(low) {
            guard low > .one else { return nil }
            step = step &* UInt256(4)
            low = low > step ? low &- step : .one
        }
        step = Swift.max(UInt256.one, UInt256(2_000_000_000_000).quotientAndRemainder(dividingBy: s).quotient)
        var high = guess &+ .one
        var guardCount = 0
        while takes(high) {
            low = high
            high = high &+ step
            step = step &* UInt256(4)
            guardCount += 1
            if guardCount > 60 { return low }
        }
        while high &- low > .one {
            let middle = low &+ ((high &- low) >> 1)
            if takes(middle) { low = middle } else { high = middle }
        }
        return low
    }

    /// The largest `Double` input: the closed-form limit, a hair inside so that rounding keeps the trade legal.
    private func analyticLargest(_ kind: CurveTradeKind, time: Int64) -> Double? {
        let (z, y, c, mu, ts, T) = (pool.sharesUnits, pool.fyTokenUnits, pool.c.doubleValue, pool.mu.doubleValue, pool.ts.doubleValue, Double(time))
        var limit: Double
        switch kind {
        case .buyPtWithSy:
            guard
                let maxIn = try? YieldSpaceAnalytics.maxBaseIn(
                    sharesReserves: z, fyTokenReserves: y, timeTillMaturity: T, ts: ts,
                    g: Double(pool.g1Fee) / 10_000, c: c, mu: mu)
            else { return nil }
            limit = maxIn
            // The real fyToken also bounds a purchase.
            if let supply = pool.totalSupplyUnits,
                let out = try? YieldSpaceAnalytics.sellBase(
                    sharesReserves: z, fyTokenReserves: y, sharesIn: limit, timeTillMaturity: T, ts: ts, g: Double(pool.g1Fee) / 10_000, c: c, mu: mu),
                y - out < supply,
                let needed = try? YieldSpaceAnalytics.buyFYToken(
                    sharesReserves: z, fyTokenReserves: y, fyTokenOut: y - supply, timeTillMaturity: T,
                    ts: ts, g: Double(pool.g1Fee) / 10_000, c: c, mu: mu)
            {
                limit = Swift.min(limit, needed)
            }
        case .sellPtForSy:
            guard
                let maxIn = try? YieldSpaceAnalytics.maxFyTokenIn(
                    sharesReserves: z, fyTokenReserves: y, timeTillMaturity: T, ts: ts,
                    g: 10_000 / Double(pool.g1Fee), c: c, mu: mu)
            else { return nil }
            limit = maxIn
        default:
            return nil
        }
        var x = limit * (1 - 1e-12)
        for _ in 0..<40 {
            if x > 0, (try? analyticTrade(kind, amount: x, time: time, feeToo: false)) != nil { return x }
            x *= 1 - 1e-9
        }
        return nil
    }

    /// The implied APY (365-day year) of reserves `z`, `y` in token units.
    static func apy(z: Double, y: Double, pool: YieldSpacePool) -> Double {
        Foundation.expm1(pool.ts.doubleValue * Foundation.log(y / (pool.mu.doubleValue * z)) * Double(RateConventions.secondsPerYear))
    }
}

extension YieldSpaceCurve {
    /// The LP after the pool's own trade to `impliedApy` (``ImpliedYieldCurve/lpValue(impliedApy:at:assetPerSy:)``).
    ///
    /// The target APY (365-day year) is the reserve ratio `R* = y/(μz) = e^(ln(1 + apy) / (ts · 31,536,000))`.
    /// The pool trades along its curve with the fee of the trade's direction (`g1` when fyToken leaves the
    /// pool, `g2` when it comes in; fees stay in the pool): `K = (c/μ)(μz)^a + y^a` is kept, so the new
    /// reserves solve `(μz')^a (c/μ + R*^a) = K`, i.e. `μz' = (K / (c/μ + R*^a))^(1/a)`, `y' = R* μz'`.
    /// The LP holds `z'/s` shares and `(y' − s)/s` real fyToken (s: the LP supply); fyToken is priced at the
    /// APY, `e^(−ln(1 + apy) τ)`, shares at `assetPerSy` (c by default). The pool refuses a negative rate
    /// (the trade stops at `R* = 1`) and cannot hand out more fyToken than it really holds (`y' ≥ s`); there
    /// `reachedPoolLimit` is true.
    public func lpValue(impliedApy: Double, at blockTime: Int64, assetPerSy: Double? = nil) throws -> LpValuation {
        guard impliedApy.isFinite, impliedApy > -1 else {
            throw StrategyError.invalidInput(
                field: "impliedApy", value: "\(impliedApy)", reason: "an implied APY above −100 % is needed to value the LP")
        }
        let time = try pool.timeTillMaturity(at: blockTime)
        guard let s = pool.totalSupplyUnits else {
            throw StrategyError.invalidInput(
                field: "totalSupply", value: "unknown", reason: "valuing the LP needs the pool's LP supply (totalSupply)")
        }
        let index = assetPerSy ?? pool.c.doubleValue
        guard index.isFinite, index > 0 else {
            throw StrategyError.invalidInput(field: "assetPerSy", value: "\(index)", reason: "asset per SY must be positive")
        }
        let (z, y, c, mu, ts, T) = (pool.sharesUnits, pool.fyTokenUnits, pool.c.doubleValue, pool.mu.doubleValue, pool.ts.doubleValue, Double(time))
        let lnTarget = Foundation.log1p(impliedApy)
        var ratio = Foundation.exp(lnTarget / (ts * Double(RateConventions.secondsPerYear)))
        var limit = false
        if ratio < 1 {
            ratio = 1
            limit = true
        }
        let current = y / (mu * z)
        var zNew = z
        var yNew = y
        if abs(ratio - current) > 1e-15 * current {
            let g = ratio < current ? Double(pool.g1Fee) / 10_000 : 10_000 / Double(pool.g1Fee)
            let a = YieldSpaceFormulas.a(g: g, ts: ts, timeTillMaturity: T)
            guard a > 0 else {
                throw YieldSpaceError.tooFarFromMaturity(timeTillMaturity: String(time), limit: YieldSpaceMath.longestTime(g: g, ts: ts))
            }
            let k = c / mu * Foundation.pow(mu * z, a) + Foundation.pow(y, a)
            let muZ = Foundation.pow(k / (c / mu + Foundation.pow(ratio, a)), 1 / a)
            zNew = muZ / mu
            yNew = ratio * muZ
            if yNew < s {
                // The real fyToken runs out first: the pool stops with none left.
                yNew = s
                zNew = Foundation.pow((k - Foundation.pow(s, a)) * mu / c, 1 / a) / mu
                limit = true
            }
        }
        guard zNew.isFinite, yNew.isFinite, zNew > 0 else { throw StrategyError.notFinite(quantity: "the LP's arbitrage trade") }
        let tau = RateConventions.years(from: blockTime, to: pool.maturity)
        let ptPrice = Foundation.exp(-lnTarget * tau)
        let ptPerLp = (yNew - s) / s
        let syPerLp = zNew / s
        return LpValuation(
            impliedApy: impliedApy, arbitragePt: y - yNew, ptPerLp: ptPerLp, syPerLp: syPerLp, ptPriceInAsset: ptPrice,
            assetPerSy: index, valueInAsset: ptPerLp * ptPrice + syPerLp * index, reachedPoolLimit: limit)
    }
}
