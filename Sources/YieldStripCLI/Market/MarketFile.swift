import YieldStrip

/// A market file (`--market FILE.json`): the context of a batch line — `market` (the vectors'
/// encoding: wei strings; `expiry` and `reserveFeePercent` numbers) and `pyIndex` (wei) — plus
/// optional descriptive fields.
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
/// be `"pendle-v2"`; `stockPrice` is USD per unit of the accounting asset. Other fields are ignored.
struct MarketFile: Sendable {
    /// The path or name the file was read from, for messages.
    let origin: String
    let market: MarketState<Wad>
    let pyIndex: Wad
    let name: String?
    let underlying: String?
    let stockPrice: Double?
    /// When the state was read, if the file says.
    let blockTime: Int64?
    let source: String?
    let notes: String?

    /// The only curve the file may name.
    static let pendleCurve = "pendle-v2"

    /// Reads and checks the file at `path`.
    ///
    /// - Throws: ``MarketFileError``: the file cannot be read, is not JSON (with the byte offset), is
    ///   not an object, misses a field or has one of the wrong form, or names another curve.
    static func load(path: String) throws(MarketFileError) -> MarketFile {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, limit: FileBytes.inputLimit, kind: "market file")
        } catch {
            throw MarketFileError(origin: path, reason: .unreadable(error.reason))
        }
        return try parse(bytes, origin: path)
    }

    /// Parses a market file's contents; `origin` names it in messages.
    static func parse(_ bytes: [UInt8], origin: String) throws(MarketFileError) -> MarketFile {
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw MarketFileError(origin: origin, reason: .malformedJSON(error))
        }
        guard case .object(let object) = value else {
            throw MarketFileError(origin: origin, reason: .notAnObject(value.typeDescription))
        }
        do {
            return try MarketFile(origin: origin, fields: RequestFields(object))
        } catch let error as RequestError {
            throw MarketFileError(origin: origin, reason: .invalidField(error))
        } catch {
            throw MarketFileError(origin: origin, reason: .invalidField(.badRequest(field: nil, reason: "\(error)")))
        }
    }

    private init(origin: String, fields: RequestFields) throws {
        if let duplicate = fields.fieldObject.firstDuplicateKey {
            throw RequestError.badRequest(field: duplicate, reason: "field '\(duplicate)' occurs more than once")
        }
        self.origin = origin
        market = try MarketFields.market(fields.object("market"))
        pyIndex = try MarketFields.unsigned(fields, "pyIndex")
        name = try fields.stringIfPresent("name")
        underlying = try fields.stringIfPresent("underlying")
        stockPrice = try MarketContext.stockPrice(fields)
        blockTime = try TimeField.read(fields, "blockTime", nonNegative: true)
        source = try fields.stringIfPresent("source")
        notes = try fields.stringIfPresent("notes")
        if let curve = try fields.stringIfPresent("curve"), curve != Self.pendleCurve {
            throw RequestError.badRequest(field: "curve", reason: "field 'curve' is \(quoted(.string(curve))); the only curve supported is '\(Self.pendleCurve)'")
        }
    }

    /// The file's context at a block time chosen by ``BlockTimeChoice``.
    func context(at choice: BlockTimeChoice) -> MarketContext {
        let (time, source) = choice.resolve(fileBlockTime: blockTime)
        return MarketContext(market: market, pyIndex: pyIndex, blockTime: time, blockTimeSource: source, stockPrice: stockPrice)
    }

    /// A title for tables: `AAPL-like stock token (AAPL)`, then `source: illustrative: …`; the file's texts
    /// with their control characters escaped (``TerminalText``).
    var title: String {
        var heading = TerminalText.escaped(name ?? origin)
        if let underlying { heading += " (\(TerminalText.escaped(underlying)))" }
        if let source { heading += "\nsource: \(TerminalText.escaped(source))" }
        return heading
    }
}

/// A market file that cannot be used; the CLI exits 1 with ``message``.
///
/// A missing or malformed file is an input error, not a usage error: the command line is well formed
/// (it names a file), what the file holds is not, exactly as a batch line with a bad `market` gets an
/// error answer rather than stopping the batch.
struct MarketFileError: DomainError, Equatable {
    enum Reason: Equatable {
        /// The operating system's reason (`No such file or directory`).
        case unreadable(String)
        case malformedJSON(JSONParseError)
        case notAnObject(String)
        case invalidField(RequestError)
    }

    let origin: String
    let reason: Reason

    var errorName: String {
        switch reason {
        case .unreadable: return "MarketFileUnreadable"
        case .malformedJSON, .notAnObject: return "MalformedMarketFile"
        case .invalidField: return "InvalidMarketFile"
        }
    }

    var errorArgs: [String] {
        switch reason {
        case .malformedJSON(let error): return [origin, String(error.offset)]
        case .invalidField(let error): return [origin] + error.errorArgs
        default: return [origin]
        }
    }

    var message: String {
        switch reason {
        case .unreadable(let why):
            return "cannot read market file '\(origin)': \(why)"
        case .malformedJSON(let error):
            return "market file '\(origin)' is not valid JSON: \(error.description)"
        case .notAnObject(let type):
            return "market file '\(origin)' must hold a JSON object with 'market' and 'pyIndex'; it holds \(type)"
        case .invalidField(let error):
            return "market file '\(origin)': \(error.message)"
        }
    }
}
