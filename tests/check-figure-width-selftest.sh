#!/usr/bin/env bash
# check-figure-width-selftest.sh BUILD SCRATCH: tests/check-figure-width.sh
# can fail.  Each case copies BUILD's record of the typeset pages (doc.pag)
# into SCRATCH, changes one figure's record the way a wide or misplaced
# figure would, and expects the check to fail with the message naming it.
set -eu -o pipefail
b=$1 s=$2
rm -rf "$s"
mkdir -p "$s"
n=0
expect() {   # expect NAME MESSAGE: check-figure-width.sh on $s fails, saying MESSAGE
    local out
    if out=$(bash tests/check-figure-width.sh "$s" 2>&1); then
        echo "check-figure-width-selftest: $1: check-figure-width.sh passed a figure outside the text block" >&2; exit 1
    fi
    grep -qF -- "$2" <<<"$out" || { printf 'check-figure-width-selftest: %s: expected "%s" in:\n%s\n' "$1" "$2" "$out" >&2; exit 1; }
    n=$((n + 1))
}
# The last figure 1 pt wider than the text block, from the same left edge.
awk '$1 == "textblock" { w = ($3 - $2 + 1) * 65536 } $1 == "figurebox" { last = NR } { line[NR] = $0; f[NR] = $1 }
     END { for (i = 1; i <= NR; i++) { if (i == last) { split(line[i], a, " "); a[4] = int(w); print a[1], a[2], a[3], a[4], a[5] } else print line[i] } }' \
    "$b/doc.pag" >"$s/doc.pag"
expect "wide figure" "right of the text block"
# The first figure moved 2 pt into the left margin.
awk '$1 == "figurebox" && !done { $3 -= 2 * 65536; done = 1 } { print }' "$b/doc.pag" >"$s/doc.pag"
expect "figure in the left margin" "left of the text block"
# A figure whose record is missing.
awk '$1 == "figurebox" && !done { done = 1; next } { print }' "$b/doc.pag" >"$s/doc.pag"
expect "unrecorded figure" "figures recorded, but doc.nw inputs"
echo "  check-figure-width-selftest: $n broken records, each caught"
