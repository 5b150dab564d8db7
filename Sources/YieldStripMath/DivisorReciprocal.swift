/// A 64-bit divisor prepared for fast repeated division: its normalized form and reciprocal.
///
/// Division by a fixed divisor (1e18, 1e10, 100, the small series denominators) is the hot operation of
/// Pendle's fixed-point math. A hardware 128-by-64 division costs tens of cycles; with the reciprocal
/// `v = ⌊(2^128 − 1) / d⌋ − 2^64` of the normalized divisor each 128-by-64 step is two multiplications and
/// two corrections (Möller & Granlund, "Improved division by invariant integers", IEEE TC 60(2), 2011,
/// algorithm 4). Results are exact: identical to `/` and `%`.
@frozen
public struct DivisorReciprocal: Sendable, Hashable {
    /// The divisor.
    public let divisor: UInt64
    /// `divisor << shift`, with its top bit set.
    @usableFromInline let normalized: UInt64
    @usableFromInline let shift: Int
    @usableFromInline let reciprocal: UInt64

    /// Prepares `divisor`, which must not be zero (a zero divisor is reported as nil).
    @inlinable
    public init?(_ divisor: UInt64) {
        guard divisor != 0 else { return nil }
        self.init(nonZero: divisor)
    }

    /// Prepares a divisor known to be nonzero (the library's constants).
    @usableFromInline
    init(nonZero divisor: UInt64) {
        self.divisor = divisor
        shift = divisor.leadingZeroBitCount
        normalized = divisor << UInt64(shift)
        reciprocal = normalized.dividingFullWidth((high: ~normalized, low: .max)).quotient
    }

    /// `(u1 · 2^64 + u0) / normalized` for `u1 < normalized`: quotient and remainder.
    @inlinable @inline(__always)
    func divide2by1(_ u1: UInt64, _ u0: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let (productHigh, productLow) = reciprocal.multipliedFullWidth(by: u1)
        let (sumLow, carry) = productLow.addingReportingOverflow(u0)
        var q1 = productHigh &+ u1 &+ (carry ? 1 : 0) &+ 1
        var r = u0 &- q1 &* normalized
        if r > sumLow {
            q1 &-= 1
            r &+= normalized
        }
        if r >= normalized {
            q1 &+= 1
            r &-= normalized
        }
        return (q1, r)
    }

    // Divisors of the fixed-point math.
    public static let wad = DivisorReciprocal(nonZero: 1_000_000_000_000_000_000)
    public static let tenToThe10 = DivisorReciprocal(nonZero: 10_000_000_000)
    public static let hundred = DivisorReciprocal(nonZero: 100)
    /// 10^19, the largest power of ten below 2^64 (decimal text, 19 digits at a time).
    public static let tenToThe19 = DivisorReciprocal(nonZero: 10_000_000_000_000_000_000)
    /// 1 … 16, at index `k − 1`.
    public static let small: [DivisorReciprocal] = (1...16).map { DivisorReciprocal(nonZero: UInt64($0)) }
}

extension UInt256 {
    /// Quotient and remainder by a prepared 64-bit divisor (exact, as `quotientAndRemainder(dividingBy:)`).
    @inlinable
    public func quotientAndRemainder(dividingBy d: DivisorReciprocal) -> (quotient: UInt256, remainder: UInt64) {
        if fitsInUInt64 { return (UInt256(w0 / d.divisor), w0 % d.divisor) }
        // Normalize the dividend (shift left by the divisor's shift) into one more digit; the top digit is
        // below 2^shift, so below the normalized divisor, as each step requires.
        let s = UInt64(d.shift)
        @inline(__always) func spill(_ high: UInt64, _ low: UInt64) -> UInt64 { s == 0 ? high : (high << s) | (low >> (64 - s)) }
        let u0 = w0 << s
        if fitsInUInt128 {
            let (q1, r1) = d.divide2by1(s == 0 ? 0 : w1 >> (64 - s), spill(w1, w0))
            let (q0, r0) = d.divide2by1(r1, u0)
            return (UInt256(w0: q0, w1: q1, w2: 0, w3: 0), r0 >> s)
        }
        let (q3, r3) = d.divide2by1(s == 0 ? 0 : w3 >> (64 - s), spill(w3, w2))
        let (q2, r2) = d.divide2by1(r3, spill(w2, w1))
        let (q1, r1) = d.divide2by1(r2, spill(w1, w0))
        let (q0, r0) = d.divide2by1(r1, u0)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), r0 >> s)
    }
}

extension Int256 {
    /// `self / (2^shift · d)`, truncating toward zero: the magnitude shifted right, then divided.
    @inlinable
    public func divided(by d: DivisorReciprocal, shiftingRight shift: Int) -> Int256 {
        let q = (magnitude >> shift).quotientAndRemainder(dividingBy: d).quotient
        return isNegative ? Int256(bitPattern: ~q &+ .one) : Int256(bitPattern: q)
    }

    /// `self / d` for a prepared positive divisor, truncating toward zero.
    @inlinable
    public func divided(by d: DivisorReciprocal) -> Int256 {
        let q = magnitude.quotientAndRemainder(dividingBy: d).quotient
        return isNegative ? Int256(bitPattern: ~q &+ .one) : Int256(bitPattern: q)
    }
}
