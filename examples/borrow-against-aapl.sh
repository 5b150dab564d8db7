#!/usr/bin/env bash
# Borrow against the AAPL-like stock token and its PT, end to end with the yieldstrip CLI:
#   1. 100 tokens as collateral under Aave-style rules (70 % LTV, 75 % threshold, 10 % bonus), 10,000 USD
#      borrowed at 5 %: the health factor, the stock price that liquidates, and how the token's reinvested
#      dividends raise its value while the debt grows;
#   2. 1,000 PT priced by Pendle's linear-discount oracle at 18 % a year (Pendle's worked choice for a PT),
#      150,000 USD borrowed: the PT's accretion against the debt's interest;
#   3. the same PT in a Morpho market (LLTV 86 %, incentive factor 1.0438) priced by a TWAP at the
#      market's 0.3 % implied APY, borrowing the token itself: no stock price liquidates it;
#   4. the token's lending market: idle (5,000 USD borrowed of 5,000,000 supplied), so its suppliers earn
#      nearly nothing; what borrowing demand would pay them 1 %;
#   5. one loan through `batch`, as a script would ask it.
# Every time is the market file's block time: the output is the same on every run.
#
# Usage: examples/borrow-against-aapl.sh
#   YIELDSTRIP=/path/to/yieldstrip examples/borrow-against-aapl.sh   # use a built binary instead of `swift run`
set -euo pipefail

cd "$(dirname "$0")/.."

if [ -n "${YIELDSTRIP:-}" ]; then
    yieldstrip() { "$YIELDSTRIP" "$@"; }
else
    swift build -c release --product yieldstrip >&2
    yieldstrip() { swift run -c release --skip-build yieldstrip "$@"; }
fi

MARKET=examples/markets/aapl-like.json

echo "== 100 AAPL-like tokens as collateral, 10,000 USD borrowed at 5 %"
yieldstrip borrow --market "$MARKET" --collateral token --tokens 100 --ltv 70% --liquidation-threshold 75% --liquidation-bonus 10% \
    --debt 10000 --borrow-apr 5%

echo
echo "== 1,000 PT at Pendle's linear-discount oracle (18 % a year), 150,000 USD borrowed at 5 %"
yieldstrip borrow --market "$MARKET" --collateral pt --amount 1000 --pt-oracle linear-discount --discount 18% \
    --ltv 80% --liquidation-threshold 85% --debt 150000 --borrow-apr 5%

echo
echo "== the same PT on Morpho (LLTV 86 %), priced by a TWAP at 0.3 %, borrowing 800 tokens at 0.1 %"
yieldstrip borrow --market "$MARKET" --collateral pt --amount 1000 --pt-oracle twap --twap-apy 0.3% \
    --protocol morpho --lltv 86% --debt 800 --debt-asset token --borrow-apr 0.1%

echo
echo "== the token's lending market: 5,000 borrowed of 5,000,000 supplied (Aave's volatile-asset curve)"
yieldstrip rates --model aave --optimal 45% --slope1 7% --slope2 300% --reserve-factor 20% \
    --borrowed 5000 --supplied 5000000 --target-supply-apy 1%

echo
echo "== the PT loan through batch (amounts in wei, rates as text or fractions)"
python3 - "$MARKET" <<'PY' | yieldstrip batch
import json, sys
market = json.load(open(sys.argv[1]))
print(json.dumps({"op": "borrow", "id": "pt", "market": market["market"], "pyIndex": market["pyIndex"],
                  "blockTime": market["blockTime"], "stockPrice": market["stockPrice"], "collateral": "pt",
                  "amount": "1000000000000000000000", "ptOracle": "linear-discount", "discount": "18%",
                  "ltv": "80%", "liquidationThreshold": "85%", "debt": 150000, "borrowApr": "5%"}))
PY
