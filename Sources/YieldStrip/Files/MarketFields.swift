import YieldStripJSON

/// Reading and writing a Pendle market state in the vectors' encoding: amounts and wads as decimal
/// strings of wei, `expiry` and `reserveFeePercent` as JSON numbers.
package enum MarketFields {
    /// `market` (the state as `readState` returns it). The pool's balances (`totalPt`, `totalSy`, `totalLp`)
    /// must be ≥ 0, as must the contract's `uint256` fields (`lnFeeRateRoot`, `lastLnImpliedRate`, at most
    /// int256's maximum); `reserveFeePercent` is 0–100 (the factory refuses more); `expiry` is a time ≥ 0.
    package static func market(_ fields: some FieldReader) throws(RequestError) -> MarketState<Wad> {
        MarketState(
            totalPt: try balance(fields, "totalPt", "the pool's PT"), totalSy: try balance(fields, "totalSy", "the pool's SY"),
            totalLp: try balance(fields, "totalLp", "the LP supply"),
            scalarRoot: try fields.wad("scalarRoot"), expiry: try TimeField.required(fields, "expiry", nonNegative: true),
            lnFeeRateRoot: try unsigned(fields, "lnFeeRateRoot"),
            reserveFeePercent: try reserveFeePercent(fields),
            lastLnImpliedRate: try unsigned(fields, "lastLnImpliedRate"))
    }

    /// A balance of the pool (wei, int256 as the market stores it): ≥ 0.
    package static func balance(_ fields: some FieldReader, _ name: String, _ what: String) throws(RequestError) -> Wad {
        let value = try fields.wad(name)
        guard !value.isNegative else {
            let path = fields.fieldPath + name
            throw .badRequest(
                field: path, reason: "field '\(path)' is \(what), a balance: it must be ≥ 0; got \(value.raw) wei; give the value readState returns")
        }
        return value
    }

    /// The reserve's share of fees, in percent: 0–100 (the market factory's `reserveFeePercent` cap).
    package static func reserveFeePercent(_ fields: some FieldReader) throws(RequestError) -> Int64 {
        let value = try nonNegative(fields, "reserveFeePercent")
        guard value <= 100 else {
            let path = fields.fieldPath + "reserveFeePercent"
            throw .badRequest(
                field: path,
                reason: "field '\(path)' is \(value); it is the reserve's share of fees in percent, which the factory caps at 100: give 0 to 100")
        }
        return value
    }

    /// A `uint256` wad the market keeps in an `int256`-sized slot.
    package static func unsigned(_ fields: some FieldReader, _ name: String) throws(RequestError) -> Wad {
        let value = try fields.uint256(name)
        guard let raw = Int256(exactly: value) else {
            throw .overflow(field: fields.fieldPath + name, reason: "field '\(fields.fieldPath + name)' exceeds 2^255 − 1 wei")
        }
        return Wad(raw: raw)
    }

    /// A small integer (a percentage): ≥ 0.
    package static func nonNegative(_ fields: some FieldReader, _ name: String) throws(RequestError) -> Int64 {
        let value = try fields.int64(name)
        guard value >= 0 else {
            throw .badRequest(field: fields.fieldPath + name, reason: "field '\(fields.fieldPath + name)' must be ≥ 0; got \(value)")
        }
        return value
    }

    /// The optional `stockPrice` field: a positive finite number (USD per unit of asset).
    package static func stockPrice(_ fields: some FieldReader) throws(RequestError) -> Double? {
        guard let price = try fields.doubleIfPresent("stockPrice") else { return nil }
        guard price > 0 else {
            throw .badRequest(
                field: fields.fieldPath + "stockPrice",
                reason: "field '\(fields.fieldPath)stockPrice' must be a positive number of USD per unit of asset; got \(price)")
        }
        return price
    }

    /// The market, `pyIndex` (uint256 wad) and `blockTime` of a request.
    package static func context(_ request: some FieldReader) throws(RequestError) -> (market: MarketState<Wad>, pyIndex: Wad, blockTime: Int64) {
        (try market(request.object("market")), try unsigned(request, "pyIndex"), try blockTime(request))
    }

    /// `blockTime`: a time (``TimeField``) at or after 1970.
    package static func blockTime(_ request: some FieldReader) throws(RequestError) -> Int64 {
        try TimeField.required(request, "blockTime", nonNegative: true)
    }

    /// The state as a JSON object, in the vectors' field order.
    package static func object<S: ScalarJSON>(_ market: MarketState<S>) throws -> JSONObject {
        var object = JSONObject()
        try append(market, to: &object)
        return object
    }

    /// The market's fields, appended to `sink` (the members of ``object(_:)``).
    package static func append<S: ScalarJSON, Sink: JSONMemberSink>(_ market: MarketState<S>, to sink: inout Sink) throws {
        try market.totalPt.append(to: &sink, key: "totalPt", field: "market.totalPt")
        try market.totalSy.append(to: &sink, key: "totalSy", field: "market.totalSy")
        try market.totalLp.append(to: &sink, key: "totalLp", field: "market.totalLp")
        try market.scalarRoot.append(to: &sink, key: "scalarRoot", field: "market.scalarRoot")
        sink.append("expiry", integer: market.expiry)
        try market.lnFeeRateRoot.append(to: &sink, key: "lnFeeRateRoot", field: "market.lnFeeRateRoot")
        sink.append("reserveFeePercent", integer: market.reserveFeePercent)
        try market.lastLnImpliedRate.append(to: &sink, key: "lastLnImpliedRate", field: "market.lastLnImpliedRate")
    }

    /// `"market": { … }` in `sink`.
    package static func appendObject<S: ScalarJSON, Sink: JSONMemberSink>(_ market: MarketState<S>, to sink: inout Sink) throws {
        try sink.appendObject("market") { (nested: inout Sink) throws in try append(market, to: &nested) }
    }
}

/// How a scalar is written in an answer: exact values as decimal strings of wei, `Double` values as JSON
/// numbers in units.
package protocol ScalarJSON: PendleScalar {
    func json(_ field: String) throws -> JSONValue
    /// Appends the value as member `key` of `sink`; `field` names it in an error (`market.totalPt`).
    func append<Sink: JSONMemberSink>(to sink: inout Sink, key: String, field: String) throws
}

extension Wad: ScalarJSON {
    package func json(_ field: String) throws -> JSONValue { .wei(raw) }
    package func append<Sink: JSONMemberSink>(to sink: inout Sink, key: String, field: String) { sink.append(key, wei: raw) }
}

extension Double: ScalarJSON {
    package func json(_ field: String) throws -> JSONValue {
        guard let number = JSONNumber(self) else { throw NonFiniteResultError(field: field) }
        return .number(number)
    }

    package func append<Sink: JSONMemberSink>(to sink: inout Sink, key: String, field: String) throws {
        sink.append(key, try json(field))
    }
}

extension JSONMemberSink {
    /// Appends a scalar result (wei string or number).
    package mutating func append<S: ScalarJSON>(_ key: String, scalar value: S) throws {
        try value.append(to: &self, key: key, field: key)
    }
}

extension JSONObject {

    /// Appends a `Double` analytic, or `null` when it is not finite (a quantity that does not exist
    /// for this trade, such as an effective price of nothing).
    package mutating func append(_ key: String, analytic value: Double?) {
        if let value, let number = JSONNumber(value) { append(key, .number(number)) } else { append(key, .null) }
    }
}
