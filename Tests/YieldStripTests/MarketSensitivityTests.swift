import Foundation
import Testing
import YieldStrip

/// The snapshot's basis-point sensitivities: first-order estimates, checked against the curve's closed form
/// and against the exact trades that move the implied APY by one basis point.
@Suite struct MarketSensitivityTests {
    static let year = 31_536_000.0

    /// The example markets at their block times, and a spread of reference-vector markets.
    static func markets() throws -> [(name: String, market: MarketState<Wad>, pyIndex: Wad, blockTime: Int64)] {
        var markets: [(String, MarketState<Wad>, Wad, Int64)] = []
        for name in ["aapl-like.json", "spy-like-near-expiry.json", "asdpendle-high-yield.json"] {
            let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/markets").appendingPathComponent(name).path
            let file = try MarketFile.load(path: path)
            markets.append((name, file.market, file.pyIndex, try #require(file.blockTime)))
        }
        for (i, c) in MarketPropertyTests.cases.enumerated() where i % 25 == 0 {
            markets.append(("market_trade #\(i)", c.market(), c.wad("pyIndex"), c.int64("blockTime")))
        }
        return markets
    }

    /// The implied APY after executing `size` PT (bought when `buying`), exact.
    static func apyAfter(_ market: MarketState<Wad>, pyIndex: Wad, blockTime: Int64, size: Double, buying: Bool) -> Double? {
        guard let n = Wad(approximating: buying ? size : -size),
            let trade = try? PendleMarketMath.executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: n, blockTime: blockTime)
        else { return nil }
        return Foundation.expm1(trade.market.lastLnImpliedRate.doubleValue)
    }

    @Test func firstOrderBasisPointAgainstTheExactCurve() throws {
        var checked = 0
        for (name, market, pyIndex, blockTime) in try Self.markets() {
            let snapshot = try PendleMarketMath.snapshot(market, pyIndex: pyIndex, blockTime: blockTime)
            // The closed form, from the state: p = P / (P + A), r = ln(p / (1 − p)) / s + anchor,
            // |dr/dn| = 1 / (s (P + A) p (1 − p)); after a trade of n PT the pool holds P − n PT and
            // A + a·n asset, a = the asset it takes per PT (bought: φ / r less the reserve's cut of the fee
            // (φ − 1) / r; sold: it pays 1 / (φ r) plus the reserve's cut), so the new proportion moves by
            // (1 − p (1 − a)) / (P + A) per PT. One basis point of APY is 1e-4 / (1 + APY) of the ln rate.
            let years = Double(market.expiry - blockTime) / Self.year
            let pt = market.totalPt.doubleValue
            let asset = market.totalSy.doubleValue * pyIndex.doubleValue
            let s = market.scalarRoot.doubleValue / years
            let p = pt / (pt + asset)
            let rate = Foundation.log(p / (1 - p)) / s + snapshot.rateAnchor
            let phi = Foundation.exp(market.lnFeeRateRoot.doubleValue * years)
            let reserve = Double(market.reserveFeePercent) / 100
            let apy = Foundation.expm1(market.lastLnImpliedRate.doubleValue)
            func firstOrder(buying: Bool) -> Double {
                let a = buying ? (phi - reserve * (phi - 1)) / rate : (1 / phi + reserve * (phi - 1) / phi) / rate
                let lnRatePerPt = (1 - p * (1 - a)) / (s * (pt + asset) * p * (1 - p)) / rate / years
                return 1e-4 / (1 + apy) / lnRatePerPt
            }
            // (Capped at the largest leg: zero where no trade executes that way.)
            let buyCap = min(firstOrder(buying: true), snapshot.largestPtBuy.doubleValue)
            let sellCap = min(firstOrder(buying: false), snapshot.largestPtSell.doubleValue)
            #expect(abs(snapshot.ptPerBasisPointBuy - buyCap) <= 1e-9 * buyCap, "\(name)")
            #expect(abs(snapshot.ptPerBasisPointSell - sellCap) <= 1e-9 * sellCap, "\(name)")

            // The exact trades: buying the estimate lowers the APY by about one basis point, selling it raises
            // it by about one (measured: 0.987–1.014 bp, the curve's bend; 0.967 bp on a vector market before
            // the pool's asset was counted); and the size that moves it by exactly one basis point (bisection
            // on the exact curve) is within 2 % of the estimate.
            for buying in [true, false] {
                let estimate = buying ? snapshot.ptPerBasisPointBuy : snapshot.ptPerBasisPointSell
                guard abs(estimate - firstOrder(buying: buying)) <= 1e-9 * estimate,
                    estimate * 1.5 < (buying ? snapshot.largestPtBuy : snapshot.largestPtSell).doubleValue,
                    let after = Self.apyAfter(market, pyIndex: pyIndex, blockTime: blockTime, size: estimate, buying: buying)
                else { continue }
                let moveBp = (buying ? apy - after : after - apy) * 1e4
                #expect(moveBp > 0.98 && moveBp < 1.02, "\(name) \(buying ? "buy" : "sell"): \(moveBp) bp")
                var lo = 0.5 * estimate
                var hi = 1.5 * estimate
                for _ in 0..<40 {
                    let mid = (lo + hi) / 2
                    guard let moved = Self.apyAfter(market, pyIndex: pyIndex, blockTime: blockTime, size: mid, buying: buying) else {
                        hi = mid
                        continue
                    }
                    if (buying ? apy - moved : moved - apy) < 1e-4 { lo = mid } else { hi = mid }
                }
                #expect(abs(estimate / lo - 1) < 0.02, "\(name) \(buying ? "buy" : "sell"): one basis point takes \(lo) PT, estimated \(estimate)")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
