import Foundation
import Testing
import YieldStrip

/// Properties of the market math on the vector markets: the `Double` flavour tracks the exact one, round
/// trips never gain, fees are never negative, the implied rate moves the right way and monotonically, and
/// the exact-input solver is optimal.
@Suite struct MarketPropertyTests {
    /// The successful trade cases of market_trade.json: varied markets, indexes, times and sizes.
    nonisolated(unsafe) static let cases: [VectorCase] = ((try? Vectors.load("market_trade")) ?? []).filter { $0.expectedError == nil }

    @Test func doubleTracksExact() throws {
        #expect(Self.cases.count > 300)
        var worst = 0.0
        var compared = 0
        for c in Self.cases {
            let market = c.market()
            let index = c.wad("pyIndex")
            let time = c.int64("blockTime")
            let net = c.wad("netPtToAccount")
            let exact = try PendleMarketMath.executeTradeCore(market, pyIndex: index, netPtToAccount: net, blockTime: time)
            // Away from the edges: trades of at least 1e-6 of the pool, pools not at the proportion cap.
            guard abs(net.doubleValue) > 1e-6 * market.totalPt.doubleValue,
                let approxMarket = market.converted(to: Double.self),
                let approx = try? PendleMarketMath.executeTradeCore(
                    approxMarket, pyIndex: index.doubleValue,
                    netPtToAccount: net.doubleValue, blockTime: time)
            else { continue }
            compared += 1
            let relative = abs(approx.netSyToAccount - exact.netSyToAccount.doubleValue) / abs(exact.netSyToAccount.doubleValue)
            worst = max(worst, relative)
            let rateDiff = abs(approx.market.lastLnImpliedRate - exact.market.lastLnImpliedRate.doubleValue)
            #expect(rateDiff <= 1e-12 + 1e-9 * exact.market.lastLnImpliedRate.doubleValue, "implied rate differs by \(rateDiff)")
        }
        #expect(compared > 150)
        #expect(worst < 1e-11, "worst relative difference \(worst)")
    }

    /// A router swap's `Double` answer against the exact one, with its conditioning: a YT trade's amount is a
    /// small difference of large ones (a YT sale's SY is `exactYtIn` less the PT bought back; buying YT, the leg
    /// is the budget over the YT's price), so it carries `executeTradeCore`'s relative error times
    /// κ = PT leg / the net amount (in asset; ≈ 1 / YT price; 1 for PT trades). Measured over every swap on
    /// the example markets (at their block time, halfway, and a day, an hour and a minute before expiry) and
    /// on vector markets (at their time and ten minutes before expiry): relative error ≤ 6.4e-12 · κ, with κ
    /// up to 2e9 a minute before expiry (3.9e-9 selling 90 % of the AAPL-like market's limit an hour before
    /// expiry, κ = 3.2e7).
    @Test func doubleSwapsTrackExactWithinTheirConditioning() throws {
        var markets: [(String, MarketState<Wad>, Wad, Int64)] = []
        for name in ["aapl-like.json", "spy-like-near-expiry.json", "asdpendle-high-yield.json"] {
            let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/markets").appendingPathComponent(name).path
            let file = try MarketFile.load(path: path)
            let start = try #require(file.blockTime)
            let left = file.market.expiry - start
            for time in [start, start + left / 2, file.market.expiry - 86_400, file.market.expiry - 3_600, file.market.expiry - 60]
            where time >= start {
                markets.append((name, file.market, file.pyIndex, time))
            }
        }
        for (i, c) in Self.cases.enumerated() where i % 10 == 0 {
            markets.append(("market_trade #\(i)", c.market(), c.wad("pyIndex"), c.int64("blockTime")))
            markets.append(("market_trade #\(i), 10 minutes before expiry", c.market(), c.wad("pyIndex"), c.market().expiry - 600))
        }
        var compared = 0
        var worst = 0.0
        var worstUnconditioned = 0.0
        var largestKappa = 0.0
        for (name, market, index, time) in markets {
            let approx = try #require(market.converted(to: Double.self))
            for kind in SwapKind.allCases {
                guard let largest = PendleMarketMath.largestAmount(kind, market: market, pyIndex: index, blockTime: time) else { continue }
                for fraction in [1e-6, 1e-4, 1e-2, 0.1, 0.3, 0.5, 0.9] {
                    guard let amount = Wad(approximating: largest.doubleValue * fraction), amount.isPositive,
                        let exact = try? PendleMarketMath.swap(kind, market: market, pyIndex: index, amount: amount, blockTime: time),
                        let leg = exact.trade?.netPtToAccount.doubleValue, exact.amountOut.doubleValue > 1e-9,
                        let real = try? PendleMarketMath.swap(
                            kind, market: approx, pyIndex: index.doubleValue, amount: amount.doubleValue,
                            blockTime: time)
                    else { continue }
                    let kappa: Double
                    switch kind {
                    case .swapExactSyForYt: kappa = abs(leg) / (exact.amountIn.doubleValue * index.doubleValue)
                    case .swapExactYtForSy: kappa = abs(leg) / (exact.amountOut.doubleValue * index.doubleValue)
                    case .swapExactPtForYt, .swapExactYtForPt: kappa = abs(leg) / min(exact.amountIn.doubleValue, exact.amountOut.doubleValue)
                    default: kappa = 1
                    }
                    let relative = abs(real.amountOut - exact.amountOut.doubleValue) / exact.amountOut.doubleValue
                    #expect(relative <= 1e-11 * kappa, "\(name) at \(time), \(kind) of \(amount): \(relative), κ = \(kappa)")
                    worst = max(worst, relative / kappa)
                    worstUnconditioned = max(worstUnconditioned, relative)
                    largestKappa = max(largestKappa, kappa)
                    compared += 1
                }
            }
        }
        #expect(compared > 5000 && largestKappa > 1e9)
        // Without the conditioning there is no bound worth stating: near expiry the error is ~1e-7.
        #expect(worst < 1e-11 && worstUnconditioned > 1e-8, "worst \(worst) · κ; \(worstUnconditioned) unconditioned")
    }

    @Test func roundTripNeverGainsAndFeesAreNonNegative() throws {
        for c in Self.cases.prefix(200) {
            let market = c.market()
            let index = c.wad("pyIndex")
            let time = c.int64("blockTime")
            let net = c.wad("netPtToAccount")
            let first = try PendleMarketMath.executeTradeCore(market, pyIndex: index, netPtToAccount: net, blockTime: time)
            #expect(!first.netSyFee.isNegative && !first.netSyToReserve.isNegative)
            #expect(first.netSyToReserve <= first.netSyFee)
            guard
                let back = try? PendleMarketMath.executeTradeCore(
                    first.market, pyIndex: index, netPtToAccount: net.negated(),
                    blockTime: time)
            else { continue }
            // Buying then selling back (or the reverse) returns at most the SY spent.
            #expect((try first.netSyToAccount + back.netSyToAccount) <= .zero)
        }
    }

    @Test func impliedRateMovesMonotonicallyWithSize() throws {
        for c in Self.cases.prefix(60) {
            let market = c.market()
            let index = c.wad("pyIndex")
            let time = c.int64("blockTime")
            for buying in [true, false] {
                var previous = market.lastLnImpliedRate
                for fraction in [1e-6, 1e-4, 1e-3, 1e-2, 3e-2] {
                    guard let size = Wad(approximating: market.totalPt.doubleValue * fraction),
                        let trade = try? PendleMarketMath.executeTradeCore(
                            market, pyIndex: index,
                            netPtToAccount: buying ? size : size.negated(),
                            blockTime: time)
                    else { break }
                    // Buying PT lowers the implied rate, selling raises it; larger trades move it further.
                    if buying { #expect(trade.market.lastLnImpliedRate <= previous) } else { #expect(trade.market.lastLnImpliedRate >= previous) }
                    previous = trade.market.lastLnImpliedRate
                }
            }
        }
    }

    @Test func exactInputSolverIsOptimal() throws {
        for (i, c) in Self.cases.prefix(120).enumerated() {
            let market = c.market()
            let index = c.wad("pyIndex")
            let time = c.int64("blockTime")
            guard let budget = Wad(approximating: market.totalSy.doubleValue * [1e-9, 1e-5, 1e-3, 2e-2][i % 4]) else { continue }
            let result = try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: budget, blockTime: time)
            guard let trade = result.trade else { continue }
            #expect((try trade.netSyToAccount.negated()) <= budget)
            // One more wei of PT costs more than the budget, or the market refuses it.
            let next = try result.amountOut + Wad(wei: 1)
            if let more = try? PendleMarketMath.executeTradeCore(market, pyIndex: index, netPtToAccount: next, blockTime: time) {
                #expect((try more.netSyToAccount.negated()) > budget, "case \(i): \(next) PT still fits")
            }
            // Budget-bound answers take a dozen or so evaluations (Newton, the rounding zone's two ends, the
            // reference bisection's few uncertain midpoints); where the market's own limit binds (the largest
            // budgets here), the limit from its headroom and a jump there (MarketLimitTests).
            let limitBound = PendleMarketMath.largestPtLeg(market, pyIndex: index, blockTime: time, buyingPt: true) == result.amountOut
            #expect(
                result.evaluations <= (limitBound ? 20 : 24),
                "case \(i): \(result.evaluations) evaluations, seed \(result.seedEvaluations), budget \(budget), out \(result.amountOut), totalPt \(market.totalPt)"
            )
        }
    }

    @Test func exactAndDoubleSolversAgree() throws {
        for (i, c) in Self.cases.prefix(80).enumerated() {
            let market = c.market()
            let index = c.wad("pyIndex")
            let time = c.int64("blockTime")
            guard let budget = Wad(approximating: market.totalSy.doubleValue * 1e-3), let approxMarket = market.converted(to: Double.self)
            else { continue }
            for kind in [SwapKind.swapExactSyForPt, .swapExactSyForYt, .swapExactPtForYt, .swapExactYtForPt, .swapPtForExactSy] {
                guard let exact = try? PendleMarketMath.swap(kind, market: market, pyIndex: index, amount: budget, blockTime: time),
                    exact.amountOut.doubleValue > 1e-9
                else { continue }
                let approx = try PendleMarketMath.swap(
                    kind, market: approxMarket, pyIndex: index.doubleValue,
                    amount: budget.doubleValue, blockTime: time)
                let a = kind == .swapPtForExactSy ? approx.amountIn : approx.amountOut
                let e = kind == .swapPtForExactSy ? exact.amountIn.doubleValue : exact.amountOut.doubleValue
                #expect(abs(a - e) <= 1e-9 * abs(e) + 1e-12, "case \(i) \(kind): Double \(a), exact \(e)")
            }
        }
    }
}
