import Foundation

/// The dividends expected between now and maturity.
public enum ForwardDividends: Hashable, Sendable {
    /// Listed dividends (and splits, which do not move the yield index); each dividend's reinvest price is
    /// its own or comes from `prices`.
    case schedule(DividendSchedule, prices: ReinvestPriceAssumption)
    /// A flat gross dividend yield (fraction of the price per year), credited continuously:
    /// `growth = exp(grossAnnualYield · (1 − w) · years)`.
    case flatYield(grossAnnualYield: Double)
}

/// How a payoff in shares at maturity is discounted to today, in shares.
public enum ShareDiscounting: Hashable, Sendable {
    /// The token is the numeraire: one token today is worth `I_T / I₀` shares at maturity (its dividends
    /// reinvested net of the same withholding), so a claim on one share at maturity costs `I₀ / I_T`
    /// shares today. This is the no-arbitrage price for a holder who faces the token's withholding and the
    /// projected dividends; PT then yields exactly the projected underlying APY.
    case tokenGrowth
    /// Discount at an annual rate in share terms, `(1 + apy)^(−years)`: e.g. the market's PT implied APY,
    /// to value YT consistently with where PT trades.
    case apy(Double)
}

/// A projected dividend: when, how much, at what price, its net yield and the index after it.
public struct ProjectedDividend: Hashable, Sendable {
    public var exDate: Int64
    public var exDateText: String { UnixTime.formatDate(exDate) }
    public var amountPerShareUsd: Double
    public var reinvestPriceUsd: Double
    /// `d · (1 − w) / P`.
    public var netYield: Double
    /// The yield index right after this dividend.
    public var indexAfter: Double
}

/// Fair values of PT and YT from a projection of the yield index to maturity.
///
/// **Model** (deterministic dividends; the accounting asset is one split-adjusted share):
/// ```
/// I_T     = I₀ · Π (1 + dᵢ (1 − w) / Pᵢ)       over ex-dates t₀ < tᵢ < T     (or I₀ · e^{q (1−w) τ})
/// PT pays 1 share at T                          (assetToSy(I_T, 1) SY)
/// YT pays (I_T / I₀ − 1) · (1 − f) shares at T  (interest 1/I₀ − 1/I_T SY, less the fee f, held to T)
/// price today (shares) = payoff · DF,  DF = I₀ / I_T (tokenGrowth) or (1 + r)^(−τ) (apy)
/// price in SY = price in shares / I₀;  price in USD = price in shares · stock price today
/// ```
/// An ex-date at or after maturity does not reach YT: the first touch after expiry freezes the index
/// (`firstPYIndex`) and the later growth goes to the treasury (``treasurySharesPerPT``). This assumes
/// the contract is touched at expiry, before any multiplier update that takes effect at or after it; if
/// nobody touches it until after a later ex-date, that dividend is in `firstPYIndex` and YT gets it.
/// Rounding and the market's own pricing are out of scope (real arithmetic).
public struct TokenProjection: Hashable, Sendable {
    public var valuationTime: Int64
    public var maturity: Int64
    public var yearsToMaturity: Double
    public var withholding: Withholding
    public var interestFeeRate: Double
    public var discounting: ShareDiscounting
    /// The yield index today and expected at maturity, and their ratio.
    public var currentIndex: Double
    public var expectedIndexAtMaturity: Double
    public var expectedGrowth: Double
    /// `expectedGrowth^(1/years) − 1`.
    public var expectedUnderlyingApy: Double
    /// Today's value, in shares, of one share delivered at maturity.
    public var discountFactor: Double
    /// The APY at which PT's fair price accretes to 1 share: `DF^(−1/years) − 1`.
    public var ptFairImpliedApy: Double
    /// Per PT / per YT at maturity, in shares (YT after the interest fee).
    public var ptPayoffInShares: Double
    public var ytPayoffInShares: Double
    /// SY a YT collects to maturity, after the fee: `(1/I₀ − 1/I_T) · (1 − f)`.
    public var ytInterestSyPerYT: Double
    /// Fair prices today per PT / YT.
    public var ptFairPriceInShares: Double
    public var ytFairPriceInShares: Double
    public var ptFairPriceInSy: Double
    public var ytFairPriceInSy: Double
    /// Fair prices in USD, when a stock price was given.
    public var stockPriceUsd: Double?
    public var ptFairPriceUsd: Double?
    public var ytFairPriceUsd: Double?
    /// Dividends that reach YT (ex-date before maturity) and those that do not (at or after it).
    public var dividendsBeforeMaturity: [ProjectedDividend]
    public var dividendsAfterMaturity: [ProjectedDividend]
    /// Shares per PT the treasury collects from the listed post-maturity dividends, valued after the last
    /// of them: `I_late / I_T − 1` (the PT holder still redeems for exactly 1 share).
    public var treasurySharesPerPT: Double
}

/// Projection of a stock token's yield index to maturity and the fair prices of its PT and YT
/// (``TokenProjection`` states the model; real arithmetic).
public enum TokenProjectionModel {
    /// Projects the yield index to maturity and prices PT and YT (see ``TokenProjection`` for the model).
    ///
    /// - Parameters:
    ///   - currentIndex: the yield index (SY exchange rate, split-adjusted shares per token) at
    ///     `valuationTime`, > 0. Dividends dated at or before `valuationTime` are taken as already in it.
    ///   - valuationTime: Unix seconds, before `maturity` (`InvalidDateRange`).
    ///   - maturity: Unix seconds.
    ///   - dividends: the forward schedule or a flat yield (≥ 0).
    ///   - withholding: withheld share of each dividend.
    ///   - interestFeeRate: the protocol's fee on YT interest, in [0, 1].
    ///   - discounting: how share payoffs are discounted (``ShareDiscounting``); an APY must be > −1.
    ///   - stockPriceUsd: the price of one split-adjusted share today, for USD values (> 0), or nil.
    public static func project(
        currentIndex: Double, valuationTime: Int64, maturity: Int64, dividends: ForwardDividends,
        withholding: Withholding = .standard, interestFeeRate: Double, discounting: ShareDiscounting,
        stockPriceUsd: Double? = nil
    ) throws(TokenizationError) -> TokenProjection {
        try TokenizationValidation.positiveRate(currentIndex, "currentIndex")
        try TokenizationValidation.feeRate(interestFeeRate)
        if let price = stockPriceUsd { try TokenizationValidation.positivePrice(price, "stockPriceUsd") }
        guard valuationTime < maturity else {
            throw .invalidDateRange(
                what: "projection (valuation time → maturity)", start: UnixTime.formatDate(valuationTime),
                end: UnixTime.formatDate(maturity))
        }
        let years = RateConventions.years(from: valuationTime, to: maturity)
        let w = withholding.doubleValue
        var before: [ProjectedDividend] = []
        var after: [ProjectedDividend] = []
        var indexAtMaturity = currentIndex
        var lateIndex: Double
        switch dividends {
        case .flatYield(let q):
            guard q.isFinite else { throw .nonFiniteValue(field: "grossAnnualYield") }
            guard q >= 0 else { throw .negativeAmount(line: 0, field: "grossAnnualYield", value: q.description) }
            indexAtMaturity = currentIndex * Foundation.exp(q * (1 - w) * years)
            lateIndex = indexAtMaturity
        case .schedule(let schedule, let prices):
            var index = currentIndex
            for event in schedule.dividends where event.exDate > valuationTime {
                let price = try prices.price(for: event).doubleValue
                let net = event.amountPerShareUsd.doubleValue * (1 - w) / price
                index *= 1 + net
                let row = ProjectedDividend(
                    exDate: event.exDate, amountPerShareUsd: event.amountPerShareUsd.doubleValue,
                    reinvestPriceUsd: price, netYield: net, indexAfter: index)
                if event.exDate < maturity {
                    before.append(row)
                    indexAtMaturity = index
                } else {
                    after.append(row)
                }
            }
            lateIndex = index
        }
        guard indexAtMaturity.isFinite, lateIndex.isFinite else { throw .nonFiniteValue(field: "projected index") }
        let growth = indexAtMaturity / currentIndex
        let discountFactor: Double
        switch discounting {
        case .tokenGrowth:
            discountFactor = 1 / growth
        case .apy(let r):
            guard r.isFinite else { throw .nonFiniteValue(field: "discount APY") }
            guard r > -1 else { throw .rateOutOfRange(field: "discount APY", value: r, reason: "must be above -100 %") }
            discountFactor = RateConventions.discountFactor(apy: r, years: years)
            guard discountFactor.isFinite, discountFactor > 0 else { throw .nonFiniteValue(field: "discount factor") }
        }
        let f = interestFeeRate
        let ytPayoff = (growth - 1) * (1 - f)
        let pt = discountFactor
        let yt = ytPayoff * discountFactor
        return TokenProjection(
            valuationTime: valuationTime, maturity: maturity, yearsToMaturity: years, withholding: withholding,
            interestFeeRate: f, discounting: discounting, currentIndex: currentIndex,
            expectedIndexAtMaturity: indexAtMaturity, expectedGrowth: growth,
            expectedUnderlyingApy: RateConventions.annualizedRate(growth: growth, years: years),
            discountFactor: discountFactor, ptFairImpliedApy: RateConventions.annualizedRate(growth: 1 / discountFactor, years: years),
            ptPayoffInShares: 1, ytPayoffInShares: ytPayoff,
            ytInterestSyPerYT: (1 / currentIndex - 1 / indexAtMaturity) * (1 - f),
            ptFairPriceInShares: pt, ytFairPriceInShares: yt,
            ptFairPriceInSy: pt / currentIndex, ytFairPriceInSy: yt / currentIndex,
            stockPriceUsd: stockPriceUsd, ptFairPriceUsd: stockPriceUsd.map { pt * $0 }, ytFairPriceUsd: stockPriceUsd.map { yt * $0 },
            dividendsBeforeMaturity: before, dividendsAfterMaturity: after,
            treasurySharesPerPT: lateIndex / indexAtMaturity - 1)
    }
}
