import Testing
import YieldStrip

@testable import YieldStripCLI

/// Exit codes and exact error wording of the real tool: usage errors exit 2, domain errors 1, and
/// nothing reaches stdout when a command fails.
@Suite struct ErrorConventionTests {
    static func usage(_ message: String, _ usage: String, _ command: String) -> String {
        "Error: \(message)\nUsage: \(usage)\n  See '\(command) --help' for more information.\n"
    }

    static let mulUsage = "yieldstrip wad mul [--wei] [--json] <a> <b>"

    @Test func unknownOption() {
        #expect(
            yieldstrip("wad", "mul", "1", "2", "--verbose")
                == CLI.RunResult(
                    stdout: "", stderr: Self.usage("Unknown option '--verbose'", Self.mulUsage, "yieldstrip wad mul"), exitCode: 2))
        #expect(yieldstrip("wad", "mul", "-x", "1", "2").stderr.hasPrefix("Error: Unknown option '-x'\n"))
        #expect(
            yieldstrip("--verbose")
                == CLI.RunResult(
                    stdout: "", stderr: Self.usage("Unknown option '--verbose'", "yieldstrip <subcommand>", "yieldstrip"), exitCode: 2))
    }

    @Test func missingValue() {
        #expect(
            yieldstrip("demo", "--section")
                == CLI.RunResult(
                    stdout: "",
                    stderr: Self.usage(
                        "Missing value for '--section <section>'",
                        "yieldstrip demo [--section <section>] [--json]", "yieldstrip demo"), exitCode: 2))
        #expect(yieldstrip("demo", "--section", "--json").stderr.hasPrefix("Error: Missing value for '--section <section>'\n"))
    }

    @Test func malformedNumber() {
        #expect(
            yieldstrip("wad", "mul", "abc", "2")
                == CLI.RunResult(
                    stdout: "",
                    stderr: Self.usage(
                        "The value 'abc' is invalid for '<a>': expected a decimal number with at most 18 fractional digits",
                        Self.mulUsage, "yieldstrip wad mul"), exitCode: 2))
        #expect(
            yieldstrip("wad", "mul", "1.0000000000000000001", "2").stderr.hasPrefix(
                "Error: The value '1.0000000000000000001' is invalid for '<a>'"))
        #expect(
            yieldstrip("wad", "mul", "--wei", "1.5", "2").stderr.hasPrefix(
                "Error: The value '1.5' is invalid for '<a>': expected an integer of wei\n"))
    }

    @Test func invalidOptionValue() {
        #expect(
            yieldstrip("demo", "--section=nope").stderr.hasPrefix(
                "Error: The value 'nope' is invalid for '--section <section>': expected one of jobs, stockMarket, tokenization, logExp, rounding, syRoundTrip\n"
            ))
    }

    @Test func missingAndExtraArguments() {
        #expect(
            yieldstrip("wad", "mul", "1")
                == CLI.RunResult(
                    stdout: "", stderr: Self.usage("Missing expected argument '<b>'", Self.mulUsage, "yieldstrip wad mul"), exitCode: 2))
        #expect(yieldstrip("wad", "mul", "1", "2", "3").stderr.hasPrefix("Error: Unexpected argument '3'\n"))
    }

    @Test func flagWithValue() {
        #expect(yieldstrip("wad", "mul", "1", "2", "--json=yes").stderr.hasPrefix("Error: The flag '--json' does not take a value\n"))
    }

    @Test func unknownSubcommand() {
        #expect(
            yieldstrip("frob")
                == CLI.RunResult(
                    stdout: "",
                    stderr: Self.usage(
                        "Unknown subcommand 'frob' (expected one of: lockin, short-yt, hedge, scenario, borrow, rates, loop, mnav, market, quote, depth, compare, split, dividends, report, yt-interest, rate, wad, batch, demo, completions, help)",
                        "yieldstrip <subcommand>", "yieldstrip"), exitCode: 2))
    }

    @Test func domainErrorExitsOne() {
        #expect(
            yieldstrip("wad", "exp", "131")
                == CLI.RunResult(
                    stdout: "", stderr: "Error: Invalid exponent: exp argument outside [-41, 130]; the rate × time to expiry is too large\n",
                    exitCode: 1))
        #expect(
            yieldstrip("wad", "div", "1", "0", "--json")
                == CLI.RunResult(
                    stdout: "",
                    stderr: "Error: Panic(0x12): division by zero; a divisor (index, reserve or rate) is zero, give it a positive value\n",
                    exitCode: 1))
    }

    @Test func negativeNumbersAreNotOptions() {
        #expect(yieldstrip("wad", "mul", "-1.5", "2", "--json").stdout == #"{"result":"-3000000000000000000"}"# + "\n")
        #expect(yieldstrip("wad", "mul", "-.5", "2", "--json").stdout == #"{"result":"-1000000000000000000"}"# + "\n")
        #expect(yieldstrip("wad", "mul", "--json", "--", "-1.5", "2").stdout == #"{"result":"-3000000000000000000"}"# + "\n")
    }

    @Test func optionsAnywhere() {
        let expected = yieldstrip("wad", "mul", "--json", "1.5", "2")
        #expect(expected.exitCode == 0)
        #expect(yieldstrip("wad", "mul", "1.5", "--json", "2") == expected)
        #expect(yieldstrip("wad", "mul", "1.5", "2", "--json") == expected)
    }
}

/// Values of the right form that do not fit say "too large", on every command that reads numbers.
@Suite struct TooLargeValueTests {
    @Test func commandsSayTooLarge() {
        let market = MarketExamples.aapl
        let huge = String(repeating: "9", count: 62)
        let cases: [([String], String)] = [
            (["rate", "--apy", "1e400", "--seconds-to-expiry", "5"], "'--apy <number>': too large: beyond the range of a double"),
            (
                ["rate", "--apy", "0.05", "--seconds-to-expiry", "99999999999999999999"],
                "'--seconds-to-expiry <seconds>': too large: beyond 64-bit seconds"
            ),
            (["rate", "--apy", "0.05", "--expiry", "99999999999999999999"], "'--expiry <time>': too large: a time must lie in years 0000–9999"),
            (["quote", "--market", market, "--buy-pt", "--amount", huge], "'--amount <amount>': too large"),
            (["quote", "--market", market, "--buy-pt", "--wei", "--amount", String(repeating: "9", count: 80)], "'--amount <amount>': too large"),
            (["split", "--tokens", huge, "--exchange-rate", "1"], "'--tokens <amount>': too large"),
            (
                ["split", "--tokens", "1", "--exchange-rate", "1", "--stock-price", "1e400"],
                "'--stock-price <usd>': too large: beyond the range of a double"
            ),
            (
                ["split", "--tokens", "1", "--exchange-rate", "1", "--expiry", "2030-01-01", "--pt-implied-apy", "1e400"],
                "'--pt-implied-apy <apy>': too large"
            ),
            (["yt-interest", "--balance", huge, "--index-from", "1", "--index-to", "1.1"], "'--balance <amount>': too large"),
            (["yt-interest", "--balance", "1", "--index-from", "1", "--index-to", "1.1", "--fee", huge + "%"], "'--fee <rate>': too large"),
            (["dividends", "--schedule", "examples/data/aapl.csv", "--withholding", huge], "'--withholding <rate>': too large"),
            (["rates", "--model", "morpho", "--utilization", "1e400"], "'--utilization <rate>': too large"),
            (["borrow", "--amount", huge, "--ltv", "80%", "--liquidation-threshold", "85%"], "'--amount <amount>': too large"),
            (
                ["borrow", "--amount", "1", "--ltv", "80%", "--liquidation-threshold", "85%", "--debt", "1e400"],
                "'--debt <amount>': too large: beyond the range of a double"
            ),
            (
                [
                    "mnav", "--shares-outstanding", "1e400", "--stock-price", "1", "--coin-holdings", "1", "--coin-price", "1", "--capital", "1",
                    "--ltv", "0.5",
                    "--liquidation-threshold", "0.7", "--borrow-apr", "0"
                ], "'--shares-outstanding <n>': too large: beyond the range of a double"
            )
        ]
        for (arguments, fragment) in cases {
            expectFailure(CLI.run(arguments: arguments), exitCode: 2, containing: fragment)
        }
        // Malformed values still say what was expected.
        expectFailure(
            yieldstrip("rate", "--apy", "lots", "--seconds-to-expiry", "5"), exitCode: 2,
            containing: "'--apy <number>': expected a rate: a fraction (0.05), a percentage (5%) or basis points (50bp)")
        expectFailure(
            yieldstrip("split", "--tokens", "1", "--exchange-rate", "1", "--stock-price", "cheap"), exitCode: 2,
            containing: "'--stock-price <usd>': expected a finite number")
        expectFailure(
            yieldstrip("yt-interest", "--balance", "1", "--index-from", "1", "--index-to", "1.1", "--fee", "a lot"), exitCode: 2,
            containing: "'--fee <rate>': expected a fraction such as 0.03, a percentage such as 3% or basis points such as 300bp")
    }
}
