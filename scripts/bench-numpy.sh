#!/usr/bin/env bash
# The Double calcTrade sweep beside numpy: builds the benchmark (release), then runs its
# `calcTrade Double sweep (per size)` row and numpy's vectorised version of the same formula on the same
# pre-computed market and the same 2^20 sizes, and prints both per-size costs and their ratio. Says so and
# prints the Swift row alone when numpy is not installed. Exit status 3 when Swift is slower than numpy.
#
# Usage: scripts/bench-numpy.sh [--no-build] [--repeats N]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
if [[ "${1:-}" == "--no-build" ]]; then build=0; shift; fi
if (( build )); then swift build -c release --product yieldstrip-bench >&2; fi
bench=.build/release/yieldstrip-bench
if [[ ! -x "$bench" ]]; then echo "error: $bench is missing; run without --no-build" >&2; exit 2; fi
if ! command -v python3 >/dev/null; then
    echo "note: python3 is not installed, so numpy is not either; only the Swift row is measured" >&2
    exec "$bench" --filter "calcTrade Double sweep (per size)"
fi
if ! python3 -c 'import numpy' 2>/dev/null; then
    echo "note: numpy is not installed for $(command -v python3 || echo python3); only the Swift row is measured" >&2
fi
exec python3 scripts/bench-numpy.py "$bench" "$@"
