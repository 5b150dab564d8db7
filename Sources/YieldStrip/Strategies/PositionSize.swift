import Foundation

/// How big a position is, in the unit a person thinks in. Every job converts it to SY at the market's
/// asset-per-SY rate (the PY index) and echoes the conversion (``SizeConversion``).
///
/// - `sy`: SY tokens, as given.
/// - `tokens`: stock tokens; a stock token's SY wraps it one to one, so the same as `sy`.
/// - `shares`: the asset (split-adjusted shares): `SY = assetToSy(shares)` = ⌊shares · 1e18 / index⌋ wei.
/// - `usd`: dollars at the stock price: `shares = ⌊usd · 1e18 / price⌋` wei (the price written as its
///   shortest decimal), then as `shares`.
public enum PositionSize: Hashable, Sendable {
    case sy(Wad)
    case tokens(Wad)
    case shares(Wad)
    case usd(Wad)

    /// The amount as written.
    public var amount: Wad {
        switch self {
        case .sy(let value), .tokens(let value), .shares(let value), .usd(let value): return value
        }
    }

    /// The unit's name, as options and fields spell it: `sy`, `tokens`, `shares`, `usd`.
    public var unit: String {
        switch self {
        case .sy: return "sy"
        case .tokens: return "tokens"
        case .shares: return "shares"
        case .usd: return "usd"
        }
    }

    /// A size of `amount` in the unit named `unit` (`sy`, `tokens`, `shares`, `usd`); nil for another name.
    public init?(unit: String, amount: Wad) {
        switch unit {
        case "sy": self = .sy(amount)
        case "tokens": self = .tokens(amount)
        case "shares": self = .shares(amount)
        case "usd": self = .usd(amount)
        default: return nil
        }
    }

    /// The units in the order options list them.
    public static let units = ["sy", "tokens", "shares", "usd"]
}

/// A size converted to SY, with every step of the conversion.
public struct SizeConversion<S: PendleScalar>: Sendable {
    /// The size as given.
    public var given: PositionSize
    /// The SY it is (exact: wei for ``Wad``).
    public var sy: S
    /// Asset per SY used (the PY index).
    public var assetPerSy: S
    /// What the SY is worth in shares now (`syToAsset(sy)`, rounded down to the wei), and in USD at the stock price.
    public var shares: Double
    public var usd: Double?
    /// The stock price used (USD per share), when known.
    public var stockPrice: Double?

    /// The conversion in words: `10000 USD ÷ 230 USD/share = 43.4782608695652173 shares ÷ 1.0123 shares/SY = 42.9500… SY`.
    public var description: String {
        let sy = self.sy.description
        switch given {
        case .sy(let value): return "\(value) SY"
        case .tokens(let value): return "\(value) stock tokens = \(value) SY (one SY wraps one token)"
        case .shares(let value): return "\(value) shares ÷ \(assetPerSy) shares/SY = \(sy) SY"
        case .usd(let value):
            let price = stockPrice.map { Wad.shortestDecimal($0)?.description ?? "\($0)" } ?? "?"
            return "\(value) USD ÷ \(price) USD/share = \(String(format: "%.6f", shares)) shares ÷ \(assetPerSy) shares/SY = \(sy) SY"
        }
    }
}

/// Converting a ``PositionSize`` to SY, exactly, with every step echoed (``SizeConversion``).
public enum PositionSizing {
    /// Converts `size` to SY at `assetPerSy` (> 0), a USD size at `stockPrice` (USD per share, > 0).
    ///
    /// - Throws: ``StrategyError``: `NonPositiveSize` for a size ≤ 0, `MissingStockPrice` for a USD size
    ///   without a price, `InvalidInput` for a price ≤ 0 or not finite, `SizeRoundsToZero` when the SY is
    ///   0 wei; the contract's errors for an index ≤ 0.
    public static func convert<S: PendleScalar>(_ size: PositionSize, assetPerSy: S, stockPrice: Double?) throws -> SizeConversion<S> {
        guard size.amount.isPositive else { throw StrategyError.nonPositiveSize(unit: size.unit, value: size.amount.description) }
        if let stockPrice { try checkStockPrice(stockPrice) }
        let amount = S.exactly(size.amount)
        let sy: S
        switch size {
        case .sy, .tokens:
            sy = amount
        case .shares:
            sy = try amount.assetToSy(index: assetPerSy)
        case .usd:
            guard let stockPrice else { throw StrategyError.missingStockPrice(purpose: "a size in USD") }
            guard let price = Wad.shortestDecimal(stockPrice) else {
                throw StrategyError.invalidInput(field: "stockPrice", value: "\(stockPrice)", reason: "give a price in USD below 1e40")
            }
            let shares = try amount.divDown(S.exactly(price))
            sy = try shares.assetToSy(index: assetPerSy)
        }
        guard sy.isPositive else { throw StrategyError.sizeRoundsToZero(unit: size.unit, value: size.amount.description) }
        // In shares as the contracts count them (syToAsset, rounded down): 1000 shares read back as 1000.
        let shares = (try? sy.syToAsset(index: assetPerSy))?.doubleValue ?? sy.doubleValue * assetPerSy.doubleValue
        return SizeConversion(
            given: size, sy: sy, assetPerSy: assetPerSy, shares: shares,
            usd: stockPrice.map { shares * $0 }, stockPrice: stockPrice)
    }

    /// A stock price must be a positive finite number of USD per share.
    static func checkStockPrice(_ price: Double, field: String = "stockPrice") throws(StrategyError) {
        guard price.isFinite, price > 0 else {
            throw .invalidInput(field: field, value: "\(price)", reason: "a stock price is a positive number of USD per share")
        }
    }
}

extension PendleScalar {
    /// A wad in this scalar: itself for ``Wad``, the nearest `Double` otherwise.
    static func exactly(_ value: Wad) -> Self {
        if let same = value as? Self { return same }
        return Self(approximating: value.doubleValue) ?? .zero
    }
}

extension Wad {
    /// The wad of a `Double`'s shortest decimal text (`229.37` → 229.37 exactly, where the binary value is
    /// 229.3700000000000045…): how a number a person typed or a file holds is meant. Values the text writes
    /// with an exponent, or with more than 18 decimals, round to the nearest wei.
    public static func shortestDecimal(_ value: Double) -> Wad? {
        guard value.isFinite else { return nil }
        return Wad(decimal: "\(value)") ?? Wad(rounding: value)
    }
}
