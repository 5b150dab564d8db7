import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `--market -` reads the market file from standard input, once: a command that reads its market twice
/// (dividends, the block time then the curve) gets the same bytes, and every answer is the one the file's
/// path gives. Batch refuses `"marketFile": "-"`, since its standard input holds the requests. Run on the
/// built tool, with a real standard input.
@Suite(.enabled(if: SplitAAPLExampleTests.builtTool != nil, "no built yieldstrip binary found (run 'swift build' first)"))
struct MarketFromStandardInputTests {
    static let commands: [[String]] = [
        ["quote", "--buy-pt", "--amount", "100"],
        ["market", "show"],
        ["lockin", "--usd", "10000", "--json"],
        ["short-yt", "--shares", "1000"],
        ["dividends", "--schedule", "examples/data/aapl.csv", "--assume-yield", "0.46%"],
        ["split", "--tokens", "100"],
        ["hedge", "dv01", "--position", "pt:1000,yt:-500,lp:10,sy:250"],
        [
            "borrow", "--collateral", "pt", "--amount", "1000", "--pt-oracle", "market", "--ltv", "80%", "--liquidation-threshold", "85%",
            "--debt", "500", "--borrow-apr", "5%"
        ]
    ]

    @Test(arguments: commands)
    func standardInputReadsAsTheFile(command: [String]) throws {
        let tool = try #require(SplitAAPLExampleTests.builtTool)
        let root = TokenizationCLITesting.repositoryRoot
        let command = command.map { $0.hasPrefix("examples/") ? root.appendingPathComponent($0).path : $0 }
        for path in ["examples/markets/aapl-like.json", "examples/markets/yieldspace-aapl-like.json"] {
            let file = root.appendingPathComponent(path).path
            let named = try Subprocess.run(tool, command + ["--market", file], stdout: .file)
            let piped = try Subprocess.run(tool, command + ["--market", "-"], stdinPath: file, stdout: .file)
            #expect(piped.exitStatus == named.exitStatus)
            #expect(piped.stdout == named.stdout)
            #expect(piped.stderr == named.stderr.replacingOccurrences(of: file, with: "-"))
        }
    }

    @Test func anEmptyStandardInputIsNamed() throws {
        let tool = try #require(SplitAAPLExampleTests.builtTool)
        let outcome = try Subprocess.run(tool, ["quote", "--market", "-", "--buy-pt", "--amount", "1"], stdout: .file)
        #expect(outcome.exitStatus == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("market file '-'"))
    }

    @Test func batchRefusesStandardInputAsAMarketFile() throws {
        let answer = BatchRunner().answer(toLine: #"{"op":"marketSnapshot","id":1,"marketFile":"-"}"#)
        #expect(answer.contains(#""error":"BadRequest""#) && answer.contains("standard input"))
    }
}
