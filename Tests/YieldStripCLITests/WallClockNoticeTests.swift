import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// Wherever a command uses the wall clock, its output says so: `depth --csv` with a comment line, and
/// the errors that involve the time name it and its source.
@Suite struct WallClockNoticeTests {
    /// The AAPL-like market file without its `blockTime`: its commands read the wall clock.
    static func timelessMarket(_ files: TemporaryMarketFiles) throws -> String {
        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        return try files.write(file.replacingOccurrences(of: "\"blockTime\": 1772461800,", with: ""))
    }

    @Test func depthCsvSaysWhenTheBlockTimeIsTheWallClock() throws {
        let files = try TemporaryMarketFiles()
        let before = Int64(Date().timeIntervalSince1970)
        let run = yieldstrip("depth", "--market", try Self.timelessMarket(files), "--csv")
        let after = Int64(Date().timeIntervalSince1970)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let notice = lines.first ?? ""
        #expect(notice.hasPrefix("# blockTime ") && notice.hasSuffix(" (wall clock)"), "\(notice)")
        let words = notice.split(separator: " ")
        let seconds = try #require(Int64(words.count > 2 ? String(words[2]) : ""))
        #expect(seconds >= before && seconds <= after)
        #expect(words.count > 3 && String(words[3]) == UnixTime.format(seconds))
        #expect(lines.dropFirst().first == DepthReport.columns.joined(separator: ","))
        // A given or file block time: plain CSV, the header first.
        for arguments in [
            ["depth", "--market", MarketExamples.aapl, "--csv"],
            ["depth", "--market", try Self.timelessMarket(files), "--csv", "--at", "2026-03-02"]
        ] {
            #expect(CLI.run(arguments: arguments).stdout.hasPrefix(DepthReport.columns.joined(separator: ",") + "\n"))
        }
    }

    @Test func splitExpiredAtTheWallClockSaysSo() {
        let run = yieldstrip("split", "--tokens", "1", "--exchange-rate", "1", "--expiry", "2020-01-01")
        expectFailure(run, exitCode: 1, containing: "YCExpired: the yield contract expires at 2020-01-01T00:00:00Z; the valuation time ")
        #expect(run.stderr.contains("(wall clock) is not before it"), "\(run.stderr)")
        expectFailure(
            yieldstrip("split", "--tokens", "1", "--exchange-rate", "1", "--expiry", "2020-01-01", "--at", "2021-01-01"), exitCode: 1,
            containing: "the valuation time 2021-01-01T00:00:00Z (given) is not before it")
    }

    @Test func rateExpiredAtTheWallClockSaysSo() {
        let run = yieldstrip("rate", "--apy", "0.05", "--expiry", "2020-01-01")
        expectFailure(run, exitCode: 1, containing: "MaturityExpired: expiry 2020-01-01T00:00:00Z is not after now ")
        #expect(run.stderr.contains("(wall clock), -"), "\(run.stderr)")
        expectFailure(
            yieldstrip("rate", "--apy", "0.05", "--expiry", "2020-01-01", "--now", "2021-01-01"), exitCode: 1,
            containing: "is not after now 2021-01-01T00:00:00Z (given), -31622400 s to expiry")
        // Batch keeps the library's name and arguments.
        let answer = BatchRunner().answer(toLine: #"{"op":"rate","apy":0.05,"expiry":"2020-01-01","now":"2021-01-01"}"#)
        #expect(answer.hasPrefix(#"{"error":"MaturityExpired","errorArgs":["-31622400"],"#), "\(answer)")
    }

    @Test func ptMaturedAtTheWallClockSaysSo() throws {
        let files = try TemporaryMarketFiles()
        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let expired = try files.write(
            file.replacingOccurrences(of: "\"blockTime\": 1772461800,", with: "")
                .replacingOccurrences(of: "\"expiry\": 1804118400", with: "\"expiry\": 1577923200"))
        for arguments in [
            ["borrow", "--market", expired, "--collateral", "pt", "--amount", "1", "--ltv", "80%", "--liquidation-threshold", "85%"],
            ["loop", "--market", expired, "--tokens", "1", "--protocol", "morpho", "--lltv", "86%", "--borrow-apr", "1%"]
        ] {
            let run = CLI.run(arguments: arguments)
            expectFailure(run, exitCode: 1, containing: "PtMatured: the PT matured at 2020-01-02T00:00:00Z; the time ")
            #expect(run.stderr.contains("(wall clock) is not before it"), "\(run.stderr)")
        }
        expectFailure(
            yieldstrip(
                "borrow", "--market", MarketExamples.aapl, "--collateral", "pt", "--amount", "1", "--ltv", "80%", "--liquidation-threshold", "85%",
                "--at", "2027-03-05"), exitCode: 1, containing: "the time 2027-03-05T00:00:00Z (given) is not before it")
    }

    @Test func marketExpiredAtTheWallClockSaysSo() throws {
        let files = try TemporaryMarketFiles()
        let file = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let expired = try files.write(
            file.replacingOccurrences(of: "\"blockTime\": 1772461800,", with: "")
                .replacingOccurrences(of: "\"expiry\": 1804118400", with: "\"expiry\": 1577923200"))
        for command in [["market", "show"], ["depth"], ["quote", "--buy-pt", "--amount", "1"]] {
            expectFailure(CLI.run(arguments: command + ["--market", expired]), exitCode: 1, containing: "(wall clock) is not before it")
        }
    }
}
