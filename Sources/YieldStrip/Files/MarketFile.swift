import YieldStripJSON

/// A market file: a Pendle V2 market's state at one block, as `--market FILE.json` reads it and as a
/// `batch` line carries it — `market` (the vectors' encoding: wei strings; `expiry` and
/// `reserveFeePercent` numbers) and `pyIndex` (wei) — plus optional descriptive fields.
///
/// ```
/// {"name": "...", "underlying": "AAPL", "stockPrice": 229.5, "curve": "pendle-v2",
///  "blockTime": 1772463600, "source": "...", "notes": "...",
///  "pyIndex": "1012345000000000000",
///  "market": {"totalPt": "...", "totalSy": "...", "totalLp": "...", "scalarRoot": "...",
///             "expiry": 1804032000, "lnFeeRateRoot": "...", "reserveFeePercent": 80,
///             "lastLnImpliedRate": "..."}}
/// ```
/// `blockTime` (when the state was read) is Unix seconds or ISO-8601 text; `curve`, when present, must
/// be `"pendle-v2"` (a `"yieldspace"` file is a ``YieldSpaceMarketFile``; ``loadAny(path:)`` reads
/// either); `stockPrice` is USD per unit of the accounting asset. Other fields are ignored.
///
/// ```swift
/// let file = try MarketFile.load(path: "examples/markets/aapl-like.json")
/// let curve = file.curve                       // the market behind the strategies' curve interface
/// ```
public struct MarketFile: Sendable, Equatable {
    /// The path or name the file was read from, for messages.
    public let origin: String
    /// The market's state, exact (wei).
    public let market: MarketState<Wad>
    /// Asset (shares) per SY: the PY index at `blockTime`.
    public let pyIndex: Wad
    public let name: String?
    public let underlying: String?
    /// USD per unit of the accounting asset (per share for a stock token), when the file gives it.
    public let stockPrice: Double?
    /// When the state was read (Unix seconds), if the file says.
    public let blockTime: Int64?
    public let source: String?
    public let notes: String?

    /// The only curve the file may name.
    public static let pendleCurve = "pendle-v2"

    /// A file's contents built in memory (what ``jsonText`` writes).
    public init(
        origin: String, market: MarketState<Wad>, pyIndex: Wad, name: String? = nil, underlying: String? = nil,
        stockPrice: Double? = nil, blockTime: Int64? = nil, source: String? = nil, notes: String? = nil
    ) {
        self.origin = origin
        self.market = market
        self.pyIndex = pyIndex
        self.name = name
        self.underlying = underlying
        self.stockPrice = stockPrice
        self.blockTime = blockTime
        self.source = source
        self.notes = notes
    }

    /// Reads and checks the file at `path` (at most 16 MiB).
    ///
    /// - Throws: ``MarketFileError``: the file cannot be read, is not JSON (with the byte offset), is
    ///   not an object, misses a field or has one of the wrong form, or names another curve.
    public static func load(path: String) throws(MarketFileError) -> MarketFile {
        try parse(MarketFileError.bytes(path: path), origin: path)
    }

    /// Parses a market file's contents; `origin` names it in messages.
    public static func parse(_ bytes: [UInt8], origin: String) throws(MarketFileError) -> MarketFile {
        let object = try MarketFileError.object(bytes, origin: origin)
        do {
            return try MarketFile(origin: origin, fields: RequestFields(object))
        } catch let error as RequestError {
            throw MarketFileError(origin: origin, reason: .invalidField(error))
        } catch {
            throw MarketFileError(origin: origin, reason: .invalidField(.badRequest(field: nil, reason: "\(error)")))
        }
    }

    /// The fields of a market file's object (a batch request's inline market too).
    package init(origin: String, fields: some FieldReader) throws {
        if case .string(let curve)? = fields.value("curve"), curve == YieldSpaceMarketFile.curveName {
            throw RequestError.badRequest(
                field: "curve",
                reason:
                    "field 'curve' is \(quoted(.string(curve))): a YieldSpace pool; this reads Pendle V2 markets ('\(Self.pendleCurve)') only; market show, quote, depth, compare, lockin, short-yt, hedge, scenario and report read YieldSpace pools too"
            )
        }
        self.origin = origin
        market = try MarketFields.market(fields.object("market"))
        pyIndex = try MarketFields.unsigned(fields, "pyIndex")
        name = try fields.stringIfPresent("name")
        underlying = try fields.stringIfPresent("underlying")
        stockPrice = try MarketFields.stockPrice(fields)
        blockTime = try TimeField.read(fields, "blockTime", nonNegative: true)
        source = try fields.stringIfPresent("source")
        notes = try fields.stringIfPresent("notes")
        if let curve = try fields.stringIfPresent("curve"), curve != Self.pendleCurve {
            throw RequestError.badRequest(
                field: "curve",
                reason:
                    "field 'curve' is \(quoted(.string(curve))); the curves supported are '\(Self.pendleCurve)' and '\(YieldSpaceMarketFile.curveName)'"
            )
        }
    }
}

/// A market file that cannot be used; the CLI exits 1 with ``message``.
///
/// A missing or malformed file is an input error, not a usage error: the command line is well formed
/// (it names a file), what the file holds is not, exactly as a batch line with a bad `market` gets an
/// error answer rather than stopping the batch.
public struct MarketFileError: DomainError, Equatable {
    /// Why the file cannot be used.
    public enum Reason: Equatable, Sendable {
        /// The operating system's reason (`No such file or directory`).
        case unreadable(String)
        /// Not JSON: the byte offset and what is wrong there.
        case malformedJSON(offset: Int, reason: String)
        /// JSON, but not an object (the JSON type it holds).
        case notAnObject(String)
        /// A field missing or of the wrong form: the field error's name (`BadRequest`, `Overflow`), its
        /// arguments (the field's path) and message.
        case invalidField(errorName: String, errorArgs: [String], message: String)

        package static func invalidField(_ error: RequestError) -> Reason {
            .invalidField(errorName: error.errorName, errorArgs: error.errorArgs, message: error.message)
        }
    }

    public let origin: String
    public let reason: Reason

    public var errorName: String {
        switch reason {
        case .unreadable: return "MarketFileUnreadable"
        case .malformedJSON, .notAnObject: return "MalformedMarketFile"
        case .invalidField: return "InvalidMarketFile"
        }
    }

    public var errorArgs: [String] {
        switch reason {
        case .malformedJSON(let offset, _): return [origin, String(offset)]
        case .invalidField(_, let args, _): return [origin] + args
        default: return [origin]
        }
    }

    public var message: String {
        switch reason {
        case .unreadable(let why):
            return "cannot read market file '\(origin)': \(why)"
        case .malformedJSON(let offset, let why):
            return "market file '\(origin)' is not valid JSON: \(JSONParseError(offset: offset, reason: why).description)"
        case .notAnObject(let type):
            return "market file '\(origin)' must hold a JSON object with 'market' and 'pyIndex'; it holds \(type)"
        case .invalidField(_, _, let why):
            return "market file '\(origin)': \(why)"
        }
    }
}

extension MarketFile {
    /// The file's text, laid out as the example files are: one member per line, two spaces of indentation, the
    /// keys in the order `name`, `underlying`, `curve` (always `"pendle-v2"`), `source`, `notes`, `stockPrice`,
    /// `blockTime` (Unix seconds), `pyIndex`, `market` (`totalPt`, `totalSy`, `totalLp`, `scalarRoot`, `expiry`,
    /// `lnFeeRateRoot`, `reserveFeePercent`, `lastLnImpliedRate`); absent fields are left out; amounts are decimal
    /// strings of wei; a whole-number stock price is written without a fraction (`230`), any other in the shortest
    /// form that reads back to the same `Double`; the text ends with a newline. ``parse(_:origin:)`` of it gives
    /// back an equal file (same origin).
    public var jsonText: String { Self.fileText(jsonObject) }

    /// The file's members as one JSON object, in ``jsonText``'s order (the batch op `marketNew` answers with them).
    package var jsonObject: JSONObject {
        var object = JSONObject()
        if let name { object.append("name", .string(name)) }
        if let underlying { object.append("underlying", .string(underlying)) }
        object.append("curve", .string(Self.pendleCurve))
        if let source { object.append("source", .string(source)) }
        if let notes { object.append("notes", .string(notes)) }
        if let stockPrice, let number = Self.jsonNumber(stockPrice) { object.append("stockPrice", .number(number)) }
        if let blockTime { object.append("blockTime", .number(JSONNumber(blockTime))) }
        object.append("pyIndex", .wei(pyIndex.raw))
        object.append(
            "market",
            .object([
                "totalPt": .wei(market.totalPt.raw), "totalSy": .wei(market.totalSy.raw), "totalLp": .wei(market.totalLp.raw),
                "scalarRoot": .wei(market.scalarRoot.raw), "expiry": .number(JSONNumber(market.expiry)),
                "lnFeeRateRoot": .wei(market.lnFeeRateRoot.raw), "reserveFeePercent": .number(JSONNumber(market.reserveFeePercent)),
                "lastLnImpliedRate": .wei(market.lastLnImpliedRate.raw)
            ]))
        return object
    }

    /// A whole number (below 2^53) without a fraction, anything else in Swift's shortest round-trip form; nil when
    /// not finite.
    static func jsonNumber(_ value: Double) -> JSONNumber? {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return JSONNumber(Int64(value)) }
        return JSONNumber(value)
    }
}

extension MarketFile {
    /// A market file's text: one member per line, a nested object's members one per line indented, two spaces
    /// a level; the text ends with a newline.
    package static func fileText(_ object: JSONObject) -> String {
        var lines = ["{"]
        for (i, member) in object.members.enumerated() {
            let comma = i == object.count - 1 ? "" : ","
            guard case .object(let nested) = member.value else {
                lines.append("  \(JSONValue.string(member.key).jsonText): \(member.value.jsonText)\(comma)")
                continue
            }
            lines.append("  \(JSONValue.string(member.key).jsonText): {")
            for (j, inner) in nested.members.enumerated() {
                lines.append("    \(JSONValue.string(inner.key).jsonText): \(inner.value.jsonText)" + (j == nested.count - 1 ? "" : ","))
            }
            lines.append("  }\(comma)")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension MarketFileError {
    /// The bytes of the market file at `path` (at most 16 MiB); any file of either curve. `-` is standard
    /// input, read once per process (``StandardInputFile``).
    package static func bytes(path: String) throws(MarketFileError) -> [UInt8] {
        do {
            if path == StandardInputFile.path { return try StandardInputFile.read(limit: FileBytes.inputLimit, kind: "market file") }
            return try FileBytes.read(path: path, limit: FileBytes.inputLimit, kind: "market file")
        } catch {
            throw MarketFileError(origin: path, reason: .unreadable(error.reason))
        }
    }

    /// A market file's contents as a JSON object: malformed JSON (with its byte offset), a key given twice
    /// (with its path) and a value that is not an object are refused.
    package static func object(_ bytes: [UInt8], origin: String) throws(MarketFileError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            if let duplicate = error.duplicateKey {
                throw MarketFileError(origin: origin, reason: .invalidField(.duplicateField(duplicate.pathText)))
            }
            throw MarketFileError(origin: origin, reason: .malformedJSON(offset: error.offset, reason: error.reason))
        }
        guard case .object(let object) = value else {
            throw MarketFileError(origin: origin, reason: .notAnObject(value.typeDescription))
        }
        return object
    }
}
