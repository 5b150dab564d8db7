import YieldStripMath

/// A JSON number kept as its exact text (`-12`, `1.50`, `6e-3`, a 78-digit integer).
///
/// The text always follows JSON's number grammar: it can only come from the reader, from an integer,
/// or from a finite `Double` (Swift's shortest round-trip form), so `nan` and `inf` cannot be written.
/// Equality is textual: `1.0` and `1` are different numbers here.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written.
    public let text: String

    package init(validatedText text: String) { self.text = text }

    /// A number from its text; nil unless `text` is a JSON number (`-0.5`, `12`, `1e18`).
    public init?(text: String) {
        guard JSONNumberSyntax.isNumber(text) else { return nil }
        self.text = text
    }

    public init(_ value: Int) { text = String(value) }
    public init(_ value: Int64) { text = String(value) }
    public init(_ value: Int256) { text = value.description }
    public init(_ value: UInt256) { text = value.description }

    /// A finite `Double` in Swift's shortest form that reads back to the same value; nil for NaN
    /// and infinities.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        text = value.description
    }

    /// True when the text is an integer: no fraction and no exponent.
    public var isInteger: Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    public var description: String { text }
}

/// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
package enum JSONNumberSyntax {
    /// The end of the number that starts at `start`, or the offset of the first byte that breaks the
    /// grammar (as `.failure`).
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result<Int, SyntaxFailure> {
        var i = start
        let count = bytes.count
        @inline(__always) func isDigit(_ i: Int) -> Bool { i < count && bytes[i] &- UInt8(ascii: "0") < 10 }

        if i < count && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return .failure(SyntaxFailure(offset: i, expected: "a digit")) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { return .failure(SyntaxFailure(offset: i, expected: "no leading zero")) }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return .failure(SyntaxFailure(offset: i, expected: "a digit after '.'")) }
            while isDigit(i) { i += 1 }
        }
        if i < count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return .failure(SyntaxFailure(offset: i, expected: "a digit in the exponent")) }
            while isDigit(i) { i += 1 }
        }
        return .success(i)
    }

    /// True when the whole of `text` is one JSON number.
    package static func isNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if case .success(let end) = scan(bytes, from: 0) { return end == bytes.count }
            return false
        }
    }

    package struct SyntaxFailure: Error {
        package let offset: Int
        package let expected: String
    }
}
