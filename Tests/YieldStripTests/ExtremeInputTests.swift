import Testing
import YieldStrip

/// Inputs at the ends of their types never trap: times at `Int64.min` / `Int64.max`, negative PY
/// indexes, zero amounts. Each is a typed error or a defined answer.
@Suite struct ExtremeInputTests {
    static let market = MarketState<Wad>(
        totalPt: Wad(decimal: "1000")!, totalSy: Wad(decimal: "1000")!, totalLp: Wad(decimal: "1000")!,
        scalarRoot: Wad(decimal: "20")!, expiry: 1_800_000_000, lnFeeRateRoot: Wad(decimal: "0.001")!,
        reserveFeePercent: 80, lastLnImpliedRate: Wad(decimal: "0.05")!)

    @Test(arguments: [Int64.min, Int64.min + 1, -1])
    func extremeBlockTimes(blockTime: Int64) {
        var far = Self.market
        far.expiry = .max
        #expect(throws: PendleError.arithmeticOverflow) {
            try PendleMarketMath.executeTradeCore(far, pyIndex: .one, netPtToAccount: Wad(units: 1), blockTime: blockTime)
        }
        #expect(throws: PendleError.self) { try PendleMarketMath.snapshot(far, pyIndex: .one, blockTime: blockTime) }
        #expect(throws: PendleError.marketExpired(expiry: Self.market.expiry, blockTime: .max)) {
            try PendleMarketMath.executeTradeCore(Self.market, pyIndex: .one, netPtToAccount: Wad(units: 1), blockTime: .max)
        }
    }

    @Test func negativeTimesInTheCurveHelpers() {
        #expect(throws: PendleError.arithmeticOverflow) {
            try PendleMarketMath.getExchangeRateFromImpliedRate(Wad(decimal: "0.05")!, timeToExpiry: -5)
        }
        #expect(throws: PendleError.arithmeticOverflow) { try PendleMarketMath.getExchangeRateFromImpliedRate(0.05, timeToExpiry: -5) }
        #expect(throws: PendleError.arithmeticOverflow) { try PendleMarketMath.getRateScalar(20.0, timeToExpiry: -5) }
        #expect(throws: PendleError.divisionByZero) { try PendleMarketMath.getRateScalar(Wad(units: 20), timeToExpiry: 0) }
        #expect(throws: PendleError.divisionByZero) { try PendleMarketMath.getRateScalar(20.0, timeToExpiry: 0) }
    }

    @Test func negativePyIndexIsRefusedInBothScalars() {
        let index = Wad(decimal: "-10000000000000000000")!
        for kind in SwapKind.allCases {
            #expect(throws: PendleError.castOutOfRange) {
                try PendleMarketMath.swap(kind, market: Self.market, pyIndex: index, amount: Wad(units: 1), blockTime: 1_780_000_000)
            }
            #expect(throws: PendleError.castOutOfRange) {
                try PendleMarketMath.swap(
                    kind, market: Self.market.converted(to: Double.self)!, pyIndex: -1e19, amount: 1,
                    blockTime: 1_780_000_000)
            }
        }
    }

    @Test func zeroExactOutputSellsNothing() throws {
        let exact = try PendleMarketMath.swap(.swapPtForExactSy, market: Self.market, pyIndex: .one, amount: .zero, blockTime: 1_780_000_000)
        let approx = try PendleMarketMath.swap(
            .swapPtForExactSy, market: Self.market.converted(to: Double.self)!, pyIndex: 1,
            amount: 0, blockTime: 1_780_000_000)
        #expect(exact.amountIn == .zero && exact.trade == nil && approx.amountIn == 0)
    }

    @Test func tokenizationDatesAtTheEndsOfInt64() throws {
        // Year fractions never overflow, whatever the two times.
        #expect(RateConventions.years(from: .min, to: .max) > 5e11)
        #expect(throws: TokenizationError.self) {
            try SplitReport.compute(tokens: Wad(units: 1), exchangeRate: .one, expiry: .max, valuationTime: .min, ptImpliedApy: -0.5)
        }
        let split = try SplitReport.compute(tokens: Wad(units: 1), exchangeRate: .one, expiry: .max, valuationTime: .min)
        #expect(split.yearsToExpiry.map { $0 > 5e11 } == true)
    }
}
