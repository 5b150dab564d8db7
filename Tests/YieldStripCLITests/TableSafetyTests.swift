import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// Tables stay readable whatever the numbers and texts: huge magnitudes in `%g` style (never `inf%` or a
/// 300-digit field), control characters from files escaped (JSON keeps the exact text).
@Suite struct TableSafetyTests {
    @Test func hugeMagnitudes() {
        #expect(TableFormat.percent(0.003) == "0.3000%")
        #expect(TableFormat.percent(-0.5, digits: 2) == "-50.00%")
        #expect(TableFormat.percent(1e300) == "1.0000e+302%")
        #expect(TableFormat.percent(1e307) == "1.0000e+309%")
        #expect(TableFormat.percent(-Double.greatestFiniteMagnitude) == "-1.7977e+310%")
        #expect(TableFormat.percent(Double.leastNonzeroMagnitude) == "0.0000%")
        #expect(TableFormat.fixed(123.456, digits: 2) == "123.46")
        #expect(TableFormat.fixed(1e150, digits: 6) == "1e+150")
        #expect(TableFormat.fixed(-2.5e16, digits: 2) == "-2.5e+16")
        #expect(TableFormat.percent(.infinity) == "—" && TableFormat.fixed(.nan, digits: 2) == "—")
    }

    @Test func rateTablesStayNarrow() {
        for apy in ["1e300", "1e307", "1e15"] {
            let run = yieldstrip("rate", "--apy", apy, "--seconds-to-expiry", "100")
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(!run.stdout.contains("inf"), "\(run.stdout)")
            for line in run.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(apy): \(line)") }
        }
    }

    @Test func controlCharactersFromMarketFilesAreEscaped() throws {
        #expect(TerminalText.escaped("a\u{1B}[31mb\nc\td\r\u{7F}\u{9B}\u{202E}e") == #"a\u{1B}[31mb\nc\td\r\u{7F}\u{9B}\u{202E}e"#)
        #expect(TerminalText.escaped("plain ✓ é") == "plain ✓ é")
        let files = try TemporaryMarketFiles()
        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let hostile = try files.write(
            file
                .replacingOccurrences(of: #""name": "AAPL-like stock token, 4 MAR 2027""#, with: #""name": "Evil\u001b[2J\nname""#)
                .replacingOccurrences(of: #""underlying": "AAPL""#, with: #""underlying": "A\rB""#))
        for arguments in [["market", "show"], ["depth"], ["quote", "--buy-pt", "--amount", "1"]] {
            let run = CLI.run(arguments: arguments + ["--market", hostile])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix(#"Evil\u{1B}[2J\nname (A\rB)"# + "\n"), "\(run.stdout.prefix(80))")
            #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(arguments)")
        }
    }

    @Test func controlCharactersFromSchedulesAreEscapedInTablesOnly() throws {
        let files = try TemporaryMarketFiles()
        let schedule = files.directory.appendingPathComponent("hostile.csv")
        try Data("ex_date,amount,reinvest_price,certainty\n2024-11-08,0.25,227,ok\u{1B}[2J\n".utf8).write(to: schedule)
        let table = yieldstrip("dividends", "--schedule", schedule.path)
        #expect(table.exitCode == 0, "\(table.stderr)")
        #expect(table.stdout.contains(#"ok\u{1B}[2J"#) && !table.stdout.contains("\u{1B}"))
        let json = try JSONOutput.object(yieldstrip("dividends", "--schedule", schedule.path, "--json"))
        guard case .array(let rows)? = json["rows"], case .object(let row)? = rows.last else {
            Issue.record("no rows")
            return
        }
        #expect(row["certainty"] == .string("ok\u{1B}[2J"))
    }
}
