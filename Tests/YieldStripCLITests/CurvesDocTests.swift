import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `docs/curves.md`'s comparison of the bundled pair, number by number, from the library on the two example
/// files.
@Suite struct CurvesDocTests {
    static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/curves.md").path

    static func percent(_ value: Double) -> String { String(format: "%.4f %%", value * 100) }

    static func lockIn<C: ImpliedYieldCurve>(_ usd: Int, _ curve: C, at: Int64) throws -> LockInResult<C.Scalar> {
        try LockIn.compute(LockInRequest(size: .usd(Wad(units: Int64(usd))), stockPrice: 230), curve: curve, at: at)
    }

    @Test func comparisonTable() throws {
        let text = try String(contentsOfFile: Self.doc, encoding: .utf8)
        let pendle = try MarketFile.load(path: MarketExamples.aapl)
        let yieldSpace = try YieldSpaceMarketFile.load(path: YieldSpaceExampleTests.path)
        let at = try #require(pendle.blockTime)
        for usd in [1_000, 10_000, 100_000, 250_000] {
            let p = try Self.lockIn(usd, pendle.curve, at: at)
            let y = try Self.lockIn(usd, yieldSpace.curve, at: at)
            let gap = abs(y.fixedApy - p.fixedApy) * 10_000
            let better = (y.fixedApy > p.fixedApy ? "YieldSpace" : "Pendle") + " by " + String(format: "%.2f", gap) + " bp"
            let size = NumberFormatter.localizedString(from: NSNumber(value: usd), number: .decimal).replacingOccurrences(of: "\u{202F}", with: ",")
            let row =
                "| \(size) | \(Self.percent(p.fixedApy)) | \(Self.percent(p.feeApy)) | \(Self.percent(p.impactApy)) | "
                + "\(Self.percent(y.fixedApy)) | \(Self.percent(y.feeApy)) | \(Self.percent(y.impactApy)) | \(better) |"
            #expect(text.contains(row), "docs/curves.md lacks the row\n\(row)")
        }
        let million = try Self.lockIn(1_000_000, pendle.curve, at: at)
        #expect(
            text.contains(
                "| 1,000,000 | \(Self.percent(million.fixedApy)) | \(Self.percent(million.feeApy)) | \(Self.percent(million.impactApy)) | refused"))
        #expect(throws: YieldSpaceError.self) { try Self.lockIn(1_000_000, yieldSpace.curve, at: at) }
        // The crossover between 200,000 and 210,000 USD.
        for (usd, values) in [(200_000, "0.1880 % and 0.1897 %"), (210_000, "0.1874 % and 0.1850 %")] {
            let p = try Self.lockIn(usd, pendle.curve, at: at)
            let y = try Self.lockIn(usd, yieldSpace.curve, at: at)
            #expect("\(Self.percent(p.fixedApy)) and \(Self.percent(y.fixedApy))" == values)
            #expect(text.contains(values))
        }
        // The limits quoted.
        let pool = yieldSpace.pool
        #expect(String(format: "%.0f", pool.fyTokenUnits - (pool.totalSupplyUnits ?? 0)) == "1304")
        let largest = try #require(yieldSpace.curve.largestInput(.buyPtWithSy, at: at))
        #expect(String(format: "%.0f", largest.doubleValue) == "1298" && text.contains("1,298 pool shares"))
        #expect(String(format: "%.1f", largest.doubleValue * pool.c.doubleValue * 230 / 1000) == "299.5" && text.contains("about 299,500 USD"))
        let pendleLargest = try #require(pendle.curve.largestInput(.buyPtWithSy, at: at))
        #expect(String(format: "%.0f", pendleLargest.doubleValue) == "11086" && text.contains("11,086 SY"))
        let sellP = try pendle.curve.trade(.sellPtForSy, exactIn: Wad(units: 1_000), at: at)
        let sellY = try yieldSpace.curve.trade(.sellPtForSy, exactIn: Wad(units: 1_000), at: at)
        #expect(
            text.contains(
                "to \(Self.percent(sellP.impliedApyAfter).replacingOccurrences(of: " ", with: " ")), into the YieldSpace pool to \(Self.percent(sellY.impliedApyAfter))"
            ))
    }
}

/// The pasted outputs of the commands on the bundled pair in `docs/curves.md`, `docs/cli.md` and
/// `docs/batch.md` are what the commands print now.
@Suite struct CompareDocTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func doc(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs").appendingPathComponent(name), encoding: .utf8)
    }

    /// `$ yieldstrip ARGS` and what it prints (stdout, or stderr for a failure), as the docs paste it.
    static func block(_ arguments: [String]) -> String {
        let run = CLI.run(arguments: arguments.map { $0.hasPrefix("examples/") ? root.appendingPathComponent($0).path : $0 })
        let shown = arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
        return "$ yieldstrip \(shown)\n" + (run.exitCode == 0 ? run.stdout : run.stderr).replacingOccurrences(of: root.path + "/", with: "")
    }

    static let pendle = "examples/markets/aapl-like.json", pool = "examples/markets/yieldspace-aapl-like.json"

    @Test func curvesShowsTheComparison() throws {
        let text = try Self.doc("curves.md")
        for arguments in [
            ["compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--sizes", "1k,10k,100k,1m"],
            ["compare", "--market", Self.pendle, "--market", Self.pool, "--sell-pt", "--sizes", "100,1k", "--unit", "pt"]
        ] {
            let block = Self.block(arguments)
            #expect(text.contains(block), "docs/curves.md lacks\n\(block)")
        }
        #expect(text.contains("(images/compare.svg)"))
        // The numbers the prose quotes: the flip between 200,000 and 210,000 USD, the pool's largest purchase.
        let pendle = try MarketFile.load(path: MarketExamples.aapl)
        let pool = try YieldSpaceMarketFile.load(path: YieldSpaceExampleTests.path)
        let request = VenueComparisonRequest(side: .buyPt, unit: .usd, sizes: [Wad(units: 200_000), Wad(units: 210_000)], stockPrice: 230)
        let result = try VenueComparison.compute(request, venueA: pendle.curve, venueB: pool.curve, at: try #require(pendle.blockTime))
        #expect(result.flips.count == 1 && String(format: "%.0f", (result.venues[1].largestInputUsd ?? 0) / 10) == "29953")
        #expect(text.contains("YieldSpace's largest purchase, 299,530 USD"))
        let sell = VenueComparisonRequest(side: .sellPt, unit: .pt, sizes: [Wad(units: 100), Wad(units: 1_000)])
        let at = try #require(pendle.blockTime)
        let flips = try VenueComparison.compute(sell, venueA: pendle.curve, venueB: pool.curve, at: at).flips
        let flip = try #require(flips.first)
        #expect(flip.flipSize < 1_000 && flip.betterBelow == 1 && text.contains("it flips to Pendle below 1,000 PT"))
    }

    @Test func cliShowsTheCommandsOnAPool() throws {
        let text = try Self.doc("cli.md")
        for arguments in [
            ["depth", "--market", Self.pool],
            ["compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--usd", "10000"],
            ["compare", "--market", Self.pendle, "--market", Self.pool, "--buy-pt", "--sizes", "1k,10k,100k,1m"],
            ["compare", "--market", Self.pendle, "--market", Self.pool, "--sell-pt", "--sy", "100"],
            ["split", "--tokens", "100", "--market", Self.pool],
            ["short-yt", "--market", Self.pool, "--shares", "1000"],
            ["hedge", "dv01", "--market", Self.pendle, "--position", "pt:1000", "--against", Self.pool, "--hedge-token", "yt"]
        ] {
            let block = Self.block(arguments)
            #expect(text.contains(block), "docs/cli.md lacks\n\(block)")
        }
        let help = yieldstrip("compare", "--help").stdout
        #expect(!help.isEmpty)
    }

    /// `docs/batch.md`'s compare requests get the answers it shows (the example paths made absolute).
    @Test func batchShowsTheOp() throws {
        let batch = try Self.doc("batch.md")
        let start = try #require(batch.range(of: "### `compare`")).upperBound
        let rest = batch[start...]
        let end = [rest.range(of: "\n## ")?.lowerBound, rest.range(of: "\n### ")?.lowerBound].compactMap { $0 }.min() ?? rest.endIndex
        let lines = rest[..<end].split(separator: "\n")
        let requests = lines.filter { $0.hasPrefix("{\"op\":\"compare\"") }
        let answers = lines.filter { $0.hasPrefix("{\"id\":") }
        #expect(requests.count == 4 && requests.count == answers.count)
        for (request, answer) in zip(requests, answers) {
            let absolute = request.replacingOccurrences(of: "\"examples/", with: "\"" + Self.root.path + "/examples/")
            #expect(BatchRunner().answer(toLine: absolute) == String(answer))
        }
    }
}
