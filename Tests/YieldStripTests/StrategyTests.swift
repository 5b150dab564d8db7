import Foundation
import Testing
import YieldStrip

/// The lock-in and YT-short jobs against closed forms and the router's own answers, on markets seeded
/// here with Pendle's deployment rule (independent of the example files).
@Suite struct StrategyTests {
    static let now: Int64 = 1_780_000_000
    static let year = RateConventions.secondsPerYear

    /// A market seeded at `apy` with `liquidity` asset, one year (or `seconds`) to expiry, in exact wad.
    static func curve(
        apy: Double = 0.003, fee: Double = 0.001, liquidity: Double = 20_000_000 / 230, index: Double = 1.012345,
        seconds: Int64 = year
    ) throws -> PendleV2Curve<Wad> {
        let band = (min: max(0, apy / 3), max: max(apy * 3, 0.01))
        let market = try MarketDeployment.seededMarket(
            rateMin: band.min, rateMax: band.max, desiredImpliedApy: apy, annualFee: fee,
            reserveFeePercent: 80, expiry: now + seconds, now: now,
            assetLiquidity: liquidity, pyIndex: index)
        let exact = try #require(market.converted(to: Wad.self))
        return PendleV2Curve(market: exact, pyIndex: try #require(Wad(rounding: index)))
    }

    static func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    // MARK: Lock-in

    /// The purchase is the router's defined exact-in answer: the same as `swapExactSyForPt`, its cost fits the
    /// budget, and one more wei of PT does not.
    @Test(arguments: [0.003, 0.05])
    func lockInBuysTheRoutersAnswer(apy: Double) throws {
        let curve = try Self.curve(apy: apy)
        let result = try LockIn.compute(LockInRequest(size: .sy(Wad(units: 5_000))), curve: curve, at: Self.now)
        let swap = try PendleMarketMath.swap(
            .swapExactSyForPt, market: curve.market, pyIndex: curve.pyIndex, amount: Wad(units: 5_000),
            blockTime: Self.now)
        #expect(result.ptOut == swap.amountOut && result.sySpent == swap.amountIn)
        let cost = try PendleMarketMath.executeTradeCore(curve.market, pyIndex: curve.pyIndex, netPtToAccount: result.ptOut, blockTime: Self.now)
        #expect(try cost.netSyToAccount.negated() <= Wad(units: 5_000))
        let more = try PendleMarketMath.executeTradeCore(
            curve.market, pyIndex: curve.pyIndex, netPtToAccount: try result.ptOut + Wad(wei: 1),
            blockTime: Self.now)
        #expect(try more.netSyToAccount.negated() > Wad(units: 5_000))
    }

    /// `fixedApy = (ptOut / (syIn · pyIndex))^(1/τ) − 1`; the fee and the impact split `spotApy − fixedApy`
    /// exactly; the fee costs `lnFeeRateRoot` of ln(1 + APY) on a small trade.
    @Test(arguments: [0.003, 0.05])
    func fixedApyClosedForms(apy: Double) throws {
        let curve = try Self.curve(apy: apy, seconds: Self.year / 2)
        let result = try LockIn.compute(LockInRequest(size: .sy(Wad(units: 100))), curve: curve, at: Self.now)
        let tau = 0.5
        let ratio = result.ptOut.doubleValue / (100 * curve.pyIndex.doubleValue)
        #expect(Self.relativeError(result.fixedApy, Foundation.pow(ratio, 1 / tau) - 1) < 1e-9)
        #expect(abs(result.spotApy - result.fixedApy - (result.feeApy + result.impactApy)) < 1e-15)
        #expect(result.feeApy > 0 && result.impactApy >= 0 && result.fixedApy < result.spotApy)
        // The fee-free purchase is the router's on a copy of the state with lnFeeRateRoot = 0.
        var feeFree = curve.market
        feeFree.lnFeeRateRoot = .zero
        let swap = try PendleMarketMath.swap(.swapExactSyForPt, market: feeFree, pyIndex: curve.pyIndex, amount: Wad(units: 100), blockTime: Self.now)
        // A trade of n PT executes at the curve's rate r(n) divided by the fee factor: in ln(1 + APY) the fee
        // costs exactly lnFeeRateRoot, and the larger fee-free purchase the difference of ln r between the two sizes.
        let comp = try PendleMarketMath.getMarketPreCompute(curve.market, pyIndex: curve.pyIndex, blockTime: Self.now)
        let rateWithFee = PendleMarketMath.exchangeRateAndSlope(curve.market, comp, netPtToAccount: result.ptOut).rate
        let rateFeeFree = PendleMarketMath.exchangeRateAndSlope(curve.market, comp, netPtToAccount: swap.amountOut).rate
        let lnFee = curve.market.lnFeeRateRoot.doubleValue
        let expected = lnFee + (Foundation.log(rateFeeFree) - Foundation.log(rateWithFee)) / tau
        #expect(abs(Foundation.log1p(result.fixedApyWithoutFee) - Foundation.log1p(result.fixedApy) - expected) < 1e-11)
        let feeFreeApy = LockIn.apy(ptOut: swap.amountOut.doubleValue, syIn: 100, assetPerSy: curve.pyIndex.doubleValue, years: tau)
        #expect(result.fixedApyWithoutFee == feeFreeApy)
        // The same rate as the quote's effective implied APY of the same swap (Pendle's definition).
        let quote = try PendleMarketMath.quote(
            .swapExactSyForPt, market: curve.market, pyIndex: curve.pyIndex, amount: Wad(units: 100),
            blockTime: Self.now)
        #expect(abs(quote.effectiveImpliedApy - result.fixedApy) < 1e-14)
        // A 0.1 %/yr fee on a 0.3 % market takes about a third of the yield.
        if apy == 0.003 { #expect(abs((result.feeShareOfSpotApy ?? 0) - 1.0 / 3) < 0.01) }
    }

    /// The same lock-in in `Double` (the same algorithm on the converted state) agrees with the exact one.
    @Test func doubleCurveAgrees() throws {
        let curve = try Self.curve(apy: 0.05)
        let exact = try LockIn.compute(LockInRequest(size: .sy(Wad(units: 10_000))), curve: curve, at: Self.now)
        let approx = PendleV2Curve(market: try #require(curve.market.converted(to: Double.self)), pyIndex: curve.pyIndex.doubleValue)
        let real = try LockIn.compute(LockInRequest(size: .sy(Wad(units: 10_000))), curve: approx, at: Self.now)
        #expect(Self.relativeError(real.ptOut, exact.ptOut.doubleValue) < 1e-12)
        #expect(abs(real.fixedApy - exact.fixedApy) < 1e-10)
    }

    /// A size in USD, shares, tokens or SY converts to the same SY: USD at the stock price, shares at the
    /// PY index (assetToSy, rounded down), tokens one to one.
    @Test func sizingUnitsAgree() throws {
        let curve = try Self.curve()
        let index = curve.pyIndex
        let fromUsd = try PositionSizing.convert(.usd(Wad(units: 23_000)), assetPerSy: index, stockPrice: 230)
        let fromShares = try PositionSizing.convert(.shares(Wad(units: 100)), assetPerSy: index, stockPrice: 230)
        let sy = try Wad(units: 100).assetToSy(index: index)
        let fromSy = try PositionSizing.convert(.sy(sy), assetPerSy: index, stockPrice: 230)
        let fromTokens = try PositionSizing.convert(.tokens(sy), assetPerSy: index, stockPrice: nil)
        #expect(fromUsd.sy == sy && fromShares.sy == sy && fromSy.sy == sy && fromTokens.sy == sy)
        #expect(Self.relativeError(fromUsd.shares, 100) < 1e-15 && Self.relativeError(fromUsd.usd ?? 0, 23_000) < 1e-15)
        #expect(sy.raw == (Int256(100) &* PMath.iOne &* PMath.iOne).dividedReportingOverflow(by: index.raw).partialValue)
        // A price written as 229.37 is read as exactly 229.37.
        let odd = try PositionSizing.convert(.usd(Wad(units: 22_937)), assetPerSy: Wad.one, stockPrice: 229.37)
        #expect(odd.sy == Wad(units: 100))
        #expect(throws: StrategyError.nonPositiveSize(unit: "shares", value: "0")) {
            try PositionSizing.convert(.shares(.zero), assetPerSy: index, stockPrice: nil)
        }
        #expect(throws: StrategyError.missingStockPrice(purpose: "a size in USD")) {
            try PositionSizing.convert(.usd(Wad(units: 1)), assetPerSy: index, stockPrice: nil)
        }
        #expect(throws: StrategyError.sizeRoundsToZero(unit: "shares", value: "0.000000000000000001")) {
            try PositionSizing.convert(.shares(Wad(wei: 1)), assetPerSy: Wad(units: 2), stockPrice: nil)
        }
    }

    /// USD at maturity and its scenarios; the static dollar hedges against their closed forms.
    @Test func dollarResultsAndHedges() throws {
        let curve = try Self.curve(apy: 0.01)
        let tau = 1.0
        var request = LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: 200, priceScenarios: .prices([150, 200, 250]))
        request.dollarHedge = DollarHedgeRequest(instrument: .perp(fundingApr: 0.08), initialMargin: 0.25)
        let perp = try LockIn.compute(request, curve: curve, at: Self.now)
        let n = perp.sharesAtMaturity
        #expect(perp.usdAtMaturity == n * 200 && perp.priceScenarios.map(\.usdAtMaturity) == [n * 150, n * 200, n * 250])
        #expect(Self.relativeError(perp.usdApy ?? 0, n * 200 / 10_000 - 1) < 1e-12)
        let hedge = try #require(perp.dollarHedge)
        #expect(hedge.shortShares == n && Self.relativeError(hedge.usdAtMaturity, n * 200 * (1 + 0.08 * tau)) < 1e-15)
        #expect(Self.relativeError(hedge.dollarApy, hedge.usdAtMaturity / 10_000 - 1) < 1e-12)
        let margin = 0.25 * n * 200
        #expect(Self.relativeError(hedge.dollarApyOnCapital, (hedge.usdAtMaturity + margin) / (10_000 + margin) - 1) < 1e-12)
        #expect(perp.priceScenarios.allSatisfy { $0.hedgedUsdAtMaturity == hedge.usdAtMaturity })

        request.dollarHedge = DollarHedgeRequest(instrument: .borrowedStock(borrowFeeApr: 0.01, rebateApr: 0.04, dividends: .grossYield(0.005)))
        let short = try #require(try LockIn.compute(request, curve: curve, at: Self.now).dollarHedge)
        #expect(Self.relativeError(short.usdAtMaturity, n * 200 * (1 + (0.04 - 0.01 - 0.005) * tau)) < 1e-14)
        #expect(abs(short.carryApr - 0.025) < 1e-15 && Self.relativeError(short.dividendsOwedUsd ?? 0, n * 200 * 0.005) < 1e-14)
        request.dollarHedge = nil
        request.stockPrice = nil
        request.size = .sy(Wad(units: 100))
        request.dollarHedge = DollarHedgeRequest(instrument: .perp(fundingApr: 0))
        #expect(throws: StrategyError.missingStockPrice(purpose: "a dollar hedge")) { try LockIn.compute(request, curve: curve, at: Self.now) }
    }

    /// Holding the token instead: at a given APY, and from a schedule's listed dividends.
    @Test func holdComparison() throws {
        let curve = try Self.curve(apy: 0.004)
        var request = LockInRequest(size: .shares(Wad(units: 1_000)), hold: .tokenApy(0.0032))
        let result = try LockIn.compute(request, curve: curve, at: Self.now)
        let hold = try #require(result.hold)
        let shares = try Wad(units: 1_000).assetToSy(index: curve.pyIndex).doubleValue * curve.pyIndex.doubleValue
        #expect(Self.relativeError(hold.sharesAtMaturity, shares * 1.0032) < 1e-14)
        #expect(abs(hold.lockinMinusHoldShares - (result.sharesAtMaturity - hold.sharesAtMaturity)) < 1e-9)
        #expect(hold.breakEvenTokenApy == result.fixedApy)
        #expect(Self.relativeError(hold.breakEvenGrossDividendYield ?? 0, result.fixedApy / 0.7) < 1e-15)
        // Two dividends listed before expiry (one after it is ignored): growth Π(1 + d(1 − w)/P).
        let day: Int64 = 86_400
        let schedule = try DividendSchedule(actions: [
            .dividend(DividendEvent(exDate: Self.now - 90 * day, amountPerShareUsd: Wad(decimal: "0.25")!, reinvestPriceUsd: Wad(units: 220))),
            .dividend(DividendEvent(exDate: Self.now + 30 * day, amountPerShareUsd: Wad(decimal: "0.26")!, reinvestPriceUsd: Wad(units: 230))),
            .dividend(DividendEvent(exDate: Self.now + 120 * day, amountPerShareUsd: Wad(decimal: "0.26")!)),
            .dividend(DividendEvent(exDate: Self.now + 400 * day, amountPerShareUsd: Wad(decimal: "0.27")!, reinvestPriceUsd: Wad(units: 250)))
        ])
        request.hold = .schedule(schedule, prices: .flat(usdPerShare: Wad(units: 240)))
        let listed = try #require(try LockIn.compute(request, curve: curve, at: Self.now).hold)
        let growth = (1 + 0.26 * 0.7 / 230) * (1 + 0.26 * 0.7 / 240)
        #expect(listed.basis == "listedDividends" && Self.relativeError(listed.sharesAtMaturity, shares * growth) < 1e-14)
        // None listed in the period: the trailing gross yield continues, credited continuously.
        let past = try DividendSchedule(actions: schedule.actions.filter { $0.date < Self.now })
        let outlook = try DividendOutlook.project(
            schedule: past, from: Self.now, to: Self.now + Self.year, withholding: .standard,
            prices: .eventPricesOnly)
        #expect(outlook.basis == .trailingYield)
        // One dividend: the window is 365 days before it, so q = 0.25 / 220 a year.
        #expect(Self.relativeError(outlook.grossAnnualYield, 0.25 / 220) < 1e-14)
        #expect(Self.relativeError(outlook.netGrowth, Foundation.exp(0.25 / 220 * 0.7)) < 1e-14)
        #expect(outlook.warnings.isEmpty)
        // A schedule whose last row is more than a typical gap (here 365 days) before the period: stale, and said so.
        let stale = try DividendOutlook.project(
            schedule: past, from: Self.now + Self.year, to: Self.now + 2 * Self.year,
            withholding: .standard, prices: .eventPricesOnly)
        #expect(stale.warnings.count == 1 && stale.warnings[0].contains("more than a typical gap"))
    }

    // MARK: Short YT

    /// A token holder's short: the exact amounts, the premium, the effective short APY, the PnL rows, and the
    /// break-even equal to the effective short APY.
    @Test(arguments: [0.003, 0.05])
    func tokenHolderShort(apy: Double) throws {
        let curve = try Self.curve(apy: apy)
        let request = ShortYTRequest(
            size: .position(.shares(Wad(decimal: "1234.5")!)), fraction: Wad(decimal: "0.8")!,
            realizedApys: [0, apy / 2, apy, 2 * apy], stockPrice: 230)
        let result = try ShortYT.compute(request, curve: curve, at: Self.now)
        let ytSold = try Wad.mulDivRaw(Wad(decimal: "1234.5")!, Wad(decimal: "0.8")!, .one)
        #expect(result.ytSold == ytSold && result.incomeHedgeRatio == 1)
        let toMint = try ytSold.assetToSyUp(index: curve.pyIndex)
        #expect(result.syToMint == toMint)
        let kept = try result.ptMinted - ytSold
        #expect(result.ptMinted >= ytSold && result.ytKept == kept)
        let swap = try PendleMarketMath.swap(.swapExactYtForSy, market: curve.market, pyIndex: curve.pyIndex, amount: ytSold, blockTime: Self.now)
        #expect(result.syReceived == swap.amountOut)
        let premium = swap.amountOut.doubleValue * curve.pyIndex.doubleValue
        #expect(Self.relativeError(result.premiumShares, premium) < 1e-15)
        let price = premium / ytSold.doubleValue
        #expect(Self.relativeError(result.effectiveShortApy, Foundation.pow(1 - price, -1) - 1) < 1e-9)
        #expect(Self.relativeError(try #require(result.breakEvenApy), result.effectiveShortApy) < 1e-9)
        for row in result.pnl {
            let g = Foundation.pow(1 + row.realizedApy, 1.0)
            #expect(abs(row.pnlShares - (premium * g - ytSold.doubleValue * (g - 1))) < 1e-9 * ytSold.doubleValue)
            #expect(row.pnlUsd == row.pnlShares * 230)
        }
        // At the break-even APY the PnL is zero (to 1e-9 of the YT sold).
        let atBreakEven = try ShortYT.compute(
            ShortYTRequest(
                size: request.size, fraction: request.fraction,
                realizedApys: [try #require(result.breakEvenApy)]), curve: curve, at: Self.now)
        #expect(abs(atBreakEven.pnl[0].pnlShares) < 1e-9 * ytSold.doubleValue)
        #expect(result.pnl[0].pnlShares > 0 && result.pnl[3].pnlShares < 0)
        // Capital: SY spent to mint, in shares, minus the premium.
        #expect(Self.relativeError(result.capitalShares, result.syToMint.doubleValue * curve.pyIndex.doubleValue - premium) < 1e-12)
        #expect(Self.relativeError(try #require(result.breakEvenGrossDividendYield), try #require(result.breakEvenApy) / 0.7) < 1e-15)
    }

    /// A stock holder's short: the income ratio, the loan, the borrow fee in the PnL and the break-even.
    @Test func stockHolderShort() throws {
        let curve = try Self.curve(apy: 0.01, seconds: Self.year / 2)
        let treaty = Withholding.treaty
        let request = ShortYTRequest(
            size: .position(.shares(Wad(units: 1_000))), heldAs: .stock, holderWithholding: treaty,
            tokenWithholding: .standard, borrowFeeApr: 0.002, realizedApys: [0, 0.01])
        let result = try ShortYT.compute(request, curve: curve, at: Self.now)
        #expect(Self.relativeError(result.incomeHedgeRatio, 0.85 / 0.7) < 1e-15)
        // ⌊1000 · 0.85 / 0.7⌋ wei.
        let expected = (Int256(1_000) &* PMath.iOne &* Int256(85)).dividedReportingOverflow(by: Int256(70)).partialValue
        #expect(result.ytSold.raw == expected)
        #expect(result.loanSy == result.syToMint && result.loanSy.isPositive)
        let tau = 0.5
        let sold = result.ytSold.doubleValue
        let premium = result.premiumShares
        #expect(Self.relativeError(result.borrowCostShares, sold * 0.002 * tau) < 1e-15)
        for row in result.pnl {
            let g = Foundation.pow(1 + row.realizedApy, tau)
            #expect(abs(row.pnlShares - (premium * g - sold * (g - 1) - sold * 0.002 * tau)) < 1e-9 * sold)
        }
        let breakEven = try #require(result.breakEvenApy)
        #expect(Self.relativeError(breakEven, Foundation.pow((1 - 0.002 * tau) / (1 - premium / sold), 1 / tau) - 1) < 1e-12)
        let check = try ShortYT.compute(
            ShortYTRequest(
                size: request.size, heldAs: .stock, holderWithholding: treaty, borrowFeeApr: 0.002,
                realizedApys: [breakEven]), curve: curve, at: Self.now)
        #expect(abs(check.pnl[0].pnlShares) < 1e-9 * sold)
        #expect(Self.relativeError(result.capitalShares, result.syToMint.doubleValue * curve.pyIndex.doubleValue) < 1e-15)
        // A borrow fee above what the premium pays: a negative break-even, and no dividend yield breaks even.
        let costly = try ShortYT.compute(ShortYTRequest(size: request.size, heldAs: .stock, borrowFeeApr: 0.05), curve: curve, at: Self.now)
        #expect((costly.breakEvenApy ?? 0) < 0 && costly.breakEvenGrossDividendYield == nil)
    }

    /// Selling YT already held mints nothing; bad requests are named errors.
    @Test func heldYtAndBadRequests() throws {
        let curve = try Self.curve(apy: 0.01)
        let held = try ShortYT.compute(ShortYTRequest(size: .yieldTokens(Wad(units: 50))), curve: curve, at: Self.now)
        #expect(held.ytSold == Wad(units: 50) && held.syToMint.isZero && held.ptMinted.isZero && held.ytKept.isZero)
        #expect(held.capitalShares == -held.premiumShares)
        #expect(throws: StrategyError.self) {
            try ShortYT.compute(ShortYTRequest(size: .yieldTokens(Wad(units: 1)), fraction: Wad(decimal: "1.5")!), curve: curve, at: Self.now)
        }
        #expect(throws: StrategyError.self) {
            try ShortYT.compute(ShortYTRequest(size: .yieldTokens(Wad(units: 1)), fraction: .zero), curve: curve, at: Self.now)
        }
        #expect(throws: StrategyError.self) {
            try ShortYT.compute(ShortYTRequest(size: .yieldTokens(Wad(units: 1)), heldAs: .stock), curve: curve, at: Self.now)
        }
        #expect(throws: StrategyError.self) {
            try ShortYT.compute(
                ShortYTRequest(
                    size: .position(.shares(Wad(units: 1))), heldAs: .stock,
                    tokenWithholding: try Withholding(rate: .one)), curve: curve, at: Self.now)
        }
        #expect(throws: PendleError.marketExpired(expiry: curve.market.expiry, blockTime: Self.now + Self.year)) {
            try ShortYT.compute(ShortYTRequest(size: .yieldTokens(Wad(units: 1))), curve: curve, at: Self.now + Self.year)
        }
        #expect(throws: SwapError.self) {
            try LockIn.compute(LockInRequest(size: .sy(Wad(units: 100_000_000))), curve: curve, at: Self.now)
        }
    }

    /// The income hedge ratio's closed form.
    @Test func incomeHedgeRatio() throws {
        #expect(try IncomeHedge.ratio(heldAs: .token, holderWithholding: .exempt, tokenWithholding: .standard) == 1)
        #expect(try IncomeHedge.ratio(heldAs: .stock, holderWithholding: .standard, tokenWithholding: .standard) == 1)
        #expect(abs(try IncomeHedge.ratio(heldAs: .stock, holderWithholding: .exempt, tokenWithholding: .standard) - 1 / 0.7) < 1e-15)
    }
}
