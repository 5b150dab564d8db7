import Foundation

/// What a loop's debt costs.
public enum LoopBorrowRate: Hashable, Sendable {
    /// A fixed APR.
    case fixed(apr: Double)
    /// A rate model at the utilization the loop's debt leaves the lending pool at: `(poolBorrowed + debt) /
    /// poolSupplied`, both in the debt asset's units (Morpho: the curve at its rate at target, not adapting).
    case model(LendingRateModel, poolSupplied: Double, poolBorrowed: Double)
}

/// PT looping: buy PT with a capital, post it, borrow against it, buy more PT, repeat.
public struct PtLoopRequest: Hashable, Sendable {
    /// The capital: buys the first PT (SY, tokens, shares or USD).
    public var size: PositionSize
    /// What is borrowed: a USD stablecoin or the stock token.
    public var borrow: DebtAsset
    public var terms: LiquidationTerms
    /// How the lender prices the PT (`market`: re-read after each purchase, which moves the market's rate).
    public var oracle: PtOracle
    /// Each round borrows up to this LTV of the collateral's value (default: the maximum LTV).
    public var targetLtv: Double?
    /// Borrow-and-buy rounds after the first purchase; nil: until the LTV after a purchase is within 0.1 % of the
    /// target (at most ``maxLoops``).
    public var loops: Int?
    public var borrowRate: LoopBorrowRate
    /// USD per share (a USD loop, a USD size, USD figures).
    public var stockPrice: Double?
    /// The token's APY (what a token debt grows by in shares); nil: the market's implied APY.
    public var tokenApy: Double?
    /// A USD loop's stock prices at maturity; nil: today's −30 % … +30 % by 10 %.
    public var priceScenarios: PriceScenarios?
    /// A USD loop's dollar hedge (the lock-in's): short the shares the PT redeems for.
    public var dollarHedge: DollarHedgeRequest?

    public init(
        size: PositionSize, borrow: DebtAsset, terms: LiquidationTerms, oracle: PtOracle = .market, targetLtv: Double? = nil,
        loops: Int? = nil, borrowRate: LoopBorrowRate, stockPrice: Double? = nil, tokenApy: Double? = nil,
        priceScenarios: PriceScenarios? = nil, dollarHedge: DollarHedgeRequest? = nil
    ) {
        self.size = size
        self.borrow = borrow
        self.terms = terms
        self.oracle = oracle
        self.targetLtv = targetLtv
        self.loops = loops
        self.borrowRate = borrowRate
        self.stockPrice = stockPrice
        self.tokenApy = tokenApy
        self.priceScenarios = priceScenarios
        self.dollarHedge = dollarHedge
    }

    /// The most rounds a loop runs.
    public static let maxLoops = 100
}

/// One round of a loop (round 0: the capital's own purchase) and the position after it.
public struct PtLoopRound: Sendable {
    public var round: Int
    /// Borrowed this round (USD or tokens, exact), the SY it became, the exact purchase.
    public var borrowed: Wad
    public var syIn: Wad
    public var purchase: CurveTrade<Wad>
    /// The APY this round's PT locks in, and the market's implied APY after it.
    public var roundFixedApy: Double
    public var impliedApyAfter: Double
    /// The position after the round: PT held, debt (exact), the oracle's PT price.
    public var ptHeld: Wad
    public var debt: Wad
    public var oraclePrice: Wad
    public var collateralValueAsset: Double
    public var debtValueAsset: Double
    public var ltv: Double
    /// Asset deployed into PT per unit of capital.
    public var leverage: Double
    public var healthFactor: Double?
    /// The borrow APR at the utilization after this round.
    public var borrowApr: Double
    /// The net APY if the loop stopped here (in shares, the stock price unchanged), and the lines that
    /// liquidate it: the stock price (a USD debt) and the market's implied APY.
    public var netApy: Double
    public var liquidationStockPrice: Double?
    public var liquidationImpliedApy: Double?
}

/// A USD loop's value at maturity at one stock price then.
public struct PtLoopPriceScenario: Hashable, Sendable {
    public var stockPrice: Double
    public var priceChange: Double
    /// PT redeemed at that price minus the debt with interest, and its APY on the capital.
    public var usdAtMaturity: Double
    public var usdApy: Double
    /// With the dollar hedge.
    public var hedgedUsdAtMaturity: Double?
}

/// A loop's complete answer.
public struct PtLoopResult: Sendable {
    public var curveName: String
    public var blockTime: Int64
    public var expiry: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    public var borrow: DebtAsset
    /// The capital as given and in SY, shares, USD.
    public var size: SizeConversion<Wad>
    public var oracle: String
    public var oracleDescription: String
    public var protocolName: String
    public var maxLtv: Double
    public var liquidationThreshold: Double
    public var targetLtv: Double
    public var rounds: [PtLoopRound]
    /// Totals (exact): PT held, debt, SY spent on PT.
    public var ptHeld: Wad
    public var debt: Wad
    public var sySpent: Wad
    public var leverage: Double
    public var ltv: Double
    public var healthFactor: Double?
    /// The blended fixed APY of all the PT bought, and what the capital alone locks (round 0).
    public var fixedApy: Double
    public var unleveredFixedApy: Double
    public var spotApy: Double
    public var impliedApyAfter: Double
    /// The borrow APR paid (fixed, or the model's at the final utilization), the pool utilization then.
    public var borrowApr: Double
    public var poolUtilization: Double?
    /// The token's APY (a token debt's growth in shares) and its basis.
    public var tokenApy: Double
    public var tokenApyBasis: String
    /// At maturity, in shares at an unchanged stock price: PT redeemed, debt with interest, net; the net APY on
    /// the capital; the borrow APR at which the loop only ties with the capital's own lock-in.
    public var ptAtMaturityShares: Double
    public var debtAtMaturityShares: Double
    public var netAtMaturityShares: Double
    public var netApy: Double
    public var breakEvenBorrowApr: Double?
    /// USD: capital, net at maturity at today's price.
    public var usdIn: Double?
    public var netAtMaturityUsd: Double?
    public var liquidationStockPrice: Double?
    public var liquidationImpliedApy: Double?
    /// A USD loop across stock prices at maturity, and its dollar hedge.
    public var priceScenarios: [PtLoopPriceScenario]
    public var dollarHedge: DollarHedgeResult?
    public var hedgedUsdAtMaturity: Double?
    public var hedgedUsdApy: Double?
    public var notes: [String]
    public var warnings: [String]
    public var assumptions: [String]
}

/// The `loop` job: PT looped on the market's real curve, each purchase exact on the pool its predecessors left.
///
/// ```
/// round 0        SY(capital) → PT on the curve
/// round k ≥ 1    borrow b = targetLtv · ptHeld · oraclePrice − debt (asset), as USD or tokens → SY → PT
/// leverage L     = Σ SY spent · I / capital                              (asset deployed per unit of capital)
/// at maturity    net = ptHeld − debt · e^{r·τ} · (token: X_T/X₀ · X₀; USD: 1/S)    (shares, S unchanged)
/// netApy         = (net / capital)^{1/τ} − 1  ≈ L · fixedApy − (L − 1) · (r + token APY for a token debt)
/// break-even r*  : netApy(r*) = the capital's own fixed APY
/// ```
public enum PtLoop {
    public static func compute<C: ImpliedYieldCurve>(_ request: PtLoopRequest, curve: C, at blockTime: Int64) throws -> PtLoopResult
    where C.Scalar == Wad {
        try request.terms.check()
        try request.oracle.check()
        guard blockTime < curve.expiry else { throw LendingError.ptMatured(expiry: curve.expiry, at: blockTime) }
        let target = request.targetLtv ?? request.terms.maxLtv
        try LendingChecks.threshold(target, "targetLtv")
        guard target <= request.terms.maxLtv + 1e-12 else {
            throw LendingError.invalidParameter(
                field: "targetLtv", value: "\(target)",
                reason: "a loop borrows at most the maximum LTV (\(LiquidationTerms.percent(request.terms.maxLtv))): give a lower target")
        }
        if let loops = request.loops {
            guard loops >= 0, loops <= PtLoopRequest.maxLoops else {
                throw LendingError.invalidParameter(field: "loops", value: "\(loops)", reason: "give 0 to \(PtLoopRequest.maxLoops) rounds")
            }
        }
        switch request.borrowRate {
        case .fixed(let apr): try LendingChecks.rate(apr, "borrowApr")
        case .model(let model, let supplied, let borrowed):
            try LendingChecks.positive(supplied, "poolSupplied", what: "the pool's supply")
            try LendingChecks.nonNegative(borrowed, "poolBorrowed")
            guard borrowed <= supplied else { throw LendingError.insufficientLiquidity(borrowed: "\(borrowed)", supplied: "\(supplied)") }
            try model.check()
        }
        if let apy = request.tokenApy {
            guard apy.isFinite, apy > -1 else {
                throw LendingError.invalidParameter(field: "tokenApy", value: "\(apy)", reason: "give the token's APY, above −100%")
            }
        }
        if request.borrow == .token, request.dollarHedge != nil {
            throw LendingError.invalidParameter(
                field: "hedge", value: "given", reason: "a token loop has no stock-price exposure to hedge: the dollar hedge is for a USD loop")
        }

        let spot = try curve.spot(at: blockTime)
        let tau = spot.yearsToExpiry
        let index = curve.assetPerSy
        let x0 = index.doubleValue
        let size = try PositionSizing.convert(request.size, assetPerSy: index, stockPrice: request.stockPrice)
        let s = request.stockPrice
        if request.borrow == .usd && s == nil { throw StrategyError.missingStockPrice(purpose: "a loop that borrows USD") }
        let capital = size.shares
        let threshold = request.terms.liquidationThreshold
        let tokenApy: Double
        let tokenApyBasis: String
        if let given = request.tokenApy {
            (tokenApy, tokenApyBasis) = (given, "given")
        } else {
            (tokenApy, tokenApyBasis) = (spot.impliedApy, "the market's implied APY")
        }

        func debtValueAsset(_ debt: Wad) -> Double {
            request.borrow == .usd ? debt.doubleValue / (s ?? 1) : debt.doubleValue * x0
        }
        func borrowAprAt(debt: Wad) throws -> (apr: Double, utilization: Double?) {
            switch request.borrowRate {
            case .fixed(let apr): return (apr, nil)
            case .model(let model, let supplied, let borrowed):
                let total = borrowed + debt.doubleValue
                guard total <= supplied else { throw LendingError.insufficientLiquidity(borrowed: "\(total)", supplied: "\(supplied)") }
                let u = total / supplied
                return (model.borrowRate(utilization: u), u)
            }
        }
        // Net at maturity in shares at an unchanged stock price, for a debt and an APR.
        func debtAtMaturityShares(_ debt: Wad, apr: Double) -> Double {
            let grown = debt.doubleValue * Foundation.exp(apr * tau)
            return request.borrow == .usd ? grown / (s ?? 1) : grown * x0 * Foundation.exp(Foundation.log1p(tokenApy) * tau)
        }
        func netApy(pt: Wad, debt: Wad, apr: Double) -> Double {
            let net = pt.doubleValue - debtAtMaturityShares(debt, apr: apr)
            guard net > 0 else { return -1 }
            return Foundation.expm1(Foundation.log(net / capital) / tau)
        }
        func oraclePrice(on current: C) throws -> Wad {
            try request.oracle.price(marketLnImpliedRate: current.lnImpliedRate, expiry: current.expiry, at: blockTime)
        }
        func liquidationLines(pt: Wad, debt: Wad, price: Wad) -> (stock: Double?, apy: Double?) {
            guard debt.isPositive else { return (nil, nil) }
            let units = pt.doubleValue
            let stock: Double? = request.borrow == .usd ? debt.doubleValue / (units * price.doubleValue * threshold) : nil
            let critical = debtValueAsset(debt) / (units * threshold)
            return (stock, Foundation.expm1(-Foundation.log(critical) / tau))
        }

        var current = curve
        var rounds: [PtLoopRound] = []
        var warnings: [String] = []
        var notes: [String] = []
        var ptHeld = Wad.zero
        var debt = Wad.zero
        var sySpent = Wad.zero
        var round = 0
        var borrowed = Wad.zero
        var syIn = size.sy
        rounds: while true {
            let step: (trade: CurveTrade<Wad>, after: C)
            do {
                step = try current.tradeAndUpdate(.buyPtWithSy, exactIn: syIn, at: blockTime)
            } catch let error as any DomainError where round > 0 {
                warnings.append(
                    "round \(round): the market refused the purchase of \(syIn) SY (\(error.errorName)); the loop stops at round \(round - 1)")
                debt = try debt - borrowed
                break rounds
            }
            current = step.after
            ptHeld = try ptHeld + step.trade.amountOut
            sySpent = try sySpent + step.trade.amountIn
            let price = try oraclePrice(on: current)
            let collateral = ptHeld.doubleValue * price.doubleValue
            let debtAsset = debtValueAsset(debt)
            let (apr, _) = try borrowAprAt(debt: debt)
            let lines = liquidationLines(pt: ptHeld, debt: debt, price: price)
            rounds.append(
                PtLoopRound(
                    round: round, borrowed: borrowed, syIn: syIn, purchase: step.trade,
                    roundFixedApy: LockIn.apy(
                        ptOut: step.trade.amountOut.doubleValue, syIn: step.trade.amountIn.doubleValue, assetPerSy: x0, years: tau),
                    impliedApyAfter: step.trade.impliedApyAfter, ptHeld: ptHeld, debt: debt, oraclePrice: price, collateralValueAsset: collateral,
                    debtValueAsset: debtAsset, ltv: debtAsset / collateral, leverage: sySpent.doubleValue * x0 / capital,
                    healthFactor: debt.isPositive ? collateral * threshold / debtAsset : nil, borrowApr: apr,
                    netApy: netApy(pt: ptHeld, debt: debt, apr: apr), liquidationStockPrice: lines.stock, liquidationImpliedApy: lines.apy))

            // The next round, if any.
            if let loops = request.loops {
                if round >= loops { break rounds }
            } else if round >= PtLoopRequest.maxLoops || (round > 0 && debtAsset / collateral >= target * 0.999) {
                break rounds
            }
            let room = target * collateral - debtAsset
            guard room > 0 else { break rounds }
            let amountValue = request.borrow == .usd ? room * (s ?? 0) : room / x0
            guard let amount = Wad(rounding: amountValue), amount.isPositive else { break rounds }
            let next: Wad
            switch request.borrow {
            case .usd:
                guard let converted = try? PositionSizing.convert(.usd(amount), assetPerSy: index, stockPrice: s) else {
                    notes.append("round \(round + 1): the amount left to borrow rounds to nothing; the loop stops")
                    break rounds
                }
                next = converted.sy
            case .token:
                next = amount
            }
            if case .model(_, let supplied, let poolBorrowed) = request.borrowRate, poolBorrowed + (try debt + amount).doubleValue > supplied {
                warnings.append(
                    "round \(round + 1): the lending pool has too little left to lend (\(supplied) supplied, \(poolBorrowed) borrowed by others, "
                        + "\(debt.doubleValue) by this loop); the loop stops at round \(round)")
                break rounds
            }
            borrowed = amount
            debt = try debt + amount
            syIn = next
            round += 1
        }
        if let loops = request.loops, rounds.count - 1 < loops, warnings.isEmpty {
            notes.append("the loop reached its target LTV after \(rounds.count - 1) of the \(loops) rounds asked")
        }

        let last = rounds[rounds.count - 1]
        let (apr, utilization) = try borrowAprAt(debt: debt)
        let ptShares = ptHeld.doubleValue
        let debtShares = debtAtMaturityShares(debt, apr: apr)
        let net = ptShares - debtShares
        let netApyValue = netApy(pt: ptHeld, debt: debt, apr: apr)
        if net <= 0 { warnings.append("the debt with its interest exceeds the PT at maturity: the loop loses all its capital") }
        let fixedApy = LockIn.apy(ptOut: ptShares, syIn: sySpent.doubleValue, assetPerSy: x0, years: tau)
        let unlevered = rounds[0].roundFixedApy
        // The APR at which the loop ties with the capital's own lock-in.
        var breakEven: Double? = nil
        if debt.isPositive {
            let allowed = ptShares - capital * Foundation.exp(Foundation.log1p(unlevered) * tau)
            let atZero = debtAtMaturityShares(debt, apr: 0)
            if allowed > 0, atZero > 0 { breakEven = Foundation.log(allowed / atZero) / tau }
            if breakEven == nil || (breakEven ?? 0) < 0 {
                notes.append(
                    "no borrow rate makes this loop beat the capital's own lock-in: the fee and price impact on the borrowed purchases, "
                        + (request.borrow == .token ? "and the token's yield the debt owes, " : "") + "already cost more than the PT earns")
                breakEven = nil
            }
        }
        let lines = liquidationLines(pt: ptHeld, debt: debt, price: last.oraclePrice)

        // A USD loop in dollars: across stock prices at maturity, and hedged.
        var scenarios: [PtLoopPriceScenario] = []
        var hedge: DollarHedgeResult? = nil
        var hedgedUsd: Double? = nil
        var hedgedApy: Double? = nil
        let usdIn = size.usd ?? s.map { capital * $0 }
        let debtUsdAtMaturity = request.borrow == .usd ? debt.doubleValue * Foundation.exp(apr * tau) : nil
        if request.borrow == .usd, let today = s, let usdIn, let owed = debtUsdAtMaturity {
            if let hedgeRequest = request.dollarHedge {
                hedge = try LockIn.dollarHedge(
                    hedgeRequest, shortShares: ptShares, stockPrice: today, usdIn: usdIn + debt.doubleValue, blockTime: blockTime,
                    expiry: curve.expiry, years: tau, tokenWithholding: .standard)
                if let value = hedge?.usdAtMaturity {
                    hedgedUsd = value - owed
                    hedgedApy = hedgedUsd.map { $0 > 0 ? RateConventions.annualizedRate(growth: $0 / usdIn, years: tau) : -1 }
                }
            }
            let points: [(price: Double, change: Double)]
            switch request.priceScenarios ?? .moves(LockInRequest.defaultPriceMoves) {
            case .prices(let prices): points = prices.map { ($0, $0 / today - 1) }
            case .moves(let moves): points = moves.map { (Double(String(format: "%.12g", today * (1 + $0))) ?? today * (1 + $0), $0) }
            }
            for (price, change) in points {
                try PositionSizing.checkStockPrice(price, field: "price scenario")
                let value = ptShares * price - owed
                scenarios.append(
                    PtLoopPriceScenario(
                        stockPrice: price, priceChange: change, usdAtMaturity: value,
                        usdApy: value > 0 ? RateConventions.annualizedRate(growth: value / usdIn, years: tau) : -1,
                        hedgedUsdAtMaturity: hedgedUsd))
            }
            notes.append(
                String(
                    format: "borrowing USD to hold PT is a leveraged long position in the stock: %.4f× the capital's shares at maturity, "
                        + "a USD debt against them; its carry, %.4f %% fixed against %.4f %% borrowed, is %@", ptShares / capital, fixedApy * 100,
                    apr * 100,
                    fixedApy < apr ? "negative" : "positive") + (hedge == nil ? "; --hedge perp fixes the dollar result" : ""))
        } else if request.borrow == .token {
            notes.append(
                "borrowing the token against its own PT carries no stock-price liquidation risk: collateral and debt move together; "
                    + String(
                        format: "the loop earns L · fixed − (L − 1) · (borrow APR + the token's yield) ≈ %.4f %%",
                        (last.leverage * fixedApy - (last.leverage - 1) * (apr + tokenApy)) * 100))
        }

        var assumptions = [
            "each purchase is the router's exact swapExactSyForPt on the pool the previous purchases left, at \(UnixTime.format(blockTime)); no other trade in between",
            "each round borrows up to \(LiquidationTerms.percent(target)) of the collateral's value at the oracle's price (\(request.oracle.description(marketApy: spot.impliedApy)))",
            String(format: "the debt accrues continuously at %.4f %% APR", apr * 100)
                + (utilization.map { String(format: " (the model's rate at %.4f %% utilization)", $0 * 100) } ?? ""),
            "at maturity each PT redeems one share and the debt is repaid; the net APY is in shares at today's stock price"
        ]
        if request.borrow == .usd {
            assumptions.append(
                "borrowed USD buys the token at the stock price without cost (\(s.map { Wad.shortestDecimal($0)?.description ?? "\($0)" } ?? "?") USD per share), then wraps into SY"
            )
        } else {
            assumptions.append(String(format: "a token debt owes the token's yield too: %.4f %% a year (%@)", tokenApy * 100, tokenApyBasis))
        }
        if let hedge {
            assumptions.append(
                "the dollar hedge shorts \(String(format: "%.6f", hedge.shortShares)) shares now (\(hedge.instrument)), static, as the lock-in's")
        }

        return PtLoopResult(
            curveName: curve.curveName, blockTime: blockTime, expiry: curve.expiry, secondsToExpiry: spot.secondsToExpiry, yearsToExpiry: tau,
            borrow: request.borrow, size: size, oracle: request.oracle.name,
            oracleDescription: request.oracle.description(marketApy: spot.impliedApy),
            protocolName: request.terms.protocolName, maxLtv: request.terms.maxLtv, liquidationThreshold: threshold, targetLtv: target,
            rounds: rounds, ptHeld: ptHeld, debt: debt, sySpent: sySpent, leverage: last.leverage, ltv: last.ltv, healthFactor: last.healthFactor,
            fixedApy: fixedApy, unleveredFixedApy: unlevered, spotApy: spot.impliedApy, impliedApyAfter: last.impliedApyAfter, borrowApr: apr,
            poolUtilization: utilization, tokenApy: tokenApy, tokenApyBasis: tokenApyBasis, ptAtMaturityShares: ptShares,
            debtAtMaturityShares: debtShares, netAtMaturityShares: net, netApy: netApyValue, breakEvenBorrowApr: breakEven, usdIn: usdIn,
            netAtMaturityUsd: s.map { net * $0 }, liquidationStockPrice: lines.stock, liquidationImpliedApy: lines.apy,
            priceScenarios: scenarios, dollarHedge: hedge, hedgedUsdAtMaturity: hedgedUsd, hedgedUsdApy: hedgedApy,
            notes: notes, warnings: warnings, assumptions: assumptions)
    }
}
