import Foundation
import Testing
import YieldStrip

@testable import YieldStripCharts

/// The tear sheet: its figures are the library's, its page parses, holds every section, embeds no URL
/// and no script, and prints on A4.
@Suite struct TearSheetTests {
    static func sheet(_ name: String = "aapl-like.json", request: MarketTearSheetRequest = MarketTearSheetRequest()) throws -> MarketTearSheet {
        let file = try ChartFixtures.market(name)
        return try MarketTearSheet.compute(file: file, blockTime: ChartFixtures.blockTime(file), blockTimeSource: "market file", request: request)
    }

    @Test func theStandardSizeIsOnePercentOfThePool() throws {
        let sheet = try Self.sheet()
        let poolSy = try #require(sheet.snapshot).poolValueInAsset / 1.003214142718150519
        guard case .sy(let amount) = sheet.size else {
            Issue.record("the default size is in SY")
            return
        }
        #expect(Swift.abs(amount.doubleValue / poolSy - 0.01) < 1e-6)
        let lockIn = try #require(sheet.lockIn.value)
        #expect(lockIn.size.sy == amount)
        // The position is the lock-in's PT, and the grid and the hedges are of it.
        #expect(sheet.position?.legs == [PositionLeg(token: .pt, amount: lockIn.ptOut)])
        #expect(sheet.scenario.value?.cells.count == 81)
        #expect(sheet.rateRisk.value?.legs.count == 1 && sheet.stockDelta.value != nil)
        // The same figures as the jobs computed directly.
        let file = try ChartFixtures.aapl()
        let direct = try LockIn.compute(LockInRequest(size: .sy(amount), stockPrice: 230), curve: file.curve, at: ChartFixtures.blockTime(file))
        #expect(direct.ptOut == lockIn.ptOut && direct.fixedApy == lockIn.fixedApy)
    }

    @Test func aGivenSizeAndPositionAreUsed() throws {
        let position = try Position(parsing: "pt:1000,yt:-500,lp:10,sy:250")
        let sheet = try Self.sheet(request: MarketTearSheetRequest(size: .usd(Wad(units: 10_000)), position: position))
        #expect(sheet.lockIn.value?.usdIn == 10_000 && sheet.position == position && sheet.positionBasis == "given")
        #expect(sheet.rateRisk.value?.legs.count == 4)
    }

    @Test(arguments: ["aapl-like.json", "asdpendle-high-yield.json", "spy-like-near-expiry.json"])
    func thePageParsesHoldsEverySectionAndNoURL(name: String) throws {
        let sheet = try Self.sheet(name)
        let html = TearSheetPage.html(sheet, generator: "yieldstrip test")
        let tree = try #require(XMLDocumentTree.parse(html).tree, "\(name): \(XMLDocumentTree.parse(html).error ?? "")")
        let sections = tree.all("section").compactMap { $0.attributes["id"] }
        #expect(sections.sorted() == TearSheetPage.sectionIDs.sorted())
        #expect(tree.all("h1").count == 1 && tree.all("h2").count == TearSheetPage.sectionIDs.count)
        // Self-contained: no script, no link, no external resource, no URL at all.
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "http:", "https:", "//", "@import"] {
            #expect(!html.contains(forbidden), "\(name): \(forbidden)")
        }
        #expect(tree.all("style").count == 1 && html.contains("@page { size: A4"))
        // The charts are inline SVG: depth and YT short everywhere, the lock-in's and the grid with a stock price.
        let charts = tree.all("svg").count
        #expect(charts == (sheet.stockPrice == nil ? 2 : 4), "\(name): \(charts) charts")
        for svg in tree.all("svg") {
            #expect(svg.attributes["viewBox"] != nil && svg.attributes["xmlns"] == nil)
        }
        // Missing parts say why.
        if sheet.stockPrice == nil {
            #expect(tree.all("p").contains { $0.attributes["class"] == "unavailable" && $0.text.contains("stock price") })
        }
        #expect(html == TearSheetPage.html(sheet, generator: "yieldstrip test"))
    }

    @Test func theMarketSectionHasTheFeeAndItsDrag() throws {
        let sheet = try Self.sheet()
        let html = TearSheetPage.html(sheet, generator: "yieldstrip test")
        for text in [
            "implied APY", "0.3000%", "PT price", "YT price", "pool value", "fee (annual)", "0.1000%", "fee&#39;s drag on the lock-in",
            "largest PT buy", "Read at <b>2026-03-02T14:30:00Z</b> (market file)"
        ] {
            #expect(html.contains(text), "\(text)")
        }
    }

    @Test func aPartTheMarketRefusesSaysWhyAndTheRestStays() throws {
        // A size beyond what the pool sells: the lock-in and the YT short are refused, the grid has no position.
        let sheet = try Self.sheet(request: MarketTearSheetRequest(size: .sy(Wad(units: 1_000_000))))
        #expect(sheet.lockIn.reason?.contains("ExceedsMarketLimit") == true)
        #expect(sheet.position == nil && sheet.scenario.reason?.contains("give --position") == true)
        let html = TearSheetPage.html(sheet, generator: "yieldstrip test")
        let tree = try #require(XMLDocumentTree.parse(html).tree)
        #expect(tree.all("section").count == TearSheetPage.sectionIDs.count && tree.all("svg").count == 1)
    }

    /// A horizon no grid can use (beyond Int's range, infinite, not a number) is echoed, never converted to an
    /// integer that cannot hold it: the grid says why it is missing and the rest of the sheet stays.
    @Test(arguments: [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9.3e18])
    func anOutOfRangeHorizonIsEchoed(days: Double) throws {
        let position = try Position(parsing: "pt:1000")
        let sheet = try Self.sheet(request: MarketTearSheetRequest(position: position, stockPrice: 230, days: days))
        #expect(sheet.lockIn.value != nil)
        #expect(sheet.assumptions.contains { $0.contains("after \(days) days") })
    }

    /// A YieldSpace pool's sheet: the pool's own market section, depth in real fyToken, the lock-in, the grid and
    /// the hedges; the YT short left out with the reason (the pool trades no YT).
    @Test func aYieldSpacePoolsSheet() throws {
        let file = try MarketFile.loadAny(path: ChartFixtures.path("examples/markets/yieldspace-aapl-like.json"))
        let sheet = try MarketTearSheet.compute(file: file, blockTime: file.blockTime ?? 0, blockTimeSource: "market file")
        #expect(sheet.curveName == "yieldspace" && sheet.snapshot == nil && sheet.yieldSpace != nil)
        #expect(sheet.shortYT.reason?.hasPrefix("NoYieldToken") == true && sheet.lockIn.value != nil)
        #expect(sheet.scenario.value?.cells.count == 81 && sheet.rateRisk.value != nil && sheet.stockDelta.value != nil)
        #expect(abs(sheet.spot.impliedApy - 0.003) < 1e-9 && sheet.depth.rows.count == 10)
        #expect(sheet.assumptions.contains { $0.contains("a YieldSpace pool trades no YT") })
        let html = TearSheetPage.html(sheet, generator: "yieldstrip test")
        let tree = try #require(XMLDocumentTree.parse(html).tree)
        #expect(tree.all("section").compactMap { $0.attributes["id"] } == TearSheetPage.sectionIDs)
        #expect(tree.all("svg").count == 3)
        #expect(tree.all("p").contains { $0.attributes["class"] == "unavailable" && $0.text.contains("NoYieldToken") })
        for text in ["implied APY (365-day year)", "real fyToken / LP supply", "fee (annual, at this rate)", "of the pool&#39;s real fyToken"] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(html == TearSheetPage.html(sheet, generator: "yieldstrip test"))
    }

    @Test func hostileMarketTextsAreEscaped() throws {
        let base = try ChartFixtures.aapl()
        let file = MarketFile(
            origin: "x.json", market: base.market, pyIndex: base.pyIndex, name: "<script>alert(1)</script> & co",
            underlying: "\"Q\"\u{1B}", stockPrice: 230, blockTime: base.blockTime, source: "</style><b>")
        let sheet = try MarketTearSheet.compute(file: file, blockTime: ChartFixtures.blockTime(file), blockTimeSource: "given")
        let html = TearSheetPage.html(sheet, generator: "yieldstrip test")
        #expect(XMLDocumentTree.parse(html).tree != nil)
        #expect(!html.contains("<script") && !html.contains("</style><b>") && !html.contains("\u{1B}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
    }
}
