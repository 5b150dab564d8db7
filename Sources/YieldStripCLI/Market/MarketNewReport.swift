import YieldStrip
import YieldStripJSON

/// What `yieldstrip market new` and the batch op `marketNew` build a market from: the arguments of
/// ``MarketDeployment/newMarket(impliedApy:expiry:blockTime:liquidityUsd:stockPrice:annualFee:apyBand:pyIndex:reserveFeePercent:name:underlying:source:notes:)``.
struct MarketNewInputs: Sendable {
    var impliedApy: Double
    var expiry: Int64
    var blockTime: Int64
    var liquidityUsd: Double
    var stockPrice: Double
    var annualFee: Double = MarketDeployment.defaultAnnualFee
    /// nil: the default band, ``ApyBand/around(_:)``.
    var apyBand: ApyBand? = nil
    var pyIndex: Wad = .one
    var reserveFeePercent: Int64 = MarketDeployment.defaultReserveFeePercent
    var name: String? = nil
    var underlying: String? = nil
    var source: String? = nil
    var notes: String? = nil
    /// The curve: `pendle-v2`, or `yieldspace` with its own parameters (`pyIndex` is then `c`, base per share).
    var curve: String = MarketFile.pendleCurve
    /// YieldSpace: base per share when the pool began (nil: `c`), the time stretch in Yield years, the fee (fp4),
    /// the token's decimals.
    var mu: Wad? = nil
    var tsYears: Int = YieldSpaceDeployment.defaultTsYears
    var g1Fee: Int = YieldSpaceDeployment.defaultG1Fee
    var decimals: Int = 18

    var isYieldSpace: Bool { curve == YieldSpaceMarketFile.curveName }

    /// The batch op's fields: `apy`, `expiry`, `blockTime`, `liquidityUsd`, `stockPrice` (required); `fee`,
    /// `apyBand`, `pyIndex` (wei), `reserveFeePercent`, `name`, `underlying`, `source`, `notes` (optional). Rates
    /// (`apy`, `fee`, the band's ends) are JSON numbers (fractions) or strings as on the command line (`"0.3%"`,
    /// `"30bp"`, `"0.003"`); `apyBand` is `[min, max]` or `"MIN..MAX"`.
    init(request: some FieldReader) throws(RequestError) {
        impliedApy = try Self.rate(request, "apy", required: true) ?? 0
        expiry = try TimeField.required(request, "expiry", nonNegative: true)
        blockTime = try MarketFields.blockTime(request)
        liquidityUsd = try request.double("liquidityUsd")
        stockPrice = try request.double("stockPrice")
        annualFee = try Self.rate(request, "fee", required: false) ?? MarketDeployment.defaultAnnualFee
        apyBand = try Self.band(request)
        if request.value("pyIndex") != nil { pyIndex = try MarketFields.unsigned(request, "pyIndex") }
        reserveFeePercent = try request.int64IfPresent("reserveFeePercent") ?? MarketDeployment.defaultReserveFeePercent
        name = try request.stringIfPresent("name")
        underlying = try request.stringIfPresent("underlying")
        source = try request.stringIfPresent("source")
        notes = try request.stringIfPresent("notes")
        curve = try request.stringIfPresent("curve") ?? MarketFile.pendleCurve
        guard [MarketFile.pendleCurve, YieldSpaceMarketFile.curveName].contains(curve) else {
            throw .badRequest(
                field: "curve",
                reason: "field 'curve' must be '\(MarketFile.pendleCurve)' or '\(YieldSpaceMarketFile.curveName)'; got \(quoted(.string(curve)))")
        }
        if isYieldSpace {
            if request.value("mu") != nil { mu = try MarketFields.unsigned(request, "mu") }
            tsYears = try request.intIfPresent("tsYears") ?? YieldSpaceDeployment.defaultTsYears
            g1Fee = try request.intIfPresent("g1Fee") ?? YieldSpaceDeployment.defaultG1Fee
            decimals = try request.intIfPresent("decimals") ?? 18
        }
    }

    init(impliedApy: Double, expiry: Int64, blockTime: Int64, liquidityUsd: Double, stockPrice: Double) {
        self.impliedApy = impliedApy
        self.expiry = expiry
        self.blockTime = blockTime
        self.liquidityUsd = liquidityUsd
        self.stockPrice = stockPrice
    }

    /// A rate field: a JSON number, or a string holding a rate as ``RateText`` reads it.
    static func rate(_ request: some FieldReader, _ name: String, required: Bool) throws(RequestError) -> Double? {
        let path = request.fieldPath + name
        guard let value = request.value(name) else {
            if required {
                throw .badRequest(
                    field: path, reason: "missing field '\(path)' (a rate: a JSON number such as 0.003, or a string such as \"0.3%\" or \"30bp\")")
            }
            return nil
        }
        return try rate(value, path: path)
    }

    /// A rate value (a band's end, an APY): a JSON number or a string as ``RateText`` reads it.
    static func rate(_ value: JSONValue, path: String) throws(RequestError) -> Double {
        let text: String
        switch value {
        case .number(let number): text = number.text
        case .string(let string): text = string
        default:
            throw .badRequest(
                field: path,
                reason: "field '\(path)' must be a rate: a JSON number or a string such as \"0.3%\", \"30bp\" or \"0.003\"; got \(quoted(value))")
        }
        switch RateText.double(text) {
        case .value(let rate): return rate
        case .invalid(let reason):
            if reason.hasPrefix("too large") { throw .overflow(field: path, reason: "field '\(path)' is \(reason): \(quoted(value))") }
            throw .badRequest(field: path, reason: "field '\(path)' is not a rate: \(quoted(value)); \(RateText.expectation)")
        }
    }

    /// `apyBand`: `[min, max]` (numbers or rate strings) or `"MIN..MAX"`; nil when absent.
    static func band(_ request: some FieldReader) throws(RequestError) -> ApyBand? {
        let path = request.fieldPath + "apyBand"
        switch request.value("apyBand") {
        case nil, .null?: return nil
        case .array(let ends)?:
            guard ends.count == 2 else {
                throw .badRequest(field: path, reason: "field '\(path)' must have two ends, [min, max]; got \(ends.count)")
            }
            return ApyBand(min: try rate(ends[0], path: path + "[0]"), max: try rate(ends[1], path: path + "[1]"))
        case .string(let text)?:
            switch parseBand(text) {
            case .value(let band): return band
            case .invalid(let reason): throw .badRequest(field: path, reason: "field '\(path)' is \(quoted(.string(text))): \(reason)")
            }
        case let other?:
            throw .badRequest(
                field: path, reason: "field '\(path)' must be [min, max] or a string \"MIN..MAX\" such as \"0.1%..1%\"; got \(quoted(other))")
        }
    }

    static let bandExpectation = "expected a band MIN..MAX of rates, such as 0.1%..1% or 10bp..100bp"

    /// `MIN..MAX` (each a rate; a unit on either end applies to both, as in ``ValueRange``).
    static func parseBand(_ text: String) -> ValueParse<ApyBand> {
        guard text.contains(".."), !text.contains(":"), !text.contains(",") else { return .invalid(reason: bandExpectation) }
        switch ValueRange.parse(text, requiresStep: false) {
        case .value(let range) where range.values.count == 2:
            return .value(ApyBand(min: range.values[0], max: range.values[1]))
        case .value: return .invalid(reason: bandExpectation)
        case .invalid(let reason): return .invalid(reason: reason.replacingOccurrences(of: ValueRange.expectation, with: bandExpectation))
        }
    }
}

/// `yieldstrip market new` and the batch op `marketNew`: a new market built by the library, as its market
/// file and the values a user checks.
///
/// Answer fields, in order: the market file's (`name`, `underlying`, `curve`, `source`, `notes`, `stockPrice`,
/// `blockTime`, `pyIndex`, `market`; absent optional ones left out), so the answer is itself a market file; then
/// `impliedApy`, `poolValueInAsset`, `poolValueUsd` (read back from the state at `blockTime` exactly as
/// `market show` reads them), `apyBand` (`[min, max]`, the band used), `initialAnchor` (wei),
/// `initialProportion` (the rule's PT proportion), `expiryIsThursdayMidnightUtc`.
enum MarketNewReport {
    /// What `market new` built: its file's text and the answer.
    static func answer(_ inputs: MarketNewInputs, path: String? = nil) throws -> (fileText: String, report: Report) {
        if inputs.isYieldSpace {
            let (pool, report) = try buildYieldSpace(inputs, path: path)
            return (pool.file.jsonText, report)
        }
        let (market, report) = try build(inputs, path: path)
        return (market.file.jsonText, report)
    }

    /// A new YieldSpace pool (``YieldSpaceDeployment/newPool(impliedApy:maturity:blockTime:liquidityUsd:stockPrice:assetPerShare:assetPerShareAtStart:tsYears:g1Fee:decimals:name:underlying:source:notes:)``):
    /// the file's members (`name`, `underlying`, `curve`, `source`, `notes`, `stockPrice`, `blockTime`, `pool`),
    /// then `impliedApy`, `yieldApy` (Yield's 365.25-day year), `impliedApyError` (against the target),
    /// `poolValueInAsset` (base), `poolValueUsd`, `realFyTokenReserves` (units).
    static func buildYieldSpace(_ inputs: MarketNewInputs, path: String? = nil) throws -> (pool: NewYieldSpacePool, report: Report) {
        let built = try YieldSpaceDeployment.newPool(
            impliedApy: inputs.impliedApy, maturity: inputs.expiry, blockTime: inputs.blockTime, liquidityUsd: inputs.liquidityUsd,
            stockPrice: inputs.stockPrice, assetPerShare: inputs.pyIndex, assetPerShareAtStart: inputs.mu, tsYears: inputs.tsYears,
            g1Fee: inputs.g1Fee, decimals: inputs.decimals, name: inputs.name, underlying: inputs.underlying, source: inputs.source,
            notes: inputs.notes)
        let object = built.file.jsonObject
        var report = Report(title: "New YieldSpace pool" + (built.file.name.map { ": \($0)" } ?? ""))
        if let path { report.appendTableOnly("path", .string(path), label: "written to") }
        for member in object.members { report.append(member.key, member.value) }
        report.hiddenInTable.formUnion(object.keys)
        report.append("impliedApy", analytic: built.impliedApy, label: "implied APY (365-day year)") { TableFormat.percent($0) }
        report.append("yieldApy", analytic: built.yieldApy, label: "Yield's rate (365.25-day year)") { TableFormat.percent($0) }
        report.append("impliedApyError", analytic: built.impliedApyError, label: "implied APY off the target by") { TableFormat.significant($0) }
        report.append("poolValueInAsset", analytic: built.poolValueInAsset, label: "pool value (base)") { TableFormat.fixed($0, digits: 6) }
        report.append("poolValueUsd", analytic: built.poolValueUsd, label: "pool value (USD)") { TableFormat.fixed($0, digits: 2) }
        report.append("realFyTokenReserves", analytic: built.realFyTokenReserves, label: "real fyToken (all it sells before a zero rate)") {
            TableFormat.fixed($0, digits: 6)
        }
        return (built, report)
    }

    static func build(_ inputs: MarketNewInputs, path: String? = nil) throws -> (market: NewMarket, report: Report) {
        let built = try MarketDeployment.newMarket(
            impliedApy: inputs.impliedApy, expiry: inputs.expiry, blockTime: inputs.blockTime, liquidityUsd: inputs.liquidityUsd,
            stockPrice: inputs.stockPrice, annualFee: inputs.annualFee, apyBand: inputs.apyBand, pyIndex: inputs.pyIndex,
            reserveFeePercent: inputs.reserveFeePercent, name: inputs.name, underlying: inputs.underlying, source: inputs.source,
            notes: inputs.notes)
        let file = built.file
        var report = Report(title: "New market" + (file.name.map { ": \($0)" } ?? ""))
        if let path { report.appendTableOnly("path", .string(path), label: "written to") }
        for member in file.jsonObject.members { report.append(member.key, member.value) }
        report.hiddenInTable.formUnion(file.jsonObject.keys)
        report.append("impliedApy", analytic: built.impliedApy, label: "implied APY") { TableFormat.percent($0) }
        report.append("poolValueInAsset", analytic: built.poolValueInAsset, label: "pool value (asset)") { TableFormat.fixed($0, digits: 6) }
        report.append("poolValueUsd", analytic: built.poolValueUsd, label: "pool value (USD)") { TableFormat.fixed($0, digits: 2) }
        var band = JSONObject()
        band.append("min", analytic: built.apyBand.min)
        band.append("max", analytic: built.apyBand.max)
        report.append(
            "apyBand", .array([band["min"] ?? .null, band["max"] ?? .null]), label: "APY band",
            display: "\(TableFormat.percent(built.apyBand.min)) .. \(TableFormat.percent(built.apyBand.max))")
        report.append("initialAnchor", wad: built.initialAnchor, label: "initial anchor")
        report.append("initialProportion", analytic: built.initialProportion, label: "PT proportion") { TableFormat.percent($0) }
        report.append(
            "expiryIsThursdayMidnightUtc", .bool(built.expiryIsThursdayMidnightUtc), label: "expiry",
            display: UnixTime.format(inputs.expiry) + (built.expiryIsThursdayMidnightUtc ? " (Thursday 00:00 UTC)" : " (not a Thursday 00:00 UTC)"))
        return (built, report)
    }

    /// The stderr notice for an expiry that is not a Thursday 00:00 UTC (naming the Thursdays around it); nil
    /// for one that is.
    static func expiryWarning(_ expiry: Int64) -> String? {
        guard !MarketDeployment.isThursdayMidnightUtc(expiry) else { return nil }
        let week = MarketDeployment.secondsPerWeek
        let before = expiry - ((expiry % week) + week) % week
        return "expiry \(UnixTime.format(expiry)) is not a Thursday 00:00 UTC, as Pendle's expiries are "
            + "(the Thursdays around it: \(UnixTime.format(before)) and \(UnixTime.format(before + week)))"
    }
}
