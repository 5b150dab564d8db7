import Testing
@testable import YieldStripCLI

/// Bad market input never traps: each is an error line from `batch` (which goes on) with a stable name.
@Suite struct MarketBadInputTests {
    static let market = #"{"totalPt":"1000000000000000000000","totalSy":"1000000000000000000000","totalLp":"1000000000000000000000","scalarRoot":"20000000000000000000","expiry":1800000000,"lnFeeRateRoot":"1000000000000000","reserveFeePercent":80,"lastLnImpliedRate":"50000000000000000"}"#

    func answer(_ line: String) -> JSONObject? {
        guard let text = BatchRunner().answer(toLine: line), case .object(let object) = try? JSONReader.parse(Array(text.utf8)) else {
            return nil
        }
        return object
    }

    func error(_ line: String) -> String? {
        guard case .string(let name)? = answer(line)?["error"] else { return nil }
        return name
    }

    func trade(market: String = market, index: String = "\"1000000000000000000\"", time: Int = 1_780_000_000, net: String = "\"1000000000000000000\"") -> String {
        #"{"op":"executeTradeCore","market":\#(market),"pyIndex":\#(index),"blockTime":\#(time),"netPtToAccount":\#(net)}"#
    }

    @Test func aHealthyTradeSucceeds() {
        #expect(answer(trade())?["netSyToAccount"] != nil)
    }

    @Test func zeroOrNegativeReserves() {
        #expect(error(trade(market: Self.market.replacingOccurrences(of: #""totalSy":"1000000000000000000000""#, with: #""totalSy":"0""#)))
                == "MarketZeroTotalPtOrTotalAsset")
        #expect(error(trade(market: Self.market.replacingOccurrences(of: #""totalPt":"1000000000000000000000""#, with: #""totalPt":"-5""#)))
                == "MarketInsufficientPtForTrade")
    }

    @Test func expiredMarket() {
        #expect(error(trade(time: 1_800_000_000)) == "MarketExpired")
        #expect(error(trade(time: 1_900_000_000)) == "MarketExpired")
    }

    @Test func proportionAbove96Percent() {
        // Selling 30 times the pool's PT pushes the proportion far above 0.96.
        #expect(error(trade(net: "\"-30000000000000000000000\"")) == "MarketProportionTooHigh")
    }

    @Test func absurdScalarRoot() {
        let huge = Self.market.replacingOccurrences(of: #""scalarRoot":"20000000000000000000""#,
                                                    with: #""scalarRoot":"57896044618658097711785492504343953926634992332820282019728792003956564819967""#)
        #expect(error(trade(market: huge)) == "Panic(0x11)")
        let negative = Self.market.replacingOccurrences(of: #""scalarRoot":"20000000000000000000""#, with: #""scalarRoot":"-1""#)
        #expect(error(trade(market: negative)) == "MarketRateScalarBelowZero")
    }

    @Test func numbersBeyond256Bits() {
        let big = "\"" + String(repeating: "9", count: 80) + "\""
        #expect(error(trade(net: big)) == "Overflow")
        #expect(error(trade(index: big)) == "Overflow")
        #expect(error(trade(market: Self.market.replacingOccurrences(of: #""lastLnImpliedRate":"50000000000000000""#,
                                                                   with: #""lastLnImpliedRate":"-1""#))) == "Overflow")
    }

    @Test func malformedJsonAndFields() {
        #expect(error(#"{"op":"executeTradeCore","market":{"totalPt":}"#) == "BadRequest")
        #expect(error(#"{"op":"executeTradeCore","pyIndex":"1","blockTime":1}"#) == "BadRequest")
        #expect(error(trade(net: "\"1.5\"")) == "BadRequest")
        #expect(error(trade(time: -5)) == "BadRequest")
    }

    @Test func negativeSwapAmountsAreRejected() {
        let line = #"{"op":"swapExactSyForPt","market":\#(Self.market),"pyIndex":"1000000000000000000","blockTime":1780000000,"exactSyIn":"-1"}"#
        #expect(error(line) == "NegativeAmount")
    }

    @Test func theBatchGoesOnAfterBadLines() {
        let input = [trade(time: 1_900_000_000), "not json", trade()].joined(separator: "\n") + "\n"
        let run = yieldstrip("batch", stdin: input)
        #expect(run.exitCode == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("MarketExpired") && lines[1].contains("BadRequest") && lines[2].contains("netSyToAccount"))
    }

    @Test func doubleModeAnswersInUnits() {
        let line = trade().replacingOccurrences(of: #""op":"executeTradeCore""#, with: #""op":"executeTradeCore","exact":false"#)
        guard case .number(let sy)? = answer(line)?["netSyToAccount"], case .string(let exactText)? = answer(trade())?["netSyToAccount"],
              let approx = Double(sy.text), let exact = Double(exactText) else {
            Issue.record("missing netSyToAccount"); return
        }
        #expect(abs(approx - exact / 1e18) <= 1e-12 * abs(approx))
    }
}
