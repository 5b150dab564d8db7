/// Reads one JSON value from UTF-8 text.
///
/// Byte-based and allocation-light: strings without escapes become `String`s straight from the input
/// bytes, numbers keep their text (``JSONNumber``), objects keep member order (``JSONObject``).
/// Strict RFC 8259: no trailing commas, comments, leading zeros, `NaN`, unescaped control characters,
/// invalid UTF-8 or unpaired surrogate escapes. Whitespace may surround the value; anything else
/// after it is an error. Nesting is limited to ``maximumDepth`` levels so no input can exhaust the stack.
///
/// A key that occurs twice in one object, at any depth, is an error (``JSONParseError/duplicateKey``
/// names its path): no value is silently dropped. ``parseReportingDuplicateKeys(_:)`` reads such a
/// document whole and reports the repetition instead, for a caller that answers it (batch echoes the
/// request's id).
public enum JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Parses the whole of `bytes` as one JSON value; a key repeated in an object is an error.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        let (value, duplicates) = try parseReportingDuplicateKeys(bytes)
        if let first = duplicates?.first { throw JSONParseError(duplicateKey: first) }
        return value
    }

    /// Parses the whole of `bytes` as one JSON value, objects with a repeated key included (each keeps
    /// every member, in order), and reports the repetitions; nil when there are none.
    public static func parseReportingDuplicateKeys(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) throws(JSONParseError) -> (value: JSONValue, duplicateKeys: JSONDuplicateKeys?) {
        var parser = JSONByteParser(bytes: bytes)
        let value = try parser.parseDocument()
        guard let key = parser.firstDuplicateKey else { return (value, nil) }
        return (value, JSONDuplicateKeys(first: key, count: parser.duplicateCount, topLevelKeys: parser.topLevelKeysWithDuplicates))
    }

    /// ``parseReportingDuplicateKeys(_:)`` of the UTF-8 of `text`.
    public static func parseReportingDuplicateKeys(
        _ text: String
    ) throws(JSONParseError) -> (value: JSONValue, duplicateKeys: JSONDuplicateKeys?) {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONParseError) -> (value: JSONValue, duplicateKeys: JSONDuplicateKeys?) in
                try parseReportingDuplicateKeys(bytes)
            }
        }
        return try result.get()
    }

    /// Parses the whole of `text` as one JSON value.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONParseError) -> JSONValue in try parse(bytes) }
        }
        return try result.get()
    }

    /// Parses the whole of `bytes` as one JSON value.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(JSONParseError) -> JSONValue in try parse(bytes) }
        }
        return try result.get()
    }
}

/// A key that occurs more than once in one object: where its repetition is and the path to it.
public struct JSONDuplicateKey: Sendable, Hashable {
    /// One step of a path: a member's key, or an array element's index (from 0).
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The 0-based byte offset of the repeated key's second occurrence.
    public var offset: Int
    /// The keys and indexes from the document's root to the repeated member, its key last.
    public var path: [Component]

    public init(offset: Int, path: [Component]) {
        self.offset = offset
        self.path = path
    }

    /// The repeated key.
    public var key: String {
        if case .key(let key)? = path.last { return key }
        return ""
    }

    /// The path as the field errors name fields: `x`, `market.totalPt`, `schedule[2].amount`.
    public var pathText: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

/// The repeated keys of a document: the first (in reading order), how many, and which top-level members
/// are involved (a top-level key repeated, or one whose value holds a repeated key).
public struct JSONDuplicateKeys: Sendable, Hashable {
    public var first: JSONDuplicateKey
    public var count: Int
    public var topLevelKeys: Set<String>
}

/// The recursive-descent parser behind ``JSONReader``.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    /// Keys repeated in an object, so far.
    var duplicateCount = 0
    /// The first repeated key: its offset, its path from the innermost object outward (completed as the
    /// containers around it close), and the depth the path reaches so far.
    var firstDuplicate: (offset: Int, reversedPath: [JSONDuplicateKey.Component], depth: Int)?
    /// Top-level keys that are repeated or whose values hold a repeated key.
    var topLevelKeysWithDuplicates: Set<String> = []
    /// Members counted before a set of the keys replaces the linear scan for repeats.
    static let linearKeyScanLimit = 16
    /// The byte offset where each value starts, in reading order (a container before its members), when
    /// recorded (``JSONReader/parseLocated(_:)``); nil otherwise.
    var valueOffsets: [Int]? = nil

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The first repeated key with its whole path, once the document is read.
    var firstDuplicateKey: JSONDuplicateKey? {
        firstDuplicate.map { JSONDuplicateKey(offset: $0.offset, path: $0.reversedPath.reversed()) }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw failure("unexpected \(describeByte(at: index)) after the value") }
        return value
    }

    // MARK: Values

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of input, expected a value") }
        valueOffsets?.append(index)
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default: throw failure("unexpected \(describeByte(at: index)), expected a value")
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONObject {
        let open = index
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        var members: [JSONObject.Member] = []
        var keys: Set<[UInt8]>? = nil
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONObject(members)
        }
        // One allocation for the handful of members a request has, instead of growing 1, 2, 4, 8.
        members.reserveCapacity(8)
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated object starting at byte \(open)") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describeByte(at: index)), expected a string key")
            }
            let keyOffset = index
            let key = try parseString()
            // A repeated key: linear scan for the few members of a request, a set past them (so that an
            // object of many keys costs linear time).
            let repeated: Bool
            // Keys compare by their UTF-8, as lookups do (JSONObject.sameKey).
            if members.count >= Self.linearKeyScanLimit, let inserted = keys?.insert(Array(key.utf8)).inserted {
                repeated = !inserted
            } else {
                repeated = members.contains { JSONObject.sameKey($0.key, key) }
                if members.count == Self.linearKeyScanLimit - 1 { keys = Set((members.map(\.key) + [key]).map { Array($0.utf8) }) }
            }
            if repeated {
                duplicateCount += 1
                if firstDuplicate == nil { firstDuplicate = (keyOffset, [.key(key)], depth) }
                if depth == 1 { topLevelKeysWithDuplicates.insert(key) }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure(
                    index < bytes.count
                        ? "unexpected \(describeByte(at: index)), expected ':' after an object key"
                        : "unterminated object starting at byte \(open)")
            }
            index += 1
            skipWhitespace()
            let duplicatesBefore = duplicateCount
            let value = try parseValue()
            if duplicateCount != duplicatesBefore { noteDuplicate(inside: .key(key)) }
            members.append(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated object starting at byte \(open)") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSONObject(members)
            default: throw failure("unexpected \(describeByte(at: index)), expected ',' or '}' in an object")
            }
        }
    }

    mutating func parseArray() throws(JSONParseError) -> [JSONValue] {
        let open = index
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        var elements: [JSONValue] = []
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated array starting at byte \(open)") }
            let duplicatesBefore = duplicateCount
            elements.append(try parseValue())
            if duplicateCount != duplicatesBefore { noteDuplicate(inside: .index(elements.count - 1)) }
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated array starting at byte \(open)") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return elements
            default: throw failure("unexpected \(describeByte(at: index)), expected ',' or ']' in an array")
            }
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        switch JSONNumberSyntax.scan(bytes, from: start) {
        case .success(let end):
            index = end
            return JSONNumber(validatedText: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        case .failure(let failure):
            index = failure.offset
            let found = failure.offset < bytes.count ? describeByte(at: failure.offset) : "end of input"
            throw self.failure("malformed number: found \(found), expected \(failure.expected)")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        let base = literal.utf8Start
        for offset in 0..<count {
            guard start + offset < bytes.count, bytes[start + offset] == base[offset] else {
                index = start
                throw failure("invalid literal, expected '\(literal)'")
            }
        }
        index = start + count
    }

    // MARK: Strings

    /// Parses the string whose opening quote is at `index`.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = index
        index += 1
        let start = index
        var isASCII = true
        // Fast path: no escapes, the bytes between the quotes are the string. Plain ASCII is skipped a word
        // at a time.
        if let base = bytes.baseAddress { index = PlainBytes.endOfRun(base, from: index, to: bytes.count) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let body = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if isASCII { return String(decoding: body, as: UTF8.self) }
                guard let text = String(validating: body, as: UTF8.self) else {
                    throw JSONParseError(offset: open, reason: "invalid UTF-8 in the string starting at byte \(open)")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("unescaped control character 0x\(hex(byte)) in a string") }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        guard index < bytes.count else { throw JSONParseError(offset: open, reason: "unterminated string starting at byte \(open)") }
        return try parseEscapedString(open: open, start: start)
    }

    /// The slow path, from the first backslash on: decodes escapes into a byte buffer.
    mutating func parseEscapedString(open: Int, start: Int) throws(JSONParseError) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw JSONParseError(offset: open, reason: "invalid UTF-8 in the string starting at byte \(open)")
                }
                return text
            case UInt8(ascii: "\\"):
                try appendEscape(to: &buffer)
            case 0..<0x20:
                throw failure("unescaped control character 0x\(hex(byte)) in a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw JSONParseError(offset: open, reason: "unterminated string starting at byte \(open)")
    }

    /// Decodes the escape whose backslash is at `index`.
    mutating func appendEscape(to buffer: inout [UInt8]) throws(JSONParseError) {
        let escape = index
        index += 1
        guard index < bytes.count else { throw JSONParseError(offset: escape, reason: "unterminated escape sequence") }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(letter)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexUnit(escapeAt: escape)
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                let low = index
                guard low + 1 < bytes.count, bytes[low] == UInt8(ascii: "\\"), bytes[low + 1] == UInt8(ascii: "u") else {
                    throw JSONParseError(offset: escape, reason: "unpaired high surrogate \\u\(hex(unit)) (a low surrogate escape must follow)")
                }
                index += 2
                let second = try readHexUnit(escapeAt: low)
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw JSONParseError(offset: low, reason: "\\u\(hex(second)) after high surrogate \\u\(hex(unit)) is not a low surrogate")
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw JSONParseError(offset: escape, reason: "unpaired low surrogate \\u\(hex(unit))")
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw JSONParseError(offset: escape, reason: "\\u escape is not a Unicode scalar")
            }
            UTF8.encode(scalar) { buffer.append($0) }
        default:
            throw JSONParseError(offset: escape, reason: "invalid escape '\\\(Character(Unicode.Scalar(letter)))' in a string")
        }
    }

    /// Reads the 4 hex digits after `\u` (at `index`).
    mutating func readHexUnit(escapeAt escape: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigitValue(bytes[index]) else {
                throw JSONParseError(offset: escape, reason: "\\u escape needs 4 hex digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    // MARK: Helpers

    /// A member or element at the current depth whose value held a repeated key: extends the first
    /// repetition's path by one step when that repetition lies inside it, and marks the top-level key.
    mutating func noteDuplicate(inside component: JSONDuplicateKey.Component) {
        if depth == 1, case .key(let key) = component { topLevelKeysWithDuplicates.insert(key) }
        if var first = firstDuplicate, first.depth == depth + 1 {
            first.reversedPath.append(component)
            first.depth = depth
            firstDuplicate = first
        }
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > JSONReader.maximumDepth {
            depth -= 1
            throw failure("nesting deeper than \(JSONReader.maximumDepth) levels")
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    func failure(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

    /// `'x'` for a printable ASCII byte, `byte 0xNN` otherwise.
    func describeByte(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
    }
}

private func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}

/// Upper-case hex, zero-padded to the width of the type (`0A`, `D83D`).
private func hex<T: FixedWidthInteger>(_ value: T) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: T.bitWidth / 4 - digits.count) + digits
}
