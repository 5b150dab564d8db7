import Testing
import YieldStrip

/// The errors about a time not before an expiry carry both times: their message names them, and
/// `message(timeSource:)` adds where the time came from beside it (the command line's wall clock, a market
/// file's block time), which is all a door adds.
@Suite struct TimedErrorTests {
    static let expiry: Int64 = 1_804_118_400  // 2027-03-04T00:00:00Z
    static let late: Int64 = 1_804_204_800  // 2027-03-05T00:00:00Z

    static let errors: [(any TimedError, name: String, timeText: String)] = [
        (PendleError.marketExpired(expiry: expiry, blockTime: late), "MarketExpired", "the block time 2027-03-05T00:00:00Z"),
        (PendleError.yieldContractExpired(expiry: expiry, time: late), "YCExpired", "the valuation time 2027-03-05T00:00:00Z"),
        (
            YieldSpaceError.afterMaturity(timeTillMaturity: "-86400", maturity: expiry, blockTime: late), "AfterMaturity",
            "the block time 2027-03-05T00:00:00Z"
        ),
        (LendingError.ptMatured(expiry: expiry, at: late), "PtMatured", "the time 2027-03-05T00:00:00Z"),
        (RateError.maturityExpired(secondsToExpiry: -86_400, expiry: expiry, now: late), "MaturityExpired", "now 2027-03-05T00:00:00Z")
    ]

    @Test(arguments: 0..<errors.count) func messagesNameBothTimesAndTheSourceWhenGiven(index: Int) {
        let (error, name, timeText) = Self.errors[index]
        #expect(error.errorName == name)
        #expect(error.message.hasPrefix(name + ": ") && error.message.contains("2027-03-04T00:00:00Z"), "\(error.message)")
        #expect(error.message.contains(timeText + " ") || error.message.contains(timeText + ","), "\(error.message)")
        for source in TimeSource.allCases {
            let sourced = error.message(timeSource: source)
            #expect(sourced.contains(timeText + " (\(source.rawValue))"), "\(sourced)")
            #expect(sourced.replacingOccurrences(of: " (\(source.rawValue))", with: "") == error.message)
        }
    }

    /// The contracts' errors keep the contracts' arguments: none for `MarketExpired` and `YCExpired`, the time
    /// till maturity for `AfterMaturity`; the times ride in the message only.
    @Test func contractArgumentsAreUnchanged() {
        #expect(PendleError.marketExpired(expiry: Self.expiry, blockTime: Self.late).errorArgs.isEmpty)
        #expect(PendleError.yieldContractExpired(expiry: nil, time: nil).errorArgs.isEmpty)
        #expect(
            PendleError.yieldContractExpired(expiry: nil, time: nil).message
                == "YCExpired: the yield contract has expired; PT + YT can no longer be minted")
        #expect(YieldSpaceError.afterMaturity(timeTillMaturity: "-86400", maturity: Self.expiry, blockTime: Self.late).errorArgs == ["-86400"])
        // Errors that are not about a time read the same with a source.
        #expect(PendleError.marketZeroAmountsInput.message(timeSource: .wallClock) == PendleError.marketZeroAmountsInput.message)
    }

    /// The errors come from where the times are known: the market's core, the pool at a block time.
    @Test func theLibraryThrowsThemWithTheTimes() throws {
        let market = MarketState<Wad>(
            totalPt: Wad(units: 1000), totalSy: Wad(units: 1000), totalLp: Wad(units: 1000), scalarRoot: Wad(units: 10),
            expiry: Self.expiry, lnFeeRateRoot: .zero, reserveFeePercent: 80, lastLnImpliedRate: Wad(decimal: "0.05")!)
        #expect(throws: PendleError.marketExpired(expiry: Self.expiry, blockTime: Self.expiry)) {
            try PendleMarketMath.executeTradeCore(market, pyIndex: .one, netPtToAccount: Wad(units: 1), blockTime: Self.expiry)
        }
    }
}
