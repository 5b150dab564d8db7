import Testing
import YieldStrip

@testable import YieldStripCLI

/// Every case of `logexp.json` and `pmath.json` through the batch door: the request is the case's
/// input plus `op` and `id`, and the answer's `result` or `error` must match exactly.
@Suite struct BatchVectorTests {
    @Test(arguments: ["logexp", "pmath"])
    func everyCaseMatches(file: String) throws {
        let cases = try ReferenceVectors.load(file)
        #expect(cases.count == 450)
        var input = JSONWriter()
        for (i, c) in cases.enumerated() {
            var request: JSONObject = ["op": .string(c.op), "id": .number(JSONNumber(i))]
            request.append(contentsOf: c.input)
            input.write(request)
            input.writeByte(UInt8(ascii: "\n"))
        }
        let run = yieldstrip("batch", stdin: input.text)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == cases.count)
        var mismatches: [String] = []
        for (i, (c, line)) in zip(cases, lines).enumerated() {
            guard case .object(let answer) = try JSONReader.parse(String(line)) else {
                mismatches.append("#\(i): not an object: \(line)")
                continue
            }
            var expected: JSONObject = ["id": .number(JSONNumber(i))]
            if let error = c.expected["error"] {
                expected["error"] = error
                if answer["errorArgs"] != .array([]) || answer["message"] == nil { mismatches.append("#\(i): \(line)") }
                expected["errorArgs"] = answer["errorArgs"]
                expected["message"] = answer["message"]
            } else {
                expected.append(contentsOf: c.expected)
            }
            if answer != expected { mismatches.append("#\(i) \(c.op) \(c.input.jsonText): got \(line), expected \(expected.jsonText)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }
}
