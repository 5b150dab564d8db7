import Foundation
import Testing
import YieldStrip

/// The minimum-variance hedge ratio: a hand-computed OLS, the modes on series with a known answer, the
/// date join, the CSV reader, and every bad input named with its file and line.
@Suite struct MinimumVarianceHedgeTests {
    static func series(_ text: String, _ source: String, column: String? = nil) throws(HedgeDataError) -> DatedSeries {
        try DatedSeries.parseCSV(text, source: source, valueColumn: column)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-14) -> Bool {
        abs(a - b) <= tolerance * Swift.max(1, abs(b))
    }

    /// A CSV of `values` on consecutive days from 2024-01-01.
    static func csv(_ values: [Double], header: String = "date,close") -> String {
        header + "\n"
            + values.enumerated().map { "\(UnixTime.formatDate(1_704_067_200 + Int64($0.offset) * 86_400)),\($0.element)" }
            .joined(separator: "\n") + "\n"
    }

    /// Seven dates; the changes are small integers, so every figure is a fraction worked out by hand:
    /// ```
    /// x = ΔF = [2, −1, 3, 0, −2, 4]    Σx = 6, x̄ = 1        x − x̄ = [1, −2, 2, −1, −3, 3]
    /// y = ΔS = [1, 0, 2, 1, −1, 2]     Σy = 5, ȳ = 5/6
    /// Sxx = Σ(x − x̄)²           = 1 + 4 + 4 + 1 + 9 + 9              = 28
    /// Sxy = Σ(x − x̄)·y          = 1 + 0 + 4 − 1 + 3 + 6              = 13
    /// Syy = Σy² − n·ȳ²          = 11 − 6·25/36                       = 41/6
    /// h*  = Sxy / Sxx                                                = 13/28
    /// a   = ȳ − h*·x̄            = 5/6 − 13/28                        = 31/84
    /// SSE = Syy − h*·Sxy        = 41/6 − 169/28                      = 67/84
    /// SE² = SSE/(n − 2) / Sxx   = (67/84)/4/28                       = 67/9408
    /// R²  = Sxy² / (Sxx·Syy)    = 169 / (28·41/6)                    = 507/574
    /// t   = h*/SE               = (13/28)·sqrt(9408/67) = 13·sqrt(12/67)    (9408 = 28²·12)
    /// s_S = sqrt(Syy/5) = sqrt(41/30),  s_F = sqrt(Sxx/5) = sqrt(28/5)
    /// ```
    @Test func handComputedOLS() throws {
        let spot = try Self.series(Self.csv([100, 101, 101, 103, 104, 103, 105]), "spot.csv")
        let hedge = try Self.series(Self.csv([50, 52, 51, 54, 54, 52, 56]), "hedge.csv")
        let result = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge)
        let r = result.regression
        #expect(result.mode == .differences && r.observations == 6 && r.degreesOfFreedom == 4 && result.joinedDates == 7)
        #expect(Self.close(r.hedgeRatio, 13.0 / 28))
        #expect(Self.close(r.intercept, 31.0 / 84))
        #expect(Self.close(r.standardError, (67.0 / 9408).squareRoot()))
        #expect(Self.close(r.rSquared, 507.0 / 574))
        #expect(Self.close(r.correlation, 13 * (3.0 / 574).squareRoot()))
        #expect(Self.close(try #require(r.tStatistic), 13 * (12.0 / 67).squareRoot()))
        #expect(Self.close(r.spotStandardDeviation, (41.0 / 30).squareRoot()) && Self.close(r.hedgeStandardDeviation, (28.0 / 5).squareRoot()))
        #expect(Self.close(r.spotMean, 5.0 / 6) && Self.close(r.hedgeMean, 1))
        // Hull's forms of the same numbers: h* = ρ·s_S/s_F, SE = (s_S/s_F)·sqrt((1 − R²)/(n − 2)).
        #expect(Self.close(r.hedgeRatio, r.correlation * r.spotStandardDeviation / r.hedgeStandardDeviation))
        #expect(Self.close(r.standardError, r.spotStandardDeviation / r.hedgeStandardDeviation * ((1 - r.rSquared) / 4).squareRoot()))
        #expect(result.unmatched.count == 0 && result.unmatched.spotOnly.isEmpty && result.unmatched.hedgeOnly.isEmpty)
        // The same pairs through the fit on arrays.
        let direct = try MinimumVarianceHedge.fit(spot: [1, 0, 2, 1, -1, 2], hedge: [2, -1, 3, 0, -2, 4])
        #expect(direct.hedgeRatio == r.hedgeRatio && direct.standardError == r.standardError && direct.rSquared == r.rSquared)
    }

    /// hedge = 2·spot + 7.5 exactly (quarter values, so every change is exact).
    static let spotLevels: [Double] = [40, 40.25, 39.5, 41, 42.75, 42, 43.5, 43.25]
    static var hedgeLevels: [Double] { spotLevels.map { 2 * $0 + 7.5 } }

    @Test func differencesOfAnExactLinearPair() throws {
        let spot = try Self.series(Self.csv(Self.spotLevels), "s")
        let hedge = try Self.series(Self.csv(Self.hedgeLevels), "h")
        let r = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .differences).regression
        #expect(r.hedgeRatio == 0.5 && r.intercept == 0 && r.rSquared == 1 && r.correlation == 1)
        #expect(r.standardError == 0 && r.tStatistic == nil && r.observations == 7)
    }

    @Test func levelsOfAnExactLinearPair() throws {
        let spot = try Self.series(Self.csv(Self.spotLevels), "s")
        let hedge = try Self.series(Self.csv(Self.hedgeLevels), "h")
        let result = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .levels)
        let r = result.regression
        #expect(r.hedgeRatio == 0.5 && r.intercept == -3.75 && r.rSquared == 1 && r.observations == 8)
        #expect(result.assumptions[0].hasPrefix("levels:"))
    }

    /// hedge = 3·spot: the returns are the same numbers, so h* = 1 exactly.
    @Test func returnsOfProportionalSeries() throws {
        let spot = try Self.series(Self.csv(Self.spotLevels), "s")
        let hedge = try Self.series(Self.csv(Self.spotLevels.map { 3 * $0 }), "h")
        let r = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .returns).regression
        #expect(r.hedgeRatio == 1 && r.intercept == 0 && r.rSquared == 1 && r.tStatistic == nil)
    }

    /// Spot returns built as 0.5 · hedge returns + 0.001: h* = 0.5 and a = 0.001 (to rounding).
    @Test func returnsWithAKnownSlopeAndIntercept() throws {
        let hedgeLevels: [Double] = [100, 101.5, 99.8, 102.2, 103, 101.1, 104.6, 104.1, 106]
        var spotLevels: [Double] = [250]
        for k in 1..<hedgeLevels.count {
            let r = (hedgeLevels[k] - hedgeLevels[k - 1]) / hedgeLevels[k - 1]
            spotLevels.append(spotLevels[k - 1] * (1 + 0.5 * r + 0.001))
        }
        let spot = try DatedSeries(
            source: "s", values: spotLevels.enumerated().map { DatedValue(date: Int64($0.offset) * 86_400, value: $0.element, line: $0.offset + 1) })
        let hedge = try DatedSeries(
            source: "h", values: hedgeLevels.enumerated().map { DatedValue(date: Int64($0.offset) * 86_400, value: $0.element, line: $0.offset + 1) })
        let r = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .returns).regression
        #expect(Self.close(r.hedgeRatio, 0.5, 1e-12) && abs(r.intercept - 0.001) < 1e-14 && Self.close(r.rSquared, 1, 1e-12))
    }

    /// spot = 5·hedge²: ln-returns of the spot are exactly twice the hedge's, so h* = 2, a = 0, R² = 1.
    @Test func logReturnsOfAPowerRelation() throws {
        let hedgeLevels: [Double] = [20, 20.6, 19.9, 21.3, 22.05, 21.4, 23.7, 23.1]
        let spot = try Self.series(Self.csv(hedgeLevels.map { 5 * $0 * $0 }), "s")
        let hedge = try Self.series(Self.csv(hedgeLevels), "h")
        let r = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .logReturns).regression
        #expect(Self.close(r.hedgeRatio, 2, 1e-12) && abs(r.intercept) < 1e-14 && Self.close(r.rSquared, 1, 1e-12))
        // In differences the relation is not linear: h* is not 2 there.
        let d = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .differences).regression
        #expect(abs(d.hedgeRatio - 2) > 1 && d.rSquared < 1)
    }

    /// Dates in one file only are reported, and the changes run between consecutive shared dates.
    @Test func unmatchedDatesAreReported() throws {
        let spot = try Self.series(
            """
            # spot: ISO dates
            date,close
            2024-03-01,10
            2024-03-02,11
            2024-03-04,12.5
            2024-03-05,12

            2024-03-06,14   # a comment after data
            2024-03-08,15
            """, "spot.csv")
        let hedge = try Self.series(
            """
            date,close
            \(UnixTime.unixSecondsOrZero("2024-03-01")),20
            \(UnixTime.unixSecondsOrZero("2024-03-03")),21
            \(UnixTime.unixSecondsOrZero("2024-03-04")),24
            \(UnixTime.unixSecondsOrZero("2024-03-05")),23
            \(UnixTime.unixSecondsOrZero("2024-03-06")),27
            \(UnixTime.unixSecondsOrZero("2024-03-07")),26
            \(UnixTime.unixSecondsOrZero("2024-03-08")),29
            \(UnixTime.unixSecondsOrZero("2024-03-09")),30
            """, "hedge.csv")
        let result = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge)
        #expect(result.joinedDates == 5 && result.regression.observations == 4)
        #expect(result.unmatched.spotOnly.map(UnixTime.formatDate) == ["2024-03-02"])
        #expect(result.unmatched.hedgeOnly.map(UnixTime.formatDate) == ["2024-03-03", "2024-03-07", "2024-03-09"])
        #expect(result.unmatched.count == 4)
        #expect(UnixTime.formatDate(result.firstJoinedDate) == "2024-03-01" && UnixTime.formatDate(result.lastJoinedDate) == "2024-03-08")
        #expect(result.spot.rows == 6 && result.hedge.rows == 8 && result.spot.column == "close")
        // Shared dates 03-01, 03-04, 03-05, 03-06, 03-08: spot changes 2.5, −0.5, 2, 1; hedge 4, −1, 4, 2.
        let direct = try MinimumVarianceHedge.fit(spot: [2.5, -0.5, 2, 1], hedge: [4, -1, 4, 2])
        #expect(result.regression == direct)
        #expect(result.warnings == ["4 dates are in one series only and left out: 1 spot-only (first 2024-03-02), 3 hedge-only (first 2024-03-03)"])
        #expect(result.assumptions.contains { $0.contains("1 spot-only and 3 hedge-only dates are left out") })
    }

    @Test func identicalInputsGiveIdenticalResults() throws {
        let text = Self.csv([100, 101, 99, 102, 104, 103])
        let hedgeText = Self.csv([10, 10.2, 9.7, 10.1, 10.6, 10.4])
        let a = try MinimumVarianceHedge.compute(spot: try Self.series(text, "s"), hedge: try Self.series(hedgeText, "h"))
        let b = try MinimumVarianceHedge.compute(spot: try Self.series(text, "s"), hedge: try Self.series(hedgeText, "h"))
        #expect(a == b && a.assumptions == b.assumptions)
    }

    /// Values near 1e8 with changes of a few units: the two-pass sums keep the digits a one-pass sum of
    /// squares would cancel away.
    @Test func largeOffsetsKeepTheirDigits() throws {
        let spot = try Self.series(Self.csv([100, 101, 101, 103, 104, 103, 105].map { $0 + 1e8 }), "s")
        let hedge = try Self.series(Self.csv([50, 52, 51, 54, 54, 52, 56].map { $0 + 3e8 }), "h")
        let r = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .levels).regression
        // Levels: x = [50, 52, 51, 54, 54, 52, 56] + 3e8 has x̄ = 3e8 + 52.714…; the slope is the same as without the offsets.
        let plain = try MinimumVarianceHedge.fit(spot: [100, 101, 101, 103, 104, 103, 105], hedge: [50, 52, 51, 54, 54, 52, 56])
        #expect(Self.close(r.hedgeRatio, plain.hedgeRatio, 1e-9) && Self.close(r.rSquared, plain.rSquared, 1e-9))
        #expect(Self.close(r.standardError, plain.standardError, 1e-8))
    }

    // MARK: The CSV reader

    @Test func valueColumnChoice() throws {
        // The only other column; any case; blanks, quotes and CRLF endings.
        let s = try Self.series("Date , \"Close\"\r\n\"2024-01-01\", 1.5\r\n2024-01-02,+2\r\n", "a.csv")
        #expect(s.column == "Close" && s.values.map(\.value) == [1.5, 2] && s.values.map(\.line) == [2, 3])
        // A byte order mark before the header.
        let bom = try Self.series("\u{FEFF}date,close\n2024-01-01,1\n", "bom.csv")
        #expect(bom.column == "close" && bom.values.count == 1)
        // The only numeric column among several.
        let t = try Self.series("note,date,close\nopen,2024-01-01,3\n,2024-01-02,4\n", "b.csv")
        #expect(t.column == "close" && t.values.map(\.value) == [3, 4])
        // Named (any case), among several numeric ones.
        let u = try Self.series("date,open,close\n2024-01-01,1,2\n2024-01-02,3,4\n", "c.csv", column: "OPEN")
        #expect(u.column == "open" && u.values.map(\.value) == [1, 3])
        // Unix seconds as dates, exponents as values.
        let v = try Self.series("date,v\n1704067200,1e2\n1704153600,-2.5E-1\n", "d.csv")
        #expect(v.values.map(\.date) == [1_704_067_200, 1_704_153_600] && v.values.map(\.value) == [100, -0.25])
    }

    @Test func numberGrammar() {
        func reads(_ text: String) -> Double? {
            try? DatedSeries.parseRows([("2024-01-01", text)], source: "v").values[0].value
        }
        for (text, value) in [
            ("1", 1.0), ("-0.25", -0.25), ("+5", 5), (".5", 0.5), ("5.", 5), ("1e3", 1000), ("1E-3", 0.001),
            ("2.5e+2", 250), ("007", 7)
        ] {
            #expect(reads(text) == value, "\(text)")
        }
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "--1", "1-2", "1.2.3", "NaN", "nan", "inf", "Infinity", "0x10", "1,5", "1_000",
            "5%", "$5", "1 2", "1e400"
        ] {
            #expect(reads(text) == nil, "\(text)")
        }
    }

    /// Every bad input is a named error with the file and the line.
    @Test func badInputNamesFileAndLine() {
        func error(_ text: String, column: String? = nil) -> HedgeDataError? {
            do {
                _ = try Self.series(text, "prices.csv", column: column)
                return nil
            } catch { return error }
        }
        let cases: [(String, String?, String, Int?)] = [
            ("# only a comment\n", nil, "MalformedHeader", 1),
            ("", nil, "MalformedHeader", 1),
            ("time,close\n2024-01-01,1\n", nil, "MalformedHeader", 1),
            ("date,close,close\n", nil, "MalformedHeader", 1),
            ("date,,close\n", nil, "MalformedHeader", 1),
            ("date,close\n", nil, "EmptySeries", nil),
            ("date,close\n2024-01-01,1\n2024-13-01,2\n", nil, "MalformedLine", 3),
            ("date,close\n2024-01-01,1\n,2\n", nil, "MalformedLine", 3),
            ("# c\ndate,close\n2024-01-01,1\n2024-01-02,1.2.3\n", nil, "MalformedLine", 4),
            ("date,close\n2024-01-01,1\n2024-01-02\n", nil, "MalformedLine", 3),
            ("date,close\n2024-01-01,1,7\n", nil, "MalformedLine", 2),
            ("date,close\n2024-01-01,1e400\n", nil, "MalformedLine", 2),
            ("date,close\n2024-01-01,1\n\n2024-01-01,2\n", nil, "DuplicateDate", 4),
            ("date,close\n2024-01-02,1\n2024-01-01,2\n", nil, "UnsortedDates", 3),
            ("date,close\n2024-01-01,1\n", "open", "UnknownColumn", 1),
            ("date,open,close\n2024-01-01,1,2\n", nil, "AmbiguousValueColumn", 1),
            ("date,note\n2024-01-01,x\n", "date", "NoValueColumn", 1),
            ("date,a,b\n2024-01-01,x,y\n", nil, "NoValueColumn", 1),
            ("date\n2024-01-01\n", nil, "NoValueColumn", 1)
        ]
        for (text, column, name, line) in cases {
            let e = error(text, column: column)
            #expect(e?.errorName == name, "\(text.debugDescription): \(String(describing: e))")
            #expect(e?.line == line, "\(text.debugDescription): \(String(describing: e))")
            #expect(e?.file == "prices.csv")
            if let line, let message = e?.message { #expect(message.hasPrefix("prices.csv: line \(line): "), "\(message)") }
        }
        #expect(error("date,close\n2024-01-02,1\n2024-01-01,2\n")?.errorArgs == ["prices.csv", "3", "2024-01-01", "2024-01-02"])
        #expect(error("date,open,close\n2024-01-01,1,2\n")?.errorArgs == ["prices.csv", "1", "open", "close"])
    }

    @Test func unreadableFile() {
        #expect(throws: HedgeDataError.unreadableFile(path: "/nonexistent/prices.csv", reason: "No such file or directory")) {
            try DatedSeries.load(path: "/nonexistent/prices.csv")
        }
    }

    @Test func rowsGivenAsTextPairs() throws {
        let s = try DatedSeries.parseRows([("2024-01-01", "1"), ("1704153600", "2.5")], source: "spot")
        #expect(s.values == [DatedValue(date: 1_704_067_200, value: 1, line: 1), DatedValue(date: 1_704_153_600, value: 2.5, line: 2)])
        #expect(throws: HedgeDataError.unsortedDates(file: "spot", line: 2, date: "2024-01-01", previousDate: "2024-01-02")) {
            try DatedSeries.parseRows([("2024-01-02", "1"), ("2024-01-01", "2")], source: "spot")
        }
        #expect(throws: HedgeDataError.self) { try DatedSeries.parseRows([], source: "spot") }
    }

    // MARK: The pair's errors

    @Test func pairErrors() throws {
        let good = try Self.series(Self.csv([10, 11, 10.5, 12, 12.5]), "good.csv")
        // Returns divide by each value: a zero or negative one is named with its file and line.
        let zero = try Self.series(Self.csv([10, 11, 0, 12, 12.5]), "zero.csv")
        for mode in [HedgeChangeMode.returns, .logReturns] {
            #expect(throws: HedgeDataError.nonPositiveValue(file: "zero.csv", line: 4, value: "0", mode: mode.name)) {
                try MinimumVarianceHedge.compute(spot: good, hedge: zero, mode: mode)
            }
        }
        let negative = try Self.series(Self.csv([10, -1, 10.5, 12, 12.5]), "neg.csv")
        #expect(throws: HedgeDataError.nonPositiveValue(file: "neg.csv", line: 3, value: "-1", mode: "log-returns")) {
            try MinimumVarianceHedge.compute(spot: negative, hedge: good, mode: .logReturns)
        }
        // Differences and levels take any sign.
        _ = try MinimumVarianceHedge.compute(spot: negative, hedge: good, mode: .differences)
        _ = try MinimumVarianceHedge.compute(spot: negative, hedge: good, mode: .levels)

        // Too short: 3 shared dates give 2 changes; 2 dates give 2 levels.
        let three = try Self.series(Self.csv([1, 2, 4]), "three.csv")
        #expect(throws: HedgeDataError.seriesTooShort(observations: 2, needed: 3, mode: "differences", joinedDates: 3, spotOnly: 2, hedgeOnly: 0)) {
            try MinimumVarianceHedge.compute(spot: good, hedge: three)
        }
        _ = try MinimumVarianceHedge.compute(spot: good, hedge: three, mode: .levels)
        let shifted = try Self.series("date,close\n2025-01-01,1\n2025-01-02,2\n2025-01-03,4\n", "later.csv")
        let noOverlap = Self.thrown { () throws(HedgeDataError) in try MinimumVarianceHedge.compute(spot: good, hedge: shifted) }
        #expect(noOverlap == .seriesTooShort(observations: 0, needed: 3, mode: "differences", joinedDates: 0, spotOnly: 5, hedgeOnly: 3))
        #expect(noOverlap?.message.contains("5 spot dates and 3 hedge dates have no match") == true)

        // Zero variance: a constant hedge, or one whose changes are all equal (to rounding).
        let flat = try Self.series(Self.csv([7, 7, 7, 7, 7]), "flat.csv")
        #expect(throws: HedgeDataError.zeroVariance(file: "flat.csv", series: "hedge", mode: "differences")) {
            try MinimumVarianceHedge.compute(spot: good, hedge: flat)
        }
        let trend = try Self.series(Self.csv([100.1, 100.2, 100.3, 100.4, 100.5]), "trend.csv")
        #expect(throws: HedgeDataError.zeroVariance(file: "trend.csv", series: "hedge", mode: "differences")) {
            try MinimumVarianceHedge.compute(spot: good, hedge: trend)
        }
        #expect(throws: HedgeDataError.zeroVariance(file: "flat.csv", series: "spot", mode: "levels")) {
            try MinimumVarianceHedge.compute(spot: flat, hedge: good, mode: .levels)
        }
        // Values whose changes leave Double's range.
        let huge = try Self.series(Self.csv([1e308, -1e308, 1e308, -1e308]), "huge.csv")
        #expect(throws: HedgeDataError.notFinite(quantity: "the hedge's differences")) {
            try MinimumVarianceHedge.compute(spot: good, hedge: huge)
        }
        #expect(throws: HedgeDataError.self) { try MinimumVarianceHedge.fit(spot: [1, 2], hedge: [1, 2]) }
        #expect(throws: HedgeDataError.self) { try MinimumVarianceHedge.fit(spot: [1, 2, 3], hedge: [1, 2, 3, 4]) }
    }

    static func thrown(_ body: () throws(HedgeDataError) -> MinimumVarianceHedgeResult) -> HedgeDataError? {
        do {
            _ = try body()
            return nil
        } catch { return error }
    }

    @Test func errorNamesAndMessages() {
        let e = HedgeDataError.ambiguousValueColumn(file: "a.csv", line: 2, candidates: ["open", "close"])
        #expect(
            e.message
                == "a.csv: line 2: 2 numeric columns besides date (open, close); name the one to use (--spot-column or --hedge-column; spotColumn or hedgeColumn in batch)"
        )
        #expect(
            HedgeDataError.zeroVariance(file: "f.csv", series: "hedge", mode: "differences").message
                == "f.csv: the hedge series' differences do not vary over the shared dates, so no ratio can be estimated; give a hedge whose price moves"
        )
    }
}

extension UnixTime {
    /// Unix seconds of a date known to be valid (0 otherwise), for building test text.
    static func unixSecondsOrZero(_ text: String) -> Int64 { (try? parse(text)) ?? 0 }
}
