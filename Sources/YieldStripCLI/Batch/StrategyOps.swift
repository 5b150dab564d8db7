import YieldStrip
import YieldStripJSON

/// Ops for the jobs — `lockin`, `shortYt` (also `short-yt`) — each answering exactly the fields its
/// command prints with `--json`. Each takes the market context (`market`, `pyIndex`, `blockTime`,
/// `stockPrice`) and the command's options in camelCase (see ``StrategyInputs``).
enum StrategyOps {
    static let entries: [BatchOp] = [
        BatchOp("lockin", "market, pyIndex, blockTime, sy|tokens|shares|usd, hedge?, schedule?, holdApy?, … (the options) → fixed APY, fee and impact, shares and USD at maturity, hedge, hold (as 'lockin --json')") { request in
            try LockInOptions.answer(request)
        },
        BatchOp("shortYt", shortYtSummary) { request in try ShortYTOptions.answer(request) },
        BatchOp("short-yt", "the same as shortYt") { request in try ShortYTOptions.answer(request) },
    ]

    static let shortYtSummary = "market, pyIndex, blockTime, shares|sy|tokens|usd or yt, heldAs?, fraction?, realizedApys?, … (the options) → YT sold, premium, APY sold, capital, PnL, break-even (as 'short-yt --json')"
}
