import Foundation
import Testing
import YieldStrip

/// Lending rate models: Aave's two slopes and Morpho's AdaptiveCurveIrm against the issue's reference numbers,
/// the contracts' fixed-point arithmetic, paths, APYs and the inverse question.
@Suite struct LendingRatesTests {
    static func percent(_ value: Double?, _ digits: Int = 4) -> String {
        guard let value else { return "nil" }
        return String(format: "%.\(digits)f%%", value * 100)
    }

    static let usdc = try? AaveRateStrategy(
        optimalUsageRatioBps: 9_200, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 1_250,
        variableRateSlope2Bps: 3_500)

    static func wad(_ text: String) -> Wad { Wad(decimal: text) ?? .zero }

    /// Aave USDC (optimal 92 %, base 0, slope 1 12.5 %, slope 2 35 %): U 0.5 → 6.7935 %, 0.92 → 12.5 %, 0.96 → 30 %,
    /// 1 → 47.5 %; supply at 0.5 with a 10 % reserve factor → 3.0571 %.
    @Test func aaveUsdc() throws {
        let usdc = try #require(Self.usdc)
        for (u, expected) in [("0.5", "6.7935%"), ("0.92", "12.5000%"), ("0.96", "30.0000%"), ("1", "47.5000%")] {
            let r = try LendingRates.compute(LendingRatesRequest(model: .aave(usdc), utilization: Self.wad(u)))
            #expect(Self.percent(r.borrowRate) == expected, "U \(u)")
            #expect(abs(r.borrowRate - usdc.borrowRate(utilization: Double(u) ?? 0)) < 1e-15, "U \(u): ray and Double agree")
        }
        let r = try LendingRates.compute(LendingRatesRequest(model: .aave(usdc), utilization: Self.wad("0.5"), reserveFactor: Self.wad("0.1")))
        #expect(Self.percent(r.supplyRate) == "3.0571%")
        #expect(abs(r.supplyRate - 0.125 * 0.5 / 0.92 * 0.5 * 0.9) < 1e-15)
        // The contract's rays: slope1 · U / Uopt with half-up rounding at each step.
        let ray = try #require(r.borrowRateRay)
        #expect(ray.description == "67934782608695652173913043")
        // Per-second compounding: (1 + r/31,536,000)^31,536,000 − 1.
        #expect(abs(r.borrowApy - (pow(1 + r.borrowRate / 31_536_000, 31_536_000) - 1)) < 1e-8)  // pow itself is good to ~1e-9 here
        #expect(r.compounding == .perSecond)
    }

    /// The usage ratio from the reserve's totals: rayDiv(debt, available + debt).
    @Test func aaveUsageRatioFromTotals() throws {
        let u = try AaveRateStrategy.usageRatio(totalDebt: UInt256(3), availableLiquidity: UInt256(1))
        #expect(u.description == "750000000000000000000000000")
        #expect(try AaveRateStrategy.usageRatio(totalDebt: .zero, availableLiquidity: UInt256(5)) == .zero)
        #expect(try AaveRateStrategy.rayDiv(UInt256(1), UInt256(3)).description == "333333333333333333333333333")
        #expect(try AaveRateStrategy.rayMul(UInt256(1), AaveRateStrategy.ray >> 1) == UInt256(1))  // half-up
    }

    /// The setter's checks, with Aave's error names.
    @Test func aaveParameterChecks() {
        func name(_ body: () throws -> Void) -> String? {
            do {
                try body()
                return nil
            } catch let error as LendingError { return error.errorName } catch { return "\(error)" }
        }
        #expect(
            name {
                _ = try AaveRateStrategy(
                    optimalUsageRatioBps: 9_950, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 1, variableRateSlope2Bps: 2)
            }
                == "InvalidOptimalUsageRatio")
        #expect(
            name {
                _ = try AaveRateStrategy(
                    optimalUsageRatioBps: 9_000, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 5, variableRateSlope2Bps: 2)
            }
                == "Slope2MustBeGteSlope1")
        #expect(
            name {
                _ = try AaveRateStrategy(
                    optimalUsageRatioBps: 9_000, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 50_000, variableRateSlope2Bps: 60_000)
            }
                == "InvalidMaxRate")
        #expect(
            name { _ = try AaveRateStrategy(optimalUsageRatio: Self.wad("0.9"), base: .zero, slope1: Self.wad("0.04001"), slope2: Self.wad("0.6")) }
                == "InvalidParameter")
        guard let usdc = Self.usdc else {
            Issue.record("usdc")
            return
        }
        #expect(
            name { _ = try LendingRates.compute(LendingRatesRequest(model: .aave(usdc), utilization: Self.wad("1.01"))) } == "UtilizationOutOfRange")
        #expect(
            name { _ = try LendingRates.compute(LendingRatesRequest(model: .aave(usdc), utilization: Self.wad("-0.1"))) } == "UtilizationOutOfRange")
        #expect(
            name { _ = try LendingRates.compute(LendingRatesRequest(model: .aave(usdc), utilization: Self.wad("0.5"), reserveFactor: Self.wad("1"))) }
                == "InvalidParameter")
        #expect(
            name {
                _ = try LendingRates.compute(
                    LendingRatesRequest(
                        model: .morpho(rateAtTarget: Self.wad("0.04")), utilization: Self.wad("0.5"),
                        reserveFactor: Self.wad("0.3")))
            } == "MaxFeeExceeded")
    }

    /// Morpho at a rate at target of 4 %: U 0 / 0.5 / 0.9 / 1 → 1 % / 2.6667 % / 4 % / 16 %.
    @Test func morphoCurve() throws {
        for (u, expected) in [("0", "1.0000%"), ("0.5", "2.6667%"), ("0.9", "4.0000%"), ("1", "16.0000%")] {
            let r = try LendingRates.compute(LendingRatesRequest(model: .morpho(rateAtTarget: Self.wad("0.04")), utilization: Self.wad(u)))
            #expect(Self.percent(r.borrowRate) == expected, "U \(u)")
            #expect(r.rateAtTargetEnd == r.rateAtTargetStart)
        }
        #expect(MorphoAdaptiveCurveIrm.initialRateAtTarget.description == "1268391679")
        #expect(MorphoAdaptiveCurveIrm.perSecond(apr: Self.wad("0.04")) == MorphoAdaptiveCurveIrm.initialRateAtTarget)
    }

    /// One day at U = 1 from 4 %: the rate at target becomes 4 % · e^{50/365} = 4.5872 % and the returned
    /// (trapezoid-average) rate 17.154 % — with the exact exponential. The contract's `wExp` (1 + r + r²/2 after
    /// range reduction) is below e^r by about r³/6 here: 4.5855 % and 17.152 % on chain.
    @Test func morphoOneDayAtFullUtilization() throws {
        let r = try LendingRates.compute(LendingRatesRequest(model: .morpho(rateAtTarget: Self.wad("0.04")), utilization: .one, seconds: 86_400))
        // Morpho's formula with e^x, the issue's reference numbers.
        #expect(Self.percent(r.continuousRateAtTargetEnd) == "4.5872%")
        #expect(Self.percent(r.continuousBorrowRate, 3) == "17.154%")
        let x = 50.0 / 365
        #expect(abs((r.continuousRateAtTargetEnd ?? 0) - 0.04 * exp(x)) < 1e-15)
        #expect(abs((r.continuousBorrowRate ?? 0) - 4 * (0.04 + 0.04 * exp(x) + 2 * 0.04 * exp(x / 2)) / 4) < 1e-15)
        // The contract, to the wei.
        #expect(Self.percent(r.rateAtTargetEnd) == "4.5855%")
        #expect(Self.percent(r.borrowRate, 3) == "17.152%")
        let start = MorphoAdaptiveCurveIrm.initialRateAtTarget
        let linear = try #require(Int256("136986301369843200"))  // ⌊50e18/31,536,000⌋ · 86,400
        #expect(MorphoAdaptiveCurveIrm.adjustmentSpeed.description == "1585489599188")
        let expR = 1 + 0.1369863013698432 + 0.1369863013698432 * 0.1369863013698432 / 2
        #expect(abs(MorphoAdaptiveCurveIrm.wExp(linear).doubleValue / 1e18 - expR) < 1e-15)
        #expect(r.rateAtTargetEndPerSecond == (try MorphoAdaptiveCurveIrm.newRateAtTarget(start: start, linearAdaptation: linear)))
        // borrowRateEnd: the curve at the final rate at target, 4 × 4.5855 %.
        #expect(abs(r.borrowRateEnd - 4 * (r.rateAtTargetEnd ?? 0)) < 1e-12)
    }

    /// wExp against the true exponential: within ~r³/6 relative, exactly 1 at 0, clipped at the bounds.
    @Test func wExp() throws {
        #expect(MorphoAdaptiveCurveIrm.wExp(.zero) == PMath.iOne)
        for x in [-3.0, -0.5, -0.1, 0.05, 0.3, 1, 2.5, 10] {
            let value = MorphoAdaptiveCurveIrm.wExp(try #require(Int256(rounding: x * 1e18))).doubleValue / 1e18
            #expect(abs(value / exp(x) - 1) < 0.0072, "x \(x)")
        }
        #expect(MorphoAdaptiveCurveIrm.wExp(try #require(Int256("-42000000000000000000"))) == .zero)
    }

    /// A path is piecewise constant: each segment accrues its own average, and the rate at target carries over.
    @Test func morphoPath() throws {
        let model = LendingRateModel.morpho(rateAtTarget: Self.wad("0.04"))
        let path = try LendingRates.compute(
            LendingRatesRequest(
                model: model,
                path: [
                    UtilizationSegment(utilization: Self.wad("0.5"), seconds: 10 * 86_400),
                    UtilizationSegment(utilization: .one, seconds: 86_400)
                ]))
        let first = try LendingRates.compute(LendingRatesRequest(model: model, utilization: Self.wad("0.5"), seconds: 10 * 86_400))
        let startOfSecond = try #require(first.rateAtTargetEnd)
        #expect(startOfSecond < 0.04)
        #expect(path.segments.count == 2 && path.segments[0].borrowRate == first.borrowRate)
        #expect(abs(path.borrowRate - (path.segments[0].borrowRate * 10 + path.segments[1].borrowRate) / 11) < 1e-15)
        #expect(path.days == 11 && path.utilization == 1)
        // The second segment starts where the first ended.
        let (average, end) = try MorphoAdaptiveCurveIrm.borrowRate(
            utilization: PMath.iOne, startRateAtTarget: try #require(first.rateAtTargetEndPerSecond),
            elapsed: 86_400)
        #expect(path.rateAtTargetEndPerSecond == end && path.borrowRatePerSecond == average)
    }

    /// A kinked curve is linear between its points.
    @Test func kinked() throws {
        let curve = try KinkedRateCurve(points: [
            RateCurvePoint(utilization: 0, rate: 0), RateCurvePoint(utilization: 0.8, rate: 0.08),
            RateCurvePoint(utilization: 1, rate: 1)
        ])
        #expect(abs(curve.borrowRate(utilization: 0.4) - 0.04) < 1e-15 && abs(curve.borrowRate(utilization: 0.9) - 0.54) < 1e-15)
        let r = try LendingRates.compute(LendingRatesRequest(model: .kinked(curve), utilization: Self.wad("0.9"), reserveFactor: Self.wad("0.1")))
        #expect(abs(r.supplyRate - 0.54 * 0.9 * 0.9) < 1e-15 && abs(r.borrowApy - expm1(0.54)) < 1e-15)
        for points in [
            [RateCurvePoint(utilization: 0, rate: 0)],
            [RateCurvePoint(utilization: 0, rate: 0.1), RateCurvePoint(utilization: 1, rate: 0.05)],
            [RateCurvePoint(utilization: 0.1, rate: 0), RateCurvePoint(utilization: 1, rate: 0.05)],
            [RateCurvePoint(utilization: 0, rate: 0), RateCurvePoint(utilization: 1.2, rate: 0.05)]
        ] {
            #expect(throws: LendingError.self) { _ = try KinkedRateCurve(points: points) }
        }
    }

    /// The inverse question: the utilization whose supply APY is the target; none above the curve's maximum;
    /// an idle market pays nearly nothing.
    @Test func inverse() throws {
        let usdc = try #require(Self.usdc)
        let r = try LendingRates.compute(
            LendingRatesRequest(
                model: .aave(usdc), utilization: Self.wad("0.5"), reserveFactor: Self.wad("0.1"),
                targetSupplyApy: 0.05))
        let target = try #require(r.target)
        let u = try #require(target.utilization)
        let supply = usdc.borrowRate(utilization: u) * u * 0.9
        #expect(abs(RateCompounding.perSecond.apy(supply) - 0.05) < 1e-12)
        #expect(u > 0.5 && u < 0.92)
        let none = try LendingRates.compute(
            LendingRatesRequest(
                model: .aave(usdc), utilization: Self.wad("0.5"), reserveFactor: Self.wad("0.1"),
                targetSupplyApy: 0.6))
        #expect(none.target?.utilization == nil && abs((none.target?.maxSupplyApy ?? 0) - RateCompounding.perSecond.apy(0.475 * 0.9)) < 1e-12)
        #expect(r.idleSupplyApy < 1e-5 && r.idleUtilization == 0.001)
    }

    @Test func compounding() {
        for apr in [0.0, 0.01, 0.05, 0.5] {
            for c in RateCompounding.allCases { #expect(abs(c.apr(fromApy: c.apy(apr)) - apr) < 1e-12) }
        }
        #expect(abs(RateCompounding.continuous.apy(0.05) - (exp(0.05) - 1)) < 1e-16)
    }
}
