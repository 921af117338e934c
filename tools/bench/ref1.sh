#!/usr/bin/env bash
# REF-1 (southern Ukraine, 1600x1200, EPSG:3857) drawn by frontmap beside Mapnik, whole process,
# in the peers' harness: once with styles/ref1.json, REF-1's own content, like for like; then with
# the default basemap (shores, rivers, towns by importance, legend, scale bar, inset) for scale.
# Each figure: 1 map in a process, and 10 maps in one process (tools/bench/ref1.cpp, as the
# peers' --repeat 10), per map = (10 maps - 1 map) / 9. Quote the ratios to Mapnik's.
#   usage: tools/bench/ref1.sh [-n RUNS]     env: PEERS=folder of run.sh (default ../shared/bench/peers)
# The harness's prepare.sh must have run once (it installs Mapnik and the peers' data).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
peers=${PEERS:-$root/../shared/bench/peers}
[ -f "$peers/run.sh" ] || { echo "ref1.sh: error: no peers harness at $peers (set PEERS)" >&2; exit 1; }
runs=(-n 5)
[ "${1:-}" = -n ] && runs=(-n "$2")
ref1="$root/build/release/tools/bench/frontmap-ref1"
cd "$root"
echo "== REF-1 content (--style ref1) =="
OUTDIR=/tmp/frontmap-peers/bench-ref1 FRONTMAP_ARGS="--style ref1" FRONTMAP_BATCH="$ref1 {out} --repeat 10 --style ref1" \
  bash "$peers/run.sh" "${runs[@]}" frontmap mapnik
echo "== frontmap's default basemap at REF-1's extent =="
OUTDIR=/tmp/frontmap-peers/bench-default FRONTMAP_ARGS="" FRONTMAP_BATCH="$ref1 {out} --repeat 10 --style default" \
  bash "$peers/run.sh" "${runs[@]}" frontmap mapnik
