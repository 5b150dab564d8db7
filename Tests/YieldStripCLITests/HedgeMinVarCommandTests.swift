import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip hedge minvar` and the batch op `hedgeMinvar`: the same fields through both doors, the table's
/// verdict, the warning for dates left out, bad input (exit status, nothing on stdout), and the docs' examples.
@Suite struct HedgeMinVarCommandTests {
    typealias T = TokenizationCLITesting
    static let token = T.repositoryRoot.appendingPathComponent("examples/data/synthetic-stock-token.csv").path
    static let etf = T.repositoryRoot.appendingPathComponent("examples/data/synthetic-index-etf.csv").path

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func batchLine(_ fields: JSONObject) -> String {
        var request: JSONObject = ["op": "hedgeMinvar", "id": 1]
        request.append(contentsOf: fields)
        return request.jsonText
    }

    static func doc(_ name: String) throws -> String {
        try String(contentsOf: T.repositoryRoot.appendingPathComponent("docs/" + name), encoding: .utf8)
    }

    @Test func commandJSONIsTheBatchAnswer() throws {
        for mode in HedgeChangeMode.allCases {
            let command = try JSONOutput.object(
                yieldstrip("hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf, "--mode", mode.name, "--json"))
            let batch = try JSONOutput.batchAnswer(
                Self.batchLine([
                    "spot": .string(try Self.text(Self.token)),
                    "hedge": .string(try Self.text(Self.etf)), "mode": .string(mode.name)
                ]))
            #expect(batch.keys == ["id"] + command.keys, "\(mode)")
            for key in command.keys { #expect(batch[key] == command[key], "\(mode) \(key)") }
        }
        // The library's numbers, and the field list.
        let object = try JSONOutput.object(yieldstrip("hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf, "--json"))
        let result = try MinimumVarianceHedge.compute(spot: DatedSeries.load(path: Self.token), hedge: DatedSeries.load(path: Self.etf))
        #expect(
            object.keys == [
                "mode", "hedgeRatio", "intercept", "standardError", "tStatistic", "rSquared", "correlation", "observations",
                "spotStandardDeviation", "hedgeStandardDeviation", "unmatchedDates", "spotColumn", "hedgeColumn", "spotRows",
                "hedgeRows", "joinedDates", "firstDate", "firstDateISO", "lastDate", "lastDateISO", "assumptions"
            ])
        #expect(object["hedgeRatio"] == JSONOutput.text(result.regression.hedgeRatio) && object["observations"] == 245)
        #expect(
            JSONOutput.member(object, "unmatchedDates")
                == .object([
                    "count": 119, "spotOnlyCount": 115, "hedgeOnlyCount": 4,
                    "spotOnly": ["2024-07-04", "2024-07-06", "2024-07-07", "2024-07-13", "2024-07-14"],
                    "hedgeOnly": ["2024-08-14", "2024-10-23", "2025-02-26", "2025-05-13"]
                ]))
        #expect(object["mode"] == "differences" && object["firstDateISO"] == "2024-07-01T00:00:00Z")
    }

    /// Rows as an array of `{"date", "value"}` answer what the same rows as CSV text answer (columns named `value`).
    @Test func rowsArrayIsTheCSVText() throws {
        let spotCSV = "date,value\n2024-01-01,100\n2024-01-02,101\n2024-01-03,101\n2024-01-04,103\n2024-01-05,104\n"
        let hedgeCSV = "date,value\n2024-01-01,50\n2024-01-02,52\n2024-01-03,51\n1704326400,54\n2024-01-05,54.5\n2024-01-06,55\n"
        let fromText = try JSONOutput.batchAnswer(Self.batchLine(["spot": .string(spotCSV), "hedge": .string(hedgeCSV)]))
        let written = try #require(JSONNumber(text: "104.0"))
        let fromRows = try JSONOutput.batchAnswer(
            Self.batchLine([
                "spot": [
                    ["date": "2024-01-01", "value": 100], ["date": "2024-01-02", "value": "101"], ["date": "2024-01-03", "value": 101],
                    ["date": "2024-01-04", "value": 103], ["date": 1_704_412_800, "value": .number(written)]
                ],
                "hedge": [
                    ["date": "2024-01-01", "value": 50], ["date": "2024-01-02", "value": 52], ["date": "2024-01-03", "value": 51],
                    ["date": "1704326400", "value": 54], ["date": "2024-01-05", "value": "54.5"], ["date": "2024-01-06", "value": 55]
                ]
            ]))
        #expect(fromText["error"] == nil && fromText == fromRows)
        #expect(JSONOutput.member(fromRows, "unmatchedDates.hedgeOnly") == ["2024-01-06"])
    }

    @Test func tableSaysHowMuchToShort() throws {
        let run = yieldstrip("hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf)
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("Short 0.5757 units of the hedge per unit of spot: h* = 0.5757 ± 0.029 (one standard error, t = 19.7).\n"))
        #expect(run.stdout.contains("The hedge removes 61.5% of the variance of the spot's changes"))
        #expect(T.tableValue(run.stdout, "hedge ratio h* (hedge units per spot unit)") == "0.57569")
        #expect(
            run.stderr
                == "warning: 119 dates are in one series only and left out: 115 spot-only (first 2024-07-04), 4 hedge-only (first 2024-08-14)\n")
        // The same input prints the same bytes.
        #expect(yieldstrip("hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf) == run)
        let returns = yieldstrip("hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf, "--mode", "returns")
        #expect(returns.stdout.hasPrefix("Short 1.119 of the hedge's value per unit of the spot's value: "))
        // A hedge that moves against the spot is bought.
        let files = try TemporaryMarketFiles()
        let spot = try files.write("date,close\n2024-01-01,10\n2024-01-02,11\n2024-01-03,10.5\n2024-01-04,12\n")
        let hedge = try files.write("date,close\n2024-01-01,20\n2024-01-02,18\n2024-01-03,19.5\n2024-01-04,16\n")
        let against = yieldstrip("hedge", "minvar", "--spot", spot, "--hedge", hedge)
        #expect(against.stdout.hasPrefix("Buy 0.4") && against.stdout.contains("(h* is negative: the two move against each other)"))
        #expect(against.stderr.isEmpty && !against.stdout.contains("Left out"))
    }

    @Test func exactFitHasNoTStatistic() throws {
        let files = try TemporaryMarketFiles()
        let spot = try files.write("date,s\n2024-01-01,40\n2024-01-02,40.25\n2024-01-03,39.5\n2024-01-04,41\n")
        let hedge = try files.write("date,f\n2024-01-01,87.5\n2024-01-02,88\n2024-01-03,86.5\n2024-01-04,89.5\n")
        let object = try JSONOutput.object(yieldstrip("hedge", "minvar", "--spot", spot, "--hedge", hedge, "--json"))
        #expect(object["hedgeRatio"] == JSONOutput.text(0.5) && object["rSquared"] == JSONOutput.text(1) && object["tStatistic"] == .null)
        #expect(object["standardError"] == JSONOutput.text(0) && object["spotColumn"] == "s" && object["hedgeColumn"] == "f")
        let table = yieldstrip("hedge", "minvar", "--spot", spot, "--hedge", hedge)
        #expect(table.stdout.contains("an exact fit") && table.exitCode == 0)
    }

    @Test func usageErrorsExitTwo() {
        for arguments in [
            ["hedge", "minvar", "--spot", Self.token],
            ["hedge", "minvar", "--hedge", Self.etf],
            ["hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf, "--mode", "ratios"],
            ["hedge", "nope"]
        ] {
            let run = CLI.run(arguments: arguments)
            #expect(run.exitCode == 2 && run.stdout.isEmpty && run.stderr.hasPrefix("Error: "), "\(arguments)")
        }
        let mode = yieldstrip("hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf, "--mode", "ratios")
        #expect(
            mode.stderr.hasPrefix("Error: The value 'ratios' is invalid for '--mode <mode>': expected levels, differences, returns or log-returns\n"))
        // The group on its own prints its help.
        #expect(yieldstrip("hedge").stdout.contains("minvar") && yieldstrip("hedge").exitCode == 0)
    }

    /// Bad data: exit 1, the file and the line in the message, nothing on stdout.
    @Test func domainErrorsExitOne() throws {
        let files = try TemporaryMarketFiles()
        let good = try files.write("date,close\n2024-01-01,10\n2024-01-02,11\n2024-01-03,10.5\n2024-01-04,12\n")
        let cases: [(String, [String], String)] = [
            (
                "# prices\ndate,close\n2024-01-01,10\n2024-01-03,11\n2024-01-02,12\n", [],
                "line 5: date 2024-01-02 comes before 2024-01-03 on the row above"
            ),
            ("date,close\n2024-01-01,10\n2024-01-01,11\n", [], "line 3: date 2024-01-01 repeats the row above"),
            ("date,close\n2024-01-01,10\n2024-01-02,n/a\n", [], "line 3: the close 'n/a' is not a number"),
            (
                "date,close\n2024-01-01,10\n2024-01-02,0\n2024-01-03,11\n2024-01-04,12\n", ["--mode", "log-returns"],
                "line 3: the value 0 is not positive"
            ),
            ("date,open,close\n2024-01-01,10,11\n", [], "line 1: 2 numeric columns besides date (open, close)"),
            ("date,close\n2024-01-01,10\n", ["--hedge-column", "last"], "line 1: no column 'last'; the header has date, close"),
            ("date,close\n2024-01-01,7\n2024-01-02,7\n2024-01-03,7\n2024-01-04,7\n", [], "the hedge series' differences do not vary")
        ]
        for (text, extra, message) in cases {
            let hedge = try files.write(text)
            let run = CLI.run(arguments: ["hedge", "minvar", "--spot", good, "--hedge", hedge] + extra)
            #expect(run.exitCode == 1 && run.stdout.isEmpty, "\(text)")
            #expect(run.stderr.hasPrefix("Error: \(hedge): \(message)"), "\(run.stderr)")
        }
        let short = try files.write("date,close\n2024-01-01,10\n2024-01-02,11\n")
        let tooShort = yieldstrip("hedge", "minvar", "--spot", good, "--hedge", short)
        #expect(
            tooShort.exitCode == 1 && tooShort.stdout.isEmpty
                && tooShort.stderr.hasPrefix("Error: only 1 pair of differences from 2 dates in both series"))
        let missing = yieldstrip("hedge", "minvar", "--spot", good, "--hedge", files.directory.appendingPathComponent("none.csv").path)
        #expect(missing.exitCode == 1 && missing.stdout.isEmpty && missing.stderr.hasSuffix("none.csv: cannot be read: No such file or directory\n"))
    }

    @Test func batchErrorsNameTheField() throws {
        let good = "date,close\n2024-01-01,10\n2024-01-02,11\n2024-01-03,10.5\n2024-01-04,12\n"
        let cases: [(JSONObject, String, [String])] = [
            (["hedge": .string(good)], "BadRequest", ["spot"]),
            (["spot": .string(good), "hedge": 5], "BadRequest", ["hedge"]),
            (["spot": .string(good), "hedge": .string(good), "mode": "ratios"], "BadRequest", ["mode"]),
            (["spot": [["date": "2024-01-01", "value": 1]], "spotColumn": "close", "hedge": .string(good)], "BadRequest", ["spotColumn"]),
            (["spot": [["date": "2024-01-01", "value": 1], 7], "hedge": .string(good)], "BadRequest", ["spot[1]"]),
            (["spot": [["date": "2024-01-01", "price": 1]], "hedge": .string(good)], "BadRequest", ["spot[0].price"]),
            (["spot": [["date": "2024-01-01"]], "hedge": .string(good)], "BadRequest", ["spot[0].value"]),
            (
                ["spot": [["date": "2024-01-02", "value": 1], ["date": "2024-01-01", "value": 2]], "hedge": .string(good)],
                "UnsortedDates", ["spot", "2", "2024-01-01", "2024-01-02"]
            ),
            (
                ["spot": .string(good), "hedge": .string("date,close\n2024-01-01,1\n2024-01-02,x\n")], "MalformedLine",
                [
                    "hedge", "3",
                    "the close 'x' is not a number; write a decimal such as 218.36, -0.5 or 1.2e-3 (no thousands separators, units or NaN)"
                ]
            ),
            (["spot": .string(good), "hedge": .string(good), "hedgeColumn": "open"], "UnknownColumn", ["hedge", "1", "open"]),
            (["spot": .string(good), "hedge": [] as JSONValue], "EmptySeries", ["hedge"]),
            (
                ["spot": .string(good), "hedge": .string(good.replacingOccurrences(of: "10.5", with: "-1")), "mode": "returns"],
                "NonPositiveValue", ["hedge", "4", "-1", "returns"]
            )
        ]
        for (fields, name, args) in cases {
            let answer = try JSONOutput.batchAnswer(Self.batchLine(fields))
            #expect(answer["error"] == .string(name), "\(fields.jsonText): \(answer.jsonText)")
            #expect(answer["errorArgs"] == .array(args.map { .string($0) }), "\(answer.jsonText)")
        }
        let answer = try JSONOutput.batchAnswer(Self.batchLine(["spot": .string(good), "hedge": .string("date,close\n2024-01-01,1\n2024-01-02,x\n")]))
        #expect(
            answer["message"]
                == "hedge: line 3: the close 'x' is not a number; write a decimal such as 218.36, -0.5 or 1.2e-3 (no thousands separators, units or NaN)"
        )
    }

    // MARK: The docs' examples

    /// `docs/hedging.md` shows the command's table on the example pair, and `docs/cli.md` its help page.
    @Test func docsShowRealOutput() throws {
        let run = yieldstrip("hedge", "minvar", "--spot", Self.token, "--hedge", Self.etf)
        let hedging = try Self.doc("hedging.md")
        #expect(hedging.contains(run.stdout), "docs/hedging.md lacks the table:\n\(run.stdout)")
        #expect(hedging.contains(run.stderr))
        let help = yieldstrip("hedge", "minvar", "--help").stdout
        #expect(try Self.doc("cli.md").contains(help), "docs/cli.md lacks the help page:\n\(help)")
    }

    /// `docs/batch.md`'s example answers are what the op answers to its requests.
    @Test func batchDocExample() throws {
        let batch = try Self.doc("batch.md")
        let start = try #require(batch.range(of: "### `hedgeMinvar`")).upperBound
        let rest = batch[start...]
        let end = [rest.range(of: "\n## ")?.lowerBound, rest.range(of: "\n### ")?.lowerBound].compactMap { $0 }.min() ?? rest.endIndex
        let lines = rest[..<end].split(separator: "\n")
        let requests = lines.filter { $0.hasPrefix("{\"op\":\"hedgeMinvar\"") }
        let answers = lines.filter { $0.hasPrefix("{\"id\":") }
        #expect(requests.count >= 2 && requests.count == answers.count)
        for (request, answer) in zip(requests, answers) {
            #expect(BatchRunner().answer(toLine: String(request)) == String(answer))
        }
    }
}
