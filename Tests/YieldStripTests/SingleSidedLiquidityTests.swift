import Testing
import YieldStrip

/// Single-sided liquidity: the swap leg is optimal (no neighbouring size mints more LP), the exact and
/// `Double` answers agree, and the keep-YT variant follows the router's closed form.
@Suite struct SingleSidedLiquidityTests {
    static let market = MarketState<Wad>(
        totalPt: Wad(decimal: "1200000")!, totalSy: Wad(decimal: "800000")!, totalLp: Wad(decimal: "950000")!,
        scalarRoot: Wad(decimal: "25.5")!, expiry: 1_800_000_000, lnFeeRateRoot: Wad(decimal: "0.002")!,
        reserveFeePercent: 80, lastLnImpliedRate: Wad(decimal: "0.05")!)
    static let index = Wad(decimal: "1.0345678901234567")!
    static let now: Int64 = 1_780_000_000

    /// LP minted when the swap leg is `g` wei (nil if it reverts).
    func lp(fromSy: Bool, amount: Wad, g: Int256) -> Int256? {
        let m = Self.market
        guard
            let trade = try? PendleMarketMath.executeTradeCore(
                m, pyIndex: Self.index,
                netPtToAccount: Wad(raw: fromSy ? g : g.negatedWrapping),
                blockTime: Self.now)
        else { return nil }
        let sy = fromSy ? (try? amount + trade.netSyToAccount) : trade.netSyToAccount
        let pt = fromSy ? Wad(raw: g) : (try? amount - Wad(raw: g))
        guard let sy, let pt else { return nil }
        return (try? PendleMarketMath.addLiquidityCore(trade.market, syDesired: sy, ptDesired: pt, blockTime: Self.now))?.lpToAccount.raw
    }

    @Test(arguments: [true, false], ["1000", "25000.5", "0.000001"])
    func swapLegIsOptimal(fromSy: Bool, amountText: String) throws {
        let amount = Wad(decimal: amountText)!
        let r =
            fromSy
            ? try PendleMarketMath.addLiquiditySingleSy(Self.market, pyIndex: Self.index, netSyIn: amount, blockTime: Self.now)
            : try PendleMarketMath.addLiquiditySinglePt(Self.market, pyIndex: Self.index, netPtIn: amount, blockTime: Self.now)
        let g = r.swap!.netPtToAccount.raw.magnitude
        let best = lp(fromSy: fromSy, amount: amount, g: Int256(exactly: g)!)!
        #expect(best == r.netLp.raw)
        for delta: Int64 in [-1000, -7, -1, 1, 7, 1000] {
            if let other = lp(fromSy: fromSy, amount: amount, g: Int256(exactly: g)! &+ Int256(delta)) {
                #expect(other <= best, "size \(delta) wei away mints more LP")
            }
        }
        let approx =
            fromSy
            ? try PendleMarketMath.addLiquiditySingleSy(
                Self.market.converted(to: Double.self)!, pyIndex: Self.index.doubleValue,
                netSyIn: amount.doubleValue, blockTime: Self.now)
            : try PendleMarketMath.addLiquiditySinglePt(
                Self.market.converted(to: Double.self)!, pyIndex: Self.index.doubleValue,
                netPtIn: amount.doubleValue, blockTime: Self.now)
        #expect(abs(approx.netLp - r.netLp.doubleValue) <= 1e-9 * r.netLp.doubleValue)
        #expect(r.evaluations < 30, "\(r.evaluations) evaluations")
    }

    @Test func keepYtClosedForm() throws {
        let netSyIn = Wad(decimal: "5000")!
        let r = try PendleMarketMath.addLiquiditySingleSyKeepYt(Self.market, pyIndex: Self.index, netSyIn: netSyIn, blockTime: Self.now)
        let totalAsset = try Self.market.totalSy.syToAsset(index: Self.index)
        let mintSy = try Wad.mulDivRaw(netSyIn, Self.market.totalPt, Self.market.totalPt + totalAsset)
        #expect(r.fields[2].value == mintSy)
        #expect(r.fields[1].value == (try mintSy.syToAsset(index: Self.index)))
        // The PT and the remaining SY go in at the pool's ratio: LP by either side agrees to rounding.
        #expect(r.netLp.doubleValue > 0)
        #expect(r.swap == nil)
    }
}
