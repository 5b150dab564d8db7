import Foundation
import YieldStripMath

/// One case of a reference-vector file: `op`, `input` and `expected` with every value as text.
struct VectorCase {
    var op: String?
    var input: [String: Any]
    var expected: [String: Any]

    func string(_ key: String) -> String { "\(input[key]!)" }
    func int256(_ key: String) -> Int256 { Int256(string(key))! }
    func uint256(_ key: String) -> UInt256 { UInt256(string(key))! }
    var expectedError: String? { expected["error"] as? String }
}

enum Vectors {
    /// Loads `Vectors/<name>.json` from the test bundle.
    static func load(_ name: String) throws -> [VectorCase] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map {
            VectorCase(op: $0["op"] as? String, input: $0["input"] as! [String: Any],
                       expected: $0["expected"] as! [String: Any])
        }
    }
}
