/// A JSON object whose members keep their order, as read and as written.
///
/// Lookup is a linear scan, the fastest choice for the handful of members a request or a result has.
/// When a key occurs twice, lookup finds the first.
public struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public private(set) var members: [Member]

    public init() { members = [] }

    public init(_ members: [Member]) { self.members = members }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The value of the first member named `key`. Setting replaces that member's value in place, or
    /// appends a new member; setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where Self.sameKey(member.key, key) { return member.value }
            return nil
        }
        set {
            let index = members.firstIndex { Self.sameKey($0.key, key) }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Keys are the same when they are equal strings of the same UTF-8 length: the length test makes a
    /// lookup's misses cheap, and keeps apart keys that differ in their UTF-8 (`"K"` and the Kelvin sign).
    @inline(__always)
    static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// Appends a member at the end, even if `key` is already present.
    public mutating func append(_ key: String, _ value: JSONValue) {
        // One allocation for the handful of members a request or result has, instead of growing 1, 2, 4, 8.
        if members.isEmpty { members.reserveCapacity(8) }
        members.append(Member(key: key, value: value))
    }

    /// Appends every member of `other`, in order.
    public mutating func append(contentsOf other: JSONObject) {
        members.append(contentsOf: other.members)
    }

    /// The first key that occurs more than once, if any.
    public var firstDuplicateKey: String? {
        for i in members.indices.dropFirst() {
            for j in 0..<i where Self.sameKey(members[j].key, members[i].key) { return members[i].key }
        }
        return nil
    }

    /// The compact JSON text of this object.
    public var jsonText: String { JSONValue.object(self).jsonText }
}
