/// Balancer's `LogExpMath` as Pendle ships it: natural `exp` and `ln` on 18-decimal signed fixed point,
/// bit-exact.
///
/// ```
/// exp(x):  x ∈ [-41e18, 130e18], else "Invalid exponent"; e^(-x) = 1e36 / e^x.
///          x = Σ k_n·2^(7−n) + r: a product of tabulated e^(2^k) (2^7, 2^6 as integers, 2^5 … 2^-2 at
///          20 decimals) times a 12-term Taylor series of e^r at 20 decimals.
/// ln(a):   a > 0, else "out of bounds".
///          0.9e18 < a < 1.1e18 (exclusive): 8-term atanh series at 36 decimals, divided by 1e18.
///          a < 1e18 otherwise: −ln(1e36 / a). Else divide out the same table (plus 2^-3, 2^-4) and a
///          6-term atanh series at 20 decimals.
/// ```
/// Every intermediate division truncates toward zero and every operation wraps (the library is one
/// `unchecked` block); the results are the contract's to the wei. Accuracy against the true function:
/// ln within a few wei (ln(2) = 693147180559945309, the true value truncated), exp within ~1e-18 relative.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/core/libraries/math/LogExpMath.sol` (e8c2cca4).
public enum LogExpMath {
    public static let maxNaturalExponent = Int256(130) &* one18
    public static let minNaturalExponent = Int256(-41) &* one18

    @usableFromInline static let one18 = Int256(1_000_000_000_000_000_000)
    @usableFromInline static let one20 = Int256(bitPattern: UInt256(low128: UInt128(100_000_000_000_000_000_000)))
    @usableFromInline static let one36 = Int256(bitPattern: UInt256(low128: UInt128(1_000_000_000_000_000_000_000_000_000_000_000_000)))
    @usableFromInline static let ln36LowerBound = Int256(900_000_000_000_000_000)
    @usableFromInline static let ln36UpperBound = Int256(1_100_000_000_000_000_000)

    @usableFromInline static let x0 = Int256(bitPattern: UInt256(low128: UInt128(128_000_000_000_000_000_000)))
    @usableFromInline static let a0 = literal("38877084059945950922200000000000000000000000000000000000")
    @usableFromInline static let x1 = Int256(bitPattern: UInt256(low128: UInt128(64_000_000_000_000_000_000)))
    @usableFromInline static let a1 = Int256(bitPattern: UInt256(low128: UInt128(6_235_149_080_811_616_882_910_000_000)))

    /// x2 … x11 (20 decimals) and their exponentials a2 … a11 (20 decimals).
    @usableFromInline static let table: [(x: Int256, a: Int256)] = [
        ("3200000000000000000000", "7896296018268069516100000000000000"),
        ("1600000000000000000000", "888611052050787263676000000"),
        ("800000000000000000000", "298095798704172827474000"),
        ("400000000000000000000", "5459815003314423907810"),
        ("200000000000000000000", "738905609893065022723"),
        ("100000000000000000000", "271828182845904523536"),
        ("50000000000000000000", "164872127070012814685"),
        ("25000000000000000000", "128402541668774148407"),
        ("12500000000000000000", "113314845306682631683"),
        ("6250000000000000000", "106449445891785942956")
    ].map { (literal($0.0), literal($0.1)) }

    /// A decimal constant of the library (too wide for an integer literal). The texts above are fixed
    /// digit strings within int256, so parsing cannot fail; an empty parse would read as zero.
    static func literal(_ digits: String) -> Int256 { Int256(digits) ?? .zero }

    // MARK: exp

    /// `e^x` for an 18-decimal exponent; "Invalid exponent" outside [-41e18, 130e18].
    public static func exp(_ x: Int256) throws(PendleError) -> Int256 {
        guard x >= minNaturalExponent, x <= maxNaturalExponent else { throw .invalidExponent }
        if x.isNegative {
            // 1e36 / e^(-x): e^(-x) ≥ 1e18, never zero.
            return div(one36, expNonNegative(x.negatedWrapping))
        }
        return expNonNegative(x)
    }

    @usableFromInline
    static func expNonNegative(_ input: Int256) -> Int256 {
        var x = input
        let firstAN: Int256
        if x >= x0 {
            x = x &- x0
            firstAN = a0
        } else if x >= x1 {
            x = x &- x1
            firstAN = a1
        } else {
            firstAN = .one
        }
        x = x &* Int256(100)
        var product = one20
        for n in 0..<8 where x >= table[n].x {  // x2 … x9
            x = x &- table[n].x
            product = div20(product &* table[n].a)
        }
        var seriesSum = one20
        var term = x
        seriesSum = seriesSum &+ term
        for k in 2...12 {
            // ((term · x) / 1e20) / k in one division: nested floors of positive integers equal
            // ⌊term · x / (1e20 · k)⌋, and 1e20 · k = 2^20 · (5^20 · k).
            term = (term &* x).divided(by: seriesDivisors20[k - 2], shiftingRight: 20)
            seriesSum = seriesSum &+ term
        }
        return (div20(product &* seriesSum) &* firstAN).divided(by: .hundred)
    }

    // MARK: ln

    /// `ln(a)` for an 18-decimal argument; "out of bounds" for a ≤ 0.
    public static func ln(_ a: Int256) throws(PendleError) -> Int256 {
        guard a.isPositive else { throw .lnOutOfBounds }
        if ln36LowerBound < a && a < ln36UpperBound {
            return ln36(a).divided(by: .wad)
        }
        return lnGeneral(a)
    }

    @usableFromInline
    static func lnGeneral(_ input: Int256) -> Int256 {
        var a = input
        if a < one18 {
            // ln(a) = −ln(1e36 / a); a > 0 here.
            return lnGeneral(div(one36, a)).negatedWrapping
        }
        var sum = Int256.zero
        if a >= a0 &* one18 {
            a = div(a, a0)
            sum = sum &+ x0
        }
        if a >= a1 &* one18 {
            a = div(a, a1)
            sum = sum &+ x1
        }
        sum = sum &* Int256(100)
        a = a &* Int256(100)
        for entry in table where a >= entry.a {  // a2 … a11
            a = div(a &* one20, entry.a)
            sum = sum &+ entry.x
        }
        let z = div((a &- one20) &* one20, a &+ one20)
        let zSquared = div20(z &* z)
        var num = z
        var seriesSum = num
        for k in stride(from: 3, through: 11, by: 2) {
            num = div20(num &* zSquared)
            seriesSum = seriesSum &+ num.divided(by: DivisorReciprocal.small[k - 1])
        }
        seriesSum = seriesSum &* Int256(2)
        return (sum &+ seriesSum).divided(by: .hundred)
    }

    /// 36-decimal ln for 0.9 < x < 1.1 (the caller divides by 1e18).
    @usableFromInline
    static func ln36(_ input: Int256) -> Int256 {
        let x = input &* one18
        let z = div((x &- one36) &* one36, x &+ one36)
        let zSquared = div36(z &* z)
        var num = z
        var seriesSum = num
        for k in stride(from: 3, through: 15, by: 2) {
            num = div36(num &* zSquared)
            seriesSum = seriesSum &+ num.divided(by: DivisorReciprocal.small[k - 1])
        }
        return seriesSum &* Int256(2)
    }

    // MARK: Truncating division by the library's constants

    /// x / 1e20, truncating toward zero: 1e20 = 2^20 · 5^20, a shift and one 64-bit division.
    @inlinable
    static func div20(_ x: Int256) -> Int256 {
        x.divided(by: fivePower20, shiftingRight: 20)
    }

    @usableFromInline static let fivePower20 = DivisorReciprocal(nonZero: 95_367_431_640_625)
    /// 5^20 · k for k = 2 … 12: the divisors of exp's Taylor terms after the 2^20 shift.
    @usableFromInline static let seriesDivisors20: [DivisorReciprocal] = (2...12).map { DivisorReciprocal(nonZero: 95_367_431_640_625 * UInt64($0)) }

    /// x / 1e36, truncating toward zero (as two divisions by 1e18).
    @inlinable
    static func div36(_ x: Int256) -> Int256 {
        x.divided(by: .wad).divided(by: .wad)
    }

    /// x / d for a positive divisor, truncating toward zero.
    @inlinable
    static func div(_ x: Int256, _ d: Int256) -> Int256 {
        x.dividedReportingOverflow(by: d).partialValue
    }
}
