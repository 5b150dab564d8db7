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
    /// The table, rendered only when it is printed (never in batch, nor for `--json` or `--csv`).
    let tableText: (() -> String)?
    let warnings: [String]
    let chart: (() -> any Chart)?

    /// An answer printed as its report's own table.
    init(report: Report, warnings: [String] = [], chart: (() -> any Chart)? = nil) {
        self.report = report
        tableText = nil
        self.warnings = warnings
        self.chart = chart
    }

    /// An answer with a table of its own, rendered when printed.
    init(report: Report, tableText: @escaping @autoclosure () -> String, warnings: [String] = [], chart: (() -> any Chart)? = nil) {
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
        return .text(table())
    }

    /// The batch op: the same options read from the request's fields, the same answer's object.
    static var batchOp: BatchOp {
        BatchOp(opName, opSummary) { request in try answer(Options(DoorFields(request))).report.object }
    }
}
