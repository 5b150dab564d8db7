import Testing
import YieldStrip

@testable import YieldStripCLI

/// Bad market input never traps: each is an error line from `batch` (which goes on) with a stable name.
@Suite struct MarketBadInputTests {
    static let market =
        #"{"totalPt":"1000000000000000000000","totalSy":"1000000000000000000000","totalLp":"1000000000000000000000","scalarRoot":"20000000000000000000","expiry":1800000000,"lnFeeRateRoot":"1000000000000000","reserveFeePercent":80,"lastLnImpliedRate":"50000000000000000"}"#

    func answer(_ line: String) -> JSONObject? {
        guard case .object(let object) = try? JSONReader.parse(Array(BatchRunner().answer(toLine: line).utf8)) else {
            return nil
        }
        return object
    }

    func error(_ line: String) -> String? {
        guard case .string(let name)? = answer(line)?["error"] else { return nil }
        return name
    }

    func trade(market: String = market, index: String = "\"1000000000000000000\"", time: Int = 1_780_000_000, net: String = "\"1000000000000000000\"")
        -> String
    {
        #"{"op":"executeTradeCore","market":\#(market),"pyIndex":\#(index),"blockTime":\#(time),"netPtToAccount":\#(net)}"#
    }

    @Test func aHealthyTradeSucceeds() {
        #expect(answer(trade())?["netSyToAccount"] != nil)
    }

    @Test func zeroOrNegativeReserves() {
        #expect(
            error(trade(market: Self.market.replacingOccurrences(of: #""totalSy":"1000000000000000000000""#, with: #""totalSy":"0""#)))
                == "MarketZeroTotalPtOrTotalAsset")
    }

    /// Negative balances and a reserve share above the factory's 100 % cap are refused before any math,
    /// naming the field and saying what to change.
    @Test func marketFieldsOutOfTheirDomain() {
        for field in ["totalPt", "totalSy", "totalLp"] {
            let bad = Self.market.replacingOccurrences(of: #""\#(field)":"1000000000000000000000""#, with: #""\#(field)":"-5""#)
            let answer = answer(trade(market: bad))
            #expect(answer?["error"] == "BadRequest" && answer?["errorArgs"] == .array([.string("market." + field)]), "\(String(describing: answer))")
            #expect(answer?["message"].map { "\($0)".contains("must be ≥ 0; got -5 wei") } == true, "\(String(describing: answer))")
        }
        let fee = answer(trade(market: Self.market.replacingOccurrences(of: #""reserveFeePercent":80"#, with: #""reserveFeePercent":101"#)))
        #expect(fee?["error"] == "BadRequest" && fee?["errorArgs"] == ["market.reserveFeePercent"])
        #expect(
            fee?["message"]
                == "field 'market.reserveFeePercent' is 101; it is the reserve's share of fees in percent, which the factory caps at 100: give 0 to 100"
        )
        // The ends of the domains are accepted.
        #expect(
            answer(trade(market: Self.market.replacingOccurrences(of: #""reserveFeePercent":80"#, with: #""reserveFeePercent":100"#)))?[
                "netSyToAccount"] != nil)
        #expect(
            error(trade(market: Self.market.replacingOccurrences(of: #""totalSy":"1000000000000000000000""#, with: #""totalSy":"0""#)))
                == "MarketZeroTotalPtOrTotalAsset")
    }

    @Test func marketFileFieldsOutOfTheirDomainNameTheFile() throws {
        let files = try TemporaryMarketFiles()
        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let negative = try files.write(file.replacingOccurrences(of: #""totalSy": "66977253982529162840049""#, with: #""totalSy": "-1""#))
        expectFailure(
            yieldstrip("market", "show", "--market", negative), exitCode: 1,
            containing: "market file '\(negative)': field 'market.totalSy' is the pool's SY, a balance: it must be ≥ 0; got -1 wei")
        let fee = try files.write(file.replacingOccurrences(of: #""reserveFeePercent": 80"#, with: #""reserveFeePercent": 250"#))
        expectFailure(
            yieldstrip("quote", "--market", fee, "--buy-pt", "--amount", "1"), exitCode: 1,
            containing:
                "market file '\(fee)': field 'market.reserveFeePercent' is 250; it is the reserve's share of fees in percent, which the factory caps at 100"
        )
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
        let huge = Self.market.replacingOccurrences(
            of: #""scalarRoot":"20000000000000000000""#,
            with: #""scalarRoot":"57896044618658097711785492504343953926634992332820282019728792003956564819967""#)
        #expect(error(trade(market: huge)) == "Panic(0x11)")
        let negative = Self.market.replacingOccurrences(of: #""scalarRoot":"20000000000000000000""#, with: #""scalarRoot":"-1""#)
        #expect(error(trade(market: negative)) == "MarketRateScalarBelowZero")
    }

    @Test func numbersBeyond256Bits() {
        let big = "\"" + String(repeating: "9", count: 80) + "\""
        #expect(error(trade(net: big)) == "Overflow")
        #expect(error(trade(index: big)) == "Overflow")
        #expect(
            error(
                trade(
                    market: Self.market.replacingOccurrences(
                        of: #""lastLnImpliedRate":"50000000000000000""#,
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
            let approx = Double(sy.text), let exact = Double(exactText)
        else {
            Issue.record("missing netSyToAccount")
            return
        }
        #expect(abs(approx - exact / 1e18) <= 1e-12 * abs(approx))
    }
}
