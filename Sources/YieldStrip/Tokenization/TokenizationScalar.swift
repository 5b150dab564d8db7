/// What the yield contract's math needs beyond ``PendleScalar``: the `uint128` bound the contract stores
/// indexes and accrued interest in, and `InterestManagerYT`'s interest formula in `uint256` arithmetic.
///
/// ``Wad`` conforms exactly (it converts to `uint256`, runs ``YTInterest/interestFromYT(principal:prevIndex:currentIndex:)``
/// and converts back); `Double` conforms with the same formula in real arithmetic and the same reverts
/// (a falling index is `Panic(0x11)`, a result above `uint128` is `Revert()`).
public protocol TokenizationScalar: PendleScalar {
    /// `type(uint128).max` wei, in this scalar's units (≈ 3.4e20 units).
    static var uint128Max: Self { get }

    /// `InterestManagerYT._distributeInterestPrivate`'s interest for one index update, in SY:
    ///
    /// ```
    /// prevIndex == currentIndex or prevIndex == 0  →  0       (no change; first touch only stores)
    /// otherwise  (principal · (currentIndex − prevIndex)).divDown(prevIndex · currentIndex)
    /// ```
    /// **Domain**: all values ≥ 0 (`uint256` on chain; a negative value is `Revert()`).
    /// **Rounding**: down (floor), once. **Reverts**: `currentIndex < prevIndex` or any overflow →
    /// `Panic(0x11)`; interest or `currentIndex` above `uint128` → `Revert()`.
    static func ytInterest(principal: Self, prevIndex: Self, currentIndex: Self) throws(PendleError) -> Self
}

/// Exact: the contract's `uint256` arithmetic on the raw wei.
extension Wad: TokenizationScalar {
    public static let uint128Max = Wad(raw: Int256(bitPattern: UInt256(low128: .max)))

    public static func ytInterest(principal: Wad, prevIndex: Wad, currentIndex: Wad) throws(PendleError) -> Wad {
        let interest = try YTInterest.interestFromYT(
            principal: PMath.toUint(principal.raw),
            prevIndex: PMath.toUint(prevIndex.raw),
            currentIndex: PMath.toUint(currentIndex.raw))
        return Wad(raw: try PMath.toInt(interest))
    }
}

/// Real arithmetic with the contract's reverts; `uint128Max` is 2¹²⁸ − 1 wei in units.
extension Double: TokenizationScalar {
    public static let uint128Max: Double = 340_282_366_920_938_463_463.374_607_431_768_211_455

    public static func ytInterest(principal: Double, prevIndex: Double, currentIndex: Double) throws(PendleError) -> Double {
        guard principal >= 0, prevIndex >= 0, currentIndex >= 0 else { throw .castOutOfRange }
        if prevIndex == currentIndex { return 0 }
        if prevIndex == 0 {
            if currentIndex > uint128Max { throw .castOutOfRange }
            return 0
        }
        if currentIndex < prevIndex { throw .arithmeticOverflow }
        let interest = principal * (currentIndex - prevIndex) / (prevIndex * currentIndex)
        if !interest.isFinite { throw .arithmeticOverflow }
        if interest > uint128Max || currentIndex > uint128Max { throw .castOutOfRange }
        return interest
    }
}

extension TokenizationScalar {
    /// `accrued += interest` into `userInterest[user].accrued`, a `uint128` slot: a sum past 2^128 − 1
    /// reverts (`Panic(0x11)`).
    static func accrue(_ interest: Self, onto accrued: Self) throws(PendleError) -> Self {
        if interest > (try uint128Max - accrued) { throw .arithmeticOverflow }
        return try accrued + interest
    }
}
