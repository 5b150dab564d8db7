/// A Pendle V2 market's state as `readState` returns it, with Pendle's own field names.
///
/// `Scalar` is ``Wad`` for on-chain parity (values as read from chain, in wei) or `Double` for
/// analytics (the same values in units). Amounts: `totalPt` (PT), `totalSy` (SY), `totalLp` (LP tokens);
/// `scalarRoot`, `lnFeeRateRoot` (ln of the annual fee factor) and `lastLnImpliedRate`
/// (ln(1 + implied APY)) are 18-decimal numbers; `expiry` is a Unix time in seconds;
/// `reserveFeePercent` is the share of fees that goes to the treasury, base 100.
///
/// Source: `MarketState` in pendle-finance/pendle-core-v2-public `contracts/core/Market/MarketMathCore.sol`.
public struct MarketState<Scalar: PendleScalar>: Hashable, Sendable {
    public var totalPt: Scalar
    public var totalSy: Scalar
    public var totalLp: Scalar
    public var scalarRoot: Scalar
    /// Unix seconds; the market is expired once `expiry <= blockTime`.
    public var expiry: Int64
    public var lnFeeRateRoot: Scalar
    /// Base 100 (80 = 80 % of every fee goes to the reserve).
    public var reserveFeePercent: Int64
    public var lastLnImpliedRate: Scalar

    public init(
        totalPt: Scalar, totalSy: Scalar, totalLp: Scalar, scalarRoot: Scalar, expiry: Int64,
        lnFeeRateRoot: Scalar, reserveFeePercent: Int64, lastLnImpliedRate: Scalar
    ) {
        self.totalPt = totalPt
        self.totalSy = totalSy
        self.totalLp = totalLp
        self.scalarRoot = scalarRoot
        self.expiry = expiry
        self.lnFeeRateRoot = lnFeeRateRoot
        self.reserveFeePercent = reserveFeePercent
        self.lastLnImpliedRate = lastLnImpliedRate
    }

    /// `MiniHelpers.isExpired`: `expiry <= blockTime`.
    @inlinable
    public func isExpired(at blockTime: Int64) -> Bool { expiry <= blockTime }

    /// The same state in another scalar (e.g. exact → `Double` for analytics).
    /// Nil when a value cannot be represented in the target (a `Double` too large for int256 wei).
    public func converted<Other: PendleScalar>(to: Other.Type = Other.self) -> MarketState<Other>? {
        guard let pt = Other(approximating: totalPt.doubleValue), let sy = Other(approximating: totalSy.doubleValue),
            let lp = Other(approximating: totalLp.doubleValue), let root = Other(approximating: scalarRoot.doubleValue),
            let fee = Other(approximating: lnFeeRateRoot.doubleValue),
            let rate = Other(approximating: lastLnImpliedRate.doubleValue)
        else { return nil }
        return MarketState<Other>(
            totalPt: pt, totalSy: sy, totalLp: lp, scalarRoot: root, expiry: expiry,
            lnFeeRateRoot: fee, reserveFeePercent: reserveFeePercent, lastLnImpliedRate: rate)
    }
}

/// The values `getMarketPreCompute` derives once per block: `rateScalar = scalarRoot · 365 d / t`,
/// `totalAsset = syToAsset(pyIndex, totalSy)`, the `rateAnchor` that keeps the last implied rate, and
/// `feeRate = exp(lnFeeRateRoot · t / 365 d)`.
public struct MarketPreCompute<Scalar: PendleScalar>: Hashable, Sendable {
    public var rateScalar: Scalar
    public var totalAsset: Scalar
    public var rateAnchor: Scalar
    public var feeRate: Scalar

    @inlinable
    public init(rateScalar: Scalar, totalAsset: Scalar, rateAnchor: Scalar, feeRate: Scalar) {
        self.rateScalar = rateScalar
        self.totalAsset = totalAsset
        self.rateAnchor = rateAnchor
        self.feeRate = feeRate
    }
}

/// `calcTrade`'s outputs, from the account's point of view: positive = to the account.
/// `netSyToAccount < 0` means the account pays SY; `netSyFee` is the whole fee in SY,
/// `netSyToReserve` the part of it sent to the treasury.
public struct TradeAmounts<Scalar: PendleScalar>: Hashable, Sendable {
    public var netSyToAccount: Scalar
    public var netSyFee: Scalar
    public var netSyToReserve: Scalar

    @inlinable
    public init(netSyToAccount: Scalar, netSyFee: Scalar, netSyToReserve: Scalar) {
        self.netSyToAccount = netSyToAccount
        self.netSyFee = netSyFee
        self.netSyToReserve = netSyToReserve
    }
}

/// `executeTradeCore`'s result: the amounts and the market's new state (new `totalPt`, `totalSy` and
/// `lastLnImpliedRate`).
public struct ExecutedTrade<Scalar: PendleScalar>: Hashable, Sendable {
    public var netPtToAccount: Scalar
    public var amounts: TradeAmounts<Scalar>
    public var market: MarketState<Scalar>
    /// The pre-fee exchange rate (PT per asset; the PT price is its inverse) the trade executed at.
    public var preFeeExchangeRate: Scalar

    @inlinable
    public init(
        netPtToAccount: Scalar, amounts: TradeAmounts<Scalar>, market: MarketState<Scalar>,
        preFeeExchangeRate: Scalar
    ) {
        self.netPtToAccount = netPtToAccount
        self.amounts = amounts
        self.market = market
        self.preFeeExchangeRate = preFeeExchangeRate
    }

    @inlinable public var netSyToAccount: Scalar { amounts.netSyToAccount }
    @inlinable public var netSyFee: Scalar { amounts.netSyFee }
    @inlinable public var netSyToReserve: Scalar { amounts.netSyToReserve }

    /// `PendleMarketV7`'s `MarketZeroNetLPFee` condition: the LP's share of the fee,
    /// `syToAsset(pyIndex, netSyFee − netSyToReserve)`, is zero (the market contract reverts such swaps;
    /// MarketMathCore itself does not check it).
    public func zeroNetLpFee(pyIndex: Scalar) -> Bool {
        ((try? (netSyFee - netSyToReserve).syToAsset(index: pyIndex))?.isZero) ?? false
    }
}
