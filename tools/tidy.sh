#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the top) over every source in src/ and tools/, two at a time, and
# fails on any warning that tools/tidy-baseline.txt does not list. The baseline holds the warnings
# left when the gate was set up, keyed by file, check and message (not line, which moves), and
# only shrinks: fix one and delete its line; a new warning is fixed, or its check is excluded in
# .clang-tidy with the reason. TIDY_BASELINE=/dev/null shows every warning.
#   usage: tools/tidy.sh [BUILD_DIR] [FILE...]   (default build/release, every file; the build
#          folder must have been configured, as it holds compile_commands.json and the stage roots)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/release}
[ $# -gt 0 ] && shift
[ -f "$build/compile_commands.json" ] || { echo "tidy: error: $build/compile_commands.json: configure the build first" >&2; exit 2; }
cd "$root"
files=("$@")
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(ls src/*/*.cpp tools/*/*.cpp)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%s\n' "${files[@]}" | xargs -P"$(nproc)" -I{} sh -c \
  'clang-tidy -p "$0" --quiet "$1" > "$2/$(echo "$1" | tr / _).log" 2>&1 || true' "$build" {} "$out"
# A header's warning is reported once per source that includes it.
warnings=$(cat "$out"/*.log | grep -E "^[^ ].*: (warning|error): " | sed -E "s#^$root/##; s#^.*stage_include/[a-z_]+/(public|private)/#src/#" | sort -u || true)
keyed=$(echo "$warnings" | sed -E 's#^([^:]+):[0-9]+:[0-9]+: #\1: #' | grep -v '^$' | sort || true)
baseline=${TIDY_BASELINE:-$root/tools/tidy-baseline.txt}
known=$(grep -v '^#' "$baseline" | sort || true)
new=$(comm -23 <(echo "$keyed") <(echo "$known") | grep -v '^$' || true)
# A listed warning that is gone must leave the list, so the list only shrinks: else a new warning
# of the same file, check and message would take its place unseen. Only a run over every file can
# tell (a header's warnings show through the sources that include it).
stale=$(comm -13 <(echo "$keyed") <(echo "$known") | grep -v '^$' || true)
if [ -n "$stale" ] && [ $# -eq 0 ]; then
  echo "$stale"
  echo "tidy: $(echo "$stale" | wc -l) warning(s) of $baseline are gone: delete their lines" >&2
  exit 1
fi
if [ -n "$new" ]; then
  # Each new warning with its line: the n-th of a key's occurrences beyond those the baseline allows.
  awk -v new="$new" 'BEGIN { n = split(new, lines, "\n"); for (i = 1; i <= n; i++) left[lines[i]]++ }
    { key = $0; sub(/:[0-9]+:[0-9]+: /, ": ", key); if (left[key]-- > 0) print }' <<< "$warnings"
  echo "tidy: $(echo "$new" | wc -l) new warning(s) in ${#files[@]} file(s)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files, no new warning ($(echo "$keyed" | grep -c . || true) in the baseline)"
