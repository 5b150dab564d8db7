import Foundation
import YieldStrip

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

extension VectorCase {
    func wad(_ key: String) -> Wad { Wad(raw: int256(key)) }
    func int64(_ key: String) -> Int64 { Int64("\(input[key]!)")! }

    /// The `market` object of the input (or of `expected` with `from: expected`).
    func market(_ object: [String: Any]? = nil) -> MarketState<Wad> {
        let m = object ?? (input["market"] as! [String: Any])
        func w(_ k: String) -> Wad { Wad(raw: Int256("\(m[k]!)")!) }
        return MarketState(totalPt: w("totalPt"), totalSy: w("totalSy"), totalLp: w("totalLp"),
                           scalarRoot: w("scalarRoot"), expiry: Int64("\(m["expiry"]!)")!,
                           lnFeeRateRoot: w("lnFeeRateRoot"), reserveFeePercent: Int64("\(m["reserveFeePercent"]!)")!,
                           lastLnImpliedRate: w("lastLnImpliedRate"))
    }

    func expectedWad(_ key: String) -> String { "\(expected[key]!)" }
}

/// Collects mismatches between a library answer and a vector case.
struct MismatchLog {
    var lines: [String] = []
    mutating func check(_ index: Int, _ what: String, _ got: String, _ expected: String) {
        if got != expected { lines.append("#\(index) \(what): got \(got), expected \(expected)") }
    }
    mutating func error(_ index: Int, _ got: Result<Void, PendleError>, expected: [String: Any]) {
        switch got {
        case .success: lines.append("#\(index): succeeded, expected \(expected)")
        case .failure(let e):
            if e.errorName != expected["error"] as? String { lines.append("#\(index): error \(e.errorName), expected \(expected)") }
            if let args = expected["errorArgs"] as? [String], args != e.errorArgs {
                lines.append("#\(index): errorArgs \(e.errorArgs), expected \(args)")
            }
        }
    }
    var summary: String { "\(lines.count) mismatches:\n" + lines.prefix(12).joined(separator: "\n") }
}
