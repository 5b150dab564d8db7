import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `examples/borrow-against-aapl.sh`, `examples/loop-pt.sh` and `examples/premium-trade-mnav.sh` run end to end
/// against the built tool and print what the library computes for the same inputs.
@Suite struct LendingExampleTests {
    typealias T = TokenizationCLITesting

    static let hasTools = SplitAAPLExampleTests.builtTool != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// The last line of a script's output: its batch answer.
    static func lastAnswer(_ stdout: String) throws -> JSONObject {
        let json = try #require(stdout.split(separator: "\n").last.map(String.init))
        guard case .object(let answer) = try JSONReader.parse(json) else { throw ReferenceVectors.VectorFileError(reason: "no batch answer") }
        return answer
    }

    @Test(.enabled(if: hasTools, "no built yieldstrip binary or python3 found (run 'swift build' first)"))
    func borrowScript() throws {
        let stdout = try SplitAAPLExampleTests.runExample("borrow-against-aapl.sh")
        let file = try MarketExamples.load(MarketExamples.aapl)
        let at = try #require(file.blockTime)
        #expect(stdout.hasPrefix("== 100 AAPL-like tokens as collateral, 10,000 USD borrowed at 5 %\n"))
        let token = try Borrow.compute(
            BorrowRequest(
                collateral: .token, amount: .size(.tokens(Wad(units: 100))),
                terms: .aave(maxLtv: 0.7, liquidationThreshold: 0.75, liquidationBonus: 0.1), debt: 10_000,
                borrowApr: 0.05, stockPrice: 230), curve: file.curve, at: at)
        #expect(
            stdout.contains(
                "Health factor \(TableFormat.fixed(token.healthFactor, digits: 4)): liquidated if the stock falls to \(TableFormat.fixed(token.liquidationStockPrice, digits: 2)) USD"
            ))
        #expect(stdout.contains("Morpho incentive factor (exact)") && stdout.contains("1.043841336116910229"))
        #expect(stdout.contains("An idle market pays suppliers nearly nothing"))
        let answer = try Self.lastAnswer(stdout)
        let pt = try Borrow.compute(
            BorrowRequest(
                collateral: .pt, amount: .units(Wad(units: 1_000)),
                oracle: .linearDiscount(baseDiscountPerYear: Wad(decimal: "0.18") ?? .zero),
                terms: .aave(maxLtv: 0.8, liquidationThreshold: 0.85, liquidationBonus: 0.05), debt: 150_000,
                borrowApr: 0.05, stockPrice: 230), curve: file.curve, at: at)
        #expect(
            answer["id"] == "pt" && answer["oraclePrice"] == .wei(pt.oraclePrice.raw)
                && answer["healthFactor"] == JSONOutput.text(pt.healthFactor ?? 0))
    }

    @Test(.enabled(if: hasTools, "no built yieldstrip binary or python3 found (run 'swift build' first)"))
    func loopScript() throws {
        let stdout = try SplitAAPLExampleTests.runExample("loop-pt.sh")
        let file = try MarketExamples.load(MarketExamples.aapl)
        let at = try #require(file.blockTime)
        let loop = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 100)), borrow: .token, terms: .morpho(lltv: Wad(decimal: "0.915") ?? .zero),
                loops: 8, borrowRate: .fixed(apr: 0.0005), stockPrice: 230, tokenApy: 0.001), curve: file.curve, at: at)
        #expect(stdout.hasPrefix("== 100 tokens looped: the token borrowed against its PT at 0.05 %, eight rounds\n"))
        #expect(stdout.contains("8 rounds of borrowing the token at 0.0500% APR: \(loop.ptHeld) PT held"))
        #expect(stdout.contains("Net APY \(TableFormat.percent(loop.netApy)) on the capital"))
        #expect(stdout.contains("is negative") && stdout.contains("hedged net at maturity (USD, any price)"))
        let answer = try Self.lastAnswer(stdout)
        #expect(answer["id"] == "token-loop" && answer["ptHeld"] == .wei(loop.ptHeld.raw) && answer["debt"] == .wei(loop.debt.raw))
    }

    @Test(.enabled(if: SplitAAPLExampleTests.builtTool != nil, "no built yieldstrip binary found (run 'swift build' first)"))
    func premiumTradeScript() throws {
        let stdout = try SplitAAPLExampleTests.runExample("premium-trade-mnav.sh")
        #expect(stdout.hasPrefix("== short the premium: coin posted, the stock token borrowed and sold (ILLUSTRATIVE inputs)\n"))
        #expect(stdout.contains("mNAV 1.5965: the stock trades at 59.65% above the coin it holds per share (219.23 USD)."))
        let answers = stdout.split(separator: "\n").suffix(2).compactMap { line -> JSONObject? in
            if case .object(let object)? = try? JSONReader.parse(String(line)) { return object }
            return nil
        }
        #expect(answers.map { $0["id"] } == ["short-premium", "long-premium"])
    }

    /// The illustrative file is what the script's command lines say, and says that it is illustrative.
    @Test func illustrativeSetIsTheScriptsInputs() throws {
        let root = T.repositoryRoot
        let text = try String(contentsOf: root.appendingPathComponent("examples/data/treasury-company-illustrative.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let company = [
            "--shares-outstanding", "260000000", "--stock-price", "350", "--coin-holdings", "600000", "--coin-price", "95000",
            "--company-debt", "8200000000"
        ]
        let commands = [
            ["mnav"] + company + [
                "--side", "short", "--capital", "1000000", "--ltv", "50%", "--liquidation-threshold", "65%", "--model", "aave",
                "--optimal", "45%", "--slope1", "7%", "--slope2", "300%", "--pool-supplied", "40000", "--pool-borrowed", "500",
                "--proceeds-apr", "4%", "--funding", "6%", "--days", "365"
            ],
            ["mnav"] + company + [
                "--side", "long", "--capital", "1000000", "--ltv", "40%", "--liquidation-threshold", "60%", "--borrow-apr", "1.5%",
                "--proceeds-apr", "4%", "--days", "365"
            ]
        ]
        let script = try String(contentsOf: root.appendingPathComponent("examples/premium-trade-mnav.sh"), encoding: .utf8)
        for (line, command) in zip(lines, commands) {
            guard case .object(let request) = try JSONReader.parse(line), case .string(let source)? = request["source"] else {
                Issue.record("not a labelled request: \(line)")
                continue
            }
            #expect(source.hasPrefix("illustrative:"))
            let batch = try JSONOutput.batchAnswer(line)
            let object = try JSONOutput.object(CLI.run(arguments: command + ["--json"]))
            for key in object.keys { #expect(batch[key] == object[key], "\(key)") }
            // The script runs these options (after the company's).
            #expect(script.contains(command[11...].prefix(6).joined(separator: " ")))
        }
    }
}
