import Foundation

/// How a YT's and SY's yield to a horizon is assumed, for the parts of a position that grow with the token.
public enum RealizedYield: Hashable, Sendable {
    /// A given token APY.
    case apy(Double)
    /// The market's implied APY today (the default: what the market prices).
    case impliedApy
    /// A dividend schedule's outlook (``DividendOutlook``: listed dividends, else the trailing yield), net of
    /// the token's withholding.
    case schedule(DividendSchedule, withholding: Withholding, prices: ReinvestPriceAssumption)

    /// The token APY over `from … to`, where it came from, and any warning about the schedule's coverage.
    func resolve(spot: CurveSpot, from: Int64, to: Int64) throws -> (apy: Double, basis: String, warnings: [String]) {
        switch self {
        case .apy(let value):
            try LockIn.checkRate(value, "realizedApy", range: -0.99...100, reason: "give a token APY above −99 %, e.g. 0.3%")
            return (value, "given", [])
        case .impliedApy:
            return (spot.impliedApy, "the market's implied APY", [])
        case .schedule(let schedule, let withholding, let prices):
            let outlook = try DividendOutlook.project(schedule: schedule, from: from, to: to, withholding: withholding, prices: prices)
            return (outlook.tokenApy, "schedule: " + outlook.basisDescription, outlook.warnings)
        }
    }
}

/// One leg's exposure to the stock price, in shares.
public struct LegDelta: Hashable, Sendable {
    public var token: PositionToken
    /// Token units, and exactly.
    public var amount: Double
    public var amountExact: Wad
    /// Shares the leg behaves like now (its value in shares), and at maturity under the assumed yield.
    public var deltaShares: Double
    public var deltaSharesAtMaturity: Double
}

/// A position's exposure to the stock price: how many shares it behaves like, and the short that hedges it.
public struct StockDeltaResult: Sendable {
    public var curveName: String
    public var blockTime: Int64
    public var expiry: Int64
    public var yearsToExpiry: Double
    /// USD per share, when given (for the USD figures).
    public var stockPrice: Double?
    public var assetPerSy: Double
    public var impliedApy: Double
    /// The token APY assumed to maturity (for YT and SY), where it came from, and the YT interest fee.
    public var realizedApy: Double
    public var realizedApyBasis: String
    public var ytInterestFee: Double
    public var legs: [LegDelta]
    /// `dV/dS` in shares: the value in shares (USD value = shares · stock price, every price here in shares).
    public var deltaShares: Double
    /// Shares (or perp units) to hold now to hedge: `−deltaShares` (negative: short), and in USD.
    public var hedgeShares: Double
    public var hedgeUsd: Double?
    /// Shares the position delivers at maturity (the static hedge to maturity), and its short.
    public var deltaSharesAtMaturity: Double
    public var hedgeSharesAtMaturity: Double
    public var warnings: [String]
    public var assumptions: [String]
}

/// The stock delta of a position.
///
/// ```
/// now (shares per token):  PT  (1 + y)^(−τ)     YT  1 − PT     SY  I     LP  (PT/LP) · PT + (SY/LP) · I
/// at maturity:             PT  1                YT  (G − 1)(1 − f)        SY  I · G     LP  (PT/LP) + (SY/LP) · I · G
///                          G = (1 + realizedApy)^τ, f = the YT interest fee
/// deltaShares = Σ amount · shares per token,  hedgeShares = −deltaShares,  hedgeUsd = hedgeShares · S
/// ```
/// Every price is in shares, so a position worth `N` shares moves `N` USD per USD of the stock: `dV/dS = N`.
public enum StockDelta {
    public static func compute<C: ImpliedYieldCurve>(
        _ position: Position, curve: C, at blockTime: Int64, stockPrice: Double? = nil,
        realizedYield: RealizedYield = .impliedApy,
        ytInterestFee: Double = YTInterest.defaultFeeRate.doubleValue
    ) throws -> StockDeltaResult {
        if let stockPrice { try PositionSizing.checkStockPrice(stockPrice) }
        try LockIn.checkRate(ytInterestFee, "ytFee", range: 0...1, reason: "the YT interest fee is a fraction in [0, 1], e.g. 3%")
        let spot = try curve.spot(at: blockTime)
        let index = curve.assetPerSy.doubleValue
        let (apy, basis, warnings) = try realizedYield.resolve(spot: spot, from: blockTime, to: curve.expiry)
        let growth = Foundation.pow(1 + apy, spot.yearsToExpiry)
        var legs: [LegDelta] = []
        for leg in position.legs {
            let now = try TokenPricing.price(leg.token, curve: curve, spot: spot, assetPerSy: index).price
            let atMaturity: Double
            switch leg.token {
            case .pt: atMaturity = 1
            case .yt: atMaturity = (growth - 1) * (1 - ytInterestFee)
            case .sy: atMaturity = index * growth
            case .lp:
                let lp = try curve.lpValue(impliedApy: spot.impliedApy, at: blockTime, assetPerSy: index)
                atMaturity = lp.ptPerLp + lp.syPerLp * index * growth
            }
            let amount = leg.amount.doubleValue
            legs.append(
                LegDelta(
                    token: leg.token, amount: amount, amountExact: leg.amount, deltaShares: amount * now, deltaSharesAtMaturity: amount * atMaturity))
        }
        let delta = legs.reduce(0) { $0 + $1.deltaShares }
        let atMaturity = legs.reduce(0) { $0 + $1.deltaSharesAtMaturity }
        return StockDeltaResult(
            curveName: curve.curveName, blockTime: blockTime, expiry: curve.expiry, yearsToExpiry: spot.yearsToExpiry, stockPrice: stockPrice,
            assetPerSy: index, impliedApy: spot.impliedApy, realizedApy: apy, realizedApyBasis: basis, ytInterestFee: ytInterestFee,
            legs: legs, deltaShares: delta, hedgeShares: -delta, hedgeUsd: stockPrice.map { -delta * $0 }, deltaSharesAtMaturity: atMaturity,
            hedgeSharesAtMaturity: -atMaturity, warnings: warnings,
            assumptions: [
                "every price is in shares, so the delta is the value in shares; the implied APY is held fixed as the stock moves",
                "to maturity the token grows at \(String(format: "%.4f", apy * 100)) % a year (\(basis)); YT interest is net of a \(String(format: "%.4g", ytInterestFee * 100)) % fee",
                "an LP keeps today's PT and SY to maturity (no trades against the pool)"
            ])
    }
}
