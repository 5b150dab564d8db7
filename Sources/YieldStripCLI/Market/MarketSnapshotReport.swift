import YieldStrip
import YieldStripJSON

/// `yieldstrip market show` and the batch op `marketSnapshot`: a Pendle market read at one block time
/// (``PendleMarketMath/snapshot(_:pyIndex:blockTime:)``), with its exact pre-compute.
///
/// Answer fields, in order: `blockTime`, `blockTimeISO`, `blockTimeSource`; `expiry`, `expiryISO`,
/// `secondsToExpiry`, `daysToExpiry`, `yearsToExpiry`; `impliedApy`, `lnImpliedRate`, `ptPerAsset`,
/// `ptPriceInAsset`, `ytPriceInAsset`, `ytLeverage`; `proportion`, `rateScalar`, `rateAnchor`,
/// `feeRate` (the factor on each trade's exchange rate), `annualFeeRate`, `reserveFeePercent`;
/// `pyIndex`, `totalPt`, `totalSy`, `totalAsset`, `totalLp` (wei); `poolValueInAsset`;
/// `largestPtBuy`, `largestPtSell` (wei: the largest PT leg the market executes each way,
/// ``PendleMarketMath/largestPtLeg(_:pyIndex:blockTime:buyingPt:)``; 0 when none), `ptPerBasisPointBuy`,
/// `ptPerBasisPointSell` (PT, in units: first-order estimates of the PT bought that lowers the implied APY
/// by one basis point, and sold that raises it);
/// `stockPrice`, `syPriceUsd`, `ptPriceUsd`, `ytPriceUsd`, `poolValueUsd` (null without a stock
/// price); `exact` (wei: `lastLnImpliedRate`, `rateScalar`, `rateAnchor`, `feeRate` as
/// `getMarketPreCompute` gives them, and the contract's `ptPerAsset`, `ptPriceInAsset`,
/// `ytPriceInAsset` for the stored rate). `Double` analytics are JSON numbers in units.
enum MarketSnapshotReport {
    static func build(_ context: MarketContext, title: String? = nil) throws -> Report {
        let market = context.market
        let snapshot = try PendleMarketMath.snapshot(
            market, pyIndex: context.pyIndex, blockTime: context.blockTime,
            stockPrice: context.stockPrice)
        let comp = snapshot.preCompute

        var report = Report(title: title)
        context.appendBlockTime(to: &report)
        report.append("expiry", .number(JSONNumber(market.expiry)), label: "expiry", display: UnixTime.format(market.expiry))
        report.append("expiryISO", .string(UnixTime.format(market.expiry)))
        report.hiddenInTable.insert("expiryISO")
        report.appendTimeToExpiry(snapshot.secondsToExpiry)

        report.appendRateForms(
            impliedApy: snapshot.impliedApy, lnImpliedRate: snapshot.lnImpliedRate, ptPerAsset: snapshot.ptPerAsset,
            ptPriceInAsset: snapshot.ptPriceInAsset, ytPriceInAsset: snapshot.ytPriceInAsset,
            ytLeverage: snapshot.ytLeverage)

        report.append("proportion", analytic: snapshot.proportion, label: "PT proportion") { TableFormat.percent($0) }
        report.append("rateScalar", analytic: snapshot.rateScalar, label: "rate scalar") { TableFormat.significant($0) }
        report.append("rateAnchor", analytic: snapshot.rateAnchor, label: "rate anchor") { TableFormat.significant($0) }
        report.append("feeRate", analytic: snapshot.feeRate, label: "fee factor per trade") { TableFormat.significant($0) }
        report.append("annualFeeRate", analytic: snapshot.annualFeeRate, label: "fee rate (annual)") { TableFormat.percent($0) }
        report.append("reserveFeePercent", .number(JSONNumber(market.reserveFeePercent)), label: "fee share to reserve (%)")

        report.append("pyIndex", wad: context.pyIndex, label: "PY index (asset per SY)")
        report.append("totalPt", wad: market.totalPt, label: "total PT")
        report.append("totalSy", wad: market.totalSy, label: "total SY")
        report.append("totalAsset", wad: comp.totalAsset, label: "total asset (SY at PY index)")
        report.append("totalLp", wad: market.totalLp, label: "total LP")
        report.append("poolValueInAsset", analytic: snapshot.poolValueInAsset, label: "pool value (asset)") { TableFormat.fixed($0, digits: 6) }

        report.append("largestPtBuy", wad: snapshot.largestPtBuy, label: "largest PT buy")
        report.append("largestPtSell", wad: snapshot.largestPtSell, label: "largest PT sell")
        report.append("ptPerBasisPointBuy", analytic: snapshot.ptPerBasisPointBuy, label: "PT bought per −1 bp APY (first order)") {
            TableFormat.fixed($0, digits: 6)
        }
        report.append("ptPerBasisPointSell", analytic: snapshot.ptPerBasisPointSell, label: "PT sold per +1 bp APY (first order)") {
            TableFormat.fixed($0, digits: 6)
        }

        let usd = snapshot.usd
        report.append("stockPrice", analytic: usd?.stockPrice, label: "stock price (USD per asset)") { TableFormat.fixed($0, digits: 2) }
        report.append("syPriceUsd", analytic: usd?.syPriceUsd, label: "SY price (USD)") { TableFormat.fixed($0, digits: 4) }
        report.append("ptPriceUsd", analytic: usd?.ptPriceUsd, label: "PT price (USD)") { TableFormat.fixed($0, digits: 4) }
        report.append("ytPriceUsd", analytic: usd?.ytPriceUsd, label: "YT price (USD)") { TableFormat.fixed($0, digits: 4) }
        report.append("poolValueUsd", analytic: usd?.poolValueUsd, label: "pool value (USD)") { TableFormat.fixed($0, digits: 2) }
        if usd == nil {
            report.hiddenInTable.formUnion(["stockPrice", "syPriceUsd", "ptPriceUsd", "ytPriceUsd", "poolValueUsd"])
        }

        var exact: JSONObject = [
            "lastLnImpliedRate": .wei(market.lastLnImpliedRate.raw), "rateScalar": .wei(comp.rateScalar.raw),
            "rateAnchor": .wei(comp.rateAnchor.raw), "feeRate": .wei(comp.feeRate.raw)
        ]
        let rates = snapshot.contractRates
        exact.append("ptPerAsset", rates?.ptPerAsset.map { .wei($0.raw) } ?? .null)
        exact.append("ptPriceInAsset", rates?.ptPriceInAsset.map { .wei($0.raw) } ?? .null)
        exact.append("ytPriceInAsset", rates?.ytPriceInAsset.map { .wei($0.raw) } ?? .null)
        report.append("exact", .object(exact))
        report.labels["exact.lastLnImpliedRate"] = "exact lastLnImpliedRate (wad)"
        report.labels["exact.rateScalar"] = "exact rateScalar (wad)"
        report.labels["exact.rateAnchor"] = "exact rateAnchor (wad)"
        report.labels["exact.feeRate"] = "exact feeRate (wad)"
        report.labels["exact.ptPerAsset"] = "exact PT per asset (wad)"
        report.labels["exact.ptPriceInAsset"] = "exact PT price (wad)"
        report.labels["exact.ytPriceInAsset"] = "exact YT price (wad)"
        report.showWeiInUnits(under: "exact")
        return report
    }
}
