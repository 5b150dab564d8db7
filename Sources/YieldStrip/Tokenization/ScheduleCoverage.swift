/// A part of an index window that the dividend schedule does not cover: a dividend that should fall in the
/// window is missing from the data, so the realized APY (and a projection continuing it) is understated.
///
/// **Rule** (``StockTokenIndex/coverageWarnings(schedule:from:to:assumingYield:)``), with `g` the typical
/// gap between dividends (``StockTokenIndex/typicalGap(for:)``):
/// ```
/// window starts before the schedule:  firstDividend − from > g   (a dividend due near firstDividend − g is missing)
/// window ends after the schedule:     to − lastRow     > g       (a dividend due near lastRow + g is missing)
/// ```
/// `lastRow` is the schedule's last row, a dividend or a split. Exactly one gap is covered, so the default
/// window (``StockTokenIndex/defaultWindow(for:)``: one gap before the first dividend to the last row)
/// never warns. A schedule without dividends gets no warning (there is no gap to expect).
public struct ScheduleCoverageWarning: Hashable, Sendable {
    /// Which end of the window the schedule does not cover.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The window starts more than one typical gap before the schedule's first dividend.
        case windowStartsBeforeSchedule
        /// The window ends more than one typical gap after the schedule's last row.
        case windowEndsAfterSchedule
    }

    public var kind: Kind
    /// The window's edge: its start (`windowStartsBeforeSchedule`) or its end, Unix seconds.
    public var windowDate: Int64
    /// The schedule's edge: its first dividend's ex-date or its last row's date, Unix seconds.
    public var scheduleDate: Int64
    /// The typical gap between dividends, seconds.
    public var typicalGap: Int64
    /// What is uncovered and what to do about it.
    public var message: String
}

extension StockTokenIndex {
    /// The coverage warnings of the window `(from, to]` over `schedule` (``ScheduleCoverageWarning`` states
    /// the rule): at most one about the start, then at most one about the end.
    ///
    /// - Parameters:
    ///   - schedule: the dividends and splits.
    ///   - from: the window's start (Unix seconds).
    ///   - to: the window's end (Unix seconds).
    ///   - assumingYield: true when a projection uses an assumed yield rather than the window's, so the
    ///     message does not suggest assuming one.
    public static func coverageWarnings(
        schedule: DividendSchedule, from: Int64, to: Int64,
        assumingYield: Bool = false
    ) -> [ScheduleCoverageWarning] {
        guard let firstDividend = schedule.dividends.first?.exDate, let lastRow = schedule.actions.last?.date else { return [] }
        let gap = typicalGap(for: schedule)
        let gapText = days(Double(gap))
        // The remedies: move the window's edge, add the rows, or (unless one is assumed already) assume a yield.
        let remedies = { (move: String, rows: String) in
            assumingYield
                ? "\(move) or add \(rows) to the schedule"
                : "\(move), add \(rows) to the schedule, or assume a dividend yield for the projection"
        }
        var warnings: [ScheduleCoverageWarning] = []
        if Double(firstDividend) - Double(from) > Double(gap) {
            let date = UnixTime.formatDate
            warnings.append(
                ScheduleCoverageWarning(
                    kind: .windowStartsBeforeSchedule, windowDate: from, scheduleDate: firstDividend, typicalGap: gap,
                    message: "the window starts \(date(from)), \(days(Double(firstDividend) - Double(from))) before the schedule's first dividend "
                        + "(\(date(firstDividend))), more than the typical gap between dividends (\(gapText)): the dividends due "
                        + "before \(date(firstDividend)) are missing, so the realized APY is understated; "
                        + remedies("start the window on or after \(date(saturating(firstDividend, -gap)))", "the earlier dividends")))
        }
        if Double(to) - Double(lastRow) > Double(gap) {
            let date = UnixTime.formatDate
            warnings.append(
                ScheduleCoverageWarning(
                    kind: .windowEndsAfterSchedule, windowDate: to, scheduleDate: lastRow, typicalGap: gap,
                    message: "the window ends \(date(to)), \(days(Double(to) - Double(lastRow))) after the schedule's last row "
                        + "(\(date(lastRow))), more than the typical gap between dividends (\(gapText)): the dividends due "
                        + "after \(date(lastRow)) are missing, so the realized APY is understated; "
                        + remedies("end the window on or before \(date(saturating(lastRow, gap)))", "the later dividends")))
        }
        return warnings
    }

    /// `212 days`, `1 day`, `30.5 days` (to a tenth of a day).
    private static func days(_ seconds: Double) -> String {
        let tenths = (seconds / Double(RateConventions.secondsPerDay) * 10).rounded()
        if tenths == 10 { return "1 day" }
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return "\(Int64(exactly: tenths / 10).map(String.init) ?? "\(tenths / 10)") days" }
        return "\(tenths / 10) days"
    }

    /// `date + offset`, held at the ends of `Int64` rather than overflowing.
    private static func saturating(_ date: Int64, _ offset: Int64) -> Int64 {
        let (sum, overflow) = date.addingReportingOverflow(offset)
        return overflow ? (offset < 0 ? .min : .max) : sum
    }
}
