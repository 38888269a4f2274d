#!/usr/bin/env bash
# run-program.sh PROGRAM DIR [ARG...]: runs PROGRAM --data-dir TMP ARG...
# and brings DIR up to date with what it wrote (its standard output is kept
# as stdout.txt).  A file whose bytes did not change keeps its timestamp,
# so nothing drawn or typeset from it is redone; a changed file is renamed
# into place whole; a file the program no longer writes goes.
set -eu -o pipefail
program=$1 dir=$2
shift 2
tmp=$(dirname "$dir")/.run-$(basename "$dir")
rm -rf "$tmp"
mkdir -p "$tmp" "$dir"
status=0
"$program" --data-dir "$tmp" "$@" >"$tmp/stdout.txt" || status=$?
if [ "$status" != 0 ]; then
    echo "$program: failed (exit $status); see the message above" >&2
    rm -rf "$tmp"
    exit 1
fi
for f in "$dir"/*; do
    [ -e "$tmp/${f##*/}" ] || rm -f "$f"
done
for f in "$tmp"/*; do
    if cmp -s "$f" "$dir/${f##*/}"; then rm -f "$f"; else mv -f "$f" "$dir/"; fi
done
rm -rf "$tmp"
