import Foundation
import Testing
import YieldStrip

/// The dividends report against a market, an assumed yield and the schedule's coverage: closed forms
/// and the rule's edges. Numbers about the example market are computed from the file's own fields (the
/// file may be regenerated), never read off it.
@Suite struct TokenizationMarketComparisonTests {
    func w(_ s: String) -> Wad { Wad(decimal: s)! }
    let day: Int64 = 86_400
    let jan2025: Int64 = 1_735_689_600  // 2025-01-01

    static let marketPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/markets/aapl-like.json").path

    /// `count` dividends of 0.25 at 100, every `gapDays` days from `start` (default 2025-01-01).
    func evenSchedule(count: Int, gapDays: Int64, start: Int64? = nil) throws -> DividendSchedule {
        let first = start ?? jan2025
        return try DividendSchedule(
            actions: (0..<count).map { i in
                .dividend(DividendEvent(exDate: first + Int64(i) * gapDays * day, amountPerShareUsd: w("0.25"), reinvestPriceUsd: w("100")))
            })
    }

    /// Four quarterly dividends, the last one 30 days before `time` (the market's block time).
    func scheduleBefore(_ time: Int64) throws -> DividendSchedule {
        try evenSchedule(count: 4, gapDays: 91, start: time - 30 * day - 3 * 91 * day)
    }

    // MARK: Coverage

    /// Exactly one gap before the first dividend and after the last row is covered; a second more is not.
    @Test func coverageRuleEdges() throws {
        let schedule = try evenSchedule(count: 6, gapDays: 30)
        let first = jan2025
        let last = jan2025 + 150 * day
        let gap = 30 * day
        #expect(StockTokenIndex.typicalGap(for: schedule) == gap)
        #expect(StockTokenIndex.coverageWarnings(schedule: schedule, from: first - gap, to: last + gap).isEmpty)
        let both = StockTokenIndex.coverageWarnings(schedule: schedule, from: first - gap - 1, to: last + gap + 1)
        #expect(both.map(\.kind) == [.windowStartsBeforeSchedule, .windowEndsAfterSchedule])
        #expect(both.map(\.windowDate) == [first - gap - 1, last + gap + 1])
        #expect(both.map(\.scheduleDate) == [first, last])
        #expect(both.allSatisfy { $0.typicalGap == gap })
        // Each says what is uncovered and what to do.
        #expect(both[0].message.contains("before the schedule's first dividend (2025-01-01)"))
        #expect(both[0].message.contains("start the window on or after 2024-12-02"))
        #expect(both[0].message.hasSuffix("or assume a dividend yield for the projection"))
        #expect(both[1].message.contains("after the schedule's last row (2025-05-31)"))
        #expect(both[1].message.contains("end the window on or before 2025-06-30"))
        // With an assumed yield the message does not suggest one.
        let assuming = StockTokenIndex.coverageWarnings(schedule: schedule, from: first - 2 * gap, to: last, assumingYield: true)
        #expect(assuming.count == 1 && !assuming[0].message.contains("assume"))
        // A window inside the schedule, or starting after its first dividend, is covered.
        #expect(StockTokenIndex.coverageWarnings(schedule: schedule, from: first + day, to: last - day).isEmpty)
    }

    /// The default window never warns, for every bundled schedule; the report carries the same list.
    @Test(arguments: ["aapl.csv", "msft.csv", "ko.csv", "spy.csv", "o.csv"])
    func defaultWindowIsCovered(file: String) throws {
        let schedule = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path(file))
        let window = try StockTokenIndex.defaultWindow(for: schedule)
        #expect(StockTokenIndex.coverageWarnings(schedule: schedule, from: window.from, to: window.to).isEmpty)
        #expect(try DividendsReport.compute(schedule: schedule).warnings.isEmpty)
    }

    /// O pays monthly from 2025-04-01: a window from 2024-09-01 misses about seven dividends.
    @Test func realtyIncomeWindowWarns() throws {
        let schedule = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path("o.csv"))
        let report = try DividendsReport.compute(schedule: schedule, from: UnixTime.parse("2024-09-01"), to: UnixTime.parse("2025-09-01"))
        #expect(report.warnings.map(\.kind) == [.windowStartsBeforeSchedule])
        #expect(report.warnings.first?.scheduleDate == (try UnixTime.parse("2025-04-01")))
        #expect(
            report.warnings.first?.message.hasPrefix("the window starts 2024-09-01, 212 days before the schedule's first dividend (2025-04-01)")
                == true)
    }

    /// A schedule without dividends (splits only) expects none: no warning.
    @Test func splitsOnlyNeverWarn() throws {
        let schedule = try DividendSchedule(actions: [.split(StockSplit(effectiveDate: jan2025, ratio: w("4")))])
        #expect(StockTokenIndex.coverageWarnings(schedule: schedule, from: jan2025 - 3650 * day, to: jan2025 + 3650 * day).isEmpty)
    }

    // MARK: Assumed yield

    /// A flat gross yield q at withholding w: growth e^{q(1−w)τ} from the window's end, whatever is listed.
    @Test func assumedYieldClosedForm() throws {
        let schedule = try evenSchedule(count: 6, gapDays: 30)
        let to = jan2025 + 100 * day
        let maturity = to + 400 * day
        let report = try DividendsReport.compute(
            schedule: schedule, withholding: .treaty, to: to, maturity: maturity,
            assumedGrossYield: 0.005)
        let tau = 400.0 / 365
        let growth = Foundation.exp(0.005 * 0.85 * tau)
        #expect(report.projectionBasis == .assumedYield && report.assumedGrossYield == 0.005)
        let projection = try #require(report.projection)
        #expect(abs(projection.expectedGrowth - growth) < 1e-15)
        #expect(abs(projection.ptFairPriceInShares - 1 / growth) < 1e-15)
        #expect(abs(projection.ytFairPriceInShares - (growth - 1) * 0.97 / growth) < 1e-15)
        #expect(abs(projection.expectedUnderlyingApy - Foundation.expm1(0.005 * 0.85)) < 1e-14)
        #expect(projection.dividendsBeforeMaturity.isEmpty)  // the listed ones after `to` are not used
        // Without it the listed dividends are.
        #expect(try DividendsReport.compute(schedule: schedule, to: to, maturity: maturity).projectionBasis == .listedDividends)
    }

    @Test func assumedYieldBadInput() throws {
        let schedule = try evenSchedule(count: 3, gapDays: 30)
        let maturity = jan2025 + 400 * day
        #expect(
            throws: TokenizationError.rateOutOfRange(
                field: "assumed yield", value: -0.01,
                reason: "must be ≥ 0: a gross dividend yield, a fraction of the price a year (0.005 is 0.5 %)")
        ) {
            try DividendsReport.compute(schedule: schedule, maturity: maturity, assumedGrossYield: -0.01)
        }
        #expect(throws: TokenizationError.nonFiniteValue(field: "assumed yield")) {
            try DividendsReport.compute(schedule: schedule, maturity: maturity, assumedGrossYield: .nan)
        }
        #expect(throws: TokenizationError.missingInput(field: "assumed yield", needs: "a maturity to project to")) {
            try DividendsReport.compute(schedule: schedule, assumedGrossYield: 0.01)
        }
    }

    // MARK: Market comparison

    /// At the market's time: PT_m = e^{−r·τ} from the stored ln rate, PT_f = I₀/I_T, and the bp measures
    /// from the two prices and the two APYs.
    @Test func marketAgainstFairClosedForms() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let expiry = file.market.expiry
        let to = try #require(file.blockTime)
        let schedule = try scheduleBefore(to)
        let q = 0.0046
        let report = try DividendsReport.compute(
            schedule: schedule, to: to, stockPriceUsd: 200, assumedGrossYield: q,
            market: file.curve)
        #expect(report.maturity == expiry)  // defaults to the market's expiry
        let c = try #require(report.marketComparison)
        let tau = Double(expiry - to) / 31_536_000
        let lnRate = file.market.lastLnImpliedRate.doubleValue
        let marketPt = Foundation.exp(-lnRate * tau)
        let marketApy = Foundation.expm1(lnRate)
        let growth = Foundation.exp(q * 0.7 * tau)
        let fairPt = 1 / growth
        let fairYt = (growth - 1) * 0.97 / growth
        let fairApy = Foundation.expm1(q * 0.7)
        #expect(c.time == to && c.expiry == expiry && abs(c.yearsToExpiry - tau) < 1e-15)
        #expect(abs(c.marketPtPriceInShares - marketPt) < 1e-15)
        #expect(abs(c.marketYtPriceInShares - (1 - marketPt)) < 1e-15)
        #expect(abs(c.marketImpliedApy - marketApy) < 1e-15)
        #expect(abs(c.fairPtPriceInShares - fairPt) < 1e-15 && abs(c.fairYtPriceInShares - fairYt) < 1e-15)
        #expect(abs(c.fairImpliedApy - fairApy) < 1e-13)
        #expect(abs(c.ptRichBp - (marketPt / fairPt - 1) * 1e4) < 1e-8)
        #expect(abs(try #require(c.ytRichBp) - ((1 - marketPt) / fairYt - 1) * 1e4) < 1e-6)
        #expect(abs(c.impliedApyMinusFairBp - (marketApy - fairApy) * 1e4) < 1e-8)
        // Rich PT ⇔ implied APY below fair: the two measures have opposite signs.
        #expect(c.ptRichBp * c.impliedApyMinusFairBp < 0)
        #expect(abs(try #require(c.marketPtPriceUsd) - 200 * marketPt) < 1e-10)
        #expect(abs(try #require(c.fairYtPriceUsd) - 200 * fairYt) < 1e-12)
    }

    /// A fair APY equal to the market's: PT neither rich nor cheap.
    @Test func fairMarketIsNeitherRichNorCheap() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let blockTime: Int64 = try #require(file.blockTime)
        let schedule = try scheduleBefore(blockTime)
        // q (1 − w) = ln(1 + APY): the projection's APY is the market's.
        let q = file.market.lastLnImpliedRate.doubleValue / 0.7
        let report = try DividendsReport.compute(
            schedule: schedule, to: blockTime, assumedGrossYield: q,
            market: file.curve)
        let c = try #require(report.marketComparison)
        #expect(abs(c.ptRichBp) < 1e-9 && abs(c.impliedApyMinusFairBp) < 1e-9)
    }

    /// The comparison needs the market's expiry as the maturity, and a start before it.
    @Test func marketBadInput() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let expiry = file.market.expiry
        let to = try #require(file.blockTime)
        let schedule = try scheduleBefore(to)
        #expect(throws: TokenizationError.maturityNotMarketExpiry(maturity: UnixTime.format(expiry + day), expiry: UnixTime.format(expiry))) {
            try DividendsReport.compute(schedule: schedule, to: to, maturity: expiry + day, market: file.curve)
        }
        #expect(throws: TokenizationError.maturityNotMarketExpiry(maturity: UnixTime.format(expiry - day), expiry: UnixTime.format(expiry))) {
            try DividendsReport.compute(schedule: schedule, to: to, maturity: expiry - day, market: file.curve)
        }
        #expect(throws: TokenizationError.self) {
            try DividendsReport.compute(schedule: schedule, to: expiry, market: file.curve)  // no time left: InvalidDateRange
        }
    }

    /// `split` with a market: the legs at the market's implied APY at the valuation time; a given APY wins.
    @Test func splitAtMarketPrices() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let at = try #require(file.blockTime)
        let split = try SplitReport.compute(
            tokens: w("100"), exchangeRate: file.pyIndex, pyIndexStored: file.pyIndex,
            valuationTime: at, market: file.curve)
        let snapshot = try PendleMarketMath.snapshot(file.market, pyIndex: file.pyIndex, blockTime: at)
        #expect(split.expiry == file.market.expiry)
        #expect(split.ptImpliedApySource == .market && split.ptImpliedApy == snapshot.impliedApy)
        let tau = Double(file.market.expiry - at) / 31_536_000
        #expect(abs(try #require(split.ptPriceInAsset) - Foundation.exp(-file.market.lastLnImpliedRate.doubleValue * tau)) < 1e-15)
        let given = try SplitReport.compute(
            tokens: w("100"), exchangeRate: file.pyIndex, valuationTime: at, ptImpliedApy: 0.01,
            market: file.curve)
        #expect(given.ptImpliedApySource == .given && given.ptImpliedApy == 0.01)
        #expect(try SplitReport.compute(tokens: w("100"), exchangeRate: file.pyIndex).ptImpliedApySource == nil)
    }
}
