#!/usr/bin/env bash
# figure-deps.sh BUILD SCRIPT.gp...: writes BUILD/figures.mk, which makes
# each figure depend on the data files its script plots (every
# 'data/PROGRAM/FILE' the script names), so that make reads the scripts
# once, when one of them changes, and not on every run.
set -eu -o pipefail
b=$1
shift
mkdir -p "$b"
out=$b/.figures.mk.tmp
{
    echo "# Written by build-aux/figure-deps.sh from the figure scripts: do not edit."
    for gp in "$@"; do
        name=${gp##*/}
        name=${name%.gp}
        [ "$name" != style ] || continue
        data=$( (grep -oE 'data/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+' "$gp" || true) | LC_ALL=C sort -u \
                | sed "s|^|$b/|" | tr '\n' ' ')
        echo "$b/fig/$name.tex $b/fig/$name.pdf: $data"
    done
} >"$out"
mv -f "$out" "$b/figures.mk"
