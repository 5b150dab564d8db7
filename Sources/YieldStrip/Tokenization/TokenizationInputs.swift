/// What a split is computed from: the `split` command's options and the batch op `split`'s fields, one
/// struct for both doors (``SplitReport/compute(_:)``).
public struct SplitInputs: Sendable {
    /// Stock tokens wrapped one to one into SY (`--tokens`, `tokens`).
    public var tokens: Wad
    /// The SY exchange rate: split-adjusted shares per token (`--exchange-rate`, `exchangeRate`).
    public var exchangeRate: Wad
    /// The yield contract's stored PY index, nil for a fresh contract (`--index`, `pyIndexStored`).
    public var pyIndexStored: Wad?
    /// Unix seconds (`--expiry`, `expiry`); both or neither with ``valuationTime``.
    public var expiry: Int64?
    /// Unix seconds (`--at`, `valuationTime`).
    public var valuationTime: Int64?
    /// Where ``valuationTime`` came from, echoed in the answer.
    public var valuationTimeSource: TimeSource = .given
    /// The PT's implied APY, to value the legs (`--pt-implied-apy`, `ptImpliedApy`); default: the market's
    /// at the valuation time, when a market is given.
    public var ptImpliedApy: Double?
    /// USD per split-adjusted share (`--stock-price`, `stockPrice`).
    public var stockPriceUsd: Double?
    /// A market on the token (`--market FILE`; `market` and `pyIndex`): its implied APY values the legs
    /// when no APY is given, and the expiry defaults to its expiry.
    public var market: PendleV2Curve<Wad>?

    public init(tokens: Wad, exchangeRate: Wad) {
        self.tokens = tokens
        self.exchangeRate = exchangeRate
    }
}

extension SplitReport {
    /// The split of `inputs` (see ``compute(tokens:exchangeRate:pyIndexStored:expiry:valuationTime:ptImpliedApy:stockPriceUsd:market:)``).
    public static func compute(_ inputs: SplitInputs) throws -> SplitReport {
        try compute(
            tokens: inputs.tokens, exchangeRate: inputs.exchangeRate, pyIndexStored: inputs.pyIndexStored, expiry: inputs.expiry,
            valuationTime: inputs.valuationTime, ptImpliedApy: inputs.ptImpliedApy, stockPriceUsd: inputs.stockPriceUsd, market: inputs.market)
    }
}

/// What YT interest is computed from: the `yt-interest` command's options and the batch op
/// `ytInterestReport`'s fields (``YTInterestReport/compute(_:)``).
public struct YTInterestInputs: Sendable {
    /// YT held (`--balance`, `balance`).
    public var balance: Wad
    /// The PY index when the balance last accrued (`--index-from`, `indexFrom`).
    public var indexFrom: Wad
    /// The PY index now (`--index-to`, `indexTo`).
    public var indexTo: Wad
    /// The protocol's fee on interest (`--fee`, `feeRate`), 3 % by default.
    public var feeRate: Wad = YTInterest.defaultFeeRate

    public init(balance: Wad, indexFrom: Wad, indexTo: Wad) {
        self.balance = balance
        self.indexFrom = indexFrom
        self.indexTo = indexTo
    }
}

extension YTInterestReport {
    /// The interest of `inputs` (see ``compute(balance:indexFrom:indexTo:feeRate:)``).
    public static func compute(_ inputs: YTInterestInputs) throws -> YTInterestReport {
        try compute(balance: inputs.balance, indexFrom: inputs.indexFrom, indexTo: inputs.indexTo, feeRate: inputs.feeRate)
    }
}

/// Where a dividend without its own reinvest price gets one: `events` (every dividend row carries its
/// price), `flat:PRICE` (one USD price per share for all; `flat` alone takes the stock price given),
/// `growing:PRICE:RATE` (PRICE at the window's end, growing at RATE a year: for projections). The
/// `dividends` command's `--price-assumption` and the batch field `priceAssumption` are its ``text``.
public enum PriceAssumptionSpec: Hashable, Sendable {
    case eventPricesOnly
    /// nil: the stock price given (`--stock-price`, `stockPrice`).
    case flat(usdPerShare: Wad?)
    case growing(usdPerShare: Wad, annualGrowth: Double)

    /// The spec as text, as it is echoed in answers (`events`, `flat:230`, `growing:230:0.05`).
    public var text: String {
        switch self {
        case .eventPricesOnly: return "events"
        case .flat(let price): return price.map { "flat:\($0)" } ?? "flat"
        case .growing(let price, let growth): return "growing:\(price):\(growth)"
        }
    }

    /// The library's assumption. `flat` alone needs `stockPriceUsd` (`MissingInput` without it);
    /// `growing` starts at `windowEnd` (evaluated only for `growing`).
    public func assumption(stockPriceUsd: Double?, windowEnd: @autoclosure () throws -> Int64) throws -> ReinvestPriceAssumption {
        switch self {
        case .eventPricesOnly:
            return .eventPricesOnly
        case .flat(let price?):
            return .flat(usdPerShare: price)
        case .flat(nil):
            guard let stockPriceUsd else {
                throw TokenizationError.missingInput(field: "price assumption 'flat'", needs: "a stock price (or write flat:PRICE)")
            }
            guard let price = Wad(rounding: stockPriceUsd) else { throw TokenizationError.nonFiniteValue(field: "stock price") }
            return .flat(usdPerShare: price)
        case .growing(let price, let growth):
            return .growing(usdPerShare: price, from: try windowEnd(), annualGrowth: growth)
        }
    }
}

/// What a dividends report is computed from: the `dividends` command's options and the batch op
/// `dividends`'s fields (``DividendsReport/compute(_:)``).
public struct DividendsInputs: Sendable {
    /// Dividends and splits (`--schedule FILE`, `schedule`).
    public var schedule: DividendSchedule
    /// The withheld share of each dividend (`--withholding`, `withholding`), 30 % by default.
    public var withholdingRate: Wad = Withholding.standard.rate
    /// Where dividends without their own reinvest price get one (`--price-assumption`, `priceAssumption`).
    public var priceAssumption: PriceAssumptionSpec = .eventPricesOnly
    /// The window's start, Unix seconds; nil for the library's default window (`--from`, `from`).
    public var from: Int64?
    /// The window's end, Unix seconds; nil for the library's default window (`--to`, `to`).
    public var to: Int64?
    /// Projects to this maturity (`--maturity`, `maturity`).
    public var maturity: Int64?
    /// The protocol's fee on YT interest (`--fee`, `feeRate`), 3 % by default.
    public var feeRate: Wad = YTInterest.defaultFeeRate
    /// USD per share as quoted today (`--stock-price`, `stockPrice`; default: the market file's).
    public var stockPriceUsd: Double?
    /// A flat gross dividend yield to project with (`--assume-yield`, `assumeYield`).
    public var assumedYield: Double?
    /// A market to compare the fair prices with (`--market FILE`; `market` and `pyIndex`). The maturity
    /// defaults to its expiry.
    public var market: PendleV2Curve<Wad>?

    public init(schedule: DividendSchedule) { self.schedule = schedule }
}

extension DividendsReport {
    /// The report of `inputs`: the withholding checked, the price assumption resolved (a `growing` one
    /// from the window's end), then
    /// ``compute(schedule:withholding:prices:from:to:maturity:interestFeeRate:stockPriceUsd:assumedGrossYield:market:)``.
    public static func compute(_ inputs: DividendsInputs) throws -> DividendsReport {
        let withholding = try Withholding(rate: inputs.withholdingRate)
        let prices = try inputs.priceAssumption.assumption(
            stockPriceUsd: inputs.stockPriceUsd, windowEnd: try inputs.to ?? StockTokenIndex.defaultWindow(for: inputs.schedule).to)
        return try compute(
            schedule: inputs.schedule, withholding: withholding, prices: prices, from: inputs.from, to: inputs.to,
            maturity: inputs.maturity, interestFeeRate: inputs.feeRate, stockPriceUsd: inputs.stockPriceUsd,
            assumedGrossYield: inputs.assumedYield, market: inputs.market)
    }
}
