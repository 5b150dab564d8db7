/// Why a text is not JSON, and where: ``offset`` is the 0-based byte offset in the UTF-8 text.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    /// The repeated key, when that is what is wrong (the text is otherwise JSON).
    public let duplicateKey: JSONDuplicateKey?

    public init(offset: Int, reason: String, duplicateKey: JSONDuplicateKey? = nil) {
        self.offset = offset
        self.reason = reason
        self.duplicateKey = duplicateKey
    }

    /// A key repeated in an object, at its second occurrence, named with its path.
    init(duplicateKey key: JSONDuplicateKey) {
        self.init(offset: key.offset, reason: "key '\(key.key)' occurs more than once in an object (at \(key.pathText))", duplicateKey: key)
    }

    /// `malformed JSON at byte 7: expected ':' after an object key`.
    public var description: String { "malformed JSON at byte \(offset): \(reason)" }
}
