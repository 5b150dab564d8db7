import Foundation
import YieldStrip
import YieldStripJSON

/// What the market commands read from a YieldSpace market file: the pool, the block time and its source,
/// and the USD price of one unit of base when known.
struct YieldSpaceContext: BlockTimeContext, Sendable {
    var pool: YieldSpacePool
    var blockTime: Int64
    var blockTimeSource: TimeSource
    var stockPrice: Double?

    var curve: YieldSpaceCurve<Wad> { YieldSpaceCurve(pool: pool) }
}

extension YieldSpaceMarketFile {
    /// The pool's context at a block time chosen by ``BlockTimeChoice``, as a Pendle file's.
    func context(at choice: BlockTimeChoice) -> YieldSpaceContext {
        let (time, source) = choice.resolve(fileBlockTime: blockTime)
        return YieldSpaceContext(pool: pool, blockTime: time, blockTimeSource: source, stockPrice: stockPrice)
    }

    /// A title for tables, as a Pendle file's: name (underlying), then the source.
    var title: String {
        var heading = TerminalText.escaped(name ?? origin)
        if let underlying { heading += " (\(TerminalText.escaped(underlying)))" }
        if let source { heading += "\nsource: \(TerminalText.escaped(source))" }
        return heading
    }

    /// What a chart is about, in its subtitle, as a Pendle file's: the name (else the file) and the underlying.
    var chartSubject: String {
        (name ?? origin) + (underlying.map { " (\($0))" } ?? "")
    }
}

extension Report {
    /// Appends an amount in the token's base units (a decimal string), shown in token units.
    mutating func append(_ key: String, baseUnits value: UInt256?, decimals: Int, label: String) {
        guard let value else {
            append(key, .null, label: label, display: "—")
            return
        }
        append(key, .wei(value), label: label, display: YieldDecimal(value, timesPowerOfTen: -decimals).description)
    }
}

/// `yieldstrip market show` on a YieldSpace pool.
///
/// Answer fields, in order: `curve`; `blockTime`, `blockTimeISO`, `blockTimeSource`; `expiry`, `expiryISO`,
/// `secondsToExpiry`, `daysToExpiry`, `yearsToExpiry`; `impliedApy` and `lnImpliedRate` (YieldStrip's 365-day
/// year), `yieldApy` (Yield's `calcInterestRate`: the same rate as an APY on its 365.25-day year, exact to
/// 64 digits then a JSON number), `ptPriceInAsset` (fyToken's fee-free price in base, `(μz/y)^(ts·T)`),
/// `ptBuyPriceInAsset` and `ptSellPriceInAsset` (the marginal prices with `g1` and `g2`); `c`, `mu` (base per
/// pool share), `tsYears` (the time stretch in Yield years), `g1Fee`, `g1`, `g2`, `annualFeeRate`,
/// `longestTimeToMaturity` (seconds: where `a = 1 − g2·ts·T` reaches zero); `decimals`, `sharesReserves`,
/// `fyTokenReserves` (virtual), `realFyTokenReserves`, `totalSupply` (base units; null when unknown);
/// `poolValueInAsset`, `lpValueInAsset` (null without the LP supply); `maxBaseIn`, `maxFyTokenOut`,
/// `maxFyTokenIn` (Yield's previews, base units), `largestSharesIn` (the largest `sellBase` the pool
/// accepts), `largestPtBuy` (the fyToken it pays), `largestPtSell` (the largest `sellFYToken`);
/// `stockPrice`, `sharePriceUsd`, `ptPriceUsd`, `poolValueUsd` (null without a stock price); `exact`
/// (`c`, `mu`, `ts`, `g1`, `g2` as 64.64 integers, `yieldApy` as its 64-digit text).
enum YieldSpaceSnapshotReport {
    static func build(_ context: YieldSpaceContext, title: String? = nil) throws -> Report {
        let pool = context.pool
        let snap = try pool.snapshot(at: context.blockTime, stockPrice: context.stockPrice)
        let d = pool.decimals
        var report = Report(title: title)
        report.append("curve", .string(YieldSpaceMarketFile.curveName), label: "curve")
        context.appendBlockTime(to: &report)
        report.append(
            "expiry", .number(JSONNumber(pool.maturity)), label: "maturity (fyToken redeems one base)", display: UnixTime.format(pool.maturity))
        report.append("expiryISO", .string(UnixTime.format(pool.maturity)))
        report.hiddenInTable.insert("expiryISO")
        report.appendTimeToExpiry(snap.secondsToExpiry)

        report.append("impliedApy", analytic: snap.impliedApy, label: "implied APY (365-day year)") { TableFormat.percent($0) }
        report.append("lnImpliedRate", analytic: snap.lnImpliedRate, label: "ln implied rate (365-day year)") { TableFormat.significant($0) }
        report.append("yieldApy", analytic: snap.yieldApy, label: "Yield's rate (calcInterestRate, 365.25-day year)") { TableFormat.percent($0) }
        report.append("ptPriceInAsset", analytic: snap.ptPriceInAsset, label: "fyToken price (base), fee-free") { TableFormat.significant($0) }
        report.append("ptBuyPriceInAsset", analytic: snap.ptBuyPriceInAsset, label: "fyToken price to buy, marginal (g1)") {
            TableFormat.significant($0)
        }
        report.append("ptSellPriceInAsset", analytic: snap.ptSellPriceInAsset, label: "fyToken price to sell, marginal (g2)") {
            TableFormat.significant($0)
        }

        report.append("c", analytic: snap.c, label: "c (base per pool share)") { _ in pool.c.exactValue.rounded(decimalPlaces: 18).description }
        report.append("mu", analytic: snap.mu, label: "μ (c when the pool began)") { _ in pool.mu.exactValue.rounded(decimalPlaces: 18).description }
        report.append("tsYears", analytic: snap.tsYears, label: "time stretch (Yield years of 365.25 days)") { TableFormat.fixed($0, digits: 6) }
        report.append("g1Fee", .number(JSONNumber(pool.g1Fee)), label: "g1Fee (fp4)")
        report.append("g1", analytic: snap.g1, label: "g1 (fyToken bought)") { TableFormat.significant($0) }
        report.append("g2", analytic: snap.g2, label: "g2 (fyToken sold)") { TableFormat.significant($0) }
        report.append("annualFeeRate", analytic: snap.annualFeeRate, label: "fee rate (annual, buying)") { TableFormat.percent($0) }
        report.append(
            "longestTimeToMaturity", snap.longestTimeToMaturity.map { .number(JSONNumber($0)) } ?? .null,
            label: "longest time to maturity priced (s)", display: snap.longestTimeToMaturity.map(String.init) ?? "unbounded")

        report.append("decimals", .number(JSONNumber(d)), label: "decimals")
        report.append("sharesReserves", baseUnits: pool.sharesReserves, decimals: d, label: "shares reserves (z)")
        report.append("fyTokenReserves", baseUnits: pool.fyTokenReserves, decimals: d, label: "fyToken reserves, virtual (y)")
        report.append("realFyTokenReserves", baseUnits: pool.realFyTokenReserves, decimals: d, label: "fyToken reserves, real")
        report.append("totalSupply", baseUnits: pool.totalSupply, decimals: d, label: "LP supply")
        report.append("poolValueInAsset", analytic: snap.poolValueInAsset, label: "pool value (base)") { TableFormat.fixed($0, digits: 6) }
        report.append("lpValueInAsset", analytic: snap.lpValueInAsset, label: "LP value (base per LP)") { TableFormat.significant($0) }

        report.append("maxBaseIn", baseUnits: snap.maxBaseIn, decimals: d, label: "maxBaseIn (shares to a zero rate, preview)")
        report.append("maxFyTokenOut", baseUnits: snap.maxFyTokenOut, decimals: d, label: "maxFyTokenOut (preview)")
        report.append("maxFyTokenIn", baseUnits: snap.maxFyTokenIn, decimals: d, label: "maxFyTokenIn (preview)")
        let largestIn = snap.largestSharesIn
        report.append(
            "largestSharesIn", largestIn.map { .wei($0.raw) } ?? .null, label: "largest sellBase (shares in)",
            display: largestIn?.description ?? "— (none)")
        let largestBuy = snap.largestPtBuy
        report.append(
            "largestPtBuy", largestBuy.map { .wei($0.raw) } ?? .null, label: "largest fyToken buy", display: largestBuy?.description ?? "— (none)")
        let largestSell = snap.largestPtSell
        report.append(
            "largestPtSell", largestSell.map { .wei($0.raw) } ?? .null, label: "largest fyToken sell (sellFYToken)",
            display: largestSell?.description ?? "— (none)")

        let price = context.stockPrice
        report.append("stockPrice", analytic: price, label: "stock price (USD per base)") { TableFormat.fixed($0, digits: 2) }
        report.append("sharePriceUsd", analytic: snap.sharePriceUsd, label: "pool share price (USD)") { TableFormat.fixed($0, digits: 4) }
        report.append("ptPriceUsd", analytic: snap.ptPriceUsd, label: "fyToken price (USD)") { TableFormat.fixed($0, digits: 4) }
        report.append("poolValueUsd", analytic: snap.poolValueUsd, label: "pool value (USD)") { TableFormat.fixed($0, digits: 2) }
        if price == nil { report.hiddenInTable.formUnion(["stockPrice", "sharePriceUsd", "ptPriceUsd", "poolValueUsd"]) }

        report.append(
            "exact",
            .object([
                "c": .wei(pool.c.raw), "mu": .wei(pool.mu.raw), "ts": .wei(pool.ts.raw), "g1": .wei(pool.g1.raw),
                "g2": .wei(pool.g2.raw), "yieldApy": .string(snap.yieldApyExact.description)
            ]))
        for key in ["c", "mu", "ts", "g1", "g2"] { report.labels["exact." + key] = "exact \(key) (64.64)" }
        report.labels["exact.yieldApy"] = "exact Yield rate (64 digits)"
        return report
    }

    static func scale(_ decimals: Int) -> UInt256 {
        var result = UInt256.one
        for _ in 0..<(18 - decimals) { result = result &* UInt256(10) }
        return result
    }
}

/// `yieldstrip quote` on a YieldSpace pool: `--buy-pt` is `sellBase` (pool shares in, fyToken out), `--sell-pt`
/// `sellFYToken` (fyToken in, shares out), both exact-input, as ``YieldSpaceCurve`` trades them.
///
/// Answer fields, in order: `curve`; `blockTime`, `blockTimeISO`, `blockTimeSource`; `swap` (`sellBase` or
/// `sellFYToken`), `tokenIn`, `tokenOut` (`sy` = pool shares, `pt` = fyToken); `size` (the conversion of a
/// size option, or null); `amountGiven`, `amountIn`, `unspentInput`, `amountOut` (wei, 18-decimal units);
/// `amounts` (`sharesIn`, `fyTokenOut` or `fyTokenIn`, `sharesOut`, and `feeShares`: what the fee took, in
/// shares, against the fee-free curve); `feeInAsset`; `effectivePtPriceInAsset`, `effectiveImpliedApy`,
/// `impliedApyBefore`, `impliedApyAfter`, `ptPriceInAssetBefore`, `ptPriceInAssetAfter`, `priceImpact`
/// (the effective fyToken price against the fee-free spot price, positive for a cost); `largestAmount` (wei:
/// the largest input the pool takes this way); `stockPrice`, `amountInUsd`, `amountOutUsd`, `feeUsd`;
/// `pool` (the new `sharesReserves` and `fyTokenReserves`, base units).
enum YieldSpaceQuoteReport {
    /// The trade a router swap names on a YieldSpace pool: the exact-input PT trades only.
    static func kind(_ swap: SwapKind) -> CurveTradeKind? {
        switch swap {
        case .swapExactSyForPt: return .buyPtWithSy
        case .swapExactPtForSy: return .sellPtForSy
        default: return nil
        }
    }

    static func build(
        _ context: YieldSpaceContext, kind: CurveTradeKind, amount: Wad, size: SizeConversion<Wad>? = nil,
        title: String? = nil
    ) throws -> Report {
        let curve = context.curve
        let pool = context.pool
        let spot = try curve.spot(at: context.blockTime)
        let trade = try curve.trade(kind, exactIn: amount, at: context.blockTime)
        let c = pool.c.doubleValue
        let buying = kind == .buyPtWithSy
        let (tokenIn, tokenOut) = kind.tokens
        var report = Report(title: title)
        report.append("curve", .string(YieldSpaceMarketFile.curveName), label: "curve")
        context.appendBlockTime(to: &report)
        report.append("swap", .string(trade.venueTrade), label: "YieldSpace trade")
        report.append("tokenIn", .string(tokenIn.rawValue), label: "token in (SY: pool shares, PT: fyToken)")
        report.append("tokenOut", .string(tokenOut.rawValue), label: "token out")
        report.append("size", size.map { .object(QuoteReport.sizeObject($0)) } ?? .null)
        report.hiddenInTable.insert("size")
        report.append("amountGiven", wad: amount, label: "amount given (\(tokenIn.rawValue))")
        report.append("amountIn", wad: trade.amountIn, label: "amount in, spent (\(tokenIn.rawValue))")
        report.append("unspentInput", wad: trade.unspentInput, label: "input left unspent (below one token unit)")
        report.append("amountOut", wad: trade.amountOut, label: "amount out (\(tokenOut.rawValue))")
        var amounts = JSONObject()
        for (name, value) in trade.venueFields { amounts.append(name, .wei(value.raw)) }
        report.append("amounts", .object(amounts))
        report.showWeiInUnits(under: "amounts")
        report.append("feeInAsset", analytic: trade.feeSy.doubleValue * c, label: "fee (base)") { TableFormat.significant($0) }

        let shares = buying ? trade.amountIn.doubleValue : trade.amountOut.doubleValue
        let fy = buying ? trade.amountOut.doubleValue : trade.amountIn.doubleValue
        let effective = shares * c / fy
        let tau = spot.yearsToExpiry
        report.append("effectivePtPriceInAsset", analytic: effective, label: "effective fyToken price (base)") { TableFormat.significant($0) }
        report.append("effectiveImpliedApy", analytic: Foundation.expm1(-Foundation.log(effective) / tau), label: "effective implied APY") {
            TableFormat.percent($0)
        }
        report.append("impliedApyBefore", analytic: trade.impliedApyBefore, label: "implied APY before") { TableFormat.percent($0) }
        report.append("impliedApyAfter", analytic: trade.impliedApyAfter, label: "implied APY after") { TableFormat.percent($0) }
        report.append("ptPriceInAssetBefore", analytic: spot.ptPriceInAsset, label: "fyToken price before (base)") { TableFormat.significant($0) }
        report.append(
            "ptPriceInAssetAfter", analytic: Foundation.exp(-Foundation.log1p(trade.impliedApyAfter) * tau),
            label: "fyToken price after (base)"
        ) { TableFormat.significant($0) }
        report.append(
            "priceImpact", analytic: buying ? effective / spot.ptPriceInAsset - 1 : 1 - effective / spot.ptPriceInAsset,
            label: "price impact on fyToken, fee included"
        ) { TableFormat.percent($0) }
        let largest = curve.largestInput(kind, at: context.blockTime)
        report.append(
            "largestAmount", largest.map { .wei($0.raw) } ?? .null, label: "largest \(tokenIn.rawValue) in the pool takes",
            display: largest?.description ?? "— (no trade executes this way)")

        let price = context.stockPrice
        let valueIn = buying ? shares * c : fy * spot.ptPriceInAsset
        let valueOut = buying ? fy * spot.ptPriceInAsset : shares * c
        report.append("stockPrice", analytic: price, label: "stock price (USD per base)") { TableFormat.fixed($0, digits: 2) }
        report.append("amountInUsd", analytic: price.map { $0 * valueIn }, label: "amount in (USD)") { TableFormat.fixed($0, digits: 2) }
        report.append("amountOutUsd", analytic: price.map { $0 * valueOut }, label: "amount out (USD)") { TableFormat.fixed($0, digits: 2) }
        report.append("feeUsd", analytic: price.map { $0 * trade.feeSy.doubleValue * c }, label: "fee (USD)") { TableFormat.fixed($0, digits: 4) }
        if price == nil { report.hiddenInTable.formUnion(["stockPrice", "amountInUsd", "amountOutUsd", "feeUsd"]) }

        let s = YieldSpaceSnapshotReport.scale(pool.decimals)
        func base(_ value: Wad) -> UInt256 { value.raw.magnitude.quotientAndRemainder(dividingBy: s).quotient }
        let inBase = base(trade.amountIn)
        let outBase = base(trade.amountOut)
        let (z, y) =
            buying
            ? (pool.sharesReserves &+ inBase, pool.fyTokenReserves &- outBase) : (pool.sharesReserves &- outBase, pool.fyTokenReserves &+ inBase)
        report.append("pool", .object(["sharesReserves": .wei(z), "fyTokenReserves": .wei(y)]))
        report.displays["pool.sharesReserves"] = YieldDecimal(z, timesPowerOfTen: -pool.decimals).description
        report.displays["pool.fyTokenReserves"] = YieldDecimal(y, timesPowerOfTen: -pool.decimals).description
        report.labels["pool.sharesReserves"] = "new shares reserves"
        report.labels["pool.fyTokenReserves"] = "new fyToken reserves (virtual)"
        return report
    }
}
