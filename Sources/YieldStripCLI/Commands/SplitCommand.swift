import YieldStrip
import YieldStripJSON

/// `yieldstrip split`: stock tokens wrapped as SY and split into PT and YT (batch op `split`).
struct SplitCommand: JobCommand {
    let name = "split"
    let abstract = "Split stock tokens into PT and YT: amounts, redemptions, values."
    let discussion = """
        Wraps --tokens stock tokens one to one as SY and mints PT and YT at the PY
        index, max(--exchange-rate, --index), with the contract's rounding (exact
        18-decimal amounts). With --expiry, the time to expiry runs from --at (default:
        the wall clock, and the output says so); --pt-implied-apy then values each leg
        in shares, and --stock-price in USD. With --market the market file supplies
        each value not given (options given win): its PY index is the exchange
        rate and the stored index, its expiry --expiry, its blockTime --at, its
        stockPrice --stock-price, and its implied APY at the valuation time
        --pt-implied-apy, so the legs are valued at market prices. Amounts and
        rates are read exactly (at most 18 decimals); times are ISO-8601
        (2026-03-01, 2026-03-01T08:00:00Z) or Unix seconds. --json prints the
        answer of the batch op 'split'.
        """
    /// The tokens and the rates and times to split and value them at, the market file that fills what is not
    /// given, the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            [
                .value("tokens", valueName: "amount", help: "Stock tokens to wrap and split (SY, 1 per token).", required: true),
                .value(
                    "exchange-rate", valueName: "rate",
                    help:
                        "The SY exchange rate: split-adjusted shares per token (1.0123). Required without --market; default: the market file's pyIndex."
                ),
                .value(
                    "index", valueName: "index",
                    help: "The yield contract's stored PY index (default: the market file's pyIndex, else none: a fresh contract)."),
                .value("market", valueName: "file", help: "A market file on the token (see examples/markets/): supplies the values not given."),
                .value("expiry", valueName: "time", help: "The PT's maturity, for the time to expiry (default: the market's expiry)."),
                .value(
                    "at", valueName: "time",
                    help: "The valuation time (needs --expiry or --market). Default: the market file's blockTime, else the wall clock."),
                .value(
                    "pt-implied-apy", valueName: "apy",
                    help:
                        "The PT's implied APY (0.0035 or 0.35%), to value PT and YT (needs --expiry or --market; default: the market's at the valuation time)."
                ),
                .value("stock-price", valueName: "usd", help: "USD per share, for USD values (default: the market file's stockPrice).")
            ] + OutputOptions.specs

        let tokens: Wad
        let exchangeRate: Wad?
        let pyIndexStored: Wad?
        let expiry: Int64?
        let valuationTime: Int64?
        let ptImpliedApy: Double?
        let stockPriceUsd: Double?
        /// The market that fills what is not given: a file on the command line, `market` and `pyIndex` (with an
        /// optional `blockTime`) in batch.
        let market: MarketDefaults?
        let output: OutputOptions
        let fields: DoorFields

        /// Every value read; a malformed one, or a missing exchange rate without a market, is a usage error
        /// (`BadRequest` in batch).
        init(_ fields: DoorFields) throws {
            self.fields = fields
            switch fields.door {
            case .command(let invocation):
                tokens = try TokenizationValues.required(invocation, "tokens", TokenizationValues.amount)
                exchangeRate = try invocation.parse(option: "exchange-rate", TokenizationValues.amount)
                pyIndexStored = try invocation.parse(option: "index", TokenizationValues.amount)
                expiry = try MarketOptions.time(invocation, "expiry")
                valuationTime = try MarketOptions.time(invocation, "at")
                ptImpliedApy = try StrategyInputs.apy(invocation, "pt-implied-apy")
                stockPriceUsd = try StrategyInputs.stockPrice(invocation)
                market = invocation.option("market").map { .file($0) }
                if market == nil {
                    if exchangeRate == nil {
                        throw invocation.usageError(
                            "Missing expected argument '--exchange-rate <rate>' (or give '--market <file>', whose pyIndex it then is)")
                    }
                    if expiry == nil {
                        if valuationTime != nil { throw invocation.usageError("'--at <time>' needs '--expiry <time>' (or '--market <file>')") }
                        if ptImpliedApy != nil {
                            throw invocation.usageError("'--pt-implied-apy <apy>' needs '--expiry <time>' (or '--market <file>')")
                        }
                    }
                }
            case .batch(let request):
                let reference = try TokenizationOps.marketReference(request)
                market = reference.map { .inline($0.reference, blockTime: $0.blockTime) }
                exchangeRate = reference == nil ? try request.wad("exchangeRate") : try request.wadIfPresent("exchangeRate")
                tokens = try request.wad("tokens")
                pyIndexStored = try request.wadIfPresent("pyIndexStored")
                expiry = try TimeField.read(request, "expiry")
                valuationTime = try TimeField.read(request, "valuationTime")
                ptImpliedApy = try request.doubleIfPresent("ptImpliedApy")
                stockPriceUsd = try request.doubleIfPresent("stockPrice")
            }
            output = try OutputOptions(fields)
        }

        /// The split's inputs: the values given, then the market filling what was not: its PY index is the
        /// exchange rate and the stored index, its expiry the expiry, its block time the valuation time (on the
        /// command line, else the wall clock, when an expiry is known and no time is; batch reads no clock).
        func inputs() throws -> SplitInputs {
            let defaults = try market?.read()
            let (curve, blockTime) = (defaults?.curve, defaults?.blockTime)
            var inputs = SplitInputs(tokens: tokens, exchangeRate: exchangeRate ?? curve?.pyIndex ?? .zero)
            inputs.pyIndexStored = pyIndexStored ?? curve?.pyIndex
            inputs.expiry = expiry ?? curve?.expiry
            inputs.valuationTime = valuationTime
            inputs.ptImpliedApy = ptImpliedApy
            inputs.stockPriceUsd = stockPriceUsd ?? defaults?.stockPrice
            inputs.market = curve
            if let invocation = fields.invocation {
                if inputs.expiry != nil && inputs.valuationTime == nil {
                    if let blockTime {
                        inputs.valuationTime = blockTime
                        inputs.valuationTimeSource = .marketFile
                    } else {
                        inputs.valuationTime = WallClock.now()
                        inputs.valuationTimeSource = .wallClock
                    }
                }
                if inputs.valuationTime != nil { invocation.noteTimeSource(inputs.valuationTimeSource) }
            } else if curve != nil {
                inputs.valuationTime = inputs.valuationTime ?? blockTime
                if inputs.valuationTime == nil {
                    throw RequestError.badRequest(
                        field: "valuationTime",
                        reason:
                            "missing field 'valuationTime' (or 'blockTime'): with 'market' the legs are valued at a time, and batch never reads a clock"
                    )
                }
            }
            return inputs
        }
    }

    static let opName = "split"
    static let opSummary =
        "tokens, exchangeRate, pyIndexStored?, expiry?, valuationTime?, ptImpliedApy?, stockPrice?, market + pyIndex + blockTime? → PT/YT minted, redemptions, values (as 'split --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        JobAnswer(report: try SplitAnswer.build(options.inputs()))
    }
}
