#!/usr/bin/env bash
# Splits a 100-token AAPL-like position into PT and YT, end to end with the yieldstrip CLI:
#   1. the token's index path over the last year of AAPL dividends (30 % withheld), realized APY,
#      YT interest per YT, and a projection to a 2026-03-01 maturity;
#   2. the PT/YT split of 100 tokens at the resulting index, valued at $230 and a 0.35 % PT implied APY;
#   3. the YT interest one YT earned over that year.
# The numbers are the worked example of docs/tokenization.md.
set -euo pipefail

cd "$(dirname "$0")/.."

swift build -c release --product yieldstrip >&2
yieldstrip() { swift run -c release --skip-build yieldstrip "$@"; }

SCHEDULE=examples/data/aapl.csv
INDEX=1.003214142718150519   # the exact yield index on 2025-09-01 (step 1's last row)

echo "== dividends: AAPL, 30 % withholding, 2024-09-01 .. 2025-09-01, maturity 2026-03-01"
yieldstrip dividends --schedule "$SCHEDULE" --withholding 0.30 \
    --from 2024-09-01 --to 2025-09-01 --maturity 2026-03-01 --stock-price 230

echo
echo "== the same index path as CSV"
yieldstrip dividends --schedule "$SCHEDULE" --withholding 0.30 --from 2024-09-01 --to 2025-09-01 --csv

echo
echo "== split: 100 tokens at the index, expiry 2026-03-01, valued on 2025-09-01"
yieldstrip split --tokens 100 --exchange-rate "$INDEX" --expiry 2026-03-01 --at 2025-09-01 \
    --pt-implied-apy 0.0035 --stock-price 230

echo
echo "== YT interest of 1 YT over the year, 3 % fee"
yieldstrip yt-interest --balance 1 --index-from 1 --index-to "$INDEX" --fee 0.03
