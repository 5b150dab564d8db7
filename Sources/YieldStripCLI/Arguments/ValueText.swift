import YieldStrip
import YieldStripJSON

/// A command-line value read from text, or why it cannot be: the reason completes the usage error
/// `The value 'X' is invalid for '<a>': REASON`. A value that is well formed but does not fit is said to be
/// too large, not malformed.
enum ValueParse<T> {
    case value(T)
    case invalid(reason: String)
}

/// How the commands read numbers: 18-decimal wads, wei integers, real numbers, whole seconds.
enum ValueText {
    static let decimalExpectation = "expected a decimal number with at most 18 fractional digits"
    static let weiExpectation = "expected an integer of wei"
    static let wadTooLarge = "too large: beyond the int256 range of 18-decimal values (about ±5.79e58)"
    static let weiTooLarge = "too large: beyond the int256 range (±2^255 wei, about ±5.79e76)"
    static let doubleTooLarge = "too large: beyond the range of a double (about ±1.8e308)"

    /// A decimal read exactly as a wad (`1.5`, `-0.000000000000000001`, `+2`, `.5`).
    static func wad(_ text: String) -> ValueParse<Wad> {
        if let value = Wad(decimal: text) { return .value(value) }
        guard let shape = decimalShape(text) else {
            // An exponent form the wad syntax does not take: too large when it is, else malformed.
            if JSONNumberSyntax.isNumber(text), let approx = Double(text) {
                if !(abs(approx) < 5.79e58) { return .invalid(reason: wadTooLarge) }
                return .invalid(reason: decimalExpectation + ", written without an exponent")
            }
            return .invalid(reason: decimalExpectation)
        }
        if shape.fractionDigits > 18 {
            return .invalid(reason: "\(decimalExpectation) (it has \(shape.fractionDigits); 18 decimals is the wei)")
        }
        return .invalid(reason: wadTooLarge)
    }

    /// An integer of wei (`1500000000000000000`, `-5`).
    static func wei(_ text: String) -> ValueParse<Wad> {
        if let value = Wad(weiText: text) { return .value(value) }
        if let shape = decimalShape(text), shape.fractionDigits == 0, !shape.hasPoint { return .invalid(reason: weiTooLarge) }
        return .invalid(reason: weiExpectation)
    }

    /// A wad in decimal units, or in wei when `inWei`.
    static func wad(_ text: String, inWei: Bool) -> ValueParse<Wad> { inWei ? wei(text) : wad(text) }

    static let unsignedWadTooLarge = "too large: beyond the uint256 range of 18-decimal values (about 1.16e59)"
    static let unsignedWeiTooLarge = "too large: beyond the uint256 range (2^256 − 1 wei, about 1.16e77)"

    /// A value ≥ 0 read exactly as a uint256 count of wei, up to 2^256 − 1 (what a batch op's `uint256`
    /// field takes): decimal units (`1.5`, at most 18 decimals), or wei when `inWei`. `negative` is the
    /// reason given for a value below zero.
    static func unsigned(_ text: String, inWei: Bool, negative: String) -> ValueParse<UInt256> {
        guard let shape = decimalShape(text), !(inWei && shape.hasPoint) else {
            if !inWei, JSONNumberSyntax.isNumber(text), let approx = Double(text) {
                if approx < 0 { return .invalid(reason: negative) }
                if !(approx < 1.16e59) { return .invalid(reason: unsignedWadTooLarge) }
                return .invalid(reason: decimalExpectation + ", written without an exponent")
            }
            return .invalid(reason: inWei ? weiExpectation : decimalExpectation)
        }
        if !inWei && shape.fractionDigits > 18 {
            return .invalid(reason: "\(decimalExpectation) (it has \(shape.fractionDigits); 18 decimals is the wei)")
        }
        var body = Substring(text)
        let isNegative = body.first == "-"
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let digits = String(parts[0]) + (inWei ? "" : fraction + String(repeating: "0", count: 18 - fraction.count))
        guard let magnitude = UInt256(digits.isEmpty ? "0" : digits) else {
            return .invalid(reason: isNegative ? negative : (inWei ? unsignedWeiTooLarge : unsignedWadTooLarge))
        }
        if isNegative && !magnitude.isZero { return .invalid(reason: negative) }
        return .value(magnitude)
    }

    /// `wei` in units, exactly: `1.5` for 1500000000000000000, `0.000000000000000001` for 1.
    static func units(ofWei wei: UInt256, negative: Bool = false) -> String {
        let (whole, fraction) = wei.quotientAndRemainder(dividingBy: 1_000_000_000_000_000_000 as UInt64)
        var text = (negative && !wei.isZero ? "-" : "") + whole.description
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 18 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// A decimal integer of wei (signed, up to 256 bits of magnitude) in units; nil when it is not one.
    static func units(ofWeiText text: String) -> String? {
        guard case .value(let negative, let magnitude) = DecimalInteger.parse(text) else { return nil }
        return units(ofWei: magnitude, negative: negative)
    }

    /// A finite real number (`0.05`, `1e-3`, `230`), read as `Double`.
    static func double(_ text: String, expecting: String) -> ValueParse<Double> {
        guard JSONNumberSyntax.isNumber(text) || Wad(decimal: text) != nil || decimalShape(text) != nil, let value = Double(text) else {
            return .invalid(reason: expecting)
        }
        guard value.isFinite else { return .invalid(reason: doubleTooLarge) }
        return .value(value)
    }

    /// A whole number of seconds that fits in 64 bits.
    static func seconds(_ text: String) -> ValueParse<Int64> {
        if let value = Int64(text) { return .value(value) }
        if let shape = decimalShape(text), shape.fractionDigits == 0, !shape.hasPoint {
            return .invalid(reason: "too large: beyond 64-bit seconds (about ±9.2e18)")
        }
        return .invalid(reason: "expected a whole number of seconds")
    }

    /// `[+-]digits[.digits]`, the shape of a plain decimal; nil for anything else.
    static func decimalShape(_ text: String) -> (fractionDigits: Int, hasPoint: Bool)? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let isDigits = { (part: Substring) in part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard !(integer.isEmpty && fraction.isEmpty), isDigits(integer), isDigits(fraction) else { return nil }
        return (fraction.count, parts.count > 1)
    }
}

extension Invocation {
    /// The positional argument `name` read by `convert`; a usage error with `convert`'s reason when it is
    /// invalid (or the argument is missing).
    func parse<T>(argument name: String, _ convert: (String) -> ValueParse<T>) throws(UsageError) -> T {
        guard let text = argument(name) else { throw usageError("Missing expected argument '<\(name)>'") }
        switch convert(text) {
        case .value(let value): return value
        case .invalid(let reason): throw usageError("The value '\(text)' is invalid for '<\(name)>': \(reason)")
        }
    }

    /// The option `--name` (or its default) read by `convert`; nil when absent with no default.
    func parse<T>(option name: String, _ convert: (String) -> ValueParse<T>) throws(UsageError) -> T? {
        guard let text = option(name) else { return nil }
        switch convert(text) {
        case .value(let value): return value
        case .invalid(let reason):
            let synopsis = command.options.first { $0.name == name }?.synopsis ?? "--\(name)"
            throw usageError("The value '\(text)' is invalid for '\(synopsis)': \(reason)")
        }
    }
}
