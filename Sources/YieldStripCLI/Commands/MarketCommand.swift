import YieldStrip
import YieldStripJSON

/// `yieldstrip market <subcommand>`: reading a market file (Pendle V2 or YieldSpace), or writing one.
struct MarketCommand: Command {
    let name = "market"
    let abstract = "Read a market file (Pendle V2 or YieldSpace), or create one."
    let discussion = """
        A market file (JSON) holds what a batch line holds — 'market' (the state in
        wei, as readState returns it) and 'pyIndex' — plus optional 'name',
        'underlying', 'stockPrice' (USD per unit of asset), 'curve' ("pendle-v2"),
        'blockTime' (when the state was read), 'source' and 'notes'. See
        examples/markets/. A YieldSpace pool's file has "curve": "yieldspace" and
        its state under 'pool'. 'market new' writes one for a new market (or, with
        --curve yieldspace, a pool) at a target implied APY and pool value.
        """
    let subcommands: [any Command] = [MarketShowCommand(), MarketNewCommand()]
}
