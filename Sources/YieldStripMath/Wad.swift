/// An 18-decimal fixed-point number as the contracts hold it: a signed 256-bit count of wei
/// (`raw`), read as `raw / 1e18` units. `Wad(raw: 1_050_000_000_000_000_000)` is 1.05.
///
/// Text: ``init(decimal:)`` reads `"1.05"`, `"-0.5"`, `"12"` (at most 18 fractional digits, never
/// rounded); ``description`` writes the shortest exact decimal (`"1.05"`, `"12"`, `"-0.000000000000000001"`).
/// Raw wei integers go through ``init(weiText:)`` and ``weiDescription``.
///
/// Doubles: ``doubleValue`` is `raw / 1e18` correctly rounded (nearest, ties to even);
/// ``init(rounding:)`` is the wei nearest to `value · 1e18` computed exactly (ties to even).
@frozen
public struct Wad: Sendable, Hashable, Comparable {
    public var raw: Int256

    @inlinable public init(raw: Int256) { self.raw = raw }

    /// A whole number of units (`Wad(units: 3)` is 3e18 wei).
    @inlinable public init(units: Int64) { raw = Int256(units) &* PMath.iOne }

    public static let zero = Wad(raw: .zero)
    public static let one = Wad(raw: PMath.iOne)

    @inlinable public static func < (lhs: Wad, rhs: Wad) -> Bool { lhs.raw < rhs.raw }

    /// Parses a decimal integer of wei (`"1050000000000000000"`); nil outside int256.
    public init?(weiText: String) {
        guard let raw = Int256(weiText) else { return nil }
        self.raw = raw
    }

    /// The raw wei as a decimal integer.
    public var weiDescription: String { raw.description }
}

// MARK: - Decimal text

extension Wad: CustomStringConvertible {
    /// Parses `[+|-]digits[.digits]` with at most 18 fractional digits (`"1.05"`, `".5"`, `"-3"`).
    /// Nil for anything else or outside the int256 range.
    public init?(decimal text: String) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty), fractionPart.count <= 18,
            integerPart.allSatisfy({ $0.isASCII && $0.isNumber }),
            fractionPart.allSatisfy({ $0.isASCII && $0.isNumber }),
            !(parts.count > 1 && fractionPart.isEmpty && integerPart.isEmpty)
        else { return nil }
        let digits =
            (integerPart.isEmpty ? "0" : integerPart) + fractionPart
            + String(repeating: "0", count: 18 - fractionPart.count)
        guard let magnitude = UInt256(digits), let raw = Int256(negative: negative, magnitude: magnitude) else {
            return nil
        }
        self.raw = raw
    }

    /// The shortest exact decimal in units: `"1.05"`, `"12"`, `"-0.000000000000000001"`.
    public var description: String {
        let (whole, fraction) = raw.magnitude.quotientAndRemainder(dividingBy: PMath.oneLimb)
        var text = (raw.isNegative ? "-" : "") + whole.description
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 18 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text
    }
}

// MARK: - Double

extension Wad {
    /// `raw / 1e18` correctly rounded to the nearest `Double` (ties to even).
    public var doubleValue: Double {
        let magnitude = raw.magnitude
        if magnitude.isZero { return 0 }
        // Scale up so the integer quotient carries at least 66 significant bits, then fold the
        // remainder into a sticky bit: one correctly rounded conversion.
        let shift = Swift.max(0, 130 - magnitude.bitLength)
        let scaled = magnitude << shift
        let (q, r) = scaled.quotientAndRemainder(dividingBy: PMath.oneLimb)
        let sticky = r != 0 ? UInt256.one : .zero
        let value = Double(sign: .plus, exponent: -shift, significand: UInt256(w0: q.w0 | sticky.w0, w1: q.w1, w2: q.w2, w3: q.w3).doubleValue)
        return raw.isNegative ? -value : value
    }

    /// The wei nearest to `value · 1e18`, computed exactly from the binary value (ties to even).
    /// Nil when `value` is not finite or the result is outside int256.
    public init?(rounding value: Double) {
        guard value.isFinite else { return nil }
        if value == 0 {
            self = .zero
            return
        }
        let magnitude = value.magnitude
        let exponent = Int(magnitude.exponent)
        // magnitude = significand · 2^(exponent − 52), significand < 2^53.
        let significand: UInt64 =
            magnitude.isNormal
            ? magnitude.significandBitPattern | (1 << 52) : magnitude.significandBitPattern
        let e = magnitude.isNormal ? exponent - 52 : -1074
        let (product, _) = UInt256(significand).multipliedReportingOverflow(by: PMath.oneLimb)  // < 2^113
        var result: UInt256
        if e >= 0 {
            guard e < 256 - product.bitLength else { return nil }
            result = product << e
        } else if -e >= 256 {
            result = .zero
        } else {
            let shift = -e
            result = product >> shift
            let remainderMask = (UInt256.one << shift) &- .one
            let rem = UInt256(
                w0: product.w0 & remainderMask.w0, w1: product.w1 & remainderMask.w1,
                w2: product.w2 & remainderMask.w2, w3: product.w3 & remainderMask.w3)
            let half = UInt256.one << (shift - 1)
            if rem > half || (rem == half && result.w0 & 1 == 1) { result = result &+ .one }
        }
        guard let raw = Int256(negative: value < 0, magnitude: result) else { return nil }
        self.raw = raw
    }
}
