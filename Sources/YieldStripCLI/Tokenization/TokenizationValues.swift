import Foundation
import YieldStrip

/// How the tokenization commands and batch ops read their values from text, the same way on both
/// doors: a malformed text gives nil (the command turns it into a usage error naming the option, the
/// batch op into `BadRequest` naming the field); values of the right form but outside their domain
/// (a negative amount, a zero rate, a withholding above 100 %) are left for the library to reject
/// with its own error names.
enum TokenizationValues {
    /// A decimal amount read exactly: `100`, `1.0123`, `-5` (at most 18 decimals, never rounded).
    static let amountExpectation = "a decimal number with at most 18 fractional digits"

    static func amount(_ text: String) -> Wad? { Wad(decimal: text) }

    /// A fraction read exactly: `0.30` or `30%` (a percentage with at most 16 decimals).
    static let fractionExpectation = "a fraction such as 0.03 or a percentage such as 3%"

    static func fraction(_ text: String) -> Wad? {
        guard text.hasSuffix("%") else { return Wad(decimal: text) }
        guard let percent = Wad(decimal: String(text.dropLast()).trimmingCharacters(in: .whitespaces)) else { return nil }
        guard percent.raw.remainder(dividingByPositive: 100).isZero else { return nil }
        return Wad(raw: percent.raw.divided(byPositive: 100))
    }

    /// A withholding rate: a fraction (`0.30`, `30%`) or a name (`standard` 30 %, `treaty` 15 %,
    /// `exempt` 0 %). The rate is checked against [0, 1] by the library (`InvalidWithholding`).
    static let withholdingExpectation = "a fraction (0.30), a percentage (30%) or one of standard, treaty, exempt"

    static func withholdingRate(_ text: String) -> Wad? { namedWithholding(text) ?? fraction(text) }

    /// The rate of a named withholding: `standard` (30 %), `treaty` (15 %), `exempt` (0 %); nil otherwise.
    static func namedWithholding(_ name: String) -> Wad? {
        switch name.lowercased() {
        case "standard": return Withholding.standard.rate
        case "treaty": return Withholding.treaty.rate
        case "exempt": return Withholding.exempt.rate
        default: return nil
        }
    }

    /// A finite real number: `0.0035`, `230`, `1e-3`; with `allowsPercent`, also `0.35%` (read as 0.0035).
    static let numberExpectation = "a finite number"
    static let rateExpectation = "a fraction such as 0.0035 or a percentage such as 0.35%"

    static func number(_ text: String, allowsPercent: Bool = false) -> Double? {
        if allowsPercent && text.hasSuffix("%") {
            // Exactly when the percentage has at most 16 decimals (0.35% is the Double nearest 0.0035).
            if let exact = fraction(text) { return exact.doubleValue }
            return number(String(text.dropLast()).trimmingCharacters(in: .whitespaces)).map { $0 / 100 }
        }
        guard JSONNumberSyntax.isNumber(text) || Wad(decimal: text) != nil, let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    /// A required option of a command, converted; a usage error when it is missing or malformed.
    static func required<T>(_ invocation: Invocation, _ name: String, expecting: String,
                            _ convert: (String) -> T?) throws(UsageError) -> T {
        guard let value = try invocation.parse(option: name, expecting: expecting, convert) else {
            let synopsis = invocation.command.options.first { $0.name == name }?.synopsis ?? "--\(name)"
            throw invocation.usageError("Missing expected argument '\(synopsis)'")
        }
        return value
    }
}

/// Where a dividend without its own reinvest price gets one: `events` (every dividend row carries its
/// price), `flat:PRICE` (one USD price per share for all; `flat` alone takes the stock price given),
/// `growing:PRICE:RATE` (PRICE at the window's end, growing at RATE a year: for projections).
///
/// The same text is the `dividends` command's `--price-assumption` and the batch field `priceAssumption`.
enum PriceAssumptionSpec: Hashable, Sendable {
    case eventPricesOnly
    /// nil: the stock price given (`--stock-price`, `stockPrice`).
    case flat(usdPerShare: Wad?)
    case growing(usdPerShare: Wad, annualGrowth: Double)

    static let expectation = "events, flat, flat:PRICE or growing:PRICE:RATE (for example flat:230 or growing:230:0.05)"

    /// The spec in `text`; nil when malformed.
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
            guard let price = Wad(decimal: parts[1]), let growth = TokenizationValues.number(parts[2], allowsPercent: true) else {
                return nil
            }
            self = .growing(usdPerShare: price, annualGrowth: growth)
        default:
            return nil
        }
    }

    /// The spec as text, as it is echoed in answers (`events`, `flat:230`, `growing:230:0.05`).
    var text: String {
        switch self {
        case .eventPricesOnly: return "events"
        case .flat(let price): return price.map { "flat:\($0)" } ?? "flat"
        case let .growing(price, growth): return "growing:\(price):\(growth)"
        }
    }

    /// The library's assumption. `flat` alone needs `stockPrice` (`MissingInput` without it);
    /// `growing` starts at `windowEnd` (evaluated only for `growing`).
    func assumption(stockPrice: Double?, windowEnd: @autoclosure () throws -> Int64) throws -> ReinvestPriceAssumption {
        switch self {
        case .eventPricesOnly:
            return .eventPricesOnly
        case .flat(let price?):
            return .flat(usdPerShare: price)
        case .flat(nil):
            guard let stockPrice else {
                throw TokenizationError.missingInput(field: "price assumption 'flat'", needs: "a stock price (or write flat:PRICE)")
            }
            guard let price = Wad(rounding: stockPrice) else { throw TokenizationError.nonFiniteValue(field: "stock price") }
            return .flat(usdPerShare: price)
        case let .growing(price, growth):
            return .growing(usdPerShare: price, from: try windowEnd(), annualGrowth: growth)
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
