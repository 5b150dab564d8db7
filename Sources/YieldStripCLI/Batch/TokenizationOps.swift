import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops for the tokenization of stock tokens: the yield contract's exact steps (`ytInterest`, `mintPy`,
/// `redeemPy`) and the ops behind the commands `split`, `dividends` and `yt-interest`, whose answers are
/// exactly what those commands print with `--json` (the same builder serves both doors).
///
/// Times (`expiry`, `valuationTime`, `from`, `to`, `maturity`) are Unix seconds (a JSON integer or a
/// decimal string) or ISO-8601 text; batch never reads a clock.
enum TokenizationOps {
    static let entries: [BatchOp] = [
        BatchOp("ytInterest", "balance, prevIndex, curIndex, feeRate (uint256) → interest, fee, paid: one InterestManagerYT step, then collection") {
            request in
            let step = try YTInterest.exactStep(
                balance: request.uint256("balance"), prevIndex: request.uint256("prevIndex"),
                curIndex: request.uint256("curIndex"), feeRate: request.uint256("feeRate"))
            return ["interest": .wei(step.interest), "fee": .wei(step.fee), "paid": .wei(step.paid)]
        },
        BatchOp("mintPy", "amountSy, pyIndex, expired? → amountPy: PT (= YT) minted, syToAsset rounded down") { request in
            let mint = try YieldContractMath.mintPy(
                amountSy: request.wad("amountSy"), pyIndex: request.wad("pyIndex"),
                expired: request.boolIfPresent("expired") ?? false)
            return ["amountPy": .wei(mint.amountPy.raw)]
        },
        BatchOp(
            "redeemPy",
            "amountPy, pyIndex, expired?, firstPYIndex? → amountSy, syToTreasury, firstPYIndex: assetToSy rounded down; after expiry PT alone"
        ) { request in
            let redeem = try YieldContractMath.redeemPy(
                amountPy: request.wad("amountPy"), pyIndex: request.wad("pyIndex"),
                firstPYIndex: request.wadIfPresent("firstPYIndex"),
                expired: request.boolIfPresent("expired") ?? false)
            return [
                "amountSy": .wei(redeem.amountSy.raw), "syToTreasury": .wei(redeem.syToTreasury.raw),
                "firstPYIndex": redeem.firstPYIndex.map { .wei($0.raw) } ?? .null
            ]
        },
        BatchOp(
            "split",
            "tokens, exchangeRate, pyIndexStored?, expiry?, valuationTime?, ptImpliedApy?, stockPrice?, market + pyIndex + blockTime? → PT/YT minted, redemptions, values (as 'split --json')"
        ) { request in
            try SplitAnswer.build(splitInputs(request)).object
        },
        BatchOp(
            "dividends",
            "schedule (CSV/JSON text or rows), withholding?, from?, to?, maturity?, feeRate?, stockPrice?, priceAssumption?, assumeYield?, market + pyIndex + blockTime? → index path, APY, YT interest, projection, market vs fair, warnings (as 'dividends --json')"
        ) { request in
            try DividendsAnswer.build(dividendsInputs(request)).report.object
        },
        BatchOp("ytInterestReport", "balance, indexFrom, indexTo, feeRate? → interest, fee, paid, exact and real (as 'yt-interest --json')") {
            request in
            var inputs = YTInterestInputs(
                balance: try request.wad("balance"), indexFrom: try request.wad("indexFrom"),
                indexTo: try request.wad("indexTo"))
            inputs.feeRate = try request.wadIfPresent("feeRate") ?? inputs.feeRate
            return try YTInterestAnswer.build(inputs).object
        }
    ]

    /// The `split` op's fields. With `market` (and its `pyIndex`, as the market ops take them, and an
    /// optional `blockTime`), the market fills what is not given, as `split --market FILE` does:
    /// `exchangeRate` and `pyIndexStored` are `pyIndex`, `expiry` the market's, `valuationTime` the
    /// `blockTime` (one of the two is required: batch never reads a clock), and `ptImpliedApy` the market's
    /// implied APY at the valuation time.
    static func splitInputs(_ request: BatchRequest) throws -> SplitInputs {
        let market = try marketReference(request)
        let exchangeRate: Wad
        if let market {
            exchangeRate = try request.wadIfPresent("exchangeRate") ?? market.reference.pyIndex
        } else {
            exchangeRate = try request.wad("exchangeRate")
        }
        var inputs = SplitInputs(tokens: try request.wad("tokens"), exchangeRate: exchangeRate)
        inputs.pyIndexStored = try request.wadIfPresent("pyIndexStored") ?? market?.reference.pyIndex
        inputs.expiry = try TimeField.read(request, "expiry") ?? market?.reference.expiry
        inputs.valuationTime = try TimeField.read(request, "valuationTime") ?? market?.blockTime
        inputs.ptImpliedApy = try request.doubleIfPresent("ptImpliedApy")
        inputs.stockPriceUsd = try request.doubleIfPresent("stockPrice")
        inputs.market = market?.reference
        if market != nil && inputs.valuationTime == nil {
            throw RequestError.badRequest(
                field: "valuationTime",
                reason: "missing field 'valuationTime' (or 'blockTime'): with 'market' the legs are valued at a time, and batch never reads a clock")
        }
        return inputs
    }

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
