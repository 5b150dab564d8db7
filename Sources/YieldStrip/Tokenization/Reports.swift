import Foundation

// MARK: - split

/// Splitting a stock-token position into PT and YT: what is minted, what each leg redeems for, and (given
/// an expiry, a valuation time and a PT implied APY) what each leg is worth. Backs `yieldstrip split`.
///
/// The SY wraps the stock token one to one (`amountSy = tokens`); its exchange rate is the token's yield
/// index (split-adjusted shares per token). Amounts are exact (``Wad``, the contract's rounding); values
/// are real.
public struct SplitReport: Hashable, Sendable {
    /// Tokens wrapped, = SY tokenized.
    public var amountSy: Wad
    /// The SY exchange rate given, the stored PY index given (if any) and the PY index used: their max.
    public var syExchangeRate: Wad
    public var pyIndexStored: Wad?
    public var pyIndex: Wad
    /// True when the exchange rate is below the stored index (YT accrues nothing until it recovers).
    public var negativeYield: Bool
    /// PT minted and YT minted: `syToAsset(pyIndex, amountSy)` (floor), equal.
    public var amountPt: Wad
    public var amountYt: Wad
    /// The SY's worth in shares now: `syToAsset(syExchangeRate, amountSy)` (floor).
    public var syValueInShares: Wad
    /// PT + YT redeemed together now: `assetToSy(pyIndex, amountPy)` (floor), and the SY lost to the two floors.
    public var pairRedeemsForSy: Wad
    public var pairRoundingLossSy: Wad
    /// PT alone at maturity redeems for this many split-adjusted shares (as SY at the index then).
    public var ptRedeemsAtMaturityForShares: Wad
    /// SY the YT would accrue (before the interest fee) if the index rose 1 % from `pyIndex`: the contract's
    /// interest step from `pyIndex` to `pyIndex + pyIndex / 100`.
    public var ytInterestSyPerOnePercentIndexRise: Wad

    /// Time to expiry, when `expiry` and `valuationTime` are given.
    public var expiry: Int64?
    public var valuationTime: Int64?
    public var yearsToExpiry: Double?
    /// With a PT implied APY: PT's price in the asset `(1 + apy)^(−years)`, YT's `1 − that`, and the
    /// legs' values in shares (`amount · price`). Their sum is `amountPy` shares.
    public var ptImpliedApy: Double?
    /// Where ``ptImpliedApy`` came from: given, or the market's at the valuation time.
    public var ptImpliedApySource: PTImpliedApySource?
    public var ptPriceInAsset: Double?
    public var ytPriceInAsset: Double?
    public var ptValueInShares: Double?
    public var ytValueInShares: Double?
    /// USD values at `stockPriceUsd` (USD per split-adjusted share), when given.
    public var stockPriceUsd: Double?
    public var syValueUsd: Double?
    public var ptRedeemsAtMaturityForUsdAtTodaysPrice: Double?
    public var ptValueUsd: Double?
    public var ytValueUsd: Double?

    /// Computes the split.
    ///
    /// - Parameters:
    ///   - tokens: stock tokens to wrap and split, ≥ 0 (`NegativeAmount`; zero is `YCNoFloatingSy`).
    ///   - exchangeRate: the SY exchange rate, > 0 (`NonPositiveExchangeRate`).
    ///   - pyIndexStored: the yield contract's stored PY index, > 0, or nil for a fresh contract.
    ///   - expiry: Unix seconds; with `valuationTime` (both or neither) for time-based values.
    ///   - valuationTime: Unix seconds; at or after expiry minting reverts with `YCExpired`.
    ///   - ptImpliedApy: the PT's implied APY (> −1) to value the legs; needs `expiry` and `valuationTime`
    ///     (`MissingInput`).
    ///   - stockPriceUsd: USD per split-adjusted share (> 0), for USD values.
    ///   - market: a market on the token: the expiry defaults to its expiry, and without `ptImpliedApy` the
    ///     legs are valued at its implied APY at `valuationTime` (``MarketSnapshot/impliedApy``;
    ///     `MarketExpired` when the valuation time is at or after the market's expiry).
    public static func compute(
        tokens: Wad, exchangeRate: Wad, pyIndexStored: Wad? = nil, expiry: Int64? = nil,
        valuationTime: Int64? = nil, ptImpliedApy: Double? = nil,
        stockPriceUsd: Double? = nil, market: PendleV2Curve<Wad>? = nil
    ) throws -> SplitReport {
        let expiry = expiry ?? market?.expiry
        try TokenizationValidation.nonNegative(tokens, "tokens")
        try TokenizationValidation.positiveRate(exchangeRate, "exchange rate")
        if let stored = pyIndexStored { try TokenizationValidation.positiveRate(stored, "index") }
        if let price = stockPriceUsd { try TokenizationValidation.positivePrice(price, "stock price") }
        if (expiry == nil) != (valuationTime == nil) {
            throw TokenizationError.missingInput(
                field: expiry == nil ? "valuation time" : "expiry",
                needs: expiry == nil ? "an expiry" : "a valuation time")
        }
        if ptImpliedApy != nil && expiry == nil {
            throw TokenizationError.missingInput(field: "PT implied APY", needs: "an expiry and a valuation time")
        }
        if let expiry, let valuationTime, expiry <= valuationTime {
            throw PendleError.yieldContractExpired(expiry: expiry, time: valuationTime)
        }
        let pyIndex = try PYIndex.current(syExchangeRate: exchangeRate, stored: pyIndexStored ?? .zero)
        let mint = try YieldContractMath.mintPy(amountSy: tokens, pyIndex: pyIndex)
        let amountPy = mint.amountPy
        let pair = try YieldContractMath.redeemPy(amountPy: amountPy, pyIndex: pyIndex)
        let onePercentUp = try pyIndex + Wad(raw: pyIndex.raw.divided(byPositive: 100))
        var report = SplitReport(
            amountSy: tokens, syExchangeRate: exchangeRate, pyIndexStored: pyIndexStored, pyIndex: pyIndex,
            negativeYield: exchangeRate < pyIndex, amountPt: amountPy, amountYt: amountPy,
            syValueInShares: try tokens.syToAsset(index: exchangeRate),
            pairRedeemsForSy: pair.amountSy, pairRoundingLossSy: try tokens - pair.amountSy,
            ptRedeemsAtMaturityForShares: amountPy,
            ytInterestSyPerOnePercentIndexRise: try Wad.ytInterest(principal: amountPy, prevIndex: pyIndex, currentIndex: onePercentUp))
        if let expiry, let valuationTime {
            report.expiry = expiry
            report.valuationTime = valuationTime
            report.yearsToExpiry = RateConventions.years(from: valuationTime, to: expiry)
        }
        var ptImpliedApy = ptImpliedApy
        report.ptImpliedApySource = ptImpliedApy == nil ? nil : .given
        if ptImpliedApy == nil, let market, let valuationTime, report.yearsToExpiry != nil {
            ptImpliedApy = try market.spot(at: valuationTime).impliedApy
            report.ptImpliedApySource = .market
        }
        if let apy = ptImpliedApy, let years = report.yearsToExpiry {
            // A PT's implied APY is never negative (its price in asset is at most 1); the prices come from
            // the ln rate so that tiny rates and short times keep their precision.
            guard apy.isFinite else { throw TokenizationError.nonFiniteValue(field: "PT implied APY") }
            guard apy >= 0 else {
                throw TokenizationError.rateOutOfRange(field: "PT implied APY", value: apy, reason: "must be ≥ 0 (a PT trades at or below 1 asset)")
            }
            let lnRateTimesYears = Foundation.log1p(apy) * years
            let ptPrice = Foundation.exp(-lnRateTimesYears)
            let ytPrice = -Foundation.expm1(-lnRateTimesYears)
            report.ptImpliedApy = apy
            report.ptPriceInAsset = ptPrice
            report.ytPriceInAsset = ytPrice
            report.ptValueInShares = amountPy.doubleValue * ptPrice
            report.ytValueInShares = amountPy.doubleValue * ytPrice
        }
        if let price = stockPriceUsd {
            report.stockPriceUsd = price
            report.syValueUsd = report.syValueInShares.doubleValue * price
            report.ptRedeemsAtMaturityForUsdAtTodaysPrice = amountPy.doubleValue * price
            report.ptValueUsd = report.ptValueInShares.map { $0 * price }
            report.ytValueUsd = report.ytValueInShares.map { $0 * price }
        }
        return report
    }
}

/// Where a split's PT implied APY came from.
public enum PTImpliedApySource: String, Hashable, Sendable {
    /// Given by the caller.
    case given
    /// The market's implied APY at the valuation time.
    case market
}

// MARK: - dividends

/// How ``DividendsReport`` projects the index from the end of its window to maturity.
public enum ProjectionBasis: String, Hashable, Sendable {
    /// The schedule lists dividends after the window: they are applied (prices from the assumption).
    case listedDividends
    /// No dividend after the window: the window's realized growth continues at the same continuous rate.
    case trailingYield
    /// A flat gross dividend yield given by the caller (``ForwardDividends/flatYield(grossAnnualYield:)``),
    /// in place of listed dividends or the trailing yield.
    case assumedYield
}

/// A dividend schedule turned into the token's index path, its realized APY, the YT interest it paid, and
/// (given a maturity) a projection to maturity. Backs `yieldstrip dividends`.
public struct DividendsReport: Hashable, Sendable {
    /// The rows (start, then each dividend or split in `(from, to]`), the window and the withholding.
    public var path: IndexPath
    /// `endIndex / startIndex` and its APY over the window (365-day years).
    public var realizedGrowth: Double
    public var realizedApy: Double
    /// One YT (1e18 wei) held through the window: every step's interest, the fee and what is paid, exact
    /// (``Wad``, the contract's rounding) and real.
    public var ytInterestPerYT: YTInterestAccumulation<Wad>
    public var ytInterestPerYTDouble: YTInterestAccumulation<Double>
    /// The exact `paid` SY valued in split-adjusted shares at the end yield index, and in USD
    /// (`paid · multiplier · stockPriceUsd`: SY are tokens, worth `multiplier` of today's shares each).
    public var ytPaidPerYTInShares: Double
    public var ytPaidPerYTUsd: Double?
    /// Maturity and the projection to it (from the window's end), when a maturity was given.
    public var maturity: Int64?
    public var projectionBasis: ProjectionBasis?
    /// The flat gross dividend yield assumed for the projection, when one was given.
    public var assumedGrossYield: Double?
    /// `projection.expectedUnderlyingApy`: the APY from the window's end to maturity.
    public var projectedApy: Double?
    public var projection: TokenProjection?
    /// The market's PT and YT beside the projection's fair ones, when a market was given.
    public var marketComparison: MarketComparison?
    /// Parts of the window the schedule does not cover (``ScheduleCoverageWarning``), start first.
    public var warnings: [ScheduleCoverageWarning] = []

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - schedule: dividends and splits (e.g. ``ScheduleFiles/parseDividendSchedule(_:format:maturity:)``).
    ///   - withholding: default 30 %.
    ///   - prices: reinvest prices for rows without one.
    ///   - from: the window's start (Unix seconds), nil for ``StockTokenIndex/defaultWindow(for:)``.
    ///   - to: the window's end (Unix seconds), nil for the default window's.
    ///   - maturity: projects to it; any schedule row dated after it is `DateAfterMaturity`; it must be
    ///     after the window's end (`InvalidDateRange`). Default: the market's expiry when `market` is
    ///     given, else no projection.
    ///   - interestFeeRate: the fee on YT interest (default 3 %).
    ///   - stockPriceUsd: USD per share as quoted today (after any split in the window), > 0, for USD
    ///     values; the projection gets it per split-adjusted share (`· splitFactor` at the window's end).
    ///   - assumedGrossYield: projects with this flat gross dividend yield (a fraction of the price a year,
    ///     ≥ 0, `RateOutOfRange` below) instead of listed dividends or the trailing yield
    ///     (`projectionBasis = .assumedYield`); needs a maturity (`MissingInput`).
    ///   - market: a market on the token to compare the projection with (``MarketComparison``), read at the
    ///     window's end; the maturity must be its expiry (`MaturityNotMarketExpiry`).
    ///
    /// The report's ``warnings`` say where the window is not covered by the schedule
    /// (``StockTokenIndex/coverageWarnings(schedule:from:to:assumingYield:)``).
    public static func compute(
        schedule: DividendSchedule, withholding: Withholding = .standard,
        prices: ReinvestPriceAssumption = .eventPricesOnly, from: Int64? = nil, to: Int64? = nil,
        maturity: Int64? = nil, interestFeeRate: Wad = YTInterest.defaultFeeRate,
        stockPriceUsd: Double? = nil, assumedGrossYield: Double? = nil,
        market: PendleV2Curve<Wad>? = nil
    ) throws -> DividendsReport {
        try TokenizationValidation.feeRate(interestFeeRate)
        if let price = stockPriceUsd { try TokenizationValidation.positivePrice(price, "stock price") }
        let maturity = maturity ?? market?.expiry
        if let market, let maturity, maturity != market.expiry {
            throw TokenizationError.maturityNotMarketExpiry(maturity: UnixTime.format(maturity), expiry: UnixTime.format(market.expiry))
        }
        if let q = assumedGrossYield {
            guard q.isFinite else { throw TokenizationError.nonFiniteValue(field: "assumed yield") }
            guard q >= 0 else {
                throw TokenizationError.rateOutOfRange(
                    field: "assumed yield", value: q,
                    reason: "must be ≥ 0: a gross dividend yield, a fraction of the price a year (0.005 is 0.5 %)")
            }
            guard maturity != nil else { throw TokenizationError.missingInput(field: "assumed yield", needs: "a maturity to project to") }
        }
        if let maturity { try schedule.checkNoDate(after: maturity) }
        let path = try StockTokenIndex.path(schedule: schedule, withholding: withholding, prices: prices, from: from, to: to)
        let oneYT = Wad.one
        let exact = try YTInterest.accumulate(
            balance: oneYT, startIndex: path.startRow.yieldIndexWad,
            updates: path.exchangeRateUpdates(), feeRate: interestFeeRate)
        let real = try YTInterest.accumulate(
            balance: 1.0, startIndex: path.startRow.yieldIndex,
            updates: path.exchangeRateUpdatesDouble(), feeRate: interestFeeRate.doubleValue)
        let paidShares = exact.paid.doubleValue * path.endRow.yieldIndex
        var report = DividendsReport(
            path: path, realizedGrowth: path.realizedGrowth, realizedApy: path.realizedApy,
            ytInterestPerYT: exact, ytInterestPerYTDouble: real, ytPaidPerYTInShares: paidShares,
            ytPaidPerYTUsd: stockPriceUsd.map { exact.paid.doubleValue * path.endRow.multiplier * $0 })
        report.warnings = StockTokenIndex.coverageWarnings(
            schedule: schedule, from: path.from, to: path.to,
            assumingYield: assumedGrossYield != nil)
        if let maturity {
            guard maturity > path.to else {
                throw TokenizationError.invalidDateRange(
                    what: "projection (window end → maturity)", start: UnixTime.formatDate(path.to),
                    end: UnixTime.formatDate(maturity))
            }
            let listed = schedule.dividends.contains { $0.exDate > path.to }
            let forward: ForwardDividends
            let basis: ProjectionBasis
            if let assumedGrossYield {
                forward = .flatYield(grossAnnualYield: assumedGrossYield)
                basis = .assumedYield
            } else if listed {
                forward = .schedule(schedule, prices: prices)
                basis = .listedDividends
            } else {
                basis = .trailingYield
                let retained = withholding.retained.doubleValue
                let netRate = Foundation.log(path.realizedGrowth) / path.years
                forward = .flatYield(grossAnnualYield: retained > 0 ? netRate / retained : 0)
            }
            let projection = try TokenProjectionModel.project(
                currentIndex: path.endRow.yieldIndex, valuationTime: path.to, maturity: maturity, dividends: forward,
                withholding: withholding, interestFeeRate: interestFeeRate.doubleValue, discounting: .tokenGrowth,
                stockPriceUsd: stockPriceUsd.map { $0 * path.endRow.splitFactor })
            report.maturity = maturity
            report.projectionBasis = basis
            report.assumedGrossYield = assumedGrossYield
            report.projectedApy = projection.expectedUnderlyingApy
            report.projection = projection
            if let market { report.marketComparison = try MarketComparison.compare(projection: projection, market: market) }
        }
        return report
    }
}

// MARK: - yt-interest

/// The interest a YT balance earns between two PY indexes, exact and real, with the fee.
/// Backs `yieldstrip yt-interest`.
///
/// The PY index never falls, so an `indexTo` below `indexFrom` is read as negative yield: the index stays
/// at `indexFrom` and no interest accrues (``negativeYield``). (The batch op `ytInterest`, which
/// reproduces the contract step literally, reverts with `Panic(0x11)` instead.)
public struct YTInterestReport: Hashable, Sendable {
    public var balance: Wad
    public var indexFrom: Wad
    public var indexTo: Wad
    public var feeRate: Wad
    /// `max(indexTo, indexFrom)`, and whether `indexTo` was lower.
    public var effectiveIndexTo: Wad
    public var negativeYield: Bool
    /// SY accrued before the fee, the fee, and SY paid: the contract's rounding (interest floor, fee floor).
    public var interestSy: Wad
    public var feeSy: Wad
    public var paidSy: Wad
    /// The same in real arithmetic: `balance · (to − from) / (from · to)`, `· f`, `· (1 − f)`, with `to − from`
    /// formed exactly from the wad inputs (no cancellation when the index barely moves: a few ulps).
    public var interestSyDouble: Double
    public var feeSyDouble: Double
    public var paidSyDouble: Double
    /// `paidSy` valued in the asset (shares) at `effectiveIndexTo`: `paidSy · effectiveIndexTo`.
    public var paidInAsset: Double

    /// - Parameters: `balance` ≥ 0 YT; `indexFrom`, `indexTo` > 0; `feeRate` in [0, 1] (default 3 %).
    public static func compute(
        balance: Wad, indexFrom: Wad, indexTo: Wad,
        feeRate: Wad = YTInterest.defaultFeeRate
    ) throws -> YTInterestReport {
        try TokenizationValidation.nonNegative(balance, "balance")
        try TokenizationValidation.positiveRate(indexFrom, "index-from")
        try TokenizationValidation.positiveRate(indexTo, "index-to")
        try TokenizationValidation.feeRate(feeRate)
        let to = Swift.max(indexFrom, indexTo)
        let interest = try Wad.ytInterest(principal: balance, prevIndex: indexFrom, currentIndex: to)
        let (fee, paid) = try YTInterest.collect(accrued: interest, feeRate: feeRate)
        let interestDouble = try realInterest(balance: balance, indexFrom: indexFrom, indexTo: to)
        let (feeDouble, paidDouble) = try YTInterest.collect(accrued: interestDouble, feeRate: feeRate.doubleValue)
        return YTInterestReport(
            balance: balance, indexFrom: indexFrom, indexTo: indexTo, feeRate: feeRate,
            effectiveIndexTo: to, negativeYield: indexTo < indexFrom,
            interestSy: interest, feeSy: fee, paidSy: paid,
            interestSyDouble: interestDouble, feeSyDouble: feeDouble, paidSyDouble: paidDouble,
            paidInAsset: paid.doubleValue * to.doubleValue)
    }

    /// `balance · (to − from) / (from · to)` in `Double`, from the exact difference `to − from` (a wad
    /// subtraction, exact), so that an index that barely moves loses nothing to cancellation: each of the
    /// four factors is rounded once, the result is within a few ulps. The contract's reverts as
    /// ``Double/ytInterest(principal:prevIndex:currentIndex:)`` raises them (a result above `uint128`).
    static func realInterest(balance: Wad, indexFrom: Wad, indexTo: Wad) throws(PendleError) -> Double {
        if indexTo == indexFrom { return 0 }
        if indexTo < indexFrom { throw .arithmeticOverflow }
        let growth = try indexTo - indexFrom
        let interest = balance.doubleValue * (growth.doubleValue / (indexFrom.doubleValue * indexTo.doubleValue))
        if !interest.isFinite { throw .arithmeticOverflow }
        if interest > Double.uint128Max || indexTo.doubleValue > Double.uint128Max { throw .castOutOfRange }
        return interest
    }
}
