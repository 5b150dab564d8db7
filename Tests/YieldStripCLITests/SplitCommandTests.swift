import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip split`: the table, `--json` against `SplitReport.compute`, the batch op `split`, the wall
/// clock default, and bad input.
@Suite struct SplitCommandTests {
    typealias T = TokenizationCLITesting

    /// The worked AAPL example: 100 tokens at the year-end index, expiry 2026-03-01, valued on 2025-09-01.
    static let aaplArguments = [
        "split", "--tokens", "100", "--exchange-rate", "1.003214142718150519", "--expiry", "2026-03-01",
        "--at", "2025-09-01", "--pt-implied-apy", "0.0035", "--stock-price", "230"
    ]

    @Test func table() {
        let run = CLI.run(arguments: Self.aaplArguments)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Split 100 stock tokens into PT and YT\n\n"))
        let expected = [
            ("PT minted", "100.3214142718150519"), ("YT minted", "100.3214142718150519"),
            ("PT + YT redeem now for (SY)", "100"), ("lost to rounding (SY)", "0"),
            ("valuation time", "2025-09-01 (given)"), ("expiry", "2026-03-01"), ("PT implied APY", "0.3500%"),
            ("PT value (USD)", "23033.98"), ("YT value (USD)", "39.94"), ("SY value (USD)", "23073.93")
        ]
        for (label, value) in expected {
            #expect(T.tableValue(run.stdout, label) == value, "\(label)")
        }
        #expect(!run.stdout.contains("PY index stored"))  // null: left out of the table
    }

    /// Every field is the library's, in the encoding of the batch protocol.
    @Test func jsonIsTheLibrarysReport() throws {
        let run = CLI.run(arguments: Self.aaplArguments + ["--json"])
        #expect(run.exitCode == 0 && run.stdout.hasSuffix("}\n") && run.stdout.filter { $0 == "\n" }.count == 1)
        let answer = T.object(run.stdout)
        let expiry = try UnixTime.parse("2026-03-01")
        let at = try UnixTime.parse("2025-09-01")
        let split = try SplitReport.compute(
            tokens: Wad(units: 100), exchangeRate: #require(Wad(decimal: "1.003214142718150519")),
            expiry: expiry, valuationTime: at, ptImpliedApy: 0.0035, stockPriceUsd: 230)
        #expect(T.wei(answer, "amountSy") == split.amountSy.weiDescription)
        #expect(T.wei(answer, "amountPt") == split.amountPt.weiDescription)
        #expect(T.wei(answer, "amountYt") == "100321414271815051900")
        #expect(T.wei(answer, "pyIndex") == split.pyIndex.weiDescription)
        #expect(T.wei(answer, "pairRedeemsForSy") == split.pairRedeemsForSy.weiDescription)
        #expect(T.wei(answer, "ytInterestSyPerOnePercentIndexRise") == split.ytInterestSyPerOnePercentIndexRise.weiDescription)
        #expect(answer["pyIndexStored"] == .null)
        #expect(answer["negativeYield"] == false)
        #expect(answer["expiry"] == .number(JSONNumber(expiry)) && answer["expiryISO"] == "2026-03-01T00:00:00Z")
        #expect(answer["valuationTimeSource"] == "given")
        #expect(T.number(answer, "yearsToExpiry") == split.yearsToExpiry)
        #expect(T.number(answer, "ptPriceInAsset") == split.ptPriceInAsset)
        #expect(T.number(answer, "ptValueInShares") == split.ptValueInShares)
        #expect(T.number(answer, "ytValueInShares") == split.ytValueInShares)
        #expect(T.number(answer, "ptValueUsd") == split.ptValueUsd)
        #expect(T.number(answer, "ytValueUsd") == split.ytValueUsd)
        #expect(T.number(answer, "syValueUsd") == split.syValueUsd)
        #expect(
            answer.keys == [
                "amountSy", "syExchangeRate", "pyIndexStored", "pyIndex", "negativeYield", "amountPt", "amountYt",
                "syValueInShares", "pairRedeemsForSy", "pairRoundingLossSy", "ptRedeemsAtMaturityForShares",
                "ytInterestSyPerOnePercentIndexRise", "expiry", "expiryISO", "valuationTime", "valuationTimeISO",
                "valuationTimeSource", "yearsToExpiry", "ptImpliedApy", "ptImpliedApySource", "ptPriceInAsset", "ytPriceInAsset",
                "ptValueInShares", "ytValueInShares", "stockPrice", "syValueUsd", "ptRedeemsAtMaturityForUsd",
                "ptValueUsd", "ytValueUsd"
            ])
    }

    /// `--json` is exactly the answer of the batch op `split` for the same inputs.
    @Test func jsonEqualsTheBatchAnswer() throws {
        let cli = T.object(CLI.run(arguments: Self.aaplArguments + ["--json"]).stdout)
        let apy = JSONValue.number(try #require(JSONNumber(text: "0.0035")))
        let batch = T.batch([
            "op": "split", "tokens": "100000000000000000000", "exchangeRate": "1003214142718150519",
            "expiry": "2026-03-01", "valuationTime": 1_756_684_800, "ptImpliedApy": apy, "stockPrice": 230
        ])
        #expect(!cli.isEmpty && cli == batch)
        let fresh = T.object(yieldstrip("split", "--tokens", "2.5", "--exchange-rate", "1.1", "--index", "1.2", "--json").stdout)
        #expect(
            !fresh.isEmpty
                && fresh
                    == T.batch([
                        "op": "split", "tokens": "2500000000000000000", "exchangeRate": "1100000000000000000",
                        "pyIndexStored": "1200000000000000000"
                    ])
        )
    }

    /// A rate below the stored index: the PY index stays at the stored one (negative yield).
    @Test func negativeYieldKeepsTheStoredIndex() {
        let answer = T.object(yieldstrip("split", "--tokens", "10", "--exchange-rate", "1.1", "--index", "1.2", "--json").stdout)
        #expect(answer["negativeYield"] == true)
        #expect(answer["pyIndex"] == "1200000000000000000")
        #expect(answer["amountPt"] == "12000000000000000000")
        #expect(answer["syValueInShares"] == "11000000000000000000")
    }

    /// Both floors of a mint-and-redeem round trip show as one wei of SY lost.
    @Test func roundingLossIsReported() {
        let answer = T.object(yieldstrip("split", "--tokens", "0.333333333333333333", "--exchange-rate", "1.0123", "--json").stdout)
        #expect(answer["amountPt"] == "337433333333333332")
        #expect(answer["pairRedeemsForSy"] == "333333333333333332")
        #expect(answer["pairRoundingLossSy"] == "1")
    }

    /// `--expiry` without `--at` reads the wall clock, and says so.
    @Test func valuationTimeDefaultsToTheWallClock() {
        let before = Int64(Date().timeIntervalSince1970) - 1
        let run = yieldstrip("split", "--tokens", "1", "--exchange-rate", "1", "--expiry", "2999-01-01", "--json")
        let after = Int64(Date().timeIntervalSince1970) + 1
        let answer = T.object(run.stdout)
        #expect(answer["valuationTimeSource"] == "wall clock")
        if case .number(let number)? = answer["valuationTime"], let seconds = Int64(number.text) {
            #expect(before <= seconds && seconds <= after)
        } else {
            Issue.record("no valuation time in \(run.stdout)")
        }
        #expect(yieldstrip("split", "--tokens", "1", "--exchange-rate", "1", "--expiry", "2999-01-01").stdout.contains(" (wall clock)\n"))
    }

    /// Domain errors: exit 1, nothing on stdout, the message names the problem.
    @Test(arguments: [
        (["--tokens", "-5", "--exchange-rate", "1"], "tokens -5 is negative"),
        (["--tokens", "5", "--exchange-rate", "0"], "exchange rate 0 must be positive"),
        (["--tokens", "5", "--exchange-rate", "-1.5"], "exchange rate -1.5 must be positive"),
        (["--tokens", "5", "--exchange-rate", "1", "--index", "0"], "index 0 must be positive"),
        (["--tokens", "0", "--exchange-rate", "1"], "YCNoFloatingSy"),
        (["--tokens", "5", "--exchange-rate", "1", "--expiry", "2025-01-01", "--at", "2025-06-01"], "YCExpired"),
        (["--tokens", "5", "--exchange-rate", "1", "--stock-price", "0"], "stock price 0.0 must be positive"),
        (["--tokens", "5", "--exchange-rate", "1", "--expiry", "2026-01-01", "--at", "2025-06-01", "--pt-implied-apy", "-1"], "PT implied APY")
    ])
    func domainErrors(arguments: [String], message: String) {
        let run = CLI.run(arguments: ["split"] + arguments)
        #expect(run.exitCode == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: ") && run.stderr.contains(message), "\(run.stderr)")
    }

    /// Usage errors: exit 2, nothing on stdout.
    @Test(arguments: [
        (["--exchange-rate", "1"], "Missing expected argument '--tokens <amount>'"),
        (["--tokens", "abc", "--exchange-rate", "1"], "The value 'abc' is invalid for '--tokens <amount>'"),
        (["--tokens", "1.0000000000000000001", "--exchange-rate", "1"], "invalid for '--tokens <amount>'"),
        (["--tokens", "1", "--exchange-rate", "1", "--at", "2025-01-01"], "'--at <time>' needs '--expiry <time>'"),
        (["--tokens", "1", "--exchange-rate", "1", "--pt-implied-apy", "0.01"], "'--pt-implied-apy <apy>' needs '--expiry <time>'"),
        (["--tokens", "1", "--exchange-rate", "1", "--expiry", "2026-13-01"], "invalid for '--expiry <time>'"),
        (["--tokens", "1", "--exchange-rate", "1", "--stock-price", "nan"], "invalid for '--stock-price <usd>'"),
        (["--tokens", "1", "--exchange-rate", "1", "--frob"], "Unknown option '--frob'")
    ])
    func usageErrors(arguments: [String], message: String) {
        let run = CLI.run(arguments: ["split"] + arguments)
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: " + message) || run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: yieldstrip split "))
    }

    /// Percentages are read as fractions: 0.35% is 0.0035.
    @Test func percentApy() {
        let percent = T.object(CLI.run(arguments: Self.aaplArguments.map { $0 == "0.0035" ? "0.35%" : $0 } + ["--json"]).stdout)
        #expect(T.number(percent, "ptImpliedApy") == 0.0035)
    }
}
