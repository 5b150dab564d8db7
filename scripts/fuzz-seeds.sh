#!/usr/bin/env bash
# Regenerates the fuzzer's seed corpus (Fuzz/corpus/) and dictionary (Fuzz/fuzz.dict) from the reference
# vectors, the request and command lines of docs/, the example market files and schedules
# (Fuzz/SeedCorpus.swift; docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${YIELDSTRIP_FUZZ_SCRATCH:-.build-fuzz}
bash scripts/fuzz.sh --build-only
YIELDSTRIP_FUZZ_WRITE_SEEDS="$PWD/Fuzz/corpus" YIELDSTRIP_FUZZ_WRITE_DICTIONARY="$PWD/Fuzz/fuzz.dict" YIELDSTRIP_ROOT="$PWD" \
    "$scratch/yieldstrip-fuzz"
