#!/bin/bash
# Every number the prose quotes is checked by a test.
#
#   tests/check-values.sh doc.nw CHECKED
#
# Lists the keys doc.nw uses as \val{program/key} (TeX comment lines
# aside), and the keys the tests checked and passed (CHECKED, one a line,
# written by tests/values.h while make check ran the tests).  Names every
# used key no test checked, and fails if there is one; prints
# "N keys used, M checked" either way.
set -eu -o pipefail
doc=$1 checked=$2
used=$(grep -v '^[[:space:]]*%' "$doc" | grep -o '\\val{[^}]*}' | sed 's/^\\val{//; s/}$//' | sort -u)
passed=$(sort -u "$checked" 2>/dev/null || true)
missing=$(comm -23 <(printf '%s\n' "$used") <(printf '%s\n' "$passed"))
n_used=$(printf '%s\n' "$used" | grep -c .)
n_checked=$(comm -12 <(printf '%s\n' "$used") <(printf '%s\n' "$passed") | grep -c . || true)
if [ -n "$missing" ]; then
  while read -r key; do
    echo "$doc: \\val{$key} is checked by no test: add check_number(\"$key\", reference, digits) to a test in tests/ (see tests/values.h)" >&2
  done <<<"$missing"
  echo "values: $n_used keys used, $n_checked checked" >&2
  exit 1
fi
echo "values: $n_used keys used, $n_checked checked"
