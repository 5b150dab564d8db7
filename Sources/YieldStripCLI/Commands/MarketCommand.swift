import YieldStrip
import YieldStripJSON

/// `yieldstrip market <subcommand>`: reading a Pendle market file.
struct MarketCommand: Command {
    let name = "market"
    let abstract = "Read a Pendle V2 market from a market file, or create one."
    let discussion = """
        A market file (JSON) holds what a batch line holds — 'market' (the state in
        wei, as readState returns it) and 'pyIndex' — plus optional 'name',
        'underlying', 'stockPrice' (USD per unit of asset), 'curve' ("pendle-v2"),
        'blockTime' (when the state was read), 'source' and 'notes'. See
        examples/markets/. 'market new' writes one for a new market at a target
        implied APY and pool value.
        """
    let subcommands: [any Command] = [MarketShowCommand(), MarketNewCommand()]
}
