import Foundation

/// What the minimum-variance regression is run on, between consecutive dates both series share.
public enum HedgeChangeMode: String, CaseIterable, Sendable {
    /// The values themselves at the shared dates.
    case levels
    /// `v_t − v_{t−1}`: price changes (Hull's ΔS and ΔF); the ratio is in units of hedge per unit of spot.
    case differences
    /// `v_t / v_{t−1} − 1`, computed as `(v_t − v_{t−1}) / v_{t−1}`; the ratio is in value of hedge per value of spot.
    case returns
    /// `ln(v_t / v_{t−1})`, computed as `log1p((v_t − v_{t−1}) / v_{t−1})`.
    case logReturns = "log-returns"

    /// The mode's name as the command and batch read it (`log-returns`).
    public var name: String { rawValue }
}

/// An ordinary least-squares fit of spot on hedge, `y = a + h·x + e`, with what hedging reads from it.
public struct HedgeRegression: Hashable, Sendable {
    /// `h* = Cov(x, y) / Var(x) = ρ · σ_y / σ_x`: the slope.
    public var hedgeRatio: Double
    /// `a = ȳ − h*·x̄`.
    public var intercept: Double
    /// `SE(h*) = sqrt( (Σe²/(n − 2)) / Σ(x − x̄)² )`.
    public var standardError: Double
    /// `h* / SE(h*)` with `n − 2` degrees of freedom; nil when the fit is exact (`SE = 0`, or so small
    /// that the ratio is beyond a double).
    public var tStatistic: Double?
    /// `R² = ρ²`: the share of the spot's variance the hedge removes (hedge effectiveness).
    public var rSquared: Double
    /// `ρ`: the correlation of x and y.
    public var correlation: Double
    /// `n`: the pairs regressed.
    public var observations: Int
    /// The means and sample standard deviations (divisor `n − 1`) of y (spot) and x (hedge).
    public var spotMean: Double
    public var hedgeMean: Double
    public var spotStandardDeviation: Double
    public var hedgeStandardDeviation: Double

    /// `n − 2`.
    public var degreesOfFreedom: Int { observations - 2 }
}

/// What one series contributed: where it came from, its value column, its rows and their dates.
public struct HedgeSeriesSummary: Hashable, Sendable {
    public var source: String
    public var column: String
    public var rows: Int
    public var firstDate: Int64
    public var lastDate: Int64
}

/// Dates present in one series only, left out of the join (all of them, oldest first).
public struct UnmatchedDates: Hashable, Sendable {
    public var spotOnly: [Int64]
    public var hedgeOnly: [Int64]

    public init(spotOnly: [Int64] = [], hedgeOnly: [Int64] = []) {
        self.spotOnly = spotOnly
        self.hedgeOnly = hedgeOnly
    }

    /// `spotOnly.count + hedgeOnly.count`.
    public var count: Int { spotOnly.count + hedgeOnly.count }
}

/// The minimum-variance hedge ratio of two dated series, and what it assumed.
public struct MinimumVarianceHedgeResult: Hashable, Sendable {
    public var mode: HedgeChangeMode
    public var regression: HedgeRegression
    public var spot: HedgeSeriesSummary
    public var hedge: HedgeSeriesSummary
    /// Dates both series have, and the first and last of them.
    public var joinedDates: Int
    public var firstJoinedDate: Int64
    public var lastJoinedDate: Int64
    public var unmatched: UnmatchedDates
    /// The values regressed, pair by pair in date order: the spot's (y) and the hedge's (x), in the mode's
    /// terms (the levels, or the changes between consecutive joined dates). A chart of the fit draws them.
    public var spotValues: [Double]
    public var hedgeValues: [Double]

    /// What the figures assume, in words (the same whichever file or field the series came from).
    public var assumptions: [String] {
        let between =
            "between consecutive dates both series share (\(joinedDates) dates, \(UnixTime.formatDate(firstJoinedDate)) … \(UnixTime.formatDate(lastJoinedDate)))"
        var lines: [String]
        switch mode {
        case .levels:
            lines = [
                "levels: the spot's values regressed on the hedge's at the \(joinedDates) dates both series share; "
                    + "for trending prices a regression of levels overstates R² (Hull's ratio uses changes)"
            ]
        case .differences:
            lines = ["differences: ΔS and ΔF \(between); h* is in units of the hedge per unit of spot"]
        case .returns:
            lines = ["returns: v_t / v_{t−1} − 1 \(between); h* is value of the hedge per unit of value of spot"]
        case .logReturns:
            lines = ["log-returns: ln(v_t / v_{t−1}) \(between); h* is value of the hedge per unit of value of spot"]
        }
        lines.append(
            "spot: column '\(spot.column)', \(spot.rows) rows (\(UnixTime.formatDate(spot.firstDate)) … \(UnixTime.formatDate(spot.lastDate)))")
        lines.append(
            "hedge: column '\(hedge.column)', \(hedge.rows) rows (\(UnixTime.formatDate(hedge.firstDate)) … \(UnixTime.formatDate(hedge.lastDate)))")
        if unmatched.count == 0 {
            lines.append("rows are joined on the exact date (Unix second); every date is in both series")
        } else {
            lines.append(
                "rows are joined on the exact date (Unix second); \(unmatched.spotOnly.count) spot-only and \(unmatched.hedgeOnly.count) hedge-only dates are left out"
                    + (mode == .levels ? "" : ", so a change can span a date missing from one series"))
        }
        lines.append(
            "ordinary least squares with an intercept, one relation over the whole sample; the standard error assumes independent, equally variable residuals (no overlapping changes)"
        )
        return lines
    }

    /// Data left out of the estimate, in words: the dates in one series only (empty when there are none).
    public var warnings: [String] {
        guard unmatched.count > 0 else { return [] }
        func first(_ dates: [Int64]) -> String { dates.first.map { " (first \(UnixTime.formatDate($0)))" } ?? "" }
        return [
            "\(unmatched.count) date\(unmatched.count == 1 ? " is" : "s are") in one series only and left out: "
                + "\(unmatched.spotOnly.count) spot-only\(first(unmatched.spotOnly)), \(unmatched.hedgeOnly.count) hedge-only\(first(unmatched.hedgeOnly))"
        ]
    }
}

/// The minimum-variance hedge ratio (Hull, *Options, Futures, and Other Derivatives*, ch. 3): the
/// number of units of a hedge to short per unit of spot so that the variance of `ΔS − h·ΔF` is least.
///
/// ```
/// var(ΔS − h ΔF) = σ_S² − 2h ρ σ_S σ_F + h² σ_F²      least at
/// h* = ρ σ_S / σ_F = Cov(ΔS, ΔF) / Var(ΔF)              the OLS slope of ΔS on ΔF (with an intercept)
/// R² = ρ²                                               the share of var(ΔS) the hedge removes
/// SE(h*) = sqrt( (Σe²/(n − 2)) / Σ(ΔF − mean ΔF)² ),    t = h* / SE with n − 2 degrees of freedom
/// ```
/// The two series are joined on their dates first; the mode's changes are then taken between
/// consecutive joined dates. Means and sums of squares are two-pass (with the pass's residual sum
/// added back, the corrected two-pass algorithm), and the residuals are summed in a third pass.
public enum MinimumVarianceHedge {
    /// The fewest pairs a slope with a standard error needs (`n − 2 ≥ 1`).
    public static let minimumObservations = 3

    /// Joins `spot` and `hedge` on their dates, takes the mode's changes and regresses spot on hedge.
    ///
    /// - Throws: `NonPositiveValue` (a value ≤ 0 in either series, in `returns` and `log-returns`),
    ///   `SeriesTooShort` (fewer than 3 pairs), `ZeroVariance` (the hedge's or the spot's regressed values
    ///   do not vary), `NotFinite`.
    public static func compute(spot: DatedSeries, hedge: DatedSeries, mode: HedgeChangeMode = .differences)
        throws(HedgeDataError) -> MinimumVarianceHedgeResult
    {
        if mode == .returns || mode == .logReturns {
            if let bad = spot.values.first(where: { !($0.value > 0) }) {
                throw .nonPositiveValue(file: spot.source, line: bad.line, value: numberText(bad.value), mode: mode.name)
            }
            if let bad = hedge.values.first(where: { !($0.value > 0) }) {
                throw .nonPositiveValue(file: hedge.source, line: bad.line, value: numberText(bad.value), mode: mode.name)
            }
        }
        // Merge join: x the hedge's values, y the spot's, at the dates both have.
        var x: [Double] = []
        var y: [Double] = []
        let capacity = Swift.min(spot.count, hedge.count)
        x.reserveCapacity(capacity)
        y.reserveCapacity(capacity)
        var unmatched = UnmatchedDates()
        var firstJoined: Int64? = nil
        var lastJoined: Int64 = 0
        var levelScaleX = 0.0
        var levelScaleY = 0.0
        let s = spot.values
        let h = hedge.values
        var i = 0
        var j = 0
        while i < s.count || j < h.count {
            if j == h.count || (i < s.count && s[i].date < h[j].date) {
                unmatched.spotOnly.append(s[i].date)
                i += 1
            } else if i == s.count || h[j].date < s[i].date {
                unmatched.hedgeOnly.append(h[j].date)
                j += 1
            } else {
                y.append(s[i].value)
                x.append(h[j].value)
                levelScaleY = Swift.max(levelScaleY, abs(s[i].value))
                levelScaleX = Swift.max(levelScaleX, abs(h[j].value))
                if firstJoined == nil { firstJoined = s[i].date }
                lastJoined = s[i].date
                i += 1
                j += 1
            }
        }
        let joined = x.count
        let observations = mode == .levels ? joined : Swift.max(joined - 1, 0)
        guard observations >= minimumObservations, let firstJoined else {
            throw .seriesTooShort(
                observations: observations, needed: minimumObservations, mode: mode.name, joinedDates: joined,
                spotOnly: unmatched.spotOnly.count, hedgeOnly: unmatched.hedgeOnly.count)
        }
        // The rounding noise of the regressed values: relative to the levels for levels and differences,
        // to 1 for returns (a ratio of two rounded values is off by about one part in 2^53).
        let levels = mode == .levels || mode == .differences
        let scaleX = levels ? levelScaleX : 1
        let scaleY = levels ? levelScaleY : 1
        if mode != .levels {
            changes(&x, mode)
            changes(&y, mode)
        }
        let regression = try fit(
            spot: y, hedge: x, spotScale: scaleY, hedgeScale: scaleX, spotSource: spot.source,
            hedgeSource: hedge.source, mode: mode)
        return MinimumVarianceHedgeResult(
            mode: mode, regression: regression, spot: summary(spot), hedge: summary(hedge), joinedDates: joined,
            firstJoinedDate: firstJoined, lastJoinedDate: lastJoined, unmatched: unmatched, spotValues: y, hedgeValues: x)
    }

    /// The regression of `spot` on `hedge`, pairs already matched (equal counts, at least 3).
    ///
    /// - Throws: `SeriesTooShort` (fewer than 3 pairs, or counts that differ), `ZeroVariance`, `NotFinite`.
    public static func fit(spot: [Double], hedge: [Double]) throws(HedgeDataError) -> HedgeRegression {
        guard spot.count == hedge.count, spot.count >= minimumObservations else {
            let n = Swift.min(spot.count, hedge.count)
            throw .seriesTooShort(
                observations: n, needed: minimumObservations, mode: HedgeChangeMode.levels.name, joinedDates: n,
                spotOnly: spot.count - n, hedgeOnly: hedge.count - n)
        }
        return try fit(
            spot: spot, hedge: hedge, spotScale: largestMagnitude(spot), hedgeScale: largestMagnitude(hedge),
            spotSource: "spot", hedgeSource: "hedge", mode: .levels)
    }

    static func largestMagnitude(_ values: [Double]) -> Double {
        var largest = 0.0
        for value in values { largest = Swift.max(largest, abs(value)) }
        return largest
    }

    // MARK: The computation

    /// Replaces `values` (n + 1 values) by the mode's n changes, in place (the array shrinks by one).
    static func changes(_ values: inout [Double], _ mode: HedgeChangeMode) {
        guard values.count >= 2 else { return }
        values.withUnsafeMutableBufferPointer { v in
            for k in 0..<(v.count - 1) {
                let before = v[k]
                let after = v[k + 1]
                switch mode {
                case .levels: break
                case .differences: v[k] = after - before
                case .returns: v[k] = (after - before) / before
                case .logReturns: v[k] = log1p((after - before) / before)
                }
            }
        }
        values.removeLast()
    }

    /// The fit of y on x; a series whose standard deviation is within 64 ulps of its `scale` (the size of
    /// its rounding noise) has no variance.
    static func fit(
        spot y: [Double], hedge x: [Double], spotScale: Double, hedgeScale: Double, spotSource: String,
        hedgeSource: String, mode: HedgeChangeMode
    ) throws(HedgeDataError) -> HedgeRegression {
        let n = x.count
        let count = Double(n)
        var sumX = 0.0
        var sumY = 0.0
        var largestX = hedgeScale
        var largestY = spotScale
        for k in 0..<n {
            sumX += x[k]
            sumY += y[k]
            largestX = Swift.max(largestX, abs(x[k]))
            largestY = Swift.max(largestY, abs(y[k]))
        }
        guard sumX.isFinite, largestX.isFinite else { throw .notFinite(quantity: "the hedge's \(mode == .levels ? "values" : mode.name)") }
        guard sumY.isFinite, largestY.isFinite else { throw .notFinite(quantity: "the spot's \(mode == .levels ? "values" : mode.name)") }
        var meanX = sumX / count
        var meanY = sumY / count
        // Second pass about the first means; the residual sums correct the means and the sums of squares.
        var dxSum = 0.0
        var dySum = 0.0
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        for k in 0..<n {
            let dx = x[k] - meanX
            let dy = y[k] - meanY
            dxSum += dx
            dySum += dy
            sxx += dx * dx
            syy += dy * dy
            sxy += dx * dy
        }
        sxx -= dxSum * dxSum / count
        syy -= dySum * dySum / count
        sxy -= dxSum * dySum / count
        meanX += dxSum / count
        meanY += dySum / count
        // Constant (to within rounding) values have no variance to regress on.
        let noise = 64 * Double.ulpOfOne
        if !(sxx > 0) || (sxx / count).squareRoot() <= noise * largestX {
            throw .zeroVariance(file: hedgeSource, series: "hedge", mode: mode.name)
        }
        if !(syy > 0) || (syy / count).squareRoot() <= noise * largestY {
            throw .zeroVariance(file: spotSource, series: "spot", mode: mode.name)
        }
        let slope = sxy / sxx
        // Third pass: the residuals about the fitted line through the means.
        var sse = 0.0
        for k in 0..<n {
            let e = (y[k] - meanY) - slope * (x[k] - meanX)
            sse += e * e
        }
        let product = sxx * syy
        let scale = product.isNormal ? product.squareRoot() : sxx.squareRoot() * syy.squareRoot()
        let correlation = Swift.min(1, Swift.max(-1, sxy / scale))
        let standardError = (sse / Double(n - 2) / sxx).squareRoot()
        let t = slope / standardError
        let regression = HedgeRegression(
            hedgeRatio: slope, intercept: meanY - slope * meanX, standardError: standardError,
            tStatistic: standardError > 0 && t.isFinite ? t : nil, rSquared: correlation * correlation, correlation: correlation,
            observations: n, spotMean: meanY, hedgeMean: meanX,
            spotStandardDeviation: (syy / Double(n - 1)).squareRoot(), hedgeStandardDeviation: (sxx / Double(n - 1)).squareRoot())
        if !slope.isFinite { throw .notFinite(quantity: "hedgeRatio") }
        if !regression.intercept.isFinite { throw .notFinite(quantity: "intercept") }
        if !standardError.isFinite { throw .notFinite(quantity: "standardError") }
        if !correlation.isFinite { throw .notFinite(quantity: "correlation") }
        if !regression.spotStandardDeviation.isFinite || !regression.hedgeStandardDeviation.isFinite {
            throw .notFinite(quantity: "a standard deviation")
        }
        return regression
    }

    static func summary(_ series: DatedSeries) -> HedgeSeriesSummary {
        HedgeSeriesSummary(
            source: series.source, column: series.column, rows: series.count,
            firstDate: series.values.first?.date ?? 0, lastDate: series.values.last?.date ?? 0)
    }

    /// A value as short decimal text, for messages.
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
