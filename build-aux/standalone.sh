#!/usr/bin/env bash
# standalone.sh NAME BUILD: the cairolatex pair BUILD/fig/NAME.tex and .pdf
# set on a page of its own (figures/standalone.tex: the document's fonts
# and size, the CropBox the figure) as BUILD/fig/standalone/NAME.pdf.  The
# SVG and PNG are made from this PDF by the Makefile.
#
# pdflatex runs in a scratch directory; a LaTeX warning is an error; the
# PDF is renamed into place only when complete.
set -eu -o pipefail
name=$1 b=$2
work=tmp/standalone-$name
cd "$b"
# TeX is given only relative names: the tree's own path may hold anything.
wrapper=../figures/standalone.tex
rm -rf "$work"
mkdir -p "$work" fig/standalone
if ! pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$work" -jobname "$name" \
        "\\def\\figname{$name}\\input{$wrapper}" >"$work/console" 2>&1; then
    tail -20 "$work/console" >&2
    exit 1
fi
if grep -E '^(LaTeX|Package|Class|pdfTeX)( [A-Za-z]+)? (Font )?Warning|^pdfTeX warning|^(Overfull|Underfull)' \
        "$work/$name.log" | sed "s|^|$b/fig/standalone/$name.pdf: |" >&2; then
    exit 1
fi
mv -f "$work/$name.pdf" "fig/standalone/$name.pdf"
rm -rf "$work"
