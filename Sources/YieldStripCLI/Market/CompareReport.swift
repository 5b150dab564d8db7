import YieldStrip
import YieldStripJSON

/// What `yieldstrip compare` and the batch op `compare` read: the two venues, the request, the block time.
struct CompareInputs {
    var files: [AnyMarketFile]
    var request: VenueComparisonRequest
    var blockTime: Int64
    var blockTimeSource: TimeSource

    /// The venues' names: the files' `name`, else where they came from.
    var names: [String] { files.map { $0.name ?? $0.origin } }

    /// The comparison (``VenueComparison/compute(_:venueA:venueB:at:)``).
    func compute() throws -> VenueComparisonResult {
        try VenueComparison.compute(request, venueA: files[0].curve, venueB: files[1].curve, at: blockTime)
    }

    /// The chart's sweep: the sizes asked, from the smallest to the largest (one size: from a hundredth of it to
    /// ten times it), 49 sizes evenly in log.
    func sweep() throws -> [VenueSweepPoint] {
        let sizes = request.sizes.map(\.doubleValue)
        let low = sizes.min() ?? 1
        let high = sizes.max() ?? 1
        let (from, to) = low == high ? (low / 100, high * 10) : (low, high)
        return try VenueComparison.sweep(request, venueA: files[0].curve, venueB: files[1].curve, at: blockTime, from: from, to: to)
    }

    /// The stock price: the one given, else the files' (the same in both, or the only one). When the files
    /// disagree there is none, and a USD size (`needed`) is an error naming the prices.
    static func stockPrice(given: Double?, files: [AnyMarketFile], needed: Bool, conflict: (String) -> Error) throws -> Double? {
        if let given { return given }
        let prices = files.compactMap(\.stockPrice)
        guard let first = prices.first else { return nil }
        guard prices.allSatisfy({ $0 == first }) else {
            if needed {
                throw conflict(
                    "the market files give different stock prices (\(prices.map { TableFormat.significant($0) }.joined(separator: " and ")) USD per share)"
                )
            }
            return nil
        }
        return first
    }

    /// `1k`, `2.5m`, `1b`, `300`: a size with an optional thousand, million or billion suffix (either case), exact.
    static func size(_ text: String) -> ValueParse<Wad> {
        let trimmed = text.trimmingWhitespace()
        let powers: [Character: Int] = ["k": 3, "m": 6, "b": 9]
        guard let last = trimmed.last?.lowercased().first, let power = powers[last] else { return ValueText.wad(trimmed) }
        let digits = String(trimmed.dropLast())
        guard case .value(let base) = ValueText.wad(digits) else {
            return .invalid(reason: "expected a number with an optional k, m or b (1k, 2.5m)")
        }
        var raw = base.raw
        for _ in 0..<power {
            let (product, overflow) = raw.multipliedReportingOverflow(by: Int256(10))
            if overflow { return .invalid(reason: ValueText.unsignedWadTooLarge) }
            raw = product
        }
        return .value(Wad(raw: raw))
    }

    /// A comma list of sizes (`1k,10k,100k,1m`); at most ``VenueComparisonRequest/maximumSizes``.
    static func sizes(_ text: String) -> ValueParse<[Wad]> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= VenueComparisonRequest.maximumSizes else {
            return .invalid(reason: "at most \(VenueComparisonRequest.maximumSizes) sizes")
        }
        var values: [Wad] = []
        for part in parts {
            switch size(part) {
            case .value(let value): values.append(value)
            case .invalid(let reason): return .invalid(reason: "'\(part)': \(reason)")
            }
        }
        return .value(values)
    }
}

/// The answer of `yieldstrip compare` and the batch op `compare`.
///
/// Fields, in order: `side` (`buyPt`, `sellPt`), `unit` (`sy`, `shares`, `usd`, `pt`), `stockPrice`; `blockTime`,
/// `blockTimeISO`, `blockTimeSource`; `venues` (A then B: `venue`, `market` (the file's name, else its path),
/// `curve`, `expiry`, `expiryISO`, `secondsToExpiry`, `yearsToExpiry`, `assetPerSy` (wei: the PY index, or c),
/// `spotApy`, `annualFeeRate`, `largestInput` (wei: SY buying, PT selling), `largestInputShares`,
/// `largestInputUsd`, `largestInputInUnit`); `rows` (in increasing size: `size` (decimal text, in `unit`),
/// `better` (`A`, `B` or null), `advantageBp`, `advantageShares`, `advantageUsd`, and `fills`, A then B:
/// `venue`, `refused`, `error`, `errorArgs`, `message` (the venue's refusal, else null), `conversion`,
/// `amountGiven`, `amountIn`, `amountOut` (wei), `sharesIn`, `fillShares`, `effectiveApy`, `impliedApyAfter`,
/// `feeApy`, `impactApy`, `feeShares`, `feeUsd`, `trade`); `flips` (`from`, `to`, `lowerSize`, `upperSize`,
/// `flipSize`, `flipSizeLow`, `flipSizeHigh` (in `unit`), `relativePrecision`, `cause` (`rates`, `refusal`));
/// `assumptions`.
enum CompareReport {
    static let labels = ["A", "B"]

    static func build(_ result: VenueComparisonResult, names: [String], context: some BlockTimeContext) throws -> Report {
        var report = Report()
        report.append("side", .string(result.side.rawValue))
        report.append("unit", .string(result.unit.rawValue))
        report.object.append("stockPrice", analytic: result.stockPrice)
        context.appendBlockTime(to: &report)
        report.append(
            "venues",
            .array(
                try result.venues.enumerated().map { index, venue in
                    var object = JSONObject()
                    object.append("venue", .string(labels[index]))
                    object.append("market", .string(names[index]))
                    object.append("curve", .string(venue.curveName))
                    object.append("expiry", .number(JSONNumber(venue.expiry)))
                    object.append("expiryISO", .string(UnixTime.format(venue.expiry)))
                    object.append("secondsToExpiry", .number(JSONNumber(venue.secondsToExpiry)))
                    try object.append("yearsToExpiry", finite: venue.yearsToExpiry)
                    object.append("assetPerSy", .wei(venue.assetPerSy.raw))
                    try object.append("spotApy", finite: venue.spotApy)
                    try object.append("annualFeeRate", finite: venue.annualFeeRate)
                    object.append("largestInput", venue.largestInput.map { .wei($0.raw) } ?? .null)
                    object.append("largestInputShares", analytic: venue.largestInputShares)
                    object.append("largestInputUsd", analytic: venue.largestInputUsd)
                    object.append("largestInputInUnit", analytic: venue.largestInputInUnit)
                    return .object(object)
                }))
        report.append(
            "rows",
            .array(
                try result.rows.map { row in
                    var object = JSONObject()
                    object.append("size", .string(row.size.description))
                    object.append("better", row.better.map { .string(labels[$0]) } ?? .null)
                    object.append("advantageBp", analytic: row.advantageBp)
                    object.append("advantageShares", analytic: row.advantageShares)
                    object.append("advantageUsd", analytic: row.advantageUsd)
                    object.append(
                        "fills",
                        .array(try row.outcomes.enumerated().map { index, outcome in .object(try fillObject(outcome, venue: labels[index])) }))
                    return .object(object)
                }))
        report.append(
            "flips",
            .array(
                try result.flips.map { flip in
                    var object = JSONObject()
                    object.append("from", .string(labels[flip.betterBelow]))
                    object.append("to", .string(labels[flip.betterAbove]))
                    object.append("lowerSize", .string(flip.lowerSize.description))
                    object.append("upperSize", .string(flip.upperSize.description))
                    try object.append("flipSize", finite: flip.flipSize)
                    try object.append("flipSizeLow", finite: flip.flipSizeLow)
                    try object.append("flipSizeHigh", finite: flip.flipSizeHigh)
                    try object.append("relativePrecision", finite: result.flipPrecision)
                    object.append("cause", .string(flip.cause))
                    return .object(object)
                }))
        report.append("assumptions", .array(result.assumptions.map { .string($0) }))
        return report
    }

    static func fillObject(_ outcome: VenueOutcome, venue: String) throws -> JSONObject {
        var object = JSONObject()
        object.append("venue", .string(venue))
        let fill = outcome.fill
        switch outcome {
        case .filled:
            object.append("refused", .bool(false))
            for key in ["error", "errorArgs", "message"] { object.append(key, .null) }
        case .refused(let name, let args, let message):
            object.append("refused", .bool(true))
            object.append("error", .string(name))
            object.append("errorArgs", .array(args.map { .string($0) }))
            object.append("message", .string(message))
        }
        object.append("conversion", fill.map { .string($0.conversion) } ?? .null)
        object.append("amountGiven", fill.map { .wei($0.amountGiven.raw) } ?? .null)
        object.append("amountIn", fill.map { .wei($0.amountIn.raw) } ?? .null)
        object.append("amountOut", fill.map { .wei($0.amountOut.raw) } ?? .null)
        object.append("sharesIn", analytic: fill?.sharesIn)
        object.append("fillShares", analytic: fill?.fillShares)
        object.append("effectiveApy", analytic: fill?.effectiveApy)
        object.append("impliedApyAfter", analytic: fill?.impliedApyAfter)
        object.append("feeApy", analytic: fill?.feeApy)
        object.append("impactApy", analytic: fill?.impactApy)
        object.append("feeShares", analytic: fill?.feeShares)
        object.append("feeUsd", analytic: fill?.feeUsd)
        object.append("trade", fill.map { .string($0.venueTrade) } ?? .null)
        return object
    }

    // MARK: The table

    static func unitText(_ result: VenueComparisonResult) -> String {
        switch result.unit {
        case .usd: return "USD"
        case .sy: return "SY"
        case .shares: return "shares"
        case .pt: return "PT"
        }
    }

    /// The verdict of one row in words.
    static func verdict(_ row: VenueComparisonRow, result: VenueComparisonResult) -> String {
        let buying = result.side == .buyPt
        guard let better = row.better else {
            return row.outcomes.allSatisfy({ $0.fill == nil }) ? "neither venue fills \(row.size) \(unitText(result))" : "both venues fill alike"
        }
        guard let bp = row.advantageBp else {
            return "only \(labels[better]) fills \(row.size) \(unitText(result)) (\(labels[1 - better]) refuses)"
        }
        var text = "\(labels[better]) fills better by \(TableFormat.fixed(bp, digits: 2)) bp"
        if let shares = row.advantageShares {
            text += ": \(TableFormat.significant(shares, digits: 6)) more shares" + (buying ? " at maturity" : " now")
            if let usd = row.advantageUsd { text += " (\(TableFormat.fixed(usd, digits: 2)) USD)" }
        }
        return text
    }

    static func table(_ result: VenueComparisonResult, report: Report, titles: [String]) -> String {
        let buying = result.side == .buyPt
        var blocks: [String] = []
        blocks.append("A: " + titles[0] + "\nB: " + titles[1] + "\n")
        var header = TextTable()
        header.rows.append(["trade", buying ? "buy PT with SY (exact input)" : "sell PT for SY (exact input)"])
        if result.rows.count == 1, let row = result.rows.first {
            header.rows.append(["size", "\(row.size) \(unitText(result))"])
        } else {
            header.rows.append(["sizes", result.rows.map { $0.size.description }.joined(separator: ", ") + " " + unitText(result)])
        }
        if let display = report.displays["blockTime"] { header.rows.append(["block time", display]) }
        if let price = result.stockPrice { header.rows.append(["stock price (USD per share)", TableFormat.fixed(price, digits: 2)]) }
        blocks.append(header.render())
        var venues = TextTable(header: ["venue", "curve", "spot APY", "fee (annual)", "asset per SY", "largest \(buying ? "purchase" : "sale")"])
        for (index, venue) in result.venues.enumerated() {
            let largest =
                venue.largestInput.map {
                    "\($0) \(buying ? "SY" : "PT")" + (venue.largestInputUsd.map { " (\(TableFormat.fixed($0, digits: 0)) USD)" } ?? "")
                } ?? "none"
            venues.rows.append([
                labels[index], venue.curveName, TableFormat.percent(venue.spotApy), TableFormat.percent(venue.annualFeeRate),
                venue.assetPerSy.description, largest
            ])
        }
        blocks.append("venues\n" + venues.render(indent: 2))
        if result.rows.count == 1, let row = result.rows.first {
            var detail = TextTable(header: ["", "A", "B"])
            func line(_ label: String, _ value: (VenueFill) -> String) {
                detail.rows.append(
                    [label]
                        + row.outcomes.map { outcome in
                            switch outcome {
                            case .filled(let fill): return value(fill)
                            case .refused(let name, _, _): return "refused (\(name))"
                            }
                        })
            }
            line(buying ? "SY paid" : "PT sold") { $0.amountIn.description }
            line(buying ? "paid in shares (now)" : "PT sold (shares at maturity)") { TableFormat.significant($0.sharesIn, digits: 10) }
            line(buying ? "PT received (shares at maturity)" : "SY received") { $0.amountOut.description }
            if !buying { line("SY received in shares (now)") { TableFormat.significant($0.fillShares, digits: 10) } }
            line(buying ? "APY locked in" : "APY sold at") { TableFormat.percent($0.effectiveApy) }
            line("implied APY after") { TableFormat.percent($0.impliedApyAfter) }
            line("fee (APY)") { $0.feeApy.map { TableFormat.percent($0) } ?? "—" }
            line("price impact (APY)") { $0.impactApy.map { TableFormat.percent($0) } ?? "—" }
            line("fee (shares)") { TableFormat.significant($0.feeShares, digits: 6) }
            if result.stockPrice != nil { line("fee (USD)") { $0.feeUsd.map { TableFormat.fixed($0, digits: 2) } ?? "—" } }
            line("trade") { $0.venueTrade }
            blocks.append(detail.render())
            blocks.append(verdict(row, result: result) + ".\n")
            for (index, outcome) in row.outcomes.enumerated() {
                if case .refused(_, _, let message) = outcome { blocks.append("\(labels[index]) refuses: \(message)\n") }
            }
        } else {
            var rows = TextTable(header: [
                "size (\(unitText(result)))", buying ? "A: APY locked" : "A: APY sold at", buying ? "B: APY locked" : "B: APY sold at",
                "better", "by (bp)", result.stockPrice == nil ? "by (shares)" : "by (USD)"
            ])
            for row in result.rows {
                let cells = row.outcomes.map { outcome -> String in
                    switch outcome {
                    case .filled(let fill): return TableFormat.percent(fill.effectiveApy)
                    case .refused(let name, _, _): return "refused (\(name))"
                    }
                }
                let by =
                    result.stockPrice == nil
                    ? row.advantageShares.map { TableFormat.significant($0, digits: 6) }
                    : row.advantageUsd.map { TableFormat.fixed($0, digits: 2) }
                rows.rows.append(
                    [row.size.description] + cells + [
                        row.better.map { labels[$0] } ?? "—",
                        row.advantageBp.map { TableFormat.fixed($0, digits: 2) } ?? "—", by ?? "—"
                    ])
            }
            blocks.append(rows.render())
            var flips: [String] = []
            for flip in result.flips {
                flips.append(
                    "The better venue flips from \(labels[flip.betterBelow]) to \(labels[flip.betterAbove]) at about "
                        + "\(TableFormat.significant(flip.flipSize, digits: 6)) \(unitText(result)) (between \(flip.lowerSize) and \(flip.upperSize); "
                        + "bracketed to \(String(format: "%g", result.flipPrecision * 100)) %: "
                        + (flip.cause == "refusal" ? "\(labels[flip.betterBelow]) takes no more above it" : "the APYs cross there") + ").")
            }
            if flips.isEmpty && result.rows.count > 1 { flips.append("The better venue does not change across these sizes.") }
            blocks.append(flips.joined(separator: "\n") + "\n")
        }
        blocks.append("assumptions\n" + result.assumptions.map { "  - " + $0 }.joined(separator: "\n") + "\n")
        return blocks.joined(separator: "\n")
    }
}
