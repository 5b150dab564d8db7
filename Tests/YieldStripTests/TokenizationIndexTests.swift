import Foundation
import Testing
import YieldStrip

/// The stock token's index: the reinvestment step, withholding, splits, rate series and default windows.
@Suite struct TokenizationIndexTests {
    func w(_ s: String) -> Wad { Wad(decimal: s)! }
    func wei(_ s: String) -> Wad { Wad(raw: Int256(s)!) }
    func day(_ iso: String) -> Int64 {
        // Independent of the library's parser: Foundation's calendar.
        var c = DateComponents()
        let parts = iso.split(separator: "-").map { Int($0)! }
        (c.year, c.month, c.day) = (parts[0], parts[1], parts[2])
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return Int64(cal.date(from: c)!.timeIntervalSince1970)
    }

    /// One dividend of d = 0.50 at P = 100 with 30 % withheld: index 1 + 0.5 · 0.7 / 100 = 1.0035.
    @Test func oneDividendClosedForm() throws {
        let schedule = try DividendSchedule(actions: [
            .dividend(
                DividendEvent(
                    exDate: day("2025-03-03"), amountPerShareUsd: w("0.5"),
                    reinvestPriceUsd: w("100")))
        ])
        let path = try StockTokenIndex.path(schedule: schedule, from: day("2025-01-01"), to: day("2025-06-01"))
        #expect(path.rows.count == 2)
        #expect(path.rows[1].yieldIndexWad == w("1.0035"))
        #expect(abs(path.rows[1].yieldIndex - 1.0035) < 1e-15)
        #expect(abs(path.rows[1].netYield - 0.0035) < 1e-17)
        #expect(path.rows[1].kind == .dividend && path.rows[1].dateText == "2025-03-03")
        // The exact step floors once: 1.000000000000000001 · 0.24 · 0.7 / 186 adds floor(903225806451612.9…) wei.
        let step = try StockTokenIndex.reinvest(
            index: wei("1000000000000000001"), dividendPerShareUsd: w("0.24"),
            withholding: .standard, reinvestPriceUsd: w("186"))
        #expect(step == wei("1000903225806451613"))
    }

    /// Withholding 0 % vs 30 %: every per-event yield is in the ratio 1 / 0.7.
    @Test func withholdingRatio() throws {
        let exact0 = try StockTokenIndex.reinvest(index: .one, dividendPerShareUsd: w("0.7"), withholding: .exempt, reinvestPriceUsd: w("100"))
        let exact30 = try StockTokenIndex.reinvest(index: .one, dividendPerShareUsd: w("0.7"), withholding: .standard, reinvestPriceUsd: w("100"))
        #expect(exact0 == w("1.007") && exact30 == w("1.0049"))
        let schedule = try ScheduleFiles.parseDividendSchedule(try String(contentsOfFile: TokenizationExampleData.path("aapl.csv"), encoding: .utf8))
        let p0 = try StockTokenIndex.path(schedule: schedule, withholding: .exempt)
        let p30 = try StockTokenIndex.path(schedule: schedule, withholding: .standard)
        let p15 = try StockTokenIndex.path(schedule: schedule, withholding: .treaty)
        for (a, b) in zip(p0.rows.dropFirst(), p30.rows.dropFirst()) {
            #expect(abs(a.netYield / b.netYield - 1 / 0.7) < 1e-14)
        }
        for (a, b) in zip(p0.rows.dropFirst(), p15.rows.dropFirst()) {
            #expect(abs(a.netYield / b.netYield - 1 / 0.85) < 1e-14)
        }
        #expect(p0.realizedApy > p15.realizedApy && p15.realizedApy > p30.realizedApy)
        #expect(throws: TokenizationError.invalidWithholding(value: "1.01")) { try Withholding(rate: Wad(decimal: "1.01")!) }
        #expect(throws: TokenizationError.invalidWithholding(value: "-0.1")) { try Withholding(rate: Wad(decimal: "-0.1")!) }
    }

    /// A 10-for-1 split moves the multiplier ×10 and leaves the yield index unchanged; a later dividend on
    /// the post-split price grows both by the same factor; a 1-for-10 reverse split likewise.
    @Test func splitLeavesYieldIndexUnchanged() throws {
        let actions: [CorporateAction] = [
            .dividend(DividendEvent(exDate: day("2024-02-01"), amountPerShareUsd: w("1"), reinvestPriceUsd: w("200"))),
            .split(StockSplit(effectiveDate: day("2024-03-01"), ratio: w("10"))),
            .dividend(DividendEvent(exDate: day("2024-05-01"), amountPerShareUsd: w("0.1"), reinvestPriceUsd: w("20"))),
            .split(StockSplit(effectiveDate: day("2024-06-03"), ratio: w("0.1")))
        ]
        let path = try StockTokenIndex.path(
            schedule: try DividendSchedule(actions: actions), withholding: .exempt,
            from: day("2024-01-01"), to: day("2024-07-01"))
        let r = path.rows
        #expect(r.map(\.kind) == [.start, .dividend, .split, .dividend, .split])
        #expect(r[1].yieldIndexWad == w("1.005") && r[1].multiplierWad == w("1.005"))
        #expect(r[2].yieldIndexWad == w("1.005") && r[2].multiplierWad == w("10.05") && r[2].splitFactorWad == w("10"))
        #expect(r[3].yieldIndexWad == w("1.010025") && r[3].multiplierWad == w("10.10025"))
        #expect(r[4].yieldIndexWad == w("1.010025") && r[4].multiplierWad == w("1.010025") && r[4].splitFactorWad == w("1"))
        #expect(abs(r[2].multiplier - 10.05) < 1e-12 && abs(r[2].yieldIndex - 1.005) < 1e-15)
        #expect(abs(path.realizedGrowth - 1.010025) < 1e-15)
        // Without dividends, a split alone reads as no yield.
        let splitOnly = try StockTokenIndex.path(
            schedule: try DividendSchedule(actions: [actions[1]]),
            from: day("2024-01-01"), to: day("2024-07-01"))
        #expect(splitOnly.realizedGrowth == 1 && splitOnly.realizedApy == 0)
        #expect(splitOnly.endRow.multiplierWad == w("10") && splitOnly.endRow.yieldIndexWad == .one)
    }

    /// A chain-read multiplier series: the split divides out; a falling multiplier leaves the PY index at
    /// its high-water mark.
    @Test func exchangeRateSeries() throws {
        let csv = """
            date,multiplier,split_ratio
            2025-01-01,1.0
            2025-02-01,1.01
            2025-03-01,10.1,10
            2025-04-01,10.05
            2025-05-01,10.2
            """
        let series = try ScheduleFiles.parseExchangeRateSeries(csv)
        let path = try StockTokenIndex.path(series: series)
        #expect(path.rows.map(\.yieldIndexWad) == [w("1"), w("1.01"), w("1.01"), w("1.005"), w("1.02")])
        #expect(path.rows.map(\.pyIndexWad) == [w("1"), w("1.01"), w("1.01"), w("1.01"), w("1.02")])
        #expect(abs(path.realizedGrowth - 1.02) < 1e-15)
        let json = """
            {"observations": [
              {"date": "2025-01-01", "multiplier": 1},
              {"date": "2025-03-01", "multiplier": "0", "splitRatio": null}
            ]}
            """
        let e = #expect(throws: TokenizationError.self) { try ScheduleFiles.parseExchangeRateSeries(json) }
        #expect(e?.errorName == "NonPositiveExchangeRate" && e?.line == 3)
    }

    /// The default window starts one median gap before the first dividend.
    @Test func defaultWindow() throws {
        let schedule = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path("aapl.csv"))
        let window = try StockTokenIndex.defaultWindow(for: schedule)
        // Gaps 91, 91, 94, 88, 94, 91, 91 days: median 91; 2023-11-10 − 91 d = 2023-08-11.
        #expect(window.from == day("2023-08-11") && window.to == day("2025-08-11"))
        let path = try StockTokenIndex.path(schedule: schedule)
        #expect(path.rows.count == 9)
        let single = try DividendSchedule(actions: [
            .dividend(
                DividendEvent(
                    exDate: day("2025-06-01"), amountPerShareUsd: w("1"),
                    reinvestPriceUsd: w("50")))
        ])
        #expect(try StockTokenIndex.defaultWindow(for: single).from == day("2024-06-01"))
    }

    /// Missing prices: the price assumption supplies them; without one the error names the line.
    @Test func reinvestPriceAssumptions() throws {
        let csv = "ex_date,amount\n2025-02-03,0.5\n2025-05-05,0.5\n"
        let schedule = try ScheduleFiles.parseDividendSchedule(csv)
        let e = #expect(throws: TokenizationError.self) { try StockTokenIndex.path(schedule: schedule) }
        #expect(e?.errorName == "MissingReinvestPrice" && e?.line == 2 && e?.message.contains("line 2") == true)
        let flat = try StockTokenIndex.path(schedule: schedule, prices: .flat(usdPerShare: w("100")))
        #expect(flat.endRow.yieldIndexWad == w("1.00701225"))  // 1.0035²
        let series = try StockTokenIndex.path(
            schedule: schedule,
            prices: .series([
                PricePoint(date: day("2025-01-31"), usdPerShare: w("100")),
                PricePoint(date: day("2025-05-05"), usdPerShare: w("50"))
            ]))
        #expect(series.rows[1].reinvestPriceUsd == w("100") && series.rows[2].reinvestPriceUsd == w("50"))
        #expect(series.endRow.yieldIndexWad == w("1.0105245"))  // 1.0035 · 1.007
        let early = #expect(throws: TokenizationError.self) {
            try StockTokenIndex.path(schedule: schedule, prices: .series([PricePoint(date: day("2025-03-01"), usdPerShare: w("100"))]))
        }
        #expect(early?.errorName == "MissingReinvestPrice")
    }
}

/// Paths of the example files, relative to this source file (the test target bundles only `Vectors`).
enum TokenizationExampleData {
    static func path(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/data").appendingPathComponent(name).path
    }
}
