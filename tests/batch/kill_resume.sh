#!/usr/bin/env bash
# A batch killed with -9 at random moments, again and again, then resumed: every article ends up
# mapped, and no truncated PNG, SVG or PDF is ever in the output folder, after any kill.
# usage: kill_resume.sh FRONTMAP ARTICLE...   (KILLS=20 by default)
set -euo pipefail
frontmap=$1
shift
kills=${KILLS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"

# 24 stories from the articles given, each under its own id.
python3 - "$@" > "$work/day.jsonl" <<'PY'
import json, sys
texts = [open(a).read() for a in sys.argv[1:]]
for k in range(24):
    print(json.dumps({"id": "story-%02d" % k, "text": texts[k % len(texts)]}))
PY

# Every map in the folder is whole: a PNG ends with its IEND chunk, an SVG with </svg>, a PDF
# with %%EOF.
check_whole() {
  python3 - "$work/out" <<'PY'
import pathlib, sys
bad = []
for f in pathlib.Path(sys.argv[1]).iterdir():
    data = f.read_bytes()
    if f.suffix == ".png" and not (data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")):
        bad.append(f.name)
    elif f.suffix == ".svg" and not data.rstrip().endswith(b"</svg>"):
        bad.append(f.name)
    elif f.suffix == ".pdf" and not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
        bad.append(f.name)
if bad:
    print("kill_resume: truncated maps in the output folder: " + ", ".join(sorted(bad)))
    sys.exit(1)
PY
}

run_batch() {
  "$frontmap" batch "$work/day.jsonl" --out "$work/out" --formats png,svg,pdf --jobs 2 --resume --quiet
}

landed=0
rounds=0
while ((landed < kills)); do
  rounds=$((rounds + 1))
  ((rounds <= 10 * kills)) || { echo "kill_resume: only $landed of $kills kills landed in $rounds rounds"; exit 1; }
  # frontmap itself in the background (not a shell function, whose subshell would take the kill).
  "$frontmap" batch "$work/day.jsonl" --out "$work/out" --formats png,svg,pdf --jobs 2 --resume --quiet 2> /dev/null &
  pid=$!
  # 50 ms to 1.5 s: during start-up, mid-map, mid-write and mid-manifest.
  sleep "$(awk -v r="$RANDOM" 'BEGIN {printf "%.3f", 0.05 + 1.45 * r / 32767}')"
  # A batch that already finished is a zombie until waited for: that kill does not count.
  if [[ $(awk '{print $3}' "/proc/$pid/stat" 2> /dev/null) != Z ]] && kill -9 "$pid" 2> /dev/null; then landed=$((landed + 1)); fi
  wait "$pid" 2> /dev/null || true
  check_whole
  # A day finished between kills starts again, so the next kill lands mid-work.
  done_count=$(grep -c '"status":"done"' "$work/out/manifest.jsonl" 2> /dev/null) || done_count=0
  if ((done_count >= 24)); then rm -f "$work/out/"*; fi
done

run_batch || { echo "kill_resume: the resumed batch failed"; exit 1; }
check_whole
python3 - "$work/out" "$work/day.jsonl" "$kills" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
ids = [json.loads(line)["id"] for line in open(sys.argv[2])]
last = {}
for line in open(out / "manifest.jsonl"):
    try:
        rec = json.loads(line)
    except ValueError:
        continue  # a line a kill cut short
    last[rec["name"]] = rec["status"]
missing = [i for i in ids if last.get(i) != "done" or not all((out / (i + ext)).is_file() for ext in (".png", ".svg", ".pdf"))]
leftover = [f.name for f in out.iterdir() if f.name.endswith(".tmp")]
if missing or leftover:
    print("kill_resume: not done: %s; temporary files left: %s" % (missing, leftover))
    sys.exit(1)
print("kill_resume: %d articles done after killing the batch %s times" % (len(ids), sys.argv[3]))
PY
