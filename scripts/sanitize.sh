#!/usr/bin/env bash
# Builds and runs the whole test suite under a sanitizer, in a scratch path of its own (.build-asan,
# .build-tsan), so the normal build is not touched.
#
# Usage: scripts/sanitize.sh [address|thread] [--keep]
#   address    (default) out-of-bounds and use-after-free accesses, and leaks (LeakSanitizer; the toolchain
#              libraries' own are suppressed: scripts/sanitizers/lsan.supp)
#   thread     data races
#   --keep     keep the scratch build (deleted otherwise)
# (`undefined` is not offered: swiftc refuses -sanitize=undefined on Linux. Swift's own checks of overflow,
# bounds and unwrapping trap in every build.)
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizer=${1:-address}
keep=0
[ "${2:-}" = "--keep" ] && keep=1
case "$sanitizer" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "usage: scripts/sanitize.sh [address|thread] [--keep]" >&2; exit 2 ;;
esac

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0}

# lld: the default gold linker warns about every sanitizer runtime symbol it cannot export.
swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" -Xswiftc -use-ld=lld
status=0
swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" -Xswiftc -use-ld=lld || status=$?
[ "$keep" = 1 ] || rm -rf "$scratch"
exit "$status"
