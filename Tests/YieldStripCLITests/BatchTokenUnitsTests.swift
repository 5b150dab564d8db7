import Foundation
import Testing
import YieldStrip
import YieldStripJSON
import YieldStripMath

@testable import YieldStripCLI

/// `"units": "token"` (and `batch --units token`): every wei amount read and written as a decimal of 10^18
/// wei. The reference vectors' requests, their amounts rewritten in token units, get the wei answers with
/// every amount rewritten the same way; the ops of raw integers are refused; more than 18 decimals is named.
@Suite struct BatchTokenUnitsTests {
    /// Every decimal string of wei in `value` (an amount) as token units.
    static func inTokenUnits(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            let body = text.hasPrefix("-") ? String(text.dropFirst()) : text
            guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), let magnitude = UInt256(body) else { return value }
            return .string(DecimalDigits.unitsText(negative: text.hasPrefix("-"), magnitude: magnitude))
        case .object(let object): return .object(JSONObject(object.members.map { .init(key: $0.key, value: inTokenUnits($0.value)) }))
        case .array(let elements): return .array(elements.map(inTokenUnits))
        default: return value
        }
    }

    static func answer(_ runner: BatchRunner, _ request: JSONObject) throws -> JSONObject {
        guard case .object(let object) = try JSONReader.parse(runner.answer(toLine: request.jsonText)) else {
            throw ReferenceVectors.VectorFileError(reason: "not an object")
        }
        return object
    }

    @Test func vectorRequestsInTokenUnitsGetTheAnswersInTokenUnits() throws {
        let runner = BatchRunner()
        var results = 0
        var errors = 0
        for (file, op) in [("market_trade", "executeTradeCore"), ("market_precompute", nil), ("exact_in", nil), ("liquidity", nil)] {
            for (i, c) in try MarketBatchVectorTests.cases(file, defaultOp: op).enumerated() where i % 5 == 0 {
                var request: JSONObject = ["op": .string(c.op), "id": .number(JSONNumber(i))]
                request.append(contentsOf: c.input)
                let inWei = try Self.answer(runner, request)
                guard case .object(var tokenRequest) = Self.inTokenUnits(.object(request)) else { continue }
                tokenRequest["units"] = .string("token")
                let inTokens = try Self.answer(runner, tokenRequest)
                if let error = inWei["error"] {
                    #expect(inTokens["error"] == error, "\(file) #\(i)")
                    errors += 1
                } else {
                    #expect(.object(inTokens) == Self.inTokenUnits(.object(inWei)), "\(file) #\(i)")
                    results += 1
                }
            }
        }
        #expect(results > 100 && errors > 10)
    }

    @Test func theStreamsUnitsAreTheDefault() throws {
        let runner = BatchRunner(usesFastPaths: true, units: .token)
        #expect(runner.answer(toLine: #"{"op":"mulDown_i","a":"1.5","b":"-2"}"#) == #"{"result":"-3"}"#)
        // A request's own units win.
        #expect(
            runner.answer(toLine: #"{"op":"mulDown_i","a":"1500000000000000000","b":"2000000000000000000","units":"wei"}"#)
                == #"{"result":"3000000000000000000"}"#)
        let run = yieldstrip("batch", "--units", "token", stdin: #"{"op":"divDown_u","a":"1","b":"3"}"# + "\n")
        #expect(run.stdout == #"{"result":"0.333333333333333333"}"# + "\n")
        #expect(yieldstrip("batch", "--units", "tokens").exitCode == 2)
    }

    @Test func whatTokenUnitsRefuse() throws {
        let runner = BatchRunner()
        let cases: [(String, String, String)] = [
            (#"{"op":"sqrt","y":"4","units":"token"}"#, "units", "raw integers"),
            (#"{"op":"sellBase","units":"token"}"#, "units", "base units"),
            (#"{"op":"mulDown_i","a":"1.0000000000000000001","b":"2","units":"token"}"#, "a", "19 decimals"),
            (#"{"op":"mulDown_i","a":"1e18","b":"2","units":"token"}"#, "a", "token units"),
            (#"{"op":"mulDown_u","a":"-1","b":"2","units":"token"}"#, "a", "uint256"),
            (#"{"op":"mulDown_i","a":"1","b":"2","units":"tokens"}"#, "units", "(the default)")
        ]
        for (line, field, text) in cases {
            let answer = runner.answer(toLine: line)
            #expect(answer.contains(#""errorArgs":["\#(field)"]"#) && answer.contains(text), "\(line) → \(answer)")
        }
    }
}
