import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip compare` and the batch op `compare`: the same answer through both doors (file paths and inline
/// markets), the library's numbers, the table, the chart and bad input.
@Suite struct CompareCommandTests {
    static let pendle = MarketExamples.aapl
    static let pool = YieldSpaceExampleTests.path
    static let at: Int64 = 1_772_461_800

    static func fileObject(_ path: String) throws -> JSONValue {
        try JSONReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static let buyUsd: JSONObject = ["buyPt": .bool(true), "usd": 10000]
    static let buySy: JSONObject = ["buyPt": .bool(true), "sy": "43500000000000000000"]
    static let sellPt: JSONObject = ["sellPt": .bool(true), "pt": "500000000000000000000"]
    static let sellShares: JSONObject = ["sellPt": .bool(true), "shares": "500000000000000000000"]
    static let buySizes: JSONObject = ["buyPt": .bool(true), "sizes": "1k,10k,100k,1m"]
    static let sellSizes: JSONObject = ["sellPt": .bool(true), "sizes": .array([100, "1k"]), "unit": "pt"]
    static let cases: [([String], JSONObject)] = [
        (["--buy-pt", "--usd", "10000"], buyUsd),
        (["--buy-pt", "--sy", "43.5"], buySy),
        (["--sell-pt", "--pt", "500"], sellPt),
        (["--sell-pt", "--shares", "500"], sellShares),
        (["--buy-pt", "--sizes", "1k,10k,100k,1m"], buySizes),
        (["--sell-pt", "--sizes", "100,1000", "--unit", "pt"], sellSizes)
    ]

    /// `--json` at `--at` is the batch op's answer, whether the op names the files or holds them inline.
    @Test(arguments: cases)
    func jsonIsTheBatchAnswer(flags: [String], fields: JSONObject) throws {
        let command = try JSONOutput.object(
            CLI.run(arguments: ["compare", "--market", Self.pendle, "--market", Self.pool, "--at", String(Self.at), "--json"] + flags))
        var byPath: JSONObject = [
            "op": "compare", "markets": .array([.string(Self.pendle), .string(Self.pool)]), "blockTime": .number(JSONNumber(Self.at))
        ]
        byPath.append(contentsOf: fields)
        #expect(try JSONOutput.batchAnswer(byPath.jsonText) == command)
        let objects: [JSONValue] = [try Self.fileObject(Self.pendle), try Self.fileObject(Self.pool)]
        var inline: JSONObject = ["op": "compare", "markets": .array(objects), "blockTime": .number(JSONNumber(Self.at))]
        inline.append(contentsOf: fields)
        #expect(try JSONOutput.batchAnswer(inline.jsonText) == command)
    }

    /// The answer holds the library's comparison.
    @Test func theAnswerIsTheLibrarys() throws {
        let answer = try JSONOutput.object(
            yieldstrip("compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--sizes", "100k,1m", "--json"))
        let result = try VenueComparison.compute(
            VenueComparisonRequest(
                side: .buyPt, unit: .usd, sizes: [Wad(units: 100_000), Wad(units: 1_000_000)],
                stockPrice: 230),
            venueA: try MarketFile.load(path: Self.pendle).curve,
            venueB: try YieldSpaceMarketFile.load(path: Self.pool).curve, at: Self.at)
        #expect(answer["blockTimeSource"] == .string("market file") && answer["stockPrice"] == .number(JSONNumber(230.0)!))
        guard case .array(let rows)? = answer["rows"], case .object(let first)? = rows.first, case .object(let last)? = rows.last,
            case .array(let flips)? = answer["flips"], case .object(let flip)? = flips.first
        else {
            Issue.record("no rows or flips")
            return
        }
        #expect(first["better"] == .string("B") && last["better"] == .string("A"))
        #expect(JSONOutput.number(first, "advantageBp") == result.rows[0].advantageBp)
        #expect(flip["from"] == .string("B") && flip["to"] == .string("A") && JSONOutput.number(flip, "flipSize") == result.flips[0].flipSize)
        guard case .array(let fills)? = last["fills"], case .object(let refused)? = fills.last else { return }
        #expect(
            refused["refused"] == .bool(true) && refused["error"] == .string("NegativeInterestRatesNotAllowed") && refused["effectiveApy"] == .null)
    }

    @Test func tables() {
        let one = yieldstrip("compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--usd", "10000")
        #expect(one.exitCode == 0, "\(one.stderr)")
        #expect(one.stdout.contains("B fills better by 8.10 bp") && one.stdout.contains("APY locked in") && one.stdout.contains("sellBase"))
        let many = yieldstrip("compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--sizes", "1k,10k,100k,1m")
        #expect(many.exitCode == 0 && many.stdout.contains("refused (NegativeInterestRatesNotAllowed)"))
        #expect(many.stdout.contains("The better venue flips from B to A at about 2042"))
        let sell = yieldstrip("compare", "--market", Self.pool, "--market", Self.pendle, "--sell-pt", "--pt", "100")
        #expect(sell.exitCode == 0 && sell.stdout.contains("APY sold at") && sell.stdout.contains("A fills better"))
    }

    @Test func chart() throws {
        let files = try TemporaryMarketFiles()
        let out = files.directory.appendingPathComponent("compare.svg").path
        let run = yieldstrip("compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--sizes", "1k,10k,100k,1m", "--svg", out)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        #expect(svg.contains("Compare: the APY a PT purchase locks in") && svg.contains("B fills better below about") && !svg.contains("NaN"))
        // The same input draws the same bytes; stdout is the table either way.
        let again = files.directory.appendingPathComponent("again.svg").path
        _ = yieldstrip("compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--sizes", "1k,10k,100k,1m", "--svg", again)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == svg)
        #expect(run.stdout == yieldstrip("compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--sizes", "1k,10k,100k,1m").stdout)
    }

    @Test func badInput() {
        let both = ["compare", "--market", Self.pendle, "--market", Self.pool]
        expectFailure(yieldstrip("compare", "--market", Self.pendle, "--buy-pt", "--usd", "1"), exitCode: 2, containing: "Give two market files")
        expectFailure(CLI.run(arguments: both + ["--usd", "1"]), exitCode: 2, containing: "--buy-pt or --sell-pt")
        expectFailure(CLI.run(arguments: both + ["--buy-pt", "--sell-pt", "--usd", "1"]), exitCode: 2, containing: "not both")
        expectFailure(CLI.run(arguments: both + ["--buy-pt"]), exitCode: 2, containing: "Give the size")
        expectFailure(CLI.run(arguments: both + ["--buy-pt", "--usd", "1", "--sy", "1"]), exitCode: 2, containing: "Give the size once")
        expectFailure(CLI.run(arguments: both + ["--sell-pt", "--sy", "1"]), exitCode: 2, containing: "not --sy")
        expectFailure(CLI.run(arguments: both + ["--buy-pt", "--pt", "1"]), exitCode: 2, containing: "not --pt")
        expectFailure(CLI.run(arguments: both + ["--buy-pt", "--sizes", "1k,x"]), exitCode: 2, containing: "'x'")
        expectFailure(CLI.run(arguments: both + ["--buy-pt", "--sizes", "1k", "--usd", "5"]), exitCode: 2, containing: "'--sizes' takes its unit")
        expectFailure(
            CLI.run(arguments: both + ["--buy-pt", "--usd", "5", "--unit", "sy"]), exitCode: 2, containing: "'--unit' is the unit of '--sizes'")
        expectFailure(
            CLI.run(arguments: both + ["--buy-pt", "--sizes", "5", "--unit", "eur"]), exitCode: 2, containing: "expected sy, shares, usd or pt")
        expectFailure(CLI.run(arguments: both + ["--buy-pt", "--usd", "0"]), exitCode: 1, containing: "NonPositiveSize")
        expectFailure(CLI.run(arguments: both + ["--buy-pt", "--usd", "1", "--at", "2027-03-04"]), exitCode: 1, containing: "MarketExpired")
        // Files read at different times, or with different stock prices, need --at or --stock-price.
        let spy = MarketExamples.nearExpiry
        expectFailure(
            yieldstrip("compare", "--market", Self.pendle, "--market", spy, "--buy-pt", "--shares", "1"), exitCode: 2, containing: "give --at")
        expectFailure(
            yieldstrip("compare", "--market", Self.pendle, "--market", spy, "--buy-pt", "--usd", "100", "--at", "2026-06-01"), exitCode: 2,
            containing: "different stock prices")
        let shares = yieldstrip("compare", "--market", Self.pendle, "--market", spy, "--buy-pt", "--shares", "1", "--at", "2026-06-01", "--json")
        #expect(shares.exitCode == 0 && shares.stdout.contains("\"stockPrice\":null") && shares.stdout.contains("mature at different times"))
        // Batch: the same refusals, as BadRequest naming the field.
        let requests: [(String, String)] = [
            (#"{"op":"compare","markets":["\#(Self.pendle)"],"blockTime":1772461800,"buyPt":true,"usd":1}"#, "markets"),
            (#"{"op":"compare","markets":["\#(Self.pendle)",5],"blockTime":1772461800,"buyPt":true,"usd":1}"#, "markets[1]"),
            (#"{"op":"compare","markets":["\#(Self.pendle)","\#(Self.pool)"],"buyPt":true,"usd":1}"#, "blockTime"),
            (#"{"op":"compare","markets":["\#(Self.pendle)","\#(Self.pool)"],"blockTime":1772461800,"usd":1}"#, "buyPt"),
            (#"{"op":"compare","markets":["\#(Self.pendle)","\#(Self.pool)"],"blockTime":1772461800,"buyPt":true,"sizes":[1,"x"]}"#, "sizes")
        ]
        for (line, field) in requests {
            let answer = BatchRunner().answer(toLine: line)
            #expect(answer.contains("\"error\":\"BadRequest\"") && answer.contains("\"errorArgs\":[\"\(field)\"]"), "\(answer)")
        }
        let missing = BatchRunner().answer(
            toLine: #"{"op":"compare","markets":["/nonexistent.json","\#(Self.pool)"],"blockTime":1772461800,"buyPt":true,"usd":1}"#)
        #expect(missing.contains("MarketFileUnreadable"), "\(missing)")
    }
}
