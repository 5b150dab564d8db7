import Foundation
import Testing
import YieldStrip
import _TestSupport

@testable import YieldStripCLI

/// Every case of `yieldspace.json` (Yield Protocol's `@yield-protocol/ui-math` run on 300 random pools per
/// function) through the batch door: the request is the case's fields with `op` = the function's name, and
/// the answer's `result` must lie within 1e-9 relative, or 1e12 wei at 18 decimals, of `expected`.
///
/// Agreement is exact: all 2,700 results equal the reference's text (the arithmetic is the reference's
/// own: 64-digit decimal in its operation order, its reading of 2^64, its 1e12 precision fee, flooring and
/// 6-to-18-decimal scaling).
@Suite struct YieldSpaceBatchVectorTests {
    static let functions = [
        "sellBase", "sellFYToken", "buyBase", "buyFYToken", "maxBaseIn", "maxFyTokenIn", "maxFyTokenOut",
        "invariant", "calcInterestRate"
    ]

    struct Case {
        var function: String
        var fields: JSONObject
        var expected: String
        var decimals: Int
    }

    static func load() throws -> [Case] {
        let url = try TestVectors.url("yieldspace")
        guard case .object(let root) = try JSONReader.parse(Array(try Data(contentsOf: url))), case .object(let groups)? = root["cases"] else {
            throw ReferenceVectors.VectorFileError(reason: "yieldspace.json has no 'cases' object")
        }
        var cases: [Case] = []
        for function in functions {
            guard case .array(let list)? = groups[function] else { throw ReferenceVectors.VectorFileError(reason: "no \(function) cases") }
            for value in list {
                guard case .object(let object) = value, case .string(let expected)? = object["expected"],
                    case .number(let decimals)? = object["decimals"], let d = Int(decimals.text)
                else {
                    throw ReferenceVectors.VectorFileError(reason: "malformed case \(value.jsonText)")
                }
                var fields = JSONObject()
                for member in object.members where !["id", "expected", "error"].contains(member.key) { fields.append(member.key, member.value) }
                cases.append(Case(function: function, fields: fields, expected: expected, decimals: d))
            }
        }
        return cases
    }

    @Test func everyCaseAgreesExactly() throws {
        let cases = try Self.load()
        #expect(cases.count == 2_700)
        var input = JSONWriter()
        for (i, c) in cases.enumerated() {
            var request: JSONObject = ["op": .string(c.function), "id": .number(JSONNumber(i))]
            request.append(contentsOf: c.fields)
            input.write(request)
            input.writeByte(UInt8(ascii: "\n"))
        }
        let run = yieldstrip("batch", stdin: input.text)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n")
        try #require(lines.count == cases.count)
        var exact = 0
        var withinTolerance = 0
        var failures: [String] = []
        for (i, (c, line)) in zip(cases, lines).enumerated() {
            guard case .object(let answer) = try JSONReader.parse(String(line)), case .string(let result)? = answer["result"] else {
                failures.append("#\(i) \(c.function): \(line)")
                continue
            }
            if result == c.expected { exact += 1 }
            if Self.agrees(result, c.expected, function: c.function, decimals: c.decimals) {
                withinTolerance += 1
            } else {
                failures.append("#\(i) \(c.function): got \(result), expected \(c.expected)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) outside tolerance:\n\(failures.prefix(10).joined(separator: "\n"))")
        #expect(withinTolerance == 2_700)
        // Every result is the reference's own text.
        #expect(exact == 2_700)
    }

    /// Within 1e-9 relative, or 1e12 wei at 18 decimals (10^(decimals − 6) base units).
    static func agrees(_ got: String, _ expected: String, function: String, decimals: Int) -> Bool {
        if function == "calcInterestRate" {
            guard let g = YieldDecimal(got), let e = YieldDecimal(expected) else { return false }
            return abs(g.doubleValue - e.doubleValue) <= 1e-9 * abs(e.doubleValue)
        }
        guard let g = Int256(got), let e = Int256(expected) else { return false }
        let difference = (try? PMath.sub(g, e))?.magnitude ?? .max
        if difference.doubleValue <= 1e-9 * e.magnitude.doubleValue { return true }
        let absolute = decimals >= 6 ? UInt256(1_000_000_000_000) / UInt256.pow10(18 - decimals) : UInt256.zero
        return difference <= absolute
    }
}

extension UInt256 {
    fileprivate static func pow10(_ n: Int) -> UInt256 {
        var result = UInt256.one
        for _ in 0..<n { result = result &* UInt256(10) }
        return result
    }

    fileprivate static func / (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.dividedReportingOverflow(by: rhs).partialValue }
}
