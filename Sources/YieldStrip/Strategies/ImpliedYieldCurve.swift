import Foundation

/// What a strategy needs from a fixed-yield market, whatever its invariant: the spot rate and prices at a
/// time, the optimal exact-input trades with their fees, the largest trade each way, and the same pool
/// without its fee. Pendle V2 implements it (``PendleV2Curve``); every strategy (``LockIn``, ``ShortYT``)
/// reaches a market only through it.
///
/// Units: SY is the pool's yield-bearing token (a stock token), the asset what PT redeems for at maturity
/// (one split-adjusted share), and one SY is worth ``assetPerSy`` asset now. Amounts are in the curve's
/// scalar (``Wad``: exact wei, the contracts' rounding; `Double`: the same algorithm in units); rates and
/// prices are `Double`. Years are 365 days (``RateConventions``).
///
/// `Scalar` is the protocol's primary associated type, so that a curve chosen at run time (a market file of
/// either kind) is an `any ImpliedYieldCurve<Wad>` that every job takes as it is.
public protocol ImpliedYieldCurve<Scalar>: Sendable {
    associatedtype Scalar: PendleScalar

    /// The curve's name as market files spell it (`pendle-v2`).
    var curveName: String { get }
    /// The maturity (Unix seconds): PT redeems one asset from then on.
    var expiry: Int64 { get }
    /// Asset per SY now (Pendle: the PY index).
    var assetPerSy: Scalar { get }
    /// The trading fee as an annual rate (Pendle: `exp(lnFeeRateRoot) − 1`).
    var annualFeeRate: Double { get }
    /// Whether the venue trades a yield token (Pendle: YT); YT trades throw ``StrategyError/noYieldToken(curve:)``
    /// where it does not.
    var tradesYieldToken: Bool { get }

    /// The implied rate and the PT and YT prices at `blockTime` (before any trade).
    func spot(at blockTime: Int64) throws -> CurveSpot

    /// The continuously compounded implied rate the venue stores, in the curve's scalar (Pendle:
    /// `lastLnImpliedRate`, exact wei): what the venue's own spot PT oracle reads.
    var lnImpliedRate: Scalar { get }

    /// The optimal trade of exactly `amount` of the input token (``CurveTradeKind``): the venue router's
    /// defined answer (Pendle: the reference bisection's PT leg, which fits the input while one more wei does
    /// not). Throws what the venue would refuse (a zero amount,
    /// an input above the market's limit, a dust trade) with the venue's error names.
    func trade(_ kind: CurveTradeKind, exactIn amount: Scalar, at blockTime: Int64) throws -> CurveTrade<Scalar>

    /// ``trade(_:exactIn:at:)`` and the curve after it: the pool's balances and its implied rate moved by the
    /// trade, its fees kept as the venue keeps them (Pendle: the reserve's share leaves the pool). Successive
    /// trades on the returned curves are a sequence of trades on one pool (a loop's purchases).
    func tradeAndUpdate(_ kind: CurveTradeKind, exactIn amount: Scalar, at blockTime: Int64) throws -> (trade: CurveTrade<Scalar>, after: Self)

    /// The largest exact input of `kind` worth giving at `blockTime` (the market takes no more, and more would
    /// not pay out more); nil when no trade executes that way.
    func largestInput(_ kind: CurveTradeKind, at blockTime: Int64) -> Scalar?

    /// The same pool with a zero trading fee (and no dust-fee check): to separate what the fee takes from
    /// what the price impact takes.
    func withoutFee() -> Self

    /// The PT the pool holds (Pendle: `totalPt`; YieldSpace: the real fyToken), the size depth rows are
    /// fractions of.
    var ptReserve: Scalar { get }
    /// The SY the pool holds (Pendle: `totalSy`; YieldSpace: the shares reserves).
    var syReserve: Scalar { get }
    /// The pool's value in asset at `blockTime`: its PT at the spot price and its SY at ``assetPerSy``; nil
    /// when the venue cannot tell (a YieldSpace pool without its LP supply does not know its real fyToken).
    func poolValueInAsset(at blockTime: Int64) throws -> Double?

    /// The venue's trade of exactly `netPtToAccount` PT (positive: PT taken from the pool and SY paid;
    /// negative: PT sold to it for SY). Pendle: `executeTradeCore`; YieldSpace: `buyFYToken` / `sellFYToken`.
    /// Throws what the venue would refuse.
    func tradePt(netPtToAccount: Scalar, at blockTime: Int64) throws -> CurvePtTrade<Scalar>

    /// The largest PT leg the pool executes at `blockTime`, PT taken from it (`buyingPt`) or sold to it; zero
    /// when none does.
    func largestPtLeg(buyingPt: Bool, at blockTime: Int64) -> Scalar

    /// One LP token's value once arbitrage has moved the pool's implied APY to `impliedApy` at `blockTime`,
    /// with one SY then worth `assetPerSy` asset (nil: the curve's own): the venue's exact trade to that rate
    /// (fees kept by the pool), then PT at its price at that APY and SY at `assetPerSy` (`Double`).
    func lpValue(impliedApy: Double, at blockTime: Int64, assetPerSy: Double?) throws -> LpValuation

    /// ``lpValue(impliedApy:at:assetPerSy:)`` at each of `impliedApys`, in order (the first failing one's error);
    /// a venue may value them together (Pendle prices each round's trial trades in one sweep).
    func lpValues(impliedApys: [Double], at blockTime: Int64, assetPerSy: Double?) throws -> [LpValuation]
}

extension ImpliedYieldCurve {
    /// One ``lpValue(impliedApy:at:assetPerSy:)`` after another.
    public func lpValues(impliedApys: [Double], at blockTime: Int64, assetPerSy: Double?) throws -> [LpValuation] {
        try impliedApys.map { try lpValue(impliedApy: $0, at: blockTime, assetPerSy: assetPerSy) }
    }
}

/// One LP token of a pool after arbitrage to an implied APY: what it holds and what that is worth.
public struct LpValuation: Hashable, Sendable {
    /// The implied APY the pool was moved to, and the PT it took (positive: PT bought from the pool).
    public var impliedApy: Double
    public var arbitragePt: Double
    /// PT and SY per LP after the trade, and the PT price used.
    public var ptPerLp: Double
    public var syPerLp: Double
    public var ptPriceInAsset: Double
    public var assetPerSy: Double
    /// `ptPerLp · ptPriceInAsset + syPerLp · assetPerSy`.
    public var valueInAsset: Double
    /// True when the pool cannot trade all the way to the APY (Pendle: the PT proportion would pass 96 %, or
    /// the exchange rate fall below 1): the trade stops at that limit and the PT is still priced at the APY.
    public var reachedPoolLimit: Bool
}

/// A trade of an exact PT leg (``ImpliedYieldCurve/tradePt(netPtToAccount:at:)``).
public struct CurvePtTrade<S: PendleScalar>: Sendable {
    /// The PT leg (positive: taken from the pool), and the SY the account receives for it (negative: pays).
    public var netPtToAccount: S
    public var netSyToAccount: S
    /// The fee in SY.
    public var feeSy: S
    /// The implied APY after the trade.
    public var impliedApyAfter: Double
    /// The venue's name for the trade (`executeTradeCore`, `buyFYToken`, `sellFYToken`).
    public var venueTrade: String

    public init(netPtToAccount: S, netSyToAccount: S, feeSy: S, impliedApyAfter: Double, venueTrade: String) {
        self.netPtToAccount = netPtToAccount
        self.netSyToAccount = netSyToAccount
        self.feeSy = feeSy
        self.impliedApyAfter = impliedApyAfter
        self.venueTrade = venueTrade
    }
}

/// The exact-input trades strategies use: the input token, exactly, for the output token.
public enum CurveTradeKind: String, CaseIterable, Sendable {
    /// Pay exactly the amount in SY, receive PT (a lock-in's purchase).
    case buyPtWithSy
    /// Pay exactly the amount in PT, receive SY.
    case sellPtForSy
    /// Pay exactly the amount in SY, receive YT.
    case buyYtWithSy
    /// Pay exactly the amount in YT, receive SY (a YT short's sale).
    case sellYtForSy

    /// The tokens given and received.
    public var tokens: (input: Token, output: Token) {
        switch self {
        case .buyPtWithSy: return (.sy, .pt)
        case .sellPtForSy: return (.pt, .sy)
        case .buyYtWithSy: return (.sy, .yt)
        case .sellYtForSy: return (.yt, .sy)
        }
    }

    /// Whether the trade involves the yield token.
    public var tradesYieldToken: Bool { self == .buyYtWithSy || self == .sellYtForSy }
}

/// A curve's rate and prices at one time, before any trade.
///
/// `ptPriceInAsset = exp(−lnImpliedRate · τ)`, `ytPriceInAsset = 1 − ptPriceInAsset` (as `−expm1`),
/// `impliedApy = exp(lnImpliedRate) − 1`, τ = `secondsToExpiry / 31,536,000`.
public struct CurveSpot: Hashable, Sendable {
    public var blockTime: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    public var lnImpliedRate: Double
    public var impliedApy: Double
    public var ptPriceInAsset: Double
    public var ytPriceInAsset: Double

    /// The spot of a continuously compounded `lnImpliedRate` at `secondsToExpiry` (> 0).
    public init(blockTime: Int64, secondsToExpiry: Int64, lnImpliedRate: Double) {
        self.blockTime = blockTime
        self.secondsToExpiry = secondsToExpiry
        yearsToExpiry = RateConventions.yearsToExpiry(secondsToExpiry: secondsToExpiry)
        self.lnImpliedRate = lnImpliedRate
        impliedApy = Foundation.expm1(lnImpliedRate)
        ptPriceInAsset = Foundation.exp(-lnImpliedRate * yearsToExpiry)
        ytPriceInAsset = -Foundation.expm1(-lnImpliedRate * yearsToExpiry)
    }
}

/// One executed exact-input trade on a curve.
public struct CurveTrade<S: PendleScalar>: Sendable {
    public var kind: CurveTradeKind
    /// The amount given, what of it the trade spends, and what it pays out (exact).
    public var amountGiven: S
    public var amountIn: S
    public var amountOut: S
    /// `amountGiven − amountIn`: rounding dust the trade leaves unspent.
    public var unspentInput: S
    /// The market's PT leg (positive: PT taken from the pool).
    public var ptLeg: S
    /// The fee in SY, and the part of it sent to the protocol's reserve.
    public var feeSy: S
    public var feeSyToReserve: S
    /// The implied APY before and after the trade.
    public var impliedApyBefore: Double
    public var impliedApyAfter: Double
    /// The venue's own names for the trade's amounts (Pendle: the router swap's fields, e.g. `netPtOut`,
    /// `netSyIn`, `netSyFee`), in order.
    public var venueFields: NamedAmounts<S>
    /// The venue's name for the trade (Pendle: the router swap, `swapExactSyForPt`).
    public var venueTrade: String
    /// Curve evaluations the trade took.
    public var evaluations: Int
}
