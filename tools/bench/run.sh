#!/usr/bin/env bash
# Runs the benchmarks on the release build (tools/setup.sh builds it and the data).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
"$root/build/release/tools/bench/frontmap-bench" "$@"
