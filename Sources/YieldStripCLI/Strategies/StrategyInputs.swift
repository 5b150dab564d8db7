import YieldStrip
import YieldStripJSON

/// The inputs the strategy commands (`lockin`, `short-yt`) and their batch ops share, read the same way
/// through both doors: a size in one of four units, the stock price, rates (`5%`, `50bp`, `0.05`),
/// withholding rates (a rate or `standard`, `treaty`, `exempt`), value lists and ranges, schedules.
///
/// Batch fields are the options' names in camelCase: `sy`, `tokens`, `shares` (token amounts: wei, as
/// every batch amount), `usd` (dollars: a JSON number or decimal text), `stockPrice`, and rates as JSON
/// numbers (fractions) or text with a unit (`"5%"`, `"50bp"`).
enum StrategyInputs {
    // MARK: Sizing

    static let sizeOptions: [OptionSpec] = [
        .value("sy", valueName: "amount", help: "The size in SY (decimal units)."),
        .value("tokens", valueName: "amount", help: "The size in stock tokens (= SY on a stock-token market)."),
        .value("shares", valueName: "amount", help: "The size in shares (the asset), converted at the PY index."),
        .value("usd", valueName: "amount", help: "The size in USD, converted at the stock price.")
    ]

    static let stockPriceOption = OptionSpec.value(
        "stock-price", valueName: "usd",
        help: "USD per share today (default: the market file's stockPrice).")

    /// `--stock-price`: USD per share, finite and positive; nil when not given.
    static func stockPrice(_ invocation: Invocation) throws(UsageError) -> Double? {
        try invocation.parse(option: stockPriceOption.name) { TokenizationValues.number($0) }
    }

    /// The one size option given (`--sy`, `--tokens`, `--shares`, `--usd`); nil when none is; a usage error
    /// when several are or one is malformed. `others` are the options that also size the job (`--yt`).
    static func size(_ invocation: Invocation, others: [String] = []) throws(UsageError) -> PositionSize? {
        let names = PositionSize.units + others
        let given = names.filter { invocation.option($0) != nil }
        let list = names.map { "--" + $0 }.joined(separator: ", ")
        guard given.count <= 1 else {
            throw invocation.usageError("Give the size once, in one of \(list); got \(given.map { "--" + $0 }.joined(separator: " and "))")
        }
        guard let unit = given.first, PositionSize.units.contains(unit),
            let amount = try invocation.parse(option: unit, ValueText.wad)
        else { return nil }
        return PositionSize(unit: unit, amount: amount)
    }

    /// The one size field (`sy`, `tokens`, `shares` in wei; `usd` in dollars); nil when none is given.
    static func size(_ request: BatchRequest, others: [String] = []) throws(RequestError) -> PositionSize? {
        let names = PositionSize.units + others
        let given = names.filter { request.value($0) != nil }
        guard given.count <= 1 else {
            throw .badRequest(
                field: given[1], reason: "give the size once, in one of \(names.joined(separator: ", ")); got \(given.joined(separator: " and "))")
        }
        guard let unit = given.first, PositionSize.units.contains(unit) else { return nil }
        let amount = unit == "usd" ? try decimal(request, unit) : try request.wad(unit)
        return PositionSize(unit: unit, amount: amount)
    }

    /// The size field, required.
    static func requiredSize(_ request: BatchRequest) throws(RequestError) -> PositionSize {
        guard let size = try size(request) else {
            throw .badRequest(field: nil, reason: "give the size: one of sy, tokens, shares (wei) or usd (dollars)")
        }
        return size
    }

    /// A decimal field read exactly: a JSON number's text or a string (`10000`, `"2500.5"`); a number with
    /// an exponent is read through its `Double`.
    static func decimal(_ request: BatchRequest, _ name: String) throws(RequestError) -> Wad {
        let text: String
        switch request.value(name) {
        case .number(let number)?: text = number.text
        case .string(let string)?: text = string
        case let other:
            throw .badRequest(field: name, reason: "field '\(name)' must be a decimal number; got \(quoted(other ?? .null))")
        }
        if let exact = Wad(decimal: text) { return exact }
        guard let value = Double(text), let approx = Wad.shortestDecimal(value), approx.isZero == (value == 0) else {
            throw .badRequest(
                field: name,
                reason: "field '\(name)' must be a decimal number with at most 18 decimals (≥ 1e-18 when not zero); got \(quoted(.string(text)))")
        }
        return approx
    }

    // MARK: Rates

    /// The option `--name` as a rate (`5%`, `50bp`, `0.05`); nil when absent.
    static func rate(_ invocation: Invocation, _ name: String) throws(UsageError) -> Double? {
        try invocation.parse(option: name, RateText.double)
    }

    /// The option `--name` as an APY (``rate(_:_:)``), warning on stderr when it is above 100 % and written
    /// without a unit (`--hold-apy 3` is 300 %).
    static func apy(_ invocation: Invocation, _ name: String) throws -> Double? {
        guard let value = try rate(invocation, name), let text = invocation.option(name) else { return nil }
        if let warning = RateText.unitlessLargeApyWarning(option: "--" + name, text: text, value: value) { try invocation.warn(warning) }
        return value
    }

    /// A list of APYs (``range(_:_:)``), warning on stderr when one is above 100 % and the list has no unit.
    static func apyList(_ invocation: Invocation, _ name: String) throws -> ValueRange? {
        guard let list = try range(invocation, name) else { return nil }
        if list.unit == .fraction, let large = list.values.first(where: { $0 > 1 }) {
            try invocation.warn(
                "--\(name) reads plain numbers as fractions: \(TableFormat.percent(large, digits: 2)) a year is among them; write % or bp for percent or basis points"
            )
        }
        return list
    }

    /// The option `--name` as an exact rate (a wad); nil when absent.
    static func exactRate(_ invocation: Invocation, _ name: String) throws(UsageError) -> Wad? {
        try invocation.parse(option: name, RateText.exact)
    }

    /// A withholding option: a rate or `standard`, `treaty`, `exempt`; checked by the library.
    static func withholding(_ invocation: Invocation, _ name: String) throws -> Withholding? {
        guard let rate = try invocation.parse(option: name, TokenizationValues.withholdingRate) else { return nil }
        return try Withholding(rate: rate)
    }

    /// A rate field: a JSON number (a fraction) or text with an optional unit (`"5%"`, `"50bp"`).
    static func rate(_ request: BatchRequest, _ name: String) throws(RequestError) -> Double? {
        guard let text = try rateText(request, name) else { return nil }
        guard case .value(let rate) = RateText.double(text) else {
            throw .badRequest(
                field: name,
                reason: "field '\(name)' must be a rate: a number (0.05) or text such as \"5%\" or \"50bp\"; got \(quoted(.string(text)))")
        }
        return rate
    }

    /// A rate field read exactly (a wad).
    static func exactRate(_ request: BatchRequest, _ name: String) throws(RequestError) -> Wad? {
        guard let text = try rateText(request, name) else { return nil }
        guard case .value(let rate) = RateText.exact(text) else {
            throw .badRequest(
                field: name,
                reason:
                    "field '\(name)' must be a rate with at most 18 decimals: a number (0.5) or text such as \"50%\"; got \(quoted(.string(text)))")
        }
        return rate
    }

    /// A withholding field: a rate or `standard`, `treaty`, `exempt`.
    static func withholding(_ request: BatchRequest, _ name: String) throws -> Withholding? {
        if case .string(let text)? = request.value(name), let named = TokenizationValues.namedWithholding(text) {
            return try Withholding(rate: named)
        }
        return try exactRate(request, name).map { try Withholding(rate: $0) }
    }

    private static func rateText(_ request: BatchRequest, _ name: String) throws(RequestError) -> String? {
        switch request.value(name) {
        case nil: return nil
        case .number(let number)?: return number.text
        case .string(let text)?: return text
        case let other?:
            throw .badRequest(
                field: name, reason: "field '\(name)' must be a rate: a number (0.05) or text such as \"5%\" or \"50bp\"; got \(quoted(other))")
        }
    }

    // MARK: Lists

    /// A list option (`--name FROM..TO:STEP` or `a,b,c`, ``ValueRange``); nil when absent.
    static func range(_ invocation: Invocation, _ name: String) throws(UsageError) -> ValueRange? {
        try invocation.parse(option: name) { ValueRange.parse($0) }
    }

    /// A list field: an array of numbers (or rate texts), or a range text as on the command line.
    static func range(_ request: BatchRequest, _ name: String) throws(RequestError) -> ValueRange? {
        switch request.value(name) {
        case nil: return nil
        case .string(let text)?:
            switch ValueRange.parse(text) {
            case .value(let range): return range
            case .invalid(let reason): throw .badRequest(field: name, reason: "field '\(name)': \(reason)")
            }
        case .array(let elements)?:
            // Read as the comma list of the same texts, so a unit on one element applies to the others as on
            // the command line (["-10%", 0, 10] is -10 %, 0, 10 %).
            var texts: [String] = []
            for element in elements {
                switch element {
                case .number(let number): texts.append(number.text)
                case .string(let string) where !string.contains(","): texts.append(string)
                default: throw .badRequest(field: name, reason: "field '\(name)' must hold numbers or rate texts; got \(quoted(element))")
                }
            }
            guard !texts.isEmpty else { throw .badRequest(field: name, reason: "field '\(name)' is an empty list") }
            switch ValueRange.parse(texts.joined(separator: ",")) {
            case .value(let range): return range
            case .invalid(let reason): throw .badRequest(field: name, reason: "field '\(name)': \(reason)")
            }
        case let other?:
            throw .badRequest(
                field: name, reason: "field '\(name)' must be an array of numbers or a range text such as \"-30%..30%:10%\"; got \(quoted(other))")
        }
    }

    // MARK: Schedules

    /// A schedule field: the text of a schedule file (CSV or JSON, sniffed) or an array of rows as in a JSON
    /// schedule's `events` (`exDate`, `amount`, `reinvestPrice`, `splitRatio`, `certainty`); an error about
    /// row N of the array says `line N`. Nil when absent.
    static func schedule(_ request: BatchRequest, _ name: String = "schedule") throws -> DividendSchedule? {
        switch request.value(name) {
        case nil:
            return nil
        case .string(let text)?:
            return try ScheduleFiles.parseDividendSchedule(text)
        case .array(let rows)?:
            // An error about row N says line N.
            return try ScheduleFiles.dividendSchedule(rows: rows)
        case let other?:
            throw RequestError.badRequest(
                field: name, reason: "field '\(name)' must be the schedule's CSV or JSON text or an array of rows; got \(quoted(other))")
        }
    }

    /// Reinvest prices for schedule rows without their own: today's stock price when known.
    static func reinvestPrices(stockPrice: Double?) -> ReinvestPriceAssumption {
        stockPrice.flatMap(Wad.shortestDecimal).map { .flat(usdPerShare: $0) } ?? .eventPricesOnly
    }

    // MARK: Markets

    /// The context's curve (the file's market behind the strategies' interface).
    static func curve(_ context: MarketContext) -> PendleV2Curve<Wad> {
        PendleV2Curve(market: context.market, pyIndex: context.pyIndex)
    }
}
