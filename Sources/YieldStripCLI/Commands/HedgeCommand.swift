import YieldStrip
import YieldStripJSON

/// `yieldstrip hedge <subcommand>`: hedge ratios, one subcommand each.
struct HedgeCommand: Command {
    let name = "hedge"
    let abstract = "Hedge ratios: how much of a hedge to hold against a position."
    let subcommands: [any Command] = [HedgeMinVarCommand()]
}
