#!/usr/bin/env bash
# Builds the release binaries as scripts/run.sh does and runs the benchmarks: `bash scripts/bench.sh [scenario…]`.
# The figures and the machine they came from are in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
swift build -c release --static-swift-stdlib --product oasst
swift build -c release --static-swift-stdlib --product oasst-bench
exec .build/release/oasst-bench "$@"
