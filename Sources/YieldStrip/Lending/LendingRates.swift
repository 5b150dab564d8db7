import Foundation

/// A lending protocol's borrow-rate model.
public enum LendingRateModel: Hashable, Sendable {
    /// Aave v3's two slopes (``AaveRateStrategy``).
    case aave(AaveRateStrategy)
    /// Morpho Blue's `AdaptiveCurveIrm` (``MorphoAdaptiveCurveIrm``) from a stored rate at target, a per-year
    /// fraction (0.04 for 4 %, Morpho's initial value), kept between 0.1 % and 200 %.
    case morpho(rateAtTarget: Wad)
    /// A piecewise-linear curve (``KinkedRateCurve``): Kamino's 11 points, or any other.
    case kinked(KinkedRateCurve)

    /// `aave`, `morpho` or `kinked`.
    public var name: String {
        switch self {
        case .aave: return "aave"
        case .morpho: return "morpho"
        case .kinked: return "kinked"
        }
    }

    /// How the protocol compounds: per second (Aave), continuously (Morpho, a kinked curve).
    public var compounding: RateCompounding {
        if case .aave = self { return .perSecond }
        return .continuous
    }

    /// What the reserve factor is called in the protocol.
    public var reserveFactorName: String {
        switch self {
        case .aave: return "reserve factor"
        case .morpho: return "market fee"
        case .kinked: return "protocol take rate"
        }
    }

    /// Checks a reserve factor (a share of the borrowers' interest kept from suppliers) as the protocol would:
    /// Aave's in whole bps below 100 %, Morpho's fee at most 25 %.
    func check(reserveFactor: Wad) throws(LendingError) -> Int {
        guard !reserveFactor.isNegative, reserveFactor < .one else {
            throw .invalidParameter(
                field: "reserveFactor", value: reserveFactor.description, reason: "\(reserveFactorName) lies in [0, 1): give e.g. 10%")
        }
        switch self {
        case .aave: return try AaveRateStrategy.bps(reserveFactor, "reserveFactor")
        case .morpho:
            guard reserveFactor <= Wad(raw: Int256(250_000_000_000_000_000)) else { throw .maxFeeExceeded(fee: reserveFactor.description) }
            return 0
        case .kinked: return 0
        }
    }

    /// Checks the model's own parameters (Morpho's rate at target within its bounds).
    func check() throws(LendingError) {
        if case .morpho(let rate) = self {
            let apr = rate.doubleValue
            guard apr >= MorphoAdaptiveCurveIrm.minRateAtTargetApr, apr <= MorphoAdaptiveCurveIrm.maxRateAtTargetApr else {
                throw .invalidParameter(
                    field: "rateAtTarget", value: rate.description,
                    reason: "Morpho keeps the rate at target between 0.1% and 200% a year")
            }
        }
    }

    /// The borrow rate (APR) at utilization `u` in `Double`; for Morpho, the curve at `rateAtTarget` (per year)
    /// with no time elapsed.
    public func borrowRate(utilization u: Double, rateAtTarget: Double? = nil) -> Double {
        switch self {
        case .aave(let strategy): return strategy.borrowRate(utilization: u)
        case .morpho(let stored):
            return MorphoAdaptiveCurveIrm.curve(rateAtTarget: rateAtTarget ?? stored.doubleValue, error: MorphoAdaptiveCurveIrm.error(utilization: u))
        case .kinked(let curve): return curve.borrowRate(utilization: u)
        }
    }
}

/// A period of constant utilization: utilization changes only when someone supplies, borrows, repays or
/// withdraws, and each of those is an interaction that updates the rate.
public struct UtilizationSegment: Hashable, Sendable {
    /// Borrowed / supplied, a fraction in [0, 1] (exact: Morpho and Aave compute in fixed point).
    public var utilization: Wad
    /// How long it lasts (0: an instant).
    public var seconds: Int64

    public init(utilization: Wad, seconds: Int64) {
        self.utilization = utilization
        self.seconds = seconds
    }
}

/// A `rates` question: a model, the utilization (constant, or a piecewise-constant path), the reserve factor,
/// and optionally a supply APY to reach.
public struct LendingRatesRequest: Hashable, Sendable {
    public var model: LendingRateModel
    /// The utilization path, in order; one segment for a constant utilization (0 seconds: the rate now).
    public var path: [UtilizationSegment]
    /// The share of the borrowers' interest kept from suppliers: Aave's reserve factor (whole bps), Morpho's
    /// market fee (≤ 25 %), a kinked curve's take rate.
    public var reserveFactor: Wad
    /// The inverse question: what utilization lifts the supply APY to this.
    public var targetSupplyApy: Double?

    public init(model: LendingRateModel, path: [UtilizationSegment], reserveFactor: Wad = .zero, targetSupplyApy: Double? = nil) {
        self.model = model
        self.path = path
        self.reserveFactor = reserveFactor
        self.targetSupplyApy = targetSupplyApy
    }

    /// A constant utilization for `seconds` (0: the rate now).
    public init(model: LendingRateModel, utilization: Wad, seconds: Int64 = 0, reserveFactor: Wad = .zero, targetSupplyApy: Double? = nil) {
        self.init(
            model: model, path: [UtilizationSegment(utilization: utilization, seconds: seconds)], reserveFactor: reserveFactor,
            targetSupplyApy: targetSupplyApy)
    }
}

/// One segment of a rates answer.
public struct LendingRatesSegment: Hashable, Sendable {
    public var utilization: Double
    public var seconds: Int64
    public var days: Double
    /// The borrow rate accrued over the segment (Morpho: the trapezoid average), and the supply rate.
    public var borrowRate: Double
    public var supplyRate: Double
    /// Morpho: the rate at target at the segment's end.
    public var rateAtTargetEnd: Double?
}

/// One row of a model's curve: the rates at a utilization.
public struct LendingRateCurveRow: Hashable, Sendable {
    public var utilization: Double
    public var borrowRate: Double
    public var supplyRate: Double
    public var borrowApy: Double
    public var supplyApy: Double
}

/// The inverse question's answer: the utilization at which suppliers earn a target APY.
public struct SupplyApyTarget: Hashable, Sendable {
    public var targetSupplyApy: Double
    /// The utilization that pays it (nil when even 100 % does not), and the borrow rate there.
    public var utilization: Double?
    public var borrowRate: Double?
    public var borrowApy: Double?
    /// The most suppliers can earn on this curve (at 100 % utilization).
    public var maxSupplyApy: Double
}

/// A `rates` answer: the borrow and supply rates (APR and APY) over the period, at its end, the model's curve,
/// the inverse question, what is assumed.
public struct LendingRatesResult: Sendable {
    public var model: String
    /// The model with its parameters, as given.
    public var rateModel: LendingRateModel
    public var compounding: RateCompounding
    /// The utilization at the end (the constant one, or the path's last) and the time covered.
    public var utilization: Double
    public var seconds: Int64
    public var days: Double
    public var reserveFactor: Double
    /// APRs accrued over the period (time-weighted over the path; Morpho's trapezoid average within each
    /// segment); the rates now when no time elapses.
    public var borrowRate: Double
    public var supplyRate: Double
    public var borrowApy: Double
    public var supplyApy: Double
    /// The rates at the end of the period (the curve at the final utilization and rate at target).
    public var borrowRateEnd: Double
    public var supplyRateEnd: Double
    /// Aave: the contract's rays at the final utilization (wei of 1e27).
    public var borrowRateRay: UInt256?
    public var supplyRateRay: UInt256?
    /// Morpho: the rate at target at the start and the end (per year), the contract's per-second values (wei
    /// of 1e18), and the same path with the exact exponential (`continuous…`).
    public var rateAtTargetStart: Double?
    public var rateAtTargetEnd: Double?
    public var rateAtTargetEndPerSecond: Int256?
    public var borrowRatePerSecond: Int256?
    public var continuousBorrowRate: Double?
    public var continuousRateAtTargetEnd: Double?
    public var segments: [LendingRatesSegment]
    /// The curve at the end of the period, utilization 0 … 100 % and the kinks.
    public var curve: [LendingRateCurveRow]
    public var target: SupplyApyTarget?
    /// Why an idle market pays suppliers nearly nothing: the supply APY at 0.1 % utilization.
    public var idleUtilization: Double
    public var idleSupplyApy: Double
    public var notes: [String]
    public var assumptions: [String]
}

/// The `rates` job: a lending protocol's borrow and supply rates at a utilization (or along a path), as APR
/// and APY, and the utilization that lifts the supply APY to a target.
///
/// ```
/// supplyRate = borrowRate · U · (1 − reserveFactor)          (no stable debt, no unbacked supply)
/// over a path: rate = Σ rateᵢ · Δtᵢ / Σ Δtᵢ                   (each segment accrues its own rate)
/// Morpho within a segment: the trapezoid average of AdaptiveCurveIrm; the rate at target carries over
/// ```
/// Aave's rates are the contract's rays at the final utilization (the model has no memory); Morpho's are the
/// contract's per-second integers (`wExp`), with the exact-exponential twin beside them.
public enum LendingRates {
    public static func compute(_ request: LendingRatesRequest) throws -> LendingRatesResult {
        let model = request.model
        try model.check()
        let reserveBps = try model.check(reserveFactor: request.reserveFactor)
        let rf = request.reserveFactor.doubleValue
        guard !request.path.isEmpty else {
            throw LendingError.invalidParameter(field: "path", value: "[]", reason: "give a utilization, or a path such as 0.5:10d,1:1d")
        }
        for (i, segment) in request.path.enumerated() {
            guard !segment.utilization.isNegative, segment.utilization <= .one else {
                throw LendingError.utilizationOutOfRange(
                    field: request.path.count == 1 ? "utilization" : "path[\(i)].utilization",
                    value: segment.utilization.description)
            }
            guard segment.seconds >= 0 else {
                throw LendingError.invalidParameter(
                    field: request.path.count == 1 ? "days" : "path[\(i)].duration", value: "\(segment.seconds) s",
                    reason: "a duration is 0 or more")
            }
            if request.path.count > 1 && segment.seconds == 0 {
                throw LendingError.invalidParameter(
                    field: "path[\(i)].duration", value: "0", reason: "each step of a path lasts a positive time (0.5:10d,1:1d)")
            }
        }
        if let target = request.targetSupplyApy {
            guard target.isFinite, target > -1 else {
                throw LendingError.invalidParameter(field: "targetSupplyApy", value: "\(target)", reason: "give an APY such as 3%")
            }
        }
        let compounding = model.compounding
        var segments: [LendingRatesSegment] = []
        var borrowRateRay: UInt256? = nil
        var supplyRateRay: UInt256? = nil
        var rateAtTarget: Int256? = nil
        var rateAtTargetContinuous: Double? = nil
        var lastBorrowPerSecond: Int256? = nil
        var continuousWeighted = 0.0
        var continuousLast = 0.0
        var notes: [String] = []
        var assumptions: [String] = []

        switch model {
        case .aave(let strategy):
            for segment in request.path {
                let rates = try strategy.rates(usageRatio: AaveRateStrategy.usageRatio(fraction: segment.utilization), reserveFactorBps: reserveBps)
                (borrowRateRay, supplyRateRay) = (rates.borrowRate, rates.supplyRate)
                segments.append(Self.segment(segment, borrow: Self.fraction(ray: rates.borrowRate), supply: Self.fraction(ray: rates.supplyRate)))
            }
            assumptions.append(
                "Aave v3 DefaultReserveInterestRateStrategyV2: optimal \(strategy.optimalUsageRatioBps) bps, base \(strategy.baseVariableBorrowRateBps) bps, "
                    + "slope 1 \(strategy.variableRateSlope1Bps) bps, slope 2 \(strategy.variableRateSlope2Bps) bps, reserve factor \(reserveBps) bps; rays with Aave's half-up rounding"
            )
            assumptions.append("no stable-rate debt and no unbacked supply: the supply usage ratio is the borrow usage ratio")
        case .morpho(let stored):
            var current = MorphoAdaptiveCurveIrm.perSecond(apr: stored)
            var continuous = stored.doubleValue
            for segment in request.path {
                let (average, end) = try MorphoAdaptiveCurveIrm.borrowRate(
                    utilization: segment.utilization.raw, startRateAtTarget: current,
                    elapsed: segment.seconds)
                let years = RateConventions.yearsToExpiry(secondsToExpiry: segment.seconds)
                let twin = MorphoAdaptiveCurveIrm.continuous(
                    utilization: segment.utilization.doubleValue, startRateAtTarget: continuous, years: years)
                continuousWeighted += twin.average * Double(segment.seconds)
                continuousLast = twin.average
                current = end
                continuous = twin.endRateAtTarget
                lastBorrowPerSecond = average
                let borrow = MorphoAdaptiveCurveIrm.apr(perSecond: average)
                var row = Self.segment(segment, borrow: borrow, supply: borrow * segment.utilization.doubleValue * (1 - rf))
                row.rateAtTargetEnd = MorphoAdaptiveCurveIrm.apr(perSecond: end)
                segments.append(row)
            }
            rateAtTarget = current
            rateAtTargetContinuous = continuous
            assumptions.append(
                "Morpho Blue AdaptiveCurveIrm: curve steepness 4, adjustment speed 50/yr, target utilization 90 %, rate at target "
                    + "kept in 0.1 % … 200 %; per-second WAD integers as the contract computes them (its wExp: e^r ≈ 1 + r + r²/2 after range reduction)"
            )
            assumptions.append("Morpho's market fee (the reserve factor here) is taken from the interest suppliers earn")
            if request.path.count > 1 || request.path[0].seconds > 0 {
                assumptions.append(
                    "each change of utilization is an interaction that updates the rate (utilization moves only when someone supplies, borrows, repays or withdraws); interest accrued between them does not move the utilization"
                )
            }
        case .kinked(let curve):
            for segment in request.path {
                let u = segment.utilization.doubleValue
                let borrow = curve.borrowRate(utilization: u)
                segments.append(Self.segment(segment, borrow: borrow, supply: borrow * u * (1 - rf)))
            }
            assumptions.append("a piecewise-linear curve through \(curve.points.count) points (Kamino's shape: 11 points, linear between them)")
        }

        // Time-weighted over the path (or the rate now).
        let total = request.path.reduce(Int64(0)) { $0 + $1.seconds }
        let last = segments[segments.count - 1]
        func averaged(_ value: (LendingRatesSegment) -> Double) -> Double {
            guard total > 0 else { return value(last) }
            return segments.reduce(0) { $0 + value($1) * Double($1.seconds) } / Double(total)
        }
        let borrowRate = averaged(\.borrowRate)
        let supplyRate = averaged(\.supplyRate)
        let finalU = request.path[request.path.count - 1].utilization.doubleValue
        let endRateAtTargetApr = rateAtTarget.map(MorphoAdaptiveCurveIrm.apr(perSecond:))
        // The curve at the end of the period (Morpho: at the final rate at target, no time elapsing).
        let borrowAt = { (u: Double) -> Double in
            switch model {
            case .morpho:
                return MorphoAdaptiveCurveIrm.curve(rateAtTarget: endRateAtTargetApr ?? 0, error: MorphoAdaptiveCurveIrm.error(utilization: u))
            default: return model.borrowRate(utilization: u)
            }
        }
        var borrowEnd = borrowAt(finalU)
        var supplyEnd = borrowEnd * finalU * (1 - rf)
        if case .aave = model, let borrowRay = borrowRateRay, let supplyRay = supplyRateRay {
            borrowEnd = Self.fraction(ray: borrowRay)
            supplyEnd = Self.fraction(ray: supplyRay)
        }
        if case .morpho = model, let endPerSecond = rateAtTarget {
            let now = try MorphoAdaptiveCurveIrm.curve(
                rateAtTarget: endPerSecond, error: MorphoAdaptiveCurveIrm.error(utilization: request.path[request.path.count - 1].utilization.raw))
            borrowEnd = MorphoAdaptiveCurveIrm.apr(perSecond: now)
            supplyEnd = borrowEnd * finalU * (1 - rf)
        }

        var utilizations: [Double] = [0, 0.001, 0.01] + (1...10).map { Double($0) / 10 }
        switch model {
        case .aave(let strategy): utilizations += strategy.kinks.map(\.utilization)
        case .morpho: utilizations.append(MorphoAdaptiveCurveIrm.target)
        case .kinked(let curve): utilizations += curve.points.map(\.utilization)
        }
        utilizations.append(finalU)
        let curveRows = Array(Set(utilizations)).sorted().map { u -> LendingRateCurveRow in
            let borrow = borrowAt(u)
            let supply = borrow * u * (1 - rf)
            return LendingRateCurveRow(
                utilization: u, borrowRate: borrow, supplyRate: supply, borrowApy: compounding.apy(borrow), supplyApy: compounding.apy(supply))
        }
        let supplyApyAt = { (u: Double) in compounding.apy(borrowAt(u) * u * (1 - rf)) }

        var target: SupplyApyTarget? = nil
        if let goal = request.targetSupplyApy {
            let maximum = supplyApyAt(1)
            var answer = SupplyApyTarget(targetSupplyApy: goal, utilization: nil, borrowRate: nil, borrowApy: nil, maxSupplyApy: maximum)
            if goal <= 0 {
                answer.utilization = 0
            } else if goal <= maximum {
                var low = 0.0
                var high = 1.0
                for _ in 0..<200 {
                    let mid = (low + high) / 2
                    if supplyApyAt(mid) < goal { low = mid } else { high = mid }
                }
                answer.utilization = high
            }
            if let u = answer.utilization {
                answer.borrowRate = borrowAt(u)
                answer.borrowApy = compounding.apy(borrowAt(u))
                notes.append(
                    String(
                        format: "a supply APY of %.4f %% needs %.4f %% utilization: borrowers paying %.4f %% APR on %.4f %% of the supply",
                        goal * 100, u * 100,
                        borrowAt(u) * 100, u * 100))
            } else {
                notes.append(
                    String(
                        format:
                            "no utilization pays a supply APY of %.4f %%: the most suppliers earn on this curve is %.4f %%, at 100 %% utilization",
                        goal * 100, maximum * 100))
            }
            target = answer
        }
        let idle = 0.001
        let idleApy = supplyApyAt(idle)
        notes.append(
            String(
                format: "an idle market pays suppliers nearly nothing: suppliers share only the interest borrowers pay, "
                    + "borrowRate · U · (1 − %@); at %.1f %% utilization (a few thousand borrowed of a few million supplied) the supply APY is %.6f %%",
                model.reserveFactorName, idle * 100, idleApy * 100))
        assumptions.append("APY " + compounding.description)
        assumptions.append("supply rate = borrow rate · utilization · (1 − \(model.reserveFactorName))")

        return LendingRatesResult(
            model: model.name, rateModel: model, compounding: compounding, utilization: finalU, seconds: total,
            days: Double(total) / Double(RateConventions.secondsPerDay), reserveFactor: rf,
            borrowRate: borrowRate, supplyRate: supplyRate, borrowApy: compounding.apy(borrowRate), supplyApy: compounding.apy(supplyRate),
            borrowRateEnd: borrowEnd, supplyRateEnd: supplyEnd, borrowRateRay: borrowRateRay, supplyRateRay: supplyRateRay,
            rateAtTargetStart: {
                if case .morpho(let stored) = model { return MorphoAdaptiveCurveIrm.apr(perSecond: MorphoAdaptiveCurveIrm.perSecond(apr: stored)) }
                return nil
            }(),
            rateAtTargetEnd: endRateAtTargetApr, rateAtTargetEndPerSecond: rateAtTarget, borrowRatePerSecond: lastBorrowPerSecond,
            continuousBorrowRate: rateAtTargetContinuous == nil ? nil : (total > 0 ? continuousWeighted / Double(total) : continuousLast),
            continuousRateAtTargetEnd: rateAtTargetContinuous,
            segments: segments, curve: curveRows, target: target, idleUtilization: idle, idleSupplyApy: idleApy, notes: notes,
            assumptions: assumptions)
    }

    /// A ray as a fraction.
    static func fraction(ray: UInt256) -> Double { ray.doubleValue / 1e27 }

    static func segment(_ segment: UtilizationSegment, borrow: Double, supply: Double) -> LendingRatesSegment {
        LendingRatesSegment(
            utilization: segment.utilization.doubleValue, seconds: segment.seconds,
            days: Double(segment.seconds) / Double(RateConventions.secondsPerDay), borrowRate: borrow, supplyRate: supply, rateAtTargetEnd: nil)
    }
}
