import YieldStrip
import Foundation

let market = MarketState<Wad>(totalPt: Wad(weiText: "1931664666556323365471717")!, totalSy: Wad(weiText: "238047112276250971722271")!, totalLp: Wad(weiText: "1110967882082309955132183")!, scalarRoot: Wad(weiText: "10414195332580758148")!, expiry: 1726503788, lnFeeRateRoot: Wad(weiText: "117308688020180")!, reserveFeePercent: 80, lastLnImpliedRate: Wad(weiText: "17877353975630388")!)
let index = Wad(weiText: "2866863895864076109")!
let t: Int64 = 1711326603
func time(_ name: String, _ n: Int, _ body: () throws -> Void) rethrows {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<n { try body() }
    let ns = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(n)
    print(name, ns, "ns")
}
var sink = 0
try time("ln", 100000) { sink &+= Int(truncatingIfNeeded: try LogExpMath.ln(Int256(1_234_567_890_123_456_789)).bits.w0) }
try time("ln36", 100000) { sink &+= Int(truncatingIfNeeded: try LogExpMath.ln(Int256(1_034_567_890_123_456_789)).bits.w0) }
try time("exp", 100000) { sink &+= Int(truncatingIfNeeded: try LogExpMath.exp(Int256(234_567_890_123_456_789)).bits.w0) }
try time("mulDown", 1000000) { sink &+= Int(truncatingIfNeeded: try PMath.mulDown(Int256(1_234_567_890_123_456_789), Int256(Int64(sink & 0xffff))).bits.w0) }
try time("precompute", 100000) { sink &+= Int(truncatingIfNeeded: try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: t).rateAnchor.raw.bits.w0) }
let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: t)
try time("calcTrade", 100000) { sink &+= Int(truncatingIfNeeded: try PendleMarketMath.calcTrade(market, comp, pyIndex: index, netPtToAccount: Wad(units: 1000)).amounts.netSyFee.raw.bits.w0) }
try time("executeTradeCore", 100000) { sink &+= Int(truncatingIfNeeded: try PendleMarketMath.executeTradeCore(market, pyIndex: index, netPtToAccount: Wad(units: 1000), blockTime: t).netSyFee.raw.bits.w0) }
let dm = market.converted(to: Double.self)!
let dcomp = try PendleMarketMath.getMarketPreCompute(dm, pyIndex: index.doubleValue, blockTime: t)
try time("calcTrade Double", 1000000) { sink &+= Int(try PendleMarketMath.calcTrade(dm, dcomp, pyIndex: index.doubleValue, netPtToAccount: 1000).amounts.netSyFee) }
var ev = 0
try time("swapExactSyForPt exact", 20000) { let r = try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: Wad(units: 1000), blockTime: t); ev = r.evaluations + 1000 * r.seedEvaluations }
print("evals", ev)
try time("swapExactSyForPt Double", 100000) { let r = try PendleMarketMath.swap(.swapExactSyForPt, market: dm, pyIndex: index.doubleValue, amount: 1000, blockTime: t); ev = r.evaluations }
print("evals", ev, sink)
let router = try RouterApproximation.swapExactSyForPt(market, pyIndex: index, exactSyIn: Wad(units: 1000), blockTime: t)
let mine = try PendleMarketMath.swap(.swapExactSyForPt, market: market, pyIndex: index, amount: Wad(units: 1000), blockTime: t)
print("router", router.amountOut, router.evaluations, "optimal", mine.amountOut, mine.evaluations)
try time("router SyForPt", 2000) { _ = try RouterApproximation.swapExactSyForPt(market, pyIndex: index, exactSyIn: Wad(units: 1000), blockTime: t) }
let router2 = try RouterApproximation.swapExactSyForYt(market, pyIndex: index, exactSyIn: Wad(units: 10), blockTime: t)
let mine2 = try PendleMarketMath.swap(.swapExactSyForYt, market: market, pyIndex: index, amount: Wad(units: 10), blockTime: t)
print("router", router2.amountOut, router2.evaluations, "optimal", mine2.amountOut, mine2.evaluations, mine2.seedEvaluations)
let snap = try PendleMarketMath.snapshot(market, pyIndex: index, blockTime: t)
print(snap)
let q = try PendleMarketMath.quote(.swapExactSyForPt, market: market, pyIndex: index, amount: Wad(units: 1000), blockTime: t)
print(q.quote)
