#!/usr/bin/env bash
# Runs the test suite with code coverage (in a scratch path of its own, so the normal build is not
# touched) and writes the line coverage of each library target, per file and in total, to docs/coverage.md.
#
# Usage: scripts/coverage.sh [--keep]     (--keep: keep the scratch build in .build-coverage;
#        YIELDSTRIP_COVERAGE_REPORT_ONLY=1 rewrites the report from a kept run without running the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-coverage
keep=0
[ "${1:-}" = "--keep" ] && keep=1

if [ "${YIELDSTRIP_COVERAGE_REPORT_ONLY:-0}" != 1 ]; then
    swift build --build-tests --enable-code-coverage --scratch-path "$scratch" >&2
    swift test --skip-build --enable-code-coverage --scratch-path "$scratch" >&2
fi
profile=$(find "$scratch" -name default.profdata | head -1)
binary=$(find "$scratch" -name 'YieldStripPackageTests.xctest' -type f | head -1)
[ -n "$profile" ] && [ -n "$binary" ] || { echo "coverage data not found under $scratch" >&2; exit 1; }

# The toolchain's llvm-cov (the one beside swift reads its profiles; a system one may not).
llvm_cov="$(dirname "$(readlink -f "$(command -v swift)")")/llvm-cov"
[ -x "$llvm_cov" ] || llvm_cov=llvm-cov
report() {
    "$llvm_cov" report "$binary" -instr-profile "$profile" "$@"
}
{
    echo "# Test coverage"
    echo
    echo "Line coverage of the library targets by the test suite (\`swift test\`), written by"
    echo "\`scripts/coverage.sh\` (\`swift test --enable-code-coverage\`, then \`llvm-cov report\`). Regenerate it after a"
    echo "change to the library or its tests."
    echo
    echo "| target | lines | missed | line coverage |"
    echo "| --- | ---: | ---: | ---: |"
    for target in YieldStripMath YieldStripJSON YieldStrip YieldStripBatch YieldStripCharts YieldStripCLI; do
        report "Sources/$target" | awk -v t="$target" '/^TOTAL/ { printf "| %s | %s | %s | %s |\n", t, $8, $9, $10 }'
    done
    echo
    echo "Per file (the library's three targets, least covered first):"
    echo
    echo "| file | lines | missed | line coverage |"
    echo "| --- | ---: | ---: | ---: |"
    report Sources/YieldStripMath Sources/YieldStripJSON Sources/YieldStrip \
        | awk '/\.swift / { sub(".*Sources/", "", $1); c = $10; sub("%", "", c); printf "%s %s %s %s %s\n", c, $1, $8, $9, $10 }' \
        | sort -n | awk '{ printf "| %s | %s | %s | %s |\n", $2, $3, $4, $5 }'
} > docs/coverage.md
[ "$keep" = 1 ] || rm -rf "$scratch"
echo "wrote docs/coverage.md" >&2
