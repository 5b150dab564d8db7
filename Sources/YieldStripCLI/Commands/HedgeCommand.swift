import YieldStrip
import YieldStripJSON

/// `yieldstrip hedge <subcommand>`: hedge ratios of a position.
struct HedgeCommand: Command {
    let name = "hedge"
    let abstract = "Hedge ratios: income, DV01, delta, minimum variance."
    let discussion = """
        Positions are written pt:1000,yt:-500,lp:10,sy:250 (token units; negative =
        short). See docs/hedging.md for each ratio's definition and derivation.
        """
    let subcommands: [any Command] = [HedgeIncomeCommand(), HedgeDV01Command(), HedgeDeltaCommand(), HedgeMinVarCommand()]
}
