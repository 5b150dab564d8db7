import Foundation

/// One leg's value and rate sensitivities, in the asset (shares) and USD.
public struct LegRisk: Hashable, Sendable {
    public var token: PositionToken
    /// Token units (negative: short), and exactly.
    public var amount: Double
    public var amountExact: Wad
    /// Asset per token at the spot implied APY.
    public var priceInAsset: Double
    public var valueInAsset: Double
    /// `(dV/dy) · 1e-4`: the value's change per basis point of implied APY (negative for long PT).
    public var dv01InAsset: Double
    /// `−(1/V) dV/dy` and `(1/V) d²V/dy²`, per unit of APY; nil where the value is zero.
    public var modifiedDuration: Double?
    public var convexity: Double?
    public var valueUsd: Double?
    public var dv01Usd: Double?
}

/// A position's sums: value, DV01, and the value-weighted duration and convexity.
public struct RiskTotal: Hashable, Sendable {
    public var valueInAsset: Double
    public var dv01InAsset: Double
    public var modifiedDuration: Double?
    public var convexity: Double?
    public var valueUsd: Double?
    public var dv01Usd: Double?
}

/// The DV01-neutral amount of another market's PT or YT.
public struct RateHedge: Hashable, Sendable {
    public var curveName: String
    public var expiry: Int64
    public var token: PositionToken
    /// The hedge market's implied APY and one token's DV01 there.
    public var impliedApy: Double
    public var dv01PerTokenInAsset: Double
    /// Token units to hold (negative: sell) so the total DV01 is zero, and that amount's DV01 (in the hedge
    /// market's asset, and in USD when both stock prices are known).
    public var hedgeAmount: Double
    public var hedgeDv01InAsset: Double
    public var hedgeDv01Usd: Double?
    /// `usd` when the DV01s were matched in USD (both stock prices known), `asset` when in shares (the two
    /// markets' assets taken as the same).
    public var matchedIn: String
}

/// What to hedge the rate risk with: another market's PT or YT.
public struct RateHedgeInstrument: Sendable {
    public var curve: any ImpliedYieldCurve
    public var token: PositionToken
    /// USD per unit of the hedge market's asset: with the position's own stock price, the DV01s are matched in
    /// USD (markets on different stocks); without, in shares (the same asset assumed).
    public var stockPrice: Double?

    public init(curve: any ImpliedYieldCurve, token: PositionToken, stockPrice: Double? = nil) {
        self.curve = curve
        self.token = token
        self.stockPrice = stockPrice
    }
}

/// A position's value, DV01, duration and convexity, leg by leg and in total.
public struct RateRiskResult: Sendable {
    public var curveName: String
    public var blockTime: Int64
    public var expiry: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    public var impliedApy: Double
    public var ptPriceInAsset: Double
    public var ytPriceInAsset: Double
    public var assetPerSy: Double
    public var stockPrice: Double?
    public var legs: [LegRisk]
    public var total: RiskTotal
    public var hedge: RateHedge?
    public var assumptions: [String]
}

/// The rate risk of a position (`TokenPricing` gives each token's price and derivatives in the implied APY),
/// on any curve. On a YieldSpace pool SY is the pool's share (at `c`), and a YT leg is priced as the synthetic
/// `1 − PT` at the pool's rate (nothing trades it); a YT hedge instrument needs a venue that trades YT
/// (``StrategyError/noYieldToken(curve:)`` otherwise).
///
/// ```
/// leg:    V = amount · price,  dv01 = amount · price′ · 1e-4,  D = −price′ / price,  C = price″ / price
/// total:  V = Σ V,  dv01 = Σ dv01,  D = −(Σ amount · price′) / V,  C = (Σ amount · price″) / V
/// hedge:  amount_h = −(Σ amount · price′) / price′_h   (a parallel shift of implied APY across both markets)
/// ```
public enum RateRisk {
    public static func compute<C: ImpliedYieldCurve>(
        _ position: Position, curve: C, at blockTime: Int64, stockPrice: Double? = nil,
        hedgeWith instrument: RateHedgeInstrument? = nil
    ) throws -> RateRiskResult {
        if let stockPrice { try PositionSizing.checkStockPrice(stockPrice) }
        let spot = try curve.spot(at: blockTime)
        let index = curve.assetPerSy.doubleValue
        var legs: [LegRisk] = []
        var value = 0.0
        var d1 = 0.0
        var d2 = 0.0
        for leg in position.legs {
            let price = try TokenPricing.price(leg.token, curve: curve, spot: spot, assetPerSy: index)
            let amount = leg.amount.doubleValue
            let legValue = amount * price.price
            let dv01 = amount * price.firstDerivative * TokenPricing.basisPoint
            legs.append(
                LegRisk(
                    token: leg.token, amount: amount, amountExact: leg.amount, priceInAsset: price.price, valueInAsset: legValue,
                    dv01InAsset: dv01, modifiedDuration: price.price != 0 ? 0 - price.firstDerivative / price.price : nil,
                    convexity: price.price != 0 ? 0 + price.secondDerivative / price.price : nil,
                    valueUsd: stockPrice.map { legValue * $0 }, dv01Usd: stockPrice.map { dv01 * $0 }))
            value += legValue
            d1 += amount * price.firstDerivative
            d2 += amount * price.secondDerivative
        }
        let total = RiskTotal(
            valueInAsset: value, dv01InAsset: d1 * TokenPricing.basisPoint,
            modifiedDuration: value != 0 ? 0 - d1 / value : nil, convexity: value != 0 ? d2 / value : nil,
            valueUsd: stockPrice.map { value * $0 }, dv01Usd: stockPrice.map { d1 * TokenPricing.basisPoint * $0 })
        let yieldSpace = curve.curveName == YieldSpaceCurve<C.Scalar>.name
        var assumptions = [
            yieldSpace
                ? "prices on Pendle's spot convention: PT (fyToken) = (1 + y)^(−τ) at the pool's implied APY y (365-day year), YT = 1 − PT as a synthetic (the pool trades no YT), SY (a pool share) at c"
                : "prices on Pendle's spot convention: PT = (1 + y)^(−τ) at the implied APY y, YT = 1 − PT, SY at the PY index",
            "DV01 is the analytic dV/dy per basis point of implied APY; duration −(1/V) dV/dy and convexity (1/V) d²V/dy² per unit of APY"
        ]
        if position.legs.contains(where: { $0.token == .lp }) {
            assumptions.append(
                "the LP is valued after the pool's own trade to y ± 1 bp (fees kept by the pool), its derivatives by central differences")
        }
        var hedge: RateHedge? = nil
        if let instrument {
            hedge = try rateHedge(instrument, at: blockTime, positionFirstDerivative: d1, positionStockPrice: stockPrice)
            assumptions.append("the hedge assumes a parallel shift: both markets' implied APYs move by the same basis points, read at the same time")
            assumptions.append(
                hedge?.matchedIn == "usd"
                    ? "the DV01s are matched in USD at each market's stock price"
                    : "the DV01s are matched in shares: the two markets' assets are taken as the same (give both stock prices to match in USD)")
        }
        return RateRiskResult(
            curveName: curve.curveName, blockTime: blockTime, expiry: curve.expiry, secondsToExpiry: spot.secondsToExpiry,
            yearsToExpiry: spot.yearsToExpiry, impliedApy: spot.impliedApy, ptPriceInAsset: spot.ptPriceInAsset,
            ytPriceInAsset: spot.ytPriceInAsset, assetPerSy: index, stockPrice: stockPrice, legs: legs, total: total,
            hedge: hedge, assumptions: assumptions)
    }

    static func rateHedge(
        _ instrument: RateHedgeInstrument, at blockTime: Int64, positionFirstDerivative: Double,
        positionStockPrice: Double?
    ) throws -> RateHedge {
        guard instrument.token == .pt || instrument.token == .yt else {
            throw StrategyError.invalidInput(
                field: "hedgeToken", value: instrument.token.rawValue, reason: "hedge the rate with the other market's pt or yt")
        }
        if instrument.token == .yt, !instrument.curve.tradesYieldToken {
            throw StrategyError.noYieldToken(curve: instrument.curve.curveName)
        }
        if let price = instrument.stockPrice { try PositionSizing.checkStockPrice(price, field: "hedge market's stockPrice") }
        let spot: CurveSpot
        do {
            spot = try instrument.curve.spot(at: blockTime)
        } catch PendleError.marketExpired {
            throw StrategyError.invalidInput(
                field: "against", value: UnixTime.format(instrument.curve.expiry),
                reason:
                    "the hedge market expired at \(UnixTime.format(instrument.curve.expiry)), before \(UnixTime.format(blockTime)); hedge in a market that is still open"
            )
        }
        let y = spot.impliedApy
        let tau = spot.yearsToExpiry
        let ptDerivative = -tau * TokenPricing.ptPrice(apy: y, years: tau) / (1 + y)
        let perToken = instrument.token == .pt ? ptDerivative : -ptDerivative
        guard perToken != 0 else {
            throw StrategyError.invalidInput(
                field: "hedgeToken", value: instrument.token.rawValue, reason: "its price does not move with the rate; choose another market")
        }
        // In USD when both prices are known: −(dV/dy · S) / (price′_h · S_h); else in shares.
        let inUsd = positionStockPrice != nil && instrument.stockPrice != nil
        let ratio = inUsd ? (positionStockPrice ?? 1) / (instrument.stockPrice ?? 1) : 1
        let amount = -positionFirstDerivative * ratio / perToken
        let dv01 = amount * perToken * TokenPricing.basisPoint
        return RateHedge(
            curveName: instrument.curve.curveName, expiry: instrument.curve.expiry, token: instrument.token, impliedApy: y,
            dv01PerTokenInAsset: perToken * TokenPricing.basisPoint, hedgeAmount: amount, hedgeDv01InAsset: dv01,
            hedgeDv01Usd: instrument.stockPrice.map { dv01 * $0 }, matchedIn: inUsd ? "usd" : "asset")
    }
}
