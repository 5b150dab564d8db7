import Foundation

/// A treasury company: a listed stock whose assets are mostly one coin (an MSTR-like company), as plain
/// numbers.
public struct TreasuryCompany: Hashable, Sendable {
    public var sharesOutstanding: Double
    /// USD per share.
    public var stockPrice: Double
    /// Coins held, and USD per coin.
    public var coinHoldings: Double
    public var coinPrice: Double
    /// The company's debt (USD; with preferred stock if wanted): for the enterprise value.
    public var debtUsd: Double

    public init(sharesOutstanding: Double, stockPrice: Double, coinHoldings: Double, coinPrice: Double, debtUsd: Double = 0) {
        self.sharesOutstanding = sharesOutstanding
        self.stockPrice = stockPrice
        self.coinHoldings = coinHoldings
        self.coinPrice = coinPrice
        self.debtUsd = debtUsd
    }
}

/// Which side of the premium.
public enum PremiumSide: String, Sendable, CaseIterable {
    /// Short a rich premium: coin as collateral, the stock token borrowed and sold.
    case short
    /// The reverse: the stock token as collateral, the coin borrowed and sold (long the premium).
    case long
}

/// The premium trade.
public struct PremiumTradeRequest: Hashable, Sendable {
    public var company: TreasuryCompany
    public var side: PremiumSide
    /// The capital posted as collateral (USD): coin for a short, the stock token for a long.
    public var capitalUsd: Double
    /// The loan: what is borrowed as a share of the collateral's value, and where it is liquidated.
    public var ltv: Double
    public var liquidationThreshold: Double
    /// What the borrowed asset costs: a fixed APR, or a rate model at the utilization the loan leaves its pool
    /// at (`poolSupplied`, `poolBorrowed` in the borrowed asset's units: tokens or coins).
    public var borrowRate: LoopBorrowRate
    /// What the collateral earns (APR), what the sale proceeds earn as stablecoins (APR).
    public var collateralApr: Double
    public var proceedsApr: Double
    /// A short: also short the coin exposure the collateral leaves (capital − the stock sold) with a perp, which
    /// receives `fundingApr` (negative: pays).
    public var hedgeCoin: Bool
    public var fundingApr: Double
    /// The horizon for the carry and the break-even, in days.
    public var days: Double
    /// mNAVs at the horizon for the scenario rows; nil: today's mNAV −50 % … +50 % by 10 %, and 1.
    public var mnavScenarios: [Double]?

    public init(
        company: TreasuryCompany, side: PremiumSide = .short, capitalUsd: Double, ltv: Double, liquidationThreshold: Double,
        borrowRate: LoopBorrowRate, collateralApr: Double = 0, proceedsApr: Double = 0, hedgeCoin: Bool = true, fundingApr: Double = 0,
        days: Double = 365, mnavScenarios: [Double]? = nil
    ) {
        self.company = company
        self.side = side
        self.capitalUsd = capitalUsd
        self.ltv = ltv
        self.liquidationThreshold = liquidationThreshold
        self.borrowRate = borrowRate
        self.collateralApr = collateralApr
        self.proceedsApr = proceedsApr
        self.hedgeCoin = hedgeCoin
        self.fundingApr = fundingApr
        self.days = days
        self.mnavScenarios = mnavScenarios
    }
}

/// The trade's PnL at the horizon if the mNAV is then `mnav` (coin price unchanged).
public struct PremiumScenario: Hashable, Sendable {
    public var mnav: Double
    public var stockPrice: Double
    /// The premium leg's PnL, the carry to the horizon, the sum, and its share of the capital.
    public var premiumPnlUsd: Double
    public var carryUsd: Double
    public var pnlUsd: Double
    public var returnOnCapital: Double
}

/// The premium trade's complete answer.
public struct PremiumTradeResult: Sendable {
    public var company: TreasuryCompany
    /// market cap = shares · price; coin NAV = holdings · coin price; mNAV = market cap / coin NAV; premium = mNAV − 1.
    public var marketCapUsd: Double
    public var coinNavUsd: Double
    public var mnav: Double
    public var premium: Double
    public var coinPerShare: Double
    public var navPerShareUsd: Double
    /// With debt: enterprise value = market cap + debt, and EV / coin NAV.
    public var enterpriseValueUsd: Double
    public var mnavEnterpriseValue: Double
    public var side: PremiumSide
    public var capitalUsd: Double
    /// The collateral (coin or stock tokens) and the borrowed asset sold (stock tokens or coins), in units and USD.
    public var collateralUnits: Double
    public var borrowedUnits: Double
    public var borrowedUsd: Double
    public var ltv: Double
    public var liquidationThreshold: Double
    public var healthFactor: Double
    /// The borrow APR (fixed, or the model's at the pool's utilization after the loan).
    public var borrowApr: Double
    public var poolUtilization: Double?
    /// Carry per year in USD, by part, and on the capital.
    public var borrowCostUsd: Double
    public var proceedsIncomeUsd: Double
    public var collateralIncomeUsd: Double
    public var fundingUsd: Double
    public var carryUsdPerYear: Double
    public var carryApr: Double
    /// The coin hedge (a short): the perp's notional.
    public var coinHedgeUsd: Double
    /// Net coin exposure at a constant mNAV (USD; a coin move of x moves the trade by x times it).
    public var coinExposureUsd: Double
    /// The trade's premium exposure: USD gained per unit fall (short) or rise (long) of mNAV relative to today's.
    public var premiumExposureUsd: Double
    public var days: Double
    public var carryUsd: Double
    /// The mNAV at the horizon at which the trade breaks even, and the move from today's (negative: compression).
    public var breakEvenMnav: Double?
    public var breakEvenMnavChange: Double?
    /// Liquidation: the stock price (coin unchanged), the coin price (stock unchanged, a long), the mNAV (coin
    /// unchanged).
    public var liquidationStockPrice: Double?
    public var liquidationCoinPrice: Double?
    public var liquidationMnav: Double?
    public var scenarios: [PremiumScenario]
    public var notes: [String]
    public var assumptions: [String]
}

/// The `mnav` job: a treasury company's mNAV and premium, and the trade on it with a lending market.
///
/// ```
/// mNAV = shares · S / (coins · P),  premium = mNAV − 1
/// short: collateral K in coin, borrow Q = ltv · K of stock tokens, sell them;  perp short of K − Q coin
///        carry = Q·(proceeds − borrow) + K·collateral + (K − Q)·funding      (per year)
///        PnL(m₁) = Q·(1 − m₁/m₀) + carry·h                                 (coin price unchanged: S ∝ mNAV)
/// long:  collateral K in stock tokens, borrow Q = ltv · K of coin, sell it
///        carry = Q·(proceeds − borrow) + K·collateral,   PnL(m₁) = K·(m₁/m₀ − 1) + carry·h
/// break-even: PnL(m*) = 0;  liquidation: debt · move = threshold · collateral · move
/// ```
public enum PremiumTrade {
    public static func compute(_ request: PremiumTradeRequest) throws -> PremiumTradeResult {
        let c = request.company
        try LendingChecks.positive(c.sharesOutstanding, "sharesOutstanding", what: "the share count")
        try LendingChecks.positive(c.stockPrice, "stockPrice", what: "the stock price")
        try LendingChecks.positive(c.coinHoldings, "coinHoldings", what: "the coin holdings")
        try LendingChecks.positive(c.coinPrice, "coinPrice", what: "the coin price")
        try LendingChecks.nonNegative(c.debtUsd, "debt")
        try LendingChecks.positive(request.capitalUsd, "capital", what: "the capital")
        try LendingChecks.threshold(request.ltv, "ltv")
        try LendingChecks.threshold(request.liquidationThreshold, "liquidationThreshold")
        guard request.ltv < request.liquidationThreshold else {
            throw LendingError.ltvNotBelowThreshold(
                ltv: LiquidationTerms.percent(request.ltv), threshold: LiquidationTerms.percent(request.liquidationThreshold))
        }
        for (value, field) in [(request.collateralApr, "collateralApr"), (request.proceedsApr, "proceedsApr")] {
            try LendingChecks.rate(value, field)
        }
        guard request.fundingApr.isFinite, abs(request.fundingApr) <= 10 else {
            throw LendingError.invalidParameter(
                field: "fundingApr", value: "\(request.fundingApr)",
                reason: "give the funding a perp short receives per year, e.g. 5% (negative: pays)")
        }
        guard request.days.isFinite, request.days > 0, request.days <= 36_500 else {
            throw LendingError.invalidParameter(
                field: "days", value: "\(request.days)", reason: "the horizon is a positive number of days (at most 100 years)")
        }

        let marketCap = c.sharesOutstanding * c.stockPrice
        let coinNav = c.coinHoldings * c.coinPrice
        let m0 = marketCap / coinNav
        let k = request.capitalUsd
        let q = request.ltv * k
        let h = request.days / Double(RateConventions.daysPerYear)
        let borrowedUnits = request.side == .short ? q / c.stockPrice : q / c.coinPrice
        let collateralUnits = request.side == .short ? k / c.coinPrice : k / c.stockPrice

        let apr: Double
        let utilization: Double?
        switch request.borrowRate {
        case .fixed(let value):
            try LendingChecks.rate(value, "borrowApr")
            (apr, utilization) = (value, nil)
        case .model(let model, let supplied, let borrowed):
            try model.check()
            try LendingChecks.positive(supplied, "poolSupplied", what: "the pool's supply")
            try LendingChecks.nonNegative(borrowed, "poolBorrowed")
            let total = borrowed + borrowedUnits
            guard total <= supplied else { throw LendingError.insufficientLiquidity(borrowed: "\(total)", supplied: "\(supplied)") }
            let u = total / supplied
            (apr, utilization) = (model.borrowRate(utilization: u), u)
        }

        let borrowCost = q * apr
        let proceedsIncome = q * request.proceedsApr
        let collateralIncome = k * request.collateralApr
        let hedge = request.side == .short && request.hedgeCoin ? k - q : 0
        let funding = hedge * request.fundingApr
        let carry = proceedsIncome - borrowCost + collateralIncome + funding
        let carryToHorizon = carry * h
        let exposure = request.side == .short ? q : k
        let coinExposure = request.side == .short ? k - q - hedge : k - q

        /// The premium leg's PnL when the mNAV moves to `ratio` times today's.
        func premiumPnl(ratio: Double) -> Double { request.side == .short ? q * (1 - ratio) : k * (ratio - 1) }
        // PnL(m*) = 0.
        let breakEven: Double = request.side == .short ? m0 * (1 + carryToHorizon / q) : m0 * (1 - carryToHorizon / k)
        let breakEvenValid = breakEven > 0

        var notes: [String] = []
        let threshold = request.liquidationThreshold
        var liquidationStock: Double? = nil
        var liquidationCoin: Double? = nil
        var liquidationMnav: Double? = nil
        switch request.side {
        case .short:
            // Debt Q·(S₁/S₀) against collateral K·(P₁/P₀)·threshold: the coin unchanged, the stock rises to S*.
            liquidationStock = c.stockPrice * threshold * k / q
            liquidationMnav = m0 * threshold * k / q
            notes.append(
                String(
                    format:
                        "a short of the premium gains %.2f USD for each 1 %% the mNAV falls from %.4f (the coin unchanged), and %@ %.2f USD a year to hold",
                    q / 100, m0, carry >= 0 ? "earns" : "pays", abs(carry)))
            notes.append(
                "coin and stock moving together (a constant mNAV) leave the health factor unchanged: the loan is liquidated only if the premium widens"
            )
        case .long:
            // Debt Q·(P₁/P₀) against collateral K·(S₁/S₀)·threshold.
            liquidationCoin = c.coinPrice * threshold * k / q
            liquidationStock = c.stockPrice * q / (threshold * k)
            liquidationMnav = m0 * q / (threshold * k)
            notes.append(
                String(
                    format:
                        "long the premium: the stock posted (%.2f USD) against the coin borrowed and sold (%.2f USD); %.2f USD of coin exposure stays long at a constant mNAV",
                    k, q, k - q))
        }
        if m0 < 1 { notes.append(String(format: "the stock trades below its coin NAV (mNAV %.4f): a discount, not a premium", m0)) }

        // Rows: today's mNAV moved by −50 % … +50 %, and par, unless mNAVs are given.
        var rows: [(mnav: Double, ratio: Double)]
        if let given = request.mnavScenarios {
            for (i, m) in given.enumerated() where !(m.isFinite && m > 0) {
                throw LendingError.invalidParameter(field: "mnavScenarios[\(i)]", value: "\(m)", reason: "an mNAV is a positive number (e.g. 1.5)")
            }
            rows = given.map { ($0, $0 / m0) }
        } else {
            rows = [-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5].map { (m0 * (1 + $0), 1 + $0) }
            if !rows.contains(where: { $0.mnav == 1 }) { rows.append((1, 1 / m0)) }
        }
        rows.sort { $0.mnav < $1.mnav }
        let scenarios = rows.map { row -> PremiumScenario in
            let pnl = premiumPnl(ratio: row.ratio)
            return PremiumScenario(
                mnav: row.mnav, stockPrice: c.stockPrice * row.ratio, premiumPnlUsd: pnl, carryUsd: carryToHorizon,
                pnlUsd: pnl + carryToHorizon, returnOnCapital: (pnl + carryToHorizon) / k)
        }

        var assumptions = [
            "mNAV = market cap / (coin holdings × coin price), the premium mNAV − 1; the enterprise value adds the company's debt",
            "the coin price is unchanged, so the stock moves with the mNAV; shares outstanding and coin holdings are unchanged to the horizon",
            String(
                format: "carry accrues simply over %g days; the borrowed %@ is sold at today's price, the proceeds held as stablecoins", request.days,
                request.side == .short ? "stock token" : "coin")
        ]
        if request.side == .short && request.hedgeCoin {
            assumptions.append(
                String(
                    format: "the coin the collateral leaves long (capital − stock sold = %.2f USD) is shorted with a perp receiving %.4f %% a year",
                    hedge, request.fundingApr * 100))
        }
        if let utilization {
            assumptions.append(
                String(format: "the borrow APR is the model's at %.4f %% utilization of the lending pool after this loan", utilization * 100))
        }

        return PremiumTradeResult(
            company: c, marketCapUsd: marketCap, coinNavUsd: coinNav, mnav: m0, premium: m0 - 1, coinPerShare: c.coinHoldings / c.sharesOutstanding,
            navPerShareUsd: coinNav / c.sharesOutstanding, enterpriseValueUsd: marketCap + c.debtUsd,
            mnavEnterpriseValue: (marketCap + c.debtUsd) / coinNav,
            side: request.side, capitalUsd: k, collateralUnits: collateralUnits, borrowedUnits: borrowedUnits, borrowedUsd: q, ltv: request.ltv,
            liquidationThreshold: threshold, healthFactor: k * threshold / q, borrowApr: apr, poolUtilization: utilization,
            borrowCostUsd: borrowCost, proceedsIncomeUsd: proceedsIncome, collateralIncomeUsd: collateralIncome, fundingUsd: funding,
            carryUsdPerYear: carry, carryApr: carry / k, coinHedgeUsd: hedge, coinExposureUsd: coinExposure, premiumExposureUsd: exposure,
            days: request.days, carryUsd: carryToHorizon, breakEvenMnav: breakEvenValid ? breakEven : nil,
            breakEvenMnavChange: breakEvenValid ? breakEven - m0 : nil, liquidationStockPrice: liquidationStock,
            liquidationCoinPrice: liquidationCoin,
            liquidationMnav: liquidationMnav, scenarios: scenarios, notes: notes, assumptions: assumptions)
    }
}
