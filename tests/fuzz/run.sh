#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer, UBSan) and runs each for SECONDS from
# seeds taken from the tests: the corpus articles, a scene the CLI wrote, the named styles, and
# JSONL made of the articles. Two targets run at a time, the next starting as soon as one ends.
# A crash fails the run and leaves its input in build/fuzz/crashes/. Prints each target's
# executions. With --runs, each target runs until it has executed N inputs instead of for a time.
# FUZZ_SANITIZERS=undefined builds without AddressSanitizer (in build/fuzz-undefined), several
# times faster, for runs of many executions; the default is address,undefined.
#   usage: tests/fuzz/run.sh [SECONDS | --runs N] [TARGET...]     (default 60 s, every target)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ "${1:-}" = --runs ]; then
  limit=(-runs="$2"); what="$2 runs"; shift 2
else
  limit=(-max_total_time="${1:-60}"); what="${1:-60} s"; shift || true
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenize article scene style jsonl)
sanitizers=${FUZZ_SANITIZERS:-address,undefined}
build=$root/build/fuzz
[ "$sanitizers" = address,undefined ] || build=$root/build/fuzz-${sanitizers//,/-}
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DFRONTMAP_FUZZ=ON -DFRONTMAP_SANITIZE=ON -DFRONTMAP_SANITIZERS="$sanitizers" -DFRONTMAP_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

# Seeds are small: a fuzzer executes an input in time proportional to its size, and the paths a
# paragraph takes are the paths an article takes (long inputs have their own bad-input cases).
seeds=$build/seeds
rm -rf "$seeds" && mkdir -p "$seeds"/{text,scene,style,jsonl} "$build/crashes"
cp "$root"/styles/*.json "$seeds/style/"
if [ -x "$root/build/release/frontmap" ]; then
  "$root/build/release/frontmap" --data "$root/data" scene "$root/examples/kherson-advance.txt" > "$seeds/kherson.geojson" || true
fi
python3 - "$seeds" "$root"/tests/corpus/articles/*.txt "$root"/examples/*.txt "$root"/tests/bad_input/fixtures/*.txt <<'PY'
import hashlib, json, re, sys, pathlib
seeds = pathlib.Path(sys.argv[1])
def seed(folder, data):
    (seeds / folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
paragraphs = []
for name in sys.argv[2:]:
    text = pathlib.Path(name).read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"\[\[([^|\]]*)\|[^\]]*\]\]", r"\1", text)  # the corpus's labels, not article text
    for paragraph in text.split("\n\n"):
        data = paragraph.strip().encode()
        if 0 < len(data) <= 1000:
            paragraphs.append(data.decode())
            seed("text", data)
for i in range(0, len(paragraphs), 4):
    lines = [json.dumps({"id": f"a{i + k}", "text": t, "date": "2022-10-12"}) for k, t in enumerate(paragraphs[i:i + 4])]
    seed("jsonl", ("\n".join(lines) + '\n{"id": 3, "text": null}\nnot json\n').encode())
# A scene the CLI wrote, and scenes of its header with one feature of each kind, then one of all.
scene_file = seeds / "kherson.geojson"
if scene_file.exists() and scene_file.stat().st_size:
    scene = json.loads(scene_file.read_text())
    firsts = {}
    for f in scene["features"]:
        firsts.setdefault(f["properties"].get("kind"), f)
    for features in [[f] for f in firsts.values()] + [list(firsts.values())]:
        seed("scene", json.dumps(dict(scene, features=features)).encode())
PY
seed_of() { case $1 in tokenize|article) echo text ;; *) echo "$1" ;; esac; }
# Each target's input bound: a paragraph, a batch of them, a scene of a few features, a style.
max_len_of() { case $1 in tokenize|article) echo 1024 ;; jsonl) echo 4096 ;; scene) echo 8192 ;; *) echo 4096 ;; esac; }

run_one() {
  local t=$1 work=$build/work-$1
  rm -rf "$work" && mkdir -p "$work"
  if ! (cd "$build/crashes" && "$build/tests/fuzz/fuzz_$t" "${limit[@]}" -max_len="$(max_len_of "$t")" -print_final_stats=1 -rss_limit_mb=4096 \
        "$work" "$seeds/$(seed_of "$t")" > "$build/fuzz_$t.log" 2>&1); then
    echo "fuzz: $t FAILED (see $build/fuzz_$t.log and $build/crashes)"; tail -30 "$build/fuzz_$t.log"; return 1
  fi
  local stats=$build/fuzz_$t.log
  echo "fuzz: $t: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$stats" | grep -o '[0-9]*$') executions" \
       "($what asked, $(grep -o 'Done [0-9]* runs in [0-9]* second' "$stats" | grep -o 'in [0-9]*' | grep -o '[0-9]*') s), no crash"
}

# A pool of two lanes: a long target does not hold a short one back.
status=0
running=0
for t in "${targets[@]}"; do
  if [ $running -ge 2 ]; then wait -n || status=1; running=$((running - 1)); fi
  run_one "$t" & running=$((running + 1))
done
while [ $running -gt 0 ]; do wait -n || status=1; running=$((running - 1)); done
exit $status
