#!/usr/bin/env bash
# Hedge a stock's dividend stream by shorting YT on the AAPL-like market, end to end with the CLI:
#   1. a holder of 1,000 shares' worth of the token splits them and sells the YT: the premium, the APY
#      sold, the capital, the PnL across realized dividend yields and the break-even;
#   2. a holder of 1,000 AAPL shares (15 % treaty withholding) has no SY to split: the hedge borrows the
#      token (0.1 % fee), sells 85/70 YT per share, and owes the token's yield;
#   3. half of a position, with PnL rows at chosen realized APYs;
#   4. selling 250 YT already held, as JSON.
# Every time is the market file's block time: the output is the same on every run.
#
# Usage: examples/hedge-dividends-short-yt.sh
#   YIELDSTRIP=/path/to/yieldstrip examples/hedge-dividends-short-yt.sh   # use a built binary
set -euo pipefail

cd "$(dirname "$0")/.."

if [ -n "${YIELDSTRIP:-}" ]; then
    yieldstrip() { "$YIELDSTRIP" "$@"; }
else
    swift build -c release --product yieldstrip >&2
    yieldstrip() { swift run -c release --skip-build yieldstrip "$@"; }
fi

MARKET=examples/markets/aapl-like.json

echo "== a token holder sells the yield of 1,000 shares"
yieldstrip short-yt --market "$MARKET" --shares 1000

echo
echo "== a stock holder (15 % treaty withholding) borrows the token to hedge 1,000 shares"
yieldstrip short-yt --market "$MARKET" --shares 1000 --held-as stock --holder-withholding treaty --borrow-fee 0.1%

echo
echo "== half the position, PnL at 0 %, 0.1 %, 0.2 %, 0.3 %, 0.4 % realized"
yieldstrip short-yt --market "$MARKET" --usd 100000 --fraction 50% --realized-apys 0..0.4%:0.1%

echo
echo "== 250 YT already held, as JSON"
yieldstrip short-yt --market "$MARKET" --yt 250 --json
