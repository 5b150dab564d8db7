import Foundation

/// The market's PT and YT beside their fair values from a projection to the market's expiry, at the
/// projection's start: is the market's PT rich or cheap?
///
/// ```
/// market:  impliedAPY_m = e^{lastLnImpliedRate} − 1,   PT_m = (1 + impliedAPY_m)^(−τ),   YT_m = 1 − PT_m   (shares)
/// fair:    PT_f = DF = I₀ / I_T,   fairApy = DF^(−1/τ) − 1,   YT_f = (I_T/I₀ − 1)(1 − f) · DF               (shares)
/// ptRichBp              = (PT_m / PT_f − 1) · 10⁴     > 0: the market's PT costs more than its fair value (rich)
/// ytRichBp              = (YT_m / YT_f − 1) · 10⁴     (nil when YT_f = 0)
/// impliedApyMinusFairBp = (impliedAPY_m − fairApy) · 10⁴   < 0 when PT is rich
/// ```
/// Both PT prices are `(1 + y)^(−τ)` over the same `τ`, so `ln(1 + ptRichBp/10⁴) = −τ · ln((1 + y_m)/(1 + y_f))`:
/// to first order, PT is rich by `τ / (1 + y)` times the APY gap. Prices are in the accounting asset
/// (split-adjusted shares); USD values multiply by the stock price per split-adjusted share.
public struct MarketComparison: Hashable, Sendable {
    /// When the market is read (the projection's start) and the expiry, Unix seconds; years between.
    public var time: Int64
    public var expiry: Int64
    public var yearsToExpiry: Double
    /// The market's implied APY, PT and YT prices in shares, at ``time``.
    public var marketImpliedApy: Double
    public var marketPtPriceInShares: Double
    public var marketYtPriceInShares: Double
    /// The projection's fair implied APY (``TokenProjection/ptFairImpliedApy``) and fair prices in shares.
    public var fairImpliedApy: Double
    public var fairPtPriceInShares: Double
    public var fairYtPriceInShares: Double
    /// `(PT_m / PT_f − 1) · 10⁴`: positive when the market's PT is rich, negative when cheap.
    public var ptRichBp: Double
    /// `(YT_m / YT_f − 1) · 10⁴`; nil when the fair YT price is zero (no yield projected).
    public var ytRichBp: Double?
    /// `(impliedAPY_m − fairApy) · 10⁴`.
    public var impliedApyMinusFairBp: Double
    /// USD per split-adjusted share, and the four prices in USD, when a stock price is known.
    public var stockPriceUsd: Double?
    public var marketPtPriceUsd: Double?
    public var marketYtPriceUsd: Double?
    public var fairPtPriceUsd: Double?
    public var fairYtPriceUsd: Double?

    /// Compares `market` with `projection` at the projection's start.
    ///
    /// - Throws: ``TokenizationError/maturityNotMarketExpiry(maturity:expiry:)`` when the projection's
    ///   maturity is not the market's expiry (PT and YT would not be the same claims); the market math's
    ///   errors (`MarketExpired` when the projection starts at or after the expiry).
    public static func compare(projection: TokenProjection, market: some ImpliedYieldCurve) throws -> MarketComparison {
        guard projection.maturity == market.expiry else {
            throw TokenizationError.maturityNotMarketExpiry(
                maturity: UnixTime.format(projection.maturity),
                expiry: UnixTime.format(market.expiry))
        }
        let snapshot = try market.spot(at: projection.valuationTime)
        let marketPt = snapshot.ptPriceInAsset
        let marketYt = snapshot.ytPriceInAsset
        let fairPt = projection.ptFairPriceInShares
        let fairYt = projection.ytFairPriceInShares
        let price = projection.stockPriceUsd
        return MarketComparison(
            time: projection.valuationTime, expiry: projection.maturity, yearsToExpiry: snapshot.yearsToExpiry,
            marketImpliedApy: snapshot.impliedApy, marketPtPriceInShares: marketPt, marketYtPriceInShares: marketYt,
            fairImpliedApy: projection.ptFairImpliedApy, fairPtPriceInShares: fairPt, fairYtPriceInShares: fairYt,
            ptRichBp: (marketPt / fairPt - 1) * 1e4, ytRichBp: fairYt > 0 ? (marketYt / fairYt - 1) * 1e4 : nil,
            impliedApyMinusFairBp: (snapshot.impliedApy - projection.ptFairImpliedApy) * 1e4,
            stockPriceUsd: price, marketPtPriceUsd: price.map { marketPt * $0 }, marketYtPriceUsd: price.map { marketYt * $0 },
            fairPtPriceUsd: price.map { fairPt * $0 }, fairYtPriceUsd: price.map { fairYt * $0 })
    }
}
