import Foundation
import Testing
import YieldStripJSON

@testable import YieldStripCLI

/// `--csv` on the commands whose answer is one result: a header naming the `--json` answer's scalar fields
/// (nested objects by their path, arrays left out) and one line of the same values, and `--csv` with
/// `--json` is a usage error.
@Suite struct CSVOutputTests {
    static let commands: [[String]] = [
        ["quote", "--market", "examples/markets/aapl-like.json", "--buy-pt", "--amount", "1000"],
        ["market", "show", "--market", "examples/markets/yieldspace-aapl-like.json"],
        ["rate", "--apy", "0.05", "--expiry", "2026-12-31", "--now", "2026-03-01"],
        ["split", "--tokens", "100", "--market", "examples/markets/aapl-like.json"],
        ["yt-interest", "--balance", "1", "--index-from", "1", "--index-to", "1.003214142718150519", "--fee", "0.03"],
        ["hedge", "dv01", "--market", "examples/markets/aapl-like.json", "--position", "pt:1000,yt:-500,lp:10,sy:250"],
        ["hedge", "delta", "--market", "examples/markets/aapl-like.json", "--position", "pt:1000,yt:-500,lp:10,sy:250"],
        ["hedge", "income", "--shares", "1000", "--held-as", "stock", "--holder-withholding", "15%", "--market", "examples/markets/aapl-like.json"],
        [
            "borrow", "--market", "examples/markets/aapl-like.json", "--collateral", "pt", "--amount", "1000", "--pt-oracle", "linear-discount",
            "--discount", "18%", "--ltv", "80%", "--liquidation-threshold", "85%", "--debt", "150000", "--borrow-apr", "5%"
        ],
        [
            "loop", "--market", "examples/markets/aapl-like.json", "--tokens", "100", "--borrow", "token", "--protocol", "morpho", "--lltv", "91.5%",
            "--borrow-apr", "0.05%", "--token-apy", "0.1%", "--loops", "8"
        ],
        ["rates", "--model", "morpho", "--rate-at-target", "4%", "--utilization", "1", "--days", "1"],
        ["lockin", "--market", "examples/markets/aapl-like.json", "--usd", "10000"],
        ["short-yt", "--market", "examples/markets/aapl-like.json", "--shares", "1000"],
        [
            "compare", "--market", "examples/markets/aapl-like.json", "--market", "examples/markets/yieldspace-aapl-like.json", "--buy-pt", "--usd",
            "10000"
        ]
    ]

    /// The answer's scalar fields by path, in order, as the CSV writes them.
    static func flattened(_ object: JSONObject, prefix: String = "") -> [(String, String)] {
        object.members.flatMap { member -> [(String, String)] in
            let name = prefix + member.key
            switch member.value {
            case .object(let nested): return flattened(nested, prefix: name + ".")
            case .array: return []
            case .null: return [(name, "")]
            case .bool(let flag): return [(name, flag ? "true" : "false")]
            case .number(let number): return [(name, number.text)]
            case .string(let text): return [(name, text)]
            }
        }
    }

    /// RFC 4180 fields of one line (quotes doubled inside quoted fields).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previousQuote = false
        for character in line {
            if quoted {
                if character == "\"" {
                    quoted = false
                    previousQuote = true
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                if previousQuote { field.append("\"") }
                quoted = true
                previousQuote = false
            } else if character == "," {
                fields.append(field)
                field = ""
                previousQuote = false
            } else {
                field.append(character)
                previousQuote = false
            }
        }
        fields.append(field)
        return fields
    }

    @Test(arguments: commands)
    func csvIsTheJSONAnswersFields(command: [String]) throws {
        let root = TokenizationCLITesting.repositoryRoot
        let arguments = command.map { $0.hasPrefix("examples/") ? root.appendingPathComponent($0).path : $0 }
        let json = CLI.run(arguments: arguments + ["--json"], stdin: "")
        let csv = CLI.run(arguments: arguments + ["--csv"], stdin: "")
        try #require(json.exitCode == 0 && csv.exitCode == 0, "\(json.stderr)\(csv.stderr)")
        guard case .object(let answer) = try JSONReader.parse(json.stdout) else {
            Issue.record("not an object")
            return
        }
        let lines = csv.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count == 3 && lines[2].isEmpty, "a header, one line and a final newline")
        let expected = Self.flattened(answer)
        #expect(Self.fields(lines[0]) == expected.map(\.0))
        #expect(Self.fields(lines[1]) == expected.map(\.1))
        #expect(expected.count > 5)
    }

    @Test func csvAndJSONTogetherIsAUsageError() {
        let run = yieldstrip("rate", "--apy", "5%", "--expiry", "2026-12-31", "--now", "2026-03-01", "--csv", "--json")
        #expect(run.exitCode == 2 && run.stdout.isEmpty && run.stderr.contains("'--csv' or '--json'"))
    }

    @Test func aFieldWithACommaIsQuoted() {
        #expect(Report.csvField("a,b") == "\"a,b\"")
        #expect(Report.csvField("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(Report.csvField("plain") == "plain")
    }
}
