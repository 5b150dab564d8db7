import YieldStrip
import YieldStripJSON

/// `yieldstrip quote` and the batch op `quote`: one router swap on a market, exact to the wei, with
/// its analytics (``PendleMarketMath/quote(_:market:pyIndex:amount:blockTime:)``).
///
/// Answer fields, in order: `blockTime`, `blockTimeISO`, `blockTimeSource`; `swap` (the router op),
/// `tokenIn`, `tokenOut`, `amountField` (which amount was given: `exactSyIn`, `exactPtOut`, …);
/// `amountGiven` (wei: that amount), `amountIn` (wei: what the account pays: all of `exactSyIn` when
/// buying YT, of which the PT leg needs `syPulled`), `unspentInput` (wei: the part of an exact input the
/// trade does not use, `amountGiven − amountIn`; 0 for an exact output), `amountOut` (wei: what the account
/// receives: `ytMinted` when buying YT with SY, where `netYtOut` is the PT leg); `amounts` (the op's named
/// amounts in wei, as the batch op of the same name answers them: `netPtOut`, `netSyIn`, `netSyFee`,
/// `netSyToReserve`, …); `netAssetFee`
/// (wei: `syToAsset(pyIndex, netSyFee)`); `effectivePrice` (amountIn / amountOut, from the amounts spent),
/// `effectivePtPriceInAsset` (the PT leg's asset per PT, fees included), `effectiveYtPrice` (asset per YT
/// for YT ↔ SY, PT per YT for PT ↔ YT; null for PT trades), `effectiveImpliedApy` (Pendle's per-pair
/// definition), `impliedApyBefore`, `impliedApyAfter`, `ptPriceInAssetBefore`, `ptPriceInAssetAfter`,
/// `ytPriceInAssetBefore`, `ytPriceInAssetAfter`, `priceImpact` (the traded token's effective price
/// against its spot price, fees included: PT for PT trades, YT for YT trades), `priceImpactBeforeFees`
/// (the PT leg's slippage on the curve alone; both positive for a cost to the account); `ptToAccount`
/// (wei: the market's PT leg, positive when the account took PT from the pool); `largestAmount` (wei:
/// the most of the given amount's token the market takes in this direction,
/// ``PendleMarketMath/largestAmount(_:market:pyIndex:blockTime:largestLeg:)``; null when no trade executes
/// that way; selling YT, the trade of that size returns nothing), `largestUsefulAmount` (wei: the most worth
/// giving, where what the account receives peaks and giving more gets less,
/// ``PendleMarketMath/largestUsefulAmount(_:market:pyIndex:blockTime:largest:)``; `largestAmount` when the
/// output grows up to the limit); `stockPrice`, `amountInUsd`, `amountOutUsd`, `feeUsd` (null without a stock price; SY is
/// marked at `pyIndex` asset, PT and YT at their prices before the trade); `evaluations`,
/// `seedEvaluations`; `market` (the new state, wei; null when nothing traded).
///
/// Refused, as the market contract or the router would refuse them: a zero amount (`ZeroAmount`), a
/// trade whose LPs' fee share rounds to zero (`MarketZeroNetLPFee`), an exact input beyond what the
/// market takes (`ExceedsMarketLimit`, with the exact largest amount in wei).
enum QuoteReport {
    static func build(
        _ context: MarketContext, swap kind: SwapKind, amount: Wad, size: SizeConversion<Wad>? = nil,
        title: String? = nil
    ) throws -> Report {
        let quote = try PendleMarketMath.quote(
            kind, market: context.market, pyIndex: context.pyIndex, amount: amount,
            blockTime: context.blockTime, stockPrice: context.stockPrice)
        let result = quote.result
        let (tokenIn, tokenOut) = kind.tokens
        var report = Report(title: title)
        context.appendBlockTime(to: &report)
        report.append("swap", .string(kind.rawValue), label: "router swap")
        report.append("tokenIn", .string(tokenIn.rawValue), label: "token in")
        report.append("tokenOut", .string(tokenOut.rawValue), label: "token out")
        report.append("amountField", .string(kind.amountField), label: "amount field")
        report.append("size", size.map { .object(Self.sizeObject($0)) } ?? .null)
        report.hiddenInTable.insert("size")
        report.append("amountGiven", wad: amount, label: "\(kind.amountField) given (\(kind.isExactInput ? tokenIn.rawValue : tokenOut.rawValue))")
        report.append("amountIn", wad: result.amountIn, label: "amount in, paid by the account (\(tokenIn.rawValue))")
        report.append("unspentInput", wad: quote.unspentInput, label: "input left unspent (\(tokenIn.rawValue))")
        if !kind.isExactInput { report.hiddenInTable.insert("unspentInput") }
        report.append("amountOut", wad: result.amountOut, label: "amount out, to the account (\(tokenOut.rawValue))")

        var amounts = JSONObject()
        for (name, value) in result.fields { amounts.append(name, .wei(value.raw)) }
        report.append("amounts", .object(amounts))
        report.showWeiInUnits(under: "amounts")
        for (name, _) in result.fields {
            if let meaning = Self.amountMeaning(kind, name) { report.labels["amounts." + name] = "amounts.\(name): \(meaning)" }
        }
        report.append("netAssetFee", wad: quote.netAssetFee, label: "fee (asset)")

        report.append(
            "effectivePrice", analytic: quote.effectivePrice,
            label: "effective price (\(tokenIn.rawValue) per \(tokenOut.rawValue))"
        ) { TableFormat.significant($0) }
        report.append(
            "effectivePtPriceInAsset", analytic: quote.effectivePtPriceInAsset,
            label: "effective PT price (asset)"
        ) { TableFormat.significant($0) }
        let ytUnit = tokenIn == .pt || tokenOut == .pt ? "PT" : "asset"
        report.append("effectiveYtPrice", analytic: quote.effectiveYtPrice, label: "effective YT price (\(ytUnit) per YT)") {
            TableFormat.significant($0)
        }
        if quote.effectiveYtPrice == nil { report.hiddenInTable.insert("effectiveYtPrice") }
        report.append("effectiveImpliedApy", analytic: quote.effectiveImpliedApy, label: "effective implied APY") { TableFormat.percent($0) }
        report.append("impliedApyBefore", analytic: quote.impliedApyBefore, label: "implied APY before") { TableFormat.percent($0) }
        report.append("impliedApyAfter", analytic: quote.impliedApyAfter, label: "implied APY after") { TableFormat.percent($0) }
        report.append("ptPriceInAssetBefore", analytic: quote.ptPriceInAssetBefore, label: "PT price before (asset)") { TableFormat.significant($0) }
        report.append("ptPriceInAssetAfter", analytic: quote.ptPriceInAssetAfter, label: "PT price after (asset)") { TableFormat.significant($0) }
        report.append("ytPriceInAssetBefore", analytic: quote.ytPriceInAssetBefore, label: "YT price before (asset)") { TableFormat.significant($0) }
        report.append("ytPriceInAssetAfter", analytic: quote.ytPriceInAssetAfter, label: "YT price after (asset)") { TableFormat.significant($0) }
        let traded = tokenIn == .yt || tokenOut == .yt ? "YT" : "PT"
        report.append("priceImpact", analytic: quote.priceImpact, label: "price impact on \(traded), fees included") { TableFormat.percent($0) }
        report.append("priceImpactBeforeFees", analytic: quote.priceImpactBeforeFees, label: "PT leg slippage, curve only") {
            TableFormat.percent($0)
        }
        report.append("ptToAccount", wad: result.trade?.netPtToAccount ?? .zero, label: "market PT leg (to account)")
        report.append(
            "largestAmount", quote.largestAmount.map { .wei($0.raw) } ?? .null,
            label: "largest \(kind.amountField) the market takes",
            display: quote.largestAmount?.description ?? "— (no trade executes this way)")
        report.append(
            "largestUsefulAmount", quote.largestUsefulAmount.map { .wei($0.raw) } ?? .null,
            label: "largest useful \(kind.amountField) (the most \(tokenOut.rawValue) out)",
            display: quote.largestUsefulAmount?.description ?? "— (no trade executes this way)")

        report.append("stockPrice", analytic: context.stockPrice, label: "stock price (USD per asset)") { TableFormat.fixed($0, digits: 2) }
        report.append("amountInUsd", analytic: quote.usd?.amountInUsd, label: "amount in (USD)") { TableFormat.fixed($0, digits: 2) }
        report.append("amountOutUsd", analytic: quote.usd?.amountOutUsd, label: "amount out (USD)") { TableFormat.fixed($0, digits: 2) }
        report.append("feeUsd", analytic: quote.usd?.feeUsd, label: "fee (USD)") { TableFormat.fixed($0, digits: 4) }
        if quote.usd == nil {
            report.hiddenInTable.formUnion(["stockPrice", "amountInUsd", "amountOutUsd", "feeUsd"])
        }

        report.append("evaluations", .number(JSONNumber(result.evaluations)), label: "curve evaluations")
        report.append("seedEvaluations", .number(JSONNumber(result.seedEvaluations)), label: "curve evaluations (Double seed)")
        if let trade = result.trade {
            report.append("market", .object(try MarketFields.object(trade.market)))
            for key in ["totalPt", "totalSy", "totalLp", "lastLnImpliedRate"] { report.labels["market." + key] = "new \(key)" }
            report.showWeiInUnits(under: "market")
            for key in ["scalarRoot", "expiry", "lnFeeRateRoot", "reserveFeePercent"] { report.hiddenInTable.insert("market." + key) }
        } else {
            report.append("market", .null, label: "new market state", display: "unchanged (nothing traded)")
        }
        return report
    }

    /// What a named amount is, for the table, where its name (the router's and the reference vectors', kept in
    /// the JSON) would mislead: buying YT with SY, `netYtOut` is the PT leg sold to the market and the YT the
    /// account receives is `ytMinted` (minted from all the SY paid, so up to a few million wei more), and
    /// `syPulled` is the SY that leg needs, while the account pays all of `exactSyIn`.
    static func amountMeaning(_ kind: SwapKind, _ name: String) -> String? {
        switch (kind, name) {
        case (.swapExactSyForYt, "netYtOut"): return "PT leg sold to the market (the YT received is ytMinted)"
        case (.swapExactSyForYt, "syPulled"): return "SY the PT leg needs (the account pays all of exactSyIn)"
        case (.swapExactSyForYt, "ytMinted"): return "YT minted to the account"
        default: return nil
        }
    }

    /// The size as given and converted: `unit`, `amount` (decimal text), `conversion` (in words), `sy` (wei:
    /// the SY amount given to the swap, paid for exactSyIn, received for exactSyOut), `shares`, `usd`, `stockPrice`.
    static func sizeObject(_ size: SizeConversion<Wad>) -> JSONObject {
        var object: JSONObject = [
            "unit": .string(size.given.unit), "amount": .string(size.given.amount.description),
            "conversion": .string(size.description), "sy": .wei(size.sy.raw)
        ]
        object.append("shares", analytic: size.shares)
        object.append("usd", analytic: size.usd)
        object.append("stockPrice", analytic: size.stockPrice)
        return object
    }

    /// A size's SY at the context's PY index and stock price, for a swap whose given amount is SY.
    static func syAmount(_ size: PositionSize, context: MarketContext) throws -> SizeConversion<Wad> {
        try PositionSizing.convert(size, assetPerSy: context.pyIndex, stockPrice: context.stockPrice)
    }

    /// Whether a size in SY, tokens, shares or USD can give `kind`'s amount (its amount is SY).
    static func takesSize(_ kind: SwapKind) -> Bool { kind.amountField == "exactSyIn" || kind.amountField == "exactSyOut" }
}
