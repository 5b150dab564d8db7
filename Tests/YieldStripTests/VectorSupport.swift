import Foundation
import YieldStrip
@_exported import _TestSupport

enum Vectors {
    /// Loads `Vectors/<name>.json` from the shared test vectors.
    static func load(_ name: String) throws -> [VectorCase] { try VectorCase.load(name) }
}

extension VectorCase {
    /// The `market` object of the input (or of `expected` with `from: expected`).
    func market(_ object: [String: Any]? = nil) -> MarketState<Wad> {
        let m = object ?? (input["market"] as! [String: Any])
        func w(_ k: String) -> Wad { Wad(raw: Int256("\(m[k]!)")!) }
        return MarketState(
            totalPt: w("totalPt"), totalSy: w("totalSy"), totalLp: w("totalLp"),
            scalarRoot: w("scalarRoot"), expiry: Int64("\(m["expiry"]!)")!,
            lnFeeRateRoot: w("lnFeeRateRoot"), reserveFeePercent: Int64("\(m["reserveFeePercent"]!)")!,
            lastLnImpliedRate: w("lastLnImpliedRate"))
    }

    func expectedWad(_ key: String) -> String { expectedText(key) }
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
