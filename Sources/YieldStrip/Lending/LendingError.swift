/// Lending inputs that cannot give a meaningful answer. Each message says what to change; where a protocol's
/// own contract rejects the same input, the name is the contract's (Aave's `InvalidOptimalUsageRatio`,
/// `Slope2MustBeGteSlope1`, `InvalidMaxRate`, `InvalidReserveParams`; Morpho's `MaxLltvExceeded`,
/// `MaxFeeExceeded`).
///
/// | ``errorName`` | case |
/// | --- | --- |
/// | `InvalidParameter` | ``invalidParameter(field:value:reason:)`` |
/// | `NegativeAmount` | ``negativeAmount(field:value:)`` |
/// | `UtilizationOutOfRange` | ``utilizationOutOfRange(field:value:)`` |
/// | `ThresholdOutOfRange` | ``thresholdOutOfRange(field:value:)`` |
/// | `LtvNotBelowThreshold` | ``ltvNotBelowThreshold(ltv:threshold:)`` |
/// | `PtMatured` | ``ptMatured(expiry:at:)`` |
/// | `InvalidOptimalUsageRatio` | ``invalidOptimalUsageRatio(bps:)`` |
/// | `Slope2MustBeGteSlope1` | ``slope2MustBeGteSlope1(slope1Bps:slope2Bps:)`` |
/// | `InvalidMaxRate` | ``invalidMaxRate(bps:)`` |
/// | `InvalidReserveParams` | ``invalidReserveParams(threshold:bonus:)`` |
/// | `MaxLltvExceeded` | ``maxLltvExceeded(lltv:)`` |
/// | `MaxFeeExceeded` | ``maxFeeExceeded(fee:)`` |
/// | `InsufficientLiquidity` | ``insufficientLiquidity(borrowed:supplied:)`` |
public enum LendingError: TimedError, Hashable {
    /// A parameter outside its domain: the field, its value, the range it must lie in.
    case invalidParameter(field: String, value: String, reason: String)
    /// An amount below zero.
    case negativeAmount(field: String, value: String)
    /// A utilization outside [0, 1].
    case utilizationOutOfRange(field: String, value: String)
    /// A loan-to-value, liquidation threshold or LLTV outside (0, 1].
    case thresholdOutOfRange(field: String, value: String)
    /// The maximum loan-to-value is not below the liquidation threshold.
    case ltvNotBelowThreshold(ltv: String, threshold: String)
    /// The PT has matured: at or after its expiry it is one share, not a PT to price.
    case ptMatured(expiry: Int64, at: Int64)
    /// Aave: the optimal usage ratio outside 1 % … 99 % (100 … 9,900 bps).
    case invalidOptimalUsageRatio(bps: Int)
    /// Aave: slope 1 above slope 2.
    case slope2MustBeGteSlope1(slope1Bps: Int, slope2Bps: Int)
    /// Aave: base + slope 1 + slope 2 above 1,000 % (100,000 bps).
    case invalidMaxRate(bps: Int)
    /// Aave: the liquidation threshold times (1 + bonus) above 100 %: a liquidation would seize more
    /// collateral than there is at the threshold.
    case invalidReserveParams(threshold: String, bonus: String)
    /// Morpho: an LLTV of 100 % or more.
    case maxLltvExceeded(lltv: String)
    /// Morpho: a market fee above 25 %.
    case maxFeeExceeded(fee: String)
    /// The lending pool cannot lend that much: the borrowed total would exceed what was supplied.
    case insufficientLiquidity(borrowed: String, supplied: String)

    public var errorName: String {
        switch self {
        case .invalidParameter: return "InvalidParameter"
        case .negativeAmount: return "NegativeAmount"
        case .utilizationOutOfRange: return "UtilizationOutOfRange"
        case .thresholdOutOfRange: return "ThresholdOutOfRange"
        case .ltvNotBelowThreshold: return "LtvNotBelowThreshold"
        case .ptMatured: return "PtMatured"
        case .invalidOptimalUsageRatio: return "InvalidOptimalUsageRatio"
        case .slope2MustBeGteSlope1: return "Slope2MustBeGteSlope1"
        case .invalidMaxRate: return "InvalidMaxRate"
        case .invalidReserveParams: return "InvalidReserveParams"
        case .maxLltvExceeded: return "MaxLltvExceeded"
        case .maxFeeExceeded: return "MaxFeeExceeded"
        case .insufficientLiquidity: return "InsufficientLiquidity"
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .invalidParameter(let field, let value, _): return [field, value]
        case .negativeAmount(let field, let value), .utilizationOutOfRange(let field, let value), .thresholdOutOfRange(let field, let value):
            return [field, value]
        case .ltvNotBelowThreshold(let ltv, let threshold): return [ltv, threshold]
        case .ptMatured(let expiry, let at): return [String(expiry), String(at)]
        case .invalidOptimalUsageRatio(let bps): return [String(bps)]
        case .slope2MustBeGteSlope1(let slope1, let slope2): return [String(slope1), String(slope2)]
        case .invalidMaxRate(let bps): return [String(bps)]
        case .invalidReserveParams(let threshold, let bonus): return [threshold, bonus]
        case .maxLltvExceeded(let lltv): return [lltv]
        case .maxFeeExceeded(let fee): return [fee]
        case .insufficientLiquidity(let borrowed, let supplied): return [borrowed, supplied]
        }
    }

    public var message: String { message(source: nil) }

    /// The message with the time's source beside the time, for `PtMatured`.
    public func message(timeSource source: TimeSource) -> String { message(source: source) }

    private func message(source: TimeSource?) -> String {
        switch self {
        case .invalidParameter(let field, let value, let reason):
            return "InvalidParameter: \(field) is \(value); \(reason)"
        case .negativeAmount(let field, let value):
            return "NegativeAmount: \(field) is \(value); give an amount of 0 or more"
        case .utilizationOutOfRange(let field, let value):
            return "UtilizationOutOfRange: \(field) is \(value); a utilization (borrowed / supplied) lies in [0, 1]: give e.g. 0.5 or 50%"
        case .thresholdOutOfRange(let field, let value):
            return "ThresholdOutOfRange: \(field) is \(value); a loan-to-value or liquidation threshold lies in (0, 1]: give e.g. 0.8 or 80%"
        case .ltvNotBelowThreshold(let ltv, let threshold):
            return "LtvNotBelowThreshold: the maximum LTV \(ltv) is not below the liquidation threshold \(threshold); "
                + "a new loan at the maximum LTV would be liquidatable at once: give an LTV below the threshold"
        case .ptMatured(let expiry, let at):
            return
                "PtMatured: the PT matured at \(UnixTime.format(expiry)); the time \(UnixTime.format(at))\(TimeSource.suffix(source)) is not before it; "
                + "a matured PT redeems one share: post the token as collateral (--collateral token), or give --at a time before expiry"
        case .invalidOptimalUsageRatio(let bps):
            return "InvalidOptimalUsageRatio: the optimal usage ratio is \(bps) bps; Aave accepts 100 to 9900 bps (1 % to 99 %)"
        case .slope2MustBeGteSlope1(let slope1, let slope2):
            return "Slope2MustBeGteSlope1: slope 1 is \(slope1) bps and slope 2 \(slope2) bps; Aave needs slope 2 ≥ slope 1"
        case .invalidMaxRate(let bps):
            return "InvalidMaxRate: base + slope 1 + slope 2 is \(bps) bps; Aave caps the maximum borrow rate at 100000 bps (1000 %)"
        case .invalidReserveParams(let threshold, let bonus):
            return "InvalidReserveParams: the liquidation threshold \(threshold) times (1 + bonus \(bonus)) exceeds 100 %; "
                + "Aave needs threshold · (1 + bonus) ≤ 1: lower the threshold or the bonus"
        case .maxLltvExceeded(let lltv):
            return "MaxLltvExceeded: the LLTV is \(lltv); Morpho needs an LLTV below 100 % (e.g. 86%)"
        case .maxFeeExceeded(let fee):
            return "MaxFeeExceeded: the market fee is \(fee); Morpho caps a market's fee at 25 %"
        case .insufficientLiquidity(let borrowed, let supplied):
            return "InsufficientLiquidity: \(borrowed) would be borrowed of \(supplied) supplied; "
                + "a pool lends at most what was supplied: give a larger --pool-supplied or borrow less"
        }
    }
}

/// Checks shared by the lending jobs.
enum LendingChecks {
    /// A finite number ≥ 0.
    static func nonNegative(_ value: Double, _ field: String) throws(LendingError) {
        guard value.isFinite else { throw .invalidParameter(field: field, value: "\(value)", reason: "give a finite number") }
        guard value >= 0 else { throw .negativeAmount(field: field, value: "\(value)") }
    }

    /// A finite number > 0.
    static func positive(_ value: Double, _ field: String, what: String) throws(LendingError) {
        guard value.isFinite else { throw .invalidParameter(field: field, value: "\(value)", reason: "give a finite number") }
        guard value >= 0 else { throw .negativeAmount(field: field, value: "\(value)") }
        guard value > 0 else { throw .invalidParameter(field: field, value: "\(value)", reason: "\(what) must be positive") }
    }

    /// A finite rate ≥ 0 (an APR, a discount).
    static func rate(_ value: Double, _ field: String) throws(LendingError) {
        guard value.isFinite else { throw .invalidParameter(field: field, value: "\(value)", reason: "give a finite rate such as 5% or 0.05") }
        guard value >= 0 else { throw .invalidParameter(field: field, value: "\(value)", reason: "a rate here is 0 or more (5%, 50bp or 0.05)") }
    }

    /// A utilization in [0, 1].
    static func utilization(_ value: Double, _ field: String) throws(LendingError) {
        guard value.isFinite, value >= 0, value <= 1 else { throw .utilizationOutOfRange(field: field, value: "\(value)") }
    }

    /// A loan-to-value or threshold in (0, 1].
    static func threshold(_ value: Double, _ field: String) throws(LendingError) {
        guard value.isFinite, value > 0, value <= 1 else { throw .thresholdOutOfRange(field: field, value: "\(value)") }
    }

    /// A share of something in [0, 1) (a reserve factor, a fee).
    static func share(_ value: Double, _ field: String, what: String) throws(LendingError) {
        guard value.isFinite, value >= 0, value < 1 else {
            throw .invalidParameter(field: field, value: "\(value)", reason: "\(what) lies in [0, 1): give e.g. 10% or 0.1")
        }
    }
}
