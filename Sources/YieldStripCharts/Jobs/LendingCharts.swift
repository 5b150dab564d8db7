import Foundation
import YieldStrip

extension JobCharts {
    // MARK: loop

    /// `loop`: the net APY after each round (left axis) and the health factor (right axis) against the
    /// leverage reached, the capital's own lock-in and a health factor of 1 marked.
    ///
    /// The right axis is a fixed multiple of the left (``SecondaryAxis``): the health factor is drawn at
    /// `healthFactor / factor` on the left scale, `factor` chosen so that its largest value meets the largest
    /// APY's magnitude.
    public static func ptLoop(_ result: PtLoopResult, subject: String? = nil) -> XYChart {
        let apyPoints = result.rounds.map { ChartPoint($0.leverage, $0.netApy) }
        let healthRounds = result.rounds.compactMap { round in round.healthFactor.map { (round.leverage, $0) } }
        let apyScale = Swift.max(result.rounds.map { abs($0.netApy) }.max() ?? 0, abs(result.unleveredFixedApy), 1e-6)
        let healthTop = Swift.max(healthRounds.map(\.1).max() ?? 1, 1)
        let factor = healthTop / apyScale
        var series = [
            ChartSeries(name: "net APY after each round (left axis)", points: apyPoints, color: Palette.blue, marker: .circle, lineWidth: 2.5)
        ]
        if !healthRounds.isEmpty {
            series.append(
                ChartSeries(
                    name: "health factor (right axis)", points: healthRounds.map { ChartPoint($0.0, $0.1 / factor) },
                    color: Palette.vermillion, dash: .dashed, marker: .square))
        }
        var references = [
            ReferenceLine(
                .horizontal, at: result.unleveredFixedApy,
                label: "the capital's own lock-in: \(percent(result.unleveredFixedApy)) a year", color: Palette.green, dash: .dotted)
        ]
        if !healthRounds.isEmpty {
            references.append(
                ReferenceLine(.horizontal, at: 1 / factor, label: "health factor 1: liquidation", color: Palette.vermillion, dash: .dashDot))
        }
        var notes = [
            "borrowing \(result.borrow == .usd ? "USD" : "the token") at \(percent(result.borrowApr)) APR, up to \(ChartNumberFormat.short(result.targetLtv * 100, maxDecimals: 2))% LTV; "
                + "\(result.rounds.count - 1) round\(result.rounds.count == 2 ? "" : "s") after the capital's purchase"
        ]
        if let breakEven = result.breakEvenBorrowApr {
            notes.append("break-even borrow APR \(percent(breakEven)): above it the loop earns less than the capital's own lock-in")
        } else if result.debt.isPositive {
            notes.append("no borrow APR makes the loop beat the capital's own lock-in")
        }
        let days = Double(result.secondsToExpiry) / 86_400
        return XYChart(
            title: "PT loop: net APY and health factor by leverage",
            subtitle: joined([
                subject, "\(number(result.size.sy.doubleValue)) SY of capital", "\(ChartNumberFormat.significant(days, digits: 4)) days to maturity"
            ]),
            x: ChartAxis(label: "leverage (asset in PT per unit of capital)"),
            y: ChartAxis(label: "net APY at maturity (%)", ticks: .percent, includesZero: true),
            y2: healthRounds.isEmpty ? nil : SecondaryAxis(label: "health factor", factor: factor),
            series: series, references: references, notes: notes)
    }
}
