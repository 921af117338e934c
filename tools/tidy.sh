#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the top) over every source in src/ and tools/, two at a time, and
# fails on any warning: .ci/run runs it, so the tree stays clean. A new warning is fixed, or its
# check is excluded in .clang-tidy with the reason, or (for one site) NOLINT with the reason beside it.
#   usage: tools/tidy.sh [BUILD_DIR] [FILE...]   (default build/release, every file; the build
#          folder must have been configured, as it holds compile_commands.json and the stage roots)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/release}
[ $# -gt 0 ] && shift
[ -f "$build/compile_commands.json" ] || { echo "tidy: error: $build/compile_commands.json: configure the build first" >&2; exit 2; }
command -v clang-tidy >/dev/null || { echo "tidy: error: clang-tidy: not installed (apt-get install clang-tidy)" >&2; exit 2; }
cd "$root"
files=("$@")
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(ls src/*/*.cpp tools/*/*.cpp)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%s\n' "${files[@]}" | xargs -P"$(nproc)" -I{} sh -c \
  'clang-tidy -p "$0" --quiet "$1" > "$2/$(echo "$1" | tr / _).log" 2>&1 || true' "$build" {} "$out"
# A header's warning is reported once per source that includes it.
warnings=$(cat "$out"/*.log | grep -E "^[^ ].*: (warning|error): " | sed -E "s#^$root/##; s#^.*stage_include/[a-z_]+/(public|private)/#src/#" | sort -u || true)
if [ -n "$warnings" ]; then
  echo "$warnings"
  echo "tidy: $(echo "$warnings" | wc -l) warning(s) in ${#files[@]} file(s)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files, no warning"
