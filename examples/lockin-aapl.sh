#!/usr/bin/env bash
# Lock in a fixed rate on the AAPL-like market, end to end with the yieldstrip CLI:
#   1. buy PT with 10,000 USD: the APY locked in shares, what the fee and the price impact take, the
#      shares and dollars at maturity across stock prices;
#   2. the same with a perp short that fixes the dollar value (5 % funding received, 20 % margin);
#   3. the same with borrowed stock sold short (0.5 % fee, 4 % rebate, AAPL's dividends owed from its
#      schedule), compared with simply holding the token; the bundled schedule ends in August 2025, so
#      its trailing yield stands in for the dividends since, and the tool says so on stderr;
#   4. one JSON answer through `batch`, as a script would ask it.
# Every time is the market file's block time: the output is the same on every run.
#
# Usage: examples/lockin-aapl.sh
#   YIELDSTRIP=/path/to/yieldstrip examples/lockin-aapl.sh   # use a built binary instead of `swift run`
set -euo pipefail

cd "$(dirname "$0")/.."

if [ -n "${YIELDSTRIP:-}" ]; then
    yieldstrip() { "$YIELDSTRIP" "$@"; }
else
    swift build -c release --product yieldstrip >&2
    yieldstrip() { swift run -c release --skip-build yieldstrip "$@"; }
fi

MARKET=examples/markets/aapl-like.json
SCHEDULE=examples/data/aapl.csv

echo "== lock in: 10,000 USD of PT, held to maturity"
yieldstrip lockin --market "$MARKET" --usd 10000

echo
echo "== hedged in dollars with a perp short"
yieldstrip lockin --market "$MARKET" --usd 10000 --hedge perp --funding 5% --initial-margin 20% --price-range 150..300:50

echo
echo "== hedged with borrowed stock, compared with holding the token (AAPL dividends, 30 % withheld)"
yieldstrip lockin --market "$MARKET" --usd 10000 --hedge short --borrow-fee 0.5% --rebate 4% \
    --schedule "$SCHEDULE" --withholding 30%

echo
echo "== the same lock-in through batch (amounts in wei, rates as fractions)"
python3 - "$MARKET" <<'PY' | yieldstrip batch
import json, sys
market = json.load(open(sys.argv[1]))
print(json.dumps({"op": "lockin", "id": "10k", "market": market["market"], "pyIndex": market["pyIndex"],
                  "blockTime": market["blockTime"], "stockPrice": market["stockPrice"], "usd": 10000}))
PY
