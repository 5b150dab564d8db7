import Foundation

/// The SY exchange rate of a total-return stock token (Ondo's `sValue`, Backed's multiplier): shares of
/// the stock per token, stepping up at each ex-date as the net dividend is reinvested.
///
/// ```
/// dividend:  multiplier ← multiplier · (1 + d · (1 − w) / P)      d = gross dividend per share (USD)
///            yieldIndex ← yieldIndex · (1 + d · (1 − w) / P)      w = withholding, P = reinvest price
/// split N:1: multiplier ← multiplier · N,  splitFactor ← splitFactor · N,  yieldIndex unchanged
/// yieldIndex = multiplier / splitFactor
/// ```
/// The **yield index** is what a Pendle SY over the token reports as its exchange rate: its accounting
/// asset is one *split-adjusted share* (one share as counted at the index's start; after a 4-for-1
/// split, four shares). Dividing the cumulative split factor out is what keeps a 10:1 split from reading
/// as 900 % yield (and a reverse split as a loss that would trip the PY index's negative-yield guard).
/// The issuer's raw multiplier is reported alongside.
///
/// **Exact index** (``Wad``, as a chain would publish it): each dividend adds
/// `floor(index · d · (1e18 − w) / (P · 1e18))` wei, one floor per event, so the exact index never exceeds
/// the real one and trails it by less than one wei per event; a split multiplies the multiplier and the
/// split factor with `mulDown` and leaves the yield index's wei untouched.
public enum StockTokenIndex {
    /// One dividend's reinvestment on an exact index:
    /// `index + floor(index · dividendPerShareUsd · (1e18 − withholding) / (reinvestPriceUsd · 1e18))` (wei).
    /// **Domain**: index ≥ 0, dividend ≥ 0, price > 0 (`Panic(0x12)` for 0). **Rounding**: floor, once.
    public static func reinvest(
        index: Wad, dividendPerShareUsd: Wad, withholding: Withholding,
        reinvestPriceUsd: Wad
    ) throws(PendleError) -> Wad {
        let numerator = try PMath.mul(PMath.mul(index.raw, dividendPerShareUsd.raw), withholding.retained.raw)
        let denominator = try PMath.mul(reinvestPriceUsd.raw, PMath.iOne)
        return Wad(raw: try PMath.add(index.raw, PMath.div(numerator, denominator)))
    }

    /// The same in real arithmetic: `index · (1 + d · (1 − w) / P)`.
    public static func reinvest(index: Double, dividendPerShareUsd: Double, withholding: Double, reinvestPriceUsd: Double) -> Double {
        index * (1 + dividendPerShareUsd * (1 - withholding) / reinvestPriceUsd)
    }

    /// The typical gap between a schedule's dividends, in seconds: the median of the gaps between
    /// consecutive ex-dates, rounded to whole days (1 to 36,500 days); 365 days with fewer than two
    /// dividends.
    public static func typicalGap(for schedule: DividendSchedule) -> Int64 {
        let dates = schedule.dividends.map(\.exDate)
        let day = RateConventions.secondsPerDay
        guard dates.count >= 2 else { return 365 * day }
        // Gaps in whole days, in Double so that no pair of dates can overflow.
        let gaps = zip(dates.dropFirst(), dates).map { (Double($0) - Double($1)) / Double(day) }.sorted()
        let median = gaps.count % 2 == 1 ? gaps[gaps.count / 2] : (gaps[gaps.count / 2 - 1] + gaps[gaps.count / 2]) / 2
        return Int64(Swift.max(1, Swift.min(median.rounded(), 36_500))) * day
    }

    /// The default window of a schedule: from one typical gap (``typicalGap(for:)``) before the first
    /// dividend to the last action. With n evenly spaced dividends it spans n periods, so an annualized
    /// yield is not inflated by n / (n − 1).
    public static func defaultWindow(for schedule: DividendSchedule) throws(TokenizationError) -> (from: Int64, to: Int64) {
        guard let first = schedule.actions.first, let last = schedule.actions.last else { throw .emptySchedule }
        let gap = typicalGap(for: schedule)
        let start = schedule.dividends.first?.exDate ?? first.date
        let (from, overflow) = start.subtractingReportingOverflow(gap)
        if overflow {
            throw .invalidDateRange(what: "index window", start: UnixTime.formatDate(start), end: UnixTime.formatDate(last.date))
        }
        return (from, last.date)
    }

    /// The index path of a dividend schedule over the window `(from, to]`.
    ///
    /// The path starts at `from` with `initialMultiplier` (split factor 1, yield index = the multiplier);
    /// every action with `from < date ≤ to` is applied in order. Actions outside the window are ignored.
    ///
    /// - Parameters:
    ///   - schedule: dividends and splits.
    ///   - withholding: the share of each dividend withheld (default 30 %).
    ///   - prices: where a dividend without its own reinvest price gets one.
    ///   - initialMultiplier: shares per token at `from` (> 0; 1 for a token launched at `from`).
    ///   - from: Unix seconds; nil for ``defaultWindow(for:)``'s start.
    ///   - to: Unix seconds, after `from` (else `InvalidDateRange`); nil for the default window's end.
    /// - Throws: ``TokenizationError`` (`MissingReinvestPrice`, `InvalidDateRange`, …); `Panic(0x11)` if
    ///   an exact product overflows.
    public static func path(
        schedule: DividendSchedule, withholding: Withholding = .standard,
        prices: ReinvestPriceAssumption = .eventPricesOnly, initialMultiplier: Wad = .one,
        from: Int64? = nil, to: Int64? = nil
    ) throws -> IndexPath {
        try TokenizationValidation.positiveRate(initialMultiplier, "initialMultiplier")
        var start: Int64
        var end: Int64
        if let from, let to {
            (start, end) = (from, to)
        } else {
            let defaults = try defaultWindow(for: schedule)
            (start, end) = (from ?? defaults.from, to ?? defaults.to)
        }
        guard start < end else {
            throw TokenizationError.invalidDateRange(what: "index window", start: UnixTime.formatDate(start), end: UnixTime.formatDate(end))
        }
        var state = IndexState(
            multiplierWad: initialMultiplier, splitFactorWad: .one, yieldIndexWad: initialMultiplier,
            multiplier: initialMultiplier.doubleValue, splitFactor: 1, yieldIndex: initialMultiplier.doubleValue)
        var pyIndexWad = initialMultiplier
        var pyIndex = initialMultiplier.doubleValue
        var rows = [IndexPathRow(date: start, kind: .start, state: state, pyIndexWad: pyIndexWad, pyIndex: pyIndex)]
        for action in schedule.actions where action.date > start && action.date <= end {
            var row: IndexPathRow
            switch action {
            case .dividend(let event):
                let price = try prices.price(for: event)
                let net = withholding.retained.doubleValue * event.amountPerShareUsd.doubleValue / price.doubleValue
                state.yieldIndexWad = try reinvest(
                    index: state.yieldIndexWad, dividendPerShareUsd: event.amountPerShareUsd,
                    withholding: withholding, reinvestPriceUsd: price)
                state.multiplierWad = try reinvest(
                    index: state.multiplierWad, dividendPerShareUsd: event.amountPerShareUsd,
                    withholding: withholding, reinvestPriceUsd: price)
                state.yieldIndex *= 1 + net
                state.multiplier *= 1 + net
                pyIndexWad = Swift.max(pyIndexWad, state.yieldIndexWad)
                pyIndex = Swift.max(pyIndex, state.yieldIndex)
                row = IndexPathRow(date: event.exDate, kind: .dividend, state: state, pyIndexWad: pyIndexWad, pyIndex: pyIndex)
                row.dividendPerShareUsd = event.amountPerShareUsd
                row.reinvestPriceUsd = price
                row.netYield = net
            case .split(let split):
                state.multiplierWad = try state.multiplierWad.mulDown(split.ratio)
                state.splitFactorWad = try state.splitFactorWad.mulDown(split.ratio)
                state.multiplier *= split.ratio.doubleValue
                state.splitFactor *= split.ratio.doubleValue
                row = IndexPathRow(date: split.effectiveDate, kind: .split, state: state, pyIndexWad: pyIndexWad, pyIndex: pyIndex)
                row.splitRatio = split.ratio
            }
            row.certainty = action.certainty
            row.line = action.line
            rows.append(row)
        }
        return IndexPath(from: start, to: end, withholding: withholding, rows: rows)
    }

    /// The index path of a rate series read from chain: each observation's yield index is
    /// `multiplier / cumulativeSplitFactor` (``Wad``: `divDown`, floor), the split factor multiplying by
    /// each observation's `splitRatio` (the multiplier on that row already includes the split). The PY
    /// index is the running maximum, so a falling multiplier shows as yield index < PY index.
    /// The window is the first to the last observation (`InvalidDateRange` for fewer than two dates).
    public static func path(series: ExchangeRateSeries) throws -> IndexPath {
        guard let first = series.observations.first, let last = series.observations.last, first.date < last.date else {
            let date = series.observations.first.map { UnixTime.formatDate($0.date) } ?? "none"
            throw TokenizationError.invalidDateRange(what: "rate series (needs two dates)", start: date, end: date)
        }
        var splitFactorWad = Wad.one
        var splitFactor = 1.0
        var pyIndexWad = Wad.zero
        var pyIndex = 0.0
        var rows: [IndexPathRow] = []
        for (i, observation) in series.observations.enumerated() {
            if let ratio = observation.splitRatio {
                splitFactorWad = try splitFactorWad.mulDown(ratio)
                splitFactor *= ratio.doubleValue
            }
            let yieldIndexWad = try observation.multiplier.divDown(splitFactorWad)
            let yieldIndex = observation.multiplier.doubleValue / splitFactor
            pyIndexWad = Swift.max(pyIndexWad, yieldIndexWad)
            pyIndex = Swift.max(pyIndex, yieldIndex)
            let state = IndexState(
                multiplierWad: observation.multiplier, splitFactorWad: splitFactorWad, yieldIndexWad: yieldIndexWad,
                multiplier: observation.multiplier.doubleValue, splitFactor: splitFactor, yieldIndex: yieldIndex)
            var row = IndexPathRow(
                date: observation.date, kind: i == 0 ? .start : .observation, state: state,
                pyIndexWad: pyIndexWad, pyIndex: pyIndex)
            row.splitRatio = observation.splitRatio
            row.line = observation.line
            rows.append(row)
        }
        return IndexPath(from: first.date, to: last.date, withholding: nil, rows: rows)
    }
}

/// An issuer's multiplier as read from chain over time, with the splits it includes.
///
/// **Invariants** (``init(observations:)``): dates strictly increase (`UnsortedSchedule`, `DuplicateDate`),
/// multipliers > 0 (`NonPositiveExchangeRate`), split ratios > 0 (`NonPositiveSplitRatio`).
public struct ExchangeRateSeries: Hashable, Sendable {
    public private(set) var observations: [ExchangeRateObservation]

    /// Checks the invariants in order and throws the first violation (with the observation's line).
    public init(observations: [ExchangeRateObservation]) throws(TokenizationError) {
        var previous: ExchangeRateObservation?
        for o in observations {
            try Self.check(o, after: previous)
            previous = o
        }
        self.observations = observations
    }

    /// The invariants for one observation following `previous`.
    static func check(_ o: ExchangeRateObservation, after previous: ExchangeRateObservation?) throws(TokenizationError) {
        let line = o.line ?? 0
        try TokenizationValidation.strictlyIncreasing(o.date, after: previous?.date, line: line)
        if !o.multiplier.isPositive {
            throw .nonPositiveExchangeRate(line: line, field: "multiplier", value: o.multiplier.description)
        }
        if let r = o.splitRatio, !r.isPositive { throw .nonPositiveSplitRatio(line: line, value: r.description) }
    }
}

/// One reading of an issuer's multiplier (shares per token, 1.0 at launch); `splitRatio` when a split took
/// effect at this reading.
public struct ExchangeRateObservation: Hashable, Sendable {
    public var date: Int64
    public var multiplier: Wad
    public var splitRatio: Wad?
    public var line: Int?
    public init(date: Int64, multiplier: Wad, splitRatio: Wad? = nil, line: Int? = nil) {
        self.date = date
        self.multiplier = multiplier
        self.splitRatio = splitRatio
        self.line = line
    }
}

/// The multiplier, split factor and yield index at one point of a path, exact and real.
struct IndexState {
    var multiplierWad: Wad, splitFactorWad: Wad, yieldIndexWad: Wad
    var multiplier: Double, splitFactor: Double, yieldIndex: Double
}

/// One row of an ``IndexPath``.
public struct IndexPathRow: Hashable, Sendable {
    /// What a row records.
    public enum Kind: String, Sendable {
        /// The window's start (or a series' first reading).
        case start
        case dividend
        case split
        /// A reading of a rate series.
        case observation
    }

    /// Unix seconds, and the same as `YYYY-MM-DD`.
    public var date: Int64
    public var dateText: String { UnixTime.formatDate(date) }
    public var kind: Kind
    /// Dividend rows: gross USD per share, the reinvest price used, and the net yield `d · (1 − w) / P`.
    public var dividendPerShareUsd: Wad?
    public var reinvestPriceUsd: Wad?
    public var netYield: Double = 0
    /// Split rows (and series readings with a split): new shares per old.
    public var splitRatio: Wad?
    /// The issuer's multiplier (shares per token, in today's shares), exact and real.
    public var multiplierWad: Wad
    public var multiplier: Double
    /// The product of the split ratios so far.
    public var splitFactorWad: Wad
    public var splitFactor: Double
    /// The SY exchange rate: split-adjusted shares per token.
    public var yieldIndexWad: Wad
    public var yieldIndex: Double
    /// The PY index: the running maximum of the yield index.
    public var pyIndexWad: Wad
    public var pyIndex: Double
    public var certainty: String?
    public var line: Int?

    init(date: Int64, kind: Kind, state: IndexState, pyIndexWad: Wad, pyIndex: Double) {
        self.date = date
        self.kind = kind
        multiplierWad = state.multiplierWad
        multiplier = state.multiplier
        splitFactorWad = state.splitFactorWad
        splitFactor = state.splitFactor
        yieldIndexWad = state.yieldIndexWad
        yieldIndex = state.yieldIndex
        self.pyIndexWad = pyIndexWad
        self.pyIndex = pyIndex
    }
}

/// A token's index over a window: the rows (start, then each action), the realized growth and APY.
public struct IndexPath: Hashable, Sendable {
    /// The window, Unix seconds.
    public internal(set) var from: Int64
    public internal(set) var to: Int64
    /// The withholding applied (nil for a rate series read from chain).
    public internal(set) var withholding: Withholding?
    /// The start row, then one row per action in the window (never empty).
    public internal(set) var rows: [IndexPathRow]

    /// The first and last rows (a path always has the start row).
    public var startRow: IndexPathRow { rows[0] }
    public var endRow: IndexPathRow { rows[rows.count - 1] }

    /// `endYieldIndex / startYieldIndex` (real).
    public var realizedGrowth: Double { endRow.yieldIndex / startRow.yieldIndex }

    /// Years in the window (365-day years).
    public var years: Double { RateConventions.years(from: from, to: to) }

    /// `realizedGrowth^(1 / years) − 1`: the underlying APY the token earned over the window.
    public var realizedApy: Double { RateConventions.annualizedRate(growth: realizedGrowth, years: years) }

    /// The yield index readings after the start, as the yield contract would see them.
    public func exchangeRateUpdates() -> [ExchangeRateUpdate<Wad>] {
        rows.dropFirst().map { ExchangeRateUpdate(time: $0.date, exchangeRate: $0.yieldIndexWad) }
    }

    /// The same, real.
    public func exchangeRateUpdatesDouble() -> [ExchangeRateUpdate<Double>] {
        rows.dropFirst().map { ExchangeRateUpdate(time: $0.date, exchangeRate: $0.yieldIndex) }
    }
}
