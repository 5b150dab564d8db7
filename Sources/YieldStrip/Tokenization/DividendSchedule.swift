import Foundation

/// The share of a dividend withheld as tax before the issuer reinvests the rest.
///
/// US-source dividends paid to a non-US holder bear 30 % by default (IRC §§ 871/881); a treaty rate
/// (often 15 %) applies with a W-8BEN; an exempt holder reinvests the whole dividend. Ondo's BVI issuer
/// applies 30 %. Held exactly as a ``Wad`` so `0.30` is 0.3e18 wei, not the nearest `Double`.
public struct Withholding: Hashable, Sendable, CustomStringConvertible {
    /// The withheld fraction, in [0, 1].
    public let rate: Wad

    /// **Domain**: [0, 1], else `InvalidWithholding`.
    public init(rate: Wad) throws(TokenizationError) {
        guard !rate.isNegative, rate <= .one else { throw .invalidWithholding(value: rate.description) }
        self.rate = rate
    }

    private init(uncheckedPercent percent: Int64) { rate = Wad(raw: Int256(percent) &* Int256(10_000_000_000_000_000)) }

    /// 30 %: the US statutory rate for non-US holders (and Ondo's).
    public static let standard = Withholding(uncheckedPercent: 30)
    /// 15 %: the usual treaty rate for individuals.
    public static let treaty = Withholding(uncheckedPercent: 15)
    /// 0 %: an exempt holder.
    public static let exempt = Withholding(uncheckedPercent: 0)

    /// The rate as a `Double` (0.3 for 30 %).
    public var doubleValue: Double { rate.doubleValue }
    /// `1 − rate`: the share of the dividend reinvested.
    public var retained: Wad { Wad(raw: PMath.iOne &- rate.raw) }
    public var description: String { rate.description }
}

/// A cash dividend on the stock: the ex-date, the gross amount per share and optionally the price at which
/// the issuer reinvested it.
public struct DividendEvent: Hashable, Sendable {
    /// Unix seconds of the ex-date (UTC midnight for dates read from files).
    public var exDate: Int64
    /// Gross dividend, USD per share (before withholding), ≥ 0.
    public var amountPerShareUsd: Wad
    /// USD per share at which the net dividend buys more stock; nil to take it from a ``ReinvestPriceAssumption``.
    public var reinvestPriceUsd: Wad?
    /// How sure the source is (`verified`, `approximate`, `unverified`, or any note); not used by the math.
    public var certainty: String?
    /// The line of the file it was read from (nil when built in code).
    public var line: Int?

    public init(exDate: Int64, amountPerShareUsd: Wad, reinvestPriceUsd: Wad? = nil, certainty: String? = nil, line: Int? = nil) {
        self.exDate = exDate
        self.amountPerShareUsd = amountPerShareUsd
        self.reinvestPriceUsd = reinvestPriceUsd
        self.certainty = certainty
        self.line = line
    }
}

/// A stock split: from `effectiveDate` one old share is `ratio` new shares (4 for a 4-for-1 split, 0.1 for
/// a 1-for-10 reverse split). The issuer's multiplier jumps by `ratio`; the yield index does not move.
public struct StockSplit: Hashable, Sendable {
    public var effectiveDate: Int64
    /// New shares per old share, > 0.
    public var ratio: Wad
    public var certainty: String?
    public var line: Int?

    public init(effectiveDate: Int64, ratio: Wad, certainty: String? = nil, line: Int? = nil) {
        self.effectiveDate = effectiveDate
        self.ratio = ratio
        self.certainty = certainty
        self.line = line
    }
}

/// A dividend or a split, as one row of a schedule.
public enum CorporateAction: Hashable, Sendable {
    case dividend(DividendEvent)
    case split(StockSplit)

    /// The ex-date or the split's effective date, Unix seconds.
    public var date: Int64 {
        switch self {
        case .dividend(let d): return d.exDate
        case .split(let s): return s.effectiveDate
        }
    }

    public var line: Int? {
        switch self {
        case .dividend(let d): return d.line
        case .split(let s): return s.line
        }
    }

    public var certainty: String? {
        switch self {
        case .dividend(let d): return d.certainty
        case .split(let s): return s.certainty
        }
    }
}

/// Dividends and splits of one stock, strictly increasing in date.
///
/// **Invariants** (checked by ``init(actions:)``, each a ``TokenizationError`` with the row's line):
/// dates strictly increase (`UnsortedSchedule`, `DuplicateDate` — one row per date, so a split and a
/// dividend on the same day need two days' rows in the order the issuer applied them), dividends ≥ 0
/// (`NegativeAmount`), reinvest prices > 0 (`NonPositivePrice`), split ratios > 0 (`NonPositiveSplitRatio`).
public struct DividendSchedule: Hashable, Sendable {
    public private(set) var actions: [CorporateAction]

    /// Checks the invariants in order and throws the first violation (with the row's line).
    public init(actions: [CorporateAction]) throws(TokenizationError) {
        var previous: CorporateAction?
        for action in actions {
            try Self.check(action, after: previous)
            previous = action
        }
        self.actions = actions
    }

    /// The invariants for one action following `previous`.
    static func check(_ action: CorporateAction, after previous: CorporateAction?) throws(TokenizationError) {
        let line = action.line ?? 0
        try TokenizationValidation.strictlyIncreasing(action.date, after: previous?.date, line: line)
        switch action {
        case .dividend(let d):
            if d.amountPerShareUsd.isNegative {
                throw .negativeAmount(line: line, field: "amount", value: d.amountPerShareUsd.description)
            }
            if let price = d.reinvestPriceUsd, !price.isPositive {
                throw .nonPositivePrice(line: line, field: "reinvest_price", value: price.description)
            }
        case .split(let s):
            if !s.ratio.isPositive { throw .nonPositiveSplitRatio(line: line, value: s.ratio.description) }
        }
    }

    /// Dividends only, in date order.
    public var dividends: [DividendEvent] {
        actions.compactMap { if case .dividend(let d) = $0 { return d } else { return nil } }
    }

    /// Splits only, in date order.
    public var splits: [StockSplit] {
        actions.compactMap { if case .split(let s) = $0 { return s } else { return nil } }
    }

    /// Throws `DateAfterMaturity` (with the row's line) for the first action dated after `maturity`.
    public func checkNoDate(after maturity: Int64) throws(TokenizationError) {
        if let late = actions.first(where: { $0.date > maturity }) {
            throw .dateAfterMaturity(line: late.line ?? 0, date: UnixTime.formatDate(late.date), maturity: UnixTime.formatDate(maturity))
        }
    }
}

/// Where the reinvestment price of a dividend comes from when its row has none. A row's own price always wins.
public enum ReinvestPriceAssumption: Hashable, Sendable {
    /// Every dividend must carry its price; a missing one is `MissingReinvestPrice`.
    case eventPricesOnly
    /// One price for every dividend without its own (e.g. today's price, for a projection).
    case flat(usdPerShare: Wad)
    /// The last close on or before the ex-date; none on or before it is `MissingReinvestPrice`.
    case series([PricePoint])
    /// `usdPerShare · (1 + annualGrowth)^((exDate − from) / 365 d)`, rounded to the wei (a drifting-price
    /// projection).
    case growing(usdPerShare: Wad, from: Int64, annualGrowth: Double)

    /// The reinvestment price of `event`, USD per share.
    public func price(for event: DividendEvent) throws(TokenizationError) -> Wad {
        if let own = event.reinvestPriceUsd { return own }
        let missing = TokenizationError.missingReinvestPrice(line: event.line ?? 0, date: UnixTime.formatDate(event.exDate))
        switch self {
        case .eventPricesOnly:
            throw missing
        case .flat(let price):
            guard price.isPositive else { throw .nonPositivePrice(line: 0, field: "price assumption", value: price.description) }
            return price
        case .series(let points):
            guard let point = points.last(where: { $0.date <= event.exDate }) else { throw missing }
            guard point.usdPerShare.isPositive else {
                throw .nonPositivePrice(line: point.line ?? 0, field: "price", value: point.usdPerShare.description)
            }
            return point.usdPerShare
        case .growing(let start, let from, let growth):
            let years = RateConventions.years(from: from, to: event.exDate)
            let value = start.doubleValue * Foundation.pow(1 + growth, years)
            guard let price = Wad(rounding: value), value.isFinite else { throw .nonFiniteValue(field: "projected price") }
            guard price.isPositive else { throw .nonPositivePrice(line: 0, field: "projected price", value: price.description) }
            return price
        }
    }
}

/// A stock price on a date (a close), for ``ReinvestPriceAssumption/series(_:)``.
public struct PricePoint: Hashable, Sendable {
    public var date: Int64
    public var usdPerShare: Wad
    public var line: Int?
    public init(date: Int64, usdPerShare: Wad, line: Int? = nil) {
        self.date = date
        self.usdPerShare = usdPerShare
        self.line = line
    }
}
