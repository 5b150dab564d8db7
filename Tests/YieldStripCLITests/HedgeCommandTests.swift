import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `hedge income`, `hedge dv01`, `hedge delta` and `scenario`: the library's numbers, the same answer through
/// the command and its batch op, bad input.
@Suite struct HedgeCommandTests {
    static let market = MarketExamples.aapl
    static let position = "pt:1000,yt:-500,lp:10,sy:250"

    static func at() throws -> Int64 { try #require(try MarketExamples.load(market).blockTime) }

    @Test func commandsAnswerAsTheirBatchOps() throws {
        let at = try Self.at()
        let cases: [([String], String, JSONObject)] = [
            (["hedge", "dv01", "--position", Self.position], "hedgeDv01", ["position": .string(Self.position)]),
            (
                ["hedge", "dv01", "--position", "pt:100", "--against", MarketExamples.nearExpiry, "--hedge-token", "yt"], "hedgeDv01",
                [
                    "position": [["token": "pt", "amount": "100000000000000000000"]], "hedgeToken": "yt",
                    "against": .object(try Self.marketFields(MarketExamples.nearExpiry))
                ]
            ),
            (
                ["hedge", "delta", "--position", Self.position, "--realized-apy", "0.4%"], "hedgeDelta",
                ["position": .string(Self.position), "realizedApy": "0.4%"]
            ),
            (
                ["scenario", "--position", Self.position, "--apy-shift", "-50bp,0,50bp", "--price-shift", "-10%..10%:10%", "--days", "30"],
                "scenario",
                ["position": .string(Self.position), "apyShift": ["-50bp", "0", "50bp"], "priceShift": "-10%..10%:10%", "days": 30]
            ),
            (
                ["hedge", "income", "--shares", "1000", "--held-as", "stock", "--holder-withholding", "15%", "--market", Self.market], "hedgeIncome",
                ["shares": "1000000000000000000000", "heldAs": "stock", "holderWithholding": "15%"]
            )
        ]
        for (arguments, op, fields) in cases {
            let command = try JSONOutput.object(
                CLI.run(
                    arguments: arguments + (arguments.contains("--market") ? [] : ["--market", Self.market])
                        + ["--at", String(at), "--json"]))
            let batch = try JSONOutput.batchAnswer(try MarketExamples.batchLine(Self.market, op: op, blockTime: at, extra: fields))
            #expect(batch["error"] == nil, "\(op): \(batch)")
            for key in command.keys { #expect(batch[key] == command[key], "\(op) \(key)") }
        }
    }

    static func marketFields(_ path: String) throws -> JSONObject {
        guard case .object(let file) = try JSONReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) else { return [:] }
        return ["market": file["market"] ?? .null, "pyIndex": file["pyIndex"] ?? .null, "stockPrice": file["stockPrice"] ?? .null]
    }

    /// The figures are the library's.
    @Test func figuresAreTheLibrarys() throws {
        let file = try MarketExamples.load(Self.market)
        let at = try Self.at()
        let position = try Position(parsing: Self.position)
        let risk = try RateRisk.compute(position, curve: file.curve, at: at, stockPrice: file.stockPrice)
        let object = try JSONOutput.object(yieldstrip("hedge", "dv01", "--market", Self.market, "--position", Self.position, "--json"))
        #expect(JSONOutput.member(object, "total.dv01InAsset") == JSONOutput.text(risk.total.dv01InAsset))
        #expect(JSONOutput.member(object, "total.valueInAsset") == JSONOutput.text(risk.total.valueInAsset))
        let income = try JSONOutput.object(
            yieldstrip("hedge", "income", "--shares", "1000", "--held-as", "stock", "--holder-withholding", "15%", "--json"))
        let short = try JSONOutput.object(
            yieldstrip(
                "short-yt", "--market", Self.market, "--shares", "1000", "--held-as", "stock",
                "--holder-withholding", "15%", "--json"))
        #expect(income["ytToSell"] == short["ytSold"] && income["premiumShares"] == .null)
        let priced = try JSONOutput.object(
            yieldstrip(
                "hedge", "income", "--shares", "1000", "--held-as", "stock", "--holder-withholding", "15%",
                "--market", Self.market, "--json"))
        #expect(priced["premiumShares"] == short["premiumShares"] && priced["capitalShares"] == short["capitalShares"])
        let csv = yieldstrip("scenario", "--market", Self.market, "--position", "pt:10", "--apy-shift", "0", "--csv")
        #expect(csv.exitCode == 0 && csv.stdout.hasPrefix(ScenarioAnswer.csvColumns.joined(separator: ",") + "\n0.0,0.0,0.003,"))
        #expect(csv.stdout.split(separator: "\n").count == 2 && csv.stdout.contains(",0.0,false,false\n"))
    }

    @Test func badInput() throws {
        let m = Self.market
        let cases: [([String], Int32, String)] = [
            (["hedge", "dv01", "--market", m, "--position", ""], 2, "the position is empty"),
            (["hedge", "dv01", "--market", m, "--position", "pt:1,xt:2"], 2, "unknown token 'xt'"),
            (["hedge", "dv01", "--market", m, "--position", "pt:abc"], 2, "is not a decimal number"),
            (["hedge", "dv01", "--market", m, "--position", "pt:1", "--hedge-token", "yt"], 2, "needs '--against"),
            (["hedge", "dv01", "--market", m, "--position", "pt:1", "--against", m, "--hedge-token", "lp"], 2, "expected pt or yt"),
            (["scenario", "--market", m, "--position", "pt:1", "--apy-shift", "0..1%:0"], 2, "the step must be positive"),
            (["scenario", "--market", m, "--position", "pt:1", "--apy-shift", "0", "--days", "400"], 1, "is not before expiry"),
            (["scenario", "--market", m, "--position", "pt:1", "--apy-shift", "-1..1:0.0001"], 2, "more than 10000 values"),
            (
                ["scenario", "--market", m, "--position", "pt:1", "--apy-shift", "-1%..1%:0.001%", "--price-shift", "-1..1:0.01"], 1,
                "at most 100000 cells"
            ),
            (["hedge", "income", "--shares", "0"], 1, "NonPositiveSize"),
            (["hedge", "income", "--shares", "10", "--at", "2026-01-01"], 2, "needs '--market <file>'")
        ]
        for (arguments, status, message) in cases {
            let run = CLI.run(arguments: arguments)
            #expect(run.exitCode == status && run.stdout.isEmpty && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}
