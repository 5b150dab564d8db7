import YieldStrip
import YieldStripJSON

/// Ops for YieldSpace's exact math (``YieldSpaceMath``), named and read as Yield Protocol's TypeScript
/// functions and as the fields of the reference vectors (`yieldspace.json`).
///
/// Every op reads the pool: `sharesReserves`, `fyTokenReserves` (virtual: real fyToken + LP supply), in the
/// token's base units; `timeTillMaturity` (seconds); `ts` (64.64 per second; or `tsYears`, a whole number of
/// Yield's 31,557,600 s years, for ⌊2^64 / (tsYears · 31,557,600)⌋); the fee factor the function uses, `g1`
/// or `g2` (64.64; or `g1Fee`, the pool's fp4 fee, for `Pool._computeG1`/`_computeG2`); `c` and `mu`
/// (64.64, default 2^64 = 1.0); `decimals`. Amounts are decimal strings or JSON integers. The answer is
/// `{"result": "<integer>"}` in base units (signed: a sale below the 1e12 precision fee answers a negative
/// amount, as the reference does); `calcInterestRate` answers the APY on Yield's year as a decimal string
/// at 40 places (half up) with `secondsPerYear: 31557600`.
package enum YieldSpaceOps {
    package static let entries: [BatchOp] = [
        BatchOp(
            "sellBase",
            "sharesReserves, fyTokenReserves, sharesIn, timeTillMaturity, ts|tsYears, g1|g1Fee, decimals, c?, mu? → fyToken out (YieldSpace, exact as Yield's ui-math)"
        ) { r in
            try answer(
                YieldSpaceMath.sellBase(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    sharesIn: r.uint256("sharesIn"), timeTillMaturity: r.int64("timeTillMaturity"), ts: timeStretch(r),
                    g1: fee(r, "g1"), decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "sellFYToken",
            "sharesReserves, fyTokenReserves, fyTokenIn, timeTillMaturity, ts|tsYears, g2|g1Fee, decimals, c?, mu? → shares out (YieldSpace)"
        ) { r in
            try answer(
                YieldSpaceMath.sellFYToken(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    fyTokenIn: r.uint256("fyTokenIn"), timeTillMaturity: r.int64("timeTillMaturity"), ts: timeStretch(r),
                    g2: fee(r, "g2"), decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "buyBase",
            "sharesReserves, fyTokenReserves, sharesOut, timeTillMaturity, ts|tsYears, g2|g1Fee, decimals, c?, mu? → fyToken in (YieldSpace)"
        ) { r in
            try answer(
                YieldSpaceMath.buyBase(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    sharesOut: r.uint256("sharesOut"), timeTillMaturity: r.int64("timeTillMaturity"), ts: timeStretch(r),
                    g2: fee(r, "g2"), decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "buyFYToken",
            "sharesReserves, fyTokenReserves, fyTokenOut, timeTillMaturity, ts|tsYears, g1|g1Fee, decimals, c?, mu? → shares in (YieldSpace)"
        ) { r in
            try answer(
                YieldSpaceMath.buyFYToken(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    fyTokenOut: r.uint256("fyTokenOut"), timeTillMaturity: r.int64("timeTillMaturity"), ts: timeStretch(r),
                    g1: fee(r, "g1"), decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "maxBaseIn",
            "sharesReserves, fyTokenReserves, timeTillMaturity, ts|tsYears, g1|g1Fee, decimals, c?, mu? → the most shares in before a zero rate (YieldSpace)"
        ) { r in
            try answer(
                YieldSpaceMath.maxBaseIn(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    timeTillMaturity: r.int64("timeTillMaturity"), ts: timeStretch(r), g1: fee(r, "g1"),
                    decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "maxFyTokenIn",
            "sharesReserves, fyTokenReserves, timeTillMaturity, ts|tsYears, g2|g1Fee, decimals, c?, mu? → the most fyToken in (YieldSpace)"
        ) { r in
            try answer(
                YieldSpaceMath.maxFyTokenIn(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    timeTillMaturity: r.int64("timeTillMaturity"), ts: timeStretch(r), g2: fee(r, "g2"),
                    decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "maxFyTokenOut",
            "sharesReserves, fyTokenReserves, timeTillMaturity, ts|tsYears, g1|g1Fee, decimals, c?, mu? → the most fyToken out before a zero rate (YieldSpace)"
        ) { r in
            try answer(
                YieldSpaceMath.maxFyTokenOut(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    timeTillMaturity: r.int64("timeTillMaturity"), ts: timeStretch(r), g1: fee(r, "g1"),
                    decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "invariant",
            "sharesReserves, fyTokenReserves, totalSupply, timeTillMaturity, ts|tsYears, g2|g1Fee, decimals, c?, mu? → base per LP · 10^decimals (YieldSpace)"
        ) { r in
            try answer(
                YieldSpaceMath.invariant(
                    sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                    totalSupply: r.uint256("totalSupply"), timeTillMaturity: r.int64("timeTillMaturity"),
                    ts: timeStretch(r), g2: fee(r, "g2"), decimals: r.int("decimals"), c: fixed(r, "c"), mu: fixed(r, "mu")))
        },
        BatchOp(
            "calcInterestRate", "sharesReserves, fyTokenReserves, ts|tsYears, mu? → the pool's APY on Yield's 365.25-day year, 40 places (YieldSpace)"
        ) { r in
            let rate = try YieldSpaceMath.calcInterestRate(
                sharesReserves: r.uint256("sharesReserves"), fyTokenReserves: r.uint256("fyTokenReserves"),
                ts: timeStretch(r), mu: fixed(r, "mu"))
            return ["result": .string(fixedPlaces(rate, 40)), "secondsPerYear": .number(JSONNumber(Int(YieldSpaceMath.secondsPerYear)))]
        }
    ]

    private static func answer(_ value: Int256) -> JSONObject { ["result": .wei(value)] }

    /// `value` at `places` decimal places, rounded half up, every place written (decimal.js `toFixed(places)`).
    static func fixedPlaces(_ value: YieldDecimal, _ places: Int) -> String {
        let text = value.rounded(decimalPlaces: places).description
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return (negative ? "-" : "") + parts[0] + "." + fraction + String(repeating: "0", count: places - fraction.count)
    }

    /// A 64.64 field (an int128 as a decimal string or JSON integer); 2^64 (1.0) when absent.
    static func fixed(_ request: some FieldReader, _ name: String) throws(RequestError) -> Fixed64x64 {
        try request.int256IfPresent(name).map(Fixed64x64.init(raw:)) ?? .one
    }

    /// `ts`, or `tsYears` whole Yield years.
    static func timeStretch(_ request: some FieldReader) throws -> Fixed64x64 {
        if let ts = try request.int256IfPresent("ts") { return Fixed64x64(raw: ts) }
        guard let years = try request.intIfPresent("tsYears") else {
            throw RequestError.badRequest(
                field: "ts", reason: "missing field 'ts' (the time stretch, 64.64 per second) or 'tsYears' (whole years of 31,557,600 s)")
        }
        return try Fixed64x64.timeStretch(years: years)
    }

    /// `g1` or `g2` as given, or from `g1Fee`.
    static func fee(_ request: some FieldReader, _ name: String) throws -> Fixed64x64 {
        if let g = try request.int256IfPresent(name) { return Fixed64x64(raw: g) }
        guard let g1Fee = try request.intIfPresent("g1Fee") else {
            throw RequestError.badRequest(
                field: name, reason: "missing field '\(name)' (the fee factor, 64.64) or 'g1Fee' (the pool's fp4 fee, e.g. 9500)")
        }
        return name == "g1" ? try Fixed64x64.g1(g1Fee: g1Fee) : try Fixed64x64.g2(g1Fee: g1Fee)
    }
}
