import Foundation

/// The band of annual implied rates a new market's curve is sized for (``MarketDeployment/curveParameters(rateMin:rateMax:secondsToExpiry:)``):
/// the rule maps `min` to a PT proportion of 10 % and `max` to 90 %.
public struct ApyBand: Sendable, Hashable {
    public var min: Double
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    /// The default band around a target APY: `apy / 3 … 3 · apy`, and `0 … 1 %` for a zero APY.
    ///
    /// With this band the rule seeds the pool at a PT proportion of about 25 % (exactly 1 / (1 + 3) as the
    /// time to expiry shrinks): the target sits in the lower half of the band, where buying PT (locking in
    /// a fixed rate) moves the rate least. At a zero APY the pool starts at the band's floor, 10 % PT.
    public static func around(_ apy: Double) -> ApyBand {
        apy > 0 ? ApyBand(min: apy / 3, max: apy * 3) : ApyBand(min: 0, max: 0.01)
    }
}

/// A new Pendle V2 market built by ``MarketDeployment/newMarket(impliedApy:expiry:blockTime:liquidityUsd:stockPrice:annualFee:apyBand:pyIndex:reserveFeePercent:name:underlying:source:notes:)``,
/// with what a user checks before using it. The read-back values are computed from the state exactly as
/// `yieldstrip market show` computes them at the file's block time.
public struct NewMarket: Sendable, Equatable {
    /// The market file: the state after the first `addLiquidityCore` and `setInitialLnImpliedRate`, the PY
    /// index, the stock price, the block time and the descriptive fields.
    public var file: MarketFile
    /// The band the curve was sized for (the default's when none was given).
    public var apyBand: ApyBand
    /// The `initialAnchor` given to `setInitialLnImpliedRate` (wei; the market does not store it).
    public var initialAnchor: Wad
    /// The PT proportion the deployment rule gives for the target APY (``MarketDeployment/initialProportion(scalarRoot:rateAnchor:desiredImpliedApy:secondsToExpiry:)``).
    public var initialProportion: Double
    /// LP minted by the first add: to the account, and the 1000 wei locked in the reserve.
    public var lpToAccount: Wad
    public var lpToReserve: Wad
    /// The implied APY the state holds: `expm1(lastLnImpliedRate)`.
    public var impliedApy: Double
    /// `totalAsset + totalPt · ptPriceInAsset`, in the accounting asset, and in USD at the stock price.
    public var poolValueInAsset: Double
    public var poolValueUsd: Double
    /// Whether the expiry is a Thursday 00:00 UTC, as every Pendle expiry is (`expiry % 604800 == 0`: the Unix
    /// epoch fell on a Thursday).
    public var expiryIsThursdayMidnightUtc: Bool
}

extension MarketDeployment {
    /// The default annual fee of a new market: 0.1 % (`lnFeeRateRoot = ln 1.001`).
    public static let defaultAnnualFee = 0.001
    /// The default share of fees sent to the reserve: 80 % (Pendle's deployment configuration).
    public static let defaultReserveFeePercent: Int64 = 80
    /// The largest annual fee the market factory accepts: `lnFeeRateRoot ≤ ln 1.05`.
    public static let maximumAnnualFee = 0.05
    /// The market factory's cap on `reserveFeePercent`.
    public static let maximumReserveFeePercent: Int64 = 100
    /// One week in seconds: Pendle's expiries are whole weeks from the Unix epoch (Thursdays 00:00 UTC).
    public static let secondsPerWeek: Int64 = 604_800

    /// Whether `expiry` is a Thursday 00:00 UTC.
    public static func isThursdayMidnightUtc(_ expiry: Int64) -> Bool { expiry % secondsPerWeek == 0 }

    /// Builds a new market that prices `impliedApy` and holds `liquidityUsd` of value, as the contract would hold it
    /// right after its first liquidity.
    ///
    /// 1. The curve: `scalarRoot` and `initialAnchor` from `apyBand` (default ``ApyBand/around(_:)``) and the time to
    ///    expiry by ``curveParameters(rateMin:rateMax:secondsToExpiry:)``; `lnFeeRateRoot = ln(1 + annualFee)`; each
    ///    rounded to the nearest wei.
    /// 2. The seed: the PT proportion `p` that prices `impliedApy` (the rule's ``initialProportion(scalarRoot:rateAnchor:desiredImpliedApy:secondsToExpiry:)``),
    ///    as PT per asset `p / (1 − p) = exp((E − anchor) · rateScalar)` with E = (1 + apy)^years, the anchor in wei and the
    ///    contract's `rateScalar` (`E − anchor` taken without cancellation near 1); asset `A` with
    ///    `A + A · p / (1 − p) · ptPrice = liquidityUsd / stockPrice` (ptPrice = (1 + apy)^−years); SY =
    ///    `assetToSy(pyIndex, A)`, PT = `syToAsset(pyIndex, SY) · p / (1 − p)`.
    /// 3. The state: the exact first `addLiquidityCore(SY, PT)` on an empty market (LP = √(SY · PT), 1000 wei to the
    ///    reserve), then the exact `setInitialLnImpliedRate` with the anchor.
    /// 4. The read-back: the pool's value at the stored rate (as `market show` computes it); `A` is rescaled by
    ///    target / read-back and the state rebuilt until they agree to about 1e-15 (at most three passes).
    ///
    /// - Parameters:
    ///   - impliedApy: the target implied APY, ≥ 0 (0.003 is 0.3 %), inside the band.
    ///   - expiry: the market's expiry (Unix seconds), after `blockTime`; Pendle's are Thursdays 00:00 UTC (not required).
    ///   - blockTime: when the market is created (Unix seconds, ≥ 0): the file's `blockTime`.
    ///   - liquidityUsd: the pool's value in USD, > 0.
    ///   - stockPrice: USD per unit of the accounting asset (per share), > 0.
    ///   - annualFee: the fee rate a year, 0 … 5 % (the factory's cap).
    ///   - apyBand: the band the curve covers, `0 ≤ min < max`; nil for ``ApyBand/around(_:)``.
    ///   - pyIndex: asset per SY at `blockTime`, > 0.
    ///   - reserveFeePercent: the share of fees to the reserve, 0 … 100.
    ///   - name: the file's `name` (shown in table titles).
    ///   - underlying: the file's `underlying` (a ticker).
    ///   - source: the file's `source`: whether the numbers are real or illustrative, and how they were made.
    ///   - notes: the file's `notes`.
    /// - Throws: ``NewMarketError`` naming the input to change; a contract revert on the way (a band so far from
    ///   the APY that the proportion leaves the curve, a pool too small for the 1000-wei minimum or too large for
    ///   256 bits) comes wrapped with the step that reverted.
    public static func newMarket(
        impliedApy: Double, expiry: Int64, blockTime: Int64, liquidityUsd: Double, stockPrice: Double,
        annualFee: Double = defaultAnnualFee, apyBand: ApyBand? = nil, pyIndex: Wad = .one,
        reserveFeePercent: Int64 = defaultReserveFeePercent, name: String? = nil, underlying: String? = nil,
        source: String? = nil, notes: String? = nil
    ) throws(NewMarketError) -> NewMarket {
        for (input, value) in [
            ("impliedApy", impliedApy), ("liquidityUsd", liquidityUsd), ("stockPrice", stockPrice),
            ("annualFee", annualFee)
        ] where !value.isFinite {
            throw .notFinite(input: input, value: value)
        }
        guard impliedApy >= 0 else { throw .negativeApy(impliedApy) }
        guard liquidityUsd > 0 else { throw .nonPositiveLiquidity(liquidityUsd) }
        guard stockPrice > 0 else { throw .nonPositiveStockPrice(stockPrice) }
        guard annualFee >= 0, annualFee <= maximumAnnualFee else { throw .feeOutOfRange(annualFee) }
        guard pyIndex.isPositive else { throw .nonPositivePyIndex(pyIndex) }
        guard (0...maximumReserveFeePercent).contains(reserveFeePercent) else { throw .reserveFeePercentOutOfRange(reserveFeePercent) }
        let range = UnixTime.supportedRange
        guard blockTime >= 0, blockTime <= range.upperBound else { throw .timeOutOfRange(input: "blockTime", value: blockTime) }
        guard expiry >= 0, expiry <= range.upperBound else { throw .timeOutOfRange(input: "expiry", value: expiry) }
        guard expiry > blockTime else { throw .expiryNotAfterBlockTime(expiry: expiry, blockTime: blockTime) }
        let band = apyBand ?? .around(impliedApy)
        for (input, value) in [("apyBand.min", band.min), ("apyBand.max", band.max)] where !value.isFinite {
            throw .notFinite(input: input, value: value)
        }
        guard band.min >= 0, band.min < band.max else { throw .invalidApyBand(min: band.min, max: band.max) }
        guard impliedApy >= band.min, impliedApy <= band.max else {
            throw .apyOutsideBand(apy: impliedApy, min: band.min, max: band.max)
        }

        let secondsToExpiry = expiry - blockTime
        let years = Double(secondsToExpiry) / Double(RateConventions.secondsPerYear)
        let curve: (scalarRoot: Double, initialAnchor: Double)
        let proportion: Double
        do {
            curve = try curveParameters(rateMin: band.min, rateMax: band.max, secondsToExpiry: secondsToExpiry)
            proportion = try initialProportion(
                scalarRoot: curve.scalarRoot, rateAnchor: curve.initialAnchor,
                desiredImpliedApy: impliedApy, secondsToExpiry: secondsToExpiry)
        } catch {
            throw .curveOutOfRange(min: band.min, max: band.max, reason: (error as? any DomainError)?.message ?? "\(error)")
        }
        guard curve.scalarRoot.isFinite, curve.scalarRoot > 0, let scalarRoot = Wad(rounding: curve.scalarRoot),
            scalarRoot.isPositive, let anchor = Wad(rounding: curve.initialAnchor)
        else {
            throw .curveOutOfRange(
                min: band.min, max: band.max,
                reason: "scalarRoot \(curve.scalarRoot) does not fit in a positive int256 wad")
        }
        guard let lnFeeRateRoot = Wad(rounding: lnFeeRateRoot(annualFee: annualFee)) else { throw .feeOutOfRange(annualFee) }

        let empty = MarketState<Wad>(
            totalPt: .zero, totalSy: .zero, totalLp: .zero, scalarRoot: scalarRoot, expiry: expiry,
            lnFeeRateRoot: lnFeeRateRoot, reserveFeePercent: reserveFeePercent, lastLnImpliedRate: .zero)
        // PT per asset in the pool, e^logit, from the curve the contract will use (the anchor in wei, its rateScalar
        // = scalarRoot · 365 d / t) and E − anchor without cancellation near 1 (expm1, the anchor's excess over 1 in
        // wei): the rule's `Double` proportion loses the anchor's last ~100 wei, which matters when E − 1 is tiny.
        let rateScalar: Wad
        do {
            rateScalar = try PendleMarketMath.getRateScalar(scalarRoot, timeToExpiry: secondsToExpiry)
        } catch {
            throw .curveOutOfRange(min: band.min, max: band.max, reason: error.message)
        }
        let excess = expm1(log1p(impliedApy) * years) - Wad(raw: anchor.raw &- Wad.one.raw).doubleValue
        let ptPerAssetInPool = exp(excess * rateScalar.doubleValue)
        guard ptPerAssetInPool.isFinite, ptPerAssetInPool > 0 else {
            throw .curveOutOfRange(min: band.min, max: band.max, reason: "the PT proportion rounds to 0 or 1")
        }
        let targetValue = liquidityUsd / stockPrice
        var asset = targetValue / (1 + ptPerAssetInPool * exp(-log1p(impliedApy) * years))
        var seeded = try seed(
            empty, asset: asset, ptPerAsset: ptPerAssetInPool, pyIndex: pyIndex, anchor: anchor,
            blockTime: blockTime, years: years, liquidityUsd: liquidityUsd)
        for _ in 0..<3 {
            let ratio = targetValue / seeded.valueInAsset
            guard abs(ratio - 1) > 1e-15 else { break }
            asset *= ratio
            let next = try seed(
                empty, asset: asset, ptPerAsset: ptPerAssetInPool, pyIndex: pyIndex, anchor: anchor,
                blockTime: blockTime, years: years, liquidityUsd: liquidityUsd)
            if abs(next.valueInAsset / targetValue - 1) >= abs(seeded.valueInAsset / targetValue - 1) { break }
            seeded = next
        }

        let file = MarketFile(
            origin: name ?? "new market", market: seeded.market, pyIndex: pyIndex, name: name, underlying: underlying,
            stockPrice: stockPrice, blockTime: blockTime, source: source, notes: notes)
        return NewMarket(
            file: file, apyBand: band, initialAnchor: anchor, initialProportion: proportion,
            lpToAccount: seeded.lpToAccount, lpToReserve: seeded.lpToReserve,
            impliedApy: expm1(seeded.market.lastLnImpliedRate.doubleValue), poolValueInAsset: seeded.valueInAsset,
            poolValueUsd: seeded.valueInAsset * stockPrice, expiryIsThursdayMidnightUtc: isThursdayMidnightUtc(expiry))
    }

    /// The market seeded with `asset` (as SY) and the PT at `ptPerAsset` of it, and its value read back.
    ///
    /// At a zero APY the rule's proportion prices an exchange rate of exactly 1, and the contract's rounding can
    /// land a wei below it (`MarketExchangeRateBelowOne`): the PT is then raised by a relative 1e-15, 4e-15, …
    /// (at most 1e-6) until the rate is ≥ 1. That moves the implied APY by about the same relative amount divided
    /// by `scalarRoot` (below 1e-17 in practice, under 1e-8 at worst).
    private static func seed(
        _ empty: MarketState<Wad>, asset: Double, ptPerAsset: Double, pyIndex: Wad, anchor: Wad,
        blockTime: Int64, years: Double, liquidityUsd: Double
    )
        throws(NewMarketError) -> (market: MarketState<Wad>, valueInAsset: Double, lpToAccount: Wad, lpToReserve: Wad)
    {
        guard let assetWad = Wad(rounding: asset) else { throw .poolTooLarge(liquidityUsd: liquidityUsd) }
        var raise = 0.0
        while true {
            let added: PendleMarketMath.AddLiquidityResult<Wad>
            do {
                let totalSy = try assetWad.assetToSy(index: pyIndex)
                let totalAsset = try totalSy.syToAsset(index: pyIndex)
                guard let totalPt = Wad(rounding: totalAsset.doubleValue * ptPerAsset * (1 + raise)) else {
                    throw NewMarketError.poolTooLarge(liquidityUsd: liquidityUsd)
                }
                added = try PendleMarketMath.addLiquidityCore(empty, syDesired: totalSy, ptDesired: totalPt, blockTime: blockTime)
            } catch PendleError.marketZeroAmountsInput, PendleError.marketZeroAmountsOutput {
                throw .poolTooSmall(liquidityUsd: liquidityUsd)
            } catch let error as NewMarketError {
                throw error
            } catch {
                throw .poolTooLarge(liquidityUsd: liquidityUsd)
            }
            do {
                let market = try PendleMarketMath.setInitialLnImpliedRate(
                    added.market, pyIndex: pyIndex, initialAnchor: anchor,
                    blockTime: blockTime)
                let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
                // As `market show` reads it: totalAsset + totalPt · exp(−lnImpliedRate · years).
                let value = comp.totalAsset.doubleValue + market.totalPt.doubleValue * exp(-market.lastLnImpliedRate.doubleValue * years)
                return (market, value, added.lpToAccount, added.lpToReserve)
            } catch .marketExchangeRateBelowOne where raise < 1e-6 {
                raise = raise == 0 ? 1e-15 : raise * 4
            } catch {
                throw .contractRevert(step: "setInitialLnImpliedRate", error)
            }
        }
    }
}

/// An input of ``MarketDeployment/newMarket(impliedApy:expiry:blockTime:liquidityUsd:stockPrice:annualFee:apyBand:pyIndex:reserveFeePercent:name:underlying:source:notes:)``
/// that cannot make a market, with what to change.
///
/// | ``errorName`` | case |
/// | --- | --- |
/// | `NotFinite` | ``notFinite(input:value:)`` |
/// | `RateOutOfRange` | ``negativeApy(_:)`` |
/// | `NonPositiveLiquidity` | ``nonPositiveLiquidity(_:)`` |
/// | `NonPositivePrice` | ``nonPositiveStockPrice(_:)`` |
/// | `InvalidFee` | ``feeOutOfRange(_:)`` |
/// | `NonPositiveExchangeRate` | ``nonPositivePyIndex(_:)`` |
/// | `InvalidReserveFeePercent` | ``reserveFeePercentOutOfRange(_:)`` |
/// | `TimeOutOfRange` | ``timeOutOfRange(input:value:)`` |
/// | `ExpiryNotAfterBlockTime` | ``expiryNotAfterBlockTime(expiry:blockTime:)`` |
/// | `InvalidApyBand` | ``invalidApyBand(min:max:)`` |
/// | `ApyOutsideBand` | ``apyOutsideBand(apy:min:max:)`` |
/// | `CurveOutOfRange` | ``curveOutOfRange(min:max:reason:)`` |
/// | `PoolTooSmall`, `PoolTooLarge` | ``poolTooSmall(liquidityUsd:)``, ``poolTooLarge(liquidityUsd:)`` |
/// | the contract's revert name | ``contractRevert(step:_:)`` |
public enum NewMarketError: DomainError, Equatable {
    /// An input is NaN or infinite (`impliedApy`, `liquidityUsd`, `stockPrice`, `annualFee`, `apyBand.min`, `apyBand.max`).
    case notFinite(input: String, value: Double)
    case negativeApy(Double)
    case nonPositiveLiquidity(Double)
    case nonPositiveStockPrice(Double)
    /// An annual fee below 0 or above 5 % (the factory caps `lnFeeRateRoot` at ln 1.05).
    case feeOutOfRange(Double)
    case nonPositivePyIndex(Wad)
    /// A reserve share outside 0 … 100 %.
    case reserveFeePercentOutOfRange(Int64)
    /// `blockTime` before 1970, or a time after 9999.
    case timeOutOfRange(input: String, value: Int64)
    case expiryNotAfterBlockTime(expiry: Int64, blockTime: Int64)
    /// A band with `min < 0` or `min ≥ max`.
    case invalidApyBand(min: Double, max: Double)
    case apyOutsideBand(apy: Double, min: Double, max: Double)
    /// The band gives no usable curve (a `scalarRoot` beyond int256, a proportion that rounds to 0 or 1).
    case curveOutOfRange(min: Double, max: Double, reason: String)
    /// The pool is too small for the first add (`MarketZeroAmountsInput` / `MarketZeroAmountsOutput`: √(SY · PT)
    /// must exceed the 1000 wei locked in the reserve).
    case poolTooSmall(liquidityUsd: Double)
    /// The pool's amounts do not fit the contract's 256-bit arithmetic.
    case poolTooLarge(liquidityUsd: Double)
    /// A step of the exact build reverted.
    case contractRevert(step: String, PendleError)

    public var errorName: String {
        switch self {
        case .notFinite: return "NotFinite"
        case .negativeApy: return "RateOutOfRange"
        case .nonPositiveLiquidity: return "NonPositiveLiquidity"
        case .nonPositiveStockPrice: return "NonPositivePrice"
        case .feeOutOfRange: return "InvalidFee"
        case .nonPositivePyIndex: return "NonPositiveExchangeRate"
        case .reserveFeePercentOutOfRange: return "InvalidReserveFeePercent"
        case .timeOutOfRange: return "TimeOutOfRange"
        case .expiryNotAfterBlockTime: return "ExpiryNotAfterBlockTime"
        case .invalidApyBand: return "InvalidApyBand"
        case .apyOutsideBand: return "ApyOutsideBand"
        case .curveOutOfRange: return "CurveOutOfRange"
        case .poolTooSmall: return "PoolTooSmall"
        case .poolTooLarge: return "PoolTooLarge"
        case .contractRevert(_, let error): return error.errorName
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .notFinite(let input, let value): return [input, value.description]
        case .negativeApy(let value), .nonPositiveLiquidity(let value), .nonPositiveStockPrice(let value),
            .feeOutOfRange(let value), .poolTooSmall(let value), .poolTooLarge(let value):
            return [value.description]
        case .nonPositivePyIndex(let index): return [index.raw.description]
        case .reserveFeePercentOutOfRange(let value): return [String(value)]
        case .timeOutOfRange(let input, let value): return [input, String(value)]
        case .expiryNotAfterBlockTime(let expiry, let blockTime): return [String(expiry), String(blockTime)]
        case .invalidApyBand(let min, let max), .curveOutOfRange(let min, let max, _): return [min.description, max.description]
        case .apyOutsideBand(let apy, let min, let max): return [apy.description, min.description, max.description]
        case .contractRevert(_, let error): return error.errorArgs
        }
    }

    public var message: String {
        switch self {
        case .notFinite(let input, let value):
            return "NotFinite: \(input) is \(value); give a finite number"
        case .negativeApy(let value):
            return
                "RateOutOfRange: the target implied APY \(Self.percent(value)) is negative; Pendle rates are ≥ 0, give an APY ≥ 0 (0.3%, 30bp or 0.003)"
        case .nonPositiveLiquidity(let value):
            return "NonPositiveLiquidity: the liquidity \(Self.plain(value)) USD is not positive; give the pool's value in USD, > 0 (e.g. 20000000)"
        case .nonPositiveStockPrice(let value):
            return "NonPositivePrice: the stock price \(Self.plain(value)) USD is not positive; give USD per share, > 0 (e.g. 230)"
        case .feeOutOfRange(let value):
            return
                "InvalidFee: the annual fee \(Self.percent(value)) is outside 0 … 5 % (the market factory caps lnFeeRateRoot at ln 1.05); give a fee such as 0.1%"
        case .nonPositivePyIndex(let index):
            return "NonPositiveExchangeRate: the PY index \(index) is not positive; give asset per SY, > 0 (1 at the token's launch)"
        case .reserveFeePercentOutOfRange(let value):
            return
                "InvalidReserveFeePercent: the reserve's share of fees is \(value) %; the market factory takes 0 to 100, give a value in that range (Pendle uses 80)"
        case .timeOutOfRange(let input, let value):
            return input == "blockTime" && value < 0
                ? "TimeOutOfRange: the block time \(value) is before 1970; give a block time ≥ 0 (Unix seconds)"
                : "TimeOutOfRange: \(input) \(value) lies outside years 1970–9999; give a time in that range"
        case .expiryNotAfterBlockTime(let expiry, let blockTime):
            return "ExpiryNotAfterBlockTime: the expiry \(UnixTime.format(expiry)) is not after the block time \(UnixTime.format(blockTime)); "
                + "a market is created before it expires: give a later expiry or an earlier block time"
        case .invalidApyBand(let min, let max):
            return min < 0
                ? "InvalidApyBand: the APY band \(Self.percent(min))..\(Self.percent(max)) starts below 0; give a band with 0 ≤ min < max (e.g. 0.1%..1%)"
                : "InvalidApyBand: the APY band \(Self.percent(min))..\(Self.percent(max)) is empty; give a band whose minimum is below its maximum (e.g. 0.1%..1%)"
        case .apyOutsideBand(let apy, let min, let max):
            return
                "ApyOutsideBand: the target APY \(Self.percent(apy)) is outside the band \(Self.percent(min))..\(Self.percent(max)) the curve is sized for; "
                + "give a band that includes it (or none: the default is APY/3..3·APY)"
        case .curveOutOfRange(let min, let max, let reason):
            return
                "CurveOutOfRange: the band \(Self.percent(min))..\(Self.percent(max)) gives no usable curve for this time to expiry (\(reason)); give a wider band"
        case .poolTooSmall(let value):
            return
                "PoolTooSmall: a pool worth \(Self.plain(value)) USD is too small for the first addLiquidityCore (√(SY · PT) must exceed the 1000 wei of LP locked in the reserve); give a larger liquidity"
        case .poolTooLarge(let value):
            return
                "PoolTooLarge: a pool worth \(Self.plain(value)) USD does not fit the contract's 256-bit arithmetic (SY · PT overflows); give a smaller liquidity or a higher stock price"
        case .contractRevert(let step, let error):
            return "\(error.message) (in the market's first \(step)); give another APY band or time to expiry"
        }
    }

    /// `-5`, `1e+60`: ten significant digits.
    static func plain(_ value: Double) -> String { String(format: "%.10g", value) }

    /// `0.3 %` for 0.003: ten significant digits of the percentage.
    static func percent(_ value: Double) -> String {
        String(format: "%.10g %%", value * 100)
    }
}
