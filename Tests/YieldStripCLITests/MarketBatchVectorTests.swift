import Foundation
import Testing
import YieldStrip
import _TestSupport

@testable import YieldStripCLI

/// Every market vector through the scripting door: each case is one `batch` line (`{"op", "id", ...input}`)
/// and its answer must hold every field of the case's `expected` (wei as decimal strings, `expiry` and
/// `reserveFeePercent` as numbers, booleans), or the same error name and arguments.
@Suite struct MarketBatchVectorTests {
    /// Loads a vector file whose cases may lack `op` (then `defaultOp`).
    static func cases(_ name: String, defaultOp: String? = nil) throws -> [(op: String, input: JSONObject, expected: JSONObject)] {
        let url = try TestVectors.url(name)
        guard case .object(let file) = try JSONReader.parse(Array(try Data(contentsOf: url))),
            case .array(let cases)? = file["cases"]
        else { return [] }
        return cases.compactMap { value in
            guard case .object(let object) = value, case .object(let input)? = object["input"],
                case .object(let expected)? = object["expected"]
            else { return nil }
            let op: String
            if case .string(let name)? = object["op"] { op = name } else if let defaultOp { op = defaultOp } else { return nil }
            return (op, input, expected)
        }
    }

    /// Compares values with numbers and decimal strings taken as the same integer text.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.keys.count == y.keys.count && x.members.allSatisfy { m in y[m.key].map { same(m.value, $0) } ?? false }
        case (.number(let x), .string(let y)), (.string(let y), .number(let x)): return x.text == y
        default: return a == b
        }
    }

    @Test(arguments: [("market_precompute", nil), ("market_trade", "executeTradeCore"), ("liquidity", nil), ("exact_in", nil)] as [(String, String?)])
    func everyCaseThroughBatch(file: String, defaultOp: String?) throws {
        let cases = try Self.cases(file, defaultOp: defaultOp)
        #expect(cases.count == 450)
        var lines: [String] = []
        for (i, c) in cases.enumerated() {
            var request: JSONObject = ["op": .string(c.op), "id": .number(JSONNumber(i))]
            request.append(contentsOf: c.input)
            lines.append(request.jsonText)
        }
        let run = yieldstrip("batch", stdin: lines.joined(separator: "\n") + "\n")
        #expect(run.exitCode == 0)
        let answers = run.stdout.split(separator: "\n").map { try? JSONReader.parse(Array($0.utf8)) }
        #expect(answers.count == cases.count)
        var mismatches: [String] = []
        for (i, c) in cases.enumerated() {
            guard i < answers.count, case .object(let answer)? = answers[i] else {
                mismatches.append("#\(i): no answer")
                continue
            }
            for member in c.expected.members where member.key != "noFeasibleInNext5" {
                guard let got = answer[member.key], Self.same(got, member.value) else {
                    mismatches.append(
                        "#\(i) \(c.op) \(member.key): got \(answer[member.key]?.jsonText ?? "nothing"), expected \(member.value.jsonText)")
                    break
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(5))")
    }
}
