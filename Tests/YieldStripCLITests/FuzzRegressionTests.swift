import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// Inputs that once trapped (found by the fuzzer, `scripts/fuzz.sh`, or by reading the code it pointed at),
/// each now answered with a named error that says what to change. See docs/testing.md.
@Suite struct FuzzRegressionTests {
    static let aapl = TokenizationCLITesting.repositoryRoot.appendingPathComponent("examples/markets/aapl-like.json").path

    /// The AAPL-like example market's fields for a batch request.
    static func context() throws -> String {
        let text = try String(contentsOfFile: aapl, encoding: .utf8)
        guard case .object(let file) = try JSONReader.parse(text), let market = file["market"] else {
            throw ReferenceVectors.VectorFileError(reason: "no market")
        }
        return #""market":\#(market.jsonText),"pyIndex":"1003214142718150519","blockTime":1772461800,"stockPrice":230"#
    }

    /// The one answer of one batch line, as an object.
    static func answer(_ line: String) throws -> JSONObject {
        let answer = BatchRunner().answer(toLine: line)
        guard case .object(let object) = try JSONReader.parse(answer) else { throw ReferenceVectors.VectorFileError(reason: answer) }
        return object
    }

    /// A scenario horizon of more days than Int64 holds in seconds (from ~1.07e14 days) converted the seconds
    /// with a trapping `Int64(_:)` (Scenario.compute); now it is refused like any horizon at or after expiry.
    @Test(arguments: ["1e15", "1e300", "\"1e15\"", "106751991167300", "106751991167", "1.7976931348623157e308"])
    func aScenarioHorizonBeyondAnyTimeIsRefused(days: String) throws {
        let answer = try Self.answer(#"{"op":"scenario","id":1,\#(try Self.context()),"position":"pt:1000","apyShift":"0","days":\#(days)}"#)
        #expect(answer["error"] == .string("InvalidInput") && answer["errorArgs"]?.jsonText.contains("\"days\"") == true)
        guard case .string(let message)? = answer["message"] else {
            Issue.record("no message: \(answer.jsonText)")
            return
        }
        #expect(message.contains("is not before expiry 2027-03-04T00:00:00Z; give fewer days"))
        // The command says the same, exit 1.
        let run = yieldstrip("scenario", "--market", Self.aapl, "--position", "pt:1", "--apy-shift", "0", "--days", "1e15")
        #expect(run.exitCode == 1 && run.stdout.isEmpty && run.stderr.contains("days after 2026-03-02T14:30:00Z is not before expiry"))
    }

    /// A few bytes asked for a table of a million rows or a grid of a million cells: `lockin --price-range
    /// 107..26009999:30` (866,664 rows, 55 MB of table, 0.9 GB of memory, over the fuzzer's 10 s), a batch
    /// `priceRange` of `1..1000000:1` (a 170 MB answer line), a 1,000 × 1,000 scenario grid (180 MB). A list
    /// now holds at most 10,000 values and a grid at most 100,000 cells; beyond, the usual errors say so.
    @Test func aFewBytesCannotAskForAMillionRows() throws {
        let lockin = yieldstrip("lockin", "--market", Self.aapl, "--usd", "09999", "--price-range", "107..26009999:30")
        #expect(lockin.exitCode == 2 && lockin.stdout.isEmpty && lockin.stderr.contains("the range gives more than 10000 values; use a larger step"))
        let context = try Self.context()
        let batch = try Self.answer(#"{"op":"lockin","id":1,\#(context),"usd":10000,"priceRange":"1..1000000:1"}"#)
        #expect(batch["error"] == .string("BadRequest") && batch["errorArgs"] == .array([.string("priceRange")]), "\(batch.jsonText)")
        let list = try Self.answer(
            #"{"op":"shortYt","id":2,\#(context),"shares":"1000","realizedApys":[\#((0...10_000).map(String.init).joined(separator: ","))]}"#)
        #expect(list["error"] == .string("BadRequest") && list["message"]?.jsonText.contains("more than 10000 values") == true, "\(list.jsonText)")
        let grid = try Self.answer(
            #"{"op":"scenario","id":3,\#(context),"position":"pt:1000","apyShift":"-500..499:1bp","priceShift":"-50..49.9:0.1%"}"#)
        #expect(
            grid["error"] == .string("InvalidInput") && grid["message"]?.jsonText.contains("a grid holds at most 100000 cells") == true,
            "\(grid.jsonText)")
        // At the limits, the answer comes.
        let rows = try Self.answer(#"{"op":"lockin","id":4,\#(context),"usd":10000,"priceRange":"1..10000:1"}"#)
        #expect(rows["error"] == nil)
        let cells = try Self.answer(
            #"{"op":"scenario","id":5,\#(context),"position":"pt:1000","apyShift":"-50..49:1bp","priceShift":"-50..49.9:0.1%"}"#)
        #expect(cells["error"] == nil && { if case .array(let all)? = cells["cells"] { all.count == 100_000 } else { false } }())
    }
}
