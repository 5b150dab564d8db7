import Foundation

/// What to compare a lock-in with: simply holding the token to maturity.
public enum HoldAssumption: Hashable, Sendable {
    /// The token's dividends from a schedule, reinvested net of the token's withholding
    /// (``DividendOutlook``: listed dividends, else the trailing yield).
    case schedule(DividendSchedule, prices: ReinvestPriceAssumption)
    /// The token's APY (its index growth) to maturity.
    case tokenApy(Double)
}

/// The instrument that fixes a lock-in's dollar value: a short of the stock, sized now.
public enum DollarHedgeInstrument: Hashable, Sendable {
    /// A perpetual future, short. `fundingApr`: the funding the short receives per year (positive when
    /// longs pay shorts), accrued simply on today's notional.
    case perp(fundingApr: Double)
    /// Borrowed stock sold short: the lender's fee, the rebate earned on the sale proceeds (both APR,
    /// simple), and the gross dividends the short owes the lender.
    case borrowedStock(borrowFeeApr: Double, rebateApr: Double, dividends: ShortDividends)
}

/// The gross dividends a stock short owes its lender.
public enum ShortDividends: Hashable, Sendable {
    /// A gross dividend yield per year (dividends / price), simple.
    case grossYield(Double)
    /// From a schedule (``DividendOutlook``: listed dividends to maturity, else the trailing yield).
    case schedule(DividendSchedule, prices: ReinvestPriceAssumption)
}

/// The static dollar hedge of a lock-in.
public struct DollarHedgeRequest: Hashable, Sendable {
    public var instrument: DollarHedgeInstrument
    /// Initial margin as a fraction of the short's notional (20 % by default), posted in USD and returned at
    /// maturity.
    public var initialMargin: Double

    public init(instrument: DollarHedgeInstrument, initialMargin: Double = 0.2) {
        self.instrument = instrument
        self.initialMargin = initialMargin
    }
}

/// A lock-in: buy PT with a budget and hold it to maturity.
public struct LockInRequest: Hashable, Sendable {
    /// The budget (SY, stock tokens, shares or USD).
    public var size: PositionSize
    /// The stock price today (USD per share): needed for a USD size and for every USD figure.
    public var stockPrice: Double?
    /// The stock price at maturity for `usdAtMaturity` (default: today's).
    public var priceAtMaturity: Double?
    /// The stock prices at maturity for the scenario rows; nil: today's price −30 % … +30 % by 10 %.
    public var priceScenarios: PriceScenarios?
    public var dollarHedge: DollarHedgeRequest?
    /// Holding the token instead, for comparison.
    public var hold: HoldAssumption?
    /// The token's withholding on dividends (30 % by default): for a schedule's growth and the break-even
    /// gross dividend yield.
    public var tokenWithholding: Withholding

    public init(
        size: PositionSize, stockPrice: Double? = nil, priceAtMaturity: Double? = nil, priceScenarios: PriceScenarios? = nil,
        dollarHedge: DollarHedgeRequest? = nil, hold: HoldAssumption? = nil, tokenWithholding: Withholding = .standard
    ) {
        self.size = size
        self.stockPrice = stockPrice
        self.priceAtMaturity = priceAtMaturity
        self.priceScenarios = priceScenarios
        self.dollarHedge = dollarHedge
        self.hold = hold
        self.tokenWithholding = tokenWithholding
    }

    /// The default scenario moves of the stock price: −30 % … +30 % by 10 %.
    public static let defaultPriceMoves: [Double] = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]
}

/// Stock prices at maturity for scenario rows.
public enum PriceScenarios: Hashable, Sendable {
    /// USD per share.
    case prices([Double])
    /// Moves from today's price (0.1 for +10 %): `price = today · (1 + move)`, written with 12 significant digits.
    case moves([Double])
}

/// The USD outcome of a lock-in at one stock price at maturity.
public struct LockInPriceScenario: Hashable, Sendable {
    /// USD per share at maturity, and its change from today's price.
    public var stockPrice: Double
    public var priceChange: Double
    /// `sharesAtMaturity · stockPrice`, and its APY on `usdIn`.
    public var usdAtMaturity: Double
    public var usdApy: Double
    /// With the dollar hedge: the hedged value (the same at every price) and its APY.
    public var hedgedUsdAtMaturity: Double?
    /// Holding the token instead: its value at this price.
    public var holdUsdAtMaturity: Double?
}

/// A lock-in's static dollar hedge: short `shortShares` = the shares the PT redeems for, now.
///
/// Value at maturity (no margin calls, constant rates, the carry simple on today's notional `N · S₀`):
/// ```
/// perp:           N · S₀ · (1 + funding · τ)
/// borrowed stock: N · S₀ · (1 + (rebate − borrowFee) · τ) − N · D     (D: gross dividends per share owed)
///                 = N · S₀ · (1 + (rebate − borrowFee − grossDividendYield) · τ) with D = q · S₀ · τ
/// ```
public struct DollarHedgeResult: Hashable, Sendable {
    /// `perp` or `borrowedStock`.
    public var instrument: String
    public var shortShares: Double
    public var shortNotionalUsd: Double
    /// The carry per year the short earns (negative: pays): funding, or rebate − fee − dividend yield.
    public var carryApr: Double
    public var fundingApr: Double?
    public var borrowFeeApr: Double?
    public var rebateApr: Double?
    /// Gross dividends owed (per year as a yield, and in USD to maturity) and where they come from.
    public var grossDividendYield: Double?
    public var dividendsOwedUsd: Double?
    public var dividendBasis: String?
    /// The schedule's coverage warnings (``DividendOutlook/warnings``).
    public var warnings: [String] = []
    /// The dollar value at maturity, whatever the stock price, and its APY on `usdIn`.
    public var usdAtMaturity: Double
    public var dollarApy: Double
    /// Margin posted (a fraction of the notional, and USD), and the APY on `usdIn + margin`.
    public var initialMargin: Double
    public var initialMarginUsd: Double
    public var dollarApyOnCapital: Double
}

/// Holding the token to maturity instead of locking in.
public struct HoldComparison: Hashable, Sendable {
    /// `tokenApy` (given) or the schedule's outlook.
    public var basis: String
    public var basisDescription: String
    /// The token's APY to maturity and the shares the position grows to.
    public var tokenApy: Double
    public var sharesAtMaturity: Double
    /// Lock-in's shares at maturity minus holding's.
    public var lockinMinusHoldShares: Double
    /// The token APY at which holding ties with the lock-in: `fixedApy` itself.
    public var breakEvenTokenApy: Double
    /// The token's withholding, and the stock's gross dividend yield above which holding wins:
    /// `fixedApy / (1 − withholding)` (a dividend yield quoted as simple annual dividends over price).
    public var tokenWithholding: Double
    public var breakEvenGrossDividendYield: Double?
    /// Holding's USD value at maturity, at the maturity price.
    public var usdAtMaturity: Double?
    /// The schedule's coverage warnings (``DividendOutlook/warnings``).
    public var warnings: [String]
}

/// A lock-in's complete answer: the exact purchase, the rate locked and what the fee and the price
/// impact took from it, the payoff at maturity in shares and USD, and optionally its dollar hedge and the
/// comparison with holding the token.
public struct LockInResult<S: PendleScalar>: Sendable {
    public var curveName: String
    public var blockTime: Int64
    public var expiry: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    /// The budget as given and in SY, shares and USD.
    public var size: SizeConversion<S>
    /// The exact optimal purchase (Pendle: `swapExactSyForPt`).
    public var purchase: CurveTrade<S>
    /// PT bought = shares at maturity (one PT redeems one share).
    public var ptOut: S { purchase.amountOut }
    /// SY actually spent (≤ the budget; the rest is rounding dust).
    public var sySpent: S { purchase.amountIn }
    public var sharesAtMaturity: Double
    /// The implied APY before the trade, the APY actually locked, the implied APY after.
    public var spotApy: Double
    public var fixedApy: Double
    public var impliedApyAfter: Double
    /// The APY the same budget would lock on the same pool without its fee.
    public var fixedApyWithoutFee: Double
    /// `spotApy − fixedApy` split: the fee takes `fixedApyWithoutFee − fixedApy`, the price impact
    /// `spotApy − fixedApyWithoutFee`.
    public var feeApy: Double
    public var impactApy: Double
    /// `feeApy / spotApy` (nil at a zero spot APY).
    public var feeShareOfSpotApy: Double?
    /// The curve's trading fee as an annual rate.
    public var annualFeeRate: Double
    public var feeSy: S
    public var stockPrice: Double?
    public var usdIn: Double?
    public var priceAtMaturity: Double?
    public var usdAtMaturity: Double?
    public var usdApy: Double?
    public var priceScenarios: [LockInPriceScenario]
    public var dollarHedge: DollarHedgeResult?
    public var hold: HoldComparison?
    /// What the answer assumes, in words.
    public var assumptions: [String]
    /// Where the inputs do not cover what the answer rests on (a stale dividend schedule, say).
    public var warnings: [String]
}

/// The lock-in job: buy PT with a budget and hold it to maturity.
///
/// ```
/// ptOut          = the curve's optimal exact-SY-in purchase (Pendle: the router's defined answer)
/// fixedApy       = (ptOut / (syIn · pyIndex))^(1/τ) − 1                        τ = secondsToExpiry / 31,536,000
/// feeApy         = fixedApy(same syIn, fee-free pool) − fixedApy,  impactApy = spotApy − fixedApy(fee-free)
/// usdAtMaturity  = ptOut · priceAtMaturity,   usdApy = (usdAtMaturity / usdIn)^(1/τ) − 1
/// ```
/// The rate is fixed in shares: the dollar result carries the stock's price risk unless hedged
/// (``DollarHedgeResult``).
public enum LockIn {
    public static func compute<C: ImpliedYieldCurve>(_ request: LockInRequest, curve: C, at blockTime: Int64) throws -> LockInResult<C.Scalar> {
        let spot = try curve.spot(at: blockTime)
        if let price = request.priceAtMaturity { try PositionSizing.checkStockPrice(price, field: "priceAtMaturity") }
        let size = try PositionSizing.convert(request.size, assetPerSy: curve.assetPerSy, stockPrice: request.stockPrice)
        let purchase = try curve.trade(.buyPtWithSy, exactIn: size.sy, at: blockTime)
        let tau = spot.yearsToExpiry
        let index = curve.assetPerSy.doubleValue
        let fixedApy = apy(ptOut: purchase.amountOut.doubleValue, syIn: size.sy.doubleValue, assetPerSy: index, years: tau)
        let feeFree = try curve.withoutFee().trade(.buyPtWithSy, exactIn: size.sy, at: blockTime)
        let fixedApyWithoutFee = apy(ptOut: feeFree.amountOut.doubleValue, syIn: size.sy.doubleValue, assetPerSy: index, years: tau)
        let sharesAtMaturity = purchase.amountOut.doubleValue
        let usdIn = size.usd
        let priceAtMaturity = request.priceAtMaturity ?? request.stockPrice
        let usdAtMaturity = priceAtMaturity.map { sharesAtMaturity * $0 }
        var assumptions = [
            "PT is held to maturity and redeems one share each: the rate is fixed in shares, and the dollar result carries the stock's price risk",
            "the purchase is the exact optimal \(purchase.venueTrade) at \(UnixTime.format(blockTime)), fees and price impact included"
        ]

        var hedge: DollarHedgeResult? = nil
        if let hedgeRequest = request.dollarHedge {
            guard let price = request.stockPrice, let usdIn else { throw StrategyError.missingStockPrice(purpose: "a dollar hedge") }
            hedge = try dollarHedge(
                hedgeRequest, shortShares: sharesAtMaturity, stockPrice: price, usdIn: usdIn, blockTime: blockTime,
                expiry: curve.expiry, years: tau, tokenWithholding: request.tokenWithholding)
            assumptions.append(
                "the dollar hedge is static: short \(String(format: "%.6f", sharesAtMaturity)) shares now, no margin calls, constant carry rates, accrued simply on today's notional"
            )
        }

        var hold: HoldComparison? = nil
        if let holdAssumption = request.hold {
            hold = try holdComparison(
                holdAssumption, sharesIn: size.shares, sharesAtMaturityLocked: sharesAtMaturity, fixedApy: fixedApy,
                blockTime: blockTime, expiry: curve.expiry, years: tau, withholding: request.tokenWithholding,
                priceAtMaturity: priceAtMaturity)
        }

        var scenarios: [LockInPriceScenario] = []
        if let today = request.stockPrice, let usdIn {
            let points: [(price: Double, change: Double)]
            switch request.priceScenarios ?? .moves(LockInRequest.defaultPriceMoves) {
            case .prices(let prices): points = prices.map { ($0, $0 / today - 1) }
            case .moves(let moves): points = moves.map { (Double(String(format: "%.12g", today * (1 + $0))) ?? today * (1 + $0), $0) }
            }
            for (price, change) in points {
                try PositionSizing.checkStockPrice(price, field: "price scenario")
                let value = sharesAtMaturity * price
                scenarios.append(
                    LockInPriceScenario(
                        stockPrice: price, priceChange: change, usdAtMaturity: value,
                        usdApy: RateConventions.annualizedRate(growth: value / usdIn, years: tau),
                        hedgedUsdAtMaturity: hedge?.usdAtMaturity, holdUsdAtMaturity: hold.map { $0.sharesAtMaturity * price }))
            }
        }

        return LockInResult(
            curveName: curve.curveName, blockTime: blockTime, expiry: curve.expiry, secondsToExpiry: spot.secondsToExpiry,
            yearsToExpiry: tau, size: size, purchase: purchase, sharesAtMaturity: sharesAtMaturity, spotApy: spot.impliedApy,
            fixedApy: fixedApy, impliedApyAfter: purchase.impliedApyAfter, fixedApyWithoutFee: fixedApyWithoutFee,
            feeApy: fixedApyWithoutFee - fixedApy, impactApy: spot.impliedApy - fixedApyWithoutFee,
            feeShareOfSpotApy: spot.impliedApy > 0 ? (fixedApyWithoutFee - fixedApy) / spot.impliedApy : nil,
            annualFeeRate: curve.annualFeeRate, feeSy: purchase.feeSy, stockPrice: request.stockPrice, usdIn: usdIn, priceAtMaturity: priceAtMaturity,
            usdAtMaturity: usdAtMaturity,
            usdApy: usdAtMaturity.flatMap { value in usdIn.map { RateConventions.annualizedRate(growth: value / $0, years: tau) } },
            priceScenarios: scenarios, dollarHedge: hedge, hold: hold, assumptions: assumptions,
            warnings: Array(Set((hedge?.warnings ?? []) + (hold?.warnings ?? []))).sorted())
    }

    /// `(ptOut / (syIn · assetPerSy))^(1/years) − 1`, through `expm1(log(·)/years)` so a small rate keeps
    /// its digits.
    public static func apy(ptOut: Double, syIn: Double, assetPerSy: Double, years: Double) -> Double {
        Foundation.expm1(Foundation.log(ptOut / (syIn * assetPerSy)) / years)
    }

    static func dollarHedge(
        _ request: DollarHedgeRequest, shortShares: Double, stockPrice: Double, usdIn: Double, blockTime: Int64,
        expiry: Int64, years: Double, tokenWithholding: Withholding
    ) throws -> DollarHedgeResult {
        try checkRate(request.initialMargin, "initialMargin", range: 0...1, reason: "initial margin is a fraction of the short's notional in [0, 1]")
        let notional = shortShares * stockPrice
        var result = DollarHedgeResult(
            instrument: "", shortShares: shortShares, shortNotionalUsd: notional, carryApr: 0,
            usdAtMaturity: 0, dollarApy: 0, initialMargin: request.initialMargin,
            initialMarginUsd: request.initialMargin * notional, dollarApyOnCapital: 0)
        switch request.instrument {
        case .perp(let funding):
            try checkRate(funding, "fundingApr", range: -10...10, reason: "give the funding APR the short receives, e.g. 0.05 or 5%")
            result.instrument = "perp"
            result.fundingApr = funding
            result.carryApr = funding
            result.usdAtMaturity = notional * (1 + funding * years)
        case .borrowedStock(let fee, let rebate, let dividends):
            try checkRate(fee, "borrowFeeApr", range: 0...10, reason: "a borrow fee is an APR ≥ 0, e.g. 0.005 or 0.5%")
            try checkRate(rebate, "rebateApr", range: -10...10, reason: "give the rebate APR on the sale proceeds, e.g. 0.04 or 4%")
            let yield: Double
            let owedPerShare: Double
            let basis: String
            switch dividends {
            case .grossYield(let q):
                try checkRate(q, "grossDividendYield", range: 0...10, reason: "a dividend yield is ≥ 0, e.g. 0.0046 or 0.46%")
                (yield, owedPerShare, basis) = (q, q * stockPrice * years, "given gross dividend yield")
            case .schedule(let schedule, let prices):
                let outlook = try DividendOutlook.project(
                    schedule: schedule, from: blockTime, to: expiry, withholding: tokenWithholding,
                    prices: prices)
                let owed = outlook.grossDividendsPerShareUsd(stockPrice: stockPrice)
                (yield, owedPerShare, basis) = (owed / (stockPrice * years), owed, outlook.basisDescription)
                result.warnings = outlook.warnings
            }
            result.instrument = "borrowedStock"
            result.borrowFeeApr = fee
            result.rebateApr = rebate
            result.grossDividendYield = yield
            result.dividendsOwedUsd = shortShares * owedPerShare
            result.dividendBasis = basis
            result.carryApr = rebate - fee - yield
            result.usdAtMaturity = notional * (1 + (rebate - fee) * years) - shortShares * owedPerShare
        }
        result.dollarApy = RateConventions.annualizedRate(growth: result.usdAtMaturity / usdIn, years: years)
        result.dollarApyOnCapital = RateConventions.annualizedRate(
            growth: (result.usdAtMaturity + result.initialMarginUsd) / (usdIn + result.initialMarginUsd), years: years)
        guard result.usdAtMaturity.isFinite, result.dollarApy.isFinite else { throw StrategyError.notFinite(quantity: "hedged USD at maturity") }
        return result
    }

    static func holdComparison(
        _ assumption: HoldAssumption, sharesIn: Double, sharesAtMaturityLocked: Double, fixedApy: Double,
        blockTime: Int64, expiry: Int64, years: Double, withholding: Withholding,
        priceAtMaturity: Double?
    ) throws -> HoldComparison {
        let growth: Double
        let basis: String
        let description: String
        var warnings: [String] = []
        switch assumption {
        case .tokenApy(let apy):
            try checkRate(apy, "holdApy", range: -0.99...100, reason: "give the token's APY, e.g. 0.003 or 0.3%")
            growth = Foundation.pow(1 + apy, years)
            (basis, description) = ("tokenApy", "the token's APY is given")
        case .schedule(let schedule, let prices):
            let outlook = try DividendOutlook.project(schedule: schedule, from: blockTime, to: expiry, withholding: withholding, prices: prices)
            growth = outlook.netGrowth
            (basis, description) = (outlook.basis.rawValue, outlook.basisDescription)
            warnings = outlook.warnings
        }
        let shares = sharesIn * growth
        let retained = withholding.retained.doubleValue
        return HoldComparison(
            basis: basis, basisDescription: description,
            tokenApy: RateConventions.annualizedRate(growth: growth, years: years), sharesAtMaturity: shares,
            lockinMinusHoldShares: sharesAtMaturityLocked - shares, breakEvenTokenApy: fixedApy,
            tokenWithholding: withholding.doubleValue,
            breakEvenGrossDividendYield: retained > 0 ? fixedApy / retained : nil,
            usdAtMaturity: priceAtMaturity.map { shares * $0 }, warnings: warnings)
    }

    /// A finite rate in `range`, else `InvalidInput` naming it.
    static func checkRate(_ value: Double, _ field: String, range: ClosedRange<Double>, reason: String) throws(StrategyError) {
        guard value.isFinite, range.contains(value) else {
            let bounds = "between \(percentText(range.lowerBound)) and \(percentText(range.upperBound))"
            throw .invalidInput(field: field, value: percentText(value), reason: "\(reason) (it must lie \(bounds))")
        }
    }

    /// `0.05` as `5%`, for messages.
    static func percentText(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let percent = (value * 100 * 1e9).rounded() / 1e9
        return (percent == percent.rounded() && abs(percent) < 1e15 ? String(Int64(percent)) : "\(percent)") + "%"
    }
}
