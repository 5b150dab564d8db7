import Foundation

/// How the hedger holds the stock whose dividends the YT short hedges.
public enum YieldHolding: String, CaseIterable, Sendable {
    /// The stock token itself: the hedger splits its own tokens (mints PT + YT) and sells the YT.
    case token
    /// The stock: the hedger has no SY to split, so it borrows the token, mints from the borrowed SY and
    /// sells the YT; the loan is repaid in SY at maturity, so the position owes the token's yield.
    case stock
}

/// The size of a YT short.
public enum ShortYTSize: Hashable, Sendable {
    /// The position whose dividends are hedged (shares, or SY / tokens / USD converted to shares).
    case position(PositionSize)
    /// YT already held, to sell.
    case yieldTokens(Wad)
}

/// A YT short: sell the floating dividend stream to maturity for a premium now.
public struct ShortYTRequest: Hashable, Sendable {
    public var size: ShortYTSize
    public var heldAs: YieldHolding
    /// The hedger's withholding on the stock's dividends (30 % by default) and the token's (30 %).
    public var holderWithholding: Withholding
    public var tokenWithholding: Withholding
    /// The token lender's fee, APR (a stock holder borrows the token; 0 by default).
    public var borrowFeeApr: Double
    /// The share of the position hedged, in (0, 1].
    public var fraction: Wad
    /// Realized token APYs for the PnL rows; nil: 0 and 25 % … 200 % of the spot APY.
    public var realizedApys: [Double]?
    /// USD per share today, for USD figures.
    public var stockPrice: Double?

    public init(
        size: ShortYTSize, heldAs: YieldHolding = .token, holderWithholding: Withholding = .standard,
        tokenWithholding: Withholding = .standard, borrowFeeApr: Double = 0, fraction: Wad = .one,
        realizedApys: [Double]? = nil, stockPrice: Double? = nil
    ) {
        self.size = size
        self.heldAs = heldAs
        self.holderWithholding = holderWithholding
        self.tokenWithholding = tokenWithholding
        self.borrowFeeApr = borrowFeeApr
        self.fraction = fraction
        self.realizedApys = realizedApys
        self.stockPrice = stockPrice
    }

    /// The default realized APYs as multiples of the spot APY: 0, 25 %, 50 %, … 200 %.
    public static let defaultSpotMultiples: [Double] = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]
}

/// YT to sell per share whose dividend income is hedged.
///
/// A share held directly pays `d · (1 − w_holder)` per dividend `d`; one YT (on one share of asset)
/// collects the token's reinvested yield, `d · (1 − w_token)` per share (in shares, `d (1 − w_token)/P`).
/// Selling `h` YT per share offsets the income when `h · (1 − w_token) = 1 − w_holder`:
/// ```
/// h = (1 − w_holder) / (1 − w_token)      a stock holder
/// h = 1                                  a token holder (its income is the token's yield itself)
/// ```
public enum IncomeHedge {
    /// The ratio, as a `Double`.
    public static func ratio(heldAs: YieldHolding, holderWithholding: Withholding, tokenWithholding: Withholding) throws -> Double {
        let (numerator, denominator) = try exactRatio(heldAs: heldAs, holderWithholding: holderWithholding, tokenWithholding: tokenWithholding)
        return numerator.doubleValue / denominator.doubleValue
    }

    /// The ratio as `(1 − w_holder, 1 − w_token)` in wad (`(1, 1)` for a token holder).
    ///
    /// - Throws: `InvalidInput` when the token withholds everything (`w_token = 100 %`): its YT earns nothing.
    public static func exactRatio(
        heldAs: YieldHolding, holderWithholding: Withholding,
        tokenWithholding: Withholding
    ) throws(StrategyError) -> (numerator: Wad, denominator: Wad) {
        guard heldAs == .stock else { return (.one, .one) }
        guard tokenWithholding.retained.isPositive else {
            throw .invalidInput(
                field: "tokenWithholding", value: tokenWithholding.description,
                reason: "a token that withholds all of each dividend pays its YT nothing; give a withholding below 100%")
        }
        return (holderWithholding.retained, tokenWithholding.retained)
    }

    /// YT to sell to hedge `shares`: `⌊⌊fraction · shares⌋ · numerator / denominator⌋` (each step rounded down,
    /// so never more YT than the income it hedges).
    public static func ytToSell<S: PendleScalar>(shares: S, fraction: S, ratio: (numerator: S, denominator: S)) throws -> S {
        let hedged = try S.mulDivRaw(shares, fraction, .one)
        return try S.mulDivRaw(hedged, ratio.numerator, ratio.denominator)
    }

    /// The income hedge of `shares` held as `heldAs`: the ratio and the YT to sell and, given a market, the
    /// YT short that sells them (``ShortYT``: premium, capital, PnL) — the same numbers `short-yt` reports.
    public static func compute<C: ImpliedYieldCurve>(
        shares: Wad, heldAs: YieldHolding = .token, holderWithholding: Withholding = .standard,
        tokenWithholding: Withholding = .standard, fraction: Wad = .one,
        borrowFeeApr: Double = 0, stockPrice: Double? = nil,
        market: (curve: C, blockTime: Int64)?
    ) throws -> IncomeHedgeResult where C.Scalar == Wad {
        guard shares.isPositive else { throw StrategyError.nonPositiveSize(unit: "shares", value: shares.description) }
        guard fraction.isPositive, fraction <= .one else {
            throw StrategyError.invalidInput(
                field: "fraction", value: fraction.description, reason: "the share of the position hedged lies in (0, 1]; give e.g. 0.5 or 50%")
        }
        let ratio = try exactRatio(heldAs: heldAs, holderWithholding: holderWithholding, tokenWithholding: tokenWithholding)
        let yt = try ytToSell(shares: shares, fraction: fraction, ratio: ratio)
        var short: ShortYTResult<Wad>? = nil
        if let market {
            short = try ShortYT.compute(
                ShortYTRequest(
                    size: .position(.shares(shares)), heldAs: heldAs, holderWithholding: holderWithholding,
                    tokenWithholding: tokenWithholding, borrowFeeApr: borrowFeeApr, fraction: fraction,
                    stockPrice: stockPrice),
                curve: market.curve, at: market.blockTime)
        }
        return IncomeHedgeResult(
            heldAs: heldAs, holderWithholding: holderWithholding.doubleValue, tokenWithholding: tokenWithholding.doubleValue,
            shares: shares, fraction: fraction.doubleValue, incomeHedgeRatio: ratio.numerator.doubleValue / ratio.denominator.doubleValue,
            ytToSell: yt, shortYt: short)
    }
}

extension IncomeHedge {
    /// ``compute(shares:heldAs:holderWithholding:tokenWithholding:fraction:borrowFeeApr:stockPrice:market:)`` without a market:
    /// the ratio and the YT to sell only.
    public static func compute(
        shares: Wad, heldAs: YieldHolding = .token, holderWithholding: Withholding = .standard,
        tokenWithholding: Withholding = .standard, fraction: Wad = .one
    ) throws -> IncomeHedgeResult {
        try compute(
            shares: shares, heldAs: heldAs, holderWithholding: holderWithholding, tokenWithholding: tokenWithholding,
            fraction: fraction, market: nil as (curve: PendleV2Curve<Wad>, blockTime: Int64)?)
    }
}

/// The income hedge of a dividend-paying position.
public struct IncomeHedgeResult: Sendable {
    public var heldAs: YieldHolding
    public var holderWithholding: Double
    public var tokenWithholding: Double
    /// The shares whose dividends are hedged, and the share of them hedged.
    public var shares: Wad
    public var fraction: Double
    /// YT per share (``IncomeHedge``) and YT to sell: `short-yt`'s `ytSold` for the same inputs.
    public var incomeHedgeRatio: Double
    public var ytToSell: Wad
    /// With a market: the YT short that sells them.
    public var shortYt: ShortYTResult<Wad>?
}

/// PnL of a YT short at maturity for one realized token APY, against having kept the SY.
public struct ShortYTPnlRow: Hashable, Sendable {
    public var realizedApy: Double
    /// `G = (1 + realizedApy)^τ`: the token's growth to maturity.
    public var growth: Double
    public var pnlShares: Double
    public var pnlUsd: Double?
}

/// A YT short's complete answer.
public struct ShortYTResult<S: PendleScalar>: Sendable {
    public var curveName: String
    public var blockTime: Int64
    public var expiry: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    public var heldAs: YieldHolding
    public var holderWithholding: Double
    public var tokenWithholding: Double
    public var fraction: Double
    public var borrowFeeApr: Double
    /// The size as given, in SY, shares and USD (nil for YT already held).
    public var size: SizeConversion<S>?
    /// Shares whose dividends the position pays (exact; the YT held for `--yt`).
    public var positionShares: S
    /// `fraction · positionShares`: the shares whose income the short hedges.
    public var notionalHedgedShares: Double
    /// YT per share hedged (``IncomeHedge``).
    public var incomeHedgeRatio: Double
    /// YT sold, SY used to mint PT + YT (0 for YT already held), the PT and YT minted beyond the sale kept.
    public var ytSold: S
    public var syToMint: S
    public var ptMinted: S
    public var ytKept: S
    /// The exact sale (Pendle: `swapExactYtForSy`).
    public var sale: CurveTrade<S>
    /// SY received for the YT, fees included.
    public var syReceived: S { sale.amountOut }
    /// SY borrowed (a stock holder's loan, repaid in SY at maturity); zero for a token holder.
    public var loanSy: S
    /// USD per share today (nil when not given): the USD figures' price.
    public var stockPrice: Double?
    /// `syReceived · pyIndex`: the premium in shares, and in USD.
    public var premiumShares: Double
    public var premiumUsd: Double?
    public var spotApy: Double
    public var spotYtPriceInAsset: Double
    /// `premiumShares / ytSold`, and the APY at which that sale price is fair: `(1 − ytPrice)^(−1/τ) − 1`.
    public var effectiveYtPrice: Double
    public var effectiveShortApy: Double
    /// Token holder: SY spent to mint, in shares, minus the premium (the PT kept is worth most of it);
    /// stock holder: the loan's size in shares; YT held: minus the premium (cash received).
    public var capitalShares: Double
    public var capitalUsd: Double?
    /// The borrow fee to maturity, in shares (`ytSold · borrowFee · τ`; 0 for a token holder).
    public var borrowCostShares: Double
    public var pnl: [ShortYTPnlRow]
    /// The realized APY at which the PnL is zero; for a token holder equal to `effectiveShortApy`.
    public var breakEvenApy: Double?
    /// `breakEvenApy / (1 − token withholding)`: the stock's gross dividend yield at break-even; nil when the
    /// break-even APY is negative (no dividend yield breaks even: the costs exceed the premium).
    public var breakEvenGrossDividendYield: Double?
    public var assumptions: [String]
}

/// The YT-short job: sell the yield to maturity of a dividend-paying position for a premium now.
///
/// ```
/// ytSold   = ⌊⌊fraction · N⌋ · (1 − w_holder) / (1 − w_token)⌋       N: shares hedged (wei), ratio 1 for a token holder
/// syToMint = assetToSyUp(ytSold)         (mints ≥ ytSold PT and YT; zero when selling YT already held)
/// premium  = syReceived · pyIndex        syReceived: the exact swapExactYtForSy of ytSold
/// G        = (1 + realizedApy)^τ,   pnlShares = premium · G − ytSold · (G − 1) − ytSold · borrowFee · τ
/// breakEvenApy = ((1 − borrowFee · τ) / (1 − premium / ytSold))^(1/τ) − 1
/// ```
/// PnL is at maturity, against having kept the SY, the premium held as SY (it grows with the token).
public enum ShortYT {
    public static func compute<C: ImpliedYieldCurve>(_ request: ShortYTRequest, curve: C, at blockTime: Int64) throws -> ShortYTResult<C.Scalar> {
        typealias S = C.Scalar
        guard curve.tradesYieldToken else { throw StrategyError.noYieldToken(curve: curve.curveName) }
        let spot = try curve.spot(at: blockTime)
        guard request.fraction.isPositive, request.fraction <= .one else {
            throw StrategyError.invalidInput(
                field: "fraction", value: request.fraction.description,
                reason: "the share of the position hedged lies in (0, 1]; give e.g. 0.5 or 50%")
        }
        if let price = request.stockPrice { try PositionSizing.checkStockPrice(price) }
        try LockIn.checkRate(request.borrowFeeApr, "borrowFeeApr", range: 0...10, reason: "a borrow fee is an APR ≥ 0, e.g. 0.005 or 0.5%")
        let index = curve.assetPerSy
        let (numerator, denominator) = try IncomeHedge.exactRatio(
            heldAs: request.heldAs, holderWithholding: request.holderWithholding,
            tokenWithholding: request.tokenWithholding)
        let fraction = S.exactly(request.fraction)
        var size: SizeConversion<S>? = nil
        let positionShares: S
        let ytSold: S
        switch request.size {
        case .position(let position):
            let conversion = try PositionSizing.convert(position, assetPerSy: index, stockPrice: request.stockPrice)
            size = conversion
            switch position {
            case .shares(let shares): positionShares = S.exactly(shares)
            case .sy, .tokens: positionShares = try conversion.sy.syToAsset(index: index)
            case .usd(let usd):
                guard let price = request.stockPrice.flatMap(Wad.shortestDecimal) else {
                    throw StrategyError.missingStockPrice(purpose: "a size in USD")
                }
                positionShares = try S.exactly(usd).divDown(S.exactly(price))
            }
            ytSold = try IncomeHedge.ytToSell(shares: positionShares, fraction: fraction, ratio: (S.exactly(numerator), S.exactly(denominator)))
        case .yieldTokens(let yt):
            guard request.heldAs == .token else {
                throw StrategyError.invalidInput(
                    field: "heldAs", value: "stock", reason: "YT already held is sold as it is; give the shares held as stock instead of YT")
            }
            guard yt.isPositive else { throw StrategyError.nonPositiveSize(unit: "yt", value: yt.description) }
            positionShares = S.exactly(yt)
            ytSold = try S.mulDivRaw(positionShares, fraction, .one)
        }
        guard ytSold.isPositive else {
            throw StrategyError.sizeRoundsToZero(unit: "yt", value: "\(request.fraction) of \(positionShares)")
        }
        let syToMint: S
        let ptMinted: S
        if case .yieldTokens = request.size {
            (syToMint, ptMinted) = (.zero, .zero)
        } else {
            syToMint = try ytSold.assetToSyUp(index: index)
            ptMinted = try syToMint.syToAsset(index: index)
        }
        let ytKept = ptMinted.isZero ? S.zero : try ptMinted - ytSold
        let sale = try curve.trade(.sellYtForSy, exactIn: ytSold, at: blockTime)

        let tau = spot.yearsToExpiry
        let indexValue = index.doubleValue
        let sold = ytSold.doubleValue
        let premium = sale.amountOut.doubleValue * indexValue
        let ytPrice = premium / sold
        let effectiveShortApy = Foundation.expm1(-Foundation.log1p(-ytPrice) / tau)
        let borrowFee = request.heldAs == .stock ? request.borrowFeeApr : 0
        let borrowCost = sold * borrowFee * tau
        let capital: Double
        switch (request.size, request.heldAs) {
        case (.yieldTokens, _): capital = -premium
        case (_, .stock): capital = syToMint.doubleValue * indexValue
        case (_, .token): capital = syToMint.doubleValue * indexValue - premium
        }
        let realized = request.realizedApys ?? ShortYTRequest.defaultSpotMultiples.map { $0 * spot.impliedApy }
        var rows: [ShortYTPnlRow] = []
        for apy in realized {
            try LockIn.checkRate(apy, "realizedApy", range: -0.99...100, reason: "give realized APYs above −99 %, e.g. 0,0.2%,0.4%")
            let growth = Foundation.pow(1 + apy, tau)
            let pnl = premium * growth - sold * (growth - 1) - borrowCost
            rows.append(ShortYTPnlRow(realizedApy: apy, growth: growth, pnlShares: pnl, pnlUsd: request.stockPrice.map { pnl * $0 }))
        }
        // G* = (1 − borrowFee · τ) / (1 − ytPrice), in logs so that without a fee it is effectiveShortApy's own formula.
        let keep = 1 - borrowFee * tau
        let breakEven = keep > 0 && ytPrice < 1 ? Foundation.expm1((Foundation.log(keep) - Foundation.log1p(-ytPrice)) / tau) : nil
        let retained = request.tokenWithholding.retained.doubleValue
        var assumptions = [
            request.heldAs == .stock
                ? "PnL at maturity against not hedging: the PT redeemed, the loan repaid in SY, the premium held as SY growing with the token"
                : "PnL at maturity against having kept the SY; the premium is held as SY and grows with the token",
            "the realized APY is the token's index growth (its dividends reinvested net of the token's withholding)",
            "the sale is the exact \(sale.venueTrade) at \(UnixTime.format(blockTime)), fees and price impact included"
        ]
        switch (request.size, request.heldAs) {
        case (.yieldTokens, _):
            assumptions.append("the YT sold is already held: nothing is minted")
        case (_, .token):
            assumptions.append(
                "the hedger's own tokens are split: PT + YT minted from \(syToMint) SY, the YT sold, the PT kept; for a token holder the break-even APY is the effective short APY by construction"
            )
        case (_, .stock):
            assumptions.append(
                "a stock holder has no SY to split: the token is borrowed (fee \(String(format: "%.4g", borrowFee * 100)) %/yr), PT + YT minted from it, the YT sold; the loan is repaid in SY at maturity, so the position owes the token's yield, which the stock's own dividends pay (\(String(format: "%.6g", sold / max(positionShares.doubleValue * request.fraction.doubleValue, .leastNonzeroMagnitude))) YT per share hedged)"
            )
        }
        return ShortYTResult(
            curveName: curve.curveName, blockTime: blockTime, expiry: curve.expiry, secondsToExpiry: spot.secondsToExpiry,
            yearsToExpiry: tau, heldAs: request.heldAs, holderWithholding: request.holderWithholding.doubleValue,
            tokenWithholding: request.tokenWithholding.doubleValue, fraction: request.fraction.doubleValue, borrowFeeApr: borrowFee,
            size: size, positionShares: positionShares,
            notionalHedgedShares: positionShares.doubleValue * request.fraction.doubleValue,
            incomeHedgeRatio: numerator.doubleValue / denominator.doubleValue, ytSold: ytSold, syToMint: syToMint, ptMinted: ptMinted,
            ytKept: ytKept, sale: sale, loanSy: request.heldAs == .stock ? syToMint : .zero, stockPrice: request.stockPrice, premiumShares: premium,
            premiumUsd: request.stockPrice.map { premium * $0 }, spotApy: spot.impliedApy, spotYtPriceInAsset: spot.ytPriceInAsset,
            effectiveYtPrice: ytPrice, effectiveShortApy: effectiveShortApy, capitalShares: capital,
            capitalUsd: request.stockPrice.map { capital * $0 }, borrowCostShares: borrowCost, pnl: rows, breakEvenApy: breakEven,
            breakEvenGrossDividendYield: breakEven.flatMap { retained > 0 && $0 >= 0 ? $0 / retained : nil }, assumptions: assumptions)
    }
}
