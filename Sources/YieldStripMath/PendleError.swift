/// A value carried by a revert: exact (wei, from the fixed-point path) or approximate (from the `Double` path).
public enum RevertValue: Hashable, Sendable, CustomStringConvertible {
    case exact(Int256)
    case approximate(Double)

    /// Wei as a decimal integer for exact values; the `Double` in Swift's shortest form otherwise.
    public var description: String {
        switch self {
        case .exact(let value): return value.description
        case .approximate(let value): return value.description
        }
    }

    /// The value in units of 1e18 (so `1e18` wei reads as `1.0`).
    public var unitsDescription: String {
        switch self {
        case .exact(let value): return Wad(raw: value).description
        case .approximate(let value): return value.description
        }
    }
}

/// A revert of Pendle V2's contracts, reproduced by name and arguments.
///
/// ``errorName`` is exactly what the contract reverts with: the custom error's name
/// (`MarketProportionTooHigh`), a `require` string (`Invalid exponent`, `out of bounds`, `negative`),
/// `Revert()` for a message-less `require`, or the Solidity panic (`Panic(0x11)` for checked-arithmetic
/// overflow, `Panic(0x12)` for division by zero). ``errorArgs`` are the custom error's arguments in
/// declaration order.
///
/// Source: pendle-finance/pendle-core-v2-public, `contracts/core/libraries/Errors.sol`,
/// `PMath.sol`, `LogExpMath.sol`, `MarketMathCore.sol`, `PendleYieldToken.sol` (commit e8c2cca4).
public enum PendleError: TimedError, Hashable {
    // MARK: Solidity runtime and math libraries

    /// `Panic(0x11)`: checked arithmetic overflowed or underflowed.
    case arithmeticOverflow
    /// `Panic(0x12)`: division or modulo by zero.
    case divisionByZero
    /// `Invalid exponent`: `LogExpMath.exp` argument outside [-41e18, 130e18].
    case invalidExponent
    /// `out of bounds`: `LogExpMath.ln` argument ≤ 0.
    case lnOutOfBounds
    /// `negative`: `PMath.subNoNeg(a, b)` with a < b.
    case negative
    /// `Revert()`: a message-less `require`, here PMath's range-checked casts (`Int`, `Uint`, `Uint128`).
    case castOutOfRange

    // MARK: Market (MarketMathCore)

    /// `MarketExpired`: the block time is at or after the market's expiry. The contract's error has no
    /// arguments (``errorArgs`` is empty); the times are kept for the message.
    case marketExpired(expiry: Int64, blockTime: Int64)
    case marketInsufficientPtForTrade(totalPt: RevertValue, netPtToAccount: RevertValue)
    case marketZeroTotalPtOrTotalAsset(totalPt: RevertValue, totalAsset: RevertValue)
    case marketExchangeRateBelowOne(exchangeRate: RevertValue)
    case marketProportionTooHigh(proportion: RevertValue, maxProportion: RevertValue)
    case marketProportionMustNotEqualOne
    case marketRateScalarBelowZero(rateScalar: RevertValue)
    case marketZeroAmountsInput
    case marketZeroAmountsOutput
    case marketZeroLnImpliedRate
    /// `MarketZeroNetLPFee` (PendleMarketV7's swaps): the LP's share of the fee rounds to zero, so the
    /// market contract refuses the trade (a dust trade, or a fee-free market).
    case marketZeroNetLPFee

    // MARK: Yield contract (PendleYieldToken)

    /// `YCExpired`: minting PT + YT after expiry. The contract's error has no arguments; the expiry and the
    /// time, when known (nil where the caller only said "expired"), are kept for the message.
    case yieldContractExpired(expiry: Int64?, time: Int64?)
    /// `YCNotExpired`: a post-expiry operation before expiry.
    case yieldContractNotExpired

    public var errorName: String {
        switch self {
        case .arithmeticOverflow: return "Panic(0x11)"
        case .divisionByZero: return "Panic(0x12)"
        case .invalidExponent: return "Invalid exponent"
        case .lnOutOfBounds: return "out of bounds"
        case .negative: return "negative"
        case .castOutOfRange: return "Revert()"
        case .marketExpired: return "MarketExpired"
        case .marketInsufficientPtForTrade: return "MarketInsufficientPtForTrade"
        case .marketZeroTotalPtOrTotalAsset: return "MarketZeroTotalPtOrTotalAsset"
        case .marketExchangeRateBelowOne: return "MarketExchangeRateBelowOne"
        case .marketProportionTooHigh: return "MarketProportionTooHigh"
        case .marketProportionMustNotEqualOne: return "MarketProportionMustNotEqualOne"
        case .marketRateScalarBelowZero: return "MarketRateScalarBelowZero"
        case .marketZeroAmountsInput: return "MarketZeroAmountsInput"
        case .marketZeroAmountsOutput: return "MarketZeroAmountsOutput"
        case .marketZeroLnImpliedRate: return "MarketZeroLnImpliedRate"
        case .marketZeroNetLPFee: return "MarketZeroNetLPFee"
        case .yieldContractExpired: return "YCExpired"
        case .yieldContractNotExpired: return "YCNotExpired"
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .marketInsufficientPtForTrade(let a, let b), .marketZeroTotalPtOrTotalAsset(let a, let b),
            .marketProportionTooHigh(let a, let b):
            return [a.description, b.description]
        case .marketExchangeRateBelowOne(let a), .marketRateScalarBelowZero(let a):
            return [a.description]
        default:
            return []
        }
    }

    public var message: String { message(source: nil) }

    private func message(source: TimeSource?) -> String {
        switch self {
        case .arithmeticOverflow:
            return "Panic(0x11): arithmetic overflow; an input is too large for 256-bit fixed point, use smaller amounts"
        case .divisionByZero:
            return "Panic(0x12): division by zero; a divisor (index, reserve or rate) is zero, give it a positive value"
        case .invalidExponent:
            return "Invalid exponent: exp argument outside [-41, 130]; the rate × time to expiry is too large"
        case .lnOutOfBounds:
            return "out of bounds: ln of a value ≤ 0; a proportion or rate reached zero, use a smaller trade"
        case .negative:
            return "negative: a balance would go below zero; reduce the amount removed"
        case .castOutOfRange:
            return "Revert(): a value is outside the range of its Solidity type (negative where unsigned, or too large)"
        case .marketExpired(let expiry, let blockTime):
            return "MarketExpired: the market expired at \(CivilTime.format(expiry)); the block time \(CivilTime.format(blockTime))"
                + "\(TimeSource.suffix(source)) is not before it; give a block time before expiry"
        case .marketInsufficientPtForTrade(let totalPt, let net):
            return
                "MarketInsufficientPtForTrade: the pool holds \(totalPt.unitsDescription) PT, the trade asks for \(net.unitsDescription); trade less PT"
        case .marketZeroTotalPtOrTotalAsset(let totalPt, let totalAsset):
            return
                "MarketZeroTotalPtOrTotalAsset: totalPt \(totalPt.unitsDescription), totalAsset \(totalAsset.unitsDescription); both reserves must be positive"
        case .marketExchangeRateBelowOne(let rate):
            return "MarketExchangeRateBelowOne: exchange rate \(rate.unitsDescription) < 1 (PT would cost more than the asset); trade less PT"
        case .marketProportionTooHigh(let p, let maxP):
            return "MarketProportionTooHigh: PT proportion \(p.unitsDescription) > \(maxP.unitsDescription); sell less PT to the pool"
        case .marketProportionMustNotEqualOne:
            return "MarketProportionMustNotEqualOne: the pool would hold only PT; keep some asset in the pool"
        case .marketRateScalarBelowZero(let s):
            return "MarketRateScalarBelowZero: rate scalar \(s.unitsDescription) ≤ 0; scalarRoot must be positive"
        case .marketZeroAmountsInput:
            return "MarketZeroAmountsInput: an input amount is zero; give positive amounts"
        case .marketZeroAmountsOutput:
            return "MarketZeroAmountsOutput: the operation would return nothing; use a larger amount"
        case .marketZeroLnImpliedRate:
            return "MarketZeroLnImpliedRate: the trade would set the implied rate to zero; trade less PT into the pool"
        case .marketZeroNetLPFee:
            return "MarketZeroNetLPFee: the LP's share of the fee rounds to zero and the market contract refuses the trade; trade a larger amount"
        case .yieldContractExpired(let expiry?, let time?):
            return "YCExpired: the yield contract expires at \(CivilTime.format(expiry)); the valuation time \(CivilTime.format(time))"
                + "\(TimeSource.suffix(source)) is not before it, and PT + YT can no longer be minted; give a valuation time before expiry"
        case .yieldContractExpired:
            return "YCExpired: the yield contract has expired; PT + YT can no longer be minted"
        case .yieldContractNotExpired:
            return "YCNotExpired: the yield contract has not expired yet"
        }
    }
}

extension PendleError {
    /// The message with the time's source beside the time, for `MarketExpired` and `YCExpired`.
    public func message(timeSource source: TimeSource) -> String { message(source: source) }
}
