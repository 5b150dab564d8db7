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
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): members[index].value = value
            case let (index?, nil): members.remove(at: index)
            case let (nil, value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Appends a member at the end, even if `key` is already present.
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// Appends every member of `other`, in order.
    public mutating func append(contentsOf other: JSONObject) {
        members.append(contentsOf: other.members)
    }

    /// The first key that occurs more than once, if any.
    public var firstDuplicateKey: String? {
        for i in members.indices.dropFirst() {
            for j in 0..<i where members[j].key == members[i].key { return members[i].key }
        }
        return nil
    }

    /// The compact JSON text of this object.
    public var jsonText: String { JSONValue.object(self).jsonText }
}
