#!/usr/bin/env bash
# plot.sh NAME BUILD: figures/NAME.gp becomes BUILD/fig/NAME.tex and
# BUILD/fig/NAME.pdf (gnuplot's cairolatex terminal).
#
# The script reads data/... relative to BUILD, and the .tex it writes
# includes fig/NAME by that relative name.  So gnuplot runs in a scratch
# directory where data/ is a link to BUILD/data and fig/ is new; the two
# files are renamed into BUILD/fig/ only when gnuplot has finished without
# a word on stderr (a warning is an error here), the .tex last, so a kill
# at any instant leaves no figure that is newer than its inputs but wrong.
#
# gnuplot is given the text block's width in cm, text_width, from
# BUILD/text-width (mm, written by the Makefile from doc.nw): no figure is
# wider (figures/style.gp).
set -eu -o pipefail
name=$1 b=$2
read -r text_mm <"$b/text-width"
script=$PWD/figures/$name.gp
work=$b/tmp/plot-$name
rm -rf "$work"
mkdir -p "$work/fig" "$b/fig"
ln -s ../../data "$work/data"
if ! (cd "$work" && gnuplot -e "output_file='fig/$name.tex'; text_width=$text_mm/10.0" "$script") 2>"$work/err"; then
    sed "s|^|figures/$name.gp: |" "$work/err" >&2
    exit 1
fi
if [ -s "$work/err" ]; then
    sed "s|^|figures/$name.gp: warning: |" "$work/err" >&2
    exit 1
fi
mv -f "$work/fig/$name.pdf" "$b/fig/$name.pdf"
mv -f "$work/fig/$name.tex" "$b/fig/$name.tex"
rm -rf "$work"
