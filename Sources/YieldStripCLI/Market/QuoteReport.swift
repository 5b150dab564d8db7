import YieldStrip

/// `yieldstrip quote` and the batch op `quote`: one router swap on a market, exact to the wei, with
/// its analytics (``PendleMarketMath/quote(_:market:pyIndex:amount:blockTime:)``).
///
/// Answer fields, in order: `blockTime`, `blockTimeISO`, `blockTimeSource`; `swap` (the router op),
/// `tokenIn`, `tokenOut`, `amountField` (which amount was given: `exactSyIn`, `exactPtOut`, …);
/// `amountIn`, `amountOut` (wei); `amounts` (the op's named amounts in wei, as the batch op of the
/// same name answers them: `netPtOut`, `netSyIn`, `netSyFee`, `netSyToReserve`, …); `netAssetFee`
/// (wei: `syToAsset(pyIndex, netSyFee)`); `effectivePrice` (amountIn / amountOut),
/// `effectivePtPriceInAsset`, `effectiveImpliedApy` (the APY the PT leg locks in, fees included),
/// `impliedApyBefore`, `impliedApyAfter`, `ptPriceInAssetBefore`, `ptPriceInAssetAfter`,
/// `priceImpact`, `priceImpactBeforeFees` (positive: a cost to the account); `ptToAccount` (wei: the
/// market's PT leg, positive when the account took PT from the pool); `largestAmount` (the most of the
/// given amount's token the market takes in this direction, units; null when it cannot be priced);
/// `stockPrice`, `amountInUsd`, `amountOutUsd`, `feeUsd` (null without a stock price; SY is marked at
/// `pyIndex` asset, PT and YT at their prices before the trade); `evaluations`, `seedEvaluations`;
/// `zeroNetLpFee` (true: the LPs' share of the fee rounds to zero, which the market contract rejects);
/// `market` (the new state, wei; null when nothing traded).
enum QuoteReport {
    static func build(_ context: MarketContext, swap kind: SwapKind, amount: Wad, title: String? = nil) throws -> Report {
        let (result, quote) = try PendleMarketMath.quote(kind, market: context.market, pyIndex: context.pyIndex,
                                                         amount: amount, blockTime: context.blockTime)
        let (tokenIn, tokenOut) = kind.tokens
        var report = Report(title: title)
        context.appendBlockTime(to: &report)
        report.append("swap", .string(kind.rawValue), label: "router swap")
        report.append("tokenIn", .string(tokenIn.rawValue), label: "token in")
        report.append("tokenOut", .string(tokenOut.rawValue), label: "token out")
        report.append("amountField", .string(kind.amountField), label: "amount given")
        report.append("amountIn", wad: result.amountIn, label: "amount in (\(tokenIn.rawValue))")
        report.append("amountOut", wad: result.amountOut, label: "amount out (\(tokenOut.rawValue))")

        var amounts = JSONObject()
        for (name, value) in result.fields { amounts.append(name, .wei(value.raw)) }
        report.append("amounts", .object(amounts))
        report.showWeiInUnits(under: "amounts")
        let netAssetFee = try result.netSyFee.syToAsset(index: context.pyIndex)
        report.append("netAssetFee", wad: netAssetFee, label: "fee (asset)")

        report.append("effectivePrice", analytic: quote.effectivePrice,
                      label: "effective price (\(tokenIn.rawValue) per \(tokenOut.rawValue))") { TableFormat.significant($0) }
        report.append("effectivePtPriceInAsset", analytic: quote.effectivePtPriceInAsset,
                      label: "effective PT price (asset)") { TableFormat.significant($0) }
        report.append("effectiveImpliedApy", analytic: quote.effectiveImpliedApy, label: "effective implied APY") { TableFormat.percent($0) }
        report.append("impliedApyBefore", analytic: quote.impliedApyBefore, label: "implied APY before") { TableFormat.percent($0) }
        report.append("impliedApyAfter", analytic: quote.impliedApyAfter, label: "implied APY after") { TableFormat.percent($0) }
        report.append("ptPriceInAssetBefore", analytic: quote.ptPriceInAssetBefore, label: "PT price before (asset)") { TableFormat.significant($0) }
        report.append("ptPriceInAssetAfter", analytic: quote.ptPriceInAssetAfter, label: "PT price after (asset)") { TableFormat.significant($0) }
        report.append("priceImpact", analytic: quote.priceImpact, label: "price impact, fees included") { TableFormat.percent($0) }
        report.append("priceImpactBeforeFees", analytic: quote.priceImpactBeforeFees, label: "price impact, curve only") { TableFormat.percent($0) }
        report.append("ptToAccount", wad: result.trade?.netPtToAccount ?? .zero, label: "market PT leg (to account)")
        report.append("largestAmount", analytic: quote.largestAmount,
                      label: "largest \(kind.amountField) the market takes") { TableFormat.fixed($0, digits: 6) }

        let ptBefore = quote.ptPriceInAssetBefore
        func assetValue(_ token: Token, _ amount: Wad) -> Double {
            switch token {
            case .sy: return amount.doubleValue * context.pyIndex.doubleValue
            case .pt: return amount.doubleValue * ptBefore
            case .yt: return amount.doubleValue * (1 - ptBefore)
            }
        }
        report.append("stockPrice", analytic: context.stockPrice, label: "stock price (USD per asset)") { TableFormat.fixed($0, digits: 2) }
        report.append("amountInUsd", analytic: context.usd(asset: assetValue(tokenIn, result.amountIn)), label: "amount in (USD)") { TableFormat.fixed($0, digits: 2) }
        report.append("amountOutUsd", analytic: context.usd(asset: assetValue(tokenOut, result.amountOut)), label: "amount out (USD)") { TableFormat.fixed($0, digits: 2) }
        report.append("feeUsd", analytic: context.usd(asset: netAssetFee.doubleValue), label: "fee (USD)") { TableFormat.fixed($0, digits: 4) }
        if context.stockPrice == nil {
            report.hiddenInTable.formUnion(["stockPrice", "amountInUsd", "amountOutUsd", "feeUsd"])
        }

        report.append("evaluations", .number(JSONNumber(result.evaluations)), label: "curve evaluations")
        report.append("seedEvaluations", .number(JSONNumber(result.seedEvaluations)), label: "curve evaluations (Double seed)")
        report.append("zeroNetLpFee", .bool(result.zeroNetLpFee(pyIndex: context.pyIndex)), label: "LP fee rounds to zero")
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
}
