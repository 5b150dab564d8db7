import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip dividends`: a stock token's index path from a dividend schedule, its realized APY, the YT
/// interest it paid and a projection to maturity (batch op `dividends`).
struct DividendsCommand: JobCommand {
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
    /// The schedule, the withholding, the window and the projection, the market to compare with, the fee,
    /// the stock price and reinvest prices, the chart and the output (`--csv`: the index path).
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
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
                    "market", valueName: "file", help: "A market file on the token (see examples/markets/): compare its PT and YT with the fair ones."
                ),
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
            ] + ChartOptions.specs + [CommonOptions.json]

        /// The schedule: a file on the command line (read when the job runs, its errors naming it), text or
        /// rows in batch.
        let schedule: ScheduleInput
        let withholdingRate: Wad
        let from: Int64?
        let to: Int64?
        let maturity: Int64?
        let feeRate: Wad
        let stockPriceUsd: Double?
        let priceAssumption: PriceAssumptionSpec
        let assumedYield: Double?
        /// The market to compare with: a file on the command line (its `blockTime` the default `--to`, its
        /// `stockPrice` the default `--stock-price`), `market` and `pyIndex` (and `blockTime`) in batch.
        let market: MarketDefaults?
        let chart: ChartOptions
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            output = try OutputOptions(fields)
            chart = try ChartOptions(fields)
            switch fields.door {
            case .command(let invocation):
                schedule = .file(try TokenizationValues.required(invocation, "schedule") { ValueParse.value($0) })
                withholdingRate = try TokenizationValues.required(invocation, "withholding", TokenizationValues.withholdingRate)
                from = try MarketOptions.time(invocation, "from")
                to = try MarketOptions.time(invocation, "to")
                maturity = try MarketOptions.time(invocation, "maturity")
                feeRate = try TokenizationValues.required(invocation, "fee", TokenizationValues.fraction)
                stockPriceUsd = try StrategyInputs.stockPrice(invocation)
                priceAssumption = try TokenizationValues.required(invocation, "price-assumption", PriceAssumptionSpec.parse)
                assumedYield = try invocation.parse(option: "assume-yield") { TokenizationValues.number($0, allowsPercent: true) }
                market = invocation.option("market").map { .file($0) }
            case .batch(let request):
                let inputs = try TokenizationOps.dividendsInputs(request)
                schedule = .inline(inputs.schedule)
                (withholdingRate, from, to, maturity) = (inputs.withholdingRate, inputs.from, inputs.to, inputs.maturity)
                (feeRate, stockPriceUsd, priceAssumption, assumedYield) = (
                    inputs.feeRate, inputs.stockPriceUsd, inputs.priceAssumption, inputs.assumedYield
                )
                market = inputs.market.map { .inline($0, blockTime: nil) }  // its blockTime is already the default `to`
            }
        }

        /// The report's inputs: the values given, the schedule read, and the market's defaults.
        func inputs() throws -> (inputs: DividendsInputs, chartSubject: String) {
            var inputs = DividendsInputs(schedule: try schedule.schedule())
            inputs.withholdingRate = withholdingRate
            inputs.priceAssumption = priceAssumption
            (inputs.from, inputs.to, inputs.maturity) = (from, to, maturity)
            inputs.feeRate = feeRate
            inputs.stockPriceUsd = stockPriceUsd
            inputs.assumedYield = assumedYield
            var subject = "schedule"
            if case .file(let path) = schedule { subject = "schedule " + (path.split(separator: "/").last.map(String.init) ?? path) }
            if let defaults = try market?.read() {
                // The market supplies --to (its blockTime) and --stock-price when they are not given; the
                // maturity defaults to the market's expiry in the library.
                inputs.market = defaults.curve
                inputs.to = inputs.to ?? defaults.blockTime
                inputs.stockPriceUsd = inputs.stockPriceUsd ?? defaults.stockPrice
                subject = defaults.chartSubject ?? subject
            }
            return (inputs, subject)
        }
    }

    static let opName = "dividends"
    static let opSummary =
        "schedule (CSV/JSON text or rows), withholding?, from?, to?, maturity?, feeRate?, stockPrice?, priceAssumption?, assumeYield?, market + pyIndex + blockTime? → index path, APY, YT interest, projection, market vs fair, warnings (as 'dividends --json')"

    /// The answer (a schedule file's errors naming it) and the chart's subject.
    static func build(_ options: Options) throws -> (answer: DividendsAnswer, chartSubject: String) {
        let (inputs, subject) = try options.inputs()
        guard case .file(let path) = options.schedule else { return (try DividendsAnswer.build(inputs), subject) }
        return (try ScheduleFileError.naming(path) { try DividendsAnswer.build(inputs) }, subject)
    }

    static func answer(_ options: Options) throws -> JobAnswer {
        let (answer, subject) = try build(options)
        return JobAnswer(
            report: answer.report, tableText: answer.tableText, warnings: answer.library.warnings.map(\.message),
            chart: { JobCharts.dividends(answer.library, subject: subject) })
    }

    /// As every job, but `--csv` prints the index path.
    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        guard options.output.format == .csv else { return try runJob(options, invocation) }
        let (answer, subject) = try Self.build(options)
        for warning in answer.library.warnings { try invocation.warn(warning.message) }
        try options.chart.write(JobCharts.dividends(answer.library, subject: subject))
        return .text(answer.csvText)
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
