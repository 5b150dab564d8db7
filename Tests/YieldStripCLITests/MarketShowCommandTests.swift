import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip market show`: table, JSON against the library, and the JSON equal to the batch op
/// `marketSnapshot`'s answer.
@Suite struct MarketShowCommandTests {
    static let blockTime: Int64 = 1_780_272_000  // 2026-06-01

    @Test func jsonFieldsMatchTheLibrary() throws {
        let object = try JSONOutput.object(yieldstrip("market", "show", "--market", MarketExamples.aapl, "--at", "2026-06-01", "--json"))
        let file = try MarketExamples.load(MarketExamples.aapl)
        let snapshot = try PendleMarketMath.snapshot(file.market, pyIndex: file.pyIndex, blockTime: Self.blockTime)
        let comp = try PendleMarketMath.getMarketPreCompute(file.market, pyIndex: file.pyIndex, blockTime: Self.blockTime)
        #expect(object["impliedApy"] == JSONOutput.text(snapshot.impliedApy))
        #expect(object["ptPriceInAsset"] == JSONOutput.text(snapshot.ptPriceInAsset))
        #expect(object["ytLeverage"] == snapshot.ytLeverage.map(JSONOutput.text))
        #expect(object["proportion"] == JSONOutput.text(snapshot.proportion))
        #expect(object["rateScalar"] == JSONOutput.text(snapshot.rateScalar))
        #expect(object["rateAnchor"] == JSONOutput.text(snapshot.rateAnchor))
        #expect(object["feeRate"] == JSONOutput.text(snapshot.feeRate))
        #expect(object["annualFeeRate"] == JSONOutput.text(snapshot.annualFeeRate))
        // The largest PT legs in wei, exactly the library's (and, in units, its snapshot's).
        let buy = PendleMarketMath.largestPtLeg(file.market, pyIndex: file.pyIndex, blockTime: Self.blockTime, buyingPt: true)
        let sell = PendleMarketMath.largestPtLeg(file.market, pyIndex: file.pyIndex, blockTime: Self.blockTime, buyingPt: false)
        #expect(buy.isPositive && sell.isPositive)
        #expect(object["largestPtBuy"] == .wei(buy.raw) && object["largestPtSell"] == .wei(sell.raw))
        #expect(snapshot.largestPtBuy == buy && snapshot.largestPtSell == sell)
        #expect(object["ptPerBasisPointSell"] == JSONOutput.text(snapshot.ptPerBasisPointSell))
        #expect(object["secondsToExpiry"] == .number(JSONNumber(snapshot.secondsToExpiry)))
        #expect(object["totalPt"] == .wei(file.market.totalPt.raw))
        #expect(object["totalAsset"] == .wei(comp.totalAsset.raw))
        #expect(JSONOutput.member(object, "exact.rateAnchor") == .wei(comp.rateAnchor.raw))
        let exchangeRate = try ImpliedRateMath.exchangeRate(
            fromLnImpliedRate: file.market.lastLnImpliedRate,
            secondsToExpiry: snapshot.secondsToExpiry)
        #expect(JSONOutput.member(object, "exact.ptPerAsset") == .wei(exchangeRate.raw))
        let stockPrice = try #require(file.stockPrice)
        #expect(object["ptPriceUsd"] == JSONOutput.text(stockPrice * snapshot.ptPriceInAsset))
        #expect(object["ytPriceUsd"] == JSONOutput.text(stockPrice * snapshot.ytPriceInAsset))
    }

    /// The three doors: the command's JSON is the batch op's answer for the same inputs.
    @Test(arguments: MarketExamples.all)
    func jsonIsTheBatchAnswer(path: String) throws {
        let file = try MarketExamples.load(path)
        let blockTime = try #require(file.blockTime) + 3600
        let command = try JSONOutput.object(yieldstrip("market", "show", "--market", path, "--at", String(blockTime), "--json"))
        let answer = try JSONOutput.batchAnswer(try MarketExamples.batchLine(path, op: "marketSnapshot", blockTime: blockTime))
        #expect(command == answer)
        #expect(command.keys == answer.keys && !command.keys.isEmpty)
    }

    @Test func usdFieldsAreNullWithoutAStockPrice() throws {
        let object = try JSONOutput.object(yieldstrip("market", "show", "--market", MarketExamples.highYield, "--json"))
        for key in ["stockPrice", "syPriceUsd", "ptPriceUsd", "ytPriceUsd", "poolValueUsd"] { #expect(object[key] == .null) }
        #expect(!yieldstrip("market", "show", "--market", MarketExamples.highYield).stdout.contains("USD"))
    }

    @Test func table() throws {
        let run = yieldstrip("market", "show", "--market", MarketExamples.aapl)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("AAPL-like stock token, 4 MAR 2027 (AAPL)\nsource: illustrative: "))
        for line in [
            "block time                             2026-03-02T14:30:00Z (market file)\n",
            "implied APY                                                       0.3000%\n",
            "YT leverage (1 / YT price)                                         333.06\n",
            "total asset (SY at PY index)                     67192.528435698826797306\n",
            "PT bought per −1 bp APY (first order)                          747.889470\n",
            "PT sold per +1 bp APY (first order)                            747.957693\n",
            "PT price (USD)                                                   229.3094\n",
            "exact PT price (wad)                                  0.99699755198149252\n"
        ] {
            #expect(run.stdout.contains(line), "\(line)")
        }
    }

    /// The basis-point rows say which side they apply to: buying the first row's PT lowers the implied APY
    /// by about one basis point, selling the second's raises it by about one (first order: within 1.5 %).
    @Test func basisPointRowsGiveTheirSide() throws {
        let snapshot = try JSONOutput.object(yieldstrip("market", "show", "--market", MarketExamples.aapl, "--json"))
        for (direction, field, sign) in [("--buy-pt", "ptPerBasisPointBuy", -1.0), ("--sell-pt", "ptPerBasisPointSell", 1.0)] {
            let size = try #require(JSONOutput.number(snapshot, field))
            let amount = String(format: "%.12f", size)
            let inPt = direction == "--buy-pt" ? ["--in", "pt"] : []
            let quote = try JSONOutput.object(
                CLI.run(arguments: ["quote", "--market", MarketExamples.aapl, direction, "--amount", amount, "--json"] + inPt))
            let b = try #require(JSONOutput.number(quote, "impliedApyBefore"))
            let a = try #require(JSONOutput.number(quote, "impliedApyAfter"))
            let moveBp = (a - b) * 1e4 * sign
            #expect(moveBp > 0.985 && moveBp < 1.015, "\(direction): \(moveBp) bp")
        }
    }

    @Test func deterministicAt() {
        let first = yieldstrip("market", "show", "--market", MarketExamples.nearExpiry, "--at", "2026-06-23T00:00:00Z")
        #expect(first.exitCode == 0)
        #expect(first == yieldstrip("market", "show", "--market", MarketExamples.nearExpiry, "--at", "2026-06-23T00:00:00Z"))
    }

    @Test func batchRequiresBlockTime() throws {
        let line = try MarketExamples.batchLine(MarketExamples.aapl, op: "marketSnapshot", blockTime: 0)
            .replacingOccurrences(of: #","blockTime":0"#, with: "")
        let answer = try JSONOutput.batchAnswer(line)
        #expect(answer["error"] == "BadRequest" && answer["errorArgs"] == ["blockTime"])
    }

    @Test func help() {
        let run = yieldstrip("market", "show", "--help")
        #expect(run.exitCode == 0 && run.stdout.contains("USAGE: yieldstrip market show --market <file> [--at <time>] [--json] [--csv]\n"))
        #expect(yieldstrip("market") == yieldstrip("market", "--help"))
        expectFailure(yieldstrip("market", "show"), exitCode: 2, containing: "Missing expected argument '--market <file>'")
        expectFailure(yieldstrip("market", "frob"), exitCode: 2, containing: "Unknown subcommand 'frob'")
    }
}
