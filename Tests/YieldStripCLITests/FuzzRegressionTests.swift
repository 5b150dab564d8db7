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
        guard case .object(let file) = try JSONReader.parse(text), let market = file["market"] else { throw ReferenceVectors.VectorFileError(reason: "no market") }
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
}
