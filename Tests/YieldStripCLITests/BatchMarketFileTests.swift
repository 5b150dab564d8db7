import Foundation
import Testing
import YieldStrip
import YieldStripJSON

@testable import YieldStripCLI

/// `"marketFile": PATH` in a batch request: the same answer as the file's fields written inline; the
/// request's own block time and stock price win; one file read once while unchanged, again when it changes.
@Suite struct BatchMarketFileTests {
    static func answer(_ runner: BatchRunner, _ request: JSONObject) throws -> JSONObject {
        guard case .object(let object) = try JSONReader.parse(runner.answer(toLine: request.jsonText)) else {
            throw ReferenceVectors.VectorFileError(reason: "not an object")
        }
        return object
    }

    @Test(arguments: MarketExamples.all)
    func aFileIsItsFieldsInline(path: String) throws {
        let file = try MarketExamples.load(path)
        let blockTime = try #require(file.blockTime) + 60
        let extra: JSONObject = ["swap": .string("swapExactSyForPt"), "exactSyIn": .string("1000000000000000000")]
        let inline = try JSONOutput.batchAnswer(try MarketExamples.batchLine(path, op: "quote", blockTime: blockTime, extra: extra))
        var request: JSONObject = ["op": .string("quote"), "marketFile": .string(path), "blockTime": .number(JSONNumber(blockTime))]
        request.append(contentsOf: extra)
        let named = try Self.answer(BatchRunner(), request)
        #expect(named == inline)
        #expect(named["error"] == nil)
    }

    @Test func aYieldSpaceFileGivesItsPool() throws {
        let runner = BatchRunner()
        let answer = try Self.answer(
            runner, ["op": .string("lockin"), "marketFile": .string(YieldSpaceExampleTests.path), "usd": .number(JSONNumber(10_000))])
        #expect(answer["curve"] == .string("yieldspace"))
        // The file's block time and stock price (230 USD per share): 10,000 USD is 43.478… shares.
        #expect(answer["blockTime"] == .number(JSONNumber(1_772_461_800)))
        #expect(abs((answer.number("sharesIn") ?? 0) - 10_000.0 / 230) < 1e-9)
        // The request's own stock price wins.
        let priced = try Self.answer(
            runner,
            [
                "op": .string("lockin"), "marketFile": .string(YieldSpaceExampleTests.path),
                "usd": .number(JSONNumber(10_000)), "stockPrice": .number(JSONNumber(250))
            ])
        #expect(abs((priced.number("sharesIn") ?? 0) - 40) < 1e-9)
    }

    @Test func badReferencesAreTheLinesErrors() throws {
        let runner = BatchRunner()
        let missing = try Self.answer(
            runner, ["op": .string("marketSnapshot"), "id": .number(JSONNumber(1)), "marketFile": .string("no-such-market.json")])
        #expect(missing["error"] == .string("MarketFileUnreadable") && missing["id"] == .number(JSONNumber(1)))
        let both = try Self.answer(runner, ["op": .string("marketSnapshot"), "marketFile": .string(MarketExamples.aapl), "pyIndex": .string("1")])
        #expect(both["error"] == .string("BadRequest"))
        #expect(both["message"] == .string("give 'marketFile' or the market inline ('pyIndex'), not both"))
        let notText = try Self.answer(runner, ["op": .string("marketSnapshot"), "marketFile": .number(JSONNumber(3))])
        #expect(notText["error"] == .string("BadRequest") && notText["errorArgs"] == .array([.string("marketFile")]))
        // A file that is no market file names itself.
        let files = try TemporaryMarketFiles()
        let bad = try files.write("{\"pyIndex\": \"1\"}\n")
        let answer = try Self.answer(runner, ["op": .string("marketSnapshot"), "marketFile": .string(bad)])
        #expect((answer["message"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "").contains(bad))
    }

    @Test func aChangedFileIsReadAgain() throws {
        let files = try TemporaryMarketFiles()
        let text = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let path = try files.write(text)
        let runner = BatchRunner()
        let request: JSONObject = ["op": .string("marketSnapshot"), "marketFile": .string(path)]
        let before = try Self.answer(runner, request)
        #expect(try Self.answer(runner, request) == before)
        // Another PY index (a different size too, so the change shows whatever the clock's resolution).
        try Data(text.replacingOccurrences(of: "\"1003214142718150519\"", with: "\"10032141427181505190\"").utf8)
            .write(to: URL(fileURLWithPath: path))
        let after = try Self.answer(runner, request)
        #expect(after["pyIndex"] != before["pyIndex"] && after["error"] == nil)
    }
}
