/// Pendle's `PMath` library, bit-exact, with Solidity 0.8's checked-arithmetic semantics.
///
/// Every function throws the revert the contract would raise (``PendleError``) instead of trapping.
/// "down" means toward zero: `mulDown` and `divDown` truncate the quotient, so for a negative result
/// they round *up* (toward zero), as Solidity's signed division does.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/core/libraries/math/PMath.sol` (e8c2cca4).
public enum PMath {
    /// 1e18, the wad unit.
    public static let one = UInt256(1_000_000_000_000_000_000)
    /// 1e18 as a signed value (`PMath.IONE`).
    public static let iOne = Int256(1_000_000_000_000_000_000)
    @usableFromInline static let oneLimb: UInt64 = 1_000_000_000_000_000_000

    // MARK: Checked integer operations (Solidity 0.8 outside `unchecked`)

    /// `a + b`, reverting with `Panic(0x11)` on overflow.
    @inlinable
    public static func add(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        let (v, o) = a.addingReportingOverflow(b)
        if o { throw .arithmeticOverflow }
        return v
    }

    /// `a - b`, reverting with `Panic(0x11)` on underflow.
    @inlinable
    public static func sub(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        let (v, o) = a.subtractingReportingOverflow(b)
        if o { throw .arithmeticOverflow }
        return v
    }

    /// `a * b`, reverting with `Panic(0x11)` on overflow.
    @inlinable
    public static func mul(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        let (v, o) = a.multipliedReportingOverflow(by: b)
        if o { throw .arithmeticOverflow }
        return v
    }

    /// `a / b` (floor), reverting with `Panic(0x12)` when `b` is zero.
    @inlinable
    public static func div(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        let (v, o) = a.dividedReportingOverflow(by: b)
        if o { throw .divisionByZero }
        return v
    }

    @inlinable
    public static func add(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        let (v, o) = a.addingReportingOverflow(b)
        if o { throw .arithmeticOverflow }
        return v
    }

    @inlinable
    public static func sub(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        let (v, o) = a.subtractingReportingOverflow(b)
        if o { throw .arithmeticOverflow }
        return v
    }

    @inlinable
    public static func mul(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        let (v, o) = a.multipliedReportingOverflow(by: b)
        if o { throw .arithmeticOverflow }
        return v
    }

    /// Checked signed division: truncates toward zero; `Panic(0x12)` for a zero divisor,
    /// `Panic(0x11)` for `min / -1`.
    @inlinable
    public static func div(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        if b.isZero { throw .divisionByZero }
        let (v, o) = a.dividedReportingOverflow(by: b)
        if o { throw .arithmeticOverflow }
        return v
    }

    /// Unchecked signed division (inside Solidity's `unchecked`): truncates toward zero, `min / -1`
    /// wraps to `min`; a zero divisor still reverts with `Panic(0x12)`.
    @inlinable
    public static func divUnchecked(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        if b.isZero { throw .divisionByZero }
        return a.dividedReportingOverflow(by: b).partialValue
    }

    /// `-a` (`PMath.neg`, which is `a * -1`): `Panic(0x11)` for `Int256.min`.
    @inlinable
    public static func neg(_ a: Int256) throws(PendleError) -> Int256 {
        let (v, o) = a.negatedReportingOverflow()
        if o { throw .arithmeticOverflow }
        return v
    }

    // MARK: PMath

    /// `mulDown(a, b) = a * b / 1e18`: checked product, floor division.
    @inlinable
    public static func mulDown(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        try mul(a, b).quotientAndRemainder(dividingBy: DivisorReciprocal.wad).quotient
    }

    /// `mulDown(a, b) = a * b / 1e18`: checked product, division truncating toward zero.
    @inlinable
    public static func mulDown(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        try mul(a, b).divided(by: DivisorReciprocal.wad)
    }

    /// `divDown(a, b) = a * 1e18 / b`: checked product, floor division, `Panic(0x12)` when `b` is zero.
    @inlinable
    public static func divDown(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        try div(mul(a, one), b)
    }

    /// `divDown(a, b) = a * 1e18 / b`: checked product, unchecked division truncating toward zero.
    @inlinable
    public static func divDown(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        try divUnchecked(mul(a, iOne), b)
    }

    /// `rawDivUp(a, b) = (a + b - 1) / b`, every step checked.
    @inlinable
    public static func rawDivUp(_ a: UInt256, _ b: UInt256) throws(PendleError) -> UInt256 {
        try div(sub(add(a, b), .one), b)
    }

    /// `rawDivUp(a, b) = (a + b - 1) / b`, every step checked. Not a ceiling for negative `a`:
    /// `rawDivUp(-4, 2) = -3 / 2 = -1`.
    @inlinable
    public static func rawDivUp(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        try div(sub(add(a, b), .one), b)
    }

    /// `subNoNeg(a, b) = a - b`, reverting with `negative` when `a < b` (and `Panic(0x11)` on overflow).
    @inlinable
    public static func subNoNeg(_ a: Int256, _ b: Int256) throws(PendleError) -> Int256 {
        if a < b { throw .negative }
        return try sub(a, b)
    }

    /// Floor square root by Babylonian iteration from `y / 2 + 1` (Uniswap's); 0 → 0, 1...3 → 1.
    public static func sqrt(_ y: UInt256) -> UInt256 {
        if y > UInt256(3) {
            var z = y
            var x = y.quotientAndRemainder(dividingBy: UInt64(2)).quotient &+ .one
            while x < z {
                z = x
                x = (y.quotientAndRemainder(dividingBy: x).quotient &+ x) >> 1
            }
            return z
        } else if !y.isZero {
            return .one
        }
        return .zero
    }

    /// `abs(x)` as unsigned: `Panic(0x11)` for `Int256.min` (the contract negates with checked arithmetic).
    @inlinable
    public static func abs(_ x: Int256) throws(PendleError) -> UInt256 {
        x.isNegative ? try neg(x).bits : x.bits
    }

    /// `PMath.Int(x)`: `Revert()` above `Int256.max`.
    @inlinable
    public static func toInt(_ x: UInt256) throws(PendleError) -> Int256 {
        guard let v = Int256(exactly: x) else { throw .castOutOfRange }
        return v
    }

    /// `PMath.Uint(x)`: `Revert()` for negative `x`.
    @inlinable
    public static func toUint(_ x: Int256) throws(PendleError) -> UInt256 {
        if x.isNegative { throw .castOutOfRange }
        return x.bits
    }
}
