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
            let p = try Self.lockIn(usd, pendle.curve, at: at), y = try Self.lockIn(usd, yieldSpace.curve, at: at)
            let gap = abs(y.fixedApy - p.fixedApy) * 10_000
            let better = (y.fixedApy > p.fixedApy ? "YieldSpace" : "Pendle") + " by " + String(format: "%.2f", gap) + " bp"
            let size = NumberFormatter.localizedString(from: NSNumber(value: usd), number: .decimal).replacingOccurrences(of: "\u{202F}", with: ",")
            let row = "| \(size) | \(Self.percent(p.fixedApy)) | \(Self.percent(p.feeApy)) | \(Self.percent(p.impactApy)) | "
                + "\(Self.percent(y.fixedApy)) | \(Self.percent(y.feeApy)) | \(Self.percent(y.impactApy)) | \(better) |"
            #expect(text.contains(row), "docs/curves.md lacks the row\n\(row)")
        }
        let million = try Self.lockIn(1_000_000, pendle.curve, at: at)
        #expect(text.contains("| 1,000,000 | \(Self.percent(million.fixedApy)) | \(Self.percent(million.feeApy)) | \(Self.percent(million.impactApy)) | refused"))
        #expect(throws: YieldSpaceError.self) { try Self.lockIn(1_000_000, yieldSpace.curve, at: at) }
        // The crossover between 200,000 and 210,000 USD.
        for (usd, values) in [(200_000, "0.1880 % and 0.1897 %"), (210_000, "0.1874 % and 0.1850 %")] {
            let p = try Self.lockIn(usd, pendle.curve, at: at), y = try Self.lockIn(usd, yieldSpace.curve, at: at)
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
        #expect(text.contains("to \(Self.percent(sellP.impliedApyAfter).replacingOccurrences(of: " ", with: " ")), into the YieldSpace pool to \(Self.percent(sellY.impliedApyAfter))"))
    }
}
