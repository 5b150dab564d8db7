import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip depth`: rows against the library, CSV shape, the limit marker, and the JSON equal to
/// the batch op `depth`'s answer.
@Suite struct DepthCommandTests {
    @Test func rowsMatchTheLibrary() throws {
        let object = try JSONOutput.object(yieldstrip("depth", "--market", MarketExamples.aapl, "--json"))
        let file = try MarketExamples.load(MarketExamples.aapl)
        let rows = try PendleMarketMath.depth(file.market, pyIndex: file.pyIndex, blockTime: try #require(file.blockTime))
        guard case .array(let answered)? = object["rows"] else {
            Issue.record("no rows")
            return
        }
        #expect(answered.count == rows.count && rows.count == 10)
        for (value, row) in zip(answered, rows) {
            guard case .object(let answer) = value else { continue }
            #expect(answer["fraction"] == JSONOutput.text(row.fraction))
            #expect(answer["buySyPaid"] == row.buySyPaid.map(JSONOutput.text) ?? .null)
            #expect(answer["sellImpliedApyAfter"] == row.sellImpliedApyAfter.map(JSONOutput.text) ?? .null)
            #expect(answer["buyExceedsLimit"] == .bool(row.buySyPaid == nil))
        }
        #expect(object.keys == ["blockTime", "blockTimeISO", "blockTimeSource", "impliedApy", "rows"])
    }

    /// Buying PT lowers the implied APY, selling raises it, more so for larger sizes.
    @Test func impliedApyMovesTheRightWay() throws {
        let file = try MarketExamples.load(MarketExamples.highYield)
        let rows = try PendleMarketMath.depth(file.market, pyIndex: file.pyIndex, blockTime: try #require(file.blockTime))
        let object = try JSONOutput.object(yieldstrip("depth", "--market", MarketExamples.highYield, "--json"))
        let apy = try #require(JSONOutput.number(object, "impliedApy"))
        var previous = (buy: apy, sell: apy)
        for row in rows {
            let buy = try #require(row.buyImpliedApyAfter)
            let sell = try #require(row.sellImpliedApyAfter)
            #expect(buy < previous.buy && sell > previous.sell)
            previous = (buy, sell)
        }
    }

    @Test(arguments: MarketExamples.all)
    func jsonIsTheBatchAnswer(path: String) throws {
        let blockTime = try #require(try MarketExamples.load(path).blockTime)
        let command = try JSONOutput.object(yieldstrip("depth", "--market", path, "--at", String(blockTime), "--json"))
        #expect(command == (try JSONOutput.batchAnswer(try MarketExamples.batchLine(path, op: "depth", blockTime: blockTime))))
    }

    @Test func csvShape() throws {
        let run = yieldstrip("depth", "--market", MarketExamples.nearExpiry, "--csv")
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 12 && lines.last == "")
        #expect(
            lines[0]
                == "fraction,ptAmount,buySyPaid,buyImpliedApyAfter,buyEffectiveApy,buyExceedsLimit,sellSyReceived,sellImpliedApyAfter,sellEffectiveApy,sellExceedsLimit"
        )
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == 10)
            #expect(Double(fields[0]) != nil && Double(fields[1]) != nil)
            #expect(fields[5] == "true" || fields[5] == "false")
            #expect((fields[5] == "true") == fields[2].isEmpty)
        }
        #expect(lines[10].hasPrefix("0.5,") && lines[10].contains(",false,"))
        // Near expiry at a rate near the band's floor, buying half the pool's PT exceeds the market's limit.
        let files = try TemporaryMarketFiles()
        let limited = yieldstrip("depth", "--market", try Self.marketAtItsLimit(files), "--csv")
        let limitedLines = limited.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(limited.exitCode == 0 && limitedLines.count == 12)
        #expect(limitedLines[10].hasPrefix("0.5,") && limitedLines[10].contains(",,,,true,"))
    }

    @Test func tableMarksTheLimit() throws {
        let run = yieldstrip("depth", "--market", MarketExamples.nearExpiry)
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("SPY-like stock token, 25 JUN 2026, 2.5 days to expiry (SPY)\n"))
        #expect(run.stdout.contains("block time   2026-06-22T12:00:00Z (market file)\n"))
        #expect(run.stdout.contains(" 0.10%     3.339872      3.280542    0.8906%        0.7898%           3.280497    0.8922%        0.9931%\n"))
        #expect(!run.stdout.contains("exceeds limit"))
        let files = try TemporaryMarketFiles()
        let limited = yieldstrip("depth", "--market", try Self.marketAtItsLimit(files))
        #expect(limited.exitCode == 0)
        #expect(
            limited.stdout.contains("\n50.00%  1383.435500  exceeds limit                                  1358.890724    0.3580%        0.4584%\n"))
        #expect(
            limited.stdout.contains("\n 0.10%     2.766871       2.717839    0.2497%        0.1496%           2.717801    0.2503%        0.3505%\n"))
    }

    /// The SPY-like market as it would be priced at 0.25 % in a 0.1 %..1 % band: buying half its PT pushes the
    /// exchange rate below 1 (`MarketExchangeRateBelowOne`).
    static func marketAtItsLimit(_ files: TemporaryMarketFiles) throws -> String {
        let built = try MarketDeployment.newMarket(
            impliedApy: 0.0025, expiry: 1_782_345_600, blockTime: 1_782_129_600, liquidityUsd: 10_000_000,
            stockPrice: 680, apyBand: ApyBand(min: 0.001, max: 0.01),
            pyIndex: try #require(Wad(weiText: "1018030473737342226")))
        #expect(built.file.market.totalPt == Wad(weiText: "2766870999900635069935"))
        return try files.write(built.file.jsonText)
    }

    @Test func usageErrors() {
        expectFailure(
            yieldstrip("depth", "--market", MarketExamples.aapl, "--csv", "--json"), exitCode: 2,
            containing: "Give '--csv' or '--json', not both")
        expectFailure(yieldstrip("depth"), exitCode: 2, containing: "Missing expected argument '--market <file>'")
        expectFailure(yieldstrip("depth", "--market", MarketExamples.aapl, "--rows", "3"), exitCode: 2, containing: "Unknown option '--rows'")
    }

    @Test func help() {
        let run = yieldstrip("depth", "--help")
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("USAGE: yieldstrip depth --market <file> [--at <time>] [--csv] [--svg <file>]\n       [--size <WxH>] [--json]\n"))
    }
}
