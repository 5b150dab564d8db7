import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip hedge minvar`: the minimum-variance hedge ratio of two dated series (batch op `hedgeMinvar`).
struct HedgeMinVarCommand: JobCommand {
    let name = "minvar"
    let abstract = "Minimum-variance hedge ratio of a spot series on a hedge series."
    let discussion = """
        Joins the two CSV files on their dates, takes the --mode's changes between
        consecutive shared dates (levels uses the values themselves) and regresses
        the spot's on the hedge's by ordinary least squares: the slope is the
        minimum-variance hedge ratio h* = cov(ΔS, ΔF) / var(ΔF), the units of hedge
        to short per unit of spot (Hull), with its standard error, t-statistic,
        R² (hedge effectiveness) and correlation. Each file has a header with a
        'date' column (YYYY-MM-DD or Unix seconds, oldest first) and a value column:
        the one named by --spot-column / --hedge-column, else the only other
        numeric column; '#' starts a comment. Dates in one file only are left out
        of the join and reported (unmatchedDates, and a warning on stderr). --json
        prints the answer of the batch op 'hedgeMinvar'. --svg FILE also draws the
        pairs regressed and the fitted line.
        """
    /// The two series files and their value columns, the mode, the chart and the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            [
                .value("spot", valueName: "file", help: "The spot series (the position hedged): a CSV file with a date column.", required: true),
                .value("hedge", valueName: "file", help: "The hedge series (the instrument shorted): a CSV file with a date column.", required: true),
                .value("spot-column", valueName: "name", help: "The spot file's value column (default: its only numeric column besides date)."),
                .value("hedge-column", valueName: "name", help: "The hedge file's value column (default: its only numeric column besides date)."),
                .value("mode", valueName: "mode", help: "What is regressed: levels, differences, returns or log-returns.", default: "differences")
            ] + ChartOptions.specs + OutputOptions.specs

        let mode: HedgeChangeMode
        /// The two series: files on the command line (read when the job runs), CSV text or rows in batch.
        let spot: SeriesInput
        let hedge: SeriesInput
        let chart: ChartOptions
        let output: OutputOptions

        enum SeriesInput {
            case file(path: String, column: String?)
            case inline(DatedSeries)

            func series() throws -> DatedSeries {
                switch self {
                case .file(let path, let column): return try DatedSeries.load(path: path, valueColumn: column)
                case .inline(let series): return series
                }
            }
        }

        init(_ fields: DoorFields) throws {
            switch fields.door {
            case .command(let invocation):
                let modeText = invocation.option("mode") ?? "differences"
                guard let mode = HedgeChangeMode(rawValue: modeText) else {
                    throw invocation.usageError("The value '\(modeText)' is invalid for '--mode <mode>': expected \(HedgeMinVarOptions.modeNames)")
                }
                guard let spotPath = invocation.option("spot"), let hedgePath = invocation.option("hedge") else {
                    throw invocation.usageError("Give both series: --spot FILE and --hedge FILE")
                }
                self.mode = mode
                spot = .file(path: spotPath, column: invocation.option("spot-column"))
                hedge = .file(path: hedgePath, column: invocation.option("hedge-column"))
            case .batch(let batch):
                let modeText = try batch.stringIfPresent("mode") ?? "differences"
                guard let mode = HedgeChangeMode(rawValue: modeText) else {
                    throw RequestError.badRequest(field: "mode", reason: "field 'mode' must be \(HedgeMinVarOptions.modeNames); got \"\(modeText)\"")
                }
                self.mode = mode
                spot = .inline(try HedgeMinVarOptions.series(batch, "spot", column: "spotColumn"))
                hedge = .inline(try HedgeMinVarOptions.series(batch, "hedge", column: "hedgeColumn"))
            }
            chart = try ChartOptions(fields)
            output = try OutputOptions(fields)
        }
    }

    static let opName = "hedgeMinvar"
    static let opSummary =
        "spot, hedge (CSV text or [{date, value}] rows), spotColumn?, hedgeColumn?, mode? → hedgeRatio, intercept, standardError, tStatistic, rSquared, correlation, observations, unmatchedDates (as 'hedge minvar --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let answer = try HedgeMinVarAnswer.build(
            MinimumVarianceHedge.compute(spot: options.spot.series(), hedge: options.hedge.series(), mode: options.mode))
        return JobAnswer(
            report: answer.report, tableText: answer.tableText, warnings: answer.result.warnings,
            chart: { JobCharts.minimumVariance(answer.result) })
    }
}

/// The batch op `hedgeMinvar`'s series: the command's options in camelCase. `spot` and `hedge` are each a CSV
/// file's text or an array of rows `{"date", "value"}` (a date as ISO text or Unix seconds, a value as a
/// JSON number or decimal text; row N is line N in errors); `spotColumn`, `hedgeColumn` (CSV text only)
/// and `mode` are optional. Errors name the field (`spot`, `hedge`) where the command names the file.
enum HedgeMinVarOptions {
    static let modeNames = "levels, differences, returns or log-returns"

    /// A series field: CSV text (its value column `column`, optional) or an array of `{"date", "value"}` rows.
    static func series(_ batch: BatchRequest, _ name: String, column: String) throws -> DatedSeries {
        let columnName = try batch.stringIfPresent(column)
        switch batch.value(name) {
        case nil:
            throw RequestError.badRequest(
                field: name, reason: "missing field '\(name)' (a CSV file's text, or an array of {\"date\", \"value\"} rows)")
        case .string(let text)?:
            return try DatedSeries.parseCSV(text, source: name, valueColumn: columnName)
        case .array(let rows)?:
            if columnName != nil {
                throw RequestError.badRequest(
                    field: column, reason: "'\(column)' names a column of CSV text; the rows of '\(name)' have their value in \"value\"")
            }
            var pairs: [(date: String, value: String)] = []
            pairs.reserveCapacity(rows.count)
            for (index, row) in rows.enumerated() {
                let path = "\(name)[\(index)]"
                guard case .object(let object) = row else {
                    throw RequestError.badRequest(
                        field: path, reason: "each row of '\(name)' must be an object {\"date\", \"value\"}; got \(quoted(row))")
                }
                if let unknown = object.keys.first(where: { $0 != "date" && $0 != "value" }) {
                    throw RequestError.badRequest(
                        field: "\(path).\(unknown)", reason: "unknown key \"\(unknown)\" in a row of '\(name)'; the keys are \"date\" and \"value\"")
                }
                if let duplicate = object.firstDuplicateKey {
                    throw RequestError.badRequest(
                        field: "\(path).\(duplicate)", reason: "key \"\(duplicate)\" appears twice in a row of '\(name)'; keep one")
                }
                pairs.append(
                    (
                        try text(object["date"], "\(path).date", expecting: "a date: ISO text (\"2024-07-01\") or Unix seconds"),
                        try text(object["value"], "\(path).value", expecting: "a number, or decimal text")
                    ))
            }
            return try DatedSeries.parseRows(pairs, source: name)
        case let other?:
            throw RequestError.badRequest(
                field: name, reason: "field '\(name)' must be a CSV file's text or an array of {\"date\", \"value\"} rows; got \(quoted(other))")
        }
    }

    /// A row's member as text: a JSON number's exact text or a string.
    private static func text(_ value: JSONValue?, _ path: String, expecting: String) throws(RequestError) -> String {
        switch value {
        case .number(let number)?: return number.text
        case .string(let string)?: return string
        case nil: throw .badRequest(field: path, reason: "missing '\(path)' (\(expecting))")
        case let other?: throw .badRequest(field: path, reason: "'\(path)' must be \(expecting); got \(quoted(other))")
        }
    }
}
