#!/usr/bin/env bash
# Sets up a fresh machine and starts oasst on its embedded server: `bash scripts/run.sh [oasst arguments]`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product oasst
exec env LANG="${LANG:-C.UTF-8}" .build/release/oasst "$@"
