import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip market new` and the batch op `marketNew`: the market file on stdout or in `--out`, read back
/// by `market show`; JSON equal to the batch answer; the Thursday warning; bad inputs; the example files
/// reproduced by the commands that made them.
@Suite struct MarketNewCommandTests {
    static let base = [
        "market", "new", "--apy", "0.3%", "--expiry", "2027-03-04", "--at", "2026-03-02T14:30:00Z",
        "--liquidity-usd", "20000000", "--stock-price", "230"
    ]

    /// `examples/data/<name>` in the repository.
    static func dataPath(_ name: String, sourceFile: String = #filePath) -> String {
        URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/data").appendingPathComponent(name).path
    }

    // MARK: Output

    /// Stdout is the market file; `market show` on it reads back the implied APY and pool value asked for.
    @Test func printsAFileThatReadsBack() throws {
        let cases: [([String], Double, Double, Double)] = [
            ([], 0.003, 20_000_000, 230),
            (["--apy", "30bp", "--apy-band", "0.1%..1%", "--py-index", "1.0123", "--fee", "0.2%", "--reserve-fee", "50"], 0.003, 20_000_000, 230),
            (["--apy", "0.0525", "--liquidity-usd", "3500000", "--stock-price", "612.5"], 0.0525, 3_500_000, 612.5),
            (
                ["--apy", "0.8914%", "--expiry", "2026-06-25", "--at", "2026-06-22T12:00:00Z", "--liquidity-usd", "1e7", "--stock-price", "680"],
                0.008914, 10_000_000, 680
            )
        ]
        let files = try TemporaryMarketFiles()
        for (extra, apy, liquidity, price) in cases {
            let run = CLI.run(arguments: Self.base + extra)
            #expect(run.exitCode == 0 && run.stderr.isEmpty, "\(run.stderr)")
            let path = try files.write(run.stdout)
            let file = try MarketFile.load(path: path)
            #expect(file.jsonText == run.stdout && file.stockPrice == price)
            let shown = try JSONOutput.object(yieldstrip("market", "show", "--market", path, "--json"))
            #expect(shown["blockTimeSource"] == "market file")
            let readApy = try #require(JSONOutput.number(shown, "impliedApy"))
            let readValue = try #require(JSONOutput.number(shown, "poolValueUsd"))
            #expect(abs(readApy / apy - 1) < 1e-9, "\(extra): \(readApy)")
            #expect(abs(readValue / liquidity - 1) < 1e-9, "\(extra): \(readValue)")
        }
        let options = try MarketFile.parse(
            Array(
                CLI.run(
                    arguments: Self.base + [
                        "--py-index", "1.0123", "--fee", "0.2%", "--reserve-fee", "50",
                        "--name", "N", "--underlying", "U", "--source", "S", "--notes", "T"
                    ]
                ).stdout.utf8),
            origin: "stdout")
        #expect(options.pyIndex == Wad(decimal: "1.0123") && options.market.reserveFeePercent == 50)
        #expect(options.market.lnFeeRateRoot == Wad(rounding: log1p(0.002)))
        #expect(options.name == "N" && options.underlying == "U" && options.source == "S" && options.notes == "T")
    }

    /// `--out FILE` writes what stdout would carry and prints a short table: the path, the implied APY and the
    /// pool value read back.
    @Test func outWritesTheFileAndASummary() throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("new.json").path
        let run = CLI.run(arguments: Self.base + ["--name", "AAPL-like", "--out", path])
        #expect(run.exitCode == 0 && run.stderr.isEmpty, "\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == CLI.run(arguments: Self.base + ["--name", "AAPL-like"]).stdout)
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(
            rows == [
                "New market: AAPL-like", "written to \(path)", "implied APY 0.3000%", "pool value (asset) 86956.521739",
                "pool value (USD) 20000000.00", "APY band 0.1000% .. 0.9000%", "initial anchor 1.005019199468889735",
                "PT proportion 24.9998%", "expiry 2027-03-04T00:00:00Z (Thursday 00:00 UTC)"
            ])
        // With --json the answer is printed and the file written all the same.
        let json = CLI.run(arguments: Self.base + ["--out", path, "--json"])
        #expect(try JSONOutput.object(json)["poolValueUsd"] == JSONOutput.text(20_000_000))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == CLI.run(arguments: Self.base).stdout)
        // An --out that cannot be written: exit 1, nothing on stdout.
        expectFailure(
            CLI.run(arguments: Self.base + ["--out", files.directory.appendingPathComponent("missing/dir/x.json").path]),
            exitCode: 1, containing: "cannot write market file '")
    }

    /// The command's JSON is the batch op's answer, field for field: the file's fields, then the read-back ones.
    @Test func jsonIsTheBatchAnswer() throws {
        let command = try JSONOutput.object(
            CLI.run(
                arguments: Self.base + [
                    "--apy-band", "0.1%..1%", "--py-index", "1.003214142718150519",
                    "--name", "AAPL-like", "--json"
                ]))
        let requests = [
            #"{"op":"marketNew","apy":"0.3%","expiry":"2027-03-04","blockTime":"2026-03-02T14:30:00Z","liquidityUsd":20000000,"stockPrice":230,"apyBand":"0.1%..1%","pyIndex":"1003214142718150519","name":"AAPL-like"}"#,
            #"{"op":"marketNew","apy":0.003,"expiry":1804118400,"blockTime":1772461800,"liquidityUsd":"20000000","stockPrice":230,"apyBand":[0.001,"1%"],"pyIndex":"1003214142718150519","fee":"10bp","reserveFeePercent":80,"name":"AAPL-like"}"#
        ]
        for request in requests {
            #expect(try JSONOutput.batchAnswer(request) == command)
        }
        #expect(
            command.keys == [
                "name", "curve", "stockPrice", "blockTime", "pyIndex", "market", "impliedApy", "poolValueInAsset", "poolValueUsd",
                "apyBand", "initialAnchor", "initialProportion", "expiryIsThursdayMidnightUtc"
            ])
        #expect(command["apyBand"] == [JSONOutput.text(0.001), JSONOutput.text(0.01)])
        #expect(command["expiryIsThursdayMidnightUtc"] == true)
        // The answer is itself a market file.
        let file = try MarketFile.parse(Array(JSONValue.object(command).jsonText.utf8), origin: "answer")
        #expect(
            file.jsonText
                == CLI.run(
                    arguments: Self.base + [
                        "--apy-band", "0.1%..1%", "--py-index", "1.003214142718150519",
                        "--name", "AAPL-like"
                    ]
                ).stdout)
        // Defaults: the band apy/3..3·apy, fee 0.1 %, PY index 1, 80 % to the reserve.
        let defaults = try JSONOutput.batchAnswer(
            #"{"op":"marketNew","apy":0.003,"expiry":1804118400,"blockTime":1772461800,"liquidityUsd":20000000,"stockPrice":230}"#)
        #expect(defaults == (try JSONOutput.object(CLI.run(arguments: Self.base + ["--json"]))))
        #expect(defaults["apyBand"] == [JSONOutput.text(0.003 / 3), JSONOutput.text(0.003 * 3)])
        #expect(defaults["pyIndex"] == "1000000000000000000")
    }

    /// An expiry that is not a Thursday 00:00 UTC: a warning on stderr, the file on stdout all the same.
    @Test func nonThursdayExpiryWarns() throws {
        let run = CLI.run(arguments: Self.base + ["--expiry", "2027-03-05"])
        #expect(run.exitCode == 0)
        #expect(
            run.stderr
                == "warning: expiry 2027-03-05T00:00:00Z is not a Thursday 00:00 UTC, as Pendle's expiries are (the Thursdays around it: 2027-03-04T00:00:00Z and 2027-03-11T00:00:00Z)\n"
        )
        let file = try MarketFile.parse(Array(run.stdout.utf8), origin: "stdout")
        #expect(file.market.expiry == 1_804_204_800 && file.jsonText == run.stdout)
        let json = CLI.run(arguments: Self.base + ["--expiry", "2027-03-05", "--json"])
        #expect(try JSONOutput.object(json)["expiryIsThursdayMidnightUtc"] == false && json.stderr == run.stderr)
        #expect(CLI.run(arguments: Self.base + ["--expiry", "2027-03-04T00:00:01Z"]).stderr.contains("is not a Thursday 00:00 UTC"))
        #expect(CLI.run(arguments: Self.base).stderr.isEmpty)
    }

    /// An APY above 100 % written without a unit is read as a fraction, and said so.
    @Test func unitlessLargeApyWarns() {
        let run = CLI.run(arguments: Self.base + ["--apy", "5", "--apy-band", "1..10"])
        #expect(run.exitCode == 0 && run.stderr == "warning: --apy 5 is read as a fraction: 500.00% a year; write 5% for 5 percent\n")
    }

    // MARK: Bad inputs

    @Test func domainErrorsExitOne() {
        let cases: [([String], String)] = [
            (["--liquidity-usd", "-5"], "NonPositiveLiquidity: the liquidity -5 USD is not positive; give the pool's value in USD, > 0"),
            (["--apy-band", "1%..0.1%"], "InvalidApyBand: the APY band 1 %..0.1 % is empty; give a band whose minimum is below its maximum"),
            (["--apy-band", "0.3%..0.3%"], "InvalidApyBand"),
            (["--expiry", "2026-03-01"], "ExpiryNotAfterBlockTime: the expiry 2026-03-01T00:00:00Z is not after the block time 2026-03-02T14:30:00Z"),
            (["--expiry", "2026-03-02T14:30:00Z"], "ExpiryNotAfterBlockTime"),
            (["--reserve-fee", "101"], "InvalidReserveFeePercent: the reserve's share of fees is 101 %; the market factory takes 0 to 100"),
            (["--apy", "2%", "--apy-band", "0.1%..1%"], "ApyOutsideBand: the target APY 2 % is outside the band 0.1 %..1 %"),
            (["--apy", "-0.1%"], "RateOutOfRange"),
            (["--fee", "6%"], "InvalidFee"),
            (["--stock-price", "0"], "NonPositivePrice"),
            (["--py-index", "0"], "NonPositiveExchangeRate"),
            (["--liquidity-usd", "1e-20"], "PoolTooSmall")
        ]
        for (extra, message) in cases {
            expectFailure(CLI.run(arguments: Self.base + extra), exitCode: 1, containing: message)
        }
    }

    @Test func usageErrorsExitTwo() {
        let withoutAt = Self.base.filter { $0 != "--at" && $0 != "2026-03-02T14:30:00Z" }
        expectFailure(CLI.run(arguments: withoutAt), exitCode: 2, containing: "Missing expected argument '--at <time>'")
        let cases: [([String], String)] = [
            (["--apy", "lots"], "The value 'lots' is invalid for '--apy <rate>': expected a rate"),
            (["--apy-band", "0.1%"], "The value '0.1%' is invalid for '--apy-band <min..max>': expected a band MIN..MAX"),
            (["--apy-band", "0.1%..1%:0.1%"], "expected a band MIN..MAX"),
            (["--apy-band", "1%..5bp"], "mixes % and bp"),
            (["--reserve-fee", "8.5"], "The value '8.5' is invalid for '--reserve-fee <percent>': expected a whole number of percent, 0 to 100"),
            (["--py-index", "1.0000000000000000001"], "The value '1.0000000000000000001' is invalid for '--py-index <index>'"),
            (["--at", "-5"], "a block time must be ≥ 0"),
            (["--expiry", "soon"], "The value 'soon' is invalid for '--expiry <time>'"),
            (["--liquidity-usd", "a lot"], "The value 'a lot' is invalid for '--liquidity-usd <usd>': expected a finite number"),
            (["--frob"], "Unknown option '--frob'")
        ]
        for (extra, message) in cases {
            expectFailure(CLI.run(arguments: Self.base + extra), exitCode: 2, containing: message)
        }
        let missing = ["market", "new", "--apy", "0.3%", "--expiry", "2027-03-04", "--at", "2026-03-02"]
        expectFailure(CLI.run(arguments: missing), exitCode: 2, containing: "Missing expected argument '--liquidity-usd <usd>'")
    }

    /// A failing run writes no file.
    @Test func failureWritesNoFile() throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("never.json").path
        expectFailure(CLI.run(arguments: Self.base + ["--reserve-fee", "101", "--out", path]), exitCode: 1, containing: "InvalidReserveFeePercent")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func batchErrors() throws {
        let base = #""op":"marketNew","id":1,"apy":0.003,"expiry":1804118400,"blockTime":1772461800,"stockPrice":230"#
        let cases: [(String, String, [String])] = [
            (#",\"liquidityUsd\":-5"#, "NonPositiveLiquidity", ["-5.0"]),
            (#",\"liquidityUsd\":1e6,\"apyBand\":[0.01,0.001]"#, "InvalidApyBand", ["0.01", "0.001"]),
            (#",\"liquidityUsd\":1e6,\"apyBand\":\"1%..0.1%\""#, "InvalidApyBand", ["0.01", "0.001"]),
            (#",\"liquidityUsd\":1e6,\"reserveFeePercent\":101"#, "InvalidReserveFeePercent", ["101"]),
            (#",\"liquidityUsd\":1e6,\"apyBand\":[0.001]"#, "BadRequest", ["apyBand"]),
            (#",\"liquidityUsd\":1e6,\"apyBand\":\"wide\""#, "BadRequest", ["apyBand"]),
            (#",\"liquidityUsd\":1e6,\"fee\":\"cheap\""#, "BadRequest", ["fee"]),
            (#",\"liquidityUsd\":1e6,\"pyIndex\":\"1.5\""#, "BadRequest", ["pyIndex"]),
            ("", "BadRequest", ["liquidityUsd"])
        ]
        for (extra, name, args) in cases {
            let line = "{" + base + extra.replacingOccurrences(of: "\\\"", with: "\"") + "}"
            let answer = try JSONOutput.batchAnswer(line)
            #expect(answer["error"] == .string(name), "\(line): \(answer)")
            #expect(answer["errorArgs"] == .array(args.map(JSONValue.string)), "\(line): \(answer)")
        }
        let expired = try JSONOutput.batchAnswer(
            #"{"op":"marketNew","apy":0.003,"expiry":1772461800,"blockTime":1772461800,"liquidityUsd":1,"stockPrice":230}"#)
        #expect(expired["error"] == "ExpiryNotAfterBlockTime")
        let noTime = try JSONOutput.batchAnswer(#"{"op":"marketNew","apy":0.003,"expiry":1804118400,"liquidityUsd":1,"stockPrice":230}"#)
        #expect(noTime["error"] == "BadRequest" && noTime["errorArgs"] == ["blockTime"])
    }

    @Test func help() {
        let run = yieldstrip("market", "new", "--help")
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("USAGE: yieldstrip market new --apy <rate> --expiry <time> --at <time>"))
        #expect(yieldstrip("market").stdout.contains("  new          Create a market file: a new market at a target implied APY and\n"))
    }

    // MARK: The example files

    /// The commands in examples/markets/README.md make the example files, byte for byte (the texts are the
    /// files' own).
    @Test func exampleFilesAreReproduced() throws {
        let commands: [(String, [String])] = [
            (
                MarketExamples.aapl,
                [
                    "--apy", "0.3%", "--expiry", "2027-03-04", "--at", "2026-03-02T14:30:00Z", "--liquidity-usd", "20000000",
                    "--stock-price", "230", "--fee", "0.1%", "--apy-band", "0.1%..1%", "--py-index", "1.003214142718150519",
                    "--reserve-fee", "80"
                ]
            ),
            (
                MarketExamples.nearExpiry,
                [
                    "--apy", "0.8914%", "--expiry", "2026-06-25", "--at", "2026-06-22T12:00:00Z", "--liquidity-usd", "10000000",
                    "--stock-price", "680", "--fee", "0.1%", "--apy-band", "0.3%..3%", "--py-index", "1.018030473737342226",
                    "--reserve-fee", "80"
                ]
            )
        ]
        for (path, arguments) in commands {
            let file = try MarketExamples.load(path)
            let texts = [
                "--name", try #require(file.name), "--underlying", try #require(file.underlying), "--source", try #require(file.source),
                "--notes", try #require(file.notes)
            ]
            let run = CLI.run(arguments: ["market", "new"] + arguments + texts)
            #expect(run.exitCode == 0 && run.stderr.isEmpty)
            #expect(run.stdout == (try String(contentsOfFile: path, encoding: .utf8)), "\(path)")
            // The command is in the notes.
            #expect(file.notes?.contains("yieldstrip market new " + arguments.joined(separator: " ")) == true, "\(path)")
        }
    }

    /// The PY indexes and the SPY-like APY come from the dividend runs the notes name.
    @Test func exampleIndexesComeFromTheSchedules() throws {
        let aapl = try MarketExamples.load(MarketExamples.aapl)
        let aaplRun = try JSONOutput.object(
            yieldstrip(
                "dividends", "--schedule", Self.dataPath("aapl.csv"), "--withholding", "0.30",
                "--from", "2024-09-01", "--to", "2025-09-01", "--json"))
        #expect(aaplRun["endIndex"] == .wei(aapl.pyIndex.raw))
        #expect(abs(try #require(JSONOutput.number(aaplRun, "years")) - 1) < 1e-12)

        let spy = try MarketExamples.load(MarketExamples.nearExpiry)
        let spyRun = try JSONOutput.object(yieldstrip("dividends", "--schedule", Self.dataPath("spy.csv"), "--json"))
        #expect(spyRun["endIndex"] == .wei(spy.pyIndex.raw))
        let realized = try #require(JSONOutput.number(spyRun, "realizedApy"))
        #expect(abs(realized - 0.008914) < 0.5e-6, "the command's --apy is the realized APY to 0.0001 %")
        let snapshot = try PendleMarketMath.snapshot(spy.market, pyIndex: spy.pyIndex, blockTime: try #require(spy.blockTime))
        #expect(abs(snapshot.impliedApy / 0.008914 - 1) < 1e-9)
    }
}
