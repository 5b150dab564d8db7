import YieldStrip
import YieldStripJSON

/// What the job answers (`lockin`, `short-yt`) share: their header fields, the venue's trade, and the
/// layout of their tables.
extension AnswerBuilder {
    /// `curve`; `blockTime`, `blockTimeISO`, `blockTimeSource`; `expiry`, `expiryISO`; `secondsToExpiry`
    /// (hidden in the table); `yearsToExpiry`.
    mutating func jobHeader(
        curveName: String, context: some BlockTimeContext, expiry: Int64, expiryLabel: String,
        secondsToExpiry: Int64, yearsToExpiry: Double
    ) throws {
        text("curve", curveName, label: "curve")
        withReport { context.appendBlockTime(to: &$0) }
        time("expiry", expiry, label: expiryLabel)
        withReport { report in
            report.append("secondsToExpiry", .number(JSONNumber(secondsToExpiry)), label: "time to expiry (s)")
            report.hiddenInTable.insert("secondsToExpiry")
        }
        try number("yearsToExpiry", yearsToExpiry, label: "years to expiry") { TableFormat.fixed($0, digits: 6) }
    }

    /// The venue's trade: `swap` (Pendle: the router swap), its named amounts in wei, `evaluations`.
    static func venueTrade(_ trade: CurveTrade<Wad>) -> AnswerBuilder {
        var answer = AnswerBuilder()
        answer.text("swap", trade.venueTrade, label: "router swap")
        for (name, value) in trade.venueFields { answer.wad(name, value, label: name) }
        answer.withReport { $0.append("evaluations", .number(JSONNumber(trade.evaluations)), label: "curve evaluations") }
        return answer
    }
}

/// A job's table: the file's title, the verdict in words, the figures, the job's own tables, the assumptions.
enum JobTable {
    static func render(title: String, summary: [String], report: Report, tables: [String], assumptions: [String]) -> String {
        var blocks: [String] = []
        if !title.isEmpty { blocks.append(title + "\n") }
        if !summary.isEmpty { blocks.append(summary.joined(separator: "\n") + "\n") }
        blocks.append(report.tableText)
        blocks += tables
        blocks.append("assumptions\n" + assumptions.map { "  - " + $0 }.joined(separator: "\n") + "\n")
        return blocks.joined(separator: "\n")
    }
}
