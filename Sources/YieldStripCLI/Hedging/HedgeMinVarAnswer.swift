import YieldStrip
import YieldStripJSON

/// `yieldstrip hedge minvar` and the batch op `hedgeMinvar`: one answer from
/// ``MinimumVarianceHedge/compute(spot:hedge:mode:)``.
///
/// Fields, in order (numbers as JSON numbers, counts as integers): `mode`; `hedgeRatio`, `intercept`,
/// `standardError`, `tStatistic` (null for an exact fit), `rSquared`, `correlation`, `observations`;
/// `spotStandardDeviation`, `hedgeStandardDeviation` (sample, of the regressed values); `unmatchedDates`
/// (`count`, `spotOnlyCount`, `hedgeOnlyCount`, and the first ``listedDates`` dates of each side as ISO
/// dates, `spotOnly`, `hedgeOnly`); `spotColumn`, `hedgeColumn`, `spotRows`, `hedgeRows`, `joinedDates`;
/// `firstDate`, `firstDateISO`, `lastDate`, `lastDateISO` (the joined range, Unix seconds and ISO);
/// `assumptions`. Nothing in it depends on where the series came from (a file path, a batch field).
struct HedgeMinVarAnswer {
    let report: Report
    let result: MinimumVarianceHedgeResult

    /// How many unmatched dates of each side the answer lists.
    static let listedDates = 5

    static func build(_ result: MinimumVarianceHedgeResult) throws -> HedgeMinVarAnswer {
        let r = result.regression
        let real = { (value: Double) in TableFormat.significant(value, digits: 6) }
        var answer = AnswerBuilder()
        answer.text("mode", result.mode.name, label: "mode")
        try answer.number("hedgeRatio", r.hedgeRatio, label: "hedge ratio h* (\(unit(result.mode)))", display: real)
        try answer.number("intercept", r.intercept, label: "intercept", display: real)
        try answer.number("standardError", r.standardError, label: "standard error of h*", display: real)
        try answer.number("tStatistic", r.tStatistic, label: "t-statistic (\(r.degreesOfFreedom) degrees of freedom)") {
            TableFormat.fixed($0, digits: 2)
        }
        if r.tStatistic == nil {
            answer.withReport { report in
                report.hiddenInTable.remove("tStatistic")
                report.labels["tStatistic"] = "t-statistic"
                report.displays["tStatistic"] = "— (an exact fit: no residual)"
            }
        }
        try answer.number("rSquared", r.rSquared, label: "R² (hedge effectiveness)") { TableFormat.fixed($0, digits: 4) }
        try answer.number("correlation", r.correlation, label: "correlation") { TableFormat.fixed($0, digits: 4) }
        answer.withReport { $0.append("observations", .number(JSONNumber(r.observations)), label: "pairs regressed") }
        try answer.number("spotStandardDeviation", r.spotStandardDeviation, label: "spot standard deviation (\(result.mode.name))", display: real)
        try answer.number("hedgeStandardDeviation", r.hedgeStandardDeviation, label: "hedge standard deviation (\(result.mode.name))", display: real)

        let unmatched = result.unmatched
        var dates = AnswerBuilder()
        dates.withReport { report in
            report.append("count", .number(JSONNumber(unmatched.count)), label: "count")
            report.append("spotOnlyCount", .number(JSONNumber(unmatched.spotOnly.count)), label: "spot only")
            report.append("hedgeOnlyCount", .number(JSONNumber(unmatched.hedgeOnly.count)), label: "hedge only")
        }
        dates.texts("spotOnly", firstDates(unmatched.spotOnly), label: "first spot-only dates")
        dates.texts("hedgeOnly", firstDates(unmatched.hedgeOnly), label: "first hedge-only dates")
        answer.nested("unmatchedDates", dates)
        answer.hideInTable("unmatchedDates")

        answer.text("spotColumn", result.spot.column, label: "spot column")
        answer.text("hedgeColumn", result.hedge.column, label: "hedge column")
        answer.withReport { report in
            report.append("spotRows", .number(JSONNumber(result.spot.rows)), label: "spot rows")
            report.append("hedgeRows", .number(JSONNumber(result.hedge.rows)), label: "hedge rows")
            report.append("joinedDates", .number(JSONNumber(result.joinedDates)), label: "dates in both")
        }
        answer.time("firstDate", result.firstJoinedDate, label: "first date in both")
        answer.time("lastDate", result.lastJoinedDate, label: "last date in both")
        answer.texts("assumptions", result.assumptions, label: "assumptions")
        answer.hideInTable("assumptions")
        return HedgeMinVarAnswer(report: answer.report, result: result)
    }

    /// The first ``listedDates`` dates as ISO dates (with the time of day when it is not midnight).
    static func firstDates(_ dates: [Int64]) -> [String] {
        dates.prefix(listedDates).map(UnixTime.formatDate)
    }

    static func listText(_ dates: [Int64]) -> String {
        guard !dates.isEmpty else { return "none" }
        return firstDates(dates).joined(separator: ", ") + (dates.count > listedDates ? ", …" : "")
    }

    /// What h* counts, by mode.
    static func unit(_ mode: HedgeChangeMode) -> String {
        switch mode {
        case .levels, .differences: return "hedge units per spot unit"
        case .returns, .logReturns: return "hedge value per spot value"
        }
    }

    // MARK: Text

    var tableText: String {
        JobTable.render(title: "", summary: summary, report: report, tables: [unmatchedTable], assumptions: result.assumptions)
    }

    /// The dates in one series only: how many, and the first few.
    var unmatchedTable: String {
        let unmatched = result.unmatched
        var table = TextTable(header: ["series", "dates", "first"])
        table.rows.append(["spot only", String(unmatched.spotOnly.count), Self.listText(unmatched.spotOnly)])
        table.rows.append(["hedge only", String(unmatched.hedgeOnly.count), Self.listText(unmatched.hedgeOnly)])
        return "dates in one series only, left out of the join\n" + table.render(indent: 2)
    }

    /// The verdict in words.
    var summary: [String] {
        let r = result.regression
        let h = TableFormat.significant(abs(r.hedgeRatio), digits: 4)
        let perUnit: String
        switch result.mode {
        case .levels, .differences: perUnit = "\(h) units of the hedge per unit of spot"
        case .returns, .logReturns: perUnit = "\(h) of the hedge's value per unit of the spot's value"
        }
        var first: String
        if r.hedgeRatio >= 0 {
            first = "Short \(perUnit)"
        } else {
            first = "Buy \(perUnit) (h* is negative: the two move against each other)"
        }
        first +=
            ": h* = \(TableFormat.significant(r.hedgeRatio, digits: 4)) ± \(TableFormat.significant(r.standardError, digits: 2)) (one standard error"
            + (r.tStatistic.map { ", t = \(TableFormat.fixed($0, digits: 1))" } ?? ", an exact fit") + ")."
        let what: String
        switch result.mode {
        case .levels: what = "values"
        case .differences: what = "changes"
        case .returns: what = "returns"
        case .logReturns: what = "log-returns"
        }
        let second =
            "The hedge removes \(TableFormat.percent(r.rSquared, digits: 1)) of the variance of the spot's \(what) (R² = ρ², ρ = "
            + "\(TableFormat.fixed(r.correlation, digits: 3))), over \(r.observations) pairs from \(result.joinedDates) dates in both series, "
            + "\(UnixTime.formatDate(result.firstJoinedDate)) … \(UnixTime.formatDate(result.lastJoinedDate))."
        var lines = [first, second]
        let unmatched = result.unmatched
        if unmatched.count > 0 {
            lines.append(
                "Left out: \(unmatched.spotOnly.count) spot-only date\(unmatched.spotOnly.count == 1 ? "" : "s") and "
                    + "\(unmatched.hedgeOnly.count) hedge-only date\(unmatched.hedgeOnly.count == 1 ? "" : "s"), listed below.")
        }
        return lines
    }
}
