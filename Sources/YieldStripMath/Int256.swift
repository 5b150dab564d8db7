/// A signed 256-bit integer: Solidity's `int256`, two's complement over ``UInt256``.
///
/// Division truncates toward zero, as Solidity's does (`-7 / 2 == -3`). Checked operations report
/// overflow; `&+`, `&-`, `&*` and `dividedWrapping(by:)` wrap like Solidity's `unchecked` blocks.
@frozen
public struct Int256: Sendable, Hashable {
    /// The two's complement bit pattern.
    public var bits: UInt256

    @inlinable
    public init(bitPattern bits: UInt256) { self.bits = bits }

    @inlinable
    public init(_ value: Int64) {
        let fill: UInt64 = value < 0 ? .max : 0
        bits = UInt256(w0: UInt64(bitPattern: value), w1: fill, w2: fill, w3: fill)
    }

    /// `value` when it is at most `Int256.max`, else nil (Solidity's `PMath.Int` reverts there).
    @inlinable
    public init?(exactly value: UInt256) {
        guard value.w3 >> 63 == 0 else { return nil }
        bits = value
    }

    public static let zero = Int256(bitPattern: .zero)
    public static let one = Int256(bitPattern: .one)
    public static let max = Int256(bitPattern: UInt256(w0: .max, w1: .max, w2: .max, w3: .max >> 1))
    public static let min = Int256(bitPattern: UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63))

    @inlinable public var isNegative: Bool { bits.w3 >> 63 != 0 }
    @inlinable public var isZero: Bool { bits.isZero }
    @inlinable public var isPositive: Bool { !isNegative && !bits.isZero }

    /// |self| as an unsigned value (exact for every value, `min` included).
    @inlinable
    public var magnitude: UInt256 { isNegative ? (~bits &+ .one) : bits }

    /// True when the value fits in a signed 64-bit integer.
    @inlinable
    public var fitsInInt64: Bool {
        let fill: UInt64 = Int64(bitPattern: bits.w0) < 0 ? .max : 0
        return bits.w1 == fill && bits.w2 == fill && bits.w3 == fill
    }

    /// The value as `Int64` when it fits.
    @inlinable
    public var int64Value: Int64? { fitsInInt64 ? Int64(bitPattern: bits.w0) : nil }

    /// `sign · magnitude`, or nil when it does not fit (magnitude above 2^255, or 2^255 with a plus sign).
    @inlinable
    public init?(negative: Bool, magnitude: UInt256) {
        if negative {
            guard magnitude <= Int256.min.bits else { return nil }
            bits = ~magnitude &+ .one
        } else {
            guard magnitude.w3 >> 63 == 0 else { return nil }
            bits = magnitude
        }
    }
}

// MARK: - Comparable

extension Int256: Comparable {
    @inlinable
    public static func < (lhs: Int256, rhs: Int256) -> Bool {
        let ln = lhs.isNegative
        let rn = rhs.isNegative
        if ln != rn { return ln }
        return lhs.bits < rhs.bits
    }
}

// MARK: - Arithmetic

extension Int256 {
    @inlinable
    public func addingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let sum = Int256(bitPattern: bits &+ other.bits)
        let overflow = isNegative == other.isNegative && sum.isNegative != isNegative
        return (sum, overflow)
    }

    @inlinable
    public func subtractingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let diff = Int256(bitPattern: bits &- other.bits)
        let overflow = isNegative != other.isNegative && diff.isNegative != isNegative
        return (diff, overflow)
    }

    @inlinable
    public func multipliedReportingOverflow(by other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let negative = isNegative != other.isNegative
        let (mag, magOverflow) = magnitude.multipliedReportingOverflow(by: other.magnitude)
        if !magOverflow, let exact = Int256(negative: negative && !mag.isZero, magnitude: mag) {
            return (exact, false)
        }
        return (Int256(bitPattern: bits &* other.bits), true)
    }

    /// `self / other`, truncating toward zero. Overflow is reported for division by zero (value `self`)
    /// and for `min / -1` (value `min`, Solidity's unchecked result).
    @inlinable
    public func dividedReportingOverflow(by other: Int256) -> (partialValue: Int256, overflow: Bool) {
        if other.isZero { return (self, true) }
        let negative = isNegative != other.isNegative
        let q = magnitude.quotientAndRemainder(dividingBy: other.magnitude).quotient
        guard let exact = Int256(negative: negative, magnitude: q) else { return (.min, true) }
        return (exact, false)
    }

    /// `self / d` for a positive 64-bit divisor, truncating toward zero (package-internal: `d` must not be
    /// zero).
    @inlinable
    package func divided(byPositive d: UInt64) -> Int256 {
        let q = magnitude.quotientAndRemainder(dividingBy: d).quotient
        return isNegative ? Int256(bitPattern: ~q &+ .one) : Int256(bitPattern: q)
    }

    /// The remainder of truncating division: its sign follows `self` (Solidity's `%`; package-internal: `d`
    /// must not be zero).
    @inlinable
    package func remainder(dividingByPositive d: UInt64) -> Int256 {
        let r = UInt256(magnitude.quotientAndRemainder(dividingBy: d).remainder)
        return isNegative ? Int256(bitPattern: ~r &+ .one) : Int256(bitPattern: r)
    }

    /// `-self`, or overflow for `min`.
    @inlinable
    public func negatedReportingOverflow() -> (partialValue: Int256, overflow: Bool) {
        (Int256(bitPattern: ~bits &+ .one), self == .min)
    }

    @inlinable public static func &+ (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bits &+ rhs.bits) }
    @inlinable public static func &- (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bits &- rhs.bits) }
    /// Wrapping multiplication. Computed on magnitudes (so small negative operands take the 128-bit fast
    /// path) and negated when the signs differ: the same value modulo 2^256 as the two's complement product.
    @inlinable
    public static func &* (lhs: Int256, rhs: Int256) -> Int256 {
        let product = lhs.magnitude &* rhs.magnitude
        return Int256(bitPattern: lhs.isNegative != rhs.isNegative ? ~product &+ .one : product)
    }
    /// `-self` wrapping (`-min == min`), as in Solidity's `unchecked` blocks.
    @inlinable public var negatedWrapping: Int256 { Int256(bitPattern: ~bits &+ .one) }
}

// MARK: - Decimal text

extension Int256: CustomStringConvertible, LosslessStringConvertible {
    /// Parses an optionally signed decimal integer (`-12`, `+7`); nil outside the int256 range.
    public init?(_ text: String) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber, let mag = UInt256(String(body)),
            let value = Int256(negative: negative, magnitude: mag)
        else { return nil }
        self = value
    }

    public var description: String { DecimalDigits.text(negative: isNegative, magnitude: magnitude) }
}

// MARK: - Double

extension Int256 {
    /// The nearest `Double` (round to nearest, ties to even).
    @inlinable
    public var doubleValue: Double { isNegative ? -magnitude.doubleValue : bits.doubleValue }

    /// The integer nearest to a finite `value` (ties to even), or nil outside the int256 range or not finite.
    public init?(rounding value: Double) {
        guard value.isFinite, let mag = UInt256(rounding: value.magnitude),
            let exact = Int256(negative: value < 0, magnitude: mag)
        else { return nil }
        self = exact
    }
}
