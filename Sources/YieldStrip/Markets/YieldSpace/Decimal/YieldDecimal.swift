/// A decimal floating-point number, `±coefficient · 10^exponent` with a coefficient of any size, whose
/// arithmetic rounds each result to a given number of significant digits.
///
/// It exists to reproduce Yield Protocol's off-chain YieldSpace math (`@yield-protocol/ui-math`), which
/// computes in decimal.js at 64 significant digits: every operation's exact result rounded half away from
/// zero (decimal.js's `ROUND_HALF_UP`) to the precision. ``adding(_:significantDigits:)``,
/// ``subtracting(_:significantDigits:)``, ``multiplied(by:significantDigits:)`` and
/// ``divided(by:significantDigits:)`` are correctly rounded; ``ln(significantDigits:)``,
/// ``exp(significantDigits:)`` and ``power(_:significantDigits:)`` are computed in 448-bit binary fixed point
/// (about 134 digits) and then rounded, so they too are correctly rounded unless the exact value lies within
/// about 10^-120 (relative) of a rounding tie (decimal.js's `pow` is correctly rounded in the same sense).
/// Precision is limited to ``maximumSignificantDigits`` digits.
///
/// Values are kept canonical (no trailing zeros in the coefficient, zero is positive with exponent 0), so
/// equal numbers are equal values. ``description`` writes the number in plain notation, never with an
/// exponent, as decimal.js's `toFixed()` does.
public struct YieldDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whether the number is below zero (never for zero).
    public private(set) var isNegative: Bool
    var coefficient: BigUInt
    /// The power of ten the coefficient is scaled by.
    public private(set) var exponent: Int

    /// The most significant digits the arithmetic rounds to.
    public static let maximumSignificantDigits = 100

    public static let zero = YieldDecimal(negative: false, coefficient: .zero, exponent: 0)
    public static let one = YieldDecimal(negative: false, coefficient: .one, exponent: 0)

    init(negative: Bool, coefficient: BigUInt, exponent: Int) {
        if coefficient.isZero {
            isNegative = false
            self.coefficient = .zero
            self.exponent = 0
            return
        }
        var c = coefficient
        var e = exponent
        // Strip trailing zeros, nine at a time while possible.
        while true {
            let (q, r) = c.quotientAndRemainder(dividingBy: 1_000_000_000)
            guard r == 0 else { break }
            c = q
            e += 9
        }
        while true {
            let (q, r) = c.quotientAndRemainder(dividingBy: 10)
            guard r == 0 else { break }
            c = q
            e += 1
        }
        isNegative = negative
        self.coefficient = c
        self.exponent = e
    }

    public init(_ value: Int) {
        self.init(negative: value < 0, coefficient: BigUInt(value.magnitude.toUInt64), exponent: 0)
    }

    public init(_ value: UInt256) {
        self.init(negative: false, coefficient: BigUInt(value), exponent: 0)
    }

    public init(_ value: Int256) {
        self.init(negative: value.isNegative, coefficient: BigUInt(value.magnitude), exponent: 0)
    }

    /// `value · 10^exponent`.
    public init(_ value: UInt256, timesPowerOfTen exponent: Int) {
        self.init(negative: false, coefficient: BigUInt(value), exponent: exponent)
    }

    /// Decimal text: an optional `-` or `+`, digits with an optional fraction (`12`, `0.5`, `.5`), and an
    /// optional exponent (`1e18`, `2.5E-3`). Nil for anything else.
    public init?(_ text: String) {
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        var exponent = 0
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var digits = rest[rest.index(after: e)...]
            var exponentNegative = false
            if let sign = digits.first, sign == "-" || sign == "+" {
                exponentNegative = sign == "-"
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
            exponent = exponentNegative ? -value : value
            rest = rest[..<e]
        }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty) else { return nil }
        guard let coefficient = BigUInt(decimalDigits: Substring(String(whole) + String(fraction))) else { return nil }
        self.init(negative: negative, coefficient: coefficient, exponent: exponent - fraction.count)
    }

    public var isZero: Bool { coefficient.isZero }

    /// Whether the number is a whole number.
    public var isInteger: Bool { isZero || exponent >= 0 }

    /// The number's significant digits.
    public var significantDigitCount: Int { coefficient.decimalDigitCount }

    /// The position of the leading digit: ⌊log₁₀ |x|⌋ (0 for zero).
    var leadingDigitPosition: Int { isZero ? 0 : exponent + coefficient.decimalDigitCount - 1 }

    /// The absolute value.
    public var magnitude: YieldDecimal { YieldDecimal(negative: false, coefficient: coefficient, exponent: exponent) }

    public static prefix func - (value: YieldDecimal) -> YieldDecimal {
        YieldDecimal(negative: !value.isNegative, coefficient: value.coefficient, exponent: value.exponent)
    }

    /// Plain notation: every digit, no exponent (`-0.00125`, `1000`).
    public var description: String {
        if isZero { return "0" }
        let digits = coefficient.decimalString
        let sign = isNegative ? "-" : ""
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let point = digits.count + exponent
        if point > 0 {
            return sign + digits.prefix(point) + "." + digits.dropFirst(point)
        }
        return sign + "0." + String(repeating: "0", count: -point) + digits
    }

    /// The nearest `Double` (within a couple of units in the last place).
    public var doubleValue: Double {
        if isZero { return 0 }
        // Keep 20 significant digits, then scale by the power of ten.
        let digits = coefficient.decimalDigitCount
        let drop = Swift.max(0, digits - 20)
        let head = coefficient.dividedByPowerOfTen(drop).quotient.doubleValue
        let scale = exponent + drop
        var value = head
        if scale > 0 {
            value *= pow10(scale)
        } else if scale < 0 {
            // Two steps keep subnormal-range scales from underflowing early.
            let first = Swift.max(scale, -300)
            value /= pow10(-first)
            if scale < first { value /= pow10(first - scale) }
        }
        return isNegative ? -value : value
    }

    private func pow10(_ n: Int) -> Double {
        var result = 1.0
        var base = 10.0
        var k = n
        while k > 0 {
            if k & 1 == 1 { result *= base }
            base *= base
            k >>= 1
        }
        return result
    }

    /// The value as an `Int256` when it is a whole number that fits; nil otherwise.
    public var int256Value: Int256? {
        guard isInteger else { return nil }
        let magnitude = coefficient.timesPowerOfTen(isZero ? 0 : exponent)
        guard let bits = magnitude.uint256Value else { return nil }
        return Int256(negative: isNegative, magnitude: bits)
    }

    // MARK: Comparison

    public static func < (lhs: YieldDecimal, rhs: YieldDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = compareMagnitudes(lhs, rhs)
        if magnitudeLess == 0 { return false }
        return lhs.isNegative ? magnitudeLess > 0 : magnitudeLess < 0
    }

    /// −1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    static func compareMagnitudes(_ lhs: YieldDecimal, _ rhs: YieldDecimal) -> Int {
        if lhs.isZero || rhs.isZero { return lhs.isZero ? (rhs.isZero ? 0 : -1) : 1 }
        let l = lhs.leadingDigitPosition
        let r = rhs.leadingDigitPosition
        if l != r { return l < r ? -1 : 1 }
        let e = Swift.min(lhs.exponent, rhs.exponent)
        let a = lhs.coefficient.timesPowerOfTen(lhs.exponent - e)
        let b = rhs.coefficient.timesPowerOfTen(rhs.exponent - e)
        return a < b ? -1 : (b < a ? 1 : 0)
    }

    // MARK: Rounding

    /// Rounded to `digits` significant digits, half away from zero.
    public func rounded(significantDigits digits: Int) -> YieldDecimal {
        precondition(digits >= 1 && digits <= YieldDecimal.maximumSignificantDigits, "significant digits out of range")
        let count = coefficient.decimalDigitCount
        guard count > digits else { return self }
        return roundedDropping(count - digits)
    }

    /// Rounded to `places` digits after the point, half away from zero (decimal.js `toFixed(places)`).
    public func rounded(decimalPlaces places: Int) -> YieldDecimal {
        guard !isZero, exponent < -places else { return self }
        return roundedDropping(-places - exponent)
    }

    /// The coefficient with its last `drop` (≥ 1) digits removed, rounding half away from zero.
    private func roundedDropping(_ drop: Int) -> YieldDecimal {
        let kept = coefficient.dividedByPowerOfTen(drop - 1).quotient
        var (result, last) = kept.quotientAndRemainder(dividingBy: 10)
        if last >= 5 { result = result + .one }
        return YieldDecimal(negative: isNegative, coefficient: result, exponent: exponent + drop)
    }

    /// The largest whole number not above the value (decimal.js `Decimal.floor`).
    public func floor() -> YieldDecimal {
        guard !isInteger else { return self }
        let (whole, exact) = coefficient.dividedByPowerOfTen(-exponent)
        let magnitude = isNegative && !exact ? whole + .one : whole
        return YieldDecimal(negative: isNegative, coefficient: magnitude, exponent: 0)
    }

    // MARK: Arithmetic

    /// The exact sum.
    static func exactSum(_ lhs: YieldDecimal, _ rhs: YieldDecimal) -> YieldDecimal {
        if lhs.isZero { return rhs }
        if rhs.isZero { return lhs }
        let e = Swift.min(lhs.exponent, rhs.exponent)
        let a = lhs.coefficient.timesPowerOfTen(lhs.exponent - e)
        let b = rhs.coefficient.timesPowerOfTen(rhs.exponent - e)
        if lhs.isNegative == rhs.isNegative { return YieldDecimal(negative: lhs.isNegative, coefficient: a + b, exponent: e) }
        return a < b
            ? YieldDecimal(negative: rhs.isNegative, coefficient: b - a, exponent: e)
            : YieldDecimal(negative: lhs.isNegative, coefficient: a - b, exponent: e)
    }

    /// `self + other`, rounded to `digits` significant digits.
    public func adding(_ other: YieldDecimal, significantDigits digits: Int) -> YieldDecimal {
        // An addend below a hundredth of the other's last place at `digits` digits cannot change the rounding
        // of an operand that already has at most `digits` digits.
        for (big, small) in [(self, other), (other, self)] where !big.isZero && !small.isZero {
            if big.coefficient.decimalDigitCount <= digits, small.leadingDigitPosition < big.leadingDigitPosition - digits - 2 {
                return big.rounded(significantDigits: digits)
            }
        }
        return YieldDecimal.exactSum(self, other).rounded(significantDigits: digits)
    }

    /// `self − other`, rounded to `digits` significant digits.
    public func subtracting(_ other: YieldDecimal, significantDigits digits: Int) -> YieldDecimal {
        adding(-other, significantDigits: digits)
    }

    /// `self · other`, rounded to `digits` significant digits.
    public func multiplied(by other: YieldDecimal, significantDigits digits: Int) -> YieldDecimal {
        YieldDecimal(
            negative: isNegative != other.isNegative, coefficient: coefficient * other.coefficient,
            exponent: exponent + other.exponent
        ).rounded(significantDigits: digits)
    }

    /// `self / other` (`other` ≠ 0), rounded to `digits` significant digits.
    public func divided(by other: YieldDecimal, significantDigits digits: Int) -> YieldDecimal {
        precondition(!other.isZero, "YieldDecimal division by zero")
        if isZero { return .zero }
        // A quotient of at least digits + 1 digits: rounding half up needs no sticky bit beyond it.
        let scale = Swift.max(0, digits + 2 + other.coefficient.decimalDigitCount - coefficient.decimalDigitCount)
        let quotient = coefficient.timesPowerOfTen(scale).quotientAndRemainder(dividingBy: other.coefficient).quotient
        return YieldDecimal(
            negative: isNegative != other.isNegative, coefficient: quotient,
            exponent: exponent - other.exponent - scale
        ).rounded(significantDigits: digits)
    }
}

extension UInt {
    fileprivate var toUInt64: UInt64 { UInt64(self) }
}
