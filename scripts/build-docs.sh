#!/usr/bin/env bash
# Builds the YieldStrip library's DocC documentation with the toolchain alone: the compiler's symbol graphs,
# then `docc convert` on Sources/YieldStrip/YieldStrip.docc. Fails on any DocC warning.
#
# Usage: scripts/build-docs.sh [OUTPUT_DIR]     (default: .build/docs/YieldStrip.doccarchive)
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.build/docs/YieldStrip.doccarchive}"
graphs=.build/docs/symbol-graphs
rm -rf "$graphs" "$out"
mkdir -p "$graphs"

swift build --target YieldStrip -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" >&2
# Only the library's own module (and its extensions of the standard library).
find "$graphs" -name '*.symbols.json' ! -name 'YieldStrip.symbols.json' ! -name 'YieldStrip@*.symbols.json' -delete

docc convert Sources/YieldStrip/YieldStrip.docc \
    --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name YieldStrip --fallback-bundle-identifier org.yieldstrip.YieldStrip \
    --output-path "$out" --warnings-as-errors
echo "documentation: $out" >&2
