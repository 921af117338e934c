#!/usr/bin/env bash
# The batch's HTML report in a real browser: Debian's headless Chromium opens the page and says
# how many images it has, how many failed to load or lack alt text, and how many scripts ran.
# Article text that looks like markup must stay text: no script of its own, no image of its own.
# usage: check_report.sh FRONTMAP ARTICLE...
set -euo pipefail
frontmap=$1
shift
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  # tools/setup.sh installs it; only a machine set up some other way lacks it.
  echo "check_report: chromium is not installed (tools/setup.sh installs it)" >&2
  [[ ${CI:-} == true ]] && exit 1
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"

# Every article once under a hostile title, then a line that is not JSON.
hostile='</h2><script>document.title="pwned"</script><img src=x onerror="document.title=1">'
n=0
for article in "$@"; do
  n=$((n + 1))
  python3 -c 'import json,sys; print(json.dumps({"id": "story-%s\"><script>" % sys.argv[2], "title": sys.argv[3], "source": "Test Wire", "date": "2022-10-21", "text": open(sys.argv[1]).read()}))' \
    "$article" "$n" "$hostile" >> "$work/day.jsonl"
done
echo '{"id": "broken", "text": ' >> "$work/day.jsonl"

status=0
"$frontmap" batch "$work/day.jsonl" --out "$work/out" --formats png,svg --report "$work/report.html" --quiet 2> "$work/err" || status=$?
[[ $status == 1 ]] || { echo "check_report: batch exited $status, expected 1 (one bad line)"; cat "$work/err"; exit 1; }
if grep -qi '<script' "$work/report.html"; then echo "check_report: the report holds a <script> element"; exit 1; fi

# The check runs in a copy, so the report itself stays free of scripts.
check='<script>addEventListener("load",()=>{const i=[...document.images];'
check+='const bad=i.filter(x=>!x.complete||x.naturalWidth===0||!x.alt.startsWith("Map: "));'
check+='document.body.setAttribute("data-check","images="+i.length+" bad="+bad.length+" scripts="+document.scripts.length+" title="+document.title.replace(/ /g,"_")+" failed="+document.querySelectorAll(".failed li").length)})</script>'
sed "s#</body>#${check//&/\\&}</body>#" "$work/report.html" > "$work/check.html"
dom=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
  --virtual-time-budget=15000 --dump-dom "file://$work/check.html" 2>/dev/null)
got=$(grep -o 'data-check="[^"]*"' <<< "$dom" || true)
want="data-check=\"images=$n bad=0 scripts=1 title=$n""_maps failed=1\""
if [[ $got != "$want" ]]; then
  echo "check_report: the browser saw ${got:-nothing}, expected $want"
  exit 1
fi
echo "check_report: $n maps load in Chromium with their alt text, article text stays text"
