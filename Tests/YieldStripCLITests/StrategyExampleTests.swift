import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `examples/lockin-aapl.sh` and `examples/hedge-dividends-short-yt.sh` run end to end against the built
/// tool and print what the library computes for the same inputs.
@Suite struct StrategyExampleTests {
    typealias T = TokenizationCLITesting

    static let hasTools = SplitAAPLExampleTests.builtTool != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    @Test(.enabled(if: hasTools, "no built yieldstrip binary or python3 found (run 'swift build' first)"))
    func lockInScript() throws {
        let stdout = try SplitAAPLExampleTests.runExample("lockin-aapl.sh", warnings: ["the dividend schedule ends 2025-08-11"])
        let file = try MarketExamples.load(MarketExamples.aapl)
        let result = try LockIn.compute(
            LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: file.stockPrice), curve: file.curve,
            at: try #require(file.blockTime))
        #expect(stdout.hasPrefix("== lock in: 10,000 USD of PT, held to maturity\n"))
        #expect(stdout.contains("Locks in \(TableFormat.percent(result.fixedApy)) a year, fixed in shares"))
        #expect(T.tableValue(stdout, "PT bought") == result.ptOut.description)
        #expect(stdout.contains("hedged USD at maturity (any stock price)") && stdout.contains("lock-in minus hold (shares)"))
        // The batch line's answer is the command's JSON.
        let json = try #require(stdout.split(separator: "\n").last.map(String.init))
        guard case .object(let answer) = try JSONReader.parse(json) else {
            Issue.record("no batch answer")
            return
        }
        #expect(answer["id"] == "10k" && answer["ptOut"] == .wei(result.ptOut.raw))
    }

    @Test(.enabled(if: SplitAAPLExampleTests.builtTool != nil, "no built yieldstrip binary found (run 'swift build' first)"))
    func shortYtScript() throws {
        let stdout = try SplitAAPLExampleTests.runExample("hedge-dividends-short-yt.sh")
        #expect(stdout.hasPrefix("== a token holder sells the yield of 1,000 shares\n"))
        #expect(stdout.contains("sells 1214.285714285714285714 YT (1.21429 YT per share hedged)"))
        let json = try #require(stdout.split(separator: "\n").last.map(String.init))
        guard case .object(let answer) = try JSONReader.parse(json) else {
            Issue.record("no JSON answer")
            return
        }
        #expect(answer["ytSold"] == .wei(Wad(units: 250).raw) && answer["syToMint"] == "0")
    }
}

/// The README's Swift snippet is `examples/swift`'s program, which CI builds and runs against the library.
@Suite struct ReadmeSnippetTests {
    @Test func snippetIsTheExamplePackage() throws {
        let root = TokenizationCLITesting.repositoryRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let program = try String(contentsOf: root.appendingPathComponent("examples/swift/Sources/lockin-example/main.swift"), encoding: .utf8)
        let start = try #require(readme.range(of: "```swift\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) + "\n" == program)
    }
}

/// `examples/python/size_sweep.py` drives `yieldstrip batch` through a pipe and writes a CSV; run where
/// `python3` exists (skipped with a message where it does not).
@Suite struct PythonExampleTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: python != nil && SplitAAPLExampleTests.builtTool != nil, "python3 or a built yieldstrip not found"))
    func sizeSweep() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [
            TokenizationCLITesting.repositoryRoot.appendingPathComponent("examples/python/size_sweep.py").path,
            "--yieldstrip", try #require(SplitAAPLExampleTests.builtTool), "--sizes", "1000,10000,100000000"
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let csv = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "usd,sy_spent,pt_bought,fixed_apy,fee_apy,impact_apy,usd_at_maturity,error" && lines.count == 4)
        // The 10,000 USD row is the library's lock-in, exactly.
        let file = try MarketExamples.load(MarketExamples.aapl)
        let result = try LockIn.compute(
            LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: file.stockPrice), curve: file.curve,
            at: try #require(file.blockTime))
        #expect(lines[2].hasPrefix("10000,\(result.sySpent),\(result.ptOut),"))
        #expect(lines[3].hasPrefix("100000000,,,,,,,") && lines[3].contains("ExceedsMarketLimit"))
    }
}
