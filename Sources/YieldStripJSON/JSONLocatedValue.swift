/// A JSON value with the line its text starts on, and its members' or elements' lines: for messages about
/// files a person edits (`line 12: amount '0.2.5' is not a decimal number`).
///
/// Read by ``JSONReader/parseLocated(_:)`` (the same strict reader as every other JSON input), or built
/// from a value that has no text, every part on one line (``init(_:line:)``: row N of a request's array).
public struct JSONLocatedValue: Sendable {
    /// The value itself.
    public let value: JSONValue
    /// The 1-based line of the value's first byte.
    public let line: Int
    /// An object's members (in order, each with its key) or an array's elements; empty for a scalar.
    public let children: [(key: String?, value: JSONLocatedValue)]

    /// `value` with every part of it on `line`.
    public init(_ value: JSONValue, line: Int) {
        var lines = RepeatingLines(line: line)
        self.init(value, lines: &lines)
    }

    init(_ value: JSONValue, lines: inout some LineSource) {
        self.value = value
        line = lines.next()
        switch value {
        case .object(let object):
            children = object.members.map { member in (member.key, JSONLocatedValue(member.value, lines: &lines)) }
        case .array(let elements):
            children = elements.map { element in (nil, JSONLocatedValue(element, lines: &lines)) }
        default:
            children = []
        }
    }

    /// The object member `key` with its line, nil when absent (or when this is not an object).
    public func member(_ key: String) -> JSONLocatedValue? {
        guard case .object = value else { return nil }
        return children.first { $0.key.map { JSONObject.sameKey($0, key) } ?? false }?.value
    }
}

/// The lines of a document's values, in reading order.
protocol LineSource {
    mutating func next() -> Int
}

/// Every value on one line.
struct RepeatingLines: LineSource {
    let line: Int
    func next() -> Int { line }
}

/// The lines of the offsets a parse recorded, in reading order.
struct OffsetLines: LineSource {
    let offsets: [Int]
    let lineStarts: [Int]
    var position = 0

    mutating func next() -> Int {
        let offset = position < offsets.count ? offsets[position] : 0
        position += 1
        return JSONReader.line(ofOffset: offset, lineStarts: lineStarts)
    }
}

extension JSONReader {
    /// Parses the whole of `text` as one JSON value, as ``parse(_:)-(String)`` does (a repeated key is an
    /// error), keeping the line each value starts on.
    public static func parseLocated(_ text: String) throws(JSONParseError) -> JSONLocatedValue {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONParseError) -> JSONLocatedValue in
                var parser = JSONByteParser(bytes: bytes)
                parser.valueOffsets = []
                let value = try parser.parseDocument()
                if let key = parser.firstDuplicateKey { throw JSONParseError(duplicateKey: key) }
                var lines = OffsetLines(offsets: parser.valueOffsets ?? [], lineStarts: lineStarts(bytes))
                return JSONLocatedValue(value, lines: &lines)
            }
        }
        return try result.get()
    }

    /// The 1-based line of the byte at `offset` in `text` (a parse error's line).
    public static func line(ofOffset offset: Int, in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in line(ofOffset: offset, lineStarts: lineStarts(bytes)) }
    }

    /// The offsets where lines start: 0, then one past each line feed.
    static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        return starts
    }

    /// The 1-based line holding `offset`: the number of line starts at or before it.
    static func line(ofOffset offset: Int, lineStarts: [Int]) -> Int {
        var low = 0
        var high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return Swift.max(1, low)
    }
}
