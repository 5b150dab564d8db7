import YieldStrip
import YieldStripJSON

/// `yieldstrip split`: stock tokens wrapped as SY and split into PT and YT (batch op `split`).
struct SplitCommand: Command {
    let name = "split"
    let abstract = "Split stock tokens into PT and YT: amounts, redemptions, values."
    let discussion = """
        Wraps --tokens stock tokens one to one as SY and mints PT and YT at the PY
        index, max(--exchange-rate, --index), with the contract's rounding (exact
        18-decimal amounts). With --expiry, the time to expiry runs from --at (default:
        the wall clock, and the output says so); --pt-implied-apy then values each leg
        in shares, and --stock-price in USD. Amounts and rates are read exactly (at
        most 18 decimals); times are ISO-8601 (2026-03-01, 2026-03-01T08:00:00Z) or
        Unix seconds. --json prints the answer of the batch op 'split'.
        """
    let options: [OptionSpec] = [
        .value("tokens", valueName: "amount", help: "Stock tokens to wrap and split (SY, 1 per token).", required: true),
        .value("exchange-rate", valueName: "rate", help: "The SY exchange rate: split-adjusted shares per token (1.0123).", required: true),
        .value("index", valueName: "index", help: "The yield contract's stored PY index (default: none, a fresh contract)."),
        .value("expiry", valueName: "time", help: "The PT's maturity, for the time to expiry."),
        .value("at", valueName: "time", help: "The valuation time (needs --expiry). Default: the wall clock."),
        .value("pt-implied-apy", valueName: "apy", help: "The PT's implied APY (0.0035 or 0.35%), to value PT and YT (needs --expiry)."),
        .value("stock-price", valueName: "usd", help: "USD per share, for USD values."),
        CommonOptions.json,
    ]

    func run(_ invocation: Invocation) throws -> CommandOutput {
        let inputs = try inputs(invocation)
        do {
            return .report(try SplitAnswer.build(inputs))
        } catch PendleError.yieldContractExpired {
            guard let expiry = inputs.expiry, let valuationTime = inputs.valuationTime else { throw PendleError.yieldContractExpired }
            throw YCExpiredAtValuationTime(expiry: expiry, valuationTime: valuationTime, source: inputs.valuationTimeSource)
        }
    }

    /// The options as the split's inputs; `--at` is read from the wall clock when `--expiry` is given alone.
    func inputs(_ invocation: Invocation) throws(UsageError) -> SplitInputs {
        var inputs = SplitInputs(
            tokens: try TokenizationValues.required(invocation, "tokens", TokenizationValues.amount),
            exchangeRate: try TokenizationValues.required(invocation, "exchange-rate", TokenizationValues.amount))
        inputs.pyIndexStored = try invocation.parse(option: "index", TokenizationValues.amount)
        inputs.expiry = try MarketOptions.time(invocation, "expiry")
        inputs.valuationTime = try MarketOptions.time(invocation, "at")
        inputs.ptImpliedApy = try invocation.parse(option: "pt-implied-apy") { TokenizationValues.number($0, allowsPercent: true) }
        inputs.stockPrice = try invocation.parse(option: "stock-price") { TokenizationValues.number($0) }
        if inputs.expiry == nil {
            if inputs.valuationTime != nil { throw invocation.usageError("'--at <time>' needs '--expiry <time>'") }
            if inputs.ptImpliedApy != nil { throw invocation.usageError("'--pt-implied-apy <apy>' needs '--expiry <time>'") }
        } else if inputs.valuationTime == nil {
            inputs.valuationTime = WallClock.now()
            inputs.valuationTimeSource = .wallClock
        }
        return inputs
    }
}

/// `YCExpired` (the yield contract's name) with the times involved and where the valuation time came
/// from: `split --expiry 2020-01-01` without `--at` values at the wall clock, and says so.
struct YCExpiredAtValuationTime: DomainError {
    let expiry: Int64
    let valuationTime: Int64
    let source: TimeSource

    var errorName: String { "YCExpired" }
    var errorArgs: [String] { [String(expiry), String(valuationTime)] }
    var message: String {
        "YCExpired: the yield contract expires at \(UnixTime.format(expiry)); the valuation time \(UnixTime.format(valuationTime)) "
            + "(\(source.rawValue)) is not before it, and PT + YT can no longer be minted; give --at a time before expiry"
    }
}
