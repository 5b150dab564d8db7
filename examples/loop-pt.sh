#!/usr/bin/env bash
# Loop the AAPL-like PT on its market's curve, end to end with the yieldstrip CLI:
#   1. borrow the token against its own PT (a Morpho market, LLTV 91.5 %) at 0.05 %, eight rounds: each
#      purchase exact on the pool the previous ones left; the net APY, the health factor, the break-even
#      borrow rate; no stock price liquidates it (the token's yield taken as 0.1 % a year);
#   2. the same until the LTV reaches 85 %, the borrow rate from Morpho's AdaptiveCurveIrm at the
#      utilization the loop leaves a 1,000-token pool at, with its chart;
#   3. borrowing USD at 5 % instead (Aave-style, 70 % LTV): a leveraged long stock with negative carry,
#      shown across stock prices and fixed in dollars by a perp short;
#   4. the token loop through `batch`.
# Every time is the market file's block time: the output is the same on every run.
#
# Usage: examples/loop-pt.sh
#   YIELDSTRIP=/path/to/yieldstrip examples/loop-pt.sh   # use a built binary instead of `swift run`
set -euo pipefail

cd "$(dirname "$0")/.."

if [ -n "${YIELDSTRIP:-}" ]; then
    yieldstrip() { "$YIELDSTRIP" "$@"; }
else
    swift build -c release --product yieldstrip >&2
    yieldstrip() { swift run -c release --skip-build yieldstrip "$@"; }
fi

MARKET=examples/markets/aapl-like.json
CHART=$(mktemp -d)/loop.svg

echo "== 100 tokens looped: the token borrowed against its PT at 0.05 %, eight rounds"
yieldstrip loop --market "$MARKET" --tokens 100 --borrow token --protocol morpho --lltv 91.5% \
    --borrow-apr 0.05% --token-apy 0.1% --loops 8

echo
echo "== to an 85 % LTV, the borrow rate from Morpho's curve in a 1,000-token pool (200 borrowed by others)"
yieldstrip loop --market "$MARKET" --tokens 100 --borrow token --protocol morpho --lltv 91.5% --target-ltv 85% \
    --model morpho --rate-at-target 0.1% --pool-supplied 1000 --pool-borrowed 200 --token-apy 0.1% --svg "$CHART"
echo "(chart: net APY and health factor by leverage, written to a temporary file)"

echo
echo "== 10,000 USD looped by borrowing USD at 5 %, hedged with a perp short (5 % funding)"
yieldstrip loop --market "$MARKET" --usd 10000 --borrow usd --ltv 70% --liquidation-threshold 75% \
    --borrow-apr 5% --loops 3 --hedge perp --funding 5% --price-range -20%..20%:10%

echo
echo "== the token loop through batch"
python3 - "$MARKET" <<'PY' | yieldstrip batch
import json, sys
market = json.load(open(sys.argv[1]))
print(json.dumps({"op": "loop", "id": "token-loop", "market": market["market"], "pyIndex": market["pyIndex"],
                  "blockTime": market["blockTime"], "stockPrice": market["stockPrice"], "tokens": "100000000000000000000",
                  "borrow": "token", "protocol": "morpho", "lltv": "91.5%", "borrowApr": "0.05%", "tokenApy": "0.1%",
                  "loops": 8}))
PY
