import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops for lending — `rates`, `borrow`, `loop`, `mnav` — each answering exactly the fields its command prints
/// with `--json`, its options in camelCase (see ``DoorFields``).
enum LendingOps {
    static let entries: [BatchOp] = [
        BatchOp(
            "rates",
            "model, optimal?, base?, slope1?, slope2?, rateAtTarget?, points?, utilization|borrowed+supplied|path, days?, reserveFactor?, targetSupplyApy? → borrow and supply APR and APY, the curve, the inverse (as 'rates --json')"
        ) { request in
            try RatesOptions.answer(request)
        },
        BatchOp(
            "borrow",
            "collateral, amount|sy|tokens|shares|usd, market context? (market, pyIndex), blockTime, ptOracle?, protocol, ltv+liquidationThreshold|lltv, debt, debtAsset?, borrowApr?, stockPrice?, … → health factor, liquidation price, APY and date, capacity, penalty (as 'borrow --json')"
        ) { request in
            try BorrowOptions.answer(request)
        },
        BatchOp(
            "loop",
            "market, pyIndex, blockTime, sy|tokens|shares|usd, borrow?, protocol, ltv+liquidationThreshold|lltv, ptOracle?, targetLtv?, loops?, borrowApr|model+poolSupplied, … → rounds, leverage, health factor, net APY, break-even borrow APR (as 'loop --json')"
        ) { request in
            try LoopOptions.answer(request)
        },
        BatchOp(
            "mnav",
            "sharesOutstanding, stockPrice, coinHoldings, coinPrice, companyDebt?, side?, capital, ltv, liquidationThreshold, borrowApr|model+poolSupplied, … → mNAV, premium, carry, break-even mNAV, liquidation, scenarios (as 'mnav --json')"
        ) { request in
            try MnavOptions.answer(request)
        }
    ]
}
