import Foundation
import Testing
import YieldStrip
import _TestSupport

@testable import YieldStripCLI

/// Runs `yieldstrip` in-process.
func yieldstrip(_ arguments: String..., stdin: String = "") -> CLI.RunResult {
    CLI.run(arguments: arguments, stdin: stdin)
}

/// The shared reference vectors (`Tests/_TestSupport/Vectors/<name>.json`), read with the CLI's own reader.
enum ReferenceVectors {
    struct Case {
        let op: String
        let input: JSONObject
        let expected: JSONObject
    }

    static func load(_ name: String) throws -> [Case] {
        let url = try TestVectors.url(name)
        let root = try JSONReader.parse(Array(try Data(contentsOf: url)))
        guard case .object(let file)? = Optional(root), case .array(let cases)? = file["cases"] else {
            throw VectorFileError(reason: "\(name).json has no 'cases' array")
        }
        return try cases.map { value in
            guard case .object(let object) = value, case .string(let op)? = object["op"],
                case .object(let input)? = object["input"], case .object(let expected)? = object["expected"]
            else {
                throw VectorFileError(reason: "malformed case \(value.jsonText)")
            }
            return Case(op: op, input: input, expected: expected)
        }
    }

    struct VectorFileError: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}
