import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip dividends`: a stock token's index path from a dividend schedule, its realized APY, the YT
/// interest it paid and a projection to maturity (batch op `dividends`).
struct DividendsCommand: Command {
    let name = "dividends"
    let abstract = "Index path, APY and YT interest of a stock token's dividends."
    let discussion = """
        Reinvests each dividend of --schedule (CSV or JSON; see examples/data/) net
        of --withholding, index ← index · (1 + dividend · (1 − withholding) /
        price), and divides splits out. Prints the index path over --from .. --to
        (default: one typical gap before the first dividend, to the last row), the
        realized APY, what one YT held through the window is paid (after --fee), and
        with --maturity the projected APY and the fair PT and YT prices (from the
        listed dividends, the window's trailing yield, or --assume-yield). With
        --market the fair prices stand beside the market's, read at the window's
        end: its implied APY, PT and YT prices, and how rich or cheap its PT is; the
        file supplies --maturity (its expiry), --to (its blockTime) and
        --stock-price when they are not given (options given win). A window the
        schedule does not cover (a dividend missing before the first row or after
        the last) is warned about on stderr. Times are ISO-8601 (2025-09-01,
        2025-09-01T08:00:00Z) or Unix seconds. --json prints the answer of the batch
        op 'dividends'; --csv prints the index path as CSV. --svg FILE also draws
        the index path, each dividend marked, and the projection to maturity.
        """
    let options: [OptionSpec] =
        [
            .value("schedule", valueName: "file", help: "The dividend schedule: a .csv or .json file.", required: true),
            .value(
                "withholding", valueName: "rate",
                help: "The withheld share of each dividend: 0.30, 30%, or standard (30%), treaty (15%), exempt (0%).",
                default: "0.30"),
            .value("from", valueName: "time", help: "The window's start (default: one typical gap before the first dividend)."),
            .value(
                "to", valueName: "time",
                help: "The window's end, where the projection starts (default: the market file's blockTime, else the last row)."),
            .value(
                "maturity", valueName: "time",
                help:
                    "Project the index from the window's end to this maturity; no row may be dated after it (default: the market's expiry, which it must equal with --market)."
            ),
            .value(
                "market", valueName: "file", help: "A market file on the token (see examples/markets/): compare its PT and YT with the fair ones."),
            .value(
                "assume-yield", valueName: "rate",
                help: "Project with this flat gross dividend yield (0.5% or 0.005) instead of listed dividends or the trailing yield."),
            .value("fee", valueName: "rate", help: "The protocol's fee on YT interest (0.03 or 3%).", default: "0.03"),
            .value("stock-price", valueName: "usd", help: "USD per share today, for USD values (default: the market file's stockPrice)."),
            .value(
                "price-assumption", valueName: "prices",
                help:
                    "Reinvest prices for rows without one: events (none missing), flat (the stock price), flat:PRICE, or growing:PRICE:RATE (from the window's end).",
                default: "events"),
            .flag("csv", help: "Print the index path as CSV instead of a table.")
        ] + ChartOutput.options + [CommonOptions.json]

    func run(_ invocation: Invocation) throws -> CommandOutput {
        if invocation.wantsJSON && invocation.flag("csv") {
            throw invocation.usageError("Give '--json' or '--csv', not both")
        }
        let path = try TokenizationValues.required(invocation, "schedule") { ValueParse.value($0) }
        let chart = try ChartOutput.request(invocation)
        let inputs = try inputs(invocation) {
            try ScheduleFileError.naming(path) { try Self.loadSchedule(path: path) }
        }
        let answer = try ScheduleFileError.naming(path) { try DividendsAnswer.build(inputs) }
        for warning in answer.library.warnings { try invocation.warn(warning.message) }
        try ChartOutput.write(JobCharts.dividends(answer.library, subject: try subject(invocation, schedulePath: path)), chart)
        if invocation.flag("csv") { return .text(answer.csvText) }
        return .text(invocation.wantsJSON ? answer.report.jsonText : answer.tableText)
    }

    /// What the chart is about: the market file's name with `--market`, else the schedule file's name.
    private func subject(_ invocation: Invocation, schedulePath: String) throws -> String {
        if let marketPath = invocation.option("market") { return try MarketFile.load(path: marketPath).chartSubject }
        return "schedule " + (schedulePath.split(separator: "/").last.map(String.init) ?? schedulePath)
    }

    /// The schedule file at `path` (CSV, or JSON for a `.json` name), read with a size limit
    /// (``FileBytes/inputLimit``).
    ///
    /// - Throws: `UnreadableFile` (the system's reason, too large, not UTF-8), or the schedule's errors.
    static func loadSchedule(path: String) throws(TokenizationError) -> DividendSchedule {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, limit: FileBytes.inputLimit, kind: "schedule file")
        } catch {
            throw .unreadableFile(path: path, reason: error.reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadableFile(path: path, reason: "not UTF-8 text")
        }
        return try ScheduleFiles.parseDividendSchedule(text, format: .forPath(path))
    }

    /// The options as the report's inputs: every value is read first (a malformed one is a usage
    /// error), then the schedule is loaded by `loadSchedule`, then the market file (`--market`), which
    /// supplies `--to` (its `blockTime`) and `--stock-price` when they are not given; the maturity
    /// defaults to the market's expiry in the library.
    private func inputs(_ invocation: Invocation, loadSchedule: () throws -> DividendSchedule) throws -> DividendsInputs {
        let withholding = try TokenizationValues.required(invocation, "withholding", TokenizationValues.withholdingRate)
        let from = try MarketOptions.time(invocation, "from")
        let to = try MarketOptions.time(invocation, "to")
        let maturity = try MarketOptions.time(invocation, "maturity")
        let fee = try TokenizationValues.required(invocation, "fee", TokenizationValues.fraction)
        let stockPrice = try invocation.parse(option: "stock-price") { TokenizationValues.number($0) }
        let prices = try TokenizationValues.required(invocation, "price-assumption", PriceAssumptionSpec.parse)
        let assumedYield = try invocation.parse(option: "assume-yield") { TokenizationValues.number($0, allowsPercent: true) }
        var inputs = DividendsInputs(schedule: try loadSchedule())
        inputs.withholdingRate = withholding
        inputs.priceAssumption = prices
        (inputs.from, inputs.to, inputs.maturity) = (from, to, maturity)
        inputs.feeRate = fee
        inputs.stockPriceUsd = stockPrice
        inputs.assumedYield = assumedYield
        if let marketPath = invocation.option("market") {
            let file = try MarketFile.load(path: marketPath)
            inputs.market = file.curve
            inputs.to = inputs.to ?? file.blockTime
            inputs.stockPriceUsd = inputs.stockPriceUsd ?? file.stockPrice
        }
        return inputs
    }
}

/// A schedule error reported with the file it is about: `data/bad.csv: line 4: date … comes before …`.
/// The name and arguments stay the library's.
struct ScheduleFileError: DomainError {
    let path: String
    let underlying: TokenizationError

    var errorName: String { underlying.errorName }
    var errorArgs: [String] { underlying.errorArgs }
    var message: String { "\(path): \(underlying.message)" }

    /// Runs `body`, naming `path` in any error about a line of the schedule.
    static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TokenizationError where error.line != nil || error == .emptySchedule {
            throw ScheduleFileError(path: path, underlying: error)
        }
    }
}
