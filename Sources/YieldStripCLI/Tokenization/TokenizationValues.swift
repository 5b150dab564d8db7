import Foundation
import YieldStrip
import YieldStripJSON

/// How the tokenization commands read their values from text: a malformed text gives the reason the
/// command turns into a usage error naming the option (`expected …`, or `too large: …` for a value of
/// the right form that does not fit); values of the right form but outside their domain (a negative
/// amount, a zero rate, a withholding above 100 %) are left for the library to reject with its own error
/// names.
enum TokenizationValues {
    /// A decimal amount read exactly: `100`, `1.0123`, `-5` (at most 18 decimals, never rounded).
    static func amount(_ text: String) -> ValueParse<Wad> { ValueText.wad(text) }

    /// A fraction read exactly: `0.30`, `30%` or `3000bp` (``RateText``).
    static let fractionExpectation = "expected a fraction such as 0.03, a percentage such as 3% or basis points such as 300bp"

    static func fraction(_ text: String) -> ValueParse<Wad> {
        switch RateText.exact(text) {
        case .value(let rate): return .value(rate)
        case .invalid(let reason):
            return .invalid(
                reason: reason.hasPrefix("too large") ? reason : reason.replacingOccurrences(of: RateText.expectation, with: fractionExpectation))
        }
    }

    /// A withholding rate: a fraction (`0.30`, `30%`) or a name (`standard` 30 %, `treaty` 15 %,
    /// `exempt` 0 %). The rate is checked against [0, 1] by the library (`InvalidWithholding`).
    static let withholdingExpectation = "expected a fraction (0.30), a percentage (30%) or one of standard, treaty, exempt"

    static func withholdingRate(_ text: String) -> ValueParse<Wad> {
        if let named = namedWithholding(text) { return .value(named) }
        if case .invalid(let reason) = fraction(text), !reason.hasPrefix("too large") { return .invalid(reason: withholdingExpectation) }
        return fraction(text)
    }

    /// The rate of a named withholding: `standard` (30 %), `treaty` (15 %), `exempt` (0 %); nil otherwise.
    static func namedWithholding(_ name: String) -> Wad? {
        switch name.lowercased() {
        case "standard": return Withholding.standard.rate
        case "treaty": return Withholding.treaty.rate
        case "exempt": return Withholding.exempt.rate
        default: return nil
        }
    }

    /// A finite real number: `0.0035`, `230`, `1e-3`; with `allowsPercent` a rate (``RateText``), also
    /// `0.35%` or `35bp` (read as 0.0035).
    static let numberExpectation = "expected a finite number"
    static let rateExpectation = "expected a fraction such as 0.0035, a percentage such as 0.35% or basis points such as 35bp"

    static func number(_ text: String, allowsPercent: Bool = false) -> ValueParse<Double> {
        if allowsPercent, case .invalid(let reason) = RateText.double(text) {
            return .invalid(reason: reason.hasPrefix("too large") ? reason : rateExpectation)
        }
        return allowsPercent ? RateText.double(text) : ValueText.double(text, expecting: numberExpectation)
    }

    /// A required option of a command, read by `convert`; a usage error when it is missing or invalid.
    static func required<T>(_ invocation: Invocation, _ name: String, _ convert: (String) -> ValueParse<T>) throws(UsageError) -> T {
        guard let value = try invocation.parse(option: name, convert) else {
            let synopsis = invocation.command.options.first { $0.name == name }?.synopsis ?? "--\(name)"
            throw invocation.usageError("Missing expected argument '\(synopsis)'")
        }
        return value
    }
}

extension PriceAssumptionSpec {
    static let expectation = "events, flat, flat:PRICE or growing:PRICE:RATE (for example flat:230 or growing:230:0.05)"

    /// The spec in `text`, or why it is not one (for the command's usage error).
    static func parse(_ text: String) -> ValueParse<PriceAssumptionSpec> {
        PriceAssumptionSpec(text).map { .value($0) } ?? .invalid(reason: "expected " + expectation)
    }

    /// The spec in `text` (its ``text`` read back; RATE may be a percentage, `5%`); nil when malformed.
    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first?.lowercased(), parts.count) {
        case ("events", 1):
            self = .eventPricesOnly
        case ("flat", 1):
            self = .flat(usdPerShare: nil)
        case ("flat", 2):
            guard let price = Wad(decimal: parts[1]) else { return nil }
            self = .flat(usdPerShare: price)
        case ("growing", 3):
            guard let price = Wad(decimal: parts[1]), case .value(let growth) = TokenizationValues.number(parts[2], allowsPercent: true) else {
                return nil
            }
            self = .growing(usdPerShare: price, annualGrowth: growth)
        default:
            return nil
        }
    }
}

extension TableFormat {
    /// A withholding or fee rate as a percentage, exact: `30%`, `15%`, `3%`, `0.5%`.
    static func percent(_ rate: Wad) -> String {
        let hundredfold = rate.raw.multipliedReportingOverflow(by: Int256(100))
        return hundredfold.overflow ? rate.description : Wad(raw: hundredfold.partialValue).description + "%"
    }
}
