/// YT interest as Pendle's `InterestManagerYT` computes it: a holder's stored index, interest accrued
/// at every index update, and the protocol's fee taken when the interest is collected.
///
/// A YT holder with principal `b` (YT balance) whose stored index moves from `prev` to `cur` accrues
/// `b · (cur − prev) / (prev · cur)` SY = `b/prev − b/cur`: the SY that `b` assets were worth at `prev`
/// minus what they are worth at `cur`. Over a path the steps telescope to `b · (1/I₀ − 1/Iₙ)` (up to the
/// floor of each step), worth `b · (Iₙ/I₀ − 1)` assets at `Iₙ`. On collection the factory's
/// `interestFeeRate` goes to the treasury: `fee = mulDown(accrued, feeRate)`, `paid = accrued − fee`.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/core/YieldContracts/InterestManagerYT.sol`
/// (`_distributeInterestPrivate`, `_doTransferOutInterest`), `PendleYieldToken.sol` (`_getInterestIndex`).
public enum YTInterest {
    /// 3 %: the default interest fee of the reports (the factory's `interestFeeRate` is set per chain;
    /// Pendle's documentation has quoted 3 % and 5 %).
    public static let defaultFeeRate = Wad(raw: Int256(30_000_000_000_000_000))

    /// The contract's interest for one update, on `uint256` exactly as `_distributeInterestPrivate`:
    ///
    /// ```
    /// prevIndex == currentIndex                →  0
    /// prevIndex == 0 (first touch)             →  0, stores currentIndex.Uint128()
    /// interest = (principal · (currentIndex − prevIndex)) · 1e18 / (prevIndex · currentIndex)
    /// ```
    /// **Rounding**: floor, once. **Reverts**: `currentIndex < prevIndex` or any product past 2²⁵⁶ →
    /// `Panic(0x11)`; `interest.Uint128()` or `currentIndex.Uint128()` past 2¹²⁸ → `Revert()` (in that order).
    public static func interestFromYT(principal: UInt256, prevIndex: UInt256, currentIndex: UInt256) throws(PendleError) -> UInt256 {
        if prevIndex == currentIndex { return .zero }
        if prevIndex.isZero {
            guard currentIndex.fitsInUInt128 else { throw .castOutOfRange }
            return .zero
        }
        let numerator = try PMath.mul(principal, PMath.sub(currentIndex, prevIndex))
        let interest = try PMath.divDown(numerator, PMath.mul(prevIndex, currentIndex))
        guard interest.fitsInUInt128, currentIndex.fitsInUInt128 else { throw .castOutOfRange }
        return interest
    }

    /// The batch op `ytInterest`: one accrual from zero accrued interest, then collection, on the
    /// contract's `uint256` values in wei (the inputs and outputs of the reference vectors `interest.json`).
    ///
    /// ```
    /// interest = interestFromYT(balance, prevIndex, curIndex)
    /// fee      = mulDown(interest, feeRate)        (floor)
    /// paid     = interest − fee
    /// ```
    /// **Domain**: any `uint256`; no parameter check beyond the contract's own (a `feeRate` above 1e18
    /// makes `paid` underflow: `Panic(0x11)`). **Error bound**: exact, to the wei.
    public static func exactStep(
        balance: UInt256, prevIndex: UInt256, curIndex: UInt256,
        feeRate: UInt256
    ) throws(PendleError) -> YTInterestExactResult {
        let interest = try interestFromYT(principal: balance, prevIndex: prevIndex, currentIndex: curIndex)
        let fee = try PMath.mulDown(interest, feeRate)
        let paid = try PMath.sub(interest, fee)
        return YTInterestExactResult(
            balance: balance, prevIndex: prevIndex, curIndex: curIndex, feeRate: feeRate,
            interest: interest, fee: fee, paid: paid)
    }

    /// The protocol fee on collected interest: `fee = mulDown(accrued, feeRate)`, `paid = accrued − fee`
    /// (`_doTransferOutInterest`). Rounding: the fee rounds down, so the holder keeps the odd wei.
    public static func collect<S: TokenizationScalar>(accrued: S, feeRate: S) throws(PendleError) -> (fee: S, paid: S) {
        guard !accrued.isNegative, !feeRate.isNegative else { throw .castOutOfRange }
        let fee = try accrued.mulDown(feeRate)
        if fee > accrued { throw .arithmeticOverflow }  // uint256 subtraction
        return (fee, try accrued - fee)
    }

    /// Interest accrued by a constant YT balance held through a series of SY exchange-rate updates, as
    /// the yield contract would distribute it, then collected once at the end with the fee.
    ///
    /// Each update `r` first becomes the PY index `max(r, stored)` (``PYIndex/current(syExchangeRate:stored:)``),
    /// so a falling rate accrues nothing until it recovers above the stored index. With `expiry` set,
    /// updates at `time >= expiry` freeze the interest index at the first of them (`firstPYIndex`):
    /// YT accrues nothing after expiry; that yield goes to the treasury (``YTInterestAccumulation/postExpiryIndexGrowth``).
    ///
    /// - Parameters:
    ///   - balance: YT held throughout (`principal`), ≥ 0.
    ///   - startIndex: the holder's stored index (the PY index when the YT was minted or bought), > 0.
    ///   - updates: exchange-rate observations in time order; each one touches the holder.
    ///   - feeRate: the factory's `interestFeeRate` in [0, 1].
    ///   - expiry: the yield contract's expiry (Unix seconds), nil for none: updates at or after it accrue
    ///     nothing for YT.
    /// - Returns: every step (the index, the interest, the running total) and the collection.
    /// **Rounding**: each step floors (``TokenizationScalar/ytInterest(principal:prevIndex:currentIndex:)``),
    /// the fee floors; so `Wad` is at most one wei per step below the telescoped `b · (1/I₀ − 1/Iₙ)`.
    public static func accumulate<S: TokenizationScalar>(
        balance: S, startIndex: S, updates: [ExchangeRateUpdate<S>], feeRate: S, expiry: Int64? = nil
    ) throws -> YTInterestAccumulation<S> {
        guard !balance.isNegative else { throw TokenizationError.negativeAmount(line: 0, field: "balance", value: balance.description) }
        guard startIndex.isPositive else {
            throw TokenizationError.nonPositiveExchangeRate(line: 0, field: "startIndex", value: startIndex.description)
        }
        try TokenizationValidation.feeRate(feeRate)
        var stored = startIndex
        var interestIndex = startIndex
        var firstPYIndex: S?
        var accrued = S.zero
        var steps: [YTInterestStep<S>] = []
        steps.reserveCapacity(updates.count)
        for update in updates {
            guard update.exchangeRate.isPositive else {
                throw TokenizationError.nonPositiveExchangeRate(line: 0, field: "exchangeRate", value: update.exchangeRate.description)
            }
            stored = try PYIndex.current(syExchangeRate: update.exchangeRate, stored: stored)
            let expired = expiry.map { $0 <= update.time } ?? false
            if expired && firstPYIndex == nil { firstPYIndex = stored }
            let newInterestIndex = firstPYIndex ?? stored
            let interest = try S.ytInterest(principal: balance, prevIndex: interestIndex, currentIndex: newInterestIndex)
            accrued = try S.accrue(interest, onto: accrued)
            steps.append(
                YTInterestStep(
                    time: update.time, exchangeRate: update.exchangeRate, pyIndex: stored,
                    prevInterestIndex: interestIndex, interestIndex: newInterestIndex,
                    expired: expired, interest: interest, accrued: accrued))
            interestIndex = newInterestIndex
        }
        let (fee, paid) = try collect(accrued: accrued, feeRate: feeRate)
        return YTInterestAccumulation(
            balance: balance, startIndex: startIndex, feeRate: feeRate, steps: steps,
            finalPYIndex: stored, firstPYIndex: firstPYIndex,
            accrued: accrued, fee: fee, paid: paid)
    }
}

/// One exchange-rate observation the yield contract sees: a Unix time and the SY exchange rate
/// (asset per SY, e.g. split-adjusted shares per token).
public struct ExchangeRateUpdate<S: PendleScalar>: Hashable, Sendable {
    public var time: Int64
    public var exchangeRate: S
    public init(time: Int64, exchangeRate: S) {
        self.time = time
        self.exchangeRate = exchangeRate
    }
}

/// The batch op `ytInterest`'s answer: the inputs and `interest` (SY accrued before the fee), `fee`
/// (SY to the treasury) and `paid` (SY to the holder), all `uint256` wei.
public struct YTInterestExactResult: Hashable, Sendable {
    public var balance: UInt256
    public var prevIndex: UInt256
    public var curIndex: UInt256
    public var feeRate: UInt256
    public var interest: UInt256
    public var fee: UInt256
    public var paid: UInt256
}

/// One index update of ``YTInterest/accumulate(balance:startIndex:updates:feeRate:expiry:)``.
public struct YTInterestStep<S: PendleScalar>: Hashable, Sendable {
    public var time: Int64
    /// The SY exchange rate observed.
    public var exchangeRate: S
    /// The PY index after the update: max(exchange rate, previous PY index).
    public var pyIndex: S
    /// The interest index the holder had stored before, and the one it moves to (after expiry: `firstPYIndex`).
    public var prevInterestIndex: S
    public var interestIndex: S
    public var expired: Bool
    /// SY accrued at this step (before the fee), and the running total.
    public var interest: S
    public var accrued: S
}

/// Interest accrued along a path and collected at its end.
public struct YTInterestAccumulation<S: PendleScalar>: Hashable, Sendable {
    public var balance: S
    public var startIndex: S
    public var feeRate: S
    public var steps: [YTInterestStep<S>]
    /// The PY index after the last update, and the index frozen at the first post-expiry update (nil if none).
    public var finalPYIndex: S
    public var firstPYIndex: S?
    /// SY accrued (before the fee), the fee to the treasury and the SY paid to the holder.
    public var accrued: S
    public var fee: S
    public var paid: S

    /// `paid` valued in the asset at the final PY index (`paid · finalPYIndex`), e.g. shares.
    public var paidInAsset: Double { paid.doubleValue * finalPYIndex.doubleValue }

    /// Growth of the PY index after expiry (`finalPYIndex / firstPYIndex`, 1 when not expired): the
    /// yield that goes to the treasury instead of YT.
    public var postExpiryIndexGrowth: Double {
        guard let first = firstPYIndex else { return 1 }
        return finalPYIndex.doubleValue / first.doubleValue
    }
}

/// Parameter checks shared by the tokenization API.
enum TokenizationValidation {
    /// Dated rows strictly increase: an earlier date is `UnsortedSchedule`, the same date `DuplicateDate`.
    static func strictlyIncreasing(_ date: Int64, after previous: Int64?, line: Int) throws(TokenizationError) {
        guard let previous else { return }
        if date < previous {
            throw .unsortedSchedule(line: line, date: UnixTime.formatDate(date), previousDate: UnixTime.formatDate(previous))
        }
        if date == previous { throw .duplicateDate(line: line, date: UnixTime.formatDate(date)) }
    }

    static func feeRate<S: PendleScalar>(_ feeRate: S) throws(TokenizationError) {
        guard !feeRate.isNegative, feeRate <= S.one, feeRate.doubleValue.isFinite else {
            throw .invalidFeeRate(value: feeRate.description)
        }
    }

    static func nonNegative<S: PendleScalar>(_ value: S, _ field: String) throws(TokenizationError) {
        guard value.doubleValue.isFinite else { throw .nonFiniteValue(field: field) }
        guard !value.isNegative else { throw .negativeAmount(line: 0, field: field, value: value.description) }
    }

    static func positiveRate<S: PendleScalar>(_ value: S, _ field: String) throws(TokenizationError) {
        guard value.doubleValue.isFinite else { throw .nonFiniteValue(field: field) }
        guard value.isPositive else { throw .nonPositiveExchangeRate(line: 0, field: field, value: value.description) }
    }

    static func positivePrice(_ value: Double, _ field: String) throws(TokenizationError) {
        guard value.isFinite else { throw .nonFiniteValue(field: field) }
        guard value > 0 else { throw .nonPositivePrice(line: 0, field: field, value: value.description) }
    }
}
