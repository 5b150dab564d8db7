import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops for the jobs — `lockin`, `shortYt` (also `short-yt`), `hedgeIncome`, `hedgeDv01`, `hedgeDelta`,
/// `scenario`, `hedgeMinvar` — each derived from its command (`JobCommand`): the command's options in
/// camelCase, the market context as the market ops take it (`market`, `pyIndex`, `blockTime`, `stockPrice`),
/// and exactly the fields the command prints with `--json`.
enum StrategyOps {
    static let entries: [BatchOp] = [
        LockInCommand.batchOp,
        ShortYTCommand.batchOp,
        BatchOp("short-yt", "the same as shortYt", handler: ShortYTCommand.batchOp.handler),
        HedgeIncomeCommand.batchOp,
        HedgeDV01Command.batchOp,
        HedgeDeltaCommand.batchOp,
        ScenarioCommand.batchOp,
        HedgeMinVarCommand.batchOp
    ]
}
