#!/usr/bin/env bash
# Batch throughput: COUNT generated wire articles (tools/bench/wiregen.py) mapped to 1200x800 PNGs
# with --jobs 1 and then --jobs 2; prints maps per second, the scaling, and peak memory
# (/usr/bin/time -v). A benchmark, not a test: run it on a quiet machine.
# usage: tools/bench/batch.sh [COUNT]   (default 1000)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
frontmap=$root/build/release/frontmap
count=${1:-1000}
[[ -x $frontmap ]] || { echo "batch.sh: error: $frontmap: not built (run tools/setup.sh)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "batch.sh: error: /usr/bin/time: not installed (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tools/bench/wiregen.py" --count "$count" > "$work/day.jsonl"
declare -A rate
for jobs in 1 2; do
  mkdir "$work/out$jobs"
  /usr/bin/time -v "$frontmap" batch "$work/day.jsonl" --out "$work/out$jobs" --jobs "$jobs" --size 1200x800 --formats png --quiet \
    2> "$work/time$jobs" || { cat "$work/time$jobs" >&2; exit 1; }
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time$jobs")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time$jobs")
  done_count=$(grep -c '"status":"done"' "$work/out$jobs/manifest.jsonl" || true)
  rate[$jobs]=$(awk -v n="$count" -v s="$secs" 'BEGIN {printf "%.1f", n / s}')
  echo "batch: --jobs $jobs: $done_count/$count maps in ${secs} s = ${rate[$jobs]} maps/s, peak RSS ${rss} MB"
done
awk -v a="${rate[1]}" -v b="${rate[2]}" 'BEGIN {printf "batch: scaling --jobs 1 -> 2: %.2fx\n", b / a}'
