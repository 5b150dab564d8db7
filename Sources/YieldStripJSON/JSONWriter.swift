/// Writes compact JSON (no spaces, members in order) into a growing byte buffer.
///
/// Strings are escaped as RFC 8259 requires: `"` and `\` with a backslash, control characters as
/// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; everything else, non-ASCII included, is written as UTF-8.
/// Numbers are written as their text, so they come out exactly as they went in.
public struct JSONWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]
    /// True when the object being written through ``JSONMemberSink`` already has a member, so the next
    /// one starts with a comma. Set it when members written otherwise precede.
    public var continuesObject = false

    public init(reservingCapacity capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written so far, decoded as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets what was written, keeping the buffer's capacity.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null")
        case .bool(let flag): writeRaw(flag ? "true" : "false")
        case .number(let number): writeUTF8(number.text)
        case .string(let text): write(string: text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object): write(object)
        }
    }

    public mutating func write(_ object: JSONObject) {
        bytes.append(UInt8(ascii: "{"))
        writeMembers(of: object, leadingComma: false)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes `"key":value` for each member, comma-separated (with a comma before the first one too
    /// when `leadingComma` is true), without braces: lets a caller put members of its own first.
    public mutating func writeMembers(of object: JSONObject, leadingComma: Bool) {
        for (i, member) in object.members.enumerated() {
            if i > 0 || leadingComma { bytes.append(UInt8(ascii: ",")) }
            write(key: member.key)
            write(member.value)
        }
    }

    /// Writes `"key":`.
    public mutating func write(key: String) {
        write(string: key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes a quoted, escaped string.
    public mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { source in
            // Most strings (keys, decimal digits) need no escape: one copy.
            guard let base = source.baseAddress,
                  PlainBytes.endOfRun(base, from: 0, to: source.count) < source.count else {
                bytes.append(contentsOf: source)
                return
            }
            var runStart = 0
            for i in source.indices {
                let byte = source[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<i]))
                appendEscape(for: byte)
                runStart = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends raw, already valid JSON text.
    public mutating func writeRaw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a single raw byte (a newline between lines, say).
    public mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

    /// Appends raw bytes that are valid JSON text in place.
    public mutating func writeBytes(_ raw: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: raw) }

    /// Drops what was written after the first `count` bytes (an answer abandoned halfway for an error).
    public mutating func truncate(to count: Int) {
        if count < bytes.count { bytes.removeSubrange(count...) }
    }

    private mutating func writeUTF8(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0xF)])
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
