#!/usr/bin/env bash
# The premium trade on a coin treasury company, end to end with the yieldstrip CLI. The inputs are an
# ILLUSTRATIVE set (examples/data/treasury-company-illustrative.jsonl): round numbers shaped like an
# MSTR-like balance sheet, not any real company's figures, prices or lending terms.
#   1. its mNAV (market cap / coin NAV) and the short of a rich premium: 1,000,000 USD of coin posted, the
#      tokenized stock borrowed (its lender's rate from Aave's volatile-asset curve at the utilization the
#      loan leaves the stock token's pool at) and sold, the coin left long shorted with a perp: the carry,
#      the mNAV that breaks even in a year, where the loan is liquidated;
#   2. the reverse: the stock token posted, the coin borrowed and sold (long the premium);
#   3. both through `batch`, straight from the illustrative file.
#
# Usage: examples/premium-trade-mnav.sh
#   YIELDSTRIP=/path/to/yieldstrip examples/premium-trade-mnav.sh   # use a built binary instead of `swift run`
set -euo pipefail

cd "$(dirname "$0")/.."

if [ -n "${YIELDSTRIP:-}" ]; then
    yieldstrip() { "$YIELDSTRIP" "$@"; }
else
    swift build -c release --product yieldstrip >&2
    yieldstrip() { swift run -c release --skip-build yieldstrip "$@"; }
fi

# The illustrative company (the file's numbers).
COMPANY=(--shares-outstanding 260000000 --stock-price 350 --coin-holdings 600000 --coin-price 95000 --company-debt 8200000000)

echo "== short the premium: coin posted, the stock token borrowed and sold (ILLUSTRATIVE inputs)"
yieldstrip mnav "${COMPANY[@]}" --side short --capital 1000000 --ltv 50% --liquidation-threshold 65% \
    --model aave --optimal 45% --slope1 7% --slope2 300% --pool-supplied 40000 --pool-borrowed 500 \
    --proceeds-apr 4% --funding 6% --days 365

echo
echo "== the reverse: the stock token posted, the coin borrowed and sold (ILLUSTRATIVE inputs)"
yieldstrip mnav "${COMPANY[@]}" --side long --capital 1000000 --ltv 40% --liquidation-threshold 60% \
    --borrow-apr 1.5% --proceeds-apr 4% --days 365

echo
echo "== both through batch, from the illustrative file"
yieldstrip batch < examples/data/treasury-company-illustrative.jsonl
