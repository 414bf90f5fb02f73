#!/usr/bin/env bash
# The test command: installs what is missing, builds everything with warnings as errors, and runs
# every test suite (each starts its own throwaway PostgreSQL cluster).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci --parallel "$(nproc)"
ctest --preset ci --parallel 2
