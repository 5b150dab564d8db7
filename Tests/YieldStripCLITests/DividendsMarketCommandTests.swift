import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `dividends` and `split` with `--market FILE`, `--assume-yield` and the coverage warnings, through the
/// command and through `batch`. Expectations about the example market come from the library on the file
/// (it may be regenerated) or from closed forms, never from numbers read off it.
@Suite struct DividendsMarketCommandTests {
    typealias T = TokenizationCLITesting

    static let marketPath = T.repositoryRoot.appendingPathComponent("examples/markets/aapl-like.json").path
    static let oSchedulePath = T.repositoryRoot.appendingPathComponent("examples/data/o.csv").path

    static func marketFile() throws -> MarketFile { try MarketFile.load(path: marketPath) }

    /// The market file's `market`, `pyIndex`, `blockTime` and `stockPrice`: what a batch line carries.
    static func marketFields() throws -> JSONObject {
        let file = T.object(try String(contentsOfFile: marketPath, encoding: .utf8))
        var fields = JSONObject()
        for key in ["market", "pyIndex", "blockTime", "stockPrice"] { fields[key] = file[key] }
        return fields
    }

    static func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value { return Double(number.text) }
        return nil
    }

    // MARK: Coverage warnings

    /// O's schedule starts 2025-04-01: a window from 2024-09-01 warns on stderr, and the answer carries it.
    @Test func realtyIncomeWindowWarnsOnStderr() {
        let arguments = ["dividends", "--schedule", Self.oSchedulePath, "--from", "2024-09-01", "--to", "2025-09-01"]
        let table = CLI.run(arguments: arguments)
        #expect(table.exitCode == 0)
        let warningLines = table.stderr.split(separator: "\n")
        #expect(warningLines.count == 1)
        #expect(
            warningLines.first?.hasPrefix("warning: the window starts 2024-09-01, 212 days before the schedule's first dividend (2025-04-01)") == true
        )
        #expect(
            table.stderr.contains("start the window on or after 2025-03-02, add the earlier dividends to the schedule, or assume a dividend yield"))
        #expect(!table.stdout.contains("warning"))

        // --json: stdout is the answer alone, valid JSON; the warning is on stderr and in `warnings`.
        let json = CLI.run(arguments: arguments + ["--json"])
        #expect(json.exitCode == 0 && json.stderr == table.stderr)
        let answer = T.object(json.stdout)
        #expect(!answer.isEmpty && json.stdout.filter { $0 == "\n" }.count == 1)
        let warnings = T.rows(answer, "warnings")
        #expect(warnings.count == 1)
        #expect(warnings.first?["kind"] == "windowStartsBeforeSchedule")
        #expect(warnings.first?["windowDateISO"] == "2024-09-01T00:00:00Z" && warnings.first?["scheduleDateISO"] == "2025-04-01T00:00:00Z")
        #expect(warnings.first?["typicalGapDays"] == 30)
        if case .string(let message)? = warnings.first?["message"] {
            #expect(json.stderr == "warning: \(message)\n")
        } else {
            Issue.record("no message")
        }
        // The batch answer is the same, warnings included.
        let text = (try? String(contentsOfFile: Self.oSchedulePath, encoding: .utf8)) ?? ""
        #expect(T.batch(["op": "dividends", "schedule": .string(text), "from": "2024-09-01", "to": "2025-09-01"]) == answer)
        // --csv warns too.
        #expect(CLI.run(arguments: arguments + ["--csv"]).stderr == table.stderr)
    }

    /// The default window (one typical gap before the first dividend to the last row) never warns.
    @Test func defaultWindowDoesNotWarn() {
        for path in [T.aaplSchedulePath, Self.oSchedulePath] {
            let run = yieldstrip("dividends", "--schedule", path, "--json")
            #expect(run.exitCode == 0 && run.stderr.isEmpty, "\(path): \(run.stderr)")
            #expect(T.object(run.stdout)["warnings"] == .array([]))
        }
        // A window ending long after the last row warns about the end.
        let late = yieldstrip("dividends", "--schedule", T.aaplSchedulePath, "--to", "2026-06-01")
        #expect(
            late.exitCode == 0 && late.stderr.hasPrefix("warning: the window ends 2026-06-01, 294 days after the schedule's last row (2025-08-11)"))
    }

    // MARK: Assumed yield

    /// `--assume-yield 0.5%`: growth e^{q (1 − w) τ} from the window's end, basis `assumedYield`.
    @Test func assumedYield() throws {
        let arguments = [
            "dividends", "--schedule", T.aaplSchedulePath, "--to", "2025-09-01", "--maturity", "2026-09-01",
            "--assume-yield", "0.5%", "--json"
        ]
        let run = CLI.run(arguments: arguments)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        let answer = T.object(run.stdout)
        #expect(answer["projectionBasis"] == "assumedYield")
        #expect(T.number(answer, "assumedYield") == 0.005)
        let projection = T.nested(answer, "projection")
        let growth = Foundation.exp(0.005 * 0.7 * 365.0 / 365)
        #expect(abs(try #require(T.number(projection, "expectedGrowth")) - growth) < 1e-15)
        #expect(abs(try #require(T.number(projection, "ptFairPriceInShares")) - 1 / growth) < 1e-15)
        #expect(abs(try #require(T.number(answer, "projectedApy")) - Foundation.expm1(0.005 * 0.7)) < 1e-14)
        // 50bp and 0.005 are the same; the batch field `assumeYield` gives the same answer.
        let bp = T.object(CLI.run(arguments: arguments.map { $0 == "0.5%" ? "50bp" : $0 }).stdout)
        #expect(bp == answer)
        let text = try String(contentsOfFile: T.aaplSchedulePath, encoding: .utf8)
        #expect(
            T.batch([
                "op": "dividends", "schedule": .string(text), "to": "2025-09-01", "maturity": "2026-09-01",
                "assumeYield": .number(try #require(JSONNumber(text: "0.005")))
            ]) == answer)
        // The table says so.
        let table = CLI.run(arguments: Array(arguments.dropLast())).stdout
        #expect(T.tableValue(table, "projection basis") == "assumed dividend yield")
        #expect(T.tableValue(table, "assumed gross dividend yield") == "0.5000%")
    }

    // MARK: Market beside fair

    /// `--market`: maturity, window end and stock price from the file; the comparison from the market at
    /// the window's end; `--json` equals the batch answer on the file's fields.
    @Test func marketComparison() throws {
        let file = try Self.marketFile()
        let blockTime = try #require(file.blockTime)
        let run = yieldstrip("dividends", "--schedule", T.aaplSchedulePath, "--market", Self.marketPath, "--json")
        #expect(run.exitCode == 0)
        let answer = T.object(run.stdout)
        #expect(answer["maturity"] == .number(JSONNumber(file.market.expiry)))
        #expect(answer["to"] == .number(JSONNumber(blockTime)))
        #expect(T.number(answer, "stockPrice") == file.stockPrice)

        // Independent numbers: the market's PT from its stored ln rate, the fair PT from the projected growth.
        let comparison = T.nested(answer, "marketComparison")
        let projection = T.nested(answer, "projection")
        let tau = Double(file.market.expiry - blockTime) / 31_536_000
        let lnRate = file.market.lastLnImpliedRate.doubleValue
        let marketPt = Foundation.exp(-lnRate * tau)
        let fairPt = 1 / (try #require(T.number(projection, "expectedGrowth")))
        let fairApy = try #require(T.number(projection, "ptFairImpliedApy"))
        #expect(comparison["time"] == .number(JSONNumber(blockTime)) && comparison["expiry"] == .number(JSONNumber(file.market.expiry)))
        #expect(abs(try #require(T.number(comparison, "marketPtPriceInShares")) - marketPt) < 1e-15)
        #expect(abs(try #require(T.number(comparison, "marketYtPriceInShares")) - (1 - marketPt)) < 1e-15)
        #expect(abs(try #require(T.number(comparison, "marketImpliedApy")) - Foundation.expm1(lnRate)) < 1e-15)
        #expect(abs(try #require(T.number(comparison, "fairPtPriceInShares")) - fairPt) < 1e-15)
        #expect(abs(try #require(T.number(comparison, "ptRichBp")) - (marketPt / fairPt - 1) * 1e4) < 1e-8)
        #expect(abs(try #require(T.number(comparison, "impliedApyMinusFairBp")) - (Foundation.expm1(lnRate) - fairApy) * 1e4) < 1e-8)
        #expect(abs(try #require(T.number(comparison, "marketPtPriceUsd")) - marketPt * (file.stockPrice ?? .nan)) < 1e-9)
        #expect(
            comparison.keys == [
                "time", "timeISO", "expiry", "expiryISO", "yearsToExpiry", "marketImpliedApy", "fairImpliedApy",
                "impliedApyMinusFairBp", "marketPtPriceInShares", "fairPtPriceInShares", "ptRichBp",
                "marketYtPriceInShares", "fairYtPriceInShares", "ytRichBp", "marketPtPriceUsd", "fairPtPriceUsd",
                "marketYtPriceUsd", "fairYtPriceUsd"
            ])

        // The library's report on the same inputs, warnings included (stderr carries them, one line each).
        let schedule = try ScheduleFiles.loadDividendSchedule(path: T.aaplSchedulePath)
        let report = try DividendsReport.compute(schedule: schedule, to: blockTime, stockPriceUsd: file.stockPrice, market: file.curve)
        #expect(T.number(comparison, "ptRichBp") == report.marketComparison?.ptRichBp)
        #expect(run.stderr == report.warnings.map { "warning: \($0.message)\n" }.joined())
        #expect(T.rows(answer, "warnings").count == report.warnings.count)

        // JSON = batch: the schedule's text and the market file's fields.
        var request: JSONObject = ["op": "dividends", "schedule": .string(try String(contentsOfFile: T.aaplSchedulePath, encoding: .utf8))]
        request.append(contentsOf: try Self.marketFields())
        #expect(!answer.isEmpty && T.batch(request) == answer)

        // The table shows the market beside the fair values and says which way PT is off.
        let table = yieldstrip("dividends", "--schedule", T.aaplSchedulePath, "--market", Self.marketPath).stdout
        let rich = try #require(T.number(comparison, "ptRichBp"))
        let verdict = String(format: "PT %@ by %.2f bp", rich > 0 ? "rich" : "cheap", abs(rich))
        #expect(T.tableValue(table, "PT rich (+) / cheap (−)") == verdict)
        #expect(T.tableValue(table, "market implied APY") == TableFormat.percent(Foundation.expm1(lnRate)))
    }

    /// Explicit options win over the file: `--to`, `--stock-price`, and a maturity equal to the expiry.
    @Test func explicitOptionsWin() throws {
        let file = try Self.marketFile()
        let to = try #require(file.blockTime) - 86_400
        let run = yieldstrip(
            "dividends", "--schedule", T.aaplSchedulePath, "--market", Self.marketPath, "--to", String(to),
            "--stock-price", "123", "--maturity", String(file.market.expiry), "--json")
        #expect(run.exitCode == 0)
        let answer = T.object(run.stdout)
        #expect(answer["to"] == .number(JSONNumber(to)) && T.number(answer, "stockPrice") == 123)
        let comparison = T.nested(answer, "marketComparison")
        #expect(comparison["time"] == .number(JSONNumber(to)))
        let marketPt = Foundation.exp(-file.market.lastLnImpliedRate.doubleValue * Double(file.market.expiry - to) / 31_536_000)
        #expect(abs(try #require(T.number(comparison, "marketPtPriceInShares")) - marketPt) < 1e-15)
        #expect(abs(try #require(T.number(comparison, "marketPtPriceUsd")) - 123 * marketPt) < 1e-9)
    }

    // MARK: split --market

    /// `split --market`: the file's PY index, expiry, block time, stock price and the market's implied APY.
    @Test func splitAtMarketPrices() throws {
        let file = try Self.marketFile()
        let blockTime = try #require(file.blockTime)
        let run = yieldstrip("split", "--tokens", "100", "--market", Self.marketPath, "--json")
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        let answer = T.object(run.stdout)
        #expect(T.wei(answer, "syExchangeRate") == file.pyIndex.weiDescription && T.wei(answer, "pyIndexStored") == file.pyIndex.weiDescription)
        #expect(answer["expiry"] == .number(JSONNumber(file.market.expiry)))
        #expect(answer["valuationTime"] == .number(JSONNumber(blockTime)) && answer["valuationTimeSource"] == "market file")
        #expect(T.number(answer, "stockPrice") == file.stockPrice)
        #expect(answer["ptImpliedApySource"] == "market")
        let lnRate = file.market.lastLnImpliedRate.doubleValue
        #expect(abs(try #require(T.number(answer, "ptImpliedApy")) - Foundation.expm1(lnRate)) < 1e-15)
        let ptPrice = Foundation.exp(-lnRate * Double(file.market.expiry - blockTime) / 31_536_000)
        #expect(abs(try #require(T.number(answer, "ptPriceInAsset")) - ptPrice) < 1e-15)
        // The snapshot's PT price (`market show`) is the split's.
        let snapshot = try PendleMarketMath.snapshot(file.market, pyIndex: file.pyIndex, blockTime: blockTime)
        #expect(T.number(answer, "ptPriceInAsset") == snapshot.ptPriceInAsset)

        // Batch on the file's fields: the same answer, the valuation time being "given" there.
        var request: JSONObject = ["op": "split", "tokens": "100000000000000000000"]
        request.append(contentsOf: try Self.marketFields())
        var batch = T.batch(request)
        #expect(batch["valuationTimeSource"] == "given")
        batch["valuationTimeSource"] = "market file"
        #expect(batch == answer)

        // Explicit values win; the APY given is marked so.
        let given = T.object(
            yieldstrip(
                "split", "--tokens", "100", "--market", Self.marketPath, "--exchange-rate", "1.5",
                "--pt-implied-apy", "1%", "--at", String(blockTime - 86_400), "--json"
            ).stdout)
        #expect(given["syExchangeRate"] == "1500000000000000000" && given["pyIndex"] == "1500000000000000000")
        #expect(given["ptImpliedApySource"] == "given" && T.number(given, "ptImpliedApy") == 0.01)
        #expect(given["valuationTimeSource"] == "given")
        let table = yieldstrip("split", "--tokens", "100", "--market", Self.marketPath).stdout
        #expect(T.tableValue(table, "PT implied APY") == TableFormat.percent(Foundation.expm1(lnRate)) + " (market)")
    }

    // MARK: Bad input

    /// Domain errors: exit 1, nothing on stdout, a message saying what to change.
    @Test func domainErrors() throws {
        let file = try Self.marketFile()
        let expiry = UnixTime.format(file.market.expiry)
        let later = String(file.market.expiry + 86_400 * 30)
        let cases: [([String], String)] = [
            (
                ["dividends", "--schedule", T.aaplSchedulePath, "--maturity", "2026-09-01", "--assume-yield", "-1%"],
                "Error: assumed yield -0.01 is out of range: must be ≥ 0"
            ),
            (
                ["dividends", "--schedule", T.aaplSchedulePath, "--assume-yield", "1%"],
                "Error: assumed yield needs a maturity to project to"
            ),
            (
                ["dividends", "--schedule", T.aaplSchedulePath, "--market", "no/such/market.json"],
                "Error: cannot read market file 'no/such/market.json'"
            ),
            (
                ["dividends", "--schedule", T.aaplSchedulePath, "--market", Self.marketPath, "--maturity", later],
                "Error: the maturity \(UnixTime.format(file.market.expiry + 86_400 * 30)) is not the market's expiry \(expiry)"
            ),
            (["split", "--tokens", "1", "--market", "no/such/market.json"], "Error: cannot read market file 'no/such/market.json'"),
            (["split", "--tokens", "1", "--market", Self.marketPath, "--at", String(file.market.expiry)], "Error: YCExpired")
        ]
        for (arguments, message) in cases {
            let run = CLI.run(arguments: arguments)
            #expect(run.exitCode == 1, "\(arguments)")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(run.stderr.hasPrefix(message), "\(arguments): \(run.stderr)")
        }
    }

    /// Usage errors: exit 2, nothing on stdout.
    @Test func usageErrors() {
        let cases: [([String], String)] = [
            (["dividends", "--schedule", T.aaplSchedulePath, "--assume-yield", "lots"], "The value 'lots' is invalid for '--assume-yield <rate>'"),
            (["split", "--tokens", "1"], "Missing expected argument '--exchange-rate <rate>' (or give '--market <file>'"),
            (["split", "--tokens", "1", "--exchange-rate", "1", "--at", "2026-01-01"], "'--at <time>' needs '--expiry <time>'")
        ]
        for (arguments, message) in cases {
            let run = CLI.run(arguments: arguments)
            #expect(run.exitCode == 2, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("Error: " + message), "\(run.stderr)")
        }
    }

    /// Batch: the same errors by name; `market` needs `pyIndex`; `split` with a market needs a time.
    @Test func batchErrors() throws {
        let text = try String(contentsOfFile: T.aaplSchedulePath, encoding: .utf8)
        let fields = try Self.marketFields()
        var mismatch: JSONObject = ["op": "dividends", "schedule": .string(text), "maturity": "2030-01-01"]
        mismatch.append(contentsOf: fields)
        #expect(T.batch(mismatch)["error"] == "MaturityNotMarketExpiry")
        var noIndex: JSONObject = ["op": "dividends", "schedule": .string(text)]
        noIndex["market"] = fields["market"]
        #expect(T.batch(noIndex)["error"] == "BadRequest")
        #expect(
            T.batch([
                "op": "dividends", "schedule": .string(text), "maturity": "2026-09-01",
                "assumeYield": .number(try #require(JSONNumber(text: "-0.01")))
            ])["error"] == "RateOutOfRange")
        var split: JSONObject = ["op": "split", "tokens": "1000000000000000000"]
        split["market"] = fields["market"]
        split["pyIndex"] = fields["pyIndex"]
        let answer = T.batch(split)
        #expect(answer["error"] == "BadRequest")
        if case .string(let message)? = answer["message"] { #expect(message.contains("valuationTime")) }
    }
}
