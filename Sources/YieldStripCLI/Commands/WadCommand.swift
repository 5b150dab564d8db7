import YieldStrip
import YieldStripJSON

/// `yieldstrip wad <op>`: Pendle's exact math by hand, one subcommand per operation.
struct WadCommand: Command {
    let name = "wad"
    let abstract = "Check Pendle's exact 18-decimal math by hand."
    let discussion = """
        Arguments are decimal units read exactly (1.5 is 1500000000000000000 wei, at
        most 18 decimals), or raw wei integers with --wei; negative values are written
        as they are (-1.5). Each op runs the batch op named in its help: --json prints
        exactly that op's answer, {"result": "<wei>"}; the table adds the operands and
        the result in units.
        """
    let subcommands: [any Command] = WadOperationCommand.all
}
