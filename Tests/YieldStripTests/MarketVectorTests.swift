import Testing
import YieldStrip

/// Every case of `market_precompute.json`, `market_trade.json` and `liquidity.json`, to the wei, reverts
/// and their arguments included.
@Suite struct MarketVectorTests {
    func marketFields(_ m: MarketState<Wad>) -> [String: String] {
        [
            "totalPt": m.totalPt.weiDescription, "totalSy": m.totalSy.weiDescription, "totalLp": m.totalLp.weiDescription,
            "scalarRoot": m.scalarRoot.weiDescription, "expiry": String(m.expiry),
            "lnFeeRateRoot": m.lnFeeRateRoot.weiDescription, "reserveFeePercent": String(m.reserveFeePercent),
            "lastLnImpliedRate": m.lastLnImpliedRate.weiDescription
        ]
    }

    func checkMarket(_ log: inout MismatchLog, _ i: Int, _ got: MarketState<Wad>, _ expected: Any?) {
        let exp = (expected as! [String: Any]).mapValues { "\($0)" }
        if marketFields(got) != exp { log.lines.append("#\(i) market: got \(marketFields(got)), expected \(exp)") }
    }

    @Test func preCompute() throws {
        let cases = try Vectors.load("market_precompute")
        var log = MismatchLog()
        for (i, c) in cases.enumerated() {
            let market = c.market()
            let index = c.wad("pyIndex")
            let time = c.int64("blockTime")
            do throws(PendleError) {
                if c.op == "getMarketPreCompute" {
                    let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: time)
                    if c.expectedError != nil {
                        log.error(i, .success(()), expected: c.expected)
                        continue
                    }
                    log.check(i, "rateScalar", comp.rateScalar.weiDescription, c.expectedWad("rateScalar"))
                    log.check(i, "totalAsset", comp.totalAsset.weiDescription, c.expectedWad("totalAsset"))
                    log.check(i, "rateAnchor", comp.rateAnchor.weiDescription, c.expectedWad("rateAnchor"))
                    log.check(i, "feeRate", comp.feeRate.weiDescription, c.expectedWad("feeRate"))
                } else {
                    let next = try PendleMarketMath.setInitialLnImpliedRate(
                        market, pyIndex: index,
                        initialAnchor: c.wad("initialAnchor"), blockTime: time)
                    if c.expectedError != nil {
                        log.error(i, .success(()), expected: c.expected)
                        continue
                    }
                    log.check(i, "lastLnImpliedRate", next.lastLnImpliedRate.weiDescription, c.expectedWad("lastLnImpliedRate"))
                }
            } catch {
                log.error(i, .failure(error), expected: c.expected)
            }
        }
        #expect(log.lines.isEmpty, "\(log.summary)")
    }

    @Test func trades() throws {
        let cases = try Vectors.load("market_trade")
        var log = MismatchLog()
        for (i, c) in cases.enumerated() {
            do throws(PendleError) {
                let trade = try PendleMarketMath.executeTradeCore(
                    c.market(), pyIndex: c.wad("pyIndex"),
                    netPtToAccount: c.wad("netPtToAccount"),
                    blockTime: c.int64("blockTime"))
                if c.expectedError != nil {
                    log.error(i, .success(()), expected: c.expected)
                    continue
                }
                log.check(i, "netSyToAccount", trade.netSyToAccount.weiDescription, c.expectedWad("netSyToAccount"))
                log.check(i, "netSyFee", trade.netSyFee.weiDescription, c.expectedWad("netSyFee"))
                log.check(i, "netSyToReserve", trade.netSyToReserve.weiDescription, c.expectedWad("netSyToReserve"))
                checkMarket(&log, i, trade.market, c.expected["market"])
            } catch {
                log.error(i, .failure(error), expected: c.expected)
            }
        }
        #expect(log.lines.isEmpty, "\(log.summary)")
    }

    @Test func liquidity() throws {
        let cases = try Vectors.load("liquidity")
        var log = MismatchLog()
        for (i, c) in cases.enumerated() {
            do throws(PendleError) {
                if c.op == "addLiquidityCore" {
                    let r = try PendleMarketMath.addLiquidityCore(
                        c.market(), syDesired: c.wad("syDesired"),
                        ptDesired: c.wad("ptDesired"), blockTime: c.int64("blockTime"))
                    if c.expectedError != nil {
                        log.error(i, .success(()), expected: c.expected)
                        continue
                    }
                    log.check(i, "lpToReserve", r.lpToReserve.weiDescription, c.expectedWad("lpToReserve"))
                    log.check(i, "lpToAccount", r.lpToAccount.weiDescription, c.expectedWad("lpToAccount"))
                    log.check(i, "syUsed", r.syUsed.weiDescription, c.expectedWad("syUsed"))
                    log.check(i, "ptUsed", r.ptUsed.weiDescription, c.expectedWad("ptUsed"))
                    checkMarket(&log, i, r.market, c.expected["market"])
                } else {
                    let r = try PendleMarketMath.removeLiquidityCore(c.market(), lpToRemove: c.wad("lpToRemove"))
                    if c.expectedError != nil {
                        log.error(i, .success(()), expected: c.expected)
                        continue
                    }
                    log.check(i, "netSyToAccount", r.netSyToAccount.weiDescription, c.expectedWad("netSyToAccount"))
                    log.check(i, "netPtToAccount", r.netPtToAccount.weiDescription, c.expectedWad("netPtToAccount"))
                    checkMarket(&log, i, r.market, c.expected["market"])
                }
            } catch {
                log.error(i, .failure(error), expected: c.expected)
            }
        }
        #expect(log.lines.isEmpty, "\(log.summary)")
    }
}
