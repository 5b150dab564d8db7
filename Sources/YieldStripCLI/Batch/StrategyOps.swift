import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops for the jobs — `lockin`, `shortYt` (also `short-yt`), `hedgeMinvar` — each answering exactly the fields its
/// command prints with `--json`. `lockin` and `shortYt` take the market context (`market`, `pyIndex`,
/// `blockTime`, `stockPrice`) and the command's options in camelCase (see ``StrategyInputs``);
/// `hedgeMinvar` takes two series and the options of `hedge minvar` (see ``HedgeMinVarOptions``).
enum StrategyOps {
    static let entries: [BatchOp] = [
        LockInCommand.batchOp,
        BatchOp("shortYt", shortYtSummary) { request in try ShortYTOptions.answer(request) },
        BatchOp("short-yt", "the same as shortYt") { request in try ShortYTOptions.answer(request) },
        BatchOp(
            "hedgeIncome",
            "shares, heldAs?, holderWithholding?, tokenWithholding?, fraction?, market context? → YT per share, YT to sell, the YT short's premium (as 'hedge income --json')"
        ) { request in
            try HedgeIncomeAnswer.answer(request)
        },
        BatchOp(
            "hedgeDv01",
            "market, pyIndex, blockTime, position, stockPrice?, against?, hedgeToken? → value, DV01, duration, convexity per leg and in total, a hedge (as 'hedge dv01 --json')"
        ) { request in
            try HedgeDV01Answer.answer(request)
        },
        BatchOp(
            "hedgeDelta",
            "market, pyIndex, blockTime, position, stockPrice, realizedApy?|schedule?, ytFee? → delta in shares, the short that hedges it, at maturity (as 'hedge delta --json')"
        ) { request in
            try HedgeDeltaAnswer.answer(request)
        },
        BatchOp(
            "scenario",
            "market, pyIndex, blockTime, position, apyShift, priceShift?, days?, realizedApy?|schedule?, ytFee?, stockPrice → PnL grid (as 'scenario --json')"
        ) { request in
            try ScenarioAnswer.answer(request)
        },
        BatchOp("hedgeMinvar", hedgeMinvarSummary) { request in try HedgeMinVarOptions.answer(request) }
    ]

    static let hedgeMinvarSummary =
        "spot, hedge (CSV text or [{date, value}] rows), spotColumn?, hedgeColumn?, mode? → hedgeRatio, intercept, standardError, tStatistic, rSquared, correlation, observations, unmatchedDates (as 'hedge minvar --json')"
    static let shortYtSummary =
        "market, pyIndex, blockTime, shares|sy|tokens|usd or yt, heldAs?, fraction?, realizedApys?, … (the options) → YT sold, premium, APY sold, capital, PnL, break-even (as 'short-yt --json')"
}
