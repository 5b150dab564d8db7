#!/usr/bin/env bash
# Regenerates the pictures docs/charts.md shows (docs/images/): each job's chart (--svg) and a market's
# tear sheet (report --html), drawn by yieldstrip on the bundled examples. Every time comes from the
# example files, so the pictures are the same on every run; ChartDocTests checks that the committed ones
# are what these commands draw.
#
# Usage: scripts/render-doc-images.sh
#   YIELDSTRIP=/path/to/yieldstrip scripts/render-doc-images.sh   # use a built binary instead of building one
set -euo pipefail

cd "$(dirname "$0")/.."

if [ -z "${YIELDSTRIP:-}" ]; then
    swift build -c release --product yieldstrip >&2
    YIELDSTRIP=.build/release/yieldstrip
fi

out=docs/images
mkdir -p "$out"

# render NAME ARGUMENTS...: the chart of `yieldstrip ARGUMENTS...` to docs/images/NAME (stdout and warnings dropped).
render() { local name=$1; shift; "$YIELDSTRIP" "$@" --svg "$out/$name" > /dev/null 2>&1; echo "$out/$name"; }
# page NAME ARGUMENTS...: the tear sheet of `yieldstrip report ARGUMENTS...` to docs/images/NAME.
page() { local name=$1; shift; "$YIELDSTRIP" report "$@" --html "$out/$name" > /dev/null; echo "$out/$name"; }

render depth.svg depth --market examples/markets/aapl-like.json
render lockin.svg lockin --market examples/markets/aapl-like.json --usd 10000 --hedge perp --funding 5% --hold-apy 0.3%
render short-yt.svg short-yt --market examples/markets/aapl-like.json --shares 1000
render scenario.svg scenario --market examples/markets/aapl-like.json --position pt:1000,yt:-500,sy:250 --apy-shift -100..100:25bp --price-shift -20..20:5% --days 30
render dividends.svg dividends --schedule examples/data/aapl.csv --market examples/markets/aapl-like.json --assume-yield 0.46%
render hedge-minvar.svg hedge minvar --spot examples/data/synthetic-stock-token.csv --hedge examples/data/synthetic-index-etf.csv
render loop.svg loop --market examples/markets/aapl-like.json --tokens 100 --protocol morpho --lltv 91.5% --borrow-apr 0.05% --token-apy 0.1% --loops 8
render compare.svg compare --market examples/markets/aapl-like.json --market examples/markets/yieldspace-aapl-like.json --buy-pt --sizes 1k,10k,100k,1m
page tear-sheet.html --market examples/markets/aapl-like.json
