import Foundation
import YieldStrip

/// A market to measure on: a vector market with a large pool and a mid-range implied rate. (Fixed
/// constants: the force unwraps below parse literals that are known to be valid.)
enum Fixture {
    static let market = MarketState<Wad>(
        totalPt: Wad(raw: Int256("1931664666556323365471717")!), totalSy: Wad(raw: Int256("238047112276250971722271")!),
        totalLp: Wad(raw: Int256("1110967882082309955132183")!), scalarRoot: Wad(raw: Int256("10414195332580758148")!),
        expiry: 1_726_503_788, lnFeeRateRoot: Wad(raw: Int256("117308688020180")!), reserveFeePercent: 80,
        lastLnImpliedRate: Wad(raw: Int256("17877353975630388")!))
    static let pyIndex = Wad(raw: Int256("2866863895864076109")!)
    static let blockTime: Int64 = 1_711_326_603
    static let approxMarket = market.converted(to: Double.self)!
    static let approxIndex = pyIndex.doubleValue

    /// 64 trade sizes from 1 to ~5000 PT, both directions, so successive calls differ.
    static let tradeSizes: [Wad] = (0..<64).map { i in
        let units = pow(1.15, Double(i)) * (i % 2 == 0 ? 1 : -1)
        return Wad(rounding: units)!
    }
    static let approxTradeSizes = tradeSizes.map(\.doubleValue)
    /// 64 SY budgets from 1 to ~4000 SY.
    static let budgets: [Wad] = (0..<64).map { Wad(rounding: pow(1.14, Double($0)))! }
    static let approxBudgets = budgets.map(\.doubleValue)
    /// 64 wad arguments for ln / exp / mul / div.
    static let lnArguments: [Int256] = (0..<64).map { Int256(rounding: 1e18 * pow(1.37, Double($0 - 20)))! }
    static let ln36Arguments: [Int256] = (0..<64).map { Int256(rounding: 1e18 * (0.91 + 0.0029 * Double($0)))! }
    static let expArguments: [Int256] = (0..<64).map { Int256(rounding: 1e18 * (Double($0) * 0.37 - 5))! }
    static let smallOperands: [Int256] = (0..<64).map { Int256(rounding: 1e18 * (1 + Double($0) * 0.731))! }
    static let largeOperands: [Int256] = (0..<64).map { Int256(rounding: 1e27 * (1 + Double($0) * 0.731))! }
    static let doubles: [Double] = (0..<64).map { 1 + Double($0) * 0.731 }

    /// Two daily series of 10,001 values (10,000 changes), the spot moving 0.6 times the hedge plus its own
    /// noise, from a fixed linear congruential sequence; every date in both.
    static func hedgeSeries() throws -> (spot: DatedSeries, hedge: DatedSeries) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func noise() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53 - 0.5
        }
        var spot: [DatedValue] = []
        var hedge: [DatedValue] = []
        var s = 230.0
        var f = 500.0
        for k in 0...10_000 {
            let date = 1_700_006_400 + Int64(k) * 86_400
            let move = 10 * noise()
            f += move
            s += 0.6 * move + 3 * noise()
            spot.append(DatedValue(date: date, value: s, line: k + 2))
            hedge.append(DatedValue(date: date, value: f, line: k + 2))
        }
        return (try DatedSeries(source: "spot", column: "close", values: spot), try DatedSeries(source: "hedge", column: "close", values: hedge))
    }
}

/// Cycles through a fixture array: one element per call, no allocation.
struct Cursor {
    var position = 0
    mutating func next() -> Int {
        position = (position + 1) & 63
        return position
    }
}

/// The sweep rows' sizes: the 64 fixture sizes (1 … ~5,000 PT, both ways) repeated to 2^20, on the fixture
/// market pre-computed once (`scripts/bench-numpy.sh` prices the same sizes with numpy).
enum SweepFixture {
    static let rowName = "calcTrade Double sweep (per size)"
    static let count = 1 << 20
    static let smallCount = 4_096

    static func sizes() -> UnsafeMutableBufferPointer<Double> {
        let sizes = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        for i in 0..<count { (sizes.baseAddress! + i).initialize(to: Fixture.approxTradeSizes[i & 63]) }
        return sizes
    }

    /// The pre-computed market, the 64 sizes and the sweep's sum of `netSyToAccount` over the 2^20 sizes, as JSON
    /// (`--sweep-fixture`): numbers printed to round-trip, so another program prices the same doubles.
    static func json() throws -> String {
        let market = Fixture.approxMarket
        let index = Fixture.approxIndex
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: Fixture.blockTime)
        let sizes = Self.sizes()
        defer { sizes.deallocate() }
        let points = PendleMarketMath.calcTradeSweep(market, comp, pyIndex: index, netPtToAccount: Array(sizes))
        let sum = points.reduce(0.0) { $0 + ($1.isValid ? $1.netSyToAccount : 0) }
        let refused = points.count { !$0.isValid }
        func n(_ x: Double) -> String { "\(x)" }
        return "{\"totalPt\":\(n(market.totalPt)),\"totalAsset\":\(n(comp.totalAsset)),\"rateScalar\":\(n(comp.rateScalar)),"
            + "\"rateAnchor\":\(n(comp.rateAnchor)),\"feeRate\":\(n(comp.feeRate)),\"reserveFeePercent\":\(market.reserveFeePercent),"
            + "\"pyIndex\":\(n(index)),\"count\":\(count),\"sizes\":[\(Fixture.approxTradeSizes.map(n).joined(separator: ","))],"
            + "\"sumNetSyToAccount\":\(n(sum)),\"refused\":\(refused),\"rowName\":\"\(rowName)\"}"
    }
}

func coreBenchmarks() throws -> [Benchmark] {
    var c = Cursor()
    let market = Fixture.market
    let index = Fixture.pyIndex
    let time = Fixture.blockTime
    let approxMarket = Fixture.approxMarket
    let approxIndex = Fixture.approxIndex
    let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: time)
    let approxComp = try PendleMarketMath.getMarketPreCompute(approxMarket, pyIndex: approxIndex, blockTime: time)

    let curve = PendleV2Curve(market: market, pyIndex: index)
    let (spotSeries, hedgeSeries) = try Fixture.hedgeSeries()
    let approxCurve = PendleV2Curve(market: approxMarket, pyIndex: approxIndex)
    let threeTokens = try Position(parsing: "pt:1000,yt:-500,sy:250")
    let withLp = try Position(parsing: "pt:1000,yt:-500,lp:10,sy:250")
    let apyShifts = (0...100).map { Double($0 - 50) * 4e-4 }
    let priceShifts = (0...100).map { Double($0 - 50) * 0.004 }
    // A YieldSpace pool: 1,000,000 shares at c = 1.02, μ = 1, a 10-year stretch, g1Fee 9500, 90 days to maturity.
    let ysTs = try Fixed64x64.timeStretch(years: 10)
    let ysG1 = try Fixed64x64.g1(g1Fee: 9500)
    let ysC = Fixed64x64(rounding: 1.02)!
    let ysPool = try YieldSpacePool(
        sharesReserves: UInt256(1_000_000) &* UInt256(1_000_000_000_000_000_000),
        fyTokenReserves: UInt256(1_100_000) &* UInt256(1_000_000_000_000_000_000),
        totalSupply: UInt256(1_000_000) &* UInt256(1_000_000_000_000_000_000), c: ysC, mu: .one, ts: ysTs, g1Fee: 9500,
        maturity: time + 90 * 86_400, decimals: 18)
    let ysCurve = YieldSpaceCurve<Wad>(pool: ysPool)
    let ysApprox = YieldSpaceCurve<Double>(pool: ysPool)
    let ysSizes = Fixture.budgets.map { $0.raw.bits }

    // Evaluation counts for the solver rows: mean over the 64 budgets.
    func meanEvaluations(_ run: (Int) throws -> Int) rethrows -> String {
        var total = 0
        for i in 0..<64 { total += try run(i) }
        return String(format: "%.1f", Double(total) / 64)
    }
    let optimalEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: Fixture.budgets[$0], blockTime: time).evaluations
    }
    let seedEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: Fixture.budgets[$0], blockTime: time).seedEvaluations
    }
    let approxEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(
            .swapExactSyForPt, market: approxMarket, pyIndex: approxIndex, amount: Fixture.approxBudgets[$0],
            blockTime: time
        ).evaluations
    }
    let routerEvaluations = try meanEvaluations {
        try RouterApproximation.swapExactSyForPt(market, pyIndex: index, exactSyIn: Fixture.budgets[$0], blockTime: time).evaluations
    }
    let ytEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(.swapExactSyForYt, market: market, pyIndex: index, amount: Fixture.budgets[$0 / 4], blockTime: time).evaluations
    }
    let routerYtEvaluations = try meanEvaluations {
        try RouterApproximation.swapExactSyForYt(market, pyIndex: index, exactSyIn: Fixture.budgets[$0 / 4], blockTime: time).evaluations
    }
    // The current on-chain approximation on the same budgets (MarketApproxLibOnchain: spot estimate, ±5 %, eps 5e-5).
    let onchainEvaluations = meanEvaluations {
        RouterOnchainApproximation.swapExactSyForPt(market, pyIndex: index, exactSyIn: Fixture.budgets[$0], blockTime: time).evaluations
    }
    let onchainYtEvaluations = meanEvaluations {
        RouterOnchainApproximation.swapExactSyForYt(market, pyIndex: index, exactSyIn: Fixture.budgets[$0 / 4], blockTime: time).evaluations
    }
    // Where the market's limit binds: 64 budgets from 1.5 to 3 times what the largest leg costs, each way.
    let largestBuy = PendleMarketMath.largestAmount(.swapExactSyForPt, market: market, pyIndex: index, blockTime: time) ?? .zero
    let largestYt = PendleMarketMath.largestAmount(.swapExactSyForYt, market: market, pyIndex: index, blockTime: time) ?? .zero
    func beyond(_ largest: Wad, _ i: Int) -> Wad { Wad(approximating: largest.doubleValue * (1.5 + Double(i) / 42)) ?? largest }
    let limitBudgets = (0..<64).map { beyond(largestBuy, $0) }
    let limitYtBudgets = (0..<64).map { beyond(largestYt, $0) }
    let limitEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: limitBudgets[$0], blockTime: time).evaluations
    }
    let limitSeedEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: limitBudgets[$0], blockTime: time).seedEvaluations
    }
    let limitYtEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(.swapExactSyForYt, market: market, pyIndex: index, amount: limitYtBudgets[$0], blockTime: time).evaluations
    }
    let limitYtSeedEvaluations = try meanEvaluations {
        try PendleMarketMath.swap(.swapExactSyForYt, market: market, pyIndex: index, amount: limitYtBudgets[$0], blockTime: time).seedEvaluations
    }
    let routerLimitEvaluations = meanEvaluations {
        RouterApproximation.run(.swapExactSyForPt, market, pyIndex: index, exactSyIn: limitBudgets[$0], blockTime: time).evaluations
    }
    let routerLimitYtEvaluations = meanEvaluations {
        RouterApproximation.run(.swapExactSyForYt, market, pyIndex: index, exactSyIn: limitYtBudgets[$0], blockTime: time).evaluations
    }
    let onchainLimitEvaluations = meanEvaluations {
        RouterOnchainApproximation.swapExactSyForPt(market, pyIndex: index, exactSyIn: limitBudgets[$0], blockTime: time).evaluations
    }
    let onchainLimitYtEvaluations = meanEvaluations {
        RouterOnchainApproximation.swapExactSyForYt(market, pyIndex: index, exactSyIn: limitYtBudgets[$0], blockTime: time).evaluations
    }

    // Outputs of the many-operations rows and of the sweeps: allocated once, never freed (the process ends).
    let wideOut = UnsafeMutableBufferPointer<Int256>.allocate(capacity: 64)
    wideOut.initialize(repeating: Int256(0))
    let doubles = UnsafeMutableBufferPointer<Double>.allocate(capacity: 64)
    _ = doubles.initialize(from: Fixture.doubles)
    let doubleOut = UnsafeMutableBufferPointer<Double>.allocate(capacity: 64)
    doubleOut.initialize(repeating: 0)
    let sweepSizes = SweepFixture.sizes()
    let sweepOut = UnsafeMutableBufferPointer<PendleMarketMath.TradeSweepPoint>.allocate(capacity: SweepFixture.count)
    sweepOut.initialize(repeating: .reverted)
    let sweepSmallOut = UnsafeMutableBufferPointer<PendleMarketMath.TradeSweepPoint>.allocate(capacity: SweepFixture.smallCount)
    sweepSmallOut.initialize(repeating: .reverted)

    return [
        // The harness's own cost per call: a call of the row's closure and the black hole, nothing else.
        Benchmark(group: "harness", name: "empty call (black hole only)", note: "the floor of every one-operation row") {
            blackHole(0.0)
        },
        // Rows under ~50 ns run all 64 prepared inputs per call (the results stored, the store black-holed), so the
        // harness's per-call cost (the "empty call" row) is spread over 64 operations.
        Benchmark(group: "exact math", name: "mulDown (wad × wad)", operationsPerCall: 64) {
            for i in 0..<64 { wideOut[i] = try PMath.mulDown(Fixture.smallOperands[i], Fixture.smallOperands[i ^ 5]) }
            blackHole(wideOut)
        },
        Benchmark(group: "exact math", name: "mulDown (1e27 × 1e27, 256-bit product)", operationsPerCall: 64) {
            for i in 0..<64 { wideOut[i] = try PMath.mulDown(Fixture.largeOperands[i], Fixture.largeOperands[i ^ 5]) }
            blackHole(wideOut)
        },
        Benchmark(group: "exact math", name: "divDown (wad / wad)", operationsPerCall: 64) {
            for i in 0..<64 { wideOut[i] = try PMath.divDown(Fixture.smallOperands[i], Fixture.smallOperands[i ^ 5]) }
            blackHole(wideOut)
        },
        Benchmark(group: "exact math", name: "divDown (1e27 / 1e27)", operationsPerCall: 64) {
            for i in 0..<64 { wideOut[i] = try PMath.divDown(Fixture.largeOperands[i], Fixture.largeOperands[i ^ 5]) }
            blackHole(wideOut)
        },
        Benchmark(group: "exact math", name: "ln (general branch)") { blackHole(try LogExpMath.ln(Fixture.lnArguments[c.next()])) },
        Benchmark(group: "exact math", name: "ln (36-decimal branch, 0.9 … 1.1)") {
            blackHole(try LogExpMath.ln(Fixture.ln36Arguments[c.next()]))
        },
        Benchmark(group: "exact math", name: "exp (−5 … 18)") { blackHole(try LogExpMath.exp(Fixture.expArguments[c.next()])) },
        Benchmark(group: "Double", name: "a · b", operationsPerCall: 64) {
            for i in 0..<64 { doubleOut[i] = doubles[i] * doubles[i ^ 5] }
            blackHole(doubleOut)
        },
        Benchmark(group: "Double", name: "a / b", operationsPerCall: 64) {
            for i in 0..<64 { doubleOut[i] = doubles[i] / doubles[i ^ 5] }
            blackHole(doubleOut)
        },
        Benchmark(group: "Double", name: "log", operationsPerCall: 64) {
            for i in 0..<64 { doubleOut[i] = log(doubles[i]) }
            blackHole(doubleOut)
        },
        Benchmark(group: "Double", name: "exp", operationsPerCall: 64) {
            for i in 0..<64 { doubleOut[i] = exp(doubles[i]) }
            blackHole(doubleOut)
        },
        Benchmark(group: "market", name: "getMarketPreCompute exact") {
            blackHole(try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: time - Int64(c.next())))
        },
        Benchmark(group: "market", name: "calcTrade exact") {
            blackHole(try PendleMarketMath.calcTrade(market, comp, pyIndex: index, netPtToAccount: Fixture.tradeSizes[c.next()]))
        },
        Benchmark(group: "market", name: "calcTrade Double") {
            blackHole(
                try PendleMarketMath.calcTrade(
                    approxMarket, approxComp, pyIndex: approxIndex,
                    netPtToAccount: Fixture.approxTradeSizes[c.next()]))
        },
        Benchmark(
            group: "market", name: "calcTrade Double, scalar calls over 4,096 sizes (per size)", operationsPerCall: SweepFixture.smallCount,
            note: "the scalar call in a loop, results stored"
        ) {
            let out = sweepSmallOut
            for i in 0..<SweepFixture.smallCount {
                let (amounts, rate) = try PendleMarketMath.calcTrade(approxMarket, approxComp, pyIndex: approxIndex, netPtToAccount: sweepSizes[i])
                out[i] = PendleMarketMath.TradeSweepPoint(
                    netSyToAccount: amounts.netSyToAccount, netSyFee: amounts.netSyFee,
                    netSyToReserve: amounts.netSyToReserve, preFeeExchangeRate: rate)
            }
            blackHole(out)
        },
        Benchmark(
            group: "market", name: "calcTrade Double sweep, 4,096 sizes per call (per size)", operationsPerCall: SweepFixture.smallCount,
            note: "calcTradeSweep, in cache"
        ) {
            PendleMarketMath.calcTradeSweep(
                approxMarket, approxComp, pyIndex: approxIndex,
                netPtToAccount: UnsafeBufferPointer(rebasing: sweepSizes[0..<SweepFixture.smallCount]), into: sweepSmallOut)
            blackHole(sweepSmallOut)
        },
        Benchmark(
            group: "market", name: SweepFixture.rowName, operationsPerCall: SweepFixture.count,
            note: "calcTradeSweep, 1,048,576 sizes per call"
        ) {
            PendleMarketMath.calcTradeSweep(
                approxMarket, approxComp, pyIndex: approxIndex, netPtToAccount: UnsafeBufferPointer(sweepSizes),
                into: sweepOut)
            blackHole(sweepOut)
        },
        Benchmark(group: "market", name: "executeTradeCore exact (pre-compute + trade + new state)") {
            blackHole(
                try PendleMarketMath.executeTradeCore(
                    market, pyIndex: index, netPtToAccount: Fixture.tradeSizes[c.next()],
                    blockTime: time))
        },
        Benchmark(group: "market", name: "executeTradeCore Double") {
            blackHole(
                try PendleMarketMath.executeTradeCore(
                    approxMarket, pyIndex: approxIndex,
                    netPtToAccount: Fixture.approxTradeSizes[c.next()], blockTime: time))
        },
        Benchmark(
            group: "solver", name: "swapExactSyForPt exact (optimal, to the wei)",
            note: "\(optimalEvaluations) exact + \(seedEvaluations) Double evaluations"
        ) {
            blackHole(
                try PendleMarketMath.swap(
                    .swapExactSyForPt, market: market, pyIndex: index, amount: Fixture.budgets[c.next()],
                    blockTime: time))
        },
        Benchmark(group: "solver", name: "swapExactSyForPt Double", note: "\(approxEvaluations) evaluations") {
            blackHole(
                try PendleMarketMath.swap(
                    .swapExactSyForPt, market: approxMarket, pyIndex: approxIndex,
                    amount: Fixture.approxBudgets[c.next()], blockTime: time))
        },
        Benchmark(
            group: "solver", name: "router bisection (MarketApproxLibV2, eps 1e-4)",
            note: "\(routerEvaluations) evaluations, answer up to 0.01 % short"
        ) {
            blackHole(
                try RouterApproximation.swapExactSyForPt(
                    market, pyIndex: index, exactSyIn: Fixture.budgets[c.next()],
                    blockTime: time))
        },
        Benchmark(group: "solver", name: "swapExactSyForYt exact (optimal)", note: "\(ytEvaluations) exact evaluations") {
            blackHole(
                try PendleMarketMath.swap(
                    .swapExactSyForYt, market: market, pyIndex: index,
                    amount: Fixture.budgets[c.next() / 4], blockTime: time))
        },
        Benchmark(
            group: "solver", name: "router swapExactSyForYt (MarketApproxLibV2)",
            note: "\(routerYtEvaluations) evaluations incl. calcMaxPtIn"
        ) {
            blackHole(
                try RouterApproximation.swapExactSyForYt(
                    market, pyIndex: index, exactSyIn: Fixture.budgets[c.next() / 4],
                    blockTime: time))
        },
        Benchmark(
            group: "solver", name: "on-chain approx swapExactSyForPt (MarketApproxLibOnchain, eps 5e-5)",
            note: "\(onchainEvaluations) evaluations, answer up to 0.005 % short"
        ) {
            blackHole(RouterOnchainApproximation.swapExactSyForPt(market, pyIndex: index, exactSyIn: Fixture.budgets[c.next()], blockTime: time))
        },
        Benchmark(
            group: "solver", name: "on-chain approx swapExactSyForYt (MarketApproxLibOnchain)",
            note: "\(onchainYtEvaluations) evaluations"
        ) {
            blackHole(RouterOnchainApproximation.swapExactSyForYt(market, pyIndex: index, exactSyIn: Fixture.budgets[c.next() / 4], blockTime: time))
        },
        // The market's own limit binding: the budget buys more than the largest leg.
        Benchmark(
            group: "solver", name: "swapExactSyForPt exact, the market's limit binding",
            note: "\(limitEvaluations) exact + \(limitSeedEvaluations) Double evaluations"
        ) {
            blackHole(try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: limitBudgets[c.next()], blockTime: time))
        },
        Benchmark(
            group: "solver", name: "swapExactSyForYt exact, the market's limit binding",
            note: "\(limitYtEvaluations) exact + \(limitYtSeedEvaluations) Double evaluations"
        ) {
            blackHole(try PendleMarketMath.swap(.swapExactSyForYt, market: market, pyIndex: index, amount: limitYtBudgets[c.next()], blockTime: time))
        },
        Benchmark(
            group: "solver", name: "router MarketApproxLibV2, the limit binding (reverts)",
            note: "PT \(routerLimitEvaluations), YT \(routerLimitYtEvaluations) evaluations to APPROX_EXHAUSTED"
        ) {
            blackHole(RouterApproximation.run(.swapExactSyForPt, market, pyIndex: index, exactSyIn: limitBudgets[c.next()], blockTime: time))
        },
        Benchmark(
            group: "solver", name: "on-chain approx, the limit binding (reverts)",
            note: "PT \(onchainLimitEvaluations), YT \(onchainLimitYtEvaluations) evaluations to the revert"
        ) {
            blackHole(RouterOnchainApproximation.swapExactSyForPt(market, pyIndex: index, exactSyIn: limitBudgets[c.next()], blockTime: time))
        },
        Benchmark(group: "solver", name: "largestPtLeg exact, buying (analytic headroom)", note: "the market's limit, both ways") {
            blackHole(PendleMarketMath.largestPtLeg(market, pyIndex: index, blockTime: time - Int64(c.next()), buyingPt: true))
        },
        Benchmark(group: "solver", name: "largestPtLeg exact, selling (closed form)") {
            blackHole(PendleMarketMath.largestPtLeg(market, pyIndex: index, blockTime: time - Int64(c.next()), buyingPt: false))
        },
        // The jobs: the exact trade (the market's limit searched only when the trade reaches it), for the lock-in
        // a second, fee-free one, and the Double analytics.
        Benchmark(group: "jobs", name: "lockin exact (SY budget, no hedge)", note: "2 optimal swaps (budget and fee-free)") {
            blackHole(try LockIn.compute(LockInRequest(size: .sy(Fixture.budgets[c.next()])), curve: curve, at: time))
        },
        Benchmark(group: "jobs", name: "lockin Double", note: "the same algorithm on the converted state") {
            blackHole(try LockIn.compute(LockInRequest(size: .sy(Fixture.budgets[c.next()])), curve: approxCurve, at: time))
        },
        Benchmark(group: "jobs", name: "short-yt exact (token holder, 9 PnL rows)", note: "1 exact swapExactYtForSy") {
            blackHole(try ShortYT.compute(ShortYTRequest(size: .position(.shares(Fixture.budgets[c.next()]))), curve: curve, at: time))
        },
        Benchmark(group: "hedging", name: "dv01, duration, convexity (pt, yt, sy)", note: "closed forms") {
            blackHole(try RateRisk.compute(threeTokens, curve: curve, at: time - Int64(c.next())))
        },
        Benchmark(group: "hedging", name: "dv01, duration, convexity (pt, yt, lp, sy)", note: "LP: 3 pool trades to y, y ± 1 bp") {
            blackHole(try RateRisk.compute(withLp, curve: curve, at: time - Int64(c.next())))
        },
        Benchmark(group: "hedging", name: "scenario 101 × 101 grid (pt, yt, sy)", note: "10,201 cells, Double") {
            blackHole(
                try Scenario.compute(
                    ScenarioRequest(
                        position: threeTokens, apyShifts: apyShifts, priceShifts: priceShifts,
                        days: Double(c.next() % 30), stockPrice: 230), curve: curve, at: time))
        },
        Benchmark(group: "hedging", name: "scenario 101 × 101 grid (pt, yt, lp, sy)", note: "101 LP pool trades") {
            blackHole(
                try Scenario.compute(
                    ScenarioRequest(
                        position: withLp, apyShifts: apyShifts, priceShifts: priceShifts,
                        days: Double(c.next() % 30), stockPrice: 230), curve: curve, at: time))
        },
        Benchmark(group: "hedging", name: "reference: 101 × 2 pow and 10,201 multiply-adds", note: "what the grid's cells cost at least") {
            var sum = 0.0
            let tau = 0.4 + Double(c.next()) * 1e-3
            for shift in apyShifts {
                let pt = pow(1.03 + shift, -tau)
                let yt = -expm1(log1p(0.03 + shift) * -tau)
                for move in priceShifts { sum += (pt - yt) * (1 + move) }
            }
            blackHole(sum)
        },
        // YieldSpace: Yield's preview in 64-digit decimal (four powers through 448-bit ln/exp), the same in Double,
        // and the lock-in on the pool behind the curve interface.
        Benchmark(group: "yieldspace", name: "sellBase exact (64-digit decimal, Yield's preview)", note: "4 powers") {
            blackHole(
                try YieldSpaceMath.sellBase(
                    sharesReserves: ysPool.sharesReserves, fyTokenReserves: ysPool.fyTokenReserves,
                    sharesIn: ysSizes[c.next()], timeTillMaturity: 90 * 86_400, ts: ysTs, g1: ysG1, decimals: 18,
                    c: ysC, mu: .one))
        },
        Benchmark(group: "yieldspace", name: "sellBase Double") {
            blackHole(
                try YieldSpaceAnalytics.sellBase(
                    sharesReserves: 1e6, fyTokenReserves: 1.1e6, sharesIn: Fixture.approxBudgets[c.next()],
                    timeTillMaturity: 7_776_000, ts: ysTs.doubleValue, g: 0.95, c: 1.02))
        },
        Benchmark(group: "yieldspace", name: "lockin exact (SY budget, no hedge)", note: "sellBase + fee-free buyFYToken, twice") {
            blackHole(try LockIn.compute(LockInRequest(size: .sy(Fixture.budgets[c.next()])), curve: ysCurve, at: time))
        },
        Benchmark(group: "yieldspace", name: "lockin Double") {
            blackHole(try LockIn.compute(LockInRequest(size: .sy(Fixture.budgets[c.next()])), curve: ysApprox, at: time))
        },
        // The minimum-variance ratio on series in memory: the date join, the changes and three passes of the fit.
        Benchmark(group: "hedging", name: "min-var ratio over 10,000 pairs", note: "differences; join + 3 passes, 2 arrays") {
            blackHole(try MinimumVarianceHedge.compute(spot: spotSeries, hedge: hedgeSeries, mode: .differences))
        }
    ]
}
