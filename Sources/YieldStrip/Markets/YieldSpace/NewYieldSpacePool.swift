import Foundation
import YieldStripJSON

/// A new YieldSpace pool built by ``YieldSpaceDeployment/newPool(impliedApy:maturity:blockTime:liquidityUsd:stockPrice:assetPerShare:assetPerShareAtStart:tsYears:g1Fee:decimals:name:underlying:source:notes:)``,
/// with what a user checks before using it, read back from the state as `market show` reads it.
public struct NewYieldSpacePool: Sendable, Equatable {
    /// The market file: the pool's state after Yield's `init` and the exact `sellFYToken` to the rate.
    public var file: YieldSpaceMarketFile
    /// The implied APY the reserves hold (365-day year) and Yield's own quote of it (365.25-day year).
    public var impliedApy: Double
    public var yieldApy: Double
    /// `|impliedApy − target|`: within ``YieldSpaceDeployment/impliedApyTolerance``.
    public var impliedApyError: Double
    /// Shares at `c` plus real fyToken at its fee-free price, in base and in USD.
    public var poolValueInAsset: Double
    public var poolValueUsd: Double
    /// The real fyToken the pool holds: all it can sell before its rate reaches zero.
    public var realFyTokenReserves: Double
}

/// Building YieldSpace pools as Yield Protocol starts them (``YieldSpacePool/seeded(impliedApy:poolValueInBase:c:mu:ts:g1Fee:maturity:decimals:at:)``).
public enum YieldSpaceDeployment {
    /// The default time stretch, in Yield years (Yield's pools: 10 to 45).
    public static let defaultTsYears = 10
    /// The default fee: `g1Fee` 9500 (`g1` = 0.95: a buyer of fyToken earns 95 % of the rate).
    public static let defaultG1Fee = 9500
    /// How far the implied APY read back may lie from the target: the seed rounds the reserves to 6 decimals
    /// and the trade to the wei, which moves the rate by far less (about 1e-11 on the example pool).
    public static let impliedApyTolerance = 1e-9

    /// `Pool._getC` of a vault worth `assetPerShare` base per share (an 18-decimal number):
    /// ⌊assetPerShare · 2^64 / 1e18⌋ as 64.64.
    public static func fixed(assetPerShare: Wad) -> Fixed64x64 {
        Fixed64x64(
            raw: Int256(bitPattern: (assetPerShare.raw.magnitude << 64).quotientAndRemainder(dividingBy: UInt256(1_000_000_000_000_000_000)).quotient)
        )
    }

    /// A new pool that prices `impliedApy` (365-day year) and holds `liquidityUsd` of value (shares at `c`, real
    /// fyToken at its price) at `stockPrice` USD per base, as Yield starts one at `blockTime`: `init` with
    /// shares (LP supply `μ · shares`), then fyToken sold into it (`sellFYToken`, exact) to bring the rate to the
    /// target (``YieldSpacePool/seeded(impliedApy:poolValueInBase:c:mu:ts:g1Fee:maturity:decimals:at:)``, with
    /// `poolValueInBase = liquidityUsd / stockPrice`).
    ///
    /// - Parameters:
    ///   - impliedApy: the target implied APY on the 365-day year, ≥ 0 (0.003 is 0.3 %).
    ///   - maturity: the pool's maturity (Unix seconds), after `blockTime`.
    ///   - blockTime: when the pool is started (Unix seconds, ≥ 0): the file's `blockTime`.
    ///   - liquidityUsd: the pool's value in USD, > 0.
    ///   - stockPrice: USD per base (per share), > 0.
    ///   - assetPerShare: base per share now (`c`; for a stock token, its PY index), > 0.
    ///   - assetPerShareAtStart: base per share when the pool began (`μ`); nil: `c`.
    ///   - tsYears: the time stretch in whole Yield years (365.25 days), 1 … 1,000,000.
    ///   - g1Fee: the pool's fee, fp4 in (0, 10000].
    ///   - decimals: the token's decimals, 0 … 18.
    ///   - name: the file's `name`.
    ///   - underlying: the file's `underlying` (a ticker).
    ///   - source: the file's `source`: where the numbers come from.
    ///   - notes: the file's `notes`.
    /// - Throws: ``NewMarketError`` for an input out of range (the same names as a Pendle market's), ``YieldSpaceError``
    ///   for the pool's parameters (`InvalidFee`, `YieldMath: t must be positive`, `YieldMath: Too far from
    ///   maturity` when `a = 1 − g2 · ts · T` is not positive), and the pool's reverts on the seeding trade.
    public static func newPool(
        impliedApy: Double, maturity: Int64, blockTime: Int64, liquidityUsd: Double, stockPrice: Double,
        assetPerShare: Wad = .one, assetPerShareAtStart: Wad? = nil, tsYears: Int = defaultTsYears,
        g1Fee: Int = defaultG1Fee, decimals: Int = 18, name: String? = nil, underlying: String? = nil,
        source: String? = nil, notes: String? = nil
    ) throws -> NewYieldSpacePool {
        for (input, value) in [("impliedApy", impliedApy), ("liquidityUsd", liquidityUsd), ("stockPrice", stockPrice)] where !value.isFinite {
            throw NewMarketError.notFinite(input: input, value: value)
        }
        guard impliedApy >= 0 else { throw NewMarketError.negativeApy(impliedApy) }
        guard liquidityUsd > 0 else { throw NewMarketError.nonPositiveLiquidity(liquidityUsd) }
        guard stockPrice > 0 else { throw NewMarketError.nonPositiveStockPrice(stockPrice) }
        guard assetPerShare.isPositive else { throw NewMarketError.nonPositivePyIndex(assetPerShare) }
        if let start = assetPerShareAtStart, !start.isPositive { throw NewMarketError.nonPositivePyIndex(start) }
        let range = UnixTime.supportedRange
        guard blockTime >= 0, blockTime <= range.upperBound else { throw NewMarketError.timeOutOfRange(input: "blockTime", value: blockTime) }
        guard maturity >= 0, maturity <= range.upperBound else { throw NewMarketError.timeOutOfRange(input: "expiry", value: maturity) }
        guard maturity > blockTime else { throw NewMarketError.expiryNotAfterBlockTime(expiry: maturity, blockTime: blockTime) }
        guard (0...18).contains(decimals) else { throw YieldSpaceError.invalidDecimals(decimals) }
        let c = fixed(assetPerShare: assetPerShare)
        let mu = fixed(assetPerShare: assetPerShareAtStart ?? assetPerShare)
        let ts = try Fixed64x64.timeStretch(years: tsYears)
        let poolValue = liquidityUsd / stockPrice
        let pool = try YieldSpacePool.seeded(
            impliedApy: impliedApy, poolValueInBase: poolValue, c: c, mu: mu, ts: ts, g1Fee: g1Fee,
            maturity: maturity, decimals: decimals, at: blockTime)
        let file = YieldSpaceMarketFile(
            origin: "new pool", pool: pool, tsYears: tsYears, name: name, underlying: underlying, stockPrice: stockPrice,
            blockTime: blockTime, source: source, notes: notes)
        let snapshot = try pool.snapshot(at: blockTime, stockPrice: stockPrice)
        let value = snapshot.poolValueInAsset ?? 0
        return NewYieldSpacePool(
            file: file, impliedApy: snapshot.impliedApy, yieldApy: snapshot.yieldApy,
            impliedApyError: Swift.abs(snapshot.impliedApy - impliedApy), poolValueInAsset: value,
            poolValueUsd: value * stockPrice, realFyTokenReserves: snapshot.realFyTokenReserves ?? 0)
    }
}

extension YieldSpaceMarketFile {
    /// The file's members, in the order ``jsonText`` writes them.
    public var jsonObject: JSONObject {
        var object = JSONObject()
        if let name { object.append("name", .string(name)) }
        if let underlying { object.append("underlying", .string(underlying)) }
        object.append("curve", .string(Self.curveName))
        if let source { object.append("source", .string(source)) }
        if let notes { object.append("notes", .string(notes)) }
        if let stockPrice, let number = MarketFile.jsonNumber(stockPrice) { object.append("stockPrice", .number(number)) }
        if let blockTime { object.append("blockTime", .number(JSONNumber(blockTime))) }
        var state = JSONObject()
        state.append("sharesReserves", .wei(pool.sharesReserves))
        state.append("fyTokenReserves", .wei(pool.fyTokenReserves))
        if let supply = pool.totalSupply { state.append("totalSupply", .wei(supply)) }
        state.append("c", .wei(pool.c.raw))
        state.append("mu", .wei(pool.mu.raw))
        if let tsYears { state.append("tsYears", .number(JSONNumber(tsYears))) } else { state.append("ts", .wei(pool.ts.raw)) }
        state.append("g1Fee", .number(JSONNumber(pool.g1Fee)))
        state.append("maturity", .number(JSONNumber(pool.maturity)))
        state.append("decimals", .number(JSONNumber(pool.decimals)))
        object.append("pool", .object(state))
        return object
    }
}
