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
        ShortYTCommand.batchOp,
        BatchOp("short-yt", "the same as shortYt", handler: ShortYTCommand.batchOp.handler),
        HedgeIncomeCommand.batchOp,
        HedgeDV01Command.batchOp,
        HedgeDeltaCommand.batchOp,
        ScenarioCommand.batchOp,
        BatchOp("hedgeMinvar", hedgeMinvarSummary) { request in try HedgeMinVarOptions.answer(request) }
    ]

    static let hedgeMinvarSummary =
        "spot, hedge (CSV text or [{date, value}] rows), spotColumn?, hedgeColumn?, mode? → hedgeRatio, intercept, standardError, tStatistic, rSquared, correlation, observations, unmatchedDates (as 'hedge minvar --json')"
}
