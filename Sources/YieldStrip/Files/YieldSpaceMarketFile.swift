import YieldStripJSON

/// A YieldSpace market file (`"curve": "yieldspace"`): a Yield Protocol pool's state at one block, as
/// `--market FILE.json` reads it, with the descriptive fields of a Pendle file (``MarketFile``).
///
/// ```
/// {"name": "...", "underlying": "AAPL", "curve": "yieldspace", "source": "...", "notes": "...",
///  "stockPrice": 230, "blockTime": 1772461800,
///  "pool": {"sharesReserves": "...", "fyTokenReserves": "...", "totalSupply": "...",
///           "c": "18506...", "mu": "18506...", "tsYears": 10, "g1Fee": 9500,
///           "maturity": 1804118400, "decimals": 18}}
/// ```
/// `pool` holds the contract's state: `sharesReserves` and `fyTokenReserves` (virtual: real fyToken + LP
/// supply) in the token's base units, or `realFyTokenReserves` with `totalSupply` instead of the latter;
/// `totalSupply` (the LP supply; optional with `fyTokenReserves`, needed to value the LP); `c` and `mu` as
/// 64.64 integers (2^64 = 1.0 base per share); `ts` (64.64 per second) or `tsYears` (whole Yield years of
/// 31,557,600 s: ⌊2^64 / (tsYears · 31,557,600)⌋); `g1Fee` (fp4, (0, 10000]); `maturity` (a time);
/// `decimals` (0–18). Amounts are decimal strings or JSON integers.
public struct YieldSpaceMarketFile: Sendable, Equatable {
    public let origin: String
    public let pool: YieldSpacePool
    /// The time stretch in whole Yield years, when the file gave it that way.
    public let tsYears: Int?
    public let name: String?
    public let underlying: String?
    /// USD per unit of the base (per share for a stock token), when the file gives it.
    public let stockPrice: Double?
    /// When the state was read (Unix seconds), if the file says.
    public let blockTime: Int64?
    public let source: String?
    public let notes: String?

    /// The file's `curve`.
    public static let curveName = "yieldspace"

    public init(
        origin: String, pool: YieldSpacePool, tsYears: Int? = nil, name: String? = nil, underlying: String? = nil,
        stockPrice: Double? = nil, blockTime: Int64? = nil, source: String? = nil, notes: String? = nil
    ) {
        self.origin = origin
        self.pool = pool
        self.tsYears = tsYears
        self.name = name
        self.underlying = underlying
        self.stockPrice = stockPrice
        self.blockTime = blockTime
        self.source = source
        self.notes = notes
    }

    /// The pool behind the strategies' curve interface.
    public var curve: YieldSpaceCurve<Wad> { YieldSpaceCurve(pool: pool) }

    /// Reads and checks the file at `path` (at most 16 MiB).
    public static func load(path: String) throws(MarketFileError) -> YieldSpaceMarketFile {
        try parse(MarketFileError.bytes(path: path), origin: path)
    }

    /// Parses a YieldSpace market file's contents; `origin` names it in messages.
    public static func parse(_ bytes: [UInt8], origin: String) throws(MarketFileError) -> YieldSpaceMarketFile {
        let object = try MarketFileError.object(bytes, origin: origin)
        do {
            return try YieldSpaceMarketFile(origin: origin, fields: RequestFields(object))
        } catch let error as RequestError {
            throw MarketFileError(origin: origin, reason: .invalidField(error))
        } catch let error as YieldSpaceError {
            throw MarketFileError(origin: origin, reason: .invalidField(.badRequest(field: "pool", reason: "field 'pool': \(error.message)")))
        } catch {
            throw MarketFileError(origin: origin, reason: .invalidField(.badRequest(field: nil, reason: "\(error)")))
        }
    }

    /// The fields of a YieldSpace market file's object (a batch request's too: `curve`, `pool` and the
    /// descriptive fields); a bad pool throws its ``YieldSpaceError``.
    package init(origin: String, fields: some FieldReader) throws {
        if let duplicate = fields.fieldObject.firstDuplicateKey {
            throw RequestError.badRequest(field: duplicate, reason: "field '\(duplicate)' occurs more than once")
        }
        let curve = try fields.stringIfPresent("curve")
        guard curve == Self.curveName else {
            throw RequestError.badRequest(field: "curve", reason: "field 'curve' must be '\(Self.curveName)' in a YieldSpace market file")
        }
        let pool = try fields.object("pool")
        if let duplicate = pool.fieldObject.firstDuplicateKey {
            throw RequestError.badRequest(field: "pool." + duplicate, reason: "field 'pool.\(duplicate)' occurs more than once")
        }
        let shares = try pool.uint256("sharesReserves")
        let supply = try pool.uint256IfPresent("totalSupply")
        let virtual = try pool.uint256IfPresent("fyTokenReserves")
        let real = try pool.uint256IfPresent("realFyTokenReserves")
        let ts: Fixed64x64
        let years = try pool.intIfPresent("tsYears")
        switch (try pool.int256IfPresent("ts"), years) {
        case (let raw?, nil): ts = Fixed64x64(raw: raw)
        case (nil, let years?): ts = try Fixed64x64.timeStretch(years: years)
        case (_?, _?): throw RequestError.badRequest(field: "pool.ts", reason: "give 'pool.ts' or 'pool.tsYears', not both")
        case (nil, nil):
            throw RequestError.badRequest(
                field: "pool.ts",
                reason: "missing field 'pool.ts' (the time stretch, 64.64 per second) or 'pool.tsYears' (whole years of 31,557,600 s)")
        }
        let c = Fixed64x64(raw: try pool.int256("c"))
        let mu = Fixed64x64(raw: try pool.int256("mu"))
        let g1Fee = try pool.int("g1Fee")
        let decimals = try pool.int("decimals")
        let maturity = try TimeField.required(pool, "maturity", nonNegative: true)
        switch (virtual, real) {
        case (let virtual?, nil):
            self.pool = try YieldSpacePool(
                sharesReserves: shares, fyTokenReserves: virtual, totalSupply: supply, c: c, mu: mu, ts: ts,
                g1Fee: g1Fee, maturity: maturity, decimals: decimals)
        case (nil, let real?):
            guard let supply else {
                throw RequestError.badRequest(
                    field: "pool.totalSupply", reason: "'pool.realFyTokenReserves' needs 'pool.totalSupply' (the virtual reserves are their sum)")
            }
            self.pool = try YieldSpacePool(
                sharesReserves: shares, realFyTokenReserves: real, totalSupply: supply, c: c, mu: mu, ts: ts,
                g1Fee: g1Fee, maturity: maturity, decimals: decimals)
        case (_?, _?):
            throw RequestError.badRequest(
                field: "pool.fyTokenReserves",
                reason: "give 'pool.fyTokenReserves' (virtual) or 'pool.realFyTokenReserves' (with totalSupply), not both")
        case (nil, nil):
            throw RequestError.badRequest(
                field: "pool.fyTokenReserves",
                reason:
                    "missing field 'pool.fyTokenReserves' (virtual: real fyToken + LP supply) or 'pool.realFyTokenReserves' with 'pool.totalSupply'")
        }
        self.origin = origin
        tsYears = years
        name = try fields.stringIfPresent("name")
        underlying = try fields.stringIfPresent("underlying")
        stockPrice = try MarketFields.stockPrice(fields)
        blockTime = try TimeField.read(fields, "blockTime", nonNegative: true)
        source = try fields.stringIfPresent("source")
        notes = try fields.stringIfPresent("notes")
    }

    /// The file's text, laid out as the example files are (one member per line, two spaces of indentation):
    /// `name`, `underlying`, `curve`, `source`, `notes`, `stockPrice`, `blockTime`, then `pool` with
    /// `sharesReserves`, `fyTokenReserves` (virtual), `totalSupply`, `c`, `mu`, `tsYears` (or `ts`), `g1Fee`,
    /// `maturity`, `decimals`; absent fields are left out; the text ends with a newline.
    public var jsonText: String { MarketFile.fileText(jsonObject) }
}

/// A market file of either curve, as ``MarketFile/loadAny(path:)`` reads it.
public enum AnyMarketFile: Sendable, Equatable {
    case pendle(MarketFile)
    case yieldSpace(YieldSpaceMarketFile)

    /// The file's market behind the strategies' curve interface (exact: ``Wad``); every job takes it.
    public var curve: any ImpliedYieldCurve<Wad> {
        switch self {
        case .pendle(let file): return file.curve
        case .yieldSpace(let file): return file.curve
        }
    }

    /// The file's `curve`: `pendle-v2` or `yieldspace`.
    public var curveName: String {
        switch self {
        case .pendle: return MarketFile.pendleCurve
        case .yieldSpace: return YieldSpaceMarketFile.curveName
        }
    }

    /// The descriptive fields, whichever the curve.
    public var origin: String {
        switch self {
        case .pendle(let file): return file.origin
        case .yieldSpace(let file): return file.origin
        }
    }

    public var name: String? {
        switch self {
        case .pendle(let file): return file.name
        case .yieldSpace(let file): return file.name
        }
    }

    public var underlying: String? {
        switch self {
        case .pendle(let file): return file.underlying
        case .yieldSpace(let file): return file.underlying
        }
    }

    public var source: String? {
        switch self {
        case .pendle(let file): return file.source
        case .yieldSpace(let file): return file.source
        }
    }

    /// USD per unit of the asset (the base), when the file gives it.
    public var stockPrice: Double? {
        switch self {
        case .pendle(let file): return file.stockPrice
        case .yieldSpace(let file): return file.stockPrice
        }
    }

    /// When the state was read, when the file says.
    public var blockTime: Int64? {
        switch self {
        case .pendle(let file): return file.blockTime
        case .yieldSpace(let file): return file.blockTime
        }
    }

    /// Parses a market file of either curve from its bytes (``MarketFile/loadAny(path:)`` without the read).
    public static func parse(_ bytes: [UInt8], origin: String) throws(MarketFileError) -> AnyMarketFile {
        if MarketFile.declaredCurve(bytes) == YieldSpaceMarketFile.curveName {
            return .yieldSpace(try YieldSpaceMarketFile.parse(bytes, origin: origin))
        }
        return .pendle(try MarketFile.parse(bytes, origin: origin))
    }

    /// A market file's object of either curve, read from fields (a batch request's inline market): a
    /// `"curve": "yieldspace"` object as a YieldSpace file, any other as a Pendle file.
    package static func read(_ fields: some FieldReader, origin: String) throws -> AnyMarketFile {
        if case .string(let curve)? = fields.value("curve"), curve == YieldSpaceMarketFile.curveName {
            return .yieldSpace(try YieldSpaceMarketFile(origin: origin, fields: fields))
        }
        return .pendle(try MarketFile(origin: origin, fields: fields))
    }
}

extension MarketFile {
    /// The `curve` a market file's text names at its top level; nil when the text is not a JSON object or
    /// names none.
    public static func declaredCurve(_ bytes: [UInt8]) -> String? {
        guard case .object(let object)? = try? JSONReader.parse(bytes), case .string(let curve)? = object["curve"] else { return nil }
        return curve
    }

    /// Reads a market file of either curve: `"curve": "yieldspace"` as a ``YieldSpaceMarketFile``, any other
    /// as ``load(path:)`` reads it (a Pendle V2 market).
    public static func loadAny(path: String) throws(MarketFileError) -> AnyMarketFile {
        try AnyMarketFile.parse(MarketFileError.bytes(path: path), origin: path)
    }
}
