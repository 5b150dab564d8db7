import Foundation
import YieldStrip

/// The chart of each job, built from the same library result its `--json` answer holds.
///
/// Each function returns the chart's description (``XYChart`` or ``HeatmapChart``: its series, lines and
/// notes can be inspected), which renders with `svg(size:options:)`. `subject` names what the chart is
/// about (a market file's name) in its subtitle.
public enum JobCharts {
    // MARK: depth

    /// `depth`: the implied APY after a PT trade (and the APY the trade itself locks in) against its size as
    /// a share of the pool's PT, buying and selling, on a log scale; the spot APY and the market's limits
    /// (``MarketSnapshot/largestPtBuy``, ``MarketSnapshot/largestPtSell``) marked.
    public static func depth<S: PendleScalar>(_ rows: [PendleMarketMath.DepthRow], snapshot: MarketSnapshot<S>, subject: String? = nil) -> XYChart {
        depth(MarketDepth(snapshot: snapshot, rows: rows), subject: subject)
    }

    /// `depth` on any curve (``MarketDepth``): the same chart; on a YieldSpace pool the sizes are shares of its
    /// real fyToken, and the pool's note names fyToken and shares.
    public static func depth<S: PendleScalar>(_ depth: MarketDepth<S>, subject: String? = nil) -> XYChart {
        let rows = depth.rows
        let yieldSpace = depth.curveName == YieldSpaceCurve<S>.name
        func points(_ value: (PendleMarketMath.DepthRow) -> Double?) -> [ChartPoint] {
            rows.compactMap { row in value(row).map { ChartPoint(row.fraction, $0) } }
        }
        let series = [
            ChartSeries(name: "buy PT: implied APY after", points: points(\.buyImpliedApyAfter), color: Palette.blue, marker: .circle),
            ChartSeries(
                name: "buy PT: APY the trade locks in", points: points(\.buyEffectiveApy), color: Palette.blue, dash: .dashed,
                marker: .circle, hollowMarkers: true),
            ChartSeries(name: "sell PT: implied APY after", points: points(\.sellImpliedApyAfter), color: Palette.vermillion, marker: .square),
            ChartSeries(
                name: "sell PT: APY the trade sells at", points: points(\.sellEffectiveApy), color: Palette.vermillion, dash: .dashed,
                marker: .square, hollowMarkers: true)
        ]
        var references = [
            ReferenceLine(
                .horizontal, at: depth.impliedApy, label: "spot implied APY \(percent(depth.impliedApy))",
                color: Palette.ink, dash: .dotted)
        ]
        var notes: [String] = []
        let largest = rows.map(\.fraction).max() ?? 0.5
        let held = depth.ptReserve.doubleValue
        let what = yieldSpace ? "real fyToken" : "PT"
        for (leg, side, colour) in [(depth.largestPtBuy, "buy", Palette.blue), (depth.largestPtSell, "sell", Palette.vermillion)] {
            guard let leg else { continue }
            let fraction = held > 0 ? leg.doubleValue / held : 0
            let text = "largest PT \(side) the market takes: \(ChartNumberFormat.significant(fraction * 100, digits: 3))% of its \(what)"
            if !(fraction > 0) || !fraction.isFinite {
                notes.append("no PT \(side) executes at this block time")
            } else if fraction <= Swift.max(1, largest * 2) {
                references.append(ReferenceLine(.vertical, at: fraction, label: text, tag: "\(side) limit", color: colour, dash: .dashDot))
            } else {
                notes.append(text + " (beyond the chart)")
            }
        }
        let worth = depth.poolValueInAsset.map { ", worth \(number($0)) in the \(yieldSpace ? "base" : "asset")" } ?? ""
        if yieldSpace {
            notes.append(
                "pool: \(number(held)) real fyToken (PT) and \(number(depth.syReserve.doubleValue)) shares (SY)\(worth)"
                    + "; fee \(percent(depth.annualFeeRate)) a year at this rate (a share of the yield)")
        } else {
            notes.append(
                "pool: \(number(held)) PT and \(number(depth.syReserve.doubleValue)) SY\(worth)"
                    + "; fee \(percent(depth.annualFeeRate)) a year")
        }
        let days = Double(depth.secondsToExpiry) / 86_400
        return XYChart(
            title: "Depth: the implied APY after a PT trade, by its size",
            subtitle: joined([
                subject, "read at \(UnixTime.format(depth.blockTime))", "\(ChartNumberFormat.significant(days, digits: 4)) days to expiry"
            ]),
            x: ChartAxis(label: "trade size (% of the pool's \(what), log scale)", scale: .log, ticks: .percent),
            y: ChartAxis(label: "implied APY (%)", ticks: .percent),
            series: series, references: references, notes: notes)
    }

    // MARK: compare

    /// `compare`: each venue's effective APY against the trade's size (``VenueComparison/sweep(_:venueA:venueB:at:from:to:points:)``,
    /// on a log scale), the sizes asked marked; the spot APYs, the flips and each venue's largest trade drawn as
    /// lines. `names` are the venues' names (A, then B).
    public static func compare(_ result: VenueComparisonResult, sweep: [VenueSweepPoint], names: [String], subject: String? = nil) -> XYChart {
        let buying = result.side == .buyPt
        let colours = [Palette.blue, Palette.vermillion]
        let markers: [MarkerShape] = [.circle, .square]
        let labels = ["A", "B"]
        let dashes: [LineDash] = [.solid, .dashed]
        let unitText: String
        switch (result.unit, buying) {
        case (.usd, true): unitText = "USD paid"
        case (.usd, false): unitText = "USD of PT face value sold"
        case (.shares, true): unitText = "shares' worth of SY paid"
        case (.shares, false): unitText = "PT sold (shares at maturity)"
        case (.sy, _): unitText = "SY paid"
        case (.pt, _): unitText = "PT sold"
        }
        let asked = Set(result.rows.map(\.size.doubleValue))
        var series: [ChartSeries] = []
        for venue in 0..<2 {
            let name = venue < names.count ? names[venue] : labels[venue]
            let curve = result.venues[venue].curveName
            series.append(
                ChartSeries(
                    name: "\(labels[venue]): \(name) (\(curve))",
                    points: sweep.compactMap { point in point.effectiveApy[venue].map { ChartPoint(point.size, $0) } },
                    color: colours[venue], dash: dashes[venue]))
            let rows = sweep.filter { asked.contains($0.size) }.compactMap { point in point.effectiveApy[venue].map { ChartPoint(point.size, $0) } }
            series.append(
                ChartSeries(
                    name: "\(labels[venue]) at the sizes asked", points: rows, style: .scatter, color: colours[venue],
                    marker: markers[venue], markerRadius: 4, inLegend: false))
        }
        var references: [ReferenceLine] = []
        let spots = result.venues.map(\.spotApy)
        if percent(spots[0]) == percent(spots[1]) {
            references.append(
                ReferenceLine(.horizontal, at: spots[0], label: "spot implied APY \(percent(spots[0])) (both)", color: Palette.ink, dash: .dotted))
        } else {
            for venue in 0..<2 {
                references.append(
                    ReferenceLine(
                        .horizontal, at: spots[venue], label: "\(labels[venue]): spot implied APY \(percent(spots[venue]))",
                        color: colours[venue], dash: .dotted))
            }
        }
        let sizes = sweep.map(\.size)
        let top = (sizes.max() ?? 1) * 2
        var notes: [String] = []
        for flip in result.flips {
            let text =
                "\(labels[flip.betterBelow]) fills better below about \(number(flip.flipSize)), \(labels[flip.betterAbove]) above"
                + (flip.cause == "refusal" ? " (\(labels[flip.betterBelow]) takes no more)" : "")
            references.append(ReferenceLine(.vertical, at: flip.flipSize, label: text, tag: "flip", color: Palette.green, dash: .dashed))
        }
        for venue in 0..<2 {
            guard let largest = result.venues[venue].largestInputInUnit, largest.isFinite, largest > 0 else { continue }
            let text = "largest \(buying ? "purchase" : "sale") \(labels[venue]) takes: \(number(largest)) (\(unitText))"
            if largest <= top, largest >= (sizes.min() ?? 0) {
                references.append(
                    ReferenceLine(.vertical, at: largest, label: text, tag: "\(labels[venue]) limit", color: colours[venue], dash: .dashDot))
            } else {
                notes.append(text + (largest > top ? " (beyond the chart)" : ""))
            }
        }
        notes.append(
            "fee: " + (0..<2).map { "\(labels[$0]) \(percent(result.venues[$0].annualFeeRate)) a year" }.joined(separator: ", ")
                + (result.venues.contains { $0.curveName == YieldSpaceCurve<Wad>.name } ? " (YieldSpace's at this rate: a share of the yield)" : ""))
        return XYChart(
            title: buying
                ? "Compare: the APY a PT purchase locks in, by its size, on two venues"
                : "Compare: the APY a PT sale sells at, by its size, on two venues",
            subtitle: joined([subject, "read at \(UnixTime.format(result.blockTime))", buying ? "higher is better" : "lower is better"]),
            x: ChartAxis(label: "trade size (\(unitText), log scale)", scale: .log),
            y: ChartAxis(label: buying ? "APY locked in (%)" : "APY the PT sells at (%)", ticks: .percent),
            series: series, references: references, notes: notes)
    }

    // MARK: lockin

    /// `lockin`: USD at maturity against the stock price then (the result's `priceScenarios`), for the
    /// lock-in unhedged, dollar-hedged (with `--hedge`) and holding the token (with a hold comparison); the
    /// fixed and the spot APY in the legend, today's price and the budget marked.
    public static func lockIn<S: PendleScalar>(_ result: LockInResult<S>, subject: String? = nil) -> XYChart {
        let scenarios = result.priceScenarios
        var series = [
            ChartSeries(
                name: "lock-in, unhedged: \(number(result.sharesAtMaturity)) PT × the price",
                points: scenarios.map { ChartPoint($0.stockPrice, $0.usdAtMaturity) }, color: Palette.blue, marker: .circle,
                lineWidth: 3)
        ]
        if let hedge = result.dollarHedge {
            let name = hedge.instrument == "perp" ? "perp" : "stock short"
            series.append(
                ChartSeries(
                    name: "lock-in, \(name)-hedged: \(percent(hedge.dollarApy)) a year in USD",
                    points: scenarios.compactMap { s in s.hedgedUsdAtMaturity.map { ChartPoint(s.stockPrice, $0) } },
                    color: Palette.green, dash: .dashed, marker: .square))
        }
        if let hold = result.hold {
            series.append(
                ChartSeries(
                    name: "hold the token: \(percent(hold.tokenApy)) a year in shares",
                    points: scenarios.compactMap { s in s.holdUsdAtMaturity.map { ChartPoint(s.stockPrice, $0) } },
                    color: Palette.orange, dash: .dashed, marker: .diamond, hollowMarkers: true, lineWidth: 1.5,
                    markerRadius: 4.5))
        }
        var references: [ReferenceLine] = []
        if let price = result.stockPrice {
            references.append(
                ReferenceLine(.vertical, at: price, label: "today's stock price \(usd(price))", tag: "today", color: Palette.gray, dash: .dotted))
        }
        if let budget = result.usdIn {
            references.append(ReferenceLine(.horizontal, at: budget, label: "budget \(usd(budget))", color: Palette.gray, dash: .dashed))
        }
        let share = result.feeShareOfSpotApy.map { " (\(ChartNumberFormat.fixed($0 * 100, decimals: 1))% of it)" } ?? ""
        let notes = [
            "fixed APY \(percent(result.fixedApy)) a year in shares; of the spot \(percent(result.spotApy)) the fee takes \(percent(result.feeApy))"
                + share + ", the price impact \(percent(result.impactApy))"
        ]
        let size = result.size
        let subtitle = joined([
            subject,
            "\(number(size.sy.doubleValue)) SY (\(size.usd.map(usd) ?? number(size.shares) + " shares")) buys \(number(result.ptOut.doubleValue)) PT",
            "maturity \(UnixTime.formatDate(result.expiry))"
        ])
        return XYChart(
            title: "Lock-in: USD at maturity by the stock price then",
            subtitle: subtitle,
            x: ChartAxis(label: "stock price at maturity (USD per share)"),
            y: ChartAxis(label: "USD at maturity"),
            series: series, references: references, notes: notes,
            message: scenarios.isEmpty
                ? "No stock price: USD at maturity needs one (--stock-price, or stockPrice in the market file). "
                    + "In shares the lock-in pays \(number(result.sharesAtMaturity)) at maturity, \(percent(result.fixedApy)) a year." : nil)
    }

    // MARK: short-yt

    /// `short-yt`: the PnL at maturity (shares on the left, USD on the right when the stock price is known)
    /// against the token's realized APY (the result's `pnl` rows), the break-even and the spot APY marked,
    /// the premium drawn.
    public static func shortYT<S: PendleScalar>(_ result: ShortYTResult<S>, subject: String? = nil) -> XYChart {
        let points = result.pnl.map { ChartPoint($0.realizedApy, $0.pnlShares) }
        var references: [ReferenceLine] = []
        if let breakEven = result.breakEvenApy {
            references.append(
                ReferenceLine(
                    .vertical, at: breakEven, label: "break-even: the token earns \(percent(breakEven)) a year",
                    tag: "break-even", color: Palette.vermillion, dash: .dashed))
        }
        references.append(
            ReferenceLine(
                .vertical, at: result.spotApy, label: "spot implied APY \(percent(result.spotApy))", tag: "spot",
                color: Palette.gray, dash: .dotted))
        let premiumUsd = result.premiumUsd.map { " (\(usd($0)))" } ?? ""
        references.append(
            ReferenceLine(
                .horizontal, at: result.premiumShares, label: "premium received now: \(number(result.premiumShares)) shares\(premiumUsd)",
                color: Palette.green, dash: .dashed))
        let sold = result.ytSold.doubleValue
        var notes = [
            "\(number(sold)) YT sold at \(ChartNumberFormat.significant(result.effectiveYtPrice, digits: 4)) shares each: "
                + "the yield sold at \(percent(result.effectiveShortApy)) a year"
        ]
        if result.borrowCostShares > 0 { notes.append("borrow fee to maturity \(number(result.borrowCostShares)) shares") }
        return XYChart(
            title: "YT short: PnL at maturity by the token's realized APY",
            subtitle: joined([
                subject, result.heldAs == .stock ? "a stock holder, the token borrowed" : "a token holder",
                "maturity \(UnixTime.formatDate(result.expiry))"
            ]),
            x: ChartAxis(label: "token's realized APY to maturity (%)", ticks: .percent, includesZero: true),
            y: ChartAxis(label: "PnL at maturity (shares)", includesZero: true),
            y2: result.stockPrice.map { SecondaryAxis(label: "PnL (USD at today's price)", factor: $0) },
            series: [ChartSeries(name: "PnL at maturity against keeping the SY", points: points, color: Palette.blue, marker: .circle)],
            references: references, notes: notes)
    }

    // MARK: scenario

    /// `scenario`: the PnL grid in USD as a heatmap, APY shifts (bp) down the side, the largest at the top,
    /// stock moves (%) across, each cell labelled with its value.
    public static func scenario(_ result: ScenarioResult, subject: String? = nil) -> HeatmapChart {
        let columns = result.priceShifts.count
        let rowOrder = result.apyShifts.indices.sorted {
            result.apyShifts[$0] > result.apyShifts[$1] || result.apyShifts[$0] == result.apyShifts[$1] && $0 < $1
        }
        let columnOrder = result.priceShifts.indices.sorted {
            result.priceShifts[$0] < result.priceShifts[$1] || result.priceShifts[$0] == result.priceShifts[$1] && $0 < $1
        }
        var values: [[Double]] = []
        var rowLabels: [String] = []
        var clamped = false
        var atLimit = false
        for row in rowOrder {
            let cells = columnOrder.map { result.cells[row * columns + $0] }
            values.append(cells.map(\.pnlUsd))
            let rowClamped = cells.contains(where: \.clamped)
            clamped = clamped || rowClamped
            atLimit = atLimit || cells.contains(where: \.lpAtPoolLimit)
            rowLabels.append(ChartNumberFormat.short(result.apyShifts[row] * 1e4, maxDecimals: 2, plusSign: true) + " bp" + (rowClamped ? " *" : ""))
        }
        let columnLabels = columnOrder.map { ChartNumberFormat.short(result.priceShifts[$0] * 100, maxDecimals: 2, plusSign: true) + "%" }
        var notes = [
            "today: \(usd(result.baseValueUsd)) (\(number(result.baseValueShares)) shares at \(usd(result.stockPrice)))",
            "token yield meanwhile \(percent(result.realizedApy)) a year (\(result.realizedApyBasis))"
        ]
        if clamped {
            notes.append(
                "* the shifted APY is below 0: floored at 0 ("
                    + (result.curveName == YieldSpaceMarketFile.curveName
                        ? "a YieldSpace pool cannot price a negative rate)" : "Pendle's market cannot price a negative rate)"))
        }
        if atLimit { notes.append("the LP could not be traded all the way to some APYs (the pool's limit)") }
        let days = ChartNumberFormat.short(result.days, maxDecimals: 2)
        let horizon = result.days == 0 ? "instant moves (0 days)" : "after \(days) day\(days == "1" ? "" : "s")"
        return HeatmapChart(
            title: "Scenario: PnL (USD) by implied-APY shift and stock move",
            subtitle: joined([
                subject, "position \(positionText(result.position))", horizon,
                "implied APY today \(percent(result.impliedApy))"
            ]),
            rowLabels: rowLabels, columnLabels: columnLabels, values: values,
            rowAxisLabel: "implied-APY shift (bp)", columnAxisLabel: "stock price move (%)", valueLabel: "PnL (USD)", notes: notes,
            rowValues: rowOrder.map { result.apyShifts[$0] * 1e4 }, columnValues: columnOrder.map { result.priceShifts[$0] * 100 })
    }

    // MARK: dividends

    /// `dividends`: the token's yield index over the window as a step line (each dividend marked, splits
    /// marked apart), and its projection to maturity dashed (through the listed dividends, or the flat
    /// yield's curve).
    public static func dividends(_ report: DividendsReport, subject: String? = nil) -> XYChart {
        let path = report.path
        var indexPoints = path.rows.map { ChartPoint(Double($0.date), $0.yieldIndex) }
        if let last = path.rows.last, path.to > last.date { indexPoints.append(ChartPoint(Double(path.to), last.yieldIndex)) }
        let dividends = path.rows.filter { $0.kind == .dividend }.map { ChartPoint(Double($0.date), $0.yieldIndex) }
        let splits = path.rows.filter { $0.kind == .split }.map { ChartPoint(Double($0.date), $0.yieldIndex) }
        var series = [
            ChartSeries(name: "yield index (dividends reinvested)", points: indexPoints, style: .step, color: Palette.blue),
            ChartSeries(name: "dividend (ex-date)", points: dividends, style: .scatter, color: Palette.blue, marker: .circle, markerRadius: 4)
        ]
        if !splits.isEmpty {
            series.append(ChartSeries(name: "split", points: splits, style: .scatter, color: Palette.purple, marker: .diamond, markerRadius: 4.5))
        }
        var references: [ReferenceLine] = []
        var notes = ["realized APY \(percent(report.realizedApy)) over the window"]
        if let projection = report.projection {
            let start = Double(projection.valuationTime)
            let end = Double(projection.maturity)
            var points = [ChartPoint(start, projection.currentIndex)]
            let basis: String
            switch report.projectionBasis {
            case .listedDividends?:
                for dividend in projection.dividendsBeforeMaturity { points.append(ChartPoint(Double(dividend.exDate), dividend.indexAfter)) }
                points.append(ChartPoint(end, projection.expectedIndexAtMaturity))
                basis = "the listed dividends"
                series.append(
                    ChartSeries(name: "projection to maturity (\(basis))", points: points, style: .step, color: Palette.vermillion, dash: .dashed))
                let listed = projection.dividendsBeforeMaturity.map { ChartPoint(Double($0.exDate), $0.indexAfter) }
                if !listed.isEmpty {
                    series.append(
                        ChartSeries(
                            name: "listed dividend", points: listed, style: .scatter, color: Palette.vermillion, marker: .circle,
                            hollowMarkers: true, markerRadius: 4))
                }
            default:
                // A flat yield compounds continuously: the index grows as a smooth curve to its value at maturity.
                let steps = 48
                let growth = projection.expectedIndexAtMaturity / projection.currentIndex
                points = (0...steps).map { k in
                    let t = Double(k) / Double(steps)
                    return ChartPoint(start + (end - start) * t, projection.currentIndex * Foundation.pow(growth, t))
                }
                basis =
                    report.projectionBasis == .assumedYield
                    ? "an assumed \(percent(report.assumedGrossYield ?? 0)) gross yield" : "the window's trailing yield"
                series.append(ChartSeries(name: "projection to maturity (\(basis))", points: points, color: Palette.vermillion, dash: .dashed))
            }
            references.append(
                ReferenceLine(
                    .vertical, at: start, label: "window end \(UnixTime.formatDate(projection.valuationTime)): the projection starts",
                    tag: "projection", color: Palette.gray, dash: .dotted))
            references.append(
                ReferenceLine(
                    .vertical, at: end, label: "maturity \(UnixTime.formatDate(projection.maturity))", tag: "maturity",
                    color: Palette.ink, dash: .dotted))
            notes.append("projected APY \(percent(projection.expectedUnderlyingApy)) to maturity")
        }
        if let market = report.marketComparison {
            let rich =
                market.ptRichBp >= 0
                ? "PT rich by \(ChartNumberFormat.short(market.ptRichBp, maxDecimals: 2)) bp"
                : "PT cheap by \(ChartNumberFormat.short(-market.ptRichBp, maxDecimals: 2)) bp"
            notes.append("market implied APY \(percent(market.marketImpliedApy)) against a fair \(percent(market.fairImpliedApy)): \(rich)")
        }
        let withholding = path.withholding.map { "\(ChartNumberFormat.short($0.doubleValue * 100, maxDecimals: 2))% withheld" }
        return XYChart(
            title: "Dividends: the token's yield index" + (report.projection == nil ? "" : " and its projection to maturity"),
            subtitle: joined([subject, withholding, "window \(UnixTime.formatDate(path.from)) → \(UnixTime.formatDate(path.to))"]),
            x: ChartAxis(label: "date (UTC)", scale: .time, ticks: .date),
            y: ChartAxis(label: "yield index (shares per token)"),
            series: series, references: references, notes: notes)
    }

    // MARK: hedge minvar

    /// `hedge minvar`: the regressed pairs (``MinimumVarianceHedgeResult/spotValues`` on
    /// ``MinimumVarianceHedgeResult/hedgeValues``) as a scatter with the fitted line; h*, its standard
    /// error and R² in the legend.
    public static func minimumVariance(_ result: MinimumVarianceHedgeResult, subject: String? = nil) -> XYChart {
        let r = result.regression
        let count = Swift.min(result.spotValues.count, result.hedgeValues.count)
        let pairs = (0..<count).map { ChartPoint(result.hedgeValues[$0], result.spotValues[$0]) }
        let xs = pairs.map(\.x).filter(\.isFinite)
        var line: [ChartPoint] = []
        if let low = xs.min(), let high = xs.max() {
            line = [ChartPoint(low, r.intercept + r.hedgeRatio * low), ChartPoint(high, r.intercept + r.hedgeRatio * high)]
        }
        let dense = count > 400
        let what: (String, TickStyle)
        switch result.mode {
        case .levels: what = ("level", .number)
        case .differences: what = ("change per period", .number)
        case .returns: what = ("return per period (%)", .percent)
        case .logReturns: what = ("log-return per period (%)", .percent)
        }
        let t = r.tStatistic.map { ", t = \(ChartNumberFormat.fixed($0, decimals: 1))" } ?? ", an exact fit"
        let intercept =
            result.mode == .returns || result.mode == .logReturns ? percent(r.intercept) : ChartNumberFormat.significant(r.intercept, digits: 4)
        return XYChart(
            title: "Minimum-variance hedge: the spot's \(result.mode == .levels ? "levels" : "changes") on the hedge's",
            subtitle: joined([
                subject,
                "spot \(lastComponent(result.spot.source)) (\(result.spot.column)) on hedge \(lastComponent(result.hedge.source)) (\(result.hedge.column))",
                "\(result.mode.name), \(UnixTime.formatDate(result.firstJoinedDate)) … \(UnixTime.formatDate(result.lastJoinedDate))"
            ]),
            x: ChartAxis(label: "hedge: \(result.hedge.column) \(what.0)", ticks: what.1),
            y: ChartAxis(label: "spot: \(result.spot.column) \(what.0)", ticks: what.1),
            series: [
                ChartSeries(
                    name: "\(r.observations) pairs", points: pairs, style: .scatter, color: Palette.blue, markerRadius: dense ? 2.2 : 3,
                    opacity: dense ? 0.5 : 0.8),
                ChartSeries(
                    name: "fit: spot = \(intercept) + \(ChartNumberFormat.significant(r.hedgeRatio, digits: 4)) × hedge",
                    points: line, color: Palette.vermillion, lineWidth: 2.5)
            ],
            notes: [
                "h* = \(ChartNumberFormat.significant(r.hedgeRatio, digits: 4)) ± \(ChartNumberFormat.significant(r.standardError, digits: 2)) (one standard error\(t))",
                "R² = \(ChartNumberFormat.fixed(r.rSquared, decimals: 4)): the hedge removes \(ChartNumberFormat.fixed(r.rSquared * 100, decimals: 1))% of the variance"
            ])
    }

    // MARK: Text

    static func percent(_ fraction: Double) -> String { ChartNumberFormat.percent(fraction, decimals: 4) }

    static func usd(_ value: Double) -> String { ChartNumberFormat.fixed(value, decimals: 2) + " USD" }

    /// A quantity to six significant digits (`43.5652`, `19,823.5`).
    static func number(_ value: Double) -> String { ChartNumberFormat.significant(value, digits: 6) }

    static func joined(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// `pt:1000, yt:−500` with units to six significant digits.
    public static func positionText(_ position: Position) -> String {
        position.legs.map { "\($0.token.rawValue):\(ChartNumberFormat.significant($0.amount.doubleValue, digits: 6, grouping: false))" }
            .joined(separator: ", ")
    }

    /// The file name of a path (`examples/data/spy.csv` → `spy.csv`).
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
