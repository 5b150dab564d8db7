import Foundation
import YieldStrip
import YieldStripJSON

/// `yieldstrip depth` and the batch op `depth`: the market after PT trades of 0.1 % … 50 % of the
/// pool's PT, buying and selling (``MarketDepth/compute(curve:at:fractions:includesLimits:)``, on Pendle
/// ``PendleMarketMath/depth(_:pyIndex:blockTime:fractions:)``'s rows).
///
/// Answer fields: on a YieldSpace pool `curve` first (`"yieldspace"`: the sizes are fractions of its real
/// fyToken, SY its shares); `blockTime`, `blockTimeISO`, `blockTimeSource`, `impliedApy` (before any trade),
/// then `rows`, one object per size: `fraction` (of `totalPt`), `ptAmount` (PT, units);
/// `buySyPaid`, `buyImpliedApyAfter`, `buyEffectiveApy`, `buyExceedsLimit`; `sellSyReceived`,
/// `sellImpliedApyAfter`, `sellEffectiveApy`, `sellExceedsLimit`. Where a side's trade reverts
/// (beyond the market's limit: proportion above 96 %, an exchange rate below 1, more PT than the
/// pool holds) its numbers are null and `…ExceedsLimit` is true.
enum DepthReport {
    /// The keys of a row, in order: the CSV header.
    static let columns = [
        "fraction", "ptAmount", "buySyPaid", "buyImpliedApyAfter", "buyEffectiveApy", "buyExceedsLimit",
        "sellSyReceived", "sellImpliedApyAfter", "sellEffectiveApy", "sellExceedsLimit"
    ]

    /// The library's depth at the standard sizes (the largest legs too when `includesLimits`: for the chart).
    static func depth(_ context: CurveContext, includesLimits: Bool = false) throws -> MarketDepth<Wad> {
        try MarketDepth<Wad>.compute(curve: context.curve, at: context.blockTime, includesLimits: includesLimits)
    }

    static func build(_ context: CurveContext, depth: MarketDepth<Wad>) throws -> Report {
        var report = Report()
        if context.isYieldSpace { report.append("curve", .string(depth.curveName), label: "curve") }
        context.appendBlockTime(to: &report)
        report.object.append("impliedApy", analytic: depth.impliedApy)
        let rows = depth.rows
        report.append(
            "rows",
            .array(
                rows.map { row in
                    var object = JSONObject()
                    object.append("fraction", analytic: row.fraction)
                    object.append("ptAmount", analytic: row.ptAmount)
                    object.append("buySyPaid", analytic: row.buySyPaid)
                    object.append("buyImpliedApyAfter", analytic: row.buyImpliedApyAfter)
                    object.append("buyEffectiveApy", analytic: row.buyEffectiveApy)
                    object.append("buyExceedsLimit", .bool(row.buySyPaid == nil))
                    object.append("sellSyReceived", analytic: row.sellSyReceived)
                    object.append("sellImpliedApyAfter", analytic: row.sellImpliedApyAfter)
                    object.append("sellEffectiveApy", analytic: row.sellEffectiveApy)
                    object.append("sellExceedsLimit", .bool(row.sellSyReceived == nil))
                    return .object(object)
                }))
        return report
    }

    /// The rows of an answer.
    private static func rows(of report: Report) -> [JSONObject] {
        guard case .array(let values)? = report.object["rows"] else { return [] }
        return values.compactMap { value in
            if case .object(let row) = value { return row }
            return nil
        }
    }

    /// The table: a header (title, block time, implied APY), then one line per size; a side beyond the
    /// market's limit reads `exceeds limit`.
    static func table(_ report: Report, title: String?) -> String {
        var text = ""
        if let title { text += title + "\n\n" }
        var header = TextTable()
        let yieldSpace = report.object["curve"] == .string(YieldSpaceMarketFile.curveName)
        if yieldSpace { header.rows.append(["curve", "yieldspace (sizes: shares of the real fyToken; SY: pool shares)"]) }
        if let display = report.displays["blockTime"] { header.rows.append(["block time", display]) }
        header.rows.append(["implied APY", TableFormat.percent(report.object.number("impliedApy"))])
        text += header.render() + "\n"
        var table =
            yieldSpace
            ? TextTable(header: [
                "size", "fyToken", "buy: shares paid", "APY after", "effective APY", "sell: shares received", "APY after", "effective APY"
            ])
            : TextTable(header: [
                "size", "PT", "buy: SY paid", "APY after", "effective APY",
                "sell: SY received", "APY after", "effective APY"
            ])
        for row in rows(of: report) {
            let size = TableFormat.percent(row.number("fraction"), digits: 2)
            let pt = TableFormat.fixed(row.number("ptAmount"), digits: 6)
            func side(_ prefix: String, _ amountKey: String) -> [String] {
                if row[prefix + "ExceedsLimit"] == .bool(true) { return ["exceeds limit", "", ""] }
                return [
                    TableFormat.fixed(row.number(amountKey), digits: 6),
                    TableFormat.percent(row.number(prefix + "ImpliedApyAfter")),
                    TableFormat.percent(row.number(prefix + "EffectiveApy"))
                ]
            }
            table.rows.append([size, pt] + side("buy", "buySyPaid") + side("sell", "sellSyReceived"))
        }
        return text + table.render()
    }

    /// CSV: a header line of the row keys, then one line per size; numbers as in the JSON, an empty
    /// field where the trade exceeds the market's limit.
    static func csv(_ report: Report) -> String {
        var lines = [columns.joined(separator: ",")]
        for row in rows(of: report) {
            lines.append(
                columns.map { key in
                    switch row[key] {
                    case .number(let number)?: return number.text
                    case .bool(let flag)?: return flag ? "true" : "false"
                    default: return ""
                    }
                }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
