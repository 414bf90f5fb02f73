#!/usr/bin/env bash
# The test command: installs what is missing, builds everything with warnings as errors and runs
# every test suite (each starts its own throwaway PostgreSQL cluster); then the same suites once
# more under AddressSanitizer and UndefinedBehaviorSanitizer, and the fuzz targets (clang's
# libFuzzer) for a short while each on their corpora. MUSTER_QUICK=1 skips those two passes.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci --parallel "$(nproc)"
ctest --preset ci --parallel 2

if [ "${MUSTER_QUICK:-0}" = 1 ]; then
    exit 0
fi

echo "== the suites again under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset sanitize
cmake --build --preset sanitize --parallel "$(nproc)"
ctest --preset sanitize --parallel 2

echo "== the fuzz targets, ${MUSTER_FUZZ_SECONDS:-20} s each"
cmake --preset fuzz -DMUSTER_FUZZ_SECONDS="${MUSTER_FUZZ_SECONDS:-20}"
cmake --build --preset fuzz --parallel "$(nproc)"
ctest --preset fuzz
