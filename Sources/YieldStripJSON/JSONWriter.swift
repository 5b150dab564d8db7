/// Writes compact JSON (no spaces, members in order) into a growing byte buffer.
///
/// Strings are escaped as RFC 8259 requires: `"` and `\` with a backslash, control characters as
/// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; everything else, non-ASCII included, is written as UTF-8.
/// Numbers are written as their text, so they come out exactly as they went in.
public struct JSONWriter {
    /// The buffer: `count` bytes written, the rest zero-filled room to write into (so that a write is a
    /// copy into place, not an append element by element).
    private var storage: [UInt8]
    /// How many bytes have been written.
    public private(set) var count = 0
    /// True when the object being written through ``JSONMemberSink`` already has a member, so the next
    /// one starts with a comma. Set it when members written otherwise precede.
    public var continuesObject = false

    public init(reservingCapacity capacity: Int = 256) {
        storage = [UInt8](repeating: 0, count: Swift.max(capacity, 16))
    }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(storage[0..<count]) }

    /// Calls `body` with the bytes written so far.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The bytes written so far, decoded as UTF-8.
    public var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// Forgets what was written, keeping the buffer's capacity.
    public mutating func removeAll() { count = 0 }

    /// Room for `extra` more bytes (the buffer doubles when it runs out).
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count {
            storage.append(contentsOf: repeatElement(0, count: Swift.max(storage.count, count + extra - storage.count)))
        }
    }

    /// Appends `source`, copied into place.
    @inline(__always)
    private mutating func append(contentsOf source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count)
        let at = count
        storage.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { (base + at).update(from: from, count: source.count) }
        }
        count += source.count
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null")
        case .bool(let flag): writeRaw(flag ? "true" : "false")
        case .number(let number): writeUTF8(number.text)
        case .string(let text): write(string: text)
        case .array(let elements):
            append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { append(UInt8(ascii: ",")) }
                write(element)
            }
            append(UInt8(ascii: "]"))
        case .object(let object): write(object)
        }
    }

    public mutating func write(_ object: JSONObject) {
        append(UInt8(ascii: "{"))
        writeMembers(of: object, leadingComma: false)
        append(UInt8(ascii: "}"))
    }

    /// Writes `"key":value` for each member, comma-separated (with a comma before the first one too
    /// when `leadingComma` is true), without braces: lets a caller put members of its own first.
    public mutating func writeMembers(of object: JSONObject, leadingComma: Bool) {
        for (i, member) in object.members.enumerated() {
            if i > 0 || leadingComma { append(UInt8(ascii: ",")) }
            write(key: member.key)
            write(member.value)
        }
    }

    /// Writes `"key":`.
    public mutating func write(key: String) {
        write(string: key)
        append(UInt8(ascii: ":"))
    }

    /// Writes a quoted, escaped string.
    public mutating func write(string: String) {
        append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { source in
            // Most strings (keys, decimal digits) need no escape: one copy.
            guard let base = source.baseAddress,
                PlainBytes.endOfRun(base, from: 0, to: source.count) < source.count
            else {
                append(contentsOf: source)
                return
            }
            var runStart = 0
            for i in source.indices {
                let byte = source[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<i]))
                appendEscape(for: byte)
                runStart = i + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
        append(UInt8(ascii: "\""))
    }

    /// Appends raw, already valid JSON text.
    public mutating func writeRaw(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a single raw byte (a newline between lines, say).
    public mutating func writeByte(_ byte: UInt8) { append(byte) }

    /// Appends raw bytes that are valid JSON text in place.
    public mutating func writeBytes(_ raw: UnsafeBufferPointer<UInt8>) { append(contentsOf: raw) }

    /// Drops what was written after the first `count` bytes (an answer abandoned halfway for an error).
    public mutating func truncate(to count: Int) {
        if count < self.count { self.count = Swift.max(0, count) }
    }

    private mutating func writeUTF8(_ text: String) {
        var text = text
        text.withUTF8 { self.append(contentsOf: $0) }
    }

    private mutating func appendEscape(for byte: UInt8) {
        append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        case 0x08: append(UInt8(ascii: "b"))
        case 0x0C: append(UInt8(ascii: "f"))
        default:
            for escaped in [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0xF)] {
                append(escaped)
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
