import YieldStrip
import YieldStripBatch
import YieldStripCharts
import YieldStripJSON

/// Options read through either door (``DoorFields``): one struct for a command's command line and its batch
/// op's request, the batch field being the option's name in camelCase.
protocol DoorOptions: ParsableOptions {
    /// Reads and validates the options from either door: a usage error on the command line, `BadRequest`
    /// in batch.
    init(_ fields: DoorFields) throws
    /// How the command prints its answer (`--json`, `--csv`); JSON in batch.
    var output: OutputOptions { get }
    /// The chart `--svg` asks for; none in batch.
    var chart: ChartOptions { get }
}

extension DoorOptions {
    init(parsing invocation: Invocation) throws { try self.init(DoorFields(invocation)) }
    var chart: ChartOptions { .none }
}

/// What a job answers through either door: the answer (the batch op's fields, the command's `--json` and
/// `--csv`), the table the command prints otherwise (nil: the answer's own table), the warnings (stderr on
/// the command line; the answer says them too) and the chart `--svg` draws.
struct JobAnswer {
    let report: Report
    let tableText: String?
    let warnings: [String]
    let chart: (() -> any Chart)?

    init(report: Report, tableText: String? = nil, warnings: [String] = [], chart: (() -> any Chart)? = nil) {
        self.report = report
        self.tableText = tableText
        self.warnings = warnings
        self.chart = chart
    }
}

/// A job described once, from which its command, its batch op and their help are derived: the command's
/// name, abstract and discussion, the `Options` (their specs are the command's options and, in camelCase,
/// the op's fields), and ``answer(_:)``, which both doors call.
protocol JobCommand: ParsableCommand where Options: DoorOptions {
    /// The batch op's name (`lockin`, `hedgeDelta`) and its one-line summary for `batch --list`.
    static var opName: String { get }
    static var opSummary: String { get }
    /// The job on options read from either door.
    static func answer(_ options: Options) throws -> JobAnswer
}

extension JobCommand {
    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput { try runJob(options, invocation) }

    /// The command's run: the answer, its warnings on stderr, the chart, then the table or the answer.
    func runJob(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let answer = try Self.answer(options)
        for warning in answer.warnings { try invocation.warn(warning) }
        if let chart = answer.chart { try options.chart.write(chart()) }
        guard !options.output.wantsAnswer, let table = answer.tableText else { return .report(answer.report) }
        return .text(table)
    }

    /// The batch op: the same options read from the request's fields, the same answer's object.
    static var batchOp: BatchOp {
        BatchOp(opName, opSummary) { request in try answer(Options(DoorFields(request))).report.object }
    }
}

// MARK: - The shared groups through either door

extension DoorFields {
    /// The command line, when this is the command's door.
    var invocation: Invocation? {
        if case .command(let invocation) = door { return invocation }
        return nil
    }

    /// The request, when this is the batch door.
    var request: BatchRequest? {
        if case .batch(let request) = door { return request }
        return nil
    }
}

extension OutputOptions {
    /// `--json`, `--csv` on the command line; JSON in batch.
    init(_ fields: DoorFields) throws {
        if let invocation = fields.invocation { try self.init(parsing: invocation) } else { self.init(format: .json) }
    }
}

extension ChartOptions {
    /// `--svg`, `--size` on the command line; none in batch.
    init(_ fields: DoorFields) throws {
        if let invocation = fields.invocation { try self.init(parsing: invocation) } else { self = .none }
    }
}

extension SizeOptions {
    /// The size: decimal units on the command line (`--sy 1.5`), wei in batch (`"sy": "1500000000000000000"`,
    /// `usd` in dollars); `--stock-price` on the command line (in batch the market context carries
    /// `stockPrice`).
    init(_ fields: DoorFields, others: [String] = []) throws {
        switch fields.door {
        case .command(let invocation): try self.init(parsing: invocation, others: others)
        case .batch(let request): self.init(size: try StrategyInputs.size(request, others: others), stockPriceUsd: nil)
        }
    }

    /// The size, which the job requires.
    func required(_ fields: DoorFields) throws -> PositionSize {
        switch fields.door {
        case .command(let invocation): return try required(invocation)
        case .batch:
            guard let size else {
                throw RequestError.badRequest(field: nil, reason: "give the size: one of sy, tokens, shares (wei) or usd (dollars)")
            }
            return size
        }
    }
}

/// The market a job runs on: `--market FILE` and `--at` on the command line (either curve; the block time
/// from `--at`, the file or the wall clock); in batch the request's market context (`market` and `pyIndex`,
/// or `"curve": "yieldspace"` and `pool`, or `marketFile`; `blockTime`, `stockPrice`).
struct MarketInput {
    static let specs = MarketFileOptions.specs

    enum Source {
        case file(MarketFileOptions, Invocation)
        case request(BatchRequest)
    }

    let source: Source

    /// The command line's market file and `--at`; nil in batch.
    var file: MarketFileOptions? {
        if case .file(let options, _) = source { return options }
        return nil
    }

    init(_ fields: DoorFields) throws {
        switch fields.door {
        case .command(let invocation): source = .file(try MarketFileOptions(parsing: invocation), invocation)
        case .batch(let request): source = .request(request)
        }
    }

    /// The market as the strategies read it, with the file's title and chart subject on the command line
    /// (the block time's source noted for the error messages); `stockPriceUsd`, when given, replaces the
    /// market's.
    func curveContext(stockPriceUsd: Double? = nil) throws -> CurveContext {
        var context: CurveContext
        switch source {
        case .file(let options, let invocation): context = try options.curveContext(invocation).context
        case .request(let request): context = try CurveContext(request: request)
        }
        if let stockPriceUsd { context.stockPrice = stockPriceUsd }
        return context
    }

    /// The market as a Pendle market (the lending jobs' PT): the file's (its title and chart subject) on the
    /// command line, the request's `market` and `pyIndex` in batch; `stockPriceUsd`, when given, replaces the
    /// market's.
    func pendleContext(stockPriceUsd: Double? = nil) throws -> (context: MarketContext, title: String?, chartSubject: String?) {
        var result: (context: MarketContext, title: String?, chartSubject: String?)
        switch source {
        case .file(let options, let invocation):
            let (file, context) = try options.pendleContext(invocation)
            result = (context, file.title, file.chartSubject)
        case .request(let request):
            result = (try MarketContext(request: request), nil, nil)
        }
        if let stockPriceUsd { result.context.stockPrice = stockPriceUsd }
        return result
    }
}

/// A dividend schedule as each door gives it: a file on the command line (read when the job runs), the
/// schedule's text or rows in batch.
enum ScheduleInput {
    case file(String)
    case inline(DividendSchedule)

    /// The schedule, a file read now (its errors naming it).
    func schedule() throws -> DividendSchedule {
        switch self {
        case .file(let path): return try ScheduleFileError.naming(path) { try DividendsCommand.loadSchedule(path: path) }
        case .inline(let schedule): return schedule
        }
    }
}

extension DoorFields {
    /// The jobs' reads, each as its door has always read it (``StrategyInputs``): the option's text on the
    /// command line, the field's JSON in batch, with each door's messages.
    var job: JobFields { JobFields(fields: self) }
}

/// The jobs' reads through either door (``DoorFields/job``).
struct JobFields {
    let fields: DoorFields

    /// A rate (`5%`, `50bp`, `0.05`).
    func rate(_ field: String) throws -> Double? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.rate(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.rate(request, field)
        }
    }

    /// An APY (a rate; on the command line a plain number above 1 is warned about: `3` is 300 %).
    func apy(_ field: String) throws -> Double? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.apy(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.rate(request, field)
        }
    }

    /// A rate read exactly (a wad).
    func exactRate(_ field: String) throws -> Wad? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.exactRate(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.exactRate(request, field)
        }
    }

    /// A withholding: a rate or `standard`, `treaty`, `exempt`.
    func withholding(_ field: String) throws -> Withholding? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.withholding(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.withholding(request, field)
        }
    }

    /// A list or range (`200..260:20`, `-30%..30%:10%`, `a,b,c`; in batch also an array).
    func range(_ field: String) throws -> ValueRange? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.range(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.range(request, field)
        }
    }

    /// A list of APYs (on the command line, plain numbers above 1 are warned about).
    func apyList(_ field: String) throws -> ValueRange? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.apyList(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.range(request, field)
        }
    }

    /// A finite number (a price in USD, days).
    func number(_ field: String) throws -> Double? {
        switch fields.door {
        case .command(let invocation): return try invocation.parse(option: DoorFields.option(field)) { TokenizationValues.number($0) }
        case .batch(let request): return try request.doubleIfPresent(field)
        }
    }

    /// A dividend schedule: a file on the command line, text or rows in batch.
    func schedule(_ field: String = "schedule") throws -> ScheduleInput? {
        switch fields.door {
        case .command(let invocation): return invocation.option(DoorFields.option(field)).map { .file($0) }
        case .batch(let request): return try StrategyInputs.schedule(request, field).map { .inline($0) }
        }
    }

    /// A decimal amount: decimal units on the command line, wei (or token units) in batch.
    func amount(_ field: String) throws -> Wad? {
        switch fields.door {
        case .command(let invocation): return try invocation.parse(option: DoorFields.option(field), ValueText.wad)
        case .batch(let request): return try request.wadIfPresent(field)
        }
    }
}

extension DoorFields {
    /// An error worded for each door: a usage error on the command line, `BadRequest` naming `field` in batch.
    func refuse(command: String, batch: String, field: String?) -> any Error {
        switch door {
        case .command(let invocation): return invocation.usageError(command)
        case .batch: return RequestError.badRequest(field: field, reason: batch)
        }
    }
}

extension JobFields {
    /// A position (`pt:1000,yt:-500` on the command line; in batch that text or an array of legs in wei).
    func position() throws -> Position? {
        switch fields.door {
        case .command(let invocation): return try HedgeInputs.optionalPosition(invocation)
        case .batch(let request): return request.value("position") == nil ? nil : try HedgeInputs.position(request)
        }
    }

    /// The position, which the job requires.
    func requiredPosition() throws -> Position {
        switch fields.door {
        case .command(let invocation): return try HedgeInputs.position(invocation)
        case .batch(let request): return try HedgeInputs.position(request)
        }
    }

    /// How the dividends are held: `token` (the default) or `stock`.
    func holding() throws -> YieldHolding {
        YieldHolding(rawValue: try fields.choice("heldAs", ["token", "stock"], default: "token")) ?? .token
    }
}
