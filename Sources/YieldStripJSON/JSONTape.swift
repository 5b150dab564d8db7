/// A JSON document read into a flat list of nodes over a copy of its bytes: no string, array or member
/// list is built per value, so reading a request's fields costs no allocation beyond the document's own.
///
/// Only plain documents are read this way: every string printable ASCII without escapes, no object
/// with more than ``maximumObjectMembers`` members or a repeated key, nesting within
/// ``JSONReader/maximumDepth``. Anything else (and any syntax error) gives nil, and the caller reads the
/// text with ``JSONReader``, which accepts the same language and names what is wrong. A plain document
/// reads the same either way: ``JSONTapeValue/value`` builds exactly the ``JSONValue`` that
/// ``JSONReader`` returns.
public final class JSONTape: @unchecked Sendable {
    /// What a node holds.
    public enum Kind: UInt8, Sendable {
        case null, bool, number, string, array, object
    }

    /// One value. A string's range is its contents (without the quotes), a number's its text, a
    /// container's from its opening to past its closing bracket; `next` is the index of the node after
    /// this value and everything in it. An object's members follow it as key and value nodes, in order;
    /// an array's elements follow it.
    @usableFromInline
    struct Node: Sendable {
        @usableFromInline var kind: Kind
        @usableFromInline var start: Int32
        @usableFromInline var end: Int32
        @usableFromInline var next: Int32
        /// A key's first eight bytes (zero-padded), so that finding a member compares one word a member.
        @usableFromInline var prefix: UInt64 = 0

        @usableFromInline init(kind: Kind, start: Int32, end: Int32, next: Int32) {
            self.kind = kind
            self.start = start
            self.end = end
            self.next = next
        }
    }

    /// The first eight bytes of `count` at `base`, zero-padded (little-endian, as ``Node/prefix``).
    @inlinable @inline(__always)
    static func prefix(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        if count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        for i in 0..<count { word |= UInt64(base[i]) << (8 * UInt64(i)) }
        return word
    }

    /// The most members an object read this way has (a longer one is read by ``JSONReader``, whose
    /// check for repeated keys stays linear in the number of members).
    public static let maximumObjectMembers = 16

    // Immutable once built (hence Sendable): one allocation holding the nodes, then the text's bytes.
    private let storage: UnsafeMutableRawPointer
    @usableFromInline let nodes: UnsafeMutableBufferPointer<Node>
    @usableFromInline let bytes: UnsafeMutableBufferPointer<UInt8>

    private init(text: UnsafeBufferPointer<UInt8>, nodes read: UnsafeBufferPointer<Node>) {
        let nodeBytes = read.count * MemoryLayout<Node>.stride
        storage = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, nodeBytes + text.count), alignment: MemoryLayout<Node>.alignment)
        let nodeBase = storage.bindMemory(to: Node.self, capacity: read.count)
        if let from = read.baseAddress { nodeBase.initialize(from: from, count: read.count) }
        nodes = UnsafeMutableBufferPointer(start: nodeBase, count: read.count)
        let byteBase = (storage + nodeBytes).bindMemory(to: UInt8.self, capacity: text.count)
        if let from = text.baseAddress { byteBase.initialize(from: from, count: text.count) }
        bytes = UnsafeMutableBufferPointer(start: byteBase, count: text.count)
    }

    deinit {
        storage.deallocate()
    }

    /// The document in `text`, or nil when it is not plain (see the type's description) or not JSON.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> JSONTape? {
        guard text.count < Int(Int32.max), let base = text.baseAddress else { return nil }
        // The nodes of a request fit on the stack; a larger document moves them to the heap as it grows.
        return withUnsafeTemporaryAllocation(of: Node.self, capacity: TapeReader.stackNodes) { stack -> JSONTape? in
            guard let stackBase = stack.baseAddress else { return nil }
            var reader = TapeReader(base: base, count: text.count, nodes: stackBase, capacity: stack.count)
            defer { reader.releaseNodes(unless: stackBase) }
            reader.skipWhitespace()
            guard reader.readValue(depth: 0) else { return nil }
            reader.skipWhitespace()
            guard reader.index == text.count else { return nil }
            return JSONTape(text: text, nodes: UnsafeBufferPointer(start: reader.nodes, count: reader.nodeCount))
        }
    }

    /// The document's top-level value.
    public var root: JSONTapeValue { JSONTapeValue(tape: self, node: 0) }
}

/// One value of a ``JSONTape``.
public struct JSONTapeValue: Sendable {
    @usableFromInline let tape: JSONTape
    @usableFromInline let node: Int

    @inlinable init(tape: JSONTape, node: Int) {
        self.tape = tape
        self.node = node
    }

    @inlinable public var kind: JSONTape.Kind { tape.nodes[node].kind }

    /// The bytes of a string's contents or a number's text (the literal's text for the others).
    @inlinable public func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let item = tape.nodes[node]
        return try body(UnsafeBufferPointer(rebasing: tape.bytes[Int(item.start)..<Int(item.end)]))
    }

    /// The object, when the value is one.
    @inlinable public var object: JSONTapeObject? { kind == .object ? JSONTapeObject(tape: tape, node: node) : nil }

    /// The value as ``JSONReader`` reads it.
    public var value: JSONValue {
        let item = tape.nodes[node]
        switch item.kind {
        case .null: return .null
        case .bool: return .bool(tape.bytes[Int(item.start)] == UInt8(ascii: "t"))
        case .number: return .number(JSONNumber(validatedText: withText { String(decoding: $0, as: UTF8.self) }))
        case .string: return .string(withText { String(decoding: $0, as: UTF8.self) })
        case .array:
            var elements: [JSONValue] = []
            var child = node + 1
            while child < Int(item.next) {
                elements.append(JSONTapeValue(tape: tape, node: child).value)
                child = Int(tape.nodes[child].next)
            }
            return .array(elements)
        case .object: return .object(JSONTapeObject(tape: tape, node: node).materialized)
        }
    }
}

/// An object of a ``JSONTape``: its members found by comparing key bytes.
public struct JSONTapeObject: Sendable {
    @usableFromInline let tape: JSONTape
    @usableFromInline let node: Int

    @inlinable init(tape: JSONTape, node: Int) {
        self.tape = tape
        self.node = node
    }

    /// The value of the member named `key` (keys are unique in a tape).
    @inlinable public subscript(key: String) -> JSONTapeValue? {
        var key = key
        return key.withUTF8 { wanted in
            let wantedPrefix = wanted.baseAddress.map { JSONTape.prefix($0, count: wanted.count) } ?? 0
            let nodes = tape.nodes
            let bytes = tape.bytes
            let end = Int(nodes[node].next)
            var child = node + 1
            while child < end {
                let name = nodes[child]
                if name.prefix == wantedPrefix && Int(name.end - name.start) == wanted.count {
                    // The first eight bytes agree; the rest, byte by byte.
                    var same = true
                    let start = Int(name.start)
                    var i = 8
                    while i < wanted.count {
                        if bytes[start + i] != wanted[i] {
                            same = false
                            break
                        }
                        i += 1
                    }
                    if same { return JSONTapeValue(tape: tape, node: child + 1) }
                }
                child = Int(nodes[child + 1].next)
            }
            return nil
        }
    }

    /// The object as ``JSONReader`` reads it.
    public var materialized: JSONObject {
        var object = JSONObject()
        let end = Int(tape.nodes[node].next)
        var child = node + 1
        while child < end {
            let key = JSONTapeValue(tape: tape, node: child).withText { String(decoding: $0, as: UTF8.self) }
            object.append(key, JSONTapeValue(tape: tape, node: child + 1).value)
            child = Int(tape.nodes[child + 1].next)
        }
        return object
    }
}

/// The reader behind ``JSONTape/parse(_:)``: false at the first byte it does not take.
private struct TapeReader {
    /// Nodes kept on the stack before the reader moves them to the heap.
    static let stackNodes = 64

    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    var nodes: UnsafeMutablePointer<JSONTape.Node>
    var nodeCount = 0
    var nodeCapacity: Int

    init(base: UnsafePointer<UInt8>, count: Int, nodes: UnsafeMutablePointer<JSONTape.Node>, capacity: Int) {
        self.base = base
        self.count = count
        self.nodes = nodes
        nodeCapacity = capacity
    }

    /// Frees the heap nodes, if the reader moved them there from `stack`.
    func releaseNodes(unless stack: UnsafeMutablePointer<JSONTape.Node>) {
        if nodes != stack { nodes.deallocate() }
    }

    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    mutating func append(_ kind: JSONTape.Kind, _ start: Int, _ end: Int) {
        if nodeCount == nodeCapacity {
            let grown = UnsafeMutablePointer<JSONTape.Node>.allocate(capacity: nodeCapacity * 2)
            grown.initialize(from: nodes, count: nodeCount)
            if nodeCapacity != Self.stackNodes { nodes.deallocate() }
            nodes = grown
            nodeCapacity *= 2
        }
        nodes[nodeCount] = JSONTape.Node(
            kind: kind, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
            next: Int32(truncatingIfNeeded: nodeCount + 1))
        nodeCount += 1
    }

    mutating func readValue(depth: Int) -> Bool {
        guard index < count else { return false }
        switch base[index] {
        case UInt8(ascii: "\""): return readString()
        case UInt8(ascii: "{"): return readObject(depth: depth + 1)
        case UInt8(ascii: "["): return readArray(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard case .success(let end) = JSONNumberSyntax.scan(UnsafeBufferPointer(start: base, count: count), from: index)
            else { return false }
            append(.number, index, end)
            index = end
            return true
        case UInt8(ascii: "t"): return readLiteral("true", .bool)
        case UInt8(ascii: "f"): return readLiteral("false", .bool)
        case UInt8(ascii: "n"): return readLiteral("null", .null)
        default: return false
        }
    }

    mutating func readLiteral(_ literal: StaticString, _ kind: JSONTape.Kind) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count else { return false }
        for offset in 0..<length where base[index + offset] != literal.utf8Start[offset] { return false }
        append(kind, index, index + length)
        index += length
        return true
    }

    /// A string of plain bytes only (``PlainBytes``); anything else is left to ``JSONReader``.
    mutating func readString() -> Bool {
        let start = index + 1
        let end = PlainBytes.endOfRun(base, from: start, to: count)
        guard end < count, base[end] == UInt8(ascii: "\"") else { return false }
        append(.string, start, end)
        index = end + 1
        return true
    }

    mutating func readObject(depth: Int) -> Bool {
        var keys = (first: nodeCount + 1, count: 0)  // the first key follows the object's own node
        return readContainer(.object, closing: UInt8(ascii: "}"), depth: depth) { reader in
            guard reader.index < reader.count, reader.base[reader.index] == UInt8(ascii: "\""), reader.readString() else { return false }
            let keyNode = reader.nodeCount - 1
            let key = reader.nodes[keyNode]
            reader.nodes[keyNode].prefix = JSONTape.prefix(reader.base + Int(key.start), count: Int(key.end - key.start))
            keys.count += 1
            guard keys.count <= JSONTape.maximumObjectMembers, !reader.repeatsKey(keyNode, after: keys.first) else { return false }
            reader.skipWhitespace()
            guard reader.index < reader.count, reader.base[reader.index] == UInt8(ascii: ":") else { return false }
            reader.index += 1
            reader.skipWhitespace()
            return reader.readValue(depth: depth)
        }
    }

    /// True when the key at `keyNode` equals an earlier key of its object (whose first key is at `first`).
    func repeatsKey(_ keyNode: Int, after first: Int) -> Bool {
        let key = nodes[keyNode]
        let length = Int(key.end - key.start)
        var other = first
        while other < keyNode {
            let candidate = nodes[other]
            if candidate.prefix == key.prefix && Int(candidate.end - candidate.start) == length {
                var same = true
                for i in 0..<length where base[Int(candidate.start) + i] != base[Int(key.start) + i] {
                    same = false
                    break
                }
                if same { return true }
            }
            other = Int(nodes[other + 1].next)
        }
        return false
    }

    mutating func readArray(depth: Int) -> Bool {
        readContainer(.array, closing: UInt8(ascii: "]"), depth: depth) { reader in reader.readValue(depth: depth) }
    }

    /// An object or an array from its opening bracket at `index`: the members `member` reads (a key and its
    /// value, or a value), separated by commas, up to `closing`.
    mutating func readContainer(_ kind: JSONTape.Kind, closing: UInt8, depth: Int, member: (inout TapeReader) -> Bool) -> Bool {
        guard depth <= JSONReader.maximumDepth else { return false }
        let open = index
        let slot = nodeCount
        append(kind, open, open)
        index += 1
        skipWhitespace()
        if index < count && base[index] == closing {
            index += 1
            close(slot, at: index)
            return true
        }
        while true {
            skipWhitespace()
            guard member(&self) else { return false }
            skipWhitespace()
            guard index < count else { return false }
            switch base[index] {
            case UInt8(ascii: ","): index += 1
            case closing:
                index += 1
                close(slot, at: index)
                return true
            default: return false
            }
        }
    }

    /// Completes the container at `slot` once its last value is read.
    mutating func close(_ slot: Int, at end: Int) {
        nodes[slot].end = Int32(truncatingIfNeeded: end)
        nodes[slot].next = Int32(truncatingIfNeeded: nodeCount)
    }
}
