import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops behind the human commands `rate`, `market show`, `market new`, `quote` and `depth`: each answers exactly the
/// fields the command prints with `--json` (the same report builder serves both).
///
/// Batch never reads a clock: `rate` needs `now` (or `secondsToExpiry`) and the market ops need
/// `blockTime`, so every answer is reproducible; the time fields report the source `"given"`.
enum AnalyticsOps {
    static let entries: [BatchOp] = [
        BatchOp(
            "rate",
            "one of apy, ptPrice, ytPrice, lnRate, ptPerAsset; expiry and now, or secondsToExpiry → every form, time to expiry, YT leverage, duration, exact wad forms"
        ) { request in
            try RateReport.build(rateInput(request), time: rateTime(request)).object
        },
        BatchOp(
            "marketSnapshot",
            "market, pyIndex (or curve yieldspace, pool), blockTime, stockPrice? → implied APY, PT/YT prices, proportion, rate scalar, anchor, fee rate, reserves, largest trades"
        ) { request in
            switch try CurveContext(request: request).venue {
            case .pendle(let context): return try MarketSnapshotReport.build(context).object
            case .yieldSpace(let context): return try YieldSpaceSnapshotReport.build(context).object
            }
        },
        BatchOp(
            "marketNew",
            "apy, expiry, blockTime, liquidityUsd, stockPrice, fee?, apyBand?, pyIndex?, reserveFeePercent?, name?, underlying?, source?, notes?, curve? (yieldspace: mu?, tsYears?, g1Fee?, decimals?) → a new market's file fields, implied APY and pool value read back (as 'market new --json')"
        ) { request in
            try MarketNewReport.answer(MarketNewInputs(request: request)).report.object
        },
        BatchOp(
            "quote",
            "market, pyIndex, blockTime, swap (a router swap op), its amount field (or for an SY amount sy|tokens|shares (wei)|usd), stockPrice? → amounts, fees, effective APY, price impact, limit, new market"
        ) { request in
            let kind = try swapKind(request)
            if request.value("curve") == .string(YieldSpaceMarketFile.curveName),
                case .yieldSpace(let pool) = try CurveContext(request: request).venue
            {
                return try yieldSpaceQuote(request, kind: kind, context: pool)
            }
            let context = try MarketContext(request: request)
            guard let size = try StrategyInputs.size(request, others: [kind.amountField]) else {
                guard request.value(kind.amountField) != nil else {
                    let sizes = QuoteReport.takesSize(kind) ? " (or, for this SY amount, sy, tokens, shares (wei) or usd)" : ""
                    throw RequestError.badRequest(
                        field: kind.amountField, reason: "missing field '\(kind.amountField)', the amount \(kind.rawValue) takes (wei)\(sizes)")
                }
                return try QuoteReport.build(context, swap: kind, amount: request.wad(kind.amountField)).object
            }
            guard QuoteReport.takesSize(kind) else {
                throw RequestError.badRequest(
                    field: size.unit, reason: "field '\(size.unit)' sizes an SY amount; \(kind.rawValue) takes \(kind.amountField)")
            }
            let sized = try QuoteReport.syAmount(size, context: context)
            return try QuoteReport.build(context, swap: kind, amount: sized.sy, size: sized).object
        },
        BatchOp(
            "compare",
            "markets (two file paths or market objects), blockTime, buyPt|sellPt, sy|shares|pt (wei)|usd or sizes with unit, stockPrice? → each venue's fill, effective APY, fee, impact, largest trade; the better venue and by how much; where it flips (as 'compare --json')"
        ) { request in
            try CompareOptions.answer(request)
        },
        BatchOp(
            "depth",
            "market, pyIndex, blockTime (or curve yieldspace, pool) → rows: implied APY after PT trades of 0.1 % … 50 % of the pool, both sides"
        ) { request in
            let context = try CurveContext(request: request)
            return try DepthReport.build(context, depth: DepthReport.depth(context)).object
        }
    ]

    /// `quote` on a YieldSpace pool: `swapExactSyForPt` (sellBase) with `exactSyIn` or a size, `swapExactPtForSy`
    /// (sellFYToken) with `exactPtIn`.
    static func yieldSpaceQuote(_ request: BatchRequest, kind: SwapKind, context: YieldSpaceContext) throws -> JSONObject {
        guard let trade = YieldSpaceQuoteReport.kind(kind) else {
            throw RequestError.badRequest(
                field: "swap",
                reason: "a YieldSpace pool quotes swapExactSyForPt (sellBase) and swapExactPtForSy (sellFYToken); \(kind.rawValue) does not apply")
        }
        guard let size = try StrategyInputs.size(request, others: [kind.amountField]) else {
            guard request.value(kind.amountField) != nil else {
                let sizes = trade == .buyPtWithSy ? " (or sy, tokens, shares (wei) or usd)" : ""
                throw RequestError.badRequest(
                    field: kind.amountField, reason: "missing field '\(kind.amountField)', the amount \(kind.rawValue) takes (wei)\(sizes)")
            }
            return try YieldSpaceQuoteReport.build(context, kind: trade, amount: request.wad(kind.amountField)).object
        }
        guard trade == .buyPtWithSy else {
            throw RequestError.badRequest(
                field: size.unit, reason: "field '\(size.unit)' sizes an SY amount; \(kind.rawValue) takes \(kind.amountField)")
        }
        let sized = try PositionSizing.convert(size, assetPerSy: context.curve.assetPerSy, stockPrice: context.stockPrice)
        return try YieldSpaceQuoteReport.build(context, kind: trade, amount: sized.sy, size: sized).object
    }

    /// The one rate field given (`apy`, `ptPrice`, `ytPrice`, `lnRate` or `ptPerAsset`): a JSON number or
    /// a string holding one.
    static func rateInput(_ request: BatchRequest) throws(RequestError) -> RateInput {
        let given = RateForm.allCases.filter { request.value($0.rawValue) != nil }
        let names = RateForm.allCases.map(\.rawValue).joined(separator: ", ")
        guard let form = given.first else {
            throw .badRequest(field: nil, reason: "give one of \(names)")
        }
        guard given.count == 1 else {
            throw .badRequest(
                field: given[1].rawValue,
                reason: "give exactly one of \(names); got \(given.map(\.rawValue).joined(separator: " and "))")
        }
        let text: String?
        switch request.value(form.rawValue) {
        case .number(let number)?: text = number.text
        case .string(let string)?: text = string
        default: text = nil
        }
        guard let text, let input = RateInput(form: form, text: text) else {
            throw .badRequest(
                field: form.rawValue,
                reason:
                    "field '\(form.rawValue)' must be a number (a JSON number or a string holding one); got \(quoted(request.value(form.rawValue) ?? .null))"
            )
        }
        return input
    }

    /// `secondsToExpiry`, or `expiry` and `now` (Unix seconds or ISO-8601 text).
    static func rateTime(_ request: BatchRequest) throws -> RateTime {
        let expiry = try TimeField.read(request, "expiry")
        let now = try TimeField.read(request, "now")
        if let seconds = try request.int64IfPresent("secondsToExpiry") {
            guard expiry == nil, now == nil else {
                throw RequestError.badRequest(field: "secondsToExpiry", reason: "give either secondsToExpiry or expiry and now, not both")
            }
            return .seconds(seconds)
        }
        guard let expiry else {
            throw RequestError.badRequest(
                field: "expiry", reason: "missing field 'expiry' (or give 'secondsToExpiry'); a time: Unix seconds or ISO-8601 text")
        }
        guard let now else {
            throw RequestError.badRequest(
                field: "now", reason: "missing field 'now' (the valuation time: Unix seconds or ISO-8601 text; batch reads no clock)")
        }
        return .untilExpiry(expiry: expiry, now: now, nowSource: .given)
    }

    /// The `swap` field: the name of a router swap.
    static func swapKind(_ request: BatchRequest) throws(RequestError) -> SwapKind {
        let name = try request.string("swap")
        guard let kind = SwapKind(rawValue: name) else {
            throw .badRequest(
                field: "swap", reason: "unknown swap '\(name)'; expected one of \(SwapKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }
}
