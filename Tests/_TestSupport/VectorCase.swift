import Foundation
import YieldStripMath

/// One case of a reference-vector file: `op`, `input` and `expected`, every value read as text.
///
/// Test support only: the accessors trap on malformed fixtures (a broken fixture is a broken test, not
/// user input).
public struct VectorCase {
    public var op: String?
    public var input: [String: Any]
    public var expected: [String: Any]

    public func string(_ key: String) -> String { "\(input[key]!)" }
    public func int256(_ key: String) -> Int256 { Int256(string(key))! }
    public func uint256(_ key: String) -> UInt256 { UInt256(string(key))! }
    public func wad(_ key: String) -> Wad { Wad(raw: int256(key)) }
    public func int64(_ key: String) -> Int64 { Int64(string(key))! }
    public var expectedError: String? { expected["error"] as? String }
    public func expectedText(_ key: String) -> String { "\(expected[key]!)" }

    /// The cases of a vector file (`{"meta": …, "cases": [...]}`).
    public static func load(from url: URL) throws -> [VectorCase] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map {
            VectorCase(op: $0["op"] as? String, input: $0["input"] as! [String: Any], expected: $0["expected"] as! [String: Any])
        }
    }

    /// `Vectors/<name>.json` of the shared test vectors (``TestVectors``).
    public static func load(_ name: String) throws -> [VectorCase] {
        try load(from: TestVectors.url(name))
    }
}

/// The reference vectors, kept once for every test target (`Tests/_TestSupport/Vectors/`).
public enum TestVectors {
    /// The URL of `Vectors/<name>.json`.
    public static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// The directory the test build's products sit in (beside the resource bundle): where `swift build` put
    /// the `yieldstrip` executable this test run can use.
    public static var buildProductsDirectory: URL { Bundle.module.bundleURL.deletingLastPathComponent() }
}
