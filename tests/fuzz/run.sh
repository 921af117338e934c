#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer, UBSan) and runs each for SECONDS from
# seeds taken from the tests: the corpus articles, a scene the CLI wrote, the named styles, and
# JSONL made of the articles. Two targets run at a time. A crash fails the run and leaves its
# input in build/fuzz/crashes/. Prints each target's executions.
#   usage: tests/fuzz/run.sh [SECONDS] [TARGET...]     (default 60 s, every target)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenize article scene style jsonl)
build=$root/build/fuzz
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DFRONTMAP_FUZZ=ON -DFRONTMAP_SANITIZE=ON -DFRONTMAP_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

seeds=$build/seeds
rm -rf "$seeds" && mkdir -p "$seeds"/{text,scene,style,jsonl} "$build/crashes"
cp "$root"/tests/corpus/articles/*.txt "$root"/examples/*.txt "$root"/tests/bad_input/fixtures/*.txt "$seeds/text/"
cp "$root"/styles/*.json "$seeds/style/"
if [ -x "$root/build/release/frontmap" ]; then
  "$root/build/release/frontmap" --data "$root/data" scene "$root/examples/kherson-advance.txt" > "$seeds/scene/kherson.geojson" || true
fi
python3 - "$seeds" "$root"/tests/corpus/articles/*.txt <<'PY'
import json, sys, pathlib
seeds = pathlib.Path(sys.argv[1])
for i, name in enumerate(sys.argv[2:12]):
    text = pathlib.Path(name).read_text(encoding="utf-8")
    line = json.dumps({"id": pathlib.Path(name).stem, "text": text, "date": "2022-10-12"})
    (seeds / "jsonl" / f"{i}.jsonl").write_text(line + "\n" + '{"id": 3, "text": null}\n' + "not json\n")
    # A scene seed per article is the CLI's job; the scene target also starts from the one above.
PY
seed_of() { case $1 in tokenize|article) echo text ;; *) echo "$1" ;; esac; }

run_one() {
  local t=$1 work=$build/work-$1
  rm -rf "$work" && mkdir -p "$work"
  if ! (cd "$build/crashes" && "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=4096 \
        "$work" "$seeds/$(seed_of "$t")" > "$build/fuzz_$t.log" 2>&1); then
    echo "fuzz: $t FAILED (see $build/fuzz_$t.log and $build/crashes)"; tail -30 "$build/fuzz_$t.log"; return 1
  fi
  echo "fuzz: $t: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$build/fuzz_$t.log" | grep -o '[0-9]*$') executions in ${seconds} s, no crash"
}

status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  pids=()
  for t in "${targets[@]:i:2}"; do run_one "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
done
exit $status
