#!/usr/bin/env bash
# Runs the whole test suite (unit, golden, server, curses and tmux end-to-end tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
swift build -c release --static-swift-stdlib --product oasst
OASST_BINARY="$PWD/.build/release/oasst" swift test "$@"
