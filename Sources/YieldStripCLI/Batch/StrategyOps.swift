import YieldStrip
import YieldStripJSON

/// Ops for the jobs — `lockin`, `shortYt` (also `short-yt`), `hedgeMinvar` — each answering exactly the fields its
/// command prints with `--json`. `lockin` and `shortYt` take the market context (`market`, `pyIndex`,
/// `blockTime`, `stockPrice`) and the command's options in camelCase (see ``StrategyInputs``);
/// `hedgeMinvar` takes two series and the options of `hedge minvar` (see ``HedgeMinVarOptions``).
enum StrategyOps {
    static let entries: [BatchOp] = [
        BatchOp("lockin", "market, pyIndex, blockTime, sy|tokens|shares (wei)|usd, stockPrice?, priceAtMaturity?|priceRange?, hedge?, funding?, borrowFee?, rebate?, dividendYield?, initialMargin?, schedule?, withholding?, holdApy? → PT bought, fixed APY, fee and impact, shares and USD at maturity, hedge, hold (as 'lockin --json')") { request in
            try LockInOptions.answer(request)
        },
        BatchOp("shortYt", shortYtSummary) { request in try ShortYTOptions.answer(request) },
        BatchOp("short-yt", "the same as shortYt") { request in try ShortYTOptions.answer(request) },
        BatchOp("hedgeMinvar", hedgeMinvarSummary) { request in try HedgeMinVarOptions.answer(request) },
    ]

    static let hedgeMinvarSummary = "spot, hedge (CSV text or [{date, value}] rows), spotColumn?, hedgeColumn?, mode? → hedgeRatio, intercept, standardError, tStatistic, rSquared, correlation, observations, unmatchedDates (as 'hedge minvar --json')"
    static let shortYtSummary = "market, pyIndex, blockTime, shares|sy|tokens (wei)|usd or yt (wei), heldAs?, holderWithholding?, tokenWithholding?, borrowFee?, fraction?, realizedApys?, stockPrice? → YT sold, premium, effective short APY, capital, PnL rows, break-even (as 'short-yt --json')"
}
