import Foundation
@_exported import _TestSupport

enum Vectors {
    /// Loads `Vectors/<name>.json` from this test bundle.
    static func load(_ name: String) throws -> [VectorCase] { try VectorCase.load(name, in: .module) }
}
