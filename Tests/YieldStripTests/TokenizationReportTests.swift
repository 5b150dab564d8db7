import Foundation
import Testing
import YieldStrip

/// The reports behind `split`, `dividends` and `yt-interest`, and the worked AAPL example of
/// `docs/tokenization.md` (every number there is checked here).
@Suite struct TokenizationReportTests {
    func w(_ s: String) -> Wad { Wad(decimal: s)! }
    func wei(_ s: String) -> Wad { Wad(raw: Int256(s)!) }
    let sep2024: Int64 = 1_725_148_800  // 2024-09-01
    let sep2025: Int64 = 1_756_684_800  // 2025-09-01
    let mar2026: Int64 = 1_772_323_200  // 2026-03-01

    // MARK: Worked AAPL example

    /// The last four AAPL dividends (2024-11-08 … 2025-08-11) at 30 % withholding over 2024-09-01 → 2025-09-01.
    func aaplReport(maturity: Int64? = nil) throws -> DividendsReport {
        let schedule = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path("aapl.csv"))
        return try DividendsReport.compute(
            schedule: schedule, withholding: .standard, from: sep2024, to: sep2025,
            maturity: maturity, interestFeeRate: w("0.03"), stockPriceUsd: 230)
    }

    @Test func workedExampleIndexPath() throws {
        let r = try aaplReport()
        let rows = r.path.rows
        #expect(rows.map(\.dateText) == ["2024-09-01", "2024-11-08", "2025-02-10", "2025-05-12", "2025-08-11"])
        // 1 + 0.25·0.7/227, ·(1 + 0.25·0.7/227), ·(1 + 0.26·0.7/210), ·(1 + 0.26·0.7/227), one floor per step.
        #expect(
            rows.map(\.yieldIndexWad) == [
                .one, wei("1000770925110132158"), wei("1001542444545789748"),
                wei("1002410447997729432"), wei("1003214142718150519")
            ])
        #expect(abs(rows[4].yieldIndex - 1.0032141427181505) < 1e-15)
        #expect(abs(rows[3].netYield - 0.0008666666666666666) < 1e-18)
        // 365 days: the realized APY is the growth.
        #expect(r.path.years == 1)
        #expect(abs(r.realizedApy - 0.003214142718150459) < 1e-15)
        // One YT over the year: the exact steps, the 3 % fee, what is paid.
        #expect(
            r.ytInterestPerYT.steps.map(\.interest) == [
                wei("770331242434246"), wei("769737832211175"),
                wei("864582635184813"), wei("799193392913218")
            ])
        #expect(r.ytInterestPerYT.accrued == wei("3203845102743452"))
        #expect(r.ytInterestPerYT.fee == wei("96115353082303"))
        #expect(r.ytInterestPerYT.paid == wei("3107729749661149"))
        #expect(abs(r.ytPaidPerYTInShares - 0.003117718436606002) < 1e-15)
        #expect(abs(r.ytInterestPerYTDouble.paid - r.ytInterestPerYT.paid.doubleValue) < 1e-15)
        #expect(abs(r.ytPaidPerYTUsd! - 230 * 0.003117718436606002) < 1e-12)
    }

    @Test func workedExampleProjection() throws {
        let r = try aaplReport(maturity: mar2026)
        #expect(r.projectionBasis == .trailingYield)
        let p = try #require(r.projection)
        #expect(abs(p.yearsToMaturity - 0.4958904109589041) < 1e-15)
        #expect(abs(p.expectedIndexAtMaturity - 1.0048118348543624) < 1e-14)
        #expect(abs(r.projectedApy! - 0.003214142718150459) < 1e-13)
        #expect(abs(p.ptFairPriceInShares - 0.9984099588790736) < 1e-14)
        #expect(abs(p.ytFairPriceInShares - 0.0015423398872986293) < 1e-14)
        #expect(abs(p.ptFairPriceUsd! - 229.63429054218693) < 1e-10)
        #expect(abs(p.ytFairPriceUsd! - 0.35473817407868474) < 1e-11)
        // A maturity before a listed row is rejected with that row's line (2025-08-11 is line 16 of aapl.csv).
        let e = #expect(throws: TokenizationError.self) { try aaplReport(maturity: 1_754_006_400) }  // 2025-08-01
        #expect(e?.errorName == "DateAfterMaturity" && e?.line == 16)
    }

    @Test func workedExampleSplit() throws {
        let index = wei("1003214142718150519")
        let s = try SplitReport.compute(
            tokens: w("100"), exchangeRate: index, expiry: mar2026, valuationTime: sep2025,
            ptImpliedApy: 0.0035, stockPriceUsd: 230)
        #expect(s.amountSy == w("100") && s.pyIndex == index && !s.negativeYield)
        #expect(s.amountPt == wei("100321414271815051900") && s.amountYt == s.amountPt)
        #expect(s.syValueInShares == wei("100321414271815051900"))
        #expect(s.pairRedeemsForSy == w("100") && s.pairRoundingLossSy == .zero)
        #expect(s.ptRedeemsAtMaturityForShares == s.amountPt)
        #expect(s.ytInterestSyPerOnePercentIndexRise == wei("990099009900990080"))
        #expect(abs(s.yearsToExpiry! - 0.4958904109589041) < 1e-15)
        #expect(abs(s.ptPriceInAsset! - 0.9982689138828411) < 1e-15)
        #expect(abs(s.ptValueInShares! - 100.14774926431538) < 1e-12)
        #expect(abs(s.ytValueInShares! - 0.17366500749968444) < 1e-12)
        #expect(abs(s.syValueUsd! - 23073.925282517463) < 1e-9)
        #expect(abs(s.ptValueUsd! - 23033.982330792536) < 1e-9)
        #expect(abs(s.ytValueUsd! - 39.94295172492742) < 1e-9)
        // PT + YT value = the PY amount in shares = the SY's value at the index.
        #expect(abs(s.ptValueInShares! + s.ytValueInShares! - s.syValueInShares.doubleValue) < 1e-12)
    }

    // MARK: split

    @Test func splitNegativeYieldAndErrors() throws {
        let s = try SplitReport.compute(tokens: w("10"), exchangeRate: w("1.01"), pyIndexStored: w("1.02"))
        #expect(s.negativeYield && s.pyIndex == w("1.02") && s.amountPt == w("10.2"))
        #expect(s.syValueInShares == w("10.1"))
        #expect(s.ptValueInShares == nil && s.syValueUsd == nil)
        // 1 wei lost to the two floors: 3 SY at 1.000000000000000007 → 3.000000000000000021 PY → 2.999999999999999999… SY.
        let r = try SplitReport.compute(tokens: w("3"), exchangeRate: wei("1000000000000000007"))
        #expect(r.amountPt == wei("3000000000000000021") && r.pairRedeemsForSy == wei("3000000000000000000"))
        let lossy = try SplitReport.compute(tokens: wei("1"), exchangeRate: w("1.5"))
        #expect(lossy.pairRoundingLossSy == wei("1"))

        #expect(throws: PendleError.yieldContractExpired(expiry: sep2025, time: sep2025)) {
            try SplitReport.compute(tokens: w("1"), exchangeRate: .one, expiry: sep2025, valuationTime: sep2025)
        }
        #expect(throws: TokenizationError.nonPositiveExchangeRate(line: 0, field: "exchange rate", value: "0")) {
            try SplitReport.compute(tokens: w("1"), exchangeRate: .zero)
        }
        #expect(throws: TokenizationError.negativeAmount(line: 0, field: "tokens", value: "-5")) {
            try SplitReport.compute(tokens: w("-5"), exchangeRate: .one)
        }
        #expect(throws: TokenizationError.missingInput(field: "PT implied APY", needs: "an expiry and a valuation time")) {
            try SplitReport.compute(tokens: w("1"), exchangeRate: .one, ptImpliedApy: 0.05)
        }
        #expect(throws: TokenizationError.missingInput(field: "valuation time", needs: "an expiry")) {
            try SplitReport.compute(tokens: w("1"), exchangeRate: .one, valuationTime: sep2025)
        }
        #expect(throws: TokenizationError.nonPositivePrice(line: 0, field: "stock price", value: "-1.0")) {
            try SplitReport.compute(tokens: w("1"), exchangeRate: .one, stockPriceUsd: -1)
        }
    }

    // MARK: yt-interest

    @Test func ytInterestReport() throws {
        let r = try YTInterestReport.compute(balance: w("100"), indexFrom: w("1"), indexTo: w("1.25"), feeRate: w("0.03"))
        #expect(r.interestSy == w("20") && r.feeSy == w("0.6") && r.paidSy == w("19.4"))
        #expect(abs(r.paidInAsset - 24.25) < 1e-12 && !r.negativeYield)
        #expect(abs(r.interestSyDouble - 20) < 1e-12 && abs(r.paidSyDouble - 19.4) < 1e-12)
        // Default fee 3 %; wei-level indexes floor once.
        let d = try YTInterestReport.compute(balance: w("1"), indexFrom: wei("1000000000000000001"), indexTo: wei("1000000000000000003"))
        #expect(d.feeRate == w("0.03") && d.interestSy == wei("1"))
        // A falling index is negative yield: nothing accrues.
        let n = try YTInterestReport.compute(balance: w("100"), indexFrom: w("1.1"), indexTo: w("1.05"))
        #expect(n.negativeYield && n.interestSy == .zero && n.effectiveIndexTo == w("1.1"))
        #expect(throws: TokenizationError.invalidFeeRate(value: "-0.01")) {
            try YTInterestReport.compute(balance: w("1"), indexFrom: .one, indexTo: .one, feeRate: w("-0.01"))
        }
        #expect(throws: TokenizationError.nonPositiveExchangeRate(line: 0, field: "index-from", value: "0")) {
            try YTInterestReport.compute(balance: w("1"), indexFrom: .zero, indexTo: .one)
        }
    }

    /// The real-arithmetic interest loses nothing to cancellation when the index barely moves: against the
    /// exact rational `balance · (to − from) / (from · to)` (on the wei integers, rounded once), within a few
    /// ulps — where the difference of the two indexes taken in `Double` is off by ~1e-7 relative.
    @Test func ytInterestRealValuesAreFreeOfCancellation() throws {
        /// n / d to the nearest `Double` up to one truncation far below an ulp (n < 2^128, d < 2^128).
        func ratio(_ n: UInt256, _ d: UInt256) -> Double {
            (n << 128).quotientAndRemainder(dividingBy: d).quotient.doubleValue * 0x1p-128
        }
        func uint(_ value: Wad) -> UInt256 { value.raw.magnitude }
        let cases: [(String, String, String)] = [
            ("1", "1.000000001", "1.000000002"), ("1", "1", "1.000000000000000001"), ("250", "1.2345", "1.234500000000123"),
            ("1", "1", "1.003214142718150519"), ("1000", "3.000000000000000001", "3.000000000000000007"), ("0.5", "1", "1.25")
        ]
        var naiveWorst = 0.0
        for (balance, from, to) in cases {
            let r = try YTInterestReport.compute(balance: w(balance), indexFrom: w(from), indexTo: w(to), feeRate: w("0.03"))
            let b = uint(w(balance))
            let f = uint(w(from))
            let t = uint(w(to))
            let (tMinusF, _) = t.subtractingReportingOverflow(f)
            let (numerator, o1) = b.multipliedReportingOverflow(by: tMinusF)
            let (denominator, o2) = f.multipliedReportingOverflow(by: t)
            try #require(!o1 && !o2 && numerator.bitLength < 128 && denominator.bitLength < 128)
            let exact = ratio(numerator, denominator)
            #expect(abs(r.interestSyDouble - exact) <= 4 * exact.ulp, "\(from) → \(to): \(r.interestSyDouble) vs \(exact)")
            #expect(abs(r.feeSyDouble - exact * 0.03) <= 1e-15 * exact && abs(r.paidSyDouble - exact * 0.97) <= 1e-15 * exact)
            // The exact figure (floored to the wei) sits within a wei below the real one.
            #expect(r.interestSy.doubleValue <= exact * (1 + 1e-15) && exact - r.interestSy.doubleValue < 1e-18 + 2 * exact.ulp)
            let naive = w(balance).doubleValue * (w(to).doubleValue - w(from).doubleValue) / (w(from).doubleValue * w(to).doubleValue)
            naiveWorst = max(naiveWorst, abs(naive - exact) / exact)
        }
        // The cancellation the exact difference avoids: the first case alone is off by 1.4e-7 in plain `Double`.
        #expect(naiveWorst > 1e-8)
    }

    // MARK: dividends

    /// With a 2-for-1 split in the window, USD values use today's quote times the multiplier: one YT that
    /// collected a $1 dividend (reinvested at $100, no tax, no fee) is worth $1 after the split at $50.
    @Test func dividendsReportAcrossASplit() throws {
        let schedule = try DividendSchedule(actions: [
            .dividend(DividendEvent(exDate: 1_738_540_800, amountPerShareUsd: w("1"), reinvestPriceUsd: w("100"))),  // 2025-02-03
            .split(StockSplit(effectiveDate: 1_743_465_600, ratio: w("2")))  // 2025-04-01
        ])
        let r = try DividendsReport.compute(
            schedule: schedule, withholding: .exempt, from: 1_735_689_600, to: 1_748_736_000,
            maturity: 1_767_225_600, interestFeeRate: .zero, stockPriceUsd: 50)
        #expect(r.path.endRow.multiplierWad == w("2.02") && r.path.endRow.yieldIndexWad == w("1.01"))
        #expect(r.ytInterestPerYT.paid == wei("9900990099009900"))  // floor(1e18 · 0.01 / 1.01)
        #expect(abs(r.ytPaidPerYTInShares - 0.01) < 1e-15)
        #expect(abs(r.ytPaidPerYTUsd! - 1) < 1e-14)
        #expect(r.projection?.stockPriceUsd == 100)  // per split-adjusted share
    }

    @Test func dividendsReportWithListedFutureDividends() throws {
        let text = """
            ex_date,amount,reinvest_price
            2025-02-10,0.5,100
            2025-05-12,0.5,100
            2025-08-11,0.5
            """
        let schedule = try ScheduleFiles.parseDividendSchedule(text)
        let r = try DividendsReport.compute(
            schedule: schedule, withholding: .exempt, prices: .flat(usdPerShare: w("50")),
            from: 1_735_689_600, to: 1_748_736_000,  // 2025-01-01 → 2025-06-01
            maturity: 1_767_225_600, interestFeeRate: .zero)  // 2026-01-01
        #expect(r.projectionBasis == .listedDividends)
        #expect(r.path.rows.count == 3 && r.path.endRow.yieldIndexWad == w("1.010025"))
        let p = try #require(r.projection)
        #expect(p.dividendsBeforeMaturity.count == 1 && p.dividendsBeforeMaturity[0].reinvestPriceUsd == 50)
        #expect(abs(p.expectedGrowth - 1.01) < 1e-15)
        #expect(throws: TokenizationError.invalidDateRange(what: "projection (window end → maturity)", start: "2025-08-11", end: "2025-08-11")) {
            try DividendsReport.compute(schedule: schedule, prices: .flat(usdPerShare: w("50")), maturity: 1_754_870_400)  // 2025-08-11
        }
        #expect(throws: TokenizationError.invalidDateRange(what: "index window", start: "2025-06-01", end: "2025-01-01")) {
            try DividendsReport.compute(schedule: schedule, from: 1_748_736_000, to: 1_735_689_600)
        }
    }
}
