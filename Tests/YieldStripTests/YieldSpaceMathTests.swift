import Foundation
import Testing
import YieldStrip
import _TestSupport

/// A random YieldSpace pool in the vectors' ranges: z log-uniform, y = μz·U(1.005, 2), T from a day to two
/// years, a 4-, 10- or 25-year time stretch, Yield's fee levels, c in [1, 1.5] and μ in [0.9, c] (so μ
/// sometimes above c, after a loss in the share vault).
struct RandomYieldSpacePool {
    var z: Double, y: Double, time: Int64, tsYears: Int, g1Fee: Int, c: Double, mu: Double

    init(_ random: inout SplitMix64, decimals: Int = 18) {
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        z = Foundation.pow(10, 3 + 6 * uniform()).rounded()
        c = 1 + 0.5 * uniform()
        mu = 0.9 + (c - 0.9) * uniform()
        y = (mu * z * (1.005 + 0.995 * uniform())).rounded()
        time = Int64(Foundation.exp(Foundation.log(86_400.0) + (Foundation.log(63_115_200.0) - Foundation.log(86_400.0)) * uniform()))
        tsYears = [4, 10, 25][Int(random.next() % 3)]
        g1Fee = [9500, 9750, 9900, 9950, 9975, 10_000][Int(random.next() % 6)]
        _ = decimals
    }

    var ts: Double { 1 / (Double(tsYears) * Double(YieldSpaceMath.secondsPerYear)) }
    var g1: Double { Double(g1Fee) / 10_000 }
    var g2: Double { 10_000 / Double(g1Fee) }
    var t: Double { ts * Double(time) }

    // The exact flavour's inputs (18 decimals).
    var zWei: UInt256 { UInt256(rounding: z * 1e18)! }
    var yWei: UInt256 { UInt256(rounding: y * 1e18)! }
    var ts64: Fixed64x64 { try! Fixed64x64.timeStretch(years: tsYears) }
    var g1x64: Fixed64x64 { try! Fixed64x64.g1(g1Fee: g1Fee) }
    var g2x64: Fixed64x64 { try! Fixed64x64.g2(g1Fee: g1Fee) }
    var c64: Fixed64x64 { Fixed64x64(rounding: c)! }
    var mu64: Fixed64x64 { Fixed64x64(rounding: mu)! }
}

private func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / Swift.max(abs(b), 1e-300) }

@Suite struct YieldSpaceAnalyticsTests {
    typealias A = YieldSpaceAnalytics

    @Test func maxFyTokenOutAndMaxBaseInMakeTheRateZero() throws {
        var random = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let p = RandomYieldSpacePool(&random)
            let out = try A.maxFyTokenOut(
                sharesReserves: p.z, fyTokenReserves: p.y, timeTillMaturity: Double(p.time), ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            let sharesIn = try A.buyFYToken(
                sharesReserves: p.z, fyTokenReserves: p.y, fyTokenOut: out, timeTillMaturity: Double(p.time), ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            #expect(relative(p.mu * (p.z + sharesIn), p.y - out) < 1e-9, "\(p)")
            let rate = try A.interestRate(sharesReserves: p.z + sharesIn, fyTokenReserves: p.y - out, ts: p.ts, mu: p.mu)
            #expect(abs(rate) < 1e-9)

            let maxIn = try A.maxBaseIn(
                sharesReserves: p.z, fyTokenReserves: p.y, timeTillMaturity: Double(p.time), ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            let fyOut = try A.sellBase(
                sharesReserves: p.z, fyTokenReserves: p.y, sharesIn: maxIn, timeTillMaturity: Double(p.time), ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            #expect(relative(p.mu * (p.z + maxIn), p.y - fyOut) < 1e-9, "\(p)")
            // The two limits are the same point of the curve.
            #expect(relative(maxIn, sharesIn) < 1e-9 && relative(fyOut, out) < 1e-9)
        }
    }

    @Test func maxFyTokenInEmptiesTheShares() throws {
        var random = SplitMix64(seed: 12)
        for _ in 0..<300 {
            let p = RandomYieldSpacePool(&random)
            let maxIn = try A.maxFyTokenIn(
                sharesReserves: p.z, fyTokenReserves: p.y, timeTillMaturity: Double(p.time), ts: p.ts, g: p.g2, c: p.c, mu: p.mu)
            // (A hair below the limit: at the limit itself Double rounding may put the sum below zero.)
            let out = try A.sellFYToken(
                sharesReserves: p.z, fyTokenReserves: p.y, fyTokenIn: maxIn * (1 - 1e-12), timeTillMaturity: Double(p.time),
                ts: p.ts, g: p.g2, c: p.c, mu: p.mu)
            #expect(abs(p.z - out) < 1e-9 * p.z, "\(p)")
        }
    }

    /// A trade of 1e-7 of the reserves pays the marginal price `(μz/y)^(g·ts·T)` (base per fyToken): g1 when
    /// fyToken is bought, g2 when it is sold; the fee is inside the exponent.
    @Test func smallTradesPayTheMarginalPrice() throws {
        var random = SplitMix64(seed: 13)
        for _ in 0..<300 {
            let p = RandomYieldSpacePool(&random)
            let T = Double(p.time)
            let x = 1e-7 * p.z
            let buyPrice = Foundation.pow(p.mu * p.z / p.y, p.g1 * p.t)
            let sellPrice = Foundation.pow(p.mu * p.z / p.y, p.g2 * p.t)
            #expect(
                try relative(A.marginalPrice(sharesReserves: p.z, fyTokenReserves: p.y, timeTillMaturity: T, ts: p.ts, g: p.g1, mu: p.mu), buyPrice)
                    < 1e-14)
            let fyOut = try A.sellBase(
                sharesReserves: p.z, fyTokenReserves: p.y, sharesIn: x, timeTillMaturity: T, ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            #expect(relative(p.c * x / fyOut, buyPrice) < 1e-6, "sellBase \(p)")
            let sharesIn = try A.buyFYToken(
                sharesReserves: p.z, fyTokenReserves: p.y, fyTokenOut: x, timeTillMaturity: T, ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            #expect(relative(p.c * sharesIn / x, buyPrice) < 1e-6, "buyFYToken \(p)")
            let sharesOut = try A.sellFYToken(
                sharesReserves: p.z, fyTokenReserves: p.y, fyTokenIn: x, timeTillMaturity: T, ts: p.ts, g: p.g2, c: p.c, mu: p.mu)
            #expect(relative(p.c * sharesOut / x, sellPrice) < 1e-6, "sellFYToken \(p)")
            let fyIn = try A.buyBase(
                sharesReserves: p.z, fyTokenReserves: p.y, sharesOut: x, timeTillMaturity: T, ts: p.ts, g: p.g2, c: p.c, mu: p.mu)
            #expect(relative(p.c * x / fyIn, sellPrice) < 1e-6, "buyBase \(p)")
            // With a fee, buying costs more than the mid price and selling pays less.
            if p.g1Fee < 10_000 { #expect(buyPrice > sellPrice) }
        }
    }

    /// Each trade moves along its curve: `(c/μ)(μz)^a + y^a` with the trade's own `a = 1 − g·ts·T` is unchanged.
    @Test func tradesKeepTheirInvariant() throws {
        var random = SplitMix64(seed: 14)
        for _ in 0..<300 {
            let p = RandomYieldSpacePool(&random)
            let T = Double(p.time)
            func sum(_ z: Double, _ y: Double, _ g: Double) throws -> Double {
                try A.curveSum(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: T, ts: p.ts, g: g, c: p.c, mu: p.mu)
            }
            let fraction = Foundation.pow(10, -4 + 3.9 * Double(random.next() >> 11) / Double(1 << 53))
            let maxIn = try A.maxBaseIn(sharesReserves: p.z, fyTokenReserves: p.y, timeTillMaturity: T, ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            let x = fraction * maxIn
            let fyOut = try A.sellBase(
                sharesReserves: p.z, fyTokenReserves: p.y, sharesIn: x, timeTillMaturity: T, ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            #expect(try relative(sum(p.z + x, p.y - fyOut, p.g1), sum(p.z, p.y, p.g1)) < 1e-12)
            let fyIn =
                fraction * (try A.maxFyTokenIn(sharesReserves: p.z, fyTokenReserves: p.y, timeTillMaturity: T, ts: p.ts, g: p.g2, c: p.c, mu: p.mu))
            let sharesOut = try A.sellFYToken(
                sharesReserves: p.z, fyTokenReserves: p.y, fyTokenIn: fyIn, timeTillMaturity: T, ts: p.ts, g: p.g2, c: p.c, mu: p.mu)
            #expect(try relative(sum(p.z - sharesOut, p.y + fyIn, p.g2), sum(p.z, p.y, p.g2)) < 1e-12)
        }
    }

    /// Selling and buying back never returns more than was given.
    @Test func roundTripsDoNotGain() throws {
        var random = SplitMix64(seed: 15)
        for _ in 0..<300 {
            let p = RandomYieldSpacePool(&random)
            let T = Double(p.time)
            let fraction = Foundation.pow(10, -6 + 5.9 * Double(random.next() >> 11) / Double(1 << 53))
            let maxIn = try A.maxBaseIn(sharesReserves: p.z, fyTokenReserves: p.y, timeTillMaturity: T, ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            let x = fraction * maxIn
            let fy = try A.sellBase(sharesReserves: p.z, fyTokenReserves: p.y, sharesIn: x, timeTillMaturity: T, ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            let back = try A.sellFYToken(
                sharesReserves: p.z + x, fyTokenReserves: p.y - fy, fyTokenIn: fy, timeTillMaturity: T, ts: p.ts, g: p.g2, c: p.c, mu: p.mu)
            // Up to the flavour's rounding: a few ulps of the reserves.
            #expect(back <= x + 1e-13 * p.y, "\(p)")
            if p.g1Fee < 10_000, fraction > 1e-4 { #expect(back < x) }
            let fyIn = fraction * p.z
            let shares = try A.sellFYToken(
                sharesReserves: p.z, fyTokenReserves: p.y, fyTokenIn: fyIn, timeTillMaturity: T, ts: p.ts, g: p.g2, c: p.c, mu: p.mu)
            let cost = try A.buyFYToken(
                sharesReserves: p.z - shares, fyTokenReserves: p.y + fyIn, fyTokenOut: fyIn, timeTillMaturity: T, ts: p.ts, g: p.g1, c: p.c, mu: p.mu)
            #expect(cost >= shares - 1e-13 * p.y, "\(p)")
        }
    }

    @Test func theFlavoursAgree() throws {
        var random = SplitMix64(seed: 16)
        for _ in 0..<40 {
            let p = RandomYieldSpacePool(&random)
            let T = Double(p.time)
            let x = 0.01 * p.z
            let exact = try YieldSpaceMath.sellBase(
                sharesReserves: p.zWei, fyTokenReserves: p.yWei, sharesIn: UInt256(rounding: x * 1e18)!,
                timeTillMaturity: p.time, ts: p.ts64, g1: p.g1x64, decimals: 18, c: p.c64, mu: p.mu64)
            let double = try A.sellBase(
                sharesReserves: p.zWei.doubleValue / 1e18, fyTokenReserves: p.yWei.doubleValue / 1e18,
                sharesIn: UInt256(rounding: x * 1e18)!.doubleValue / 1e18, timeTillMaturity: T,
                ts: p.ts64.doubleValue, g: p.g1x64.doubleValue, c: p.c64.doubleValue, mu: p.mu64.doubleValue)
            // The exact flavour keeps its 1e12-wei precision fee.
            #expect(relative((exact.magnitude.doubleValue + 1e12) / 1e18, double) < 1e-9)
        }
    }
}

@Suite struct YieldSpaceExactTests {
    typealias M = YieldSpaceMath

    /// `(c/μ)(μz)^a + y^a` at 90 digits with the parameters read exactly (2^64 exact).
    static func curveSum(_ z: UInt256, _ y: UInt256, time: Int64, ts: Fixed64x64, g: Fixed64x64, c: Fixed64x64, mu: Fixed64x64) -> YieldDecimal {
        let d = 90
        let a = YieldDecimal.one.subtracting(
            g.exactValue.multiplied(
                by: ts.exactValue.multiplied(by: YieldDecimal(Int(time)), significantDigits: d),
                significantDigits: d), significantDigits: d)
        let cm = c.exactValue.divided(by: mu.exactValue, significantDigits: d)
        let muZ = mu.exactValue.multiplied(by: YieldDecimal(z), significantDigits: d)
        return cm.multiplied(by: muZ.power(a, significantDigits: d)!, significantDigits: d)
            .adding(YieldDecimal(y).power(a, significantDigits: d)!, significantDigits: d)
    }

    /// The exact flavour errs on the pool's side by at most its precision fee: after each trade the pool's
    /// curve sum is not below the sum before, and handing the trader the fee and a little more (the reference's
    /// reading of 2^64 moves results by ~2e-17 relative) would take it below.
    @Test func tradesKeepTheInvariantWithinThePrecisionFee() throws {
        var random = SplitMix64(seed: 21)
        let fee = UInt256(1_000_000_000_000)
        for i in 0..<24 {
            let p = RandomYieldSpacePool(&random)
            let (z, y, T) = (p.zWei, p.yWei, p.time)
            let slack = fee &+ (y >> 40)
            let fraction = Foundation.pow(10, -5 + 4 * Double(random.next() >> 11) / Double(1 << 53))
            func k(_ z: UInt256, _ y: UInt256, _ g: Fixed64x64) -> YieldDecimal {
                Self.curveSum(z, y, time: T, ts: p.ts64, g: g, c: p.c64, mu: p.mu64)
            }
            switch i % 4 {
            case 0:
                let maxIn = try M.maxBaseIn(
                    sharesReserves: z, fyTokenReserves: y, timeTillMaturity: T, ts: p.ts64, g1: p.g1x64, decimals: 18, c: p.c64, mu: p.mu64)
                let x = UInt256(rounding: fraction * maxIn.magnitude.doubleValue)!
                let out = try M.sellBase(
                    sharesReserves: z, fyTokenReserves: y, sharesIn: x, timeTillMaturity: T, ts: p.ts64, g1: p.g1x64, decimals: 18, c: p.c64,
                    mu: p.mu64
                ).magnitude
                let before = k(z, y, p.g1x64)
                #expect(k(z &+ x, y &- out, p.g1x64) >= before, "sellBase \(p)")
                #expect(k(z &+ x, y &- out &- slack, p.g1x64) < before, "sellBase \(p)")
            case 1:
                let x = UInt256(rounding: fraction * p.y * 1e18)!
                let out = try M.sellFYToken(
                    sharesReserves: z, fyTokenReserves: y, fyTokenIn: x, timeTillMaturity: T, ts: p.ts64, g2: p.g2x64, decimals: 18, c: p.c64,
                    mu: p.mu64
                ).magnitude
                let before = k(z, y, p.g2x64)
                #expect(k(z &- out, y &+ x, p.g2x64) >= before, "sellFYToken \(p)")
                #expect(k(z &- out &- slack, y &+ x, p.g2x64) < before, "sellFYToken \(p)")
            case 2:
                let x = UInt256(rounding: fraction * 0.5 * p.z * 1e18)!
                let fyIn = try M.buyBase(
                    sharesReserves: z, fyTokenReserves: y, sharesOut: x, timeTillMaturity: T, ts: p.ts64, g2: p.g2x64, decimals: 18, c: p.c64,
                    mu: p.mu64
                ).magnitude
                let before = k(z, y, p.g2x64)
                #expect(k(z &- x, y &+ fyIn, p.g2x64) >= before, "buyBase \(p)")
                #expect(k(z &- x, y &+ fyIn &- slack, p.g2x64) < before, "buyBase \(p)")
            default:
                let maxOut = try M.maxFyTokenOut(
                    sharesReserves: z, fyTokenReserves: y, timeTillMaturity: T, ts: p.ts64, g1: p.g1x64, decimals: 18, c: p.c64, mu: p.mu64)
                let x = UInt256(rounding: fraction * maxOut.magnitude.doubleValue)!
                let sharesIn = try M.buyFYToken(
                    sharesReserves: z, fyTokenReserves: y, fyTokenOut: x, timeTillMaturity: T, ts: p.ts64, g1: p.g1x64, decimals: 18, c: p.c64,
                    mu: p.mu64
                ).magnitude
                let before = k(z, y, p.g1x64)
                #expect(k(z &+ sharesIn, y &- x, p.g1x64) >= before, "buyFYToken \(p)")
                #expect(k(z &+ sharesIn &- slack, y &- x, p.g1x64) < before, "buyFYToken \(p)")
            }
        }
    }

    @Test func exactRoundTripsDoNotGain() throws {
        var random = SplitMix64(seed: 22)
        for _ in 0..<16 {
            let p = RandomYieldSpacePool(&random)
            let x = UInt256(rounding: 0.001 * p.z * 1e18)!
            let fy = try M.sellBase(
                sharesReserves: p.zWei, fyTokenReserves: p.yWei, sharesIn: x, timeTillMaturity: p.time, ts: p.ts64, g1: p.g1x64,
                decimals: 18, c: p.c64, mu: p.mu64
            ).magnitude
            let back = try M.sellFYToken(
                sharesReserves: p.zWei &+ x, fyTokenReserves: p.yWei &- fy, fyTokenIn: fy, timeTillMaturity: p.time,
                ts: p.ts64, g2: p.g2x64, decimals: 18, c: p.c64, mu: p.mu64
            ).magnitude
            #expect(back < x)
        }
    }

    @Test func decimalsSixScaleToEighteen() throws {
        // The same economic pool in 6 and 18 decimals: the 6-decimal answer is the 18-decimal one cut to 6.
        let z6 = UInt256(1_000_000_000_000)
        let y6 = UInt256(1_100_000_000_000)
        let x6 = UInt256(1_000_000_000)
        let scale = UInt256(1_000_000_000_000)
        let ts = try Fixed64x64.timeStretch(years: 10)
        let g1 = try Fixed64x64.g1(g1Fee: 9500)
        let six = try M.sellBase(sharesReserves: z6, fyTokenReserves: y6, sharesIn: x6, timeTillMaturity: 7_776_000, ts: ts, g1: g1, decimals: 6)
        let eighteen = try M.sellBase(
            sharesReserves: z6 &* scale, fyTokenReserves: y6 &* scale, sharesIn: x6 &* scale, timeTillMaturity: 7_776_000,
            ts: ts, g1: g1, decimals: 18)
        #expect(six.description == String(eighteen.description.dropLast(12)))
    }

    @Test func parametersAsYieldBuildsThem() throws {
        // As in the reference vectors: ts for 10 years, g1/g2 for a 99 % fee parameter.
        #expect(try Fixed64x64.timeStretch(years: 10).raw.description == "58454204609")
        #expect(try Fixed64x64.timeStretch(years: 4).raw.description == "146135511522")
        #expect(try Fixed64x64.g1(g1Fee: 9900).raw.description == "18262276632972456099")
        #expect(try Fixed64x64.g2(g1Fee: 9900).raw.description == "18633074821928840016")
        #expect(Fixed64x64.one.raw.description == "18446744073709551616")
        #expect(abs(try Fixed64x64.timeStretch(years: 25).timeStretchYears - 25) < 1e-8)
    }
}

@Suite struct YieldSpaceErrorTests {
    typealias M = YieldSpaceMath
    typealias A = YieldSpaceAnalytics
    let z = UInt256(1_000_000) &* UInt256(1_000_000_000_000_000_000), y = UInt256(1_100_000) &* UInt256(1_000_000_000_000_000_000)
    let ts = try! Fixed64x64.timeStretch(years: 10), g1 = try! Fixed64x64.g1(g1Fee: 9500), g2 = try! Fixed64x64.g2(g1Fee: 9500)

    private func name(_ body: () throws -> some Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch { return (error as? YieldSpaceError)?.errorName ?? "\(error)" }
    }

    @Test func parameterChecks() {
        let half = Fixed64x64(raw: Int256(bitPattern: Fixed64x64.one.raw.bits >> 1))
        #expect(
            name {
                try M.sellBase(
                    sharesReserves: z, fyTokenReserves: y, sharesIn: z, timeTillMaturity: 86_400, ts: ts, g1: g1, decimals: 18,
                    c: Fixed64x64(raw: .zero))
            }
                == "YieldMath: c and mu must be positive")
        #expect(
            name {
                try M.sellBase(
                    sharesReserves: z, fyTokenReserves: y, sharesIn: z, timeTillMaturity: 86_400, ts: ts, g1: g1, decimals: 18,
                    mu: Fixed64x64(raw: Int256(-1)))
            }
                == "YieldMath: c and mu must be positive")
        // c below mu is legal (a loss in the share vault).
        #expect(
            name {
                try M.sellBase(
                    sharesReserves: z, fyTokenReserves: y, sharesIn: y >> 10, timeTillMaturity: 86_400, ts: ts, g1: g1, decimals: 18, c: half)
            } == nil)
        #expect(name { try Fixed64x64.g1(g1Fee: 0) } == "InvalidFee")
        #expect(name { try Fixed64x64.g2(g1Fee: 10_001) } == "InvalidFee")
        #expect(name { try Fixed64x64.g1(g1Fee: 10_000) } == nil)
        #expect(
            name {
                try M.maxBaseIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 86_400, ts: Fixed64x64(raw: .zero), g1: g1, decimals: 18)
            }
                == "YieldMath: t must be positive")
        #expect(name { try M.maxBaseIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 0, ts: ts, g1: g1, decimals: 18) } == "AfterMaturity")
        #expect(
            name { try M.maxBaseIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: -5, ts: ts, g1: g1, decimals: 18) } == "AfterMaturity")
        #expect(
            name { try M.maxBaseIn(sharesReserves: .zero, fyTokenReserves: y, timeTillMaturity: 86_400, ts: ts, g1: g1, decimals: 18) }
                == "ReservesNotPositive")
        #expect(
            name { try M.maxBaseIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 86_400, ts: ts, g1: g1, decimals: 19) }
                == "InvalidDecimals")
        #expect(
            name { try M.maxBaseIn(sharesReserves: UInt256.one << 130, fyTokenReserves: y, timeTillMaturity: 86_400, ts: ts, g1: g1, decimals: 18) }
                == "AmountOutOfRange")
        #expect(
            name {
                try M.maxBaseIn(
                    sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 86_400, ts: ts, g1: Fixed64x64(raw: Int256(-5)), decimals: 18)
            }
                == "YieldMath: g must be positive")
    }

    /// `a = 1 − g·ts·T` must stay positive: a 10-year stretch prices at most 10 years out with g1 = 0.95 (10.53
    /// years), and g2 = 1/0.95 reaches the limit sooner (9.5 years).
    @Test func tooFarFromMaturity() throws {
        let year = YieldSpaceMath.secondsPerYear
        #expect(name { try M.maxBaseIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 10 * year, ts: ts, g1: g1, decimals: 18) } == nil)
        #expect(
            name { try M.maxFyTokenIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 10 * year, ts: ts, g2: g2, decimals: 18) }
                == "YieldMath: Too far from maturity")
        #expect(
            name { try M.maxBaseIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 11 * year, ts: ts, g1: g1, decimals: 18) }
                == "YieldMath: Too far from maturity")
        #expect(
            name {
                try A.maxFyTokenIn(sharesReserves: 1e6, fyTokenReserves: 1.1e6, timeTillMaturity: Double(10 * year), ts: ts.doubleValue, g: 1 / 0.95)
            }
                == "YieldMath: Too far from maturity")
        do {
            _ = try M.maxFyTokenIn(sharesReserves: z, fyTokenReserves: y, timeTillMaturity: 10 * year, ts: ts, g2: g2, decimals: 18)
        } catch {
            // The longest workable time: 9.5 years.
            let limit = Double((error as YieldSpaceError).errorArgs[1])!
            #expect(abs(limit / Double(year) - 9.5) < 1e-6)
        }
    }

    @Test func tradesBeyondTheCurve() {
        let T: Int64 = 30 * 86_400
        #expect(
            name {
                try M.sellBase(sharesReserves: z, fyTokenReserves: y, sharesIn: z &* UInt256(1000), timeTillMaturity: T, ts: ts, g1: g1, decimals: 18)
            }
                == "YieldMath: Sum underflow")
        #expect(
            name {
                try M.sellFYToken(
                    sharesReserves: z, fyTokenReserves: y, fyTokenIn: y &* UInt256(3), timeTillMaturity: T, ts: ts, g2: g2, decimals: 18)
            }
                == "YieldMath: Rate overflow (yxa)")
        #expect(
            name { try M.buyBase(sharesReserves: z, fyTokenReserves: y, sharesOut: z &+ .one, timeTillMaturity: T, ts: ts, g2: g2, decimals: 18) }
                == "YieldMath: Too many shares in")
        #expect(
            name { try M.buyFYToken(sharesReserves: z, fyTokenReserves: y, fyTokenOut: y &+ .one, timeTillMaturity: T, ts: ts, g1: g1, decimals: 18) }
                == "YieldMath: Underflow (yxa)")
        #expect(
            name {
                try A.sellBase(sharesReserves: 1e6, fyTokenReserves: 1.1e6, sharesIn: 1e9, timeTillMaturity: Double(T), ts: ts.doubleValue, g: 0.95)
            }
                == "YieldMath: Sum underflow")
        #expect(
            name {
                try A.buyBase(
                    sharesReserves: 1e6, fyTokenReserves: 1.1e6, sharesOut: 2e6, timeTillMaturity: Double(T), ts: ts.doubleValue, g: 1 / 0.95)
            }
                == "YieldMath: Too many shares in")
    }

    @Test func messagesSayWhatToChange() {
        let error = YieldSpaceError.cAndMuNotPositive(c: "0", mu: "18446744073709551616")
        #expect(error.message.hasPrefix("YieldMath: c and mu must be positive"))
        #expect(YieldSpaceError.invalidFee(g1Fee: "0").message.contains("(0, 10000]"))
    }
}
