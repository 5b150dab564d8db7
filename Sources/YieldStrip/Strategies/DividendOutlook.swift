import Foundation

/// What a dividend schedule says about a stock's dividends between two times: the token's net growth
/// (dividends reinvested net of the token's withholding) and the gross dividends a short seller owes.
///
/// - **Listed** dividends (ex-date in `(from, to)`) are used as listed: `growth = Π (1 + dᵢ(1 − w)/Pᵢ)`,
///   gross dividends per share `Σ dᵢ`, gross yield `Σ dᵢ/Pᵢ`.
/// - With **none listed** in the period, the trailing yield continues: `q = Σ dᵢ/Pᵢ / years` over the
///   schedule's default window before `from` (``StockTokenIndex/defaultWindow(for:)``), credited
///   continuously as ``TokenProjectionModel`` does for a flat yield: `growth = exp(q (1 − w) τ)`, gross
///   dividends per share `q · S₀ · τ`.
///
/// `Pᵢ` is each row's reinvest price, or the assumption's (today's stock price, say).
public struct DividendOutlook: Hashable, Sendable {
    /// Where the numbers come from.
    public enum Basis: String, Sendable {
        case listedDividends
        case trailingYield
    }

    public var basis: Basis
    /// The period, Unix seconds, and its length in years.
    public var from: Int64
    public var to: Int64
    public var years: Double
    /// The gross dividend yield per year (dividends / price), and over the period.
    public var grossAnnualYield: Double
    public var grossYieldOverPeriod: Double
    /// The token's growth over the period: its dividends reinvested net of `withholding`.
    public var netGrowth: Double
    /// `netGrowth^(1/years) − 1`: the token's APY over the period.
    public var tokenApy: Double
    public var withholding: Withholding
    /// Listed dividends in the period (ex-dates).
    public var listedExDates: [Int64]
    /// The trailing window used, when the basis is the trailing yield.
    public var trailingWindow: (from: Int64, to: Int64)? {
        get { trailingFrom.flatMap { start in trailingTo.map { (start, $0) } } }
        set {
            trailingFrom = newValue?.from
            trailingTo = newValue?.to
        }
    }
    private var trailingFrom: Int64?
    private var trailingTo: Int64?
    /// Listed: `Σ dᵢ` (USD per share, as paid); trailing: nil (use ``grossDividendsPerShareUsd(stockPrice:)``).
    public var listedGrossDividendsPerShareUsd: Double?
    /// Where the schedule does not cover what the outlook rests on (its last row more than a typical gap
    /// before the period starts, so the trailing yield is stale): each says what to do.
    public var warnings: [String] = []

    /// Gross dividends one share pays over the period, in USD: the listed sum, or the trailing yield at
    /// `stockPrice`.
    public func grossDividendsPerShareUsd(stockPrice: Double) -> Double {
        listedGrossDividendsPerShareUsd ?? grossYieldOverPeriod * stockPrice
    }

    /// The outlook of `schedule` over `(from, to)` (`from < to`).
    ///
    /// - Throws: ``TokenizationError`` (`InvalidDateRange`, `MissingReinvestPrice`, `EmptySchedule` when the
    ///   schedule has no dividend at all).
    public static func project(
        schedule: DividendSchedule, from: Int64, to: Int64, withholding: Withholding,
        prices: ReinvestPriceAssumption
    ) throws -> DividendOutlook {
        guard from < to else {
            throw TokenizationError.invalidDateRange(what: "dividend outlook", start: UnixTime.formatDate(from), end: UnixTime.formatDate(to))
        }
        let years = RateConventions.years(from: from, to: to)
        let retained = withholding.retained.doubleValue
        let listed = schedule.dividends.filter { $0.exDate > from && $0.exDate < to }
        var outlook: DividendOutlook
        if !listed.isEmpty {
            var growth = 1.0
            var yieldSum = 0.0
            var usd = 0.0
            for event in listed {
                let price = try prices.price(for: event).doubleValue
                let d = event.amountPerShareUsd.doubleValue
                growth *= 1 + d * retained / price
                yieldSum += d / price
                usd += d
            }
            outlook = DividendOutlook(
                basis: .listedDividends, from: from, to: to, years: years, grossAnnualYield: yieldSum / years,
                grossYieldOverPeriod: yieldSum, netGrowth: growth,
                tokenApy: RateConventions.annualizedRate(growth: growth, years: years),
                withholding: withholding, listedExDates: listed.map(\.exDate),
                listedGrossDividendsPerShareUsd: usd)
        } else {
            let past = schedule.dividends.filter { $0.exDate <= from }
            guard !past.isEmpty else { throw TokenizationError.emptySchedule }
            let history = try DividendSchedule(actions: past.map { .dividend($0) })
            let window = try StockTokenIndex.defaultWindow(for: history)
            var yieldSum = 0.0
            for event in past where event.exDate > window.from {
                yieldSum += event.amountPerShareUsd.doubleValue / (try prices.price(for: event).doubleValue)
            }
            let q = yieldSum / RateConventions.years(from: window.from, to: window.to)
            let growth = Foundation.exp(q * retained * years)
            outlook = DividendOutlook(
                basis: .trailingYield, from: from, to: to, years: years, grossAnnualYield: q,
                grossYieldOverPeriod: q * years, netGrowth: growth,
                tokenApy: RateConventions.annualizedRate(growth: growth, years: years),
                withholding: withholding, listedExDates: [], listedGrossDividendsPerShareUsd: nil)
            outlook.trailingWindow = window
            let gap = StockTokenIndex.typicalGap(for: schedule)
            if let last = schedule.actions.last?.date, Double(from) - Double(last) > Double(gap) {
                outlook.warnings.append(
                    "the dividend schedule ends \(UnixTime.formatDate(last)), more than a typical gap between dividends "
                        + "(\(gap / RateConventions.secondsPerDay) days) before \(UnixTime.formatDate(from)): its trailing yield stands in for "
                        + "the dividends since; add the later dividends to the schedule, or give the token's APY instead")
            }
        }
        guard outlook.netGrowth.isFinite, outlook.grossAnnualYield.isFinite else { throw StrategyError.notFinite(quantity: "dividend outlook") }
        return outlook
    }

    private init(
        basis: Basis, from: Int64, to: Int64, years: Double, grossAnnualYield: Double, grossYieldOverPeriod: Double,
        netGrowth: Double, tokenApy: Double, withholding: Withholding, listedExDates: [Int64],
        listedGrossDividendsPerShareUsd: Double?
    ) {
        self.basis = basis
        self.from = from
        self.to = to
        self.years = years
        self.grossAnnualYield = grossAnnualYield
        self.grossYieldOverPeriod = grossYieldOverPeriod
        self.netGrowth = netGrowth
        self.tokenApy = tokenApy
        self.withholding = withholding
        self.listedExDates = listedExDates
        self.listedGrossDividendsPerShareUsd = listedGrossDividendsPerShareUsd
    }

    /// In words: `3 listed dividends 2026-05-11 … 2027-02-08` or `trailing yield 0.42 %/yr over 2023-08-11 … 2025-08-11`.
    public var basisDescription: String {
        switch basis {
        case .listedDividends:
            let dates = listedExDates.map(UnixTime.formatDate)
            return "\(dates.count) listed dividend\(dates.count == 1 ? "" : "s") (\(dates.first ?? "") … \(dates.last ?? ""))"
        case .trailingYield:
            let window = trailingWindow.map { " over \(UnixTime.formatDate($0.from)) … \(UnixTime.formatDate($0.to))" } ?? ""
            return String(format: "no dividend listed in the period: the trailing gross yield %.4f %%/yr", grossAnnualYield * 100) + window
                + " continues"
        }
    }
}
