import Foundation
@_exported import _TestSupport

enum Vectors {
    /// Loads `Vectors/<name>.json` from the shared test vectors.
    static func load(_ name: String) throws -> [VectorCase] { try VectorCase.load(name) }
}
