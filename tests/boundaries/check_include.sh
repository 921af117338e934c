#!/usr/bin/env bash
# Compiles one #include as a source of the given stage would, with exactly that stage's include
# roots (the flags file CMake generates from the target), and checks that the compiler allows or
# refuses it as the link lines say. A refusal counts only when it is the header that is not found:
# a header that fails for another reason is a broken test, not an enforced boundary.
#   check_include.sh COMPILER FLAGS_FILE HEADER allowed|forbidden
set -uo pipefail
compiler=$1 flags=$2 header=$3 expect=$4
out=$(printf '#include "%s"\n' "$header" | "$compiler" @"$flags" -fsyntax-only -x c++ - 2>&1)
status=$?
case $expect in
  allowed)
    if [[ $status -eq 0 ]]; then echo "ok: $header compiles"; exit 0; fi
    echo "FAIL: $header should compile for this stage but does not:"; echo "$out"; exit 1 ;;
  forbidden)
    if [[ $status -ne 0 && $out == *"$header: No such file or directory"* ]]; then
      echo "ok: $header is out of reach"; exit 0
    fi
    if [[ $status -eq 0 ]]; then echo "FAIL: $header compiles, but this stage may not include it"; exit 1; fi
    echo "FAIL: $header failed for another reason than being out of reach:"; echo "$out"; exit 1 ;;
  *) echo "usage: check_include.sh COMPILER FLAGS_FILE HEADER allowed|forbidden" >&2; exit 2 ;;
esac
