import Foundation
import Testing
import YieldStrip

/// A quote's `largestUsefulAmount`: where selling YT (for SY, or for PT) pays the most. The market's
/// `largestAmount` that way is a trade that returns nothing; the useful one is the peak, checked against the
/// curve's closed form and against exact quotes either side of it.
@Suite struct QuoteUsefulAmountTests {
    static func aapl() throws -> MarketFile {
        try MarketFile.load(
            path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples/markets/aapl-like.json").path)
    }

    /// The PT leg `g` that maximizes `g · (1 − φ / r(g))`, the asset a YT sale of a `g`-PT leg returns: the root
    /// of its derivative `1 − φ / r + g φ r' / r²`, by bisection, on the curve written out from the state.
    static func peakLeg(_ market: MarketState<Wad>, pyIndex: Wad, blockTime: Int64, rateAnchor: Double) -> (leg: Double, ptPerAsset: Double) {
        let years = Double(market.expiry - blockTime) / 31_536_000
        let pt = market.totalPt.doubleValue
        let total = pt + market.totalSy.doubleValue * pyIndex.doubleValue
        let s = market.scalarRoot.doubleValue / years
        let phi = Foundation.exp(market.lnFeeRateRoot.doubleValue * years)
        func rate(_ g: Double) -> (r: Double, slope: Double) {
            let p = (pt - g) / total
            return (Foundation.log(p / (1 - p)) / s + rateAnchor, -1 / (s * total * p * (1 - p)))
        }
        var lo = 0.0
        var hi = pt * 0.999
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            let (r, slope) = rate(mid)
            if r > phi && 1 - phi / r + mid * phi * slope / (r * r) > 0 { lo = mid } else { hi = mid }
        }
        return (lo, rate(lo).r / phi)
    }

    @Test func sellingYtPeaksBeforeTheMarketsLimit() throws {
        let file = try Self.aapl()
        let market = file.market
        let index = file.pyIndex
        let time = try #require(file.blockTime)
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: time)
        let (peakLeg, ptPerAssetAtPeak) = Self.peakLeg(market, pyIndex: index, blockTime: time, rateAnchor: comp.rateAnchor.doubleValue)
        func quote(_ kind: SwapKind, _ amount: Wad) throws -> SwapQuote<Wad> {
            try PendleMarketMath.quote(kind, market: market, pyIndex: index, amount: amount, blockTime: time)
        }
        for kind in [SwapKind.swapExactYtForSy, .swapExactYtForPt] {
            let probe = try quote(kind, Wad(units: 1))
            let largest = try #require(probe.largestAmount)
            let useful = try #require(probe.largestUsefulAmount)
            // The market's limit: the trade executes and returns nothing, at a price impact of 100 %.
            let atLimit = try quote(kind, largest)
            #expect(atLimit.amountOut.isZero && atLimit.priceImpact == 1, "\(kind)")
            // The peak: selling YT (the leg is the YT given), or spending YT on the leg's cost (the YT given is
            // the leg at φ / r each), as the closed form puts it.
            let expected = kind == .swapExactYtForSy ? peakLeg : peakLeg / ptPerAssetAtPeak
            #expect(abs(useful.doubleValue / expected - 1) < 1e-6, "\(kind): \(useful) against \(expected)")
            // Exact quotes around it get less; giving more than the peak never gets more.
            let best = try quote(kind, useful).amountOut
            #expect(best.doubleValue > 0.5 && best > atLimit.amountOut)
            for factor in [0.99, 0.999, 1.001, 1.01, 1.2, 1.5] {
                guard let amount = Wad(approximating: useful.doubleValue * factor), amount < largest else { continue }
                #expect(try quote(kind, amount).amountOut < best, "\(kind) × \(factor)")
            }
        }
    }

    /// Where what the account receives grows all the way to the limit, the useful amount is the largest.
    @Test func monotoneTradesAreUsefulUpToTheirLimit() throws {
        let file = try Self.aapl()
        let time = try #require(file.blockTime)
        for kind in [SwapKind.swapExactSyForPt, .swapExactPtForSy, .swapSyForExactPt, .swapPtForExactSy, .swapExactSyForYt, .swapExactPtForYt] {
            let quote = try PendleMarketMath.quote(kind, market: file.market, pyIndex: file.pyIndex, amount: Wad(units: 1), blockTime: time)
            #expect(quote.largestAmount != nil && quote.largestUsefulAmount == quote.largestAmount, "\(kind)")
        }
    }
}
