import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip dividends`: the table, `--json` against `DividendsReport.compute`, `--csv`, the batch op
/// `dividends`, withholding forms, price assumptions and bad schedules.
@Suite struct DividendsCommandTests {
    typealias T = TokenizationCLITesting

    /// The worked AAPL example of the tokenization docs.
    static let aaplArguments = [
        "dividends", "--schedule", T.aaplSchedulePath, "--withholding", "0.30",
        "--from", "2024-09-01", "--to", "2025-09-01", "--maturity", "2026-03-01", "--stock-price", "230"
    ]

    static func libraryReport() throws -> DividendsReport {
        try DividendsReport.compute(
            schedule: ScheduleFiles.loadDividendSchedule(path: T.aaplSchedulePath), withholding: .standard,
            from: UnixTime.parse("2024-09-01"), to: UnixTime.parse("2025-09-01"),
            maturity: UnixTime.parse("2026-03-01"), stockPriceUsd: 230)
    }

    @Test func table() {
        let run = CLI.run(arguments: Self.aaplArguments)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Dividends reinvested, 30% withheld: 2024-09-01 → 2025-09-01\n\nindex path\n"))
        let pathRows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  20") }
        #expect(pathRows.count == 5)
        #expect(pathRows.first?.hasPrefix("  2024-09-01  start") == true)
        #expect(
            pathRows.last.map {
                $0.contains("2025-08-11  dividend") && $0.contains("1.003214142718150519")
                    && $0.contains("0.000799193392913218") && $0.hasSuffix("verified")
            } == true)
        let expected = [
            ("realized APY", "0.3214%"), ("yield index at the end", "1.003214142718150519"),
            ("one YT through the window: interest (SY)", "0.003203845102743452"),
            ("one YT: paid (SY)", "0.003107729749661149"), ("one YT: paid (USD)", "0.7171"),
            ("projection basis", "trailing growth (none listed)"), ("projected APY to maturity", "0.3214%"),
            ("PT fair price (shares)", "0.9984099589"), ("PT fair price (USD)", "229.63"), ("YT fair price (USD)", "0.3547")
        ]
        for (label, value) in expected {
            #expect(T.tableValue(run.stdout, label) == value, "\(label)")
        }
    }

    /// Key fields against the library called directly.
    @Test func jsonIsTheLibrarysReport() throws {
        let run = CLI.run(arguments: Self.aaplArguments + ["--json"])
        #expect(run.exitCode == 0 && run.stdout.filter { $0 == "\n" }.count == 1)
        let answer = T.object(run.stdout)
        let report = try Self.libraryReport()
        #expect(
            answer.keys == [
                "from", "fromISO", "to", "toISO", "years", "withholding", "priceAssumption", "rows", "startIndex",
                "endIndex", "realizedGrowth", "realizedApy", "feeRate", "ytInterestPerYt", "stockPrice", "maturity",
                "maturityISO", "assumedYield", "projectionBasis", "projectedApy", "projection", "marketComparison",
                "warnings"
            ])
        #expect(answer["fromISO"] == "2024-09-01T00:00:00Z" && answer["toISO"] == "2025-09-01T00:00:00Z")
        #expect(answer["withholding"] == "300000000000000000")
        #expect(T.wei(answer, "endIndex") == report.path.endRow.yieldIndexWad.weiDescription)
        #expect(T.wei(answer, "endIndex") == "1003214142718150519")
        #expect(T.number(answer, "realizedApy") == report.realizedApy)
        #expect(T.number(answer, "realizedGrowth") == report.realizedGrowth)
        let perYT = T.nested(answer, "ytInterestPerYt")
        #expect(T.wei(perYT, "accruedSy") == report.ytInterestPerYT.accrued.weiDescription)
        #expect(T.wei(perYT, "feeSy") == "96115353082303")
        #expect(T.wei(perYT, "paidSy") == "3107729749661149")
        #expect(T.number(perYT, "paidUsd") == report.ytPaidPerYTUsd)
        #expect(answer["projectionBasis"] == "trailingYield")
        #expect(T.number(answer, "projectedApy") == report.projectedApy)
        let projection = T.nested(answer, "projection")
        #expect(T.number(projection, "ptFairPriceInShares") == report.projection?.ptFairPriceInShares)
        #expect(T.number(projection, "ytFairPriceUsd") == report.projection?.ytFairPriceUsd)
        #expect(T.number(projection, "expectedIndexAtMaturity") == report.projection?.expectedIndexAtMaturity)

        let rows = T.rows(answer)
        #expect(rows.count == report.path.rows.count)
        #expect(rows.map { $0["yieldIndex"] } == report.path.rows.map { .wei($0.yieldIndexWad.raw) })
        #expect(rows.map { $0["ytInterestSy"] } == [.null] + report.ytInterestPerYT.steps.map { .wei($0.interest.raw) })
        #expect(rows.map { $0["line"] } == [.null, 13, 14, 15, 16])
        #expect(rows.first?["kind"] == "start" && rows.last?["dateISO"] == "2025-08-11T00:00:00Z")
    }

    /// `--json` is exactly the batch op's answer with the file's text as `schedule`; rows given as an
    /// array give the same index path.
    @Test func jsonEqualsTheBatchAnswer() throws {
        let cli = T.object(CLI.run(arguments: Self.aaplArguments + ["--json"]).stdout)
        let text = try String(contentsOfFile: T.aaplSchedulePath, encoding: .utf8)
        let batch = T.batch([
            "op": "dividends", "schedule": .string(text), "withholding": "300000000000000000", "from": "2024-09-01",
            "to": 1_756_684_800, "maturity": "2026-03-01", "stockPrice": 230
        ])
        #expect(!cli.isEmpty && cli == batch)

        let defaults = T.object(yieldstrip("dividends", "--schedule", T.aaplSchedulePath, "--json").stdout)
        #expect(!defaults.isEmpty && defaults == T.batch(["op": "dividends", "schedule": .string(text)]))

        let rows: JSONValue = [
            ["exDate": "2024-11-08", "amount": "0.25", "reinvestPrice": "227"],
            ["exDate": "2025-02-10", "amount": "0.25", "reinvestPrice": "227"],
            ["exDate": "2025-05-12", "amount": "0.26", "reinvestPrice": "210"],
            ["exDate": "2025-08-11", "amount": "0.26", "reinvestPrice": "227"]
        ]
        let fromRows = T.batch(["op": "dividends", "schedule": rows, "withholding": "standard", "from": "2024-09-01", "to": "2025-09-01"])
        #expect(T.rows(fromRows).map { $0["yieldIndex"] } == T.rows(cli).map { $0["yieldIndex"] })
        #expect(T.rows(fromRows).map { $0["line"] } == [.null, 1, 2, 3, 4])
    }

    @Test func csvRows() {
        let run = CLI.run(arguments: Self.aaplArguments + ["--csv"])
        #expect(run.exitCode == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "date,event,dividend,reinvest_price,net_yield,split_ratio,multiplier,split_factor,yield_index,py_index,yield_index_real,yt_interest_sy,certainty,line"
        )
        #expect(lines.count == 6)
        #expect(lines.dropFirst().first == "2024-09-01,start,,,0.0,,1,1,1,1,1.0,,,")
        #expect(lines.last?.hasPrefix("2025-08-11,dividend,0.26,227,") == true)
        #expect(lines.last?.hasSuffix(",1.003214142718150519,1.003214142718150519,1.0032141427181505,0.000799193392913218,verified,16") == true)
    }

    /// `0.30`, `30%` and `standard` are the same withholding; 0 % against 30 % scales each dividend's
    /// yield by 1/0.7.
    @Test func withholdingForms() {
        func answer(_ withholding: String) -> JSONObject {
            T.object(yieldstrip("dividends", "--schedule", T.aaplSchedulePath, "--withholding", withholding, "--json").stdout)
        }
        let standard = answer("0.30")
        #expect(!standard.isEmpty && answer("30%") == standard && answer("standard") == standard)
        #expect(answer("treaty")["withholding"] == "150000000000000000" && answer("15%") == answer("treaty"))
        let exempt = answer("exempt")
        #expect(exempt["withholding"] == "0")
        let ratios = zip(T.rows(exempt), T.rows(standard)).dropFirst().compactMap { e, s -> Double? in
            guard case .number(let a)? = e["netYield"], case .number(let b)? = s["netYield"],
                let x = Double(a.text), let y = Double(b.text)
            else { return nil }
            return x / y
        }
        #expect(ratios.count == 8 && ratios.allSatisfy { abs($0 - 1 / 0.7) < 1e-12 })
    }

    /// A schedule without reinvest prices needs a price assumption; the flat price is used for every row.
    @Test func priceAssumptions() throws {
        let fixtures = try T.Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("noprices.csv", "ex_date,amount\n2025-01-10,0.5\n2025-04-10,0.5\n")
        let missing = yieldstrip("dividends", "--schedule", path)
        #expect(missing.exitCode == 1 && missing.stdout.isEmpty)
        #expect(
            missing.stderr
                == "Error: \(path): line 2: the dividend of 2025-01-10 has no reinvest price; fill the reinvest_price column or give a price assumption\n"
        )
        let flat = T.object(yieldstrip("dividends", "--schedule", path, "--price-assumption", "flat:100", "--json").stdout)
        #expect(T.wei(flat, "endIndex") == "1007012250000000000")  // (1 + 0.5·0.7/100)², floored per step
        #expect(flat["priceAssumption"] == "flat:100")
        let stock = T.object(yieldstrip("dividends", "--schedule", path, "--price-assumption", "flat", "--stock-price", "100", "--json").stdout)
        #expect(T.wei(stock, "endIndex") == "1007012250000000000")
        #expect(yieldstrip("dividends", "--schedule", path, "--price-assumption", "flat").stderr.contains("needs a stock price"))
        let growing = T.object(
            yieldstrip(
                "dividends", "--schedule", path, "--price-assumption", "growing:100:0",
                "--maturity", "2026-01-01", "--json"
            ).stdout)
        #expect(T.wei(growing, "endIndex") == "1007012250000000000")
    }

    /// A split multiplies the issuer's multiplier and leaves the yield index alone; the table then shows
    /// the split ratio and the multiplier.
    @Test func splitsAreDividedOut() throws {
        let fixtures = try T.Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file(
            "split.csv", "ex_date,amount,reinvest_price,split_ratio\n2024-01-10,0.5,100,\n2024-02-01,,,4\n2024-04-10,0.125,25,\n")
        let answer = T.object(yieldstrip("dividends", "--schedule", path, "--json").stdout)
        let rows = T.rows(answer)
        #expect(rows.map { $0["kind"] } == ["start", "dividend", "split", "dividend"])
        #expect(rows[2]["yieldIndex"] == rows[1]["yieldIndex"] && rows[2]["multiplier"] == "4014000000000000000")
        #expect(rows[3]["yieldIndex"] == "1007012250000000000")  // 0.125 / 25 per post-split share = 0.5 / 100 before
        let table = yieldstrip("dividends", "--schedule", path).stdout
        #expect(table.contains("split ratio") && table.contains("multiplier"))
    }

    /// Bad schedules: exit 1, nothing on stdout, the file and the line named.
    @Test func badSchedules() throws {
        let fixtures = try T.Fixtures()
        defer { fixtures.remove() }
        let header = "# a comment line\nex_date,amount,reinvest_price\n"
        let cases: [(name: String, text: String, message: String, extra: [String])] = [
            (
                "unsorted.csv", header + "2024-02-01,0.25,200\n2024-01-01,0.25,200\n",
                "line 4: date 2024-01-01 comes before 2024-02-01 on the line above", []
            ),
            ("duplicate.csv", header + "2024-01-01,0.25,200\n2024-01-01,0.30,200\n", "line 4: date 2024-01-01 appears twice", []),
            ("malformed.csv", header + "2024-01-01,0.25,200\n2024-02-01,abc,200\n", "line 4: amount 'abc' is not a decimal number", []),
            ("fields.csv", header + "2024-01-01,0.25,200,9,9\n", "line 3: ", []),
            ("negative.csv", header + "2024-01-01,-0.25,200\n", "line 3: amount -0.25 is negative", []),
            ("price.csv", header + "2024-01-01,0.25,0\n", "line 3: reinvest_price 0 must be positive", []),
            (
                "late.csv", header + "2024-01-01,0.25,200\n2026-06-01,0.25,200\n",
                "line 4: date 2026-06-01 is after the maturity 2026-03-01", ["--maturity", "2026-03-01"]
            ),
            ("empty.csv", header, "the schedule has no events", []),
            (
                "bad.json",
                "{\"events\": [\n {\"exDate\": \"2024-01-01\", \"amount\": 0.25, \"reinvestPrice\": 200},\n {\"exDate\": \"2023-01-01\", \"amount\": 0.25, \"reinvestPrice\": 200}\n]}\n",
                "line 3: date 2023-01-01 comes before 2024-01-01", []
            )
        ]
        for c in cases {
            let path = try fixtures.file(c.name, c.text)
            let run = CLI.run(arguments: ["dividends", "--schedule", path] + c.extra)
            #expect(run.exitCode == 1, "\(c.name)")
            #expect(run.stdout.isEmpty, "\(c.name)")
            #expect(run.stderr.hasPrefix("Error: \(path): \(c.message)"), "\(c.name): \(run.stderr)")
        }
        let missing = yieldstrip("dividends", "--schedule", fixtures.directory.appendingPathComponent("absent.csv").path)
        #expect(missing.exitCode == 1 && missing.stdout.isEmpty && missing.stderr.hasPrefix("Error: cannot read "))
    }

    /// Parameters out of their domain: exit 1 with the library's message.
    @Test(arguments: [
        (["--withholding", "1.5"], "withholding 1.5 is outside [0, 1]"),
        (["--withholding", "-10%"], "withholding -0.1 is outside [0, 1]"),
        (["--fee", "2"], "interest fee rate 2 is outside [0, 1]"),
        (["--from", "2025-09-01", "--to", "2024-09-01"], "index window: start 2025-09-01 is not before end 2024-09-01"),
        (["--to", "2025-09-01", "--maturity", "2025-09-01"], "projection (window end → maturity)"),
        (["--stock-price", "-1"], "stock price -1.0 must be positive")
    ])
    func domainErrors(arguments: [String], message: String) {
        let run = CLI.run(arguments: ["dividends", "--schedule", T.aaplSchedulePath] + arguments)
        #expect(run.exitCode == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    /// Usage errors: exit 2, nothing on stdout.
    @Test(arguments: [
        ([], "Missing expected argument '--schedule <file>'"),
        (["--schedule", "x.csv", "--json", "--csv"], "Give '--csv' or '--json', not both"),
        (["--schedule", "x.csv", "--withholding", "most"], "The value 'most' is invalid for '--withholding <rate>'"),
        (["--schedule", "x.csv", "--from", "yesterday"], "The value 'yesterday' is invalid for '--from <time>'"),
        (["--schedule", "x.csv", "--fee", "3 percent"], "The value '3 percent' is invalid for '--fee <rate>'"),
        (["--schedule", "x.csv", "--price-assumption", "flat:abc"], "The value 'flat:abc' is invalid for '--price-assumption <prices>'")
    ])
    func usageErrors(arguments: [String], message: String) {
        let run = CLI.run(arguments: ["dividends"] + arguments)
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: " + message), "\(run.stderr)")
    }
}
