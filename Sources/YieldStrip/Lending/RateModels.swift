import Foundation

/// How a lending protocol's per-year rate (APR) compounds into an APY.
public enum RateCompounding: String, Sendable, CaseIterable {
    /// Every second: `APY = (1 + APR / 31,536,000)^31,536,000 − 1` (Aave's interface; on chain the variable
    /// debt compounds per second through a three-term binomial expansion, and suppliers' income compounds at
    /// each update of the reserve).
    case perSecond
    /// Continuously: `APY = e^APR − 1` (Morpho Blue accrues `e^{r·Δt} − 1` as a three-term Taylor expansion
    /// at each interaction; Kamino compounds per slot, two a second, continuous to within 1e-8).
    case continuous

    /// The APY of `apr` under this compounding.
    public func apy(_ apr: Double) -> Double {
        switch self {
        case .perSecond:
            let n = Double(RateConventions.secondsPerYear)
            return Foundation.expm1(n * Foundation.log1p(apr / n))
        case .continuous:
            return Foundation.expm1(apr)
        }
    }

    /// The APR whose APY is `apy` (the inverse of ``apy(_:)``).
    public func apr(fromApy apy: Double) -> Double {
        switch self {
        case .perSecond:
            let n = Double(RateConventions.secondsPerYear)
            return n * Foundation.expm1(Foundation.log1p(apy) / n)
        case .continuous:
            return Foundation.log1p(apy)
        }
    }

    /// In words, for the answers' assumptions.
    public var description: String {
        switch self {
        case .perSecond: return "compounded every second: APY = (1 + APR/31,536,000)^31,536,000 − 1"
        case .continuous: return "compounded continuously: APY = e^APR − 1"
        }
    }
}

// MARK: Aave

/// Aave v3's two-slope interest rate strategy as `DefaultReserveInterestRateStrategyV2` stores and computes
/// it: four parameters in basis points (`InterestRateDataBps`: `optimalUsageRatio` a `uint16`,
/// `baseVariableBorrowRate`, `variableRateSlope1`, `variableRateSlope2` `uint32`s), turned into rays
/// (`bps · 1e23`) and combined with Aave's half-up ray arithmetic:
/// ```
/// U ≤ Uopt:  borrowRate = base + rayDiv(rayMul(slope1, U), Uopt)
/// U > Uopt:  borrowRate = base + slope1 + rayMul(slope2, rayDiv(U − Uopt, 1 − Uopt))
/// supplyRate = percentMul(rayMul(borrowRate, U), 10,000 − reserveFactorBps)
/// U = rayDiv(totalDebt, availableLiquidity + totalDebt)                 (0 when there is no debt)
/// rayMul(a, b) = ⌊(a·b + 0.5e27) / 1e27⌋,  rayDiv(a, b) = ⌊(a·1e27 + ⌊b/2⌋) / b⌋,
/// percentMul(v, p) = ⌊(v·p + 5,000) / 10,000⌋
/// ```
/// The setter's checks are the contract's (`_setInterestRateParams`): the optimal ratio in 100 … 9,900
/// bps (`InvalidOptimalUsageRatio`), slope 1 ≤ slope 2 (`Slope2MustBeGteSlope1`), base + slopes ≤
/// 100,000 bps (`InvalidMaxRate`).
///
/// Source: aave-dao/aave-v3-origin `src/contracts/misc/DefaultReserveInterestRateStrategyV2.sol`,
/// `WadRayMath.sol`, `PercentageMath.sol`.
public struct AaveRateStrategy: Hashable, Sendable {
    public let optimalUsageRatioBps: Int
    public let baseVariableBorrowRateBps: Int
    public let variableRateSlope1Bps: Int
    public let variableRateSlope2Bps: Int

    /// `MIN_OPTIMAL_POINT`, `MAX_OPTIMAL_POINT`, `MAX_BORROW_RATE` (bps).
    public static let minOptimalPointBps = 100, maxOptimalPointBps = 9_900, maxBorrowRateBps = 100_000

    /// The strategy from the four stored values, checked as the contract's setter checks them.
    public init(
        optimalUsageRatioBps: Int, baseVariableBorrowRateBps: Int, variableRateSlope1Bps: Int,
        variableRateSlope2Bps: Int
    ) throws(LendingError) {
        for (field, value, limit) in [
            ("baseVariableBorrowRate", baseVariableBorrowRateBps, Int(UInt32.max)),
            ("variableRateSlope1", variableRateSlope1Bps, Int(UInt32.max)),
            ("variableRateSlope2", variableRateSlope2Bps, Int(UInt32.max))
        ] {
            guard value >= 0, value <= limit else {
                throw .invalidParameter(field: field, value: "\(value) bps", reason: "Aave stores it as a uint32 number of basis points (0 or more)")
            }
        }
        guard optimalUsageRatioBps >= Self.minOptimalPointBps, optimalUsageRatioBps <= Self.maxOptimalPointBps else {
            throw .invalidOptimalUsageRatio(bps: optimalUsageRatioBps)
        }
        guard variableRateSlope1Bps <= variableRateSlope2Bps else {
            throw .slope2MustBeGteSlope1(slope1Bps: variableRateSlope1Bps, slope2Bps: variableRateSlope2Bps)
        }
        let maximum = baseVariableBorrowRateBps + variableRateSlope1Bps + variableRateSlope2Bps
        guard maximum <= Self.maxBorrowRateBps else { throw .invalidMaxRate(bps: maximum) }
        self.optimalUsageRatioBps = optimalUsageRatioBps
        self.baseVariableBorrowRateBps = baseVariableBorrowRateBps
        self.variableRateSlope1Bps = variableRateSlope1Bps
        self.variableRateSlope2Bps = variableRateSlope2Bps
    }

    /// The strategy from fractions (`0.92`, `0.125`), each a whole number of basis points as Aave stores them.
    public init(optimalUsageRatio: Wad, base: Wad, slope1: Wad, slope2: Wad) throws(LendingError) {
        try self.init(
            optimalUsageRatioBps: Self.bps(optimalUsageRatio, "optimalUsageRatio"),
            baseVariableBorrowRateBps: Self.bps(base, "baseVariableBorrowRate"),
            variableRateSlope1Bps: Self.bps(slope1, "variableRateSlope1"), variableRateSlope2Bps: Self.bps(slope2, "variableRateSlope2"))
    }

    /// A fraction as a whole number of basis points (`0.125` → 1,250); an error for a fraction of a basis point.
    public static func bps(_ fraction: Wad, _ field: String) throws(LendingError) -> Int {
        let perBps = Int256(100_000_000_000_000)  // 1e14 wei = 1 bp
        let (quotient, overflow) = fraction.raw.dividedReportingOverflow(by: perBps)
        let (back, _) = quotient.multipliedReportingOverflow(by: perBps)
        guard !overflow, back == fraction.raw, let value = quotient.int64Value, abs(value) <= Int64(Int32.max) else {
            throw .invalidParameter(
                field: field, value: fraction.description,
                reason: "Aave stores rates in whole basis points: give e.g. 12.5% (1250 bp), not a fraction of a basis point")
        }
        guard value >= 0 else { throw .invalidParameter(field: field, value: fraction.description, reason: "a rate parameter is 0 or more") }
        return Int(value)
    }

    // MARK: Exact (ray)

    /// `WadRayMath.RAY` = 1e27.
    public static let ray = UInt256("1000000000000000000000000000") ?? .zero
    static let halfRay = ray >> 1
    static let rayPerBps = UInt256("100000000000000000000000") ?? .zero

    /// `bps · 1e23`: a basis-point value as a ray.
    public static func bpsToRay(_ bps: Int) -> UInt256 {
        UInt256(UInt64(Swift.max(bps, 0))).multipliedReportingOverflow(by: rayPerBps).partialValue
    }

    /// `WadRayMath.rayMul`: `⌊(a·b + RAY/2) / RAY⌋`.
    public static func rayMul(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        try PMath.div(PMath.add(PMath.mul(a, b), halfRay), ray)
    }

    /// `WadRayMath.rayDiv`: `⌊(a·RAY + b/2) / b⌋`.
    public static func rayDiv(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        guard !b.isZero else { throw .divisionByZero }
        return try PMath.div(PMath.add(PMath.mul(a, ray), b >> 1), b)
    }

    /// `PercentageMath.percentMul`: `⌊(value·percentage + 5,000) / 10,000⌋`.
    public static func percentMul(_ value: UInt256, _ percentage: Int) throws(PendleError) -> UInt256 {
        try PMath.div(PMath.add(PMath.mul(value, UInt256(UInt64(percentage))), UInt256(5_000)), UInt256(10_000))
    }

    /// The usage ratio Aave computes from the reserve's totals (same units): `rayDiv(debt, available + debt)`, 0
    /// without debt.
    public static func usageRatio(totalDebt: UInt256, availableLiquidity: UInt256) throws(PendleError) -> UInt256 {
        guard !totalDebt.isZero else { return .zero }
        return try rayDiv(totalDebt, PMath.add(availableLiquidity, totalDebt))
    }

    /// A utilization written as a fraction (a wad in [0, 1]) as a ray: `wad · 1e9`, exactly.
    public static func usageRatio(fraction: Wad) throws(LendingError) -> UInt256 {
        guard !fraction.isNegative, fraction <= .one else { throw .utilizationOutOfRange(field: "utilization", value: fraction.description) }
        return fraction.raw.bits.multipliedReportingOverflow(by: 1_000_000_000).partialValue
    }

    /// The variable borrow rate and the supply ("liquidity") rate, both rays per year, at a usage ratio (a ray
    /// in [0, 1e27]) and a reserve factor in bps: `calculateInterestRates` with no stable debt and no unbacked
    /// supply (the supply usage ratio is then the borrow usage ratio).
    public func rates(usageRatio: UInt256, reserveFactorBps: Int) throws(PendleError) -> (borrowRate: UInt256, supplyRate: UInt256) {
        let optimal = Self.bpsToRay(optimalUsageRatioBps)
        let slope1 = Self.bpsToRay(variableRateSlope1Bps)
        let slope2 = Self.bpsToRay(variableRateSlope2Bps)
        var borrow = Self.bpsToRay(baseVariableBorrowRateBps)
        guard !usageRatio.isZero else { return (borrow, .zero) }
        if optimal < usageRatio {
            let excess = try Self.rayDiv(PMath.sub(usageRatio, optimal), PMath.sub(Self.ray, optimal))
            borrow = try PMath.add(borrow, PMath.add(slope1, Self.rayMul(slope2, excess)))
        } else {
            borrow = try PMath.add(borrow, Self.rayDiv(Self.rayMul(slope1, usageRatio), optimal))
        }
        let supply = try Self.percentMul(Self.rayMul(borrow, usageRatio), 10_000 - reserveFactorBps)
        return (borrow, supply)
    }

    // MARK: Double

    /// The borrow rate (APR) at utilization `u` in `Double`: the same two slopes without the ray rounding.
    public func borrowRate(utilization u: Double) -> Double {
        let optimal = Double(optimalUsageRatioBps) / 10_000
        let base = Double(baseVariableBorrowRateBps) / 10_000
        let slope1 = Double(variableRateSlope1Bps) / 10_000
        let slope2 = Double(variableRateSlope2Bps) / 10_000
        if u > optimal { return base + slope1 + slope2 * (u - optimal) / (1 - optimal) }
        return base + slope1 * u / optimal
    }

    /// The kinks of the curve (utilization, borrow rate): 0, the optimal ratio, 1.
    public var kinks: [RateCurvePoint] {
        [0, Double(optimalUsageRatioBps) / 10_000, 1].map { RateCurvePoint(utilization: $0, rate: borrowRate(utilization: $0)) }
    }
}

// MARK: Morpho

/// Morpho Blue's `AdaptiveCurveIrm`, to the wei: per-second rates in WAD (`int256`), its `wMulToZero`,
/// `wDivToZero` and `ExpLib.wExp`.
///
/// ```
/// err   = (U − 0.9) / 0.9  (U ≤ 0.9),   (U − 0.9) / 0.1  (U > 0.9)               ∈ [−1, 1]
/// curve(r, err) = ((1 − 1/4)·err + 1)·r  (err < 0),   ((4 − 1)·err + 1)·r  (err ≥ 0)   r/4 … r … 4r
/// rateAtTarget(t + Δ) = clamp(rateAtTarget(t) · wExp(50/yr · err · Δ), 0.1 %/yr, 200 %/yr)
/// borrowRate = curve((start + end + 2·mid) / 4, err)       the trapezoid rule, N = 2 (mid: at Δ/2)
/// ```
/// `wExp` reduces `x = q·ln 2 + r` (|r| ≤ ln 2 / 2) and takes `e^r ≈ 1 + r + r²/2`: below `e^x` by about
/// `r³/6` (4e-4 relative for a day at 100 % utilization). ``continuous(utilization:startRateAtTarget:years:)``
/// runs the same algorithm in `Double` with the exact exponential (Morpho's documented formula).
///
/// Source: morpho-org/morpho-blue-irm `src/adaptive-curve-irm/AdaptiveCurveIrm.sol`,
/// `libraries/ConstantsLib.sol`, `libraries/ExpLib.sol`, `libraries/MathLib.sol`.
public enum MorphoAdaptiveCurveIrm {
    public static let wad = PMath.iOne
    static let year = Int256(RateConventions.secondsPerYear)
    /// `CURVE_STEEPNESS` = 4.
    public static let curveSteepness = Int256(4) &* PMath.iOne
    /// `ADJUSTMENT_SPEED` = 50 / year, per second: ⌊50e18 / 31,536,000⌋.
    public static let adjustmentSpeed = (Int256(50) &* PMath.iOne).dividedReportingOverflow(by: year).partialValue
    /// `TARGET_UTILIZATION` = 90 %.
    public static let targetUtilization = Int256(900_000_000_000_000_000)
    /// `INITIAL_RATE_AT_TARGET` = 4 % a year, per second.
    public static let initialRateAtTarget = Int256(40_000_000_000_000_000).dividedReportingOverflow(by: year).partialValue
    /// `MIN_RATE_AT_TARGET` = 0.1 % a year, per second.
    public static let minRateAtTarget = Int256(1_000_000_000_000_000).dividedReportingOverflow(by: year).partialValue
    /// `MAX_RATE_AT_TARGET` = 200 % a year, per second.
    public static let maxRateAtTarget = (Int256(2) &* PMath.iOne).dividedReportingOverflow(by: year).partialValue

    /// The curve's steepness, target and bounds as fractions (for `Double` work and display).
    public static let steepness = 4.0, target = 0.9, adjustmentSpeedPerYear = 50.0, minRateAtTargetApr = 0.001, maxRateAtTargetApr = 2.0

    /// `wMulToZero`: `x·y / 1e18`, truncated toward zero (checked).
    static func wMulToZero(_ x: Int256, _ y: Int256) throws(PendleError) -> Int256 { try PMath.div(PMath.mul(x, y), wad) }
    /// `wDivToZero`: `x·1e18 / y`, truncated toward zero (checked).
    static func wDivToZero(_ x: Int256, _ y: Int256) throws(PendleError) -> Int256 { try PMath.div(PMath.mul(x, wad), y) }

    /// A per-year rate (a wad: 0.04 for 4 %) as the contract's per-second value: ⌊rate / 31,536,000⌋.
    public static func perSecond(apr: Wad) -> Int256 { apr.raw.dividedReportingOverflow(by: year).partialValue }

    /// A per-second rate as a per-year fraction: `rate · 31,536,000 / 1e18`.
    public static func apr(perSecond rate: Int256) -> Double { rate.doubleValue * Double(RateConventions.secondsPerYear) / 1e18 }

    /// The utilization Morpho computes from its totals: `totalBorrowAssets.wDivDown(totalSupplyAssets)`, 0 when
    /// nothing is supplied.
    public static func utilization(totalBorrow: UInt256, totalSupply: UInt256) throws(PendleError) -> Int256 {
        guard !totalSupply.isZero else { return .zero }
        return try PMath.toInt(PMath.divDown(totalBorrow, totalSupply))
    }

    /// The normalized error: `(U − target).wDivToZero(target or 1 − target)`.
    public static func error(utilization: Int256) throws(PendleError) -> Int256 {
        let norm = targetUtilization < utilization ? wad &- targetUtilization : targetUtilization
        return try wDivToZero(PMath.sub(utilization, targetUtilization), norm)
    }

    /// `_curve`: the rate at a rate at target and an error.
    public static func curve(rateAtTarget: Int256, error err: Int256) throws(PendleError) -> Int256 {
        let coefficient = err.isNegative ? try PMath.sub(wad, wDivToZero(wad, curveSteepness)) : curveSteepness &- wad
        return try wMulToZero(PMath.add(wMulToZero(coefficient, err), wad), rateAtTarget)
    }

    /// `ExpLib.wExp`: `e^x` for a wad `x`, 0 below ln(1e-18), clipped above 93.86.
    public static func wExp(_ x: Int256) -> Int256 {
        let ln2 = Int256(693_147_180_559_945_309)
        let lnWei = Int256("-41446531673892822312") ?? .zero
        guard !(x < lnWei) else { return .zero }
        let upperBound = Int256("93859467695000404319") ?? .zero
        if !(x < upperBound) { return Int256("57716089161558943949701069502944508345128422502756744429568") ?? .zero }
        let half = ln2.dividedReportingOverflow(by: Int256(2)).partialValue
        let adjustment = x.isNegative ? half.negatedWrapping : half
        let q = (x &+ adjustment).dividedReportingOverflow(by: ln2).partialValue
        let r = x &- (q &* ln2)
        let expR = wad &+ r &+ (r &* r).dividedReportingOverflow(by: wad).partialValue.dividedReportingOverflow(by: Int256(2)).partialValue
        let shift = Int(q.int64Value ?? 0)
        // expR > 0 here, so the arithmetic shifts are the unsigned ones.
        return shift >= 0 ? Int256(bitPattern: expR.bits << shift) : Int256(bitPattern: expR.bits >> -shift)
    }

    /// `_newRateAtTarget`: `clamp(start · wExp(linearAdaptation), MIN, MAX)`.
    public static func newRateAtTarget(start: Int256, linearAdaptation: Int256) throws(PendleError) -> Int256 {
        let raw = try wMulToZero(start, wExp(linearAdaptation))
        return raw < minRateAtTarget ? minRateAtTarget : (maxRateAtTarget < raw ? maxRateAtTarget : raw)
    }

    /// `_borrowRate` at `utilization` (a wad) from a stored rate at target (per second; 0 is the first
    /// interaction, which uses the initial 4 %) after `elapsed` seconds: the average rate Morpho accrues over
    /// them and the rate at target it stores.
    public static func borrowRate(utilization: Int256, startRateAtTarget start: Int256, elapsed: Int64) throws(PendleError) -> (
        average: Int256, endRateAtTarget: Int256
    ) {
        let err = try error(utilization: utilization)
        guard !start.isZero else {
            return (try curve(rateAtTarget: initialRateAtTarget, error: err), initialRateAtTarget)
        }
        let speed = try wMulToZero(adjustmentSpeed, err)
        let linearAdaptation = try PMath.mul(speed, Int256(elapsed))
        guard !linearAdaptation.isZero else { return (try curve(rateAtTarget: start, error: err), start) }
        let end = try newRateAtTarget(start: start, linearAdaptation: linearAdaptation)
        let mid = try newRateAtTarget(start: start, linearAdaptation: PMath.div(linearAdaptation, Int256(2)))
        let average = try PMath.div(PMath.add(PMath.add(start, end), PMath.mul(Int256(2), mid)), Int256(4))
        return (try curve(rateAtTarget: average, error: err), end)
    }

    // MARK: Double

    /// The normalized error in `Double`.
    public static func error(utilization u: Double) -> Double { u > target ? (u - target) / (1 - target) : (u - target) / target }

    /// The curve in `Double`: `((1 − 1/C)·err + 1)·r` below target, `((C − 1)·err + 1)·r` above.
    public static func curve(rateAtTarget r: Double, error err: Double) -> Double {
        ((err < 0 ? 1 - 1 / steepness : steepness - 1) * err + 1) * r
    }

    /// The same algorithm in `Double` with the exact exponential (per-year rates, `years` elapsed): the
    /// average rate over the period (trapezoid, N = 2) and the rate at target at its end.
    public static func continuous(utilization u: Double, startRateAtTarget start: Double, years: Double) -> (average: Double, endRateAtTarget: Double)
    {
        let err = error(utilization: u)
        let adaptation = adjustmentSpeedPerYear * err * years
        guard adaptation != 0 else { return (curve(rateAtTarget: start, error: err), start) }
        func clamped(_ x: Double) -> Double { Swift.min(Swift.max(start * Foundation.exp(x), minRateAtTargetApr), maxRateAtTargetApr) }
        let end = clamped(adaptation)
        let mid = clamped(adaptation / 2)
        return (curve(rateAtTarget: (start + end + 2 * mid) / 4, error: err), end)
    }
}

// MARK: Kinked

/// One point of a piecewise-linear rate curve: a utilization in [0, 1] and the borrow rate (APR) there.
public struct RateCurvePoint: Hashable, Sendable {
    public var utilization: Double
    public var rate: Double

    public init(utilization: Double, rate: Double) {
        self.utilization = utilization
        self.rate = rate
    }
}

/// A piecewise-linear borrow-rate curve through its points, linear between them: Kamino's shape (klend's
/// `BorrowRateCurve`, exactly 11 points from 0 to 100 % utilization) or any other kinked curve.
///
/// The points start at utilization 0 and end at 1, utilizations strictly increasing, rates 0 or more and never
/// falling (so the supply rate rises with utilization).
public struct KinkedRateCurve: Hashable, Sendable {
    public let points: [RateCurvePoint]

    public init(points: [RateCurvePoint]) throws(LendingError) {
        guard points.count >= 2 else {
            throw .invalidParameter(
                field: "points", value: "\(points.count) point\(points.count == 1 ? "" : "s")",
                reason: "a kinked curve needs at least two points, from utilization 0 to 1 (0:0,80%:8%,100%:100%)")
        }
        for (i, point) in points.enumerated() {
            guard point.utilization.isFinite, point.rate.isFinite else {
                throw .invalidParameter(field: "points[\(i)]", value: "\(point.utilization):\(point.rate)", reason: "give finite numbers")
            }
            try LendingChecks.utilization(point.utilization, "points[\(i)].utilization")
            guard point.rate >= 0 else {
                throw .invalidParameter(field: "points[\(i)].rate", value: "\(point.rate)", reason: "a borrow rate is 0 or more")
            }
            if i > 0 {
                guard point.utilization > points[i - 1].utilization else {
                    throw .invalidParameter(
                        field: "points[\(i)].utilization", value: "\(point.utilization)",
                        reason: "utilizations must increase from point to point")
                }
                guard point.rate >= points[i - 1].rate else {
                    throw .invalidParameter(field: "points[\(i)].rate", value: "\(point.rate)", reason: "rates must not fall as utilization rises")
                }
            }
        }
        guard points[0].utilization == 0, points[points.count - 1].utilization == 1 else {
            throw .invalidParameter(
                field: "points", value: "\(points[0].utilization)…\(points[points.count - 1].utilization)",
                reason: "the curve must start at utilization 0 and end at 1 (100%)")
        }
        self.points = points
    }

    /// The borrow rate at `u` ∈ [0, 1], linear between the points.
    public func borrowRate(utilization u: Double) -> Double {
        guard let upper = points.firstIndex(where: { $0.utilization >= u }) else { return points[points.count - 1].rate }
        guard upper > 0 else { return points[0].rate }
        let a = points[upper - 1]
        let b = points[upper]
        return a.rate + (b.rate - a.rate) * (u - a.utilization) / (b.utilization - a.utilization)
    }
}
