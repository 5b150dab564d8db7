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
            let buy = try #require(row.buyImpliedApyAfter), sell = try #require(row.sellImpliedApyAfter)
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
        #expect(lines[0] == "fraction,ptAmount,buySyPaid,buyImpliedApyAfter,buyEffectiveApy,buyExceedsLimit,sellSyReceived,sellImpliedApyAfter,sellEffectiveApy,sellExceedsLimit")
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == 10)
            #expect(Double(fields[0]) != nil && Double(fields[1]) != nil)
            #expect(fields[5] == "true" || fields[5] == "false")
            #expect((fields[5] == "true") == fields[2].isEmpty)
        }
        // Near expiry, buying half the pool's PT exceeds the market's limit.
        #expect(lines[10].hasPrefix("0.5,") && lines[10].contains(",,,,true,"))
    }

    @Test func tableMarksTheLimit() {
        let run = yieldstrip("depth", "--market", MarketExamples.nearExpiry)
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("SPY-like stock token, 25 JUN 2026, 2.5 days to expiry (SPY)\n"))
        #expect(run.stdout.contains("block time   2026-06-22T12:00:00Z (market file)\n"))
        #expect(run.stdout.contains("50.00%  57859.408835  exceeds limit"))
        #expect(run.stdout.contains(" 0.10%    115.718818     115.130467    0.2497%        0.1496%"))
    }

    @Test func usageErrors() {
        expectFailure(yieldstrip("depth", "--market", MarketExamples.aapl, "--csv", "--json"), exitCode: 2,
                      containing: "Give '--csv' or '--json', not both")
        expectFailure(yieldstrip("depth"), exitCode: 2, containing: "Missing expected argument '--market <file>'")
        expectFailure(yieldstrip("depth", "--market", MarketExamples.aapl, "--rows", "3"), exitCode: 2, containing: "Unknown option '--rows'")
    }

    @Test func help() {
        let run = yieldstrip("depth", "--help")
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("USAGE: yieldstrip depth --market <file> [--at <time>] [--csv] [--json]\n"))
    }
}
