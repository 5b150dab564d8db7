import Foundation
import Testing
import YieldStrip

/// PT looping: each purchase exact on the pool its predecessors left, the net APY from the amounts, the
/// break-even borrow rate, a USD loop in dollars and hedged, rate models, bad input.
@Suite struct PtLoopTests {
    static let marketPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/markets/aapl-like.json").path

    static func wad(_ text: String) -> Wad { Wad(decimal: text) ?? .zero }

    static func setup() throws -> (MarketFile, Int64, Double) {
        let file = try MarketFile.load(path: marketPath)
        let at = try #require(file.blockTime)
        return (file, at, Double(file.market.expiry - at) / 31_536_000)
    }

    static let morpho = LiquidationTerms.morpho(lltv: Wad(decimal: "0.915") ?? .zero)

    /// Round by round, the purchases are the router's swaps on the successive pool states.
    @Test func purchasesChainOnTheCurve() throws {
        let (file, at, _) = try Self.setup()
        let r = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 100)), borrow: .token, terms: Self.morpho, targetLtv: 0.9, loops: 3,
                borrowRate: .fixed(apr: 0.001)), curve: file.curve, at: at)
        #expect(r.rounds.count == 4)
        var curve = file.curve
        var pt = Wad.zero
        var debt = Wad.zero
        for round in r.rounds {
            let step = try curve.tradeAndUpdate(.buyPtWithSy, exactIn: round.syIn, at: at)
            #expect(step.trade.amountOut == round.purchase.amountOut, "round \(round.round)")
            curve = step.after
            pt = try pt + step.trade.amountOut
            debt = try debt + round.borrowed
            #expect(round.ptHeld == pt && round.debt == debt)
            // A token borrowed is one SY.
            #expect(round.round == 0 ? round.syIn == Wad(units: 100) : round.syIn == round.borrowed)
            // Each round borrows what brings the debt to 90 % of the previous collateral's value.
            if round.round > 0 {
                let previous = r.rounds[round.round - 1]
                let room = 0.9 * previous.collateralValueAsset - previous.debtValueAsset
                #expect(abs(round.borrowed.doubleValue * file.pyIndex.doubleValue - room) < 1e-9)
            }
        }
        #expect(r.ptHeld == pt && r.debt == debt)
        // The first round is the capital's own lock-in.
        let lockIn = try LockIn.compute(LockInRequest(size: .tokens(Wad(units: 100))), curve: file.curve, at: at)
        #expect(r.rounds[0].purchase.amountOut == lockIn.ptOut && abs(r.unleveredFixedApy - lockIn.fixedApy) < 1e-15)
        // Later rounds lock less: each buys on a pool the previous purchases moved.
        #expect(r.rounds[1].roundFixedApy < r.rounds[0].roundFixedApy && r.rounds[3].impliedApyAfter < r.rounds[1].impliedApyAfter)
    }

    /// A token loop's net APY from the amounts, ≈ L · fixed − (L − 1) · (r + token APY); the break-even rate
    /// ties the loop with the capital's own lock-in.
    @Test func tokenLoopNetApy() throws {
        let (file, at, tau) = try Self.setup()
        let request = PtLoopRequest(
            size: .tokens(Wad(units: 50)), borrow: .token, terms: Self.morpho, loops: 5, borrowRate: .fixed(apr: 0.0005),
            tokenApy: 0.001)
        let r = try PtLoop.compute(request, curve: file.curve, at: at)
        let index = file.pyIndex.doubleValue
        let capital = r.size.shares
        let owed = r.debt.doubleValue * exp(0.0005 * tau) * index * pow(1.001, tau)
        #expect(abs(r.debtAtMaturityShares - owed) < 1e-9)
        #expect(abs(r.netApy - (pow((r.ptHeld.doubleValue - owed) / capital, 1 / tau) - 1)) < 1e-12)
        let linear = r.leverage * r.fixedApy - (r.leverage - 1) * (0.0005 + 0.001)
        #expect(abs(r.netApy - linear) < 5e-5, "\(r.netApy) vs \(linear)")
        #expect(r.liquidationStockPrice == nil && r.priceScenarios.isEmpty)
        #expect(abs(r.leverage - r.sySpent.doubleValue / 50) < 1e-12)
        // Borrowing at the break-even rate, the loop earns exactly the capital's own fixed APY.
        let breakEven = try #require(r.breakEvenBorrowApr)
        var tie = request
        tie.borrowRate = .fixed(apr: breakEven)
        let tied = try PtLoop.compute(tie, curve: file.curve, at: at)
        #expect(abs(tied.netApy - r.unleveredFixedApy) < 1e-12)
        // At the market's own implied APY as the token's yield, no borrow rate beats the lock-in.
        var fair = request
        fair.tokenApy = nil
        #expect(try PtLoop.compute(fair, curve: file.curve, at: at).breakEvenBorrowApr == nil)
    }

    /// Without a number of rounds the loop runs until its LTV after a purchase is within 0.1 % of the target.
    @Test func untilTheTargetLtv() throws {
        let (file, at, _) = try Self.setup()
        let r = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 10)), borrow: .token, terms: Self.morpho, targetLtv: 0.8,
                borrowRate: .fixed(apr: 0)), curve: file.curve, at: at)
        #expect(r.ltv >= 0.8 * 0.999 && r.ltv <= 0.8 && r.rounds.count > 10)
        #expect(abs(r.leverage - 1 / (1 - 0.8)) < 0.05)
        #expect(r.rounds.allSatisfy { ($0.healthFactor ?? 2) > 1 })
    }

    /// A USD loop: a leveraged long stock; its dollars across prices, and fixed by the lock-in's hedge.
    @Test func usdLoop() throws {
        let (file, at, tau) = try Self.setup()
        let request = PtLoopRequest(
            size: .usd(Wad(units: 10_000)), borrow: .usd, terms: .aave(maxLtv: 0.7, liquidationThreshold: 0.75, liquidationBonus: 0.05),
            loops: 2, borrowRate: .fixed(apr: 0.05), stockPrice: 230,
            dollarHedge: DollarHedgeRequest(instrument: .perp(fundingApr: 0.05)))
        let r = try PtLoop.compute(request, curve: file.curve, at: at)
        let owed = r.debt.doubleValue * exp(0.05 * tau)
        for row in r.priceScenarios {
            #expect(abs(row.usdAtMaturity - (r.ptHeld.doubleValue * row.stockPrice - owed)) < 1e-8)
        }
        #expect(r.priceScenarios.count == 7)
        let hedge = try #require(r.dollarHedge)
        #expect(abs(hedge.shortShares - r.ptHeld.doubleValue) < 1e-12)
        #expect(abs((r.hedgedUsdAtMaturity ?? 0) - (r.ptHeld.doubleValue * 230 * (1 + 0.05 * tau) - owed)) < 1e-8)
        // Negative carry: 5 % on the debt against a PT yielding about 0.2 %.
        #expect(r.netApy < r.unleveredFixedApy && r.notes.contains { $0.contains("negative") })
        let critical = try #require(r.liquidationStockPrice)
        #expect(abs(critical - r.debt.doubleValue / (r.ptHeld.doubleValue * r.rounds.last!.oraclePrice.doubleValue * 0.75)) < 1e-9)
        // USD borrowed becomes shares at the stock price, then SY at the PY index.
        let second = r.rounds[1]
        let sy = try PositionSizing.convert(.usd(second.borrowed), assetPerSy: file.pyIndex, stockPrice: 230).sy
        #expect(second.syIn == sy)
    }

    /// The borrow APR from a rate model at the utilization the loop leaves the pool at.
    @Test func rateModel() throws {
        let (file, at, _) = try Self.setup()
        let usdc = try AaveRateStrategy(
            optimalUsageRatioBps: 9_200, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 1_250, variableRateSlope2Bps: 3_500)
        let r = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 20)), borrow: .token, terms: Self.morpho, loops: 2,
                borrowRate: .model(.aave(usdc), poolSupplied: 1_000, poolBorrowed: 400)), curve: file.curve, at: at)
        let u = (400 + r.debt.doubleValue) / 1_000
        #expect(abs((r.poolUtilization ?? 0) - u) < 1e-15 && abs(r.borrowApr - usdc.borrowRate(utilization: u)) < 1e-15)
        // A pool that runs dry stops the loop, with a warning.
        let dry = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 20)), borrow: .token, terms: Self.morpho, loops: 5,
                borrowRate: .model(.aave(usdc), poolSupplied: 30, poolBorrowed: 0)), curve: file.curve, at: at)
        #expect(dry.warnings.count == 1 && dry.debt.doubleValue <= 30)
    }

    @Test func badInput() throws {
        let (file, at, _) = try Self.setup()
        func name(_ request: PtLoopRequest, at time: Int64? = nil) -> String? {
            do {
                _ = try PtLoop.compute(request, curve: file.curve, at: time ?? at)
                return nil
            } catch let error as any DomainError { return error.errorName } catch { return "\(error)" }
        }
        let base = PtLoopRequest(size: .tokens(Wad(units: 10)), borrow: .token, terms: Self.morpho, loops: 2, borrowRate: .fixed(apr: 0.01))
        var request = base
        #expect(name(base, at: file.market.expiry) == "PtMatured")
        request.targetLtv = 0.95
        #expect(name(request) == "InvalidParameter")
        request = base
        request.borrowRate = .model(
            .kinked(try KinkedRateCurve(points: [RateCurvePoint(utilization: 0, rate: 0), RateCurvePoint(utilization: 1, rate: 1)])),
            poolSupplied: 10, poolBorrowed: 20)
        #expect(name(request) == "InsufficientLiquidity")
        request = base
        request.borrowRate = .fixed(apr: -0.01)
        #expect(name(request) == "InvalidParameter")
        request = base
        request.borrow = .usd
        #expect(name(request) == "MissingStockPrice")
        request = base
        request.terms = .aave(maxLtv: 0.9, liquidationThreshold: 0.8, liquidationBonus: 0.05)
        #expect(name(request) == "LtvNotBelowThreshold")
        request = base
        request.size = .tokens(Wad(units: 10_000_000))
        #expect(name(request) == "ExceedsMarketLimit")
    }
}
