import Foundation

/// What is posted as collateral.
public enum CollateralKind: String, Sendable, CaseIterable {
    /// The stock token itself: worth its exchange rate (shares per token) × the stock price.
    case token
    /// The market's PT: worth its oracle price (shares per PT) × the stock price.
    case pt
}

/// What is borrowed.
public enum DebtAsset: String, Sendable, CaseIterable {
    /// A USD stablecoin.
    case usd
    /// The stock token itself (a debt that grows with the token's dividends and moves with the stock).
    case token
}

/// How much collateral: in its own units, or a size in the sizing units.
public enum CollateralAmount: Hashable, Sendable {
    /// Tokens or PT, exactly.
    case units(Wad)
    /// A size (``PositionSize``): for the token, converted to tokens (SY wraps one token; shares at the exchange
    /// rate; USD at the stock price); for PT, a budget that buys PT on the market (its exact purchase).
    case size(PositionSize)
}

/// A loan against a stock token or its PT.
public struct BorrowRequest: Hashable, Sendable {
    public var collateral: CollateralKind
    public var amount: CollateralAmount
    /// How the PT is priced (ignored for the token).
    public var oracle: PtOracle
    public var terms: LiquidationTerms
    /// The debt, in USD or in tokens (``DebtAsset``), ≥ 0.
    public var debt: Double
    public var debtAsset: DebtAsset
    /// The loan's borrow rate (APR, accrued continuously).
    public var borrowApr: Double
    /// USD per share (needed for a USD debt or size).
    public var stockPrice: Double?
    /// The token's APY (its dividends reinvested); nil: the market's implied APY, else 0.
    public var tokenApy: Double?
    /// Days ahead for the projection rows; nil: 30, 90, 180, 365 (a PT's stop at maturity, which is added).
    public var horizonsDays: [Double]?

    public init(
        collateral: CollateralKind, amount: CollateralAmount, oracle: PtOracle = .market, terms: LiquidationTerms, debt: Double,
        debtAsset: DebtAsset = .usd, borrowApr: Double = 0, stockPrice: Double? = nil, tokenApy: Double? = nil, horizonsDays: [Double]? = nil
    ) {
        self.collateral = collateral
        self.amount = amount
        self.oracle = oracle
        self.terms = terms
        self.debt = debt
        self.debtAsset = debtAsset
        self.borrowApr = borrowApr
        self.stockPrice = stockPrice
        self.tokenApy = tokenApy
        self.horizonsDays = horizonsDays
    }

    public static let defaultHorizonsDays: [Double] = [30, 90, 180, 365]
}

/// A loan's position at a later time, at today's stock price.
public struct BorrowProjection: Hashable, Sendable {
    public var days: Double
    public var time: Int64
    /// The collateral's price in asset then (PT: the oracle's; the token: its exchange rate grown at the token APY).
    public var collateralPrice: Double
    public var collateralValueAsset: Double
    public var collateralValueUsd: Double?
    /// The debt with its interest (a token debt also grows with the token's exchange rate).
    public var debtValueAsset: Double
    public var debtUsd: Double?
    public var healthFactor: Double?
    public var liquidationStockPrice: Double?
}

/// A loan's complete answer.
public struct BorrowResult: Sendable {
    public var blockTime: Int64
    public var collateral: CollateralKind
    /// The amount posted (tokens or PT, exact), and how a size became it.
    public var collateralAmount: Wad
    public var size: SizeConversion<Wad>?
    /// A PT budget's exact purchase.
    public var purchase: CurveTrade<Wad>?
    /// The PT's maturity (nil for the token), and the time to it.
    public var expiry: Int64?
    public var yearsToExpiry: Double?
    /// The price source (`token`, or the PT oracle's name) and the price in asset per unit of collateral (exact).
    public var oracle: String
    public var oracleDescription: String
    public var oraclePrice: Wad
    /// Shares per token (the PY index).
    public var exchangeRate: Wad
    public var stockPrice: Double?
    /// The market's spot implied APY (PT).
    public var spotImpliedApy: Double?
    public var collateralValueAsset: Double
    public var collateralValueUsd: Double?
    public var debtAsset: DebtAsset
    public var debt: Double
    public var debtValueAsset: Double
    public var debtUsd: Double?
    public var borrowApr: Double
    /// The rules.
    public var protocolName: String
    public var maxLtv: Double
    public var liquidationThreshold: Double
    public var liquidationBonus: Double
    /// Morpho's factor (exact), or Aave's 1 + bonus.
    public var liquidationIncentiveFactor: Double
    public var morphoIncentiveFactor: Wad?
    public var closeFactor: Double
    /// debt / collateral value; collateral value × threshold / debt (nil without debt).
    public var ltv: Double
    public var healthFactor: Double?
    /// What the maximum LTV allows, and what is left (negative: above it).
    public var maxBorrowUsd: Double?
    public var borrowCapacityUsd: Double?
    public var maxBorrowAsset: Double
    public var borrowCapacityAsset: Double
    /// The stock price at which the health factor reaches 1 (a USD debt), and how far the stock may fall to it.
    public var liquidationStockPrice: Double?
    public var distanceToLiquidation: Double?
    /// PT: the PT price (asset) and the market's implied APY at which the position is liquidated.
    public var liquidationPtPrice: Double?
    public var liquidationImpliedApy: Double?
    /// A linear-discount PT: when the debt's interest overtakes the oracle's accretion (nil: not before maturity).
    public var liquidationDate: Int64?
    /// One liquidation at a health factor just below 1: the debt it repays and what the borrower loses beyond it.
    public var liquidationRepaidAsset: Double?
    public var liquidationPenaltyAsset: Double?
    public var liquidationPenaltyUsd: Double?
    /// The token's APY used for the projections, and where it comes from.
    public var tokenApy: Double
    public var tokenApyBasis: String
    public var projection: [BorrowProjection]
    public var notes: [String]
    public var warnings: [String]
    public var assumptions: [String]
}

/// The `borrow` job: a loan against the stock token or its PT, priced by the chosen oracle.
///
/// ```
/// collateral value  = amount · oraclePrice · S             (oraclePrice: shares per unit; S: USD per share)
/// health factor     = collateral value · threshold / debt
/// liquidation price = debtUsd / (amount · oraclePrice · threshold)            (a USD debt)
/// PT liquidated at  p* = debt (asset) / (amount · threshold),  APY* = p*^(−1/τ) − 1
/// penalty           = closeFactor · debt · (incentive − 1)
/// ```
/// Debt accrues continuously at the borrow APR; a token debt also grows with the token's exchange rate.
public enum Borrow {
    /// A loan with the market behind `curve` (required for PT, gives the token's exchange rate and APY).
    public static func compute<C: ImpliedYieldCurve>(
        _ request: BorrowRequest, curve: C?, exchangeRate: Wad? = nil,
        at blockTime: Int64
    ) throws -> BorrowResult where C.Scalar == Wad {
        try request.terms.check()
        try LendingChecks.nonNegative(request.debt, "debt")
        try LendingChecks.rate(request.borrowApr, "borrowApr")
        if let price = request.stockPrice { try PositionSizing.checkStockPrice(price) }
        if let apy = request.tokenApy {
            guard apy.isFinite, apy > -1 else {
                throw LendingError.invalidParameter(field: "tokenApy", value: "\(apy)", reason: "give the token's APY, above −100%")
            }
        }
        let horizons = request.horizonsDays ?? BorrowRequest.defaultHorizonsDays
        for (i, days) in horizons.enumerated() where !(days.isFinite && days > 0 && days <= 36_500) {
            throw LendingError.invalidParameter(
                field: "horizons[\(i)]", value: "\(days)", reason: "a horizon is a positive number of days (at most 100 years)")
        }
        let rate = exchangeRate ?? curve?.assetPerSy ?? .one
        guard rate.isPositive else {
            throw LendingError.invalidParameter(field: "exchangeRate", value: rate.description, reason: "shares per token is positive")
        }
        let x0 = rate.doubleValue
        var notes: [String] = []
        var warnings: [String] = []
        var assumptions: [String] = []

        // The collateral: amount and price in asset.
        var size: SizeConversion<Wad>? = nil
        var purchase: CurveTrade<Wad>? = nil
        var amount: Wad
        var oraclePrice: Wad
        var expiry: Int64? = nil
        var years: Double? = nil
        var spotApy: Double? = nil
        let oracleName: String
        let oracleDescription: String
        switch request.collateral {
        case .token:
            switch request.amount {
            case .units(let units): amount = units
            case .size(let given):
                let converted = try PositionSizing.convert(given, assetPerSy: rate, stockPrice: request.stockPrice)
                size = converted
                amount = converted.sy
            }
            oraclePrice = rate
            oracleName = "token"
            oracleDescription = "the token's exchange rate (\(rate) shares per token) × the stock price"
        case .pt:
            guard let curve else {
                throw LendingError.invalidParameter(
                    field: "market", value: "none", reason: "PT collateral needs its market (a market file: --market)")
            }
            guard blockTime < curve.expiry else { throw LendingError.ptMatured(expiry: curve.expiry, at: blockTime) }
            try request.oracle.check()
            let spot = try curve.spot(at: blockTime)
            spotApy = spot.impliedApy
            expiry = curve.expiry
            years = spot.yearsToExpiry
            switch request.amount {
            case .units(let units): amount = units
            case .size(let given):
                let converted = try PositionSizing.convert(given, assetPerSy: curve.assetPerSy, stockPrice: request.stockPrice)
                size = converted
                let trade = try curve.trade(.buyPtWithSy, exactIn: converted.sy, at: blockTime)
                purchase = trade
                amount = trade.amountOut
            }
            oraclePrice = try request.oracle.price(marketLnImpliedRate: curve.lnImpliedRate, expiry: curve.expiry, at: blockTime)
            oracleName = request.oracle.name
            oracleDescription = request.oracle.description(marketApy: spot.impliedApy)
            if request.oracle == .market {
                notes.append(
                    "the market oracle reads the implied rate of the moment: lenders use a TWAP of it (15 to 30 minutes) or a linear discount, which a trade cannot move"
                )
            }
        }
        guard amount.isPositive else {
            if amount.isNegative { throw LendingError.negativeAmount(field: "amount", value: amount.description) }
            throw LendingError.invalidParameter(field: "amount", value: amount.description, reason: "post some collateral: give a positive amount")
        }

        let tokenApy: Double
        let tokenApyBasis: String
        if let given = request.tokenApy {
            (tokenApy, tokenApyBasis) = (given, "given")
        } else if let curve, let spot = try? curve.spot(at: blockTime) {
            (tokenApy, tokenApyBasis) = (spot.impliedApy, "the market's implied APY")
        } else {
            (tokenApy, tokenApyBasis) = (0, "none given: 0")
        }

        let price = oraclePrice.doubleValue
        let units = amount.doubleValue
        let collateralAsset = units * price
        let s = request.stockPrice
        if request.debtAsset == .usd && request.debt > 0 && s == nil { throw StrategyError.missingStockPrice(purpose: "a USD debt") }
        let debtAsset: Double = request.debtAsset == .usd ? (s.map { request.debt / $0 } ?? 0) : request.debt * x0
        let terms = request.terms
        let threshold = terms.liquidationThreshold
        let maxLtv = terms.maxLtv
        let ltv = debtAsset / collateralAsset
        let health: Double? = debtAsset > 0 ? collateralAsset * threshold / debtAsset : nil
        let maxBorrowAsset = collateralAsset * maxLtv
        if let health, health < 1 {
            warnings.append(String(format: "the health factor is %.4f, below 1: the position can be liquidated now", health))
        } else if debtAsset > maxBorrowAsset {
            warnings.append(
                String(
                    format: "the debt is %.2f %% of the collateral's value, above the maximum LTV of %.2f %%: a new loan this size would be refused",
                    ltv * 100, maxLtv * 100))
        }

        // Liquidation thresholds.
        var liquidationStockPrice: Double? = nil
        var distance: Double? = nil
        if request.debtAsset == .usd, request.debt > 0 {
            let critical = request.debt / (units * price * threshold)
            liquidationStockPrice = critical
            distance = s.map { 1 - critical / $0 }
        } else if request.debtAsset == .token, request.debt > 0 {
            notes.append(
                "a token debt moves with the stock as the collateral does: no stock price liquidates it; only the collateral's price in shares"
                    + (request.collateral == .pt ? " (the PT's oracle)" : "") + " against the debt's growth does")
        }
        var liquidationPtPrice: Double? = nil
        var liquidationApy: Double? = nil
        if request.collateral == .pt, debtAsset > 0, let tau = years {
            let critical = debtAsset / (units * threshold)
            liquidationPtPrice = critical
            liquidationApy = Foundation.expm1(-Foundation.log(critical) / tau)
            if critical >= 1 {
                notes.append("the PT would have to trade at or above one share to carry this debt: liquidated at any positive implied APY")
            }
            if case .linearDiscount = request.oracle {
                notes.append(
                    "the linear-discount oracle does not follow the market: the implied APY that liquidates is what a market-priced PT would face")
            } else if case .fixed = request.oracle {
                notes.append("a fixed oracle price does not follow the market: the implied APY that liquidates is what a market-priced PT would face")
            }
        }

        // Growth: the debt at the borrow APR, a token debt and the token collateral with the token's APY.
        let now = blockTime
        func rateAfter(years t: Double) -> Double { x0 * Foundation.exp(Foundation.log1p(tokenApy) * t) }
        func debtAfter(years t: Double) -> Double {
            let grown = request.debt * Foundation.exp(request.borrowApr * t)
            return request.debtAsset == .usd ? (s.map { grown / $0 } ?? 0) : grown * rateAfter(years: t)
        }
        func collateralPrice(at time: Int64) -> Double {
            let t = RateConventions.years(from: now, to: time)
            switch request.collateral {
            case .token: return rateAfter(years: t)
            case .pt:
                guard let expiry else { return price }
                if time >= expiry { return 1 }
                return request.oracle.projectedPrice(secondsToExpiry: expiry - time, marketApy: spotApy ?? 0)
            }
        }

        // A linear-discount PT: the first time the accrued debt overtakes the oracle's accretion.
        var liquidationDate: Int64? = nil
        if request.collateral == .pt, case .linearDiscount = request.oracle, debtAsset > 0, let expiry {
            func margin(_ time: Int64) -> Double {
                units * collateralPrice(at: time) * threshold - debtAfter(years: RateConventions.years(from: now, to: time))
            }
            if margin(now) <= 0 {
                liquidationDate = now
            } else {
                let steps: Int64 = 2_000
                var previous = now
                for i in 1...steps {
                    let time = now + (expiry - now) * i / steps
                    if margin(time) <= 0 {
                        var low = previous
                        var high = time
                        while high - low > 1 {
                            let mid = low + (high - low) / 2
                            if margin(mid) <= 0 { high = mid } else { low = mid }
                        }
                        liquidationDate = high
                        break
                    }
                    previous = time
                }
            }
            if liquidationDate == nil {
                notes.append(
                    "at the given stock price the oracle's accretion keeps ahead of the debt's interest until maturity: no liquidation date before it"
                )
            }
        }

        // One liquidation at a health factor just below 1.
        var repaid: Double? = nil
        var penalty: Double? = nil
        if debtAsset > 0 {
            repaid = terms.closeFactor * debtAsset
            penalty = terms.closeFactor * debtAsset * terms.liquidationBonus
        }

        // Projection rows at today's stock price.
        var rows: [BorrowProjection] = []
        var times = horizons.map { now + Int64(($0 * Double(RateConventions.secondsPerDay)).rounded()) }
        if let expiry {
            times = times.filter { $0 < expiry } + [expiry]
        }
        for time in times {
            let t = RateConventions.years(from: now, to: time)
            let p = collateralPrice(at: time)
            let c = units * p
            let d = debtAfter(years: t)
            var row = BorrowProjection(
                days: Double(time - now) / Double(RateConventions.secondsPerDay), time: time, collateralPrice: p,
                collateralValueAsset: c, collateralValueUsd: s.map { c * $0 }, debtValueAsset: d,
                debtUsd: s.map { d * $0 }, healthFactor: d > 0 ? c * threshold / d : nil, liquidationStockPrice: nil)
            if request.debtAsset == .usd, request.debt > 0 {
                row.liquidationStockPrice = request.debt * Foundation.exp(request.borrowApr * t) / (c * threshold)
            }
            rows.append(row)
        }

        if let purchase {
            assumptions.append(
                "the PT is bought with the budget through the router's exact \(purchase.venueTrade) at \(UnixTime.format(blockTime)), fees and price impact included"
            )
        }
        assumptions.append(
            "collateral priced by \(oracleDescription)"
                + (s.map { String(format: ", at %@ USD per share", Wad.shortestDecimal($0)?.description ?? "\($0)") } ?? ""))
        assumptions.append(
            "\(terms.protocolName == "morpho" ? "Morpho Blue" : "Aave v3")-style rules: borrow up to \(LiquidationTerms.percent(maxLtv)) of the collateral's value, "
                + "liquidated when the debt passes \(LiquidationTerms.percent(threshold)) of it"
                + (terms.protocolName == "morpho"
                    ? String(format: "; the liquidator receives %.4f× the debt repaid in collateral, and may repay all of it", terms.incentiveFactor)
                    : String(
                        format:
                            "; a liquidation repays up to half the debt (all of it below a health factor of 0.95) and pays the liquidator a %.2f %% bonus",
                        (terms.incentiveFactor - 1) * 100)))
        assumptions.append(
            String(format: "the debt accrues continuously at %.4f %% APR", request.borrowApr * 100)
                + (request.debtAsset == .token
                    ? String(format: "; a token debt also grows with the token's exchange rate (%.4f %% APY: %@)", tokenApy * 100, tokenApyBasis)
                    : ""))
        if request.collateral == .token {
            assumptions.append(
                String(
                    format: "the token's collateral value grows with its reinvested dividends at %.4f %% a year (%@), at a constant stock price",
                    tokenApy * 100, tokenApyBasis))
        } else {
            assumptions.append(
                "projections hold the stock price and, for a market or TWAP oracle, the implied APY constant; the PT is worth one share at maturity")
        }

        return BorrowResult(
            blockTime: blockTime, collateral: request.collateral, collateralAmount: amount, size: size, purchase: purchase, expiry: expiry,
            yearsToExpiry: years, oracle: oracleName, oracleDescription: oracleDescription, oraclePrice: oraclePrice, exchangeRate: rate,
            stockPrice: s, spotImpliedApy: spotApy, collateralValueAsset: collateralAsset, collateralValueUsd: s.map { collateralAsset * $0 },
            debtAsset: request.debtAsset, debt: request.debt, debtValueAsset: debtAsset, debtUsd: s.map { debtAsset * $0 },
            borrowApr: request.borrowApr, protocolName: terms.protocolName, maxLtv: maxLtv, liquidationThreshold: threshold,
            liquidationBonus: terms.liquidationBonus, liquidationIncentiveFactor: terms.incentiveFactor,
            morphoIncentiveFactor: {
                if case .morpho(let lltv) = terms { return try? LiquidationTerms.morphoIncentiveFactor(lltv: lltv) }
                return nil
            }(),
            closeFactor: terms.closeFactor, ltv: ltv, healthFactor: health, maxBorrowUsd: s.map { maxBorrowAsset * $0 },
            borrowCapacityUsd: s.map { (maxBorrowAsset - debtAsset) * $0 }, maxBorrowAsset: maxBorrowAsset,
            borrowCapacityAsset: maxBorrowAsset - debtAsset,
            liquidationStockPrice: liquidationStockPrice, distanceToLiquidation: distance, liquidationPtPrice: liquidationPtPrice,
            liquidationImpliedApy: liquidationApy, liquidationDate: liquidationDate, liquidationRepaidAsset: repaid,
            liquidationPenaltyAsset: penalty, liquidationPenaltyUsd: penalty.flatMap { p in s.map { p * $0 } },
            tokenApy: tokenApy, tokenApyBasis: tokenApyBasis, projection: rows, notes: notes, warnings: warnings, assumptions: assumptions)
    }

    /// A loan against the token without a market: its exchange rate given (shares per token).
    public static func compute(_ request: BorrowRequest, exchangeRate: Wad, at blockTime: Int64) throws -> BorrowResult {
        try compute(request, curve: nil as PendleV2Curve<Wad>?, exchangeRate: exchangeRate, at: blockTime)
    }
}
