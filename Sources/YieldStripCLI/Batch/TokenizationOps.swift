import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops for the tokenization of stock tokens, derived from the commands `split`, `dividends` and `yt-interest`
/// (`JobCommand`): exactly what those commands print with `--json`. (The yield contract's exact steps are
/// `YieldContractOps`, among the contract ops.)
///
/// Times (`expiry`, `valuationTime`, `from`, `to`, `maturity`) are Unix seconds (a JSON integer or a
/// decimal string) or ISO-8601 text; batch never reads a clock.
enum TokenizationOps {
    static let entries: [BatchOp] = [
        SplitCommand.batchOp,
        DividendsCommand.batchOp,
        YTInterestCommand.batchOp
    ]

    /// The optional market of a request: `market` (the state, as the market ops take it) with its
    /// `pyIndex` (wei, required with `market`) and an optional `blockTime` (a time ≥ 0); nil without
    /// `market` (then `pyIndex` and `blockTime` are not read).
    static func marketReference(_ request: BatchRequest) throws(RequestError) -> (reference: PendleV2Curve<Wad>, blockTime: Int64?)? {
        guard request.value("market") != nil else { return nil }
        let state = try MarketFields.market(request.object("market"))
        let pyIndex = try MarketFields.unsigned(request, "pyIndex")
        let blockTime = try TimeField.read(request, "blockTime", nonNegative: true)
        return (PendleV2Curve(market: state, pyIndex: pyIndex), blockTime)
    }

    /// The `dividends` op's fields. `schedule` is the text of a schedule file (CSV or JSON, sniffed) or
    /// an array of rows as in a JSON schedule's `events` (`exDate`, `amount`, `reinvestPrice`,
    /// `splitRatio`, `certainty`); an error about row N of the array says `line N`. `withholding` is a
    /// wad (wei) or `standard`, `treaty`, `exempt`; `priceAssumption` is text as for `--price-assumption`;
    /// `assumeYield` is a number (0.005 = 0.5 %). With `market` (and `pyIndex`, and an optional
    /// `blockTime`), as `dividends --market FILE`: `to` defaults to `blockTime` and `maturity` to the
    /// market's expiry, and the answer compares the market's PT and YT with the fair ones.
    static func dividendsInputs(_ request: BatchRequest) throws -> DividendsInputs {
        let schedule: DividendSchedule
        switch request.value("schedule") {
        case .string(let text)?:
            schedule = try ScheduleFiles.parseDividendSchedule(text)
        case .array(let rows)?:
            // An error about row N says line N.
            schedule = try ScheduleFiles.dividendSchedule(rows: rows)
        case let other:
            throw RequestError.badRequest(
                field: "schedule",
                reason: other == nil
                    ? "missing field 'schedule' (the schedule's CSV or JSON text, or an array of rows)"
                    : "field 'schedule' must be the schedule's CSV or JSON text or an array of rows; got \(quoted(other ?? .null))")
        }
        var inputs = DividendsInputs(schedule: schedule)
        if case .string(let text)? = request.value("withholding"), let rate = TokenizationValues.namedWithholding(text) {
            inputs.withholdingRate = rate
        } else if let rate = try request.wadIfPresent("withholding") {
            inputs.withholdingRate = rate
        }
        let market = try marketReference(request)
        inputs.from = try TimeField.read(request, "from")
        inputs.to = try TimeField.read(request, "to") ?? market?.blockTime
        inputs.maturity = try TimeField.read(request, "maturity")
        inputs.feeRate = try request.wadIfPresent("feeRate") ?? inputs.feeRate
        inputs.stockPriceUsd = try request.doubleIfPresent("stockPrice")
        inputs.assumedYield = try request.doubleIfPresent("assumeYield")
        inputs.market = market?.reference
        if let text = try request.stringIfPresent("priceAssumption") {
            guard let spec = PriceAssumptionSpec(text) else {
                throw RequestError.badRequest(
                    field: "priceAssumption",
                    reason: "field 'priceAssumption' must be \(PriceAssumptionSpec.expectation); got \"\(text)\"")
            }
            inputs.priceAssumption = spec
        }
        return inputs
    }
}
