import Testing
import YieldStrip

@testable import YieldStripCLI

/// One report, two renderings: the JSON object and the table view of it.
@Suite struct ReportRenderingTests {
    @Test func keyValueTableAlignsNumbersRight() {
        var report = Report()
        report.append("name", "pool")
        report.append("price", .string("0.95"))
        report.append("amount", .number(JSONNumber(1_000_000)), label: "amount (wei)")
        report.append("market", ["totalPt": "100", "expiry": 1_700_000_000])
        report.append("tags", ["a", "b"])
        #expect(
            report.jsonText == #"{"name":"pool","price":"0.95","amount":1000000,"market":{"totalPt":"100","expiry":1700000000},"tags":["a","b"]}"#
                + "\n")
        #expect(
            report.tableText == """
                name            pool
                price                 0.95
                amount (wei)       1000000
                market.totalPt         100
                market.expiry   1700000000
                tags            a, b

                """)
    }

    @Test func arraysOfObjectsBecomeTitledTables() {
        var report = Report(title: "Title")
        report.append("rows", [["k": "a", "v": "1.5", "hidden": "x"], ["k": "bb", "v": "-10"]], label: "Rows")
        report.labels["rows.v"] = "value"
        report.hiddenInTable.insert("rows.hidden")
        report.append("after", "z")
        #expect(
            report.tableText == """
                Title

                Rows
                  k   value
                  --  -----
                  a     1.5
                  bb    -10

                after  z

                """)
    }

    /// A last-column text longer than `TextTable.longTextWidth` runs on to the right: the numbers end
    /// where the widest shorter cell ends.
    @Test func longTextRunsOn() {
        let long = String(repeating: "x", count: TextTable.longTextWidth + 1)
        let table = TextTable(rows: [["a", "1.5"], ["source", long], ["bb", "-10"], ["kind", "short"]])
        #expect(
            table.render() == """
                a         1.5
                source  \(long)
                bb        -10
                kind    short

                """)
    }

    /// Table-only rows sit where they were added among the JSON's members; `--json` leaves them out.
    @Test func tableOnlyRows() {
        var report = Report()
        report.appendTableOnly("top", .string("first"))
        report.append("a", .number(JSONNumber(1)))
        report.appendTableOnly("units", .string("one"), label: "a in units")
        report.append("b", .number(JSONNumber(2)))
        #expect(report.jsonText == #"{"a":1,"b":2}"# + "\n")
        #expect(
            report.tableText == """
                top         first
                a               1
                a in units  one
                b               2

                """)
    }

    @Test func numericCells() {
        for text in ["1", "-1.5", "3e-7", "1_000", "12.5%", ".5", "+2", "1E+5"] { #expect(TextTable.isNumeric(text), "\(text)") }
        for text in ["", "-", "abc", "1-2", "0x10", "e5", "mulDown_i", "1.5 wei"] { #expect(!TextTable.isNumeric(text), "\(text)") }
    }
}
