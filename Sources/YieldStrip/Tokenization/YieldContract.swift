/// The PY index: the SY exchange rate as the yield contract uses it, never decreasing.
///
/// ```
/// pyIndex = max(syExchangeRate, pyIndexStored)      (then stored as uint128)
/// ```
/// When the exchange rate falls (a multiplier cut by a fee, a reverse split not divided out) the PY index
/// stays at its high-water mark (Pendle's negative-yield behaviour): YT accrues nothing until the rate
/// climbs back above it, and a redemption still converts at the higher index, `amountPy / pyIndex` SY,
/// which is worth only `amountPy · rate / pyIndex` asset: PT holders bear the loss.
///
/// Source: pendle-finance/pendle-core-v2-public `PendleYieldToken._pyIndexCurrent`.
public enum PYIndex {
    /// `max(syExchangeRate, stored)`; `Revert()` above `uint128`. `stored` is 0 before the first touch.
    public static func current<S: TokenizationScalar>(syExchangeRate: S, stored: S) throws(PendleError) -> S {
        let index = Swift.max(syExchangeRate, stored)
        if index.isNegative || index > S.uint128Max { throw .castOutOfRange }
        return index
    }

    /// The PY index after each rate of a series, starting from `stored` (0 = never touched).
    public static func path<S: TokenizationScalar>(syExchangeRates: [S], stored: S = .zero) throws(PendleError) -> [S] {
        var last = stored
        var out: [S] = []
        out.reserveCapacity(syExchangeRates.count)
        for rate in syExchangeRates {
            last = try current(syExchangeRate: rate, stored: last)
            out.append(last)
        }
        return out
    }
}

/// Minting and redeeming PT + YT as `PendleYieldToken` does, generic over the scalar: ``Wad`` for the
/// contract's integers to the wei, `Double` for the same formulas in real arithmetic.
///
/// ```
/// mint (before expiry):  amountPy = syToAsset(pyIndex, amountSy)   = amountSy · pyIndex   (floor)
/// redeem before expiry:  amountSy = assetToSy(pyIndex, amountPy)   = amountPy / pyIndex   (floor), PT + YT burnt
/// redeem after expiry:   toUser     = assetToSy(pyIndex, amountPy)                        (floor), PT only
///                        toTreasury = assetToSy(firstPYIndex, amountPy) − toUser
/// ```
/// `firstPYIndex` is the PY index at the first touch of the contract after expiry (`_setPostExpiryData`):
/// PT's claim is fixed at `amountPy / firstPYIndex` SY, and SY's growth after that belongs to the treasury.
/// Rounding: both directions floor, in the contract's favour: minting then redeeming at one index returns
/// at most the SY put in, and less by at most `ceil(1e18 / pyIndex)` wei (one wei of asset, in SY).
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/core/YieldContracts/PendleYieldToken.sol`
/// (`_calcPYToMint`, `_calcSyRedeemableFromPY`, `_setPostExpiryData`), `SYUtils.sol`.
public enum YieldContractMath {
    /// `_calcPYToMint`: PT (= YT) minted for `amountSy` at `pyIndex`, `syToAsset` (floor).
    /// Amounts are `uint256` on chain: a negative value is `Revert()`.
    public static func pyToMint<S: TokenizationScalar>(amountSy: S, pyIndex: S) throws(PendleError) -> S {
        guard !amountSy.isNegative, !pyIndex.isNegative else { throw .castOutOfRange }
        return try amountSy.syToAsset(index: pyIndex)
    }

    /// `_calcSyRedeemableFromPY`: SY to the redeemer and, after expiry, the post-expiry interest to the
    /// treasury. `firstPYIndex` nil = before expiry. Reverts: a zero index is `Panic(0x12)`;
    /// `firstPYIndex > pyIndex` (impossible on chain) makes the treasury part underflow: `Panic(0x11)`.
    public static func syRedeemable<S: TokenizationScalar>(amountPy: S, pyIndex: S, firstPYIndex: S?) throws(PendleError) -> (
        toUser: S, toTreasury: S
    ) {
        guard !amountPy.isNegative, !pyIndex.isNegative else { throw .castOutOfRange }
        let toUser = try amountPy.assetToSy(index: pyIndex)
        guard let first = firstPYIndex else { return (toUser, .zero) }
        guard !first.isNegative else { throw .castOutOfRange }
        let total = try amountPy.assetToSy(index: first)
        if total < toUser { throw .arithmeticOverflow }  // uint256 subtraction
        return (toUser, try total - toUser)
    }

    /// The batch op `mintPy`: `amountSy, pyIndex[, expired] → amountPy`.
    ///
    /// Checks in the contract's order: expired → `YCExpired` (``PendleError/yieldContractExpired(expiry:time:)``);
    /// a negative amount → `NegativeAmount`; a PY index ≤ 0 → `NonPositiveExchangeRate`; zero SY →
    /// `YCNoFloatingSy`. Then `amountPy = syToAsset(pyIndex, amountSy)` (floor).
    public static func mintPy<S: TokenizationScalar>(amountSy: S, pyIndex: S, expired: Bool = false) throws -> MintPyResult<S> {
        if expired { throw PendleError.yieldContractExpired(expiry: nil, time: nil) }
        try TokenizationValidation.nonNegative(amountSy, "amountSy")
        try TokenizationValidation.positiveRate(pyIndex, "pyIndex")
        if amountSy.isZero { throw TokenizationError.noFloatingSy }
        let amountPy = try pyToMint(amountSy: amountSy, pyIndex: pyIndex)
        return MintPyResult(amountSy: amountSy, pyIndex: pyIndex, amountPy: amountPy)
    }

    /// The batch op `redeemPy`: `amountPy, pyIndex[, firstPYIndex, expired] → amountSy, syToTreasury`.
    ///
    /// Before expiry PT + YT are burnt and `amountSy = assetToSy(pyIndex, amountPy)`, `syToTreasury = 0`
    /// (a `firstPYIndex` is then an input error, `FirstPYIndexBeforeExpiry`). After expiry only PT is
    /// burnt; `firstPYIndex` defaults to `pyIndex` (this redemption is the first post-expiry touch).
    /// `pyIndex` is the current PY index (`max(exchange rate, stored)`).
    public static func redeemPy<S: TokenizationScalar>(
        amountPy: S, pyIndex: S, firstPYIndex: S? = nil,
        expired: Bool = false
    ) throws -> RedeemPyResult<S> {
        try TokenizationValidation.nonNegative(amountPy, "amountPy")
        try TokenizationValidation.positiveRate(pyIndex, "pyIndex")
        if let first = firstPYIndex { try TokenizationValidation.positiveRate(first, "firstPYIndex") }
        if !expired && firstPYIndex != nil { throw TokenizationError.firstPYIndexBeforeExpiry }
        let first = expired ? (firstPYIndex ?? pyIndex) : nil
        let (toUser, toTreasury) = try syRedeemable(amountPy: amountPy, pyIndex: pyIndex, firstPYIndex: first)
        return RedeemPyResult(
            amountPy: amountPy, pyIndex: pyIndex, firstPYIndex: first, expired: expired,
            amountSy: toUser, syToTreasury: toTreasury)
    }
}

/// `mintPy`'s answer: SY in, the PY index used, PT minted (= YT minted).
public struct MintPyResult<S: PendleScalar>: Hashable, Sendable {
    public var amountSy: S
    public var pyIndex: S
    /// PT minted, and the same amount of YT.
    public var amountPy: S
}

/// `redeemPy`'s answer: PY burnt, the indexes used, SY to the redeemer and to the treasury.
public struct RedeemPyResult<S: PendleScalar>: Hashable, Sendable {
    public var amountPy: S
    public var pyIndex: S
    /// The index PT's claim is frozen at (after expiry), nil before expiry.
    public var firstPYIndex: S?
    public var expired: Bool
    /// SY to the redeemer.
    public var amountSy: S
    /// SY to the treasury: the growth since `firstPYIndex` (0 before expiry).
    public var syToTreasury: S
}

/// One holder's dealings with one yield contract over time: the stored PY index, the post-expiry
/// snapshot, the holder's PT and YT balances and interest account, and what the treasury collects.
///
/// Each operation takes the block time and the SY exchange rate at that time (no clock is read). The
/// order of effects is the contract's: `updateData` sets the post-expiry data at the first touch at or
/// after expiry; interest is distributed to the holder (at the interest index: the PY index before
/// expiry, `firstPYIndex` after) before any YT balance changes; then the mint or redemption.
public struct YieldContractLedger<S: TokenizationScalar>: Hashable, Sendable {
    /// Unix seconds; expired once `expiry <= blockTime`.
    public let expiry: Int64
    /// The factory's `interestFeeRate` (0.03 = 3 % of interest to the treasury).
    public let interestFeeRate: S
    public private(set) var pyIndexStored: S = .zero
    public private(set) var firstPYIndex: S?
    public private(set) var ptBalance: S = .zero
    public private(set) var ytBalance: S = .zero
    /// The holder's stored interest index (0 before the first touch) and SY accrued, not yet collected.
    public private(set) var holderIndex: S = .zero
    public private(set) var holderAccrued: S = .zero
    /// SY the treasury has received: interest fees and post-expiry interest from redemptions.
    public private(set) var treasuryInterestFees: S = .zero
    public private(set) var treasuryPostExpirySy: S = .zero

    /// A fresh contract (no index stored, nothing minted). `interestFeeRate` in [0, 1], else `InvalidFeeRate`.
    public init(expiry: Int64, interestFeeRate: S) throws(TokenizationError) {
        try TokenizationValidation.feeRate(interestFeeRate)
        self.expiry = expiry
        self.interestFeeRate = interestFeeRate
    }

    /// `MiniHelpers.isCurrentlyExpired`: `expiry <= blockTime`.
    public func isExpired(at blockTime: Int64) -> Bool { expiry <= blockTime }

    /// `updateData` + `_pyIndexCurrent`: the PY index at this time (stored as the new high-water mark),
    /// and the post-expiry snapshot at the first touch after expiry.
    @discardableResult
    public mutating func touch(syExchangeRate: S, at blockTime: Int64) throws -> S {
        try TokenizationValidation.positiveRate(syExchangeRate, "syExchangeRate")
        let index = try PYIndex.current(syExchangeRate: syExchangeRate, stored: pyIndexStored)
        pyIndexStored = index
        if isExpired(at: blockTime) && firstPYIndex == nil { firstPYIndex = index }
        return index
    }

    /// `mintPY`: tokenizes `amountSy` into PT + YT for the holder; returns the PY amount.
    /// `YCExpired` at or after expiry; `YCNoFloatingSy` for zero SY.
    public mutating func mint(amountSy: S, syExchangeRate: S, at blockTime: Int64) throws -> S {
        if isExpired(at: blockTime) { throw PendleError.yieldContractExpired(expiry: expiry, time: blockTime) }
        try TokenizationValidation.nonNegative(amountSy, "amountSy")
        let index = try touch(syExchangeRate: syExchangeRate, at: blockTime)
        if amountSy.isZero { throw TokenizationError.noFloatingSy }
        let amountPy = try YieldContractMath.pyToMint(amountSy: amountSy, pyIndex: index)
        try distributeInterest()
        ytBalance = try ytBalance + amountPy
        ptBalance = try ptBalance + amountPy
        return amountPy
    }

    /// `redeemPY`: before expiry burns `amountPy` PT and YT; after expiry burns PT only. Returns the SY
    /// to the holder and to the treasury.
    public mutating func redeem(amountPy: S, syExchangeRate: S, at blockTime: Int64) throws -> RedeemPyResult<S> {
        try TokenizationValidation.nonNegative(amountPy, "amountPy")
        let index = try touch(syExchangeRate: syExchangeRate, at: blockTime)
        let expired = isExpired(at: blockTime)
        guard amountPy <= ptBalance else {
            throw TokenizationError.insufficientBalance(token: "PT", balance: ptBalance.description, requested: amountPy.description)
        }
        if !expired {
            guard amountPy <= ytBalance else {
                throw TokenizationError.insufficientBalance(token: "YT", balance: ytBalance.description, requested: amountPy.description)
            }
            try distributeInterest()
            ytBalance = try ytBalance - amountPy
        }
        ptBalance = try ptBalance - amountPy
        let (toUser, toTreasury) = try YieldContractMath.syRedeemable(
            amountPy: amountPy, pyIndex: index,
            firstPYIndex: expired ? firstPYIndex : nil)
        treasuryPostExpirySy = try treasuryPostExpirySy + toTreasury
        return RedeemPyResult(
            amountPy: amountPy, pyIndex: index, firstPYIndex: expired ? firstPYIndex : nil,
            expired: expired, amountSy: toUser, syToTreasury: toTreasury)
    }

    /// `redeemDueInterestAndRewards(user, true, false)`: distributes, then pays the accrued interest
    /// less the fee. Returns (accrued, fee, paid) in SY.
    public mutating func collectInterest(syExchangeRate: S, at blockTime: Int64) throws -> (accrued: S, fee: S, paid: S) {
        try touch(syExchangeRate: syExchangeRate, at: blockTime)
        try distributeInterest()
        let accrued = holderAccrued
        let (fee, paid) = try YTInterest.collect(accrued: accrued, feeRate: interestFeeRate)
        holderAccrued = .zero
        treasuryInterestFees = try treasuryInterestFees + fee
        return (accrued, fee, paid)
    }

    /// `_distributeInterestPrivate` for the holder at `_getInterestIndex()`.
    private mutating func distributeInterest() throws {
        let index = firstPYIndex ?? pyIndexStored
        let interest = try S.ytInterest(principal: ytBalance, prevIndex: holderIndex, currentIndex: index)
        holderAccrued = try S.accrue(interest, onto: holderAccrued)
        holderIndex = index
    }
}
