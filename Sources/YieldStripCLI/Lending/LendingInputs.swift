import YieldStrip
import YieldStripJSON

/// Options and inputs the lending commands share: rate models, liquidation terms, PT oracles, paths, points.
enum LendingInputs {
    // MARK: Rate models

    static func modelOptions(required: Bool) -> [OptionSpec] {
        [
            .value(
                "model", valueName: "model",
                help: required
                    ? "The rate model: aave, morpho or kinked." : "A rate model for the borrow APR instead of --borrow-apr: aave, morpho or kinked."),
            .value("optimal", valueName: "rate", help: "Aave: the optimal usage ratio (1% to 99%, whole basis points)."),
            .value("base", valueName: "rate", help: "Aave: the base variable borrow rate (default 0)."),
            .value("slope1", valueName: "rate", help: "Aave: the variable rate slope 1 (up to the optimal ratio)."),
            .value("slope2", valueName: "rate", help: "Aave: the variable rate slope 2 (above it; at least slope 1)."),
            .value("rate-at-target", valueName: "rate", help: "Morpho: the stored rate at target, per year (default 4%, the initial)."),
            .value("points", valueName: "list", help: "Kinked: utilization:rate points from 0 to 100% (0:0,80%:8%,100%:100%).")
        ]
    }

    static let modelFields = ["optimal", "base", "slope1", "slope2", "rateAtTarget", "points"]

    /// The rate model named by `model`, with its parameters; nil when `model` is absent and not `required`.
    static func rateModel(_ source: DoorFields, required: Bool) throws -> LendingRateModel? {
        guard let kind = try source.text("model") else {
            if required { throw source.missing("model", "aave, morpho or kinked") }
            if let stray = modelFields.first(where: source.given) {
                throw source.conflict(
                    "\(source.name(stray)) is a rate model's parameter: give \(source.name("model")) aave, morpho or kinked with it", field: stray)
            }
            return nil
        }
        let own: [String: [String]] = ["aave": ["optimal", "base", "slope1", "slope2"], "morpho": ["rateAtTarget"], "kinked": ["points"]]
        guard let fields = own[kind] else { throw source.bad("model", "expected aave, morpho or kinked") }
        if let stray = modelFields.first(where: { source.given($0) && !fields.contains($0) }) {
            throw source.conflict("\(source.name(stray)) does not apply to the \(kind) model", field: stray)
        }
        switch kind {
        case "aave":
            let optimal = try source.required("optimal", "the optimal usage ratio, e.g. 92%", RateText.exact)
            let slope1 = try source.required("slope1", "slope 1, e.g. 12.5%", RateText.exact)
            let slope2 = try source.required("slope2", "slope 2, e.g. 35%", RateText.exact)
            return .aave(
                try AaveRateStrategy(optimalUsageRatio: optimal, base: try source.exactRate("base") ?? .zero, slope1: slope1, slope2: slope2))
        case "morpho":
            return .morpho(rateAtTarget: try source.exactRate("rateAtTarget") ?? (Wad(decimal: "0.04") ?? .zero))
        default:
            let points = try source.required("points", "utilization:rate pairs such as 0:0,80%:8%,100%:100%", Self.points)
            return .kinked(try KinkedRateCurve(points: points))
        }
    }

    static let pointsExpectation = "expected utilization:rate pairs such as 0:0,80%:8%,100%:100%"

    /// `0:0,80%:8%,100%:100%`: the kinked curve's points.
    static func points(_ text: String) -> ValueParse<[RateCurvePoint]> {
        var points: [RateCurvePoint] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard pair.count == 2, case .value(let u) = RateText.double(pair[0]), case .value(let r) = RateText.double(pair[1]) else {
                return .invalid(reason: pointsExpectation)
            }
            points.append(RateCurvePoint(utilization: u, rate: r))
        }
        return .value(points)
    }

    static let pathExpectation = "expected utilization:duration steps such as 0.5:10d,1:1d (durations in d, h, s or y; plain numbers are days)"

    /// `0.5:10d,1:1d`: a piecewise-constant utilization path.
    static func path(_ text: String) -> ValueParse<[UtilizationSegment]> {
        var segments: [UtilizationSegment] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard pair.count == 2, case .value(let u) = RateText.exact(pair[0]), let seconds = duration(pair[1]) else {
                return .invalid(reason: pathExpectation)
            }
            segments.append(UtilizationSegment(utilization: u, seconds: seconds))
        }
        return .value(segments)
    }

    /// `10d`, `12h`, `3600s`, `1y`, `2.5` (days): whole seconds, rounded.
    static func duration(_ text: String) -> Int64? {
        let trimmed = text.trimmingWhitespace().lowercased()
        var scale = Double(RateConventions.secondsPerDay)
        var number = trimmed
        if let last = trimmed.last, "dhsy".contains(last) {
            number = String(trimmed.dropLast())
            scale = last == "h" ? 3_600 : last == "s" ? 1 : last == "y" ? Double(RateConventions.secondsPerYear) : scale
        }
        guard case .value(let value) = ValueText.double(number, expecting: ""), value.isFinite, value >= 0, value * scale < 1e15 else { return nil }
        return Int64((value * scale).rounded())
    }

    // MARK: Liquidation terms

    static let termsOptions: [OptionSpec] = [
        .value(
            "protocol", valueName: "name", help: "The lending rules: aave (--ltv, --liquidation-threshold, --liquidation-bonus) or morpho (--lltv).",
            default: "aave"),
        .value("ltv", valueName: "rate", help: "Aave: the maximum loan-to-value to borrow (e.g. 80%)."),
        .value("liquidation-threshold", valueName: "rate", help: "Aave: the LTV at which the loan is liquidated (e.g. 85%)."),
        .value("liquidation-bonus", valueName: "rate", help: "Aave: the liquidator's bonus on the collateral seized (default 5%)."),
        .value("lltv", valueName: "rate", help: "Morpho: the market's LLTV (e.g. 86%): borrow up to it, liquidated past it.")
    ]

    static func terms(_ source: DoorFields) throws -> LiquidationTerms {
        let kind = try source.choice("protocol", ["aave", "morpho"], default: "aave")
        if kind == "morpho" {
            if let stray = ["ltv", "liquidationThreshold", "liquidationBonus"].first(where: source.given) {
                throw source.conflict("\(source.name(stray)) is Aave's: a Morpho market has one LLTV (\(source.name("lltv")))", field: stray)
            }
            return .morpho(lltv: try source.required("lltv", "the market's LLTV, e.g. 86%", RateText.exact))
        }
        if source.given("lltv") {
            throw source.conflict("\(source.name("lltv")) is Morpho's: give \(source.name("protocol")) morpho with it", field: "lltv")
        }
        let ltv = try source.required("ltv", "the maximum loan-to-value, e.g. 80%", RateText.double)
        let threshold = try source.required("liquidationThreshold", "the liquidation threshold, e.g. 85%", RateText.double)
        return .aave(maxLtv: ltv, liquidationThreshold: threshold, liquidationBonus: try source.rate("liquidationBonus") ?? 0.05)
    }

    // MARK: PT oracles

    static let oracleOptions: [OptionSpec] = [
        .value(
            "pt-oracle", valueName: "kind",
            help: "How the lender prices the PT: market, linear-discount (--discount), twap (--twap-apy) or fixed (--price).", default: "market"),
        .value("discount", valueName: "rate", help: "The linear-discount oracle's discount per year (e.g. 18%)."),
        .value("twap-apy", valueName: "apy", help: "The TWAP oracle's implied APY (e.g. 8%)."),
        .value("price", valueName: "asset", help: "A fixed PT price in shares per PT (e.g. 0.97).")
    ]

    static func oracle(_ source: DoorFields) throws -> PtOracle {
        let kind = try source.choice("ptOracle", PtOracle.names, default: "market")
        let own: [String: String] = ["linear-discount": "discount", "twap": "twapApy", "fixed": "price"]
        if let stray = ["discount", "twapApy", "price"].first(where: { source.given($0) && own[kind] != $0 }) {
            let owner = own.first { $0.value == stray }?.key ?? ""
            throw source.conflict("\(source.name(stray)) applies to \(source.name("ptOracle")) \(owner)", field: stray)
        }
        switch kind {
        case "linear-discount":
            return .linearDiscount(baseDiscountPerYear: try source.required("discount", "the discount per year, e.g. 18%", RateText.exact))
        case "twap": return .twap(apy: try source.required("twapApy", "the TWAP's implied APY, e.g. 8%", RateText.exact))
        case "fixed": return .fixed(price: try source.required("price", "the PT price in shares, e.g. 0.97", ValueText.wad))
        default: return .market
        }
    }

    // MARK: Borrow rates

    static let borrowRateOptions: [OptionSpec] =
        [
            .value("borrow-apr", valueName: "apr", help: "The borrow rate, APR (or a rate model: --model with --pool-supplied).")
        ] + modelOptions(required: false) + [
            .value("pool-supplied", valueName: "amount", help: "With --model: the lending pool's supply, in the borrowed asset's units."),
            .value("pool-borrowed", valueName: "amount", help: "With --model: what others borrowed from it already (default 0).")
        ]

    /// `borrowApr`, or a model at the utilization the loan leaves the pool at.
    static func borrowRate(_ source: DoorFields, default fixed: Double? = nil) throws -> LoopBorrowRate {
        let model = try rateModel(source, required: false)
        if let model {
            if source.given("borrowApr") {
                throw source.conflict("give \(source.name("borrowApr")) or a rate model (\(source.name("model"))), not both", field: "borrowApr")
            }
            let supplied = try source.required(
                "poolSupplied", "the lending pool's supply, for the utilization",
                { ValueText.double($0, expecting: TokenizationValues.numberExpectation) })
            return .model(model, poolSupplied: supplied, poolBorrowed: try source.number("poolBorrowed") ?? 0)
        }
        if let stray = ["poolSupplied", "poolBorrowed"].first(where: source.given) {
            throw source.conflict("\(source.name(stray)) sizes the lending pool for a rate model: give \(source.name("model")) with it", field: stray)
        }
        guard let apr = try source.rate("borrowApr") ?? fixed else { throw source.missing("borrowApr", "the borrow rate, e.g. 5%, or a rate model") }
        return .fixed(apr: apr)
    }

    // MARK: Tables

    static func percent(_ value: Double?, _ digits: Int = 4) -> String { TableFormat.percent(value, digits: digits) }
    static func usd(_ value: Double?) -> String { TableFormat.fixed(value, digits: 2) }
    static func real(_ value: Double?, _ digits: Int = 10) -> String { TableFormat.significant(value, digits: digits) }
}
