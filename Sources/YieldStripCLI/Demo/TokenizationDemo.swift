import YieldStrip
import YieldStripJSON

/// The demo's tokenization section: 100 tokens of an AAPL-like stock token whose dividends are
/// reinvested net of 30 % withholding, over the year 2024-09-01 → 2025-09-01 of `examples/data/aapl.csv`
/// (embedded below, so the demo runs from any directory), then split into PT and YT at the year-end
/// index and valued at $230 a share. Fixed dates: the output never depends on the clock.
enum TokenizationDemo {
    /// Where the embedded schedule lives in the repository (a test checks the two are equal).
    static let scheduleFilePath = "examples/data/aapl.csv"

    /// The contents of ``scheduleFilePath``.
    static let scheduleFileText = #"""
        # AAPL (Apple Inc.) cash dividends, quarterly, the last 8 ex-dates before Nov 2025.
        # Source: YieldStrip research notes (stock-tokens-dividends-hedging.md, section 3), which cite
        #   finspry.com, marketcapwatch.com and dividendpedia.com for the ex-dates and amounts.
        # Certainty: ex-dates and amounts verified (mark ✓ in the notes). reinvest_price is an approximate
        #   close near the ex-date (about ±3 %), not the issuer's actual reinvestment price.
        # Legend of the certainty column: verified = ✓, approximate = ~, unverified = ? (from memory).
        # Next ex-date 2025-11-10 ($0.26) is after the notes' cut-off and is not listed.
        ex_date,amount,reinvest_price,certainty
        2023-11-10,0.24,186,verified
        2024-02-09,0.24,188,verified
        2024-05-10,0.25,183,verified
        2024-08-12,0.25,217,verified
        2024-11-08,0.25,227,verified
        2025-02-10,0.25,227,verified
        2025-05-12,0.26,210,verified
        2025-08-11,0.26,227,verified

        """#

    static let window = "--from 2024-09-01 --to 2025-09-01"
    static let dividendsCommand = "dividends --schedule \(scheduleFilePath) --withholding 0.30 \(window)"
    static let index = "1.003214142718150519"
    static let splitCommand = "split --tokens 100 --exchange-rate \(index)"
    static let valuedSplitCommand = splitCommand + " --expiry 2026-03-01 --at 2025-09-01 --pt-implied-apy 0.0035 --stock-price 230"

    static let sections: [DemoSection] = [
        DemoSection(
            key: "tokenization", title: "3. 100 AAPL-like tokens: dividends reinvested (30% withheld), split into PT and YT",
            steps: [
                DemoStep(command: dividendsCommand) {
                    try outcome(dividends().report.object, "endIndex", .wad, "shares per token after the year's 4 dividends, 30% withheld")
                },
                DemoStep(command: dividendsCommand) {
                    try outcome(dividends().report.object, "realizedApy", .percent, "the token's realized APY over the year")
                },
                DemoStep(command: dividendsCommand) {
                    guard case .object(let perYT)? = try dividends().report.object["ytInterestPerYt"] else {
                        throw InternalError("the dividends answer has no ytInterestPerYt")
                    }
                    return try outcome(perYT, "paidSy", .wad, "SY paid to one YT held all year, after the 3% fee")
                },
                DemoStep(command: splitCommand) {
                    try outcome(SplitAnswer.build(split()).object, "amountPt", .wad, "PT minted, and as many YT: 100 × index, rounded down")
                },
                DemoStep(command: splitCommand) {
                    try outcome(SplitAnswer.build(split()).object, "pairRedeemsForSy", .wad, "PT + YT redeem together for the 100 SY put in")
                },
                DemoStep(command: valuedSplitCommand) {
                    try outcome(SplitAnswer.build(valuedSplit()).object, "ptValueUsd", .usd, "the PT leg in USD at a 0.35% implied APY, 6 months out")
                },
                DemoStep(command: valuedSplitCommand) {
                    try outcome(SplitAnswer.build(valuedSplit()).object, "ytValueUsd", .usd, "the YT leg in USD: the next 6 months of dividends")
                }
            ])
    ]

    /// How a step's result is shown in the table.
    enum ResultUnits {
        /// A wei string in units (`1.003214142718150519`).
        case wad
        /// A fraction as a percentage (`0.3214%`).
        case percent
        /// USD to the cent (`23033.98`).
        case usd
    }

    /// The step's outcome: the answer's member `key` and how it reads.
    static func outcome(_ answer: JSONObject, _ key: String, _ units: ResultUnits, _ note: String) throws -> DemoOutcome {
        guard let result = answer[key] else { throw InternalError("the demo's answer has no '\(key)'") }
        let text: String
        switch units {
        case .wad: text = answer.wad(key)?.description ?? "—"
        case .percent: text = TableFormat.percent(answer.number(key))
        case .usd: text = TableFormat.fixed(answer.number(key), digits: 2)
        }
        return DemoOutcome(result: result, resultUnits: .string(text), note: note)
    }

    /// The inputs of ``dividendsCommand`` (the schedule from the embedded text).
    static func dividends() throws -> DividendsAnswer {
        var inputs = DividendsInputs(schedule: try ScheduleFiles.parseDividendSchedule(scheduleFileText, format: .csv))
        inputs.withholdingRate = Withholding.standard.rate
        inputs.from = try UnixTime.parse("2024-09-01")
        inputs.to = try UnixTime.parse("2025-09-01")
        return try DividendsAnswer.build(inputs)
    }

    /// The inputs of ``splitCommand``.
    static func split() throws -> SplitInputs {
        guard let rate = Wad(decimal: index) else { throw InternalError("demo index '\(index)' is not a decimal") }
        return SplitInputs(tokens: Wad(units: 100), exchangeRate: rate)
    }

    /// The inputs of ``valuedSplitCommand``.
    static func valuedSplit() throws -> SplitInputs {
        var inputs = try split()
        inputs.expiry = try UnixTime.parse("2026-03-01")
        inputs.valuationTime = try UnixTime.parse("2025-09-01")
        inputs.ptImpliedApy = 0.0035
        inputs.stockPriceUsd = 230
        return inputs
    }
}
