import Foundation
import YieldStrip
import YieldStripJSON

/// `"marketFile": PATH` in a batch request, in place of an inline market: the file's market fields
/// (`market` and `pyIndex`, or a YieldSpace file's `curve` and `pool`) join the request as if written in
/// it, and so do its `blockTime` and `stockPrice` where the request gives none (the request's own win).
///
/// A file is read once and kept while its modification time and size stay the same: a script can send
/// thousands of lines naming one file, and a file rewritten between lines is read again. A missing or bad
/// file is that line's error (`MarketFileError`, naming the file); the run goes on.
final class MarketFileReferences: @unchecked Sendable {
    /// The request field that names a file.
    static let field = "marketFile"
    /// The fields a file gives that a request may not give beside `marketFile`.
    static let marketFields = ["market", "pyIndex", "curve", "pool"]
    /// The fields a file gives where the request gives none.
    static let defaultedFields = ["blockTime", "stockPrice"]

    private struct Entry {
        var modified: Date?
        var size: UInt64?
        var fields: JSONObject
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The request with its `marketFile` replaced by the file's fields; the request itself when it names
    /// no file.
    /// The request with its market file's fields in place of `marketFile` (read as a ``JSONObject``);
    /// the request as it is when it names none.
    func expand(_ source: FieldSource) throws -> FieldSource {
        if case .tape(let object) = source, object[Self.field] == nil { return source }
        return .object(try expand(source.object))
    }

    func expand(_ request: JSONObject) throws -> JSONObject {
        guard let given = request[Self.field] else { return request }
        guard case .string(let path) = given, !path.isEmpty else {
            throw RequestError.badRequest(field: Self.field, reason: "field 'marketFile' must be a market file's path (a non-empty string)")
        }
        guard path != StandardInputFile.path else {
            throw RequestError.badRequest(
                field: Self.field, reason: "field 'marketFile' is '-', standard input, which holds the requests here; give the market file's path")
        }
        if let inline = Self.marketFields.first(where: { request[$0] != nil }) {
            throw RequestError.badRequest(field: inline, reason: "give 'marketFile' or the market inline ('\(inline)'), not both")
        }
        let fileFields = try fields(path: path)
        var expanded = JSONObject()
        for member in request.members where member.key != Self.field { expanded.append(member.key, member.value) }
        for member in fileFields.members
        where Self.marketFields.contains(member.key)
            || (Self.defaultedFields.contains(member.key) && request[member.key] == nil)
        {
            expanded.append(member.key, member.value)
        }
        return expanded
    }

    /// The checked file's members (read again when it changed).
    private func fields(path: String) throws -> JSONObject {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let modified = attributes?[.modificationDate] as? Date
        let size = (attributes?[.size] as? NSNumber)?.uint64Value
        lock.lock()
        let cached = entries[path]
        lock.unlock()
        if let cached, cached.modified != nil, cached.modified == modified, cached.size == size { return cached.fields }
        let bytes = try MarketFileError.bytes(path: path)
        _ = try AnyMarketFile.parse(bytes, origin: path)
        let object = try MarketFileError.object(bytes, origin: path)
        lock.lock()
        entries[path] = Entry(modified: modified, size: size, fields: object)
        lock.unlock()
        return object
    }
}
