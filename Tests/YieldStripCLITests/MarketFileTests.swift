import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// The example market files and helpers the market command tests share.
enum MarketExamples {
    static let aapl = path("aapl-like.json")
    static let highYield = path("asdpendle-high-yield.json")
    static let nearExpiry = path("spy-like-near-expiry.json")
    static let all = [aapl, highYield, nearExpiry]

    /// `examples/markets/<name>` in the repository.
    static func path(_ name: String, sourceFile: String = #filePath) -> String {
        URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/markets").appendingPathComponent(name).path
    }

    /// The market file at `path`, loaded by the CLI's loader.
    static func load(_ path: String) throws -> MarketFile { try MarketFile.load(path: path) }

    /// The batch request an example file stands for: its `market`, `pyIndex` and `stockPrice`, with `op`,
    /// `blockTime` and `extra` fields.
    static func batchLine(_ path: String, op: String, blockTime: Int64, extra: JSONObject = [:]) throws -> String {
        guard case .object(let file) = try JSONReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) else {
            throw ReferenceVectors.VectorFileError(reason: "\(path) is not an object")
        }
        var request: JSONObject = ["op": .string(op)]
        for key in ["market", "pyIndex", "stockPrice"] { if let value = file[key] { request.append(key, value) } }
        request.append("blockTime", .number(JSONNumber(blockTime)))
        request.append(contentsOf: extra)
        return request.jsonText
    }
}

/// Market files written for one test in a directory of their own, removed with this object.
final class TemporaryMarketFiles {
    let directory: URL
    private var count = 0

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("yieldstrip-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A new file holding `text`; its path.
    func write(_ text: String) throws -> String {
        count += 1
        let url = directory.appendingPathComponent("market-\(count).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// Reading a command's JSON output.
enum JSONOutput {
    /// The object printed on stdout (one line).
    static func object(_ run: CLI.RunResult) throws -> JSONObject {
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("}\n") && run.stdout.filter { $0 == "\n" }.count == 1)
        guard case .object(let object) = try JSONReader.parse(run.stdout) else {
            throw ReferenceVectors.VectorFileError(reason: "stdout is not a JSON object")
        }
        return object
    }

    /// The batch answer to `line`, as an object.
    static func batchAnswer(_ line: String) throws -> JSONObject {
        guard case .object(let object) = try JSONReader.parse(BatchRunner().answer(toLine: line)) else {
            throw ReferenceVectors.VectorFileError(reason: "no answer to \(line)")
        }
        return object
    }

    /// A JSON number member as a `Double`.
    static func number(_ object: JSONObject, _ key: String) -> Double? {
        if case .number(let number)? = object[key] { return Double(number.text) }
        return nil
    }

    /// The JSON text a `Double` is written as.
    static func text(_ value: Double) -> JSONValue {
        JSONNumber(value).map(JSONValue.number) ?? .null
    }

    /// A member of a nested object (`amounts.netPtOut`).
    static func member(_ object: JSONObject, _ path: String) -> JSONValue? {
        var current: JSONValue = .object(object)
        for key in path.split(separator: ".") {
            guard case .object(let nested) = current, let next = nested[String(key)] else { return nil }
            current = next
        }
        return current
    }
}

/// A failed run: nothing on stdout, the exit status, and the stderr text.
func expectFailure(
    _ run: CLI.RunResult, exitCode: Int32, containing fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(run.exitCode == exitCode, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.hasPrefix("Error: "), sourceLocation: sourceLocation)
    #expect(run.stderr.contains(fragment), "\(run.stderr)", sourceLocation: sourceLocation)
}

/// Market files: the examples load and say what they are; bad files fail with exit 1 and a clear
/// message; the block time comes from --at, the file or the clock, and the output says which.
@Suite struct MarketFileTests {
    @Test func examplesLoadAndSayWhetherRealOrIllustrative() throws {
        for path in MarketExamples.all {
            let file = try MarketExamples.load(path)
            #expect(file.name != nil && file.notes != nil && file.blockTime != nil)
            let source = try #require(file.source)
            #expect(source.hasPrefix("illustrative") || source.hasPrefix("real"), "\(path)")
            #expect(file.market.expiry % 604_800 == 0, "\(path): Pendle expiries are Thursdays 00:00 UTC")
        }
    }

    /// The implied APY each file's notes state, from the library's snapshot at the file's block time.
    @Test func exampleImpliedApysAreWhatTheirNotesSay() throws {
        func snapshot(_ path: String) throws -> (MarketFile, MarketSnapshot<Wad>) {
            let file = try MarketExamples.load(path)
            let blockTime = try #require(file.blockTime)
            return (file, try PendleMarketMath.snapshot(file.market, pyIndex: file.pyIndex, blockTime: blockTime))
        }
        let (aapl, aaplSnapshot) = try snapshot(MarketExamples.aapl)
        #expect(aaplSnapshot.impliedApy > 0.0025 && aaplSnapshot.impliedApy < 0.0035)
        #expect(aapl.notes?.contains("Implied APY 0.30 %") == true)
        #expect(aaplSnapshot.yearsToExpiry > 0.9 && aaplSnapshot.yearsToExpiry < 1.1)
        // A pool worth 20,000,000 USD at 230 USD per share, PT at its price plus SY at the PY index.
        let aaplValue = aaplSnapshot.totalAsset + aaplSnapshot.totalPt * aaplSnapshot.ptPriceInAsset
        #expect(aapl.stockPrice == 230)
        #expect(abs(aaplValue * 230 / 20_000_000 - 1) < 1e-12)
        #expect(aapl.pyIndex > .one && aapl.notes?.contains("20,000,000 USD") == true)

        let (highYield, highYieldSnapshot) = try snapshot(MarketExamples.highYield)
        #expect(abs(highYieldSnapshot.impliedApy - 0.2341) < 0.0001)
        #expect(highYield.notes?.contains("23.41 %") == true)
        #expect(highYield.source?.contains("rounded") == true)
        // The published figures of that snapshot: E0 = exp(lnRate · t) ≈ 1.05651260, fee factor ≈ 1.00073428,
        // rateScalar ≈ 41.0108, rateAnchor ≈ 1.072717, totalAsset ≈ 327,165.80.
        #expect(abs(highYieldSnapshot.ptPerAsset - 1.05651260) < 1e-8)
        #expect(abs(highYieldSnapshot.feeRate - 1.00073428) < 1e-8)
        #expect(abs(highYieldSnapshot.rateScalar - 41.0108) < 1e-4)
        #expect(abs(highYieldSnapshot.rateAnchor - 1.072717) < 1e-6)
        #expect(abs(highYieldSnapshot.totalAsset - 327_165.80) < 0.01)

        let (nearExpiry, nearExpirySnapshot) = try snapshot(MarketExamples.nearExpiry)
        #expect(nearExpirySnapshot.secondsToExpiry <= 3 * 86_400)
        #expect(abs(nearExpirySnapshot.impliedApy - 0.008914) < 0.0001)
        #expect(nearExpiry.notes?.contains("2.5 days before expiry") == true)
        #expect(nearExpiry.notes?.contains("Implied APY 0.8914 %") == true)
        let nearExpiryValue = nearExpirySnapshot.totalAsset + nearExpirySnapshot.totalPt * nearExpirySnapshot.ptPriceInAsset
        #expect(abs(nearExpiryValue * 680 / 10_000_000 - 1) < 1e-12 && nearExpiry.stockPrice == 680)
    }

    /// The AAPL-like curve is what Pendle's deployment rule gives for the band its notes state.
    @Test func aaplLikeCurveFollowsTheDeploymentRule() throws {
        let file = try MarketExamples.load(MarketExamples.aapl)
        let blockTime = try #require(file.blockTime)
        let (scalarRoot, _) = try MarketDeployment.curveParameters(
            rateMin: 0.001, rateMax: 0.01,
            secondsToExpiry: file.market.expiry - blockTime)
        #expect(abs(file.market.scalarRoot.doubleValue / scalarRoot - 1) < 1e-12)
        #expect(abs(file.market.lnFeeRateRoot.doubleValue - MarketDeployment.lnFeeRateRoot(annualFee: 0.001)) < 1e-15)
        #expect(file.market.reserveFeePercent == 80)
    }

    @Test func demoEmbedsTheExampleFile() throws {
        let text = try String(contentsOfFile: MarketExamples.path("aapl-like.json"), encoding: .utf8)
        #expect(StockMarketDemo.marketFileText == text)
        #expect(StockMarketDemo.marketFilePath == "examples/markets/aapl-like.json")
    }

    @Test func demoSectionRunsAtTheFilesBlockTime() throws {
        let run = yieldstrip("demo", "--section", "stockMarket", "--json")
        let object = try JSONOutput.object(run)
        guard case .array(let steps)? = object["stockMarket"] else {
            Issue.record("no stockMarket section")
            return
        }
        #expect(steps.count == 3)
        #expect(yieldstrip("demo", "--section", "stockMarket") == yieldstrip("demo", "--section", "stockMarket"))
        // The PT purchase's result is the library's answer for 1,000 SY at the file's block time.
        let file = try MarketExamples.load(MarketExamples.aapl)
        let swap = try PendleMarketMath.swap(
            .swapExactSyForPt, market: file.market, pyIndex: file.pyIndex,
            amount: Wad(units: 1000), blockTime: try #require(file.blockTime))
        guard case .object(let step) = steps[1] else { return }
        #expect(step["result"] == .wei(swap.amountOut.raw))
        #expect(step["command"] == "quote --market examples/markets/aapl-like.json --buy-pt --amount 1000")
        let table = yieldstrip("demo").stdout
        #expect(table.contains("2. An AAPL-like stock-token market at its block time (examples/markets/aapl-like.json)"))
        #expect(table.contains("locks in 0.1861% a year to expiry, fees included (spot 0.3000%)"))
    }

    // MARK: Bad files: exit 1, nothing on stdout

    @Test func missingFile() {
        expectFailure(
            yieldstrip("market", "show", "--market", "/nonexistent/market.json"), exitCode: 1,
            containing: "cannot read market file '/nonexistent/market.json': No such file or directory")
        expectFailure(yieldstrip("depth", "--market", "/nonexistent/market.json"), exitCode: 1, containing: "cannot read market file")
        expectFailure(
            yieldstrip("quote", "--market", "/nonexistent/market.json", "--buy-pt", "--amount", "1"), exitCode: 1,
            containing: "cannot read market file")
    }

    @Test func malformedJSONNamesTheByte() throws {
        let files = try TemporaryMarketFiles()
        let path = try files.write(#"{"market": {"totalPt": "1",}}"#)
        expectFailure(
            yieldstrip("market", "show", "--market", path), exitCode: 1,
            containing: "market file '\(path)' is not valid JSON: malformed JSON at byte 27: unexpected '}', expected a string key")
        let array = try files.write("[1, 2]")
        expectFailure(yieldstrip("market", "show", "--market", array), exitCode: 1, containing: "must hold a JSON object")
    }

    @Test func missingAndMalformedFields() throws {
        let files = try TemporaryMarketFiles()
        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let noIndex = try files.write(file.replacingOccurrences(of: #""pyIndex""#, with: #""index""#))
        expectFailure(
            yieldstrip("market", "show", "--market", noIndex), exitCode: 1,
            containing: "market file '\(noIndex)': missing field 'pyIndex'")
        let noPt = try files.write(file.replacingOccurrences(of: #""totalPt""#, with: #""ptTotal""#))
        expectFailure(yieldstrip("market", "show", "--market", noPt), exitCode: 1, containing: "missing field 'market.totalPt'")
        let badTime = try files.write(file.replacingOccurrences(of: "\"blockTime\": 1772461800", with: "\"blockTime\": \"soon\""))
        expectFailure(
            yieldstrip("market", "show", "--market", badTime), exitCode: 1,
            containing: "market file '\(badTime)': field 'blockTime' is not a time: not a date (\"soon\")")
        let otherCurve = try files.write(file.replacingOccurrences(of: "pendle-v2", with: "uniswap-v3"))
        expectFailure(
            yieldstrip("market", "show", "--market", otherCurve), exitCode: 1, containing: "the curves supported are 'pendle-v2' and 'yieldspace'")
        let negativePrice = try files.write(file.replacingOccurrences(of: "\"stockPrice\": 230", with: "\"stockPrice\": -1"))
        expectFailure(yieldstrip("market", "show", "--market", negativePrice), exitCode: 1, containing: "stockPrice' must be a positive number")
    }

    /// Errors of the market itself (zero reserves) are the contract's, exit 1.
    @Test func contractRevertsExitOne() throws {
        let files = try TemporaryMarketFiles()
        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let empty = try files.write(file.replacingOccurrences(of: "\"19823512368863353913184\"", with: "\"0\""))
        expectFailure(yieldstrip("market", "show", "--market", empty), exitCode: 1, containing: "MarketZeroTotalPtOrTotalAsset")
    }

    // MARK: Block time

    @Test func blockTimeFromAtThenFileThenWallClock() throws {
        let files = try TemporaryMarketFiles()
        let fromFile = try JSONOutput.object(yieldstrip("market", "show", "--market", MarketExamples.aapl, "--json"))
        #expect(fromFile["blockTime"] == 1_772_461_800 && fromFile["blockTimeSource"] == "market file")
        #expect(fromFile["blockTimeISO"] == "2026-03-02T14:30:00Z")

        let given = try JSONOutput.object(yieldstrip("market", "show", "--market", MarketExamples.aapl, "--at", "2026-06-01", "--json"))
        #expect(given["blockTime"] == .number(JSONNumber(try UnixTime.parse("2026-06-01"))) && given["blockTimeSource"] == "given")
        #expect(
            yieldstrip("market", "show", "--market", MarketExamples.aapl, "--at", "1780272000", "--json").stdout
                == yieldstrip("market", "show", "--market", MarketExamples.aapl, "--at", "2026-06-01", "--json").stdout)

        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let timeless = try files.write(file.replacingOccurrences(of: "\"blockTime\": 1772461800,", with: ""))
        let before = Int64(Date().timeIntervalSince1970)
        let clocked = try JSONOutput.object(yieldstrip("market", "show", "--market", timeless, "--json"))
        let after = Int64(Date().timeIntervalSince1970)
        #expect(clocked["blockTimeSource"] == "wall clock")
        let used = try #require(JSONOutput.number(clocked, "blockTime"))
        #expect(used >= Double(before) && used <= Double(after))
        #expect(yieldstrip("market", "show", "--market", timeless).stdout.contains("(wall clock)"))
        #expect(yieldstrip("market", "show", "--market", MarketExamples.aapl).stdout.contains("2026-03-02T14:30:00Z (market file)"))
    }

    @Test func malformedAtIsUsageError() {
        expectFailure(
            yieldstrip("market", "show", "--market", MarketExamples.aapl, "--at", "tomorrow"), exitCode: 2,
            containing: "The value 'tomorrow' is invalid for '--at <time>': not a date; expected YYYY-MM-DD")
    }

    @Test func expiredMarketNamesTheTimes() {
        let run = yieldstrip("market", "show", "--market", MarketExamples.aapl, "--at", "2027-03-04")
        expectFailure(
            run, exitCode: 1, containing: "MarketExpired: the market expired at 2027-03-04T00:00:00Z; the block time 2027-03-04T00:00:00Z (given)")
        for arguments in [
            ["depth", "--market", MarketExamples.nearExpiry, "--at", "2026-07-01"],
            ["quote", "--market", MarketExamples.nearExpiry, "--at", "2026-07-01", "--sell-pt", "--amount", "1"]
        ] {
            expectFailure(CLI.run(arguments: arguments), exitCode: 1, containing: "MarketExpired")
        }
    }
}
