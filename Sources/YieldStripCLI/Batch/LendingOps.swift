import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops for lending — `rates`, `borrow`, `loop`, `mnav` — each derived from its command (`JobCommand`): the
/// command's options in camelCase (``DoorFields``), exactly the fields it prints with `--json`.
enum LendingOps {
    static let entries: [BatchOp] = [RatesCommand.batchOp, BorrowCommand.batchOp, LoopCommand.batchOp, MnavCommand.batchOp]
}
