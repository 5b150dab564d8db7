import Testing
import YieldStrip

/// The input structs the doors share are the library's: each computes exactly what the function of
/// separate arguments computes, and the operation enums dispatch to the operation they name.
@Suite struct InputStructTests {
    func w(_ text: String) -> Wad { Wad(decimal: text)! }

    @Test func splitInputsComputeTheSplit() throws {
        var inputs = SplitInputs(tokens: w("100"), exchangeRate: w("1.0123"))
        inputs.pyIndexStored = w("1.01")
        inputs.expiry = 1_804_118_400
        inputs.valuationTime = 1_772_461_800
        inputs.ptImpliedApy = 0.035
        inputs.stockPriceUsd = 230
        let direct = try SplitReport.compute(
            tokens: w("100"), exchangeRate: w("1.0123"), pyIndexStored: w("1.01"), expiry: 1_804_118_400,
            valuationTime: 1_772_461_800, ptImpliedApy: 0.035, stockPriceUsd: 230)
        #expect(try SplitReport.compute(inputs) == direct)
        // 100 SY at the index 1.0123 mint 101.23 PT and YT.
        #expect(direct.amountPt == w("101.23") && direct.amountYt == w("101.23"))
        inputs.valuationTime = inputs.expiry
        #expect(throws: PendleError.yieldContractExpired(expiry: 1_804_118_400, time: 1_804_118_400)) { try SplitReport.compute(inputs) }
    }

    @Test func ytInterestInputsComputeTheInterest() throws {
        var inputs = YTInterestInputs(balance: w("1000"), indexFrom: w("1.0"), indexTo: w("1.1"))
        inputs.feeRate = w("0.03")
        let report = try YTInterestReport.compute(inputs)
        #expect(report == (try YTInterestReport.compute(balance: w("1000"), indexFrom: w("1.0"), indexTo: w("1.1"), feeRate: w("0.03"))))
        // 1000 · (1/1.0 − 1/1.1) = 90.909… SY before the 3 % fee.
        #expect(abs(report.interestSyDouble - 1000 * (1 - 1 / 1.1)) < 1e-9)
    }

    @Test func dividendsInputsResolveThePriceAssumption() throws {
        let schedule = try ScheduleFiles.parseDividendSchedule("ex_date,amount\n2024-11-08,0.25\n2025-02-10,0.25\n", format: .csv)
        var inputs = DividendsInputs(schedule: schedule)
        inputs.priceAssumption = .flat(usdPerShare: nil)
        // `flat` alone takes the stock price given, and refuses without one.
        #expect(throws: TokenizationError.missingInput(field: "price assumption 'flat'", needs: "a stock price (or write flat:PRICE)")) {
            try DividendsReport.compute(inputs)
        }
        inputs.stockPriceUsd = 230
        let report = try DividendsReport.compute(inputs)
        let direct = try DividendsReport.compute(schedule: schedule, prices: .flat(usdPerShare: w("230")), stockPriceUsd: 230)
        #expect(report == direct)
        #expect(PriceAssumptionSpec.growing(usdPerShare: w("230"), annualGrowth: 0.05).text == "growing:230:0.05")
        #expect(PriceAssumptionSpec.flat(usdPerShare: nil).text == "flat" && PriceAssumptionSpec.eventPricesOnly.text == "events")
    }

    @Test func rateFormsAndTimes() throws {
        #expect(RateForm.allCases.map(\.quantity) == [.impliedApy, .ptPriceInAsset, .ytPriceInAsset, .lnImpliedRate, .ptPerAsset])
        #expect(RateForm.allCases.filter(\.isRate) == [.apy, .lnRate])
        let year = RateConventions.secondsPerYear
        let until = RateTime.untilExpiry(expiry: 1_000 + year, now: 1_000, nowSource: .wallClock)
        #expect(try until.secondsToExpiry() == year && (try RateTime.seconds(42).secondsToExpiry()) == 42)
        let quote = try ImpliedRateQuote(.ptPrice, 0.95, time: until)
        #expect(quote == (try ImpliedRateQuote(.ptPriceInAsset, 0.95, secondsToExpiry: year)))
        // A year at PT price 0.95: APY = 1/0.95 − 1.
        #expect(abs(quote.impliedApy - (1 / 0.95 - 1)) < 1e-12)
        #expect(throws: RateError.maturityExpired(secondsToExpiry: -5, expiry: 995, now: 1_000)) {
            try RateTime.untilExpiry(expiry: 995, now: 1_000, nowSource: .given).secondsToExpiry()
        }
    }

    @Test(arguments: SingleSidedLiquidityKind.allCases)
    func liquidityKindsDispatchToTheirOperation(kind: SingleSidedLiquidityKind) throws {
        let market = SingleSidedLiquidityTests.market
        let (index, now) = (SingleSidedLiquidityTests.index, SingleSidedLiquidityTests.now)
        let amount = w("1000")
        let viaKind = try PendleMarketMath.singleSidedLiquidity(kind, market: market, pyIndex: index, amount: amount, blockTime: now)
        let direct: LiquidityResult<Wad>
        switch kind {
        case .addLiquiditySingleSy: direct = try PendleMarketMath.addLiquiditySingleSy(market, pyIndex: index, netSyIn: amount, blockTime: now)
        case .addLiquiditySinglePt: direct = try PendleMarketMath.addLiquiditySinglePt(market, pyIndex: index, netPtIn: amount, blockTime: now)
        case .addLiquiditySingleSyKeepYt:
            direct = try PendleMarketMath.addLiquiditySingleSyKeepYt(market, pyIndex: index, netSyIn: amount, blockTime: now)
        case .removeLiquiditySingleSy:
            direct = try PendleMarketMath.removeLiquiditySingleSy(market, pyIndex: index, lpToRemove: amount, blockTime: now)
        case .removeLiquiditySinglePt:
            direct = try PendleMarketMath.removeLiquiditySinglePt(market, pyIndex: index, lpToRemove: amount, blockTime: now)
        }
        #expect(viaKind.operation == kind.rawValue && direct.operation == kind.rawValue)
        #expect(viaKind.netLp == direct.netLp && viaKind.market == direct.market)
        #expect(viaKind.fields.names == direct.fields.names && viaKind.fields.values == direct.fields.values)
        #expect(kind.amountField == (kind.rawValue.hasPrefix("remove") ? "lpToRemove" : kind.rawValue.contains("Pt") ? "netPtIn" : "netSyIn"))
    }
}
