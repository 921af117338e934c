#!/usr/bin/env bash
# One bad-input case (cases/*.case): runs its command against the real binary and checks that the
# promise holds: the exit code expected, a message of the form expected, no library text or
# "internal error" reaching the user, no temporary file left behind, and the case's own check.
#   usage: run_case.sh FRONTMAP CASE FIXTURES_DIR
# A case file holds "key: value" lines ('#' starts a comment):
#   setup:  shell run first, in the case's own empty folder (may be repeated)
#   run:    the command; `frontmap` is the binary under test, {fixtures} the fixtures folder
#   exit:   the expected exit code, or several as a regular expression (0|143)
#   stderr: an extended regular expression standard error must match (may be repeated)
#   check:  shell that must succeed afterwards (may be repeated)
set -uo pipefail
bin=$(realpath "$1")
case_file=$(realpath "$2")
fixtures=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { sed -n "s/^$1: //p" "$case_file" | sed "s#{fixtures}#$fixtures#g"; }
fail() { echo "bad-input case $(basename "$case_file"): $*"; echo "--- stderr:"; cat "$work/.stderr"; exit 1; }

run=$(field run)
expected_exit=$(field exit)
[ -n "$run" ] && [ -n "$expected_exit" ] || { echo "$case_file: needs run: and exit:"; exit 1; }

cd "$work" || exit 1
frontmap() { "$bin" "$@"; }
export -f frontmap
export bin
: > .stderr
while IFS= read -r line; do
  bash -c "$line" > /dev/null 2>> .stderr || fail "setup failed: $line"
done < <(field setup)
: > .stderr
bash -c "$run" > .stdout 2> .stderr
status=$?

[[ "$status" =~ ^($expected_exit)$ ]] || fail "exit $status, expected $expected_exit"
while IFS= read -r pattern; do
  grep -Eq -- "$pattern" .stderr || fail "stderr does not match: $pattern"
done < <(field stderr)
# What a user must never see, whatever the input.
for leak in "internal error" "json\.exception" "CRITICAL" "terminate called" "Unknown error" "basic_filebuf" "std::" "what\(\)"; do
  grep -Eq -- "$leak" .stderr && fail "stderr shows a library's or the program's internals ($leak)"
done
grep -q $'\x1b' .stderr && fail "stderr echoes an escape code raw"
leftover=$(find . -name '.*.tmp' | head -1)
[ -z "$leftover" ] || fail "a temporary file was left behind: $leftover"
while IFS= read -r check; do
  bash -c "$check" > /dev/null 2>&1 || fail "check failed: $check"
done < <(field check)
echo "ok: $(basename "$case_file")"
