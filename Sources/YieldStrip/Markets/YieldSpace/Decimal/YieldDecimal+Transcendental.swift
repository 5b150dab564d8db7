/// A signed binary fixed-point number, `±magnitude / 2^448`: the working format of ``YieldDecimal``'s
/// `ln`, `exp` and `pow` (about 134 significant decimal digits after the point).
struct BinaryFixed: Sendable {
    var negative: Bool
    var magnitude: BigUInt

    static let fractionBits = 448
    static let oneMagnitude = BigUInt.one << fractionBits
    static let zero = BinaryFixed(negative: false, magnitude: .zero)

    init(negative: Bool, magnitude: BigUInt) {
        self.negative = negative && !magnitude.isZero
        self.magnitude = magnitude
    }

    static func + (lhs: BinaryFixed, rhs: BinaryFixed) -> BinaryFixed {
        if lhs.negative == rhs.negative { return BinaryFixed(negative: lhs.negative, magnitude: lhs.magnitude + rhs.magnitude) }
        return lhs.magnitude < rhs.magnitude
            ? BinaryFixed(negative: rhs.negative, magnitude: rhs.magnitude - lhs.magnitude)
            : BinaryFixed(negative: lhs.negative, magnitude: lhs.magnitude - rhs.magnitude)
    }

    static prefix func - (value: BinaryFixed) -> BinaryFixed { BinaryFixed(negative: !value.negative, magnitude: value.magnitude) }

    static func - (lhs: BinaryFixed, rhs: BinaryFixed) -> BinaryFixed { lhs + -rhs }

    /// The product, truncated to the format.
    static func * (lhs: BinaryFixed, rhs: BinaryFixed) -> BinaryFixed {
        BinaryFixed(negative: lhs.negative != rhs.negative, magnitude: (lhs.magnitude * rhs.magnitude) >> fractionBits)
    }

    /// `self · n` for a whole number `n`.
    func times(_ n: Int) -> BinaryFixed {
        let factor = BigUInt(UInt64(n.magnitude))
        return BinaryFixed(negative: negative != (n < 0), magnitude: magnitude * factor)
    }

    /// `self / n` for a positive 32-bit `n`, truncated.
    func dividedBy(_ n: UInt32) -> BinaryFixed {
        BinaryFixed(negative: negative, magnitude: magnitude.quotientAndRemainder(dividingBy: n).quotient)
    }

    /// `ln 2`, and `ln 10 = 3 ln 2 + ln 1.25`, from `ln x = 2 atanh((x − 1)/(x + 1))`.
    static let ln2: BigUInt = atanhOfReciprocal(3).magnitude << 1
    static let ln10: BigUInt = ln2.multiplied(by: 3) + (atanhOfReciprocal(9).magnitude << 1)

    /// `atanh(1/n) = Σ 1/((2k+1) n^(2k+1))`.
    private static func atanhOfReciprocal(_ n: UInt32) -> BinaryFixed {
        var power = oneMagnitude.quotientAndRemainder(dividingBy: n).quotient
        var sum = power
        var k: UInt32 = 1
        while true {
            power = power.quotientAndRemainder(dividingBy: n * n).quotient
            let term = power.quotientAndRemainder(dividingBy: 2 * k + 1).quotient
            if term.isZero { break }
            sum = sum + term
            k += 1
        }
        return BinaryFixed(negative: false, magnitude: sum)
    }

    /// A decimal in this format (truncated toward zero).
    init(_ value: YieldDecimal) {
        let shifted = value.coefficient << BinaryFixed.fractionBits
        let magnitude =
            value.exponent >= 0
            ? shifted.timesPowerOfTen(value.exponent)
            : shifted.quotientAndRemainder(dividingBy: BigUInt.powerOfTen(-value.exponent)).quotient
        self.init(negative: value.isNegative, magnitude: magnitude)
    }

    /// `ln x` for a decimal x > 0.
    static func ln(_ x: YieldDecimal) -> BinaryFixed {
        precondition(!x.isNegative && !x.isZero)
        // x = coefficient · 10^e, coefficient = m · 2^k with m in [0.75, 1.5).
        let coefficient = x.coefficient
        var k = coefficient.bitWidth - 1
        func mantissa(_ k: Int) -> BigUInt { k <= fractionBits ? coefficient << (fractionBits - k) : coefficient >> (k - fractionBits) }
        var m = mantissa(k)
        if oneMagnitude.multiplied(by: 3) < m.multiplied(by: 2) {
            k += 1
            m = mantissa(k)
        }
        // ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 1/5.
        let below = m < oneMagnitude
        let numerator = below ? oneMagnitude - m : m - oneMagnitude
        let s = BinaryFixed(negative: below, magnitude: (numerator << fractionBits).quotientAndRemainder(dividingBy: m + oneMagnitude).quotient)
        let s2 = s * s
        var sum = s
        var power = s
        var divisor: UInt32 = 3
        while true {
            power = power * s2
            let term = power.dividedBy(divisor)
            if term.magnitude.isZero { break }
            sum = sum + term
            divisor += 2
        }
        let lnm = BinaryFixed(negative: sum.negative, magnitude: sum.magnitude << 1)
        return lnm + BinaryFixed(negative: false, magnitude: ln2).times(k) + BinaryFixed(negative: false, magnitude: ln10).times(x.exponent)
    }

    /// `e^v = F · 2^n` with F/2^448 in about [0.7, 1.42]; nil when |v| is beyond about 27,000 (results past
    /// about 10^±12,000).
    static func exp(_ v: BinaryFixed) -> (mantissa: BigUInt, binaryExponent: Int)? {
        guard v.magnitude.bitWidth <= fractionBits + 15 else { return nil }
        // n = round(v / ln 2), r = v − n ln 2, |r| ≤ ln 2 / 2.
        let (q, r0) = (v.magnitude + (ln2 >> 1)).quotientAndRemainder(dividingBy: ln2)
        guard let nMagnitude = q.uint64Value, nMagnitude < 40_000 else { return nil }
        let n = v.negative ? -Int(nMagnitude) : Int(nMagnitude)
        let r: BinaryFixed
        if v.negative {
            // −|v| + n ln 2 = (ln 2 / 2) − r0 where r0 = |v| + ln2/2 − n ln 2.
            r = BinaryFixed(negative: false, magnitude: ln2 >> 1) - BinaryFixed(negative: false, magnitude: r0)
        } else {
            r = BinaryFixed(negative: false, magnitude: r0) - BinaryFixed(negative: false, magnitude: ln2 >> 1)
        }
        // e^r = (e^(r / 2^10))^(2^10), the inner one by its Taylor series.
        let squarings = 10
        let reduced = BinaryFixed(negative: r.negative, magnitude: r.magnitude >> squarings)
        var sum = BinaryFixed(negative: false, magnitude: oneMagnitude)
        var term = sum
        var k: UInt32 = 1
        while true {
            term = (term * reduced).dividedBy(k)
            if term.magnitude.isZero { break }
            sum = sum + term
            k += 1
        }
        var result = sum.magnitude
        for _ in 0..<squarings { result = (result * result) >> fractionBits }
        return (result, n)
    }
}

extension YieldDecimal {
    /// The decimal nearest `magnitude · 2^binaryExponent`, rounded to `digits` significant digits.
    static func fromBinary(negative: Bool, magnitude: BigUInt, binaryExponent: Int, significantDigits digits: Int) -> YieldDecimal {
        if magnitude.isZero { return .zero }
        if binaryExponent >= 0 {
            return YieldDecimal(negative: negative, coefficient: magnitude << binaryExponent, exponent: 0).rounded(significantDigits: digits)
        }
        let shift = -binaryExponent
        // Keep digits + 8 decimal digits: coefficient = ⌊magnitude · 10^s / 2^shift⌋.
        let leading = Int((Double(magnitude.bitWidth - shift) * 0.30102999566398119521).rounded(.down))
        let s = digits + 8 - leading
        let coefficient =
            s >= 0
            ? (magnitude.timesPowerOfTen(s)) >> shift
            : (magnitude >> shift).dividedByPowerOfTen(-s).quotient
        return YieldDecimal(negative: negative, coefficient: coefficient, exponent: -s).rounded(significantDigits: digits)
    }

    /// `ln x` rounded to `digits` significant digits; nil for x ≤ 0.
    public func ln(significantDigits digits: Int) -> YieldDecimal? {
        guard !isNegative, !isZero else { return nil }
        if self == .one { return .zero }
        let value = BinaryFixed.ln(self)
        return YieldDecimal.fromBinary(
            negative: value.negative, magnitude: value.magnitude, binaryExponent: -BinaryFixed.fractionBits,
            significantDigits: digits)
    }

    /// `e^x` rounded to `digits` significant digits; nil when the result is beyond about 10^±12,000.
    public func exp(significantDigits digits: Int) -> YieldDecimal? {
        if isZero { return .one }
        guard let (mantissa, n) = BinaryFixed.exp(BinaryFixed(self)) else { return nil }
        return YieldDecimal.fromBinary(
            negative: false, magnitude: mantissa, binaryExponent: n - BinaryFixed.fractionBits,
            significantDigits: digits)
    }

    /// `self^y` rounded to `digits` significant digits, as decimal.js's `pow`: `x^0 = 1`, `1^y = 1`,
    /// `x^1 = x`, `0^y = 0` for y > 0, a negative base only to a whole power; otherwise `e^(y ln x)`.
    /// Nil where decimal.js answers NaN or ±Infinity (a negative base to a fractional power, `0^y` for
    /// y < 0) and for results beyond about 10^±12,000.
    public func power(_ y: YieldDecimal, significantDigits digits: Int) -> YieldDecimal? {
        if y.isZero { return .one }
        if isZero { return y.isNegative ? nil : .zero }
        if self == .one { return .one }
        if y == .one { return rounded(significantDigits: digits) }
        var negativeResult = false
        if isNegative {
            guard y.isInteger else { return nil }
            negativeResult = y.exponent == 0 && y.coefficient.quotientAndRemainder(dividingBy: 2).remainder == 1
        }
        let product = BinaryFixed(y) * BinaryFixed.ln(magnitude)
        guard let (mantissa, n) = BinaryFixed.exp(product) else { return nil }
        return YieldDecimal.fromBinary(
            negative: negativeResult, magnitude: mantissa, binaryExponent: n - BinaryFixed.fractionBits,
            significantDigits: digits)
    }
}
