#!/usr/bin/env bash
# unwritable_out.sh FIT_RANKER: --out in a folder that cannot be written (a file stands where the
# folder should be, which stops root too) fails at once, before the corpus or the gazetteer is
# read, with the rule file named, and leaves nothing behind.
set -u
tool=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
: > "$dir/taken"
out=$("$tool" "$dir/no-corpus.jsonl" --data "$dir/no-data" --out "$dir/taken/ranker.json" 2>&1)
code=$?
[ "$code" -eq 1 ] || { echo "exit code $code, expected 1: $out"; exit 1; }
case $out in
  "frontmap-fit-ranker: error: cannot write $dir/taken/ranker.json"*) ;;
  *) echo "unexpected message: $out"; exit 1 ;;
esac
left=$(ls -A "$dir")
[ "$left" = taken ] && [ ! -s "$dir/taken" ] || { echo "left behind: $left"; exit 1; }
echo "ok: $out"
