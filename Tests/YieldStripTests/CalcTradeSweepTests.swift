import Foundation
import Testing
import YieldStrip

/// `calcTradeSweep` against the scalar `calcTrade` in `Double`: the same numbers (≤ 1e-14 relative) and the same
/// refusals, over thousands of sizes both ways, on the vector markets and on built ones.
@Suite struct CalcTradeSweepTests {
    /// A market, its block time and PY index, in `Double`.
    struct Case {
        var name: String
        var market: MarketState<Double>
        var pyIndex: Double
        var blockTime: Int64
    }

    /// The distinct markets of `market_trade.json` whose Double pre-compute succeeds at their block time.
    static func vectorCases() throws -> [Case] {
        var seen = Set<String>()
        var cases: [Case] = []
        for (i, c) in try Vectors.load("market_trade").enumerated() {
            let wad = c.market()
            guard let market = wad.converted(to: Double.self) else { continue }
            let pyIndex = c.wad("pyIndex").doubleValue
            let blockTime = c.int64("blockTime")
            let key = "\(market)|\(pyIndex)|\(blockTime)"
            guard !seen.contains(key),
                (try? PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)) != nil
            else { continue }
            seen.insert(key)
            cases.append(Case(name: "market_trade #\(i)", market: market, pyIndex: pyIndex, blockTime: blockTime))
        }
        return cases
    }

    /// Markets built here: a deep pool near the 96 % cap, a fee-free one, a shallow one near expiry, no reserve share.
    static let builtCases: [Case] = [
        Case(
            name: "near the cap",
            market: MarketState(
                totalPt: 9_400, totalSy: 160, totalLp: 3_000, scalarRoot: 15, expiry: 1_800_000_000,
                lnFeeRateRoot: 0.002, reserveFeePercent: 80, lastLnImpliedRate: 0.05),
            pyIndex: 1.7, blockTime: 1_770_000_000),
        Case(
            name: "no fee",
            market: MarketState(
                totalPt: 1_000_000, totalSy: 900_000, totalLp: 950_000, scalarRoot: 40, expiry: 1_800_000_000,
                lnFeeRateRoot: 0, reserveFeePercent: 0, lastLnImpliedRate: 0.12),
            pyIndex: 1.02, blockTime: 1_750_000_000),
        Case(
            name: "one hour to expiry",
            market: MarketState(
                totalPt: 52_000, totalSy: 81_000, totalLp: 60_000, scalarRoot: 9, expiry: 1_800_000_000,
                lnFeeRateRoot: 0.01, reserveFeePercent: 100, lastLnImpliedRate: 0.3),
            pyIndex: 3.1, blockTime: 1_800_000_000 - 3_600)
    ]

    /// Sizes across the whole domain: a log-spaced grid both ways up to 3 × totalPt, uniform draws, and the edges
    /// (0, −0, ±totalPt, the 96 % proportion, NaN, ±∞).
    static func sizes(for c: Case, count: Int) -> [Double] {
        let t = c.market.totalPt
        var sizes: [Double] = [0, -0.0, t, -t, t.nextUp, t.nextDown, .nan, .infinity, -.infinity, 1e-18, -1e-18]
        if let comp = try? PendleMarketMath.getMarketPreCompute(c.market, pyIndex: c.pyIndex, blockTime: c.blockTime) {
            let atCap = t - 0.96 * (t + comp.totalAsset)
            sizes += [atCap, atCap.nextUp, atCap.nextDown, -atCap]
        }
        let half = (count - sizes.count) / 2
        for k in 0..<half / 2 {
            let magnitude = t * 3 * Foundation.pow(10, -12 * Double(k) / Double(half / 2))
            sizes += [magnitude, -magnitude]
        }
        var random = SplitMix64(seed: 0x5EED_0013)
        while sizes.count < count {
            let u = Double(random.next() >> 11) * 0x1p-53
            sizes.append((u * 2.2 - 1.1) * t)
        }
        return sizes
    }

    static func relative(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / Swift.max(abs(a), abs(b))
    }

    /// Checks a sweep of `sizes` against the scalar path; returns the mismatches and the refused count.
    static func check(_ c: Case, _ comp: MarketPreCompute<Double>, pyIndex: Double, sizes: [Double]) -> (mismatches: [String], refused: Int) {
        let points = PendleMarketMath.calcTradeSweep(c.market, comp, pyIndex: pyIndex, netPtToAccount: sizes)
        var mismatches: [String] = []
        var refused = 0
        for (n, point) in zip(sizes, points) {
            do throws(PendleError) {
                let (amounts, rate) = try PendleMarketMath.calcTrade(c.market, comp, pyIndex: pyIndex, netPtToAccount: n)
                let worst = [
                    relative(point.netSyToAccount, amounts.netSyToAccount), relative(point.netSyFee, amounts.netSyFee),
                    relative(point.netSyToReserve, amounts.netSyToReserve), relative(point.preFeeExchangeRate, rate)
                ].max()!
                if !point.isValid || !(worst <= 1e-14) {
                    mismatches.append("\(c.name) n=\(n): sweep \(point), scalar \(amounts) rate \(rate)")
                }
            } catch {
                refused += 1
                if point.isValid || !point.netSyToAccount.isNaN || !point.netSyFee.isNaN || !point.netSyToReserve.isNaN {
                    mismatches.append("\(c.name) n=\(n): scalar throws \(error), sweep \(point)")
                }
            }
        }
        return (mismatches, refused)
    }

    @Test func agreesWithScalarCalcTrade() throws {
        let cases = try Self.vectorCases() + Self.builtCases
        #expect(cases.count >= 10)
        var mismatches: [String] = []
        var refusedTotal = 0
        var total = 0
        for c in cases {
            let comp = try PendleMarketMath.getMarketPreCompute(c.market, pyIndex: c.pyIndex, blockTime: c.blockTime)
            let sizes = Self.sizes(for: c, count: 4_096)
            let result = Self.check(c, comp, pyIndex: c.pyIndex, sizes: sizes)
            mismatches += result.mismatches
            refusedTotal += result.refused
            total += sizes.count
            // The count returned is the scalar path's refusals.
            let refused = sizes.withUnsafeBufferPointer { input in
                let out = UnsafeMutableBufferPointer<PendleMarketMath.TradeSweepPoint>.allocate(capacity: input.count)
                defer { out.deallocate() }
                return PendleMarketMath.calcTradeSweep(c.market, comp, pyIndex: c.pyIndex, netPtToAccount: input, into: out)
            }
            #expect(refused == result.refused, "\(c.name)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(10).joined(separator: "\n"))")
        // Both kinds of size are exercised: a real share refused, most priced.
        #expect(refusedTotal > total / 20 && refusedTotal < total / 2, "\(refusedTotal) of \(total) refused")
    }

    /// Pre-computes the scalar path refuses on every size (a zero divisor) give NaN everywhere, like it.
    @Test func degeneratePreComputesRefuseEverySize() throws {
        let c = Self.builtCases[1]
        let comp = try PendleMarketMath.getMarketPreCompute(c.market, pyIndex: c.pyIndex, blockTime: c.blockTime)
        let sizes = Self.sizes(for: c, count: 256)
        var zeroScalar = comp
        var zeroFee = comp
        zeroScalar.rateScalar = 0
        zeroFee.feeRate = 0
        for (variant, index) in [(zeroScalar, c.pyIndex), (zeroFee, c.pyIndex), (comp, 0.0)] {
            let result = Self.check(c, variant, pyIndex: index, sizes: sizes)
            #expect(result.mismatches.isEmpty, "\(result.mismatches.prefix(5))")
            #expect(result.refused == sizes.count)
        }
        // An anchor that puts every rate below 1.
        var low = comp
        low.rateAnchor = 0.5
        let result = Self.check(c, low, pyIndex: c.pyIndex, sizes: sizes)
        #expect(result.mismatches.isEmpty, "\(result.mismatches.prefix(5))")
    }

    @Test func emptyAndBufferForms() throws {
        let c = Self.builtCases[0]
        let comp = try PendleMarketMath.getMarketPreCompute(c.market, pyIndex: c.pyIndex, blockTime: c.blockTime)
        #expect(PendleMarketMath.calcTradeSweep(c.market, comp, pyIndex: c.pyIndex, netPtToAccount: []).isEmpty)
        let sizes = Self.sizes(for: c, count: 512)
        let array = PendleMarketMath.calcTradeSweep(c.market, comp, pyIndex: c.pyIndex, netPtToAccount: sizes)
        // A larger output buffer: only the first points are written.
        var buffer = [PendleMarketMath.TradeSweepPoint](
            repeating: .init(netSyToAccount: 7, netSyFee: 7, netSyToReserve: 7, preFeeExchangeRate: 7),
            count: sizes.count + 3)
        buffer.withUnsafeMutableBufferPointer { out in
            sizes.withUnsafeBufferPointer { _ = PendleMarketMath.calcTradeSweep(c.market, comp, pyIndex: c.pyIndex, netPtToAccount: $0, into: out) }
        }
        for (a, b) in zip(array, buffer) {
            #expect(a.isValid == b.isValid)
            if a.isValid { #expect(a == b) }
        }
        #expect(buffer.suffix(3).allSatisfy { $0.netSyToAccount == 7 })
    }
}
