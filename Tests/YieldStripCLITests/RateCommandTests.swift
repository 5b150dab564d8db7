import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip rate`: every form against the library, the exact wad forms, the valuation time and its
/// source, the JSON equal to the batch op `rate`'s answer, usage and domain errors.
@Suite struct RateCommandTests {
    static let year = "31536000"

    @Test(arguments: RateForm.allCases)
    func everyFormMatchesTheLibrary(form: RateForm) throws {
        let value: Double =
            switch form {
            case .apy: 0.05
            case .ptPrice: 0.97
            case .ytPrice: 0.03
            case .lnRate: 0.04
            case .ptPerAsset: 1.02
            }
        let object = try JSONOutput.object(
            CLI.run(arguments: [
                "rate", "--" + form.optionName, String(value),
                "--seconds-to-expiry", "15768000", "--json"
            ]))
        let quote = try ImpliedRateQuote(form.quantity, value, secondsToExpiry: 15_768_000)
        #expect(object["given"] == .string(form.rawValue))
        #expect(object["impliedApy"] == JSONOutput.text(quote.impliedApy))
        #expect(object["lnImpliedRate"] == JSONOutput.text(quote.lnImpliedRate))
        #expect(object["ptPriceInAsset"] == JSONOutput.text(quote.ptPriceInAsset))
        #expect(object["ytPriceInAsset"] == JSONOutput.text(quote.ytPriceInAsset))
        #expect(object["ptPerAsset"] == JSONOutput.text(quote.ptPerAsset))
        #expect(object["ytLeverage"] == quote.ytLeverage.map(JSONOutput.text))
        #expect(object["modifiedDuration"] == JSONOutput.text(quote.modifiedDuration))
        #expect(object["daysToExpiry"] == JSONOutput.text(182.5) && object["yearsToExpiry"] == JSONOutput.text(0.5))
        #expect(JSONOutput.member(object, "yields.semiAnnual") == JSONOutput.text(quote.yield(.semiAnnual)))
        // The exact forms are the contract's for the ln rate rounded to the wei.
        let lnRate = try #require(Wad(rounding: quote.lnImpliedRate))
        let exchangeRate = try ImpliedRateMath.exchangeRate(fromLnImpliedRate: lnRate, secondsToExpiry: 15_768_000)
        #expect(JSONOutput.member(object, "exact.ptPerAsset") == .wei(exchangeRate.raw))
        #expect(JSONOutput.member(object, "exact.ptPriceInAsset") == .wei(try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: exchangeRate).raw))
    }

    @Test func lnRateIsReadExactly() throws {
        let object = try JSONOutput.object(yieldstrip("rate", "--ln-rate", "0.05", "--seconds-to-expiry", Self.year, "--json"))
        #expect(JSONOutput.member(object, "exact.lnImpliedRate") == "50000000000000000")
        let exchangeRate = try ImpliedRateMath.exchangeRate(fromLnImpliedRate: try #require(Wad(decimal: "0.05")), secondsToExpiry: 31_536_000)
        #expect(JSONOutput.member(object, "exact.ptPerAsset") == .wei(exchangeRate.raw))
    }

    @Test func expiryAndGivenNow() throws {
        let object = try JSONOutput.object(yieldstrip("rate", "--apy", "0.05", "--expiry", "2027-01-01", "--now", "2026-01-01T00:00:00Z", "--json"))
        #expect(object["expiry"] == 1_798_761_600 && object["expiryISO"] == "2027-01-01T00:00:00Z")
        #expect(object["now"] == 1_767_225_600 && object["nowISO"] == "2026-01-01T00:00:00Z" && object["nowSource"] == "given")
        let quote = try ImpliedRateQuote(impliedApy: 0.05, secondsToExpiry: 31_536_000)
        #expect(object["secondsToExpiry"] == 31_536_000 && object["impliedApy"] == JSONOutput.text(quote.impliedApy))
        let seconds = try JSONOutput.object(yieldstrip("rate", "--apy", "0.05", "--seconds-to-expiry", Self.year, "--json"))
        for key in ["expiry", "expiryISO", "now", "nowISO", "nowSource"] { #expect(seconds[key] == .null) }
    }

    @Test func nowDefaultsToTheWallClockAndSaysSo() throws {
        let before = Int64(Date().timeIntervalSince1970)
        let object = try JSONOutput.object(yieldstrip("rate", "--apy", "0.05", "--expiry", "2100-01-01", "--json"))
        let after = Int64(Date().timeIntervalSince1970)
        #expect(object["nowSource"] == "wall clock")
        let now = try #require(JSONOutput.number(object, "now"))
        #expect(now >= Double(before) && now <= Double(after))
        #expect(yieldstrip("rate", "--apy", "0.05", "--expiry", "2100-01-01").stdout.contains(" (wall clock)\n"))
    }

    /// The three doors: the command's JSON is the batch op `rate`'s answer for the same inputs.
    @Test func jsonIsTheBatchAnswer() throws {
        let pairs: [([String], String)] = [
            (
                ["--apy", "0.05", "--expiry", "2026-12-31", "--now", "2026-03-01"],
                #"{"op":"rate","apy":0.05,"expiry":"2026-12-31","now":"2026-03-01"}"#
            ),
            (
                ["--pt-price", "0.97", "--expiry", "1798675200", "--now", "1772323200"],
                #"{"op":"rate","ptPrice":"0.97","expiry":1798675200,"now":1772323200}"#
            ),
            (
                ["--ln-rate", "0.2103754602", "--seconds-to-expiry", "8240713"],
                #"{"op":"rate","lnRate":0.2103754602,"secondsToExpiry":8240713}"#
            ),
            (["--yt-price", "0", "--seconds-to-expiry", "86400"], #"{"op":"rate","ytPrice":0,"secondsToExpiry":86400}"#)
        ]
        for (arguments, line) in pairs {
            let command = try JSONOutput.object(CLI.run(arguments: ["rate"] + arguments + ["--json"]))
            #expect(command == (try JSONOutput.batchAnswer(line)), "\(line)")
        }
    }

    @Test func zeroRateHasNoLeverage() throws {
        let object = try JSONOutput.object(yieldstrip("rate", "--yt-price", "0", "--seconds-to-expiry", "86400", "--json"))
        #expect(object["ytLeverage"] == .null && object["impliedApy"] == JSONOutput.text(0))
    }

    @Test func table() {
        let run = yieldstrip("rate", "--apy", "0.05", "--expiry", "2027-01-01", "--now", "2026-01-01")
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Implied rate from apy 0.05\n\n"))
        for line in [
            "now                            2026-01-01T00:00:00Z (given)\n",
            "implied APY                                         5.0000%\n",
            "YT leverage (1 / YT price)                            21.00\n",
            "exact PT per asset (wad)               1.050000000000000004\n"
        ] {
            #expect(run.stdout.contains(line), "\(line)")
        }
    }

    // MARK: Errors

    @Test func usageErrors() {
        let cases: [([String], String)] = [
            (["--expiry", "2027-01-01"], "Give the rate in one form: one of --apy, --pt-price, --yt-price, --ln-rate, --pt-per-asset"),
            (["--apy", "0.05", "--pt-price", "0.9", "--expiry", "2027-01-01"], "Give the rate in one form only; got --apy and --pt-price"),
            (["--apy", "0.05"], "Missing expected argument '--expiry <time>'"),
            (["--apy", "0.05", "--seconds-to-expiry", "100", "--now", "2026-01-01"], "'--seconds-to-expiry' replaces '--expiry' and '--now'"),
            (
                ["--apy", "five", "--seconds-to-expiry", "100"],
                "The value 'five' is invalid for '--apy <number>': expected a rate: a fraction (0.05), a percentage (5%) or basis points (50bp)"
            ),
            (["--apy", "nan", "--seconds-to-expiry", "100"], "The value 'nan' is invalid for '--apy <number>'"),
            (["--apy", "0.05", "--seconds-to-expiry", "1.5"], "The value '1.5' is invalid for '--seconds-to-expiry <seconds>'"),
            (["--apy", "0.05", "--expiry", "2026-02-30"], "The value '2026-02-30' is invalid for '--expiry <time>'")
        ]
        for (arguments, message) in cases {
            expectFailure(CLI.run(arguments: ["rate"] + arguments), exitCode: 2, containing: message)
        }
    }

    @Test func domainErrors() {
        expectFailure(
            yieldstrip("rate", "--apy", "0.05", "--expiry", "2026-01-01", "--now", "2026-06-01"), exitCode: 1,
            containing: "MaturityExpired: expiry 2026-01-01T00:00:00Z is not after now 2026-06-01T00:00:00Z")
        expectFailure(yieldstrip("rate", "--apy", "-0.01", "--seconds-to-expiry", "100"), exitCode: 1, containing: "RateOutOfRange")
        expectFailure(yieldstrip("rate", "--pt-price", "1.5", "--seconds-to-expiry", "100"), exitCode: 1, containing: "PriceOutOfRange")
        expectFailure(yieldstrip("rate", "--apy", "0.05", "--seconds-to-expiry", "0"), exitCode: 1, containing: "MaturityExpired")
    }

    @Test func batchNeedsATime() throws {
        let noNow = try JSONOutput.batchAnswer(#"{"op":"rate","apy":0.05,"expiry":1798675200}"#)
        #expect(noNow["error"] == "BadRequest" && noNow["errorArgs"] == ["now"])
        let both = try JSONOutput.batchAnswer(#"{"op":"rate","apy":0.05,"ptPrice":0.9,"secondsToExpiry":5}"#)
        #expect(both["error"] == "BadRequest")
        let badTime = try JSONOutput.batchAnswer(#"{"op":"rate","apy":0.05,"expiry":"someday","now":0}"#)
        #expect(badTime["error"] == "BadRequest" && badTime["errorArgs"] == ["expiry"])
        #expect(badTime["message"] == .string(#"field 'expiry' is not a time: not a date ("someday"); expected \#(UnixTime.acceptedFormats)"#))
    }

    @Test func help() {
        let run = yieldstrip("rate", "--help")
        #expect(run.exitCode == 0 && run.stdout.hasPrefix("OVERVIEW: Convert a rate: APY, ln rate, PT/YT price, PT per asset.\n"))
        #expect(run.stdout.contains("  --seconds-to-expiry <seconds>   The time to expiry in seconds, instead of\n"))
    }
}
