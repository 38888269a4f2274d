#!/usr/bin/env bash
# check-figures.sh DOC.nw BUILD: every figure doc.nw inputs has its script
# in figures/ and was drawn from it (BUILD/fig/NAME.pdf newer than the
# script); every script is used by doc.nw; every figure label is cited.
set -eu -o pipefail
doc=$1 b=$2
for f in $(grep -oE 'fig/[A-Za-z0-9_-]+\.tex' "$doc" | LC_ALL=C sort -u); do
    n=${f#fig/}; n=${n%.tex}
    [ -f "figures/$n.gp" ] || { echo "$doc: $f has no script figures/$n.gp" >&2; exit 1; }
    [ "$b/fig/$n.pdf" -nt "figures/$n.gp" ] || { echo "$b/fig/$n.pdf was not generated" >&2; exit 1; }
done
for gp in figures/*.gp; do
    n=${gp##*/}; n=${n%.gp}
    [ "$n" != style ] || continue
    grep -q "fig/$n.tex" "$doc" || { echo "$gp: not used by $doc" >&2; exit 1; }
done
for l in $(grep -oE '\\label\{fig:[^}]+\}' "$doc" | sed 's/^\\label//'); do
    grep -qF "\\ref$l" "$doc" || { echo "$doc: figure $l is never cited (\\ref$l)" >&2; exit 1; }
done
