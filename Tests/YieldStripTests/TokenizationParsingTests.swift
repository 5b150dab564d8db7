import Foundation
import Testing
import YieldStrip
import YieldStripJSON

/// Schedule files: the CSV and JSON formats, every bad input's error name and line, and the example data.
@Suite struct TokenizationParsingTests {
    func w(_ s: String) -> Wad { Wad(decimal: s)! }

    /// Parses `text` expecting an error; returns it.
    func failure(_ text: String, format: ScheduleFileFormat? = nil, maturity: Int64? = nil) -> TokenizationError? {
        #expect(throws: TokenizationError.self) {
            try ScheduleFiles.parseDividendSchedule(text, format: format, maturity: maturity)
        }
    }

    func expectError(
        _ text: String, _ name: String, line: Int?, format: ScheduleFileFormat? = nil, maturity: Int64? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let e = failure(text, format: format, maturity: maturity)
        #expect(e?.errorName == name, "\(String(describing: e))", sourceLocation: sourceLocation)
        #expect(e?.line == line, "\(String(describing: e))", sourceLocation: sourceLocation)
        if let line {
            #expect(e?.message.hasPrefix("line \(line): ") == true, "\(e?.message ?? "")", sourceLocation: sourceLocation)
            #expect(e?.errorArgs.first == String(line), sourceLocation: sourceLocation)
        }
    }

    @Test func csvFormat() throws {
        let text = """
            # a comment, then a blank line

            ex_date, amount ,reinvest_price,split_ratio,certainty
            2020-08-31,,,4,verified   # the 4-for-1 split
            2024-11-08,0.25,227,,verified
            2025-02-10,0.25
            1739750400,0.26,210
            """
        let s = try ScheduleFiles.parseDividendSchedule(text)
        #expect(s.actions.count == 4)
        #expect(s.splits.map(\.ratio) == [w("4")])
        #expect(s.splits.first?.line == 4 && s.splits.first?.certainty == "verified")
        let d = s.dividends
        #expect(d.map(\.amountPerShareUsd) == [w("0.25"), w("0.25"), w("0.26")])
        #expect(d.map(\.reinvestPriceUsd) == [w("227"), nil, w("210")])
        #expect(d.map(\.line) == [5, 6, 7])
        #expect(d[0].exDate == 1_731_024_000)  // 2024-11-08T00:00:00Z
        #expect(d[2].exDate == 1_739_750_400)  // Unix seconds accepted as is
    }

    /// A batch request's rows are read by the same code as a file's events: the same schedule, and an
    /// error about row N says line N.
    @Test func rowsAreReadAsAFilesEvents() throws {
        let events = [
            #"{"exDate": "2020-08-31", "splitRatio": 4, "certainty": "verified"}"#,
            #"{"exDate": "2024-11-08", "amount": 0.25, "reinvestPrice": "227"}"#,
            #"{"exDate": "2025-02-10", "amount": "0.25", "reinvestPrice": null}"#
        ]
        let file = try ScheduleFiles.parseDividendSchedule("[\n" + events.joined(separator: ",\n") + "\n]", format: .json)
        let rows = try ScheduleFiles.dividendSchedule(rows: events.map { try JSONReader.parse($0) })
        #expect(rows.dividends.map(\.amountPerShareUsd) == file.dividends.map(\.amountPerShareUsd))
        #expect(rows.dividends.map(\.exDate) == file.dividends.map(\.exDate))
        #expect(rows.splits.map(\.ratio) == [w("4")] && rows.dividends.map(\.line) == [2, 3])
        let bad = [#"{"exDate": "2024-11-08", "amount": 0.25}"#, #"{"exDate": "2025-02-10", "amount": "x"}"#]
        #expect(
            throws: TokenizationError.malformedLine(
                line: 2, reason: "amount 'x' is not a decimal number; write digits with at most one '.' and 18 decimals, no exponent")
        ) {
            try ScheduleFiles.dividendSchedule(rows: bad.map { try JSONReader.parse($0) })
        }
        #expect(throws: TokenizationError.emptySchedule) { try ScheduleFiles.dividendSchedule(rows: []) }
        #expect(throws: TokenizationError.self) {
            try ScheduleFiles.dividendSchedule(rows: [try JSONReader.parse(events[1])], maturity: 1_700_000_000)
        }
    }

    /// The JSON reader's lines: each value's first byte, members after their object's line, a syntax
    /// error's offset on its line.
    @Test func jsonValuesKeepTheirLines() throws {
        let text = "{\n  \"a\": [1,\n    2],\n  \"b\":\n\n    {\"c\": null}\n}"
        let root = try JSONReader.parseLocated(text)
        #expect(root.line == 1)
        #expect(root.member("a")?.line == 2 && root.member("a")?.children.map(\.value.line) == [2, 3])
        #expect(root.member("b")?.line == 6 && root.member("b")?.member("c")?.line == 6)
        #expect(root.member("z") == nil && root.member("a")?.member("x") == nil)
        do {
            _ = try JSONReader.parseLocated("[1,\n2,\n]")
            Issue.record("a trailing comma was read")
        } catch {
            #expect(JSONReader.line(ofOffset: error.offset, in: "[1,\n2,\n]") == 3)
        }
        let rows = JSONLocatedValue(try JSONReader.parse(#"{"x": [1, {"y": 2}]}"#), line: 7)
        #expect(rows.member("x")?.children.last?.value.member("y")?.line == 7)
        // A repeated key is an error, as everywhere else.
        #expect(throws: JSONParseError.self) { try JSONReader.parseLocated(#"{"a": 1, "a": 2}"#) }
    }

    @Test func jsonFormat() throws {
        let text = """
            {
              "symbol": "AAPL",
              "events": [
                {"exDate": "2020-08-31", "splitRatio": 4, "certainty": "verified"},
                {"exDate": "2024-11-08", "amount": 0.25, "reinvestPrice": "227"},
                {"exDate": "2025-02-10", "amount": "0.25", "reinvestPrice": null}
              ]
            }
            """
        let s = try ScheduleFiles.parseDividendSchedule(text)
        #expect(s.actions.count == 3 && s.dividends.map(\.line) == [5, 6])
        #expect(s.dividends[0].reinvestPriceUsd == w("227") && s.dividends[1].reinvestPriceUsd == nil)
        let bare = try ScheduleFiles.parseDividendSchedule(#"[{"exDate": "2024-11-08", "amount": 0.25}]"#, format: .json)
        #expect(bare.dividends.count == 1)
        // JSON's grammar, as strictly as the batch reader: no leading +, no leading zeros, no bare dot.
        for number in ["+0.25", "00.25", "0.", ".25", "1e", "--1"] {
            #expect(throws: TokenizationError.self, "\(number)") {
                try ScheduleFiles.parseDividendSchedule(#"[{"exDate": "2024-11-08", "amount": \#(number)}]"#, format: .json)
            }
        }
        // Escapes, surrogate pairs included.
        let escaped = try ScheduleFiles.parseDividendSchedule(
            #"[{"exDate": "2024-11-08", "amount": 0.25, "certainty": "\u2713 \ud83d\ude00"}]"#, format: .json)
        #expect(escaped.dividends.count == 1)
        #expect(throws: TokenizationError.self) {
            try ScheduleFiles.parseDividendSchedule(#"[{"exDate": "2024-11-08", "amount": 0.25, "certainty": "\ud83d"}]"#, format: .json)
        }
    }

    @Test func csvErrorsNameTheLine() {
        let header = "ex_date,amount,reinvest_price\n"
        expectError(header + "2024-11-08,0.25,227\n2024-08-12,0.25,217\n", "UnsortedSchedule", line: 3)
        expectError(header + "2024-11-08,0.25,227\n2024-11-08,0.25,227\n", "DuplicateDate", line: 3)
        expectError(header + "2024-11-08,-0.25,227\n", "NegativeAmount", line: 2)
        expectError(header + "2024-11-08,0.25,0\n", "NonPositivePrice", line: 2)
        expectError(header + "2024-11-08,0.25,-5\n", "NonPositivePrice", line: 2)
        expectError(header + "2024-11-08,0.2x5,227\n", "MalformedLine", line: 2)
        expectError(header + "2024-11-08,1e-3,227\n", "MalformedLine", line: 2)
        expectError(header + "2024-11-08,0.1234567890123456789,227\n", "MalformedLine", line: 2)
        expectError(header + "2024-13-08,0.25,227\n", "MalformedLine", line: 2)
        expectError(header + "2023-02-29,0.25,227\n", "MalformedLine", line: 2)
        expectError(header + "11/08/2024,0.25,227\n", "MalformedLine", line: 2)
        expectError(header + "2024-11-08,0.25,227,9\n", "MalformedLine", line: 2)
        expectError(header + "2024-11-08,,227\n", "MalformedLine", line: 2)
        expectError("ex_date,amount,split_ratio\n2024-11-08,0.25,4\n", "MalformedLine", line: 2)
        expectError("ex_date,amount,split_ratio\n2024-11-08,,0\n", "NonPositiveSplitRatio", line: 2)
        expectError("# only comments\n\n" + header, "EmptySchedule", line: nil)
        expectError("# nothing\n", "MalformedHeader", line: 1)
        expectError("2024-11-08,0.25,227\n", "MalformedHeader", line: 1)
        expectError("ex_date,price\n", "MalformedHeader", line: 1)
        expectError("# c\nex_date,reinvest_price\n", "MalformedHeader", line: 2)
        expectError("ex_date,amount,amount\n", "MalformedHeader", line: 1)
        // Line order: the first bad line wins, whatever the kind of problem.
        expectError(header + "2024-11-08,-1,227\n2024-13-01,x,227\n", "NegativeAmount", line: 2)
        expectError(header + "2024-11-08,0.25,227\n2024-11-01,x,227\n", "MalformedLine", line: 3)
    }

    @Test func dateAfterMaturity() {
        let text = "ex_date,amount,reinvest_price\n2025-02-10,0.25,227\n2025-05-12,0.26,210\n"
        let maturity: Int64 = 1_743_465_600  // 2025-04-01
        expectError(text, "DateAfterMaturity", line: 3, maturity: maturity)
        let e = failure(text, maturity: maturity)
        #expect(e?.message == "line 3: date 2025-05-12 is after the maturity 2025-04-01; remove the row or use a later maturity")
        // A row on the maturity date itself is accepted.
        #expect(throws: Never.self) { try ScheduleFiles.parseDividendSchedule(text, maturity: 1_747_008_000) }  // 2025-05-12
    }

    @Test func jsonErrorsNameTheLine() {
        expectError(
            "{\n \"events\": [\n  {\"exDate\": \"2024-11-08\", \"amount\": 0.25},\n  {\"exDate\": \"2024-08-12\", \"amount\": 0.25}\n ]\n}",
            "UnsortedSchedule", line: 4)
        expectError("{\"events\": [\n {\"exDate\": \"2024-11-08\",\n  \"amount\": -1}\n]}", "NegativeAmount", line: 2)
        expectError("{\"events\": [\n {\"exDate\": \"2024-11-08\",\n  \"amout\": 1}\n]}", "MalformedLine", line: 3)
        expectError("{\"events\": [\n {\"exDate\": \"2024-11-08\", \"amount\": 1}\n {\"exDate\": \"2024-12-08\"}\n]}", "MalformedLine", line: 3)
        expectError("{\"events\": [\n {\"exDate\": \"2024-11-08\", \"amount\": 1.5e2}\n]}", "MalformedLine", line: 2)
        expectError("{\"events\": [\n {\"exDate\": \"2024-11-08\", \"amount\": true}\n]}", "MalformedLine", line: 2)
        expectError("{\"events\": []}", "EmptySchedule", line: nil)
        expectError("{\"rows\": []}", "MalformedLine", line: 1)
        expectError("{\"events\": [\n {\"exDate\": \"2024-11-08\", \"amount\": 1}\n]} extra", "MalformedLine", line: 3)
    }

    @Test func errorMessagesSayWhatToChange() {
        let e = failure("ex_date,amount,reinvest_price\n2024-11-08,0.25,227\n2024-08-12,0.25,217\n")
        #expect(e?.message == "line 3: date 2024-08-12 comes before 2024-11-08 on the line above; sort the rows by date, oldest first")
        #expect(e?.errorArgs == ["3", "2024-08-12", "2024-11-08"])
        let m = failure("ex_date,amount\n2024-11-08,abc\n")
        #expect(m?.message.contains("amount 'abc' is not a decimal number") == true)
    }

    /// Every example file parses; row counts, certainty marks and a few values.
    @Test func exampleDataFiles() throws {
        let expected: [(String, Int, String)] = [
            ("aapl.csv", 8, "verified"), ("msft.csv", 8, "verified"), ("ko.csv", 8, "unverified"),
            ("spy.csv", 8, "approximate"), ("o.csv", 8, "approximate")
        ]
        for (name, count, firstCertainty) in expected {
            let s = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path(name))
            #expect(s.dividends.count == count, "\(name)")
            #expect(s.dividends.first?.certainty == firstCertainty, "\(name)")
            #expect(s.dividends.allSatisfy { $0.reinvestPriceUsd != nil }, "\(name)")
        }
        let ko = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path("ko.csv"))
        #expect(ko.dividends.allSatisfy { $0.certainty == "unverified" })
        let spy = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path("spy.csv"))
        #expect(spy.dividends[0].amountPerShareUsd == w("1.9059") && spy.dividends[7].certainty == "approximate")
        let o = try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path("o.csv"))
        #expect(o.dividends.last?.amountPerShareUsd == w("0.2695"))
        let missing = #expect(throws: TokenizationError.self) {
            try ScheduleFiles.loadDividendSchedule(path: TokenizationExampleData.path("nope.csv"))
        }
        #expect(missing?.errorName == "UnreadableFile")
    }
}
