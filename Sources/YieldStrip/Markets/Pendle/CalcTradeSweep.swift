import Foundation

extension PendleMarketMath {
    /// One size of ``calcTradeSweep(_:_:pyIndex:netPtToAccount:into:)``: `calcTrade`'s SY amounts and its
    /// pre-fee exchange rate (PT per asset). A size the market refuses has NaN in every field.
    public struct TradeSweepPoint: Hashable, Sendable {
        public var netSyToAccount: Double
        public var netSyFee: Double
        public var netSyToReserve: Double
        public var preFeeExchangeRate: Double

        @inlinable
        public init(netSyToAccount: Double, netSyFee: Double, netSyToReserve: Double, preFeeExchangeRate: Double) {
            self.netSyToAccount = netSyToAccount
            self.netSyFee = netSyFee
            self.netSyToReserve = netSyToReserve
            self.preFeeExchangeRate = preFeeExchangeRate
        }

        /// Every field NaN: the point of a size the market refuses.
        public static let reverted = TradeSweepPoint(netSyToAccount: .nan, netSyFee: .nan, netSyToReserve: .nan, preFeeExchangeRate: .nan)

        /// False for a size the market refuses (its fields are NaN).
        @inlinable public var isValid: Bool { !preFeeExchangeRate.isNaN }
    }

    /// `calcTrade` in `Double` over many sizes on one market and one pre-compute: the scalar
    /// ``calcTrade(_:_:pyIndex:netPtToAccount:)`` with `S == Double`, one size after another in a tight loop over
    /// contiguous memory (no allocation, no generic dispatch, no error values). For depth tables, charts and
    /// search seeds that price a grid of sizes at one block.
    ///
    /// For each `n = netPtToAccount[i]` (PT to the account; positive buys PT), with `T = totalPt`,
    /// `A = comp.totalAsset`, `f = comp.feeRate`:
    /// ```
    /// p    = (T − n) / (T + A)                              refused when T < n, or p > 0.96
    /// rate = ln(p / (1 − p)) / rateScalar + rateAnchor      refused when p / (1 − p) ≤ 0 (p ≤ 0), or rate < 1
    /// pre  = −(n / rate)
    /// fee  = pre · (1 − f)                 buying (n > 0); refused when rate / f < 1
    ///      = −(pre · (1 − f) / f)          selling (n ≤ 0)
    /// netSyToAccount = (pre − fee) / pyIndex,  netSyFee = fee / pyIndex,
    /// netSyToReserve = (fee · reserveFeePercent / 100) / pyIndex,  preFeeExchangeRate = rate
    /// ```
    /// The domain is the scalar path's: a size on which it throws (`negative`, `MarketProportionTooHigh`,
    /// `out of bounds` for p ≤ 0, `MarketExchangeRateBelowOne` before or after the fee, a zero divisor in the
    /// pre-compute or `pyIndex`, a NaN size) gets
    /// ``TradeSweepPoint/reverted`` (NaN in every field) instead of an error; call the scalar `calcTrade` on it
    /// for the reason. Every other size gets the scalar path's numbers: the same `Double` operations in the
    /// same order with the same `log`, so the two agree to the last bit (the tests allow 1e-14 relative).
    ///
    /// `executeTradeCore`'s own check `totalPt ≤ n` is not `calcTrade`'s: `n = totalPt` here gives p = 0, refused.
    ///
    /// - Parameters:
    ///   - market: the market, converted to `Double` (``MarketState/converted(to:)``).
    ///   - comp: its pre-compute at the block (``getMarketPreCompute(_:pyIndex:blockTime:)``).
    ///   - pyIndex: asset per SY, the one `comp` was computed with.
    ///   - sizes: `netPtToAccount` of each trade, PT to the account (negative sells PT).
    ///   - output: at least `sizes.count` points; the first `sizes.count` are written.
    /// - Returns: the number of refused sizes.
    @discardableResult
    public static func calcTradeSweep(
        _ market: MarketState<Double>, _ comp: MarketPreCompute<Double>, pyIndex: Double,
        netPtToAccount sizes: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<TradeSweepPoint>
    ) -> Int {
        // The caller's buffer, sized by the caller (the array form sizes it): a programming error, like a too
        // short destination of `UnsafeMutableBufferPointer.update(from:)`, not input.
        precondition(output.count >= sizes.count, "calcTradeSweep: the output holds fewer points than there are sizes")
        guard let sizeBase = sizes.baseAddress, let outBase = output.baseAddress, sizes.count > 0 else { return 0 }
        let totalPt = market.totalPt
        let total = market.totalPt + comp.totalAsset
        let rateScalar = comp.rateScalar
        let rateAnchor = comp.rateAnchor
        let feeRate = comp.feeRate
        let oneMinusFee = 1 - feeRate
        let reservePercent = Double(market.reserveFeePercent)
        let percent = Double(percentageDecimals)
        let maxProportion = Double(wei: maxMarketProportionWei)
        // A zero divisor the scalar path meets on every size: all refused.
        if total == 0 || rateScalar == 0 || feeRate == 0 || pyIndex == 0 {
            for i in 0..<sizes.count { outBase[i] = .reverted }
            return sizes.count
        }
        var refused = 0
        for i in 0..<sizes.count {
            let n = sizeBase[i]
            // subNoNeg, the proportion cap (p = 1 is above it), ln's domain (false for NaN).
            let proportion = (totalPt - n) / total
            let logit = proportion / (1 - proportion)
            guard !(totalPt < n), !(proportion > maxProportion), logit > 0 else {
                outBase[i] = .reverted
                refused &+= 1
                continue
            }
            let rate = Foundation.log(logit) / rateScalar + rateAnchor
            let preFee = -(n / rate)
            let fee: Double
            if n > 0 {
                if rate / feeRate < 1 || rate < 1 {
                    outBase[i] = .reverted
                    refused &+= 1
                    continue
                }
                fee = preFee * oneMinusFee
            } else {
                if rate < 1 {
                    outBase[i] = .reverted
                    refused &+= 1
                    continue
                }
                fee = -(preFee * oneMinusFee / feeRate)
            }
            let reserve = fee * reservePercent / percent
            outBase[i] = TradeSweepPoint(
                netSyToAccount: (preFee - fee) / pyIndex, netSyFee: fee / pyIndex,
                netSyToReserve: reserve / pyIndex, preFeeExchangeRate: rate)
        }
        return refused
    }

    /// ``calcTradeSweep(_:_:pyIndex:netPtToAccount:into:)`` on an array: one point per size of `sizes` (NaN fields
    /// where the market refuses the size).
    public static func calcTradeSweep(
        _ market: MarketState<Double>, _ comp: MarketPreCompute<Double>, pyIndex: Double, netPtToAccount sizes: [Double]
    ) -> [TradeSweepPoint] {
        [TradeSweepPoint](unsafeUninitializedCapacity: sizes.count) { buffer, count in
            _ = sizes.withUnsafeBufferPointer { calcTradeSweep(market, comp, pyIndex: pyIndex, netPtToAccount: $0, into: buffer) }
            count = sizes.count
        }
    }
}
