#!/bin/bash
# tests/figure-text.sh must catch what it is for and pass what it is not.
#   1. The y label that overprinted the tick labels 1e-10..1e-14 of the
#      error figure (figures/limit-error.gp before the page-size style, at
#      10 pt with `set ylabel offset 1,0`): must be reported.
#   2. The same axes with the label in its default place: must pass.
#      (Their x ticks are every third decade: every second stood under 6
#      points apart, which case 4's rule reports.)
#   3. Normal math beside each other (superscripts, subscripts, a radical,
#      a prime, a hat, a fraction slash): must pass.
#   4. Tick labels 0, 5, ..., 100 on a 12.5 cm axis, which do not overlap
#      but stand about 2 points apart: must be reported.
#   5. The same axis with a tick every 20: must pass.
# Each is drawn by gnuplot's cairolatex and set standalone as the build does.
# Usage: tests/figure-text-selftest.sh WORKDIR
set -eu -o pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$1
rm -rf "$work" && mkdir -p "$work/fig"
# TeX is given only relative names: the tree's own path may hold anything.
cp "$here/figures/standalone.tex" "$work/standalone.tex"
cd "$work"

draw() {  # name, gnuplot commands: draws fig/name.tex/.pdf, sets name.pdf
  gnuplot -e "set terminal cairolatex pdf size 12.5cm,7.5cm font ',10'; set output 'fig/$1.tex'; $2" 2>"$1.err"
  if [ -s "$1.err" ]; then cat "$1.err" >&2; exit 1; fi
  pdflatex -interaction=nonstopmode -halt-on-error -jobname "$1" \
    "\\def\\figname{$1}\\input{standalone.tex}" >"$1.console" 2>&1 \
    || { tail -20 "$1.console" >&2; exit 1; }
}

axes="set logscale xy; set format x '\$10^{%T}\$'; set format y '\$10^{%T}\$';
  set xrange [1e-18:2]; set yrange [1e-17:10]; set xtics 1e-18, 1000; set ytics 1e-16, 100;
  set xlabel 'step \$h\$'; set ylabel '\$|\\mathrm{quotient} - f^\\prime(x)|\$'"
draw collision "$axes; set ylabel offset 1,0; plot x notitle"
draw apart "$axes; plot x notitle"
draw math "set xrange [0:1]; set yrange [0:1]; unset key;
  set label 1 '\$h = 10^{-j/8}\$, \$h = 2^{-k}\$' at 0.1, 0.9;
  set label 2 '\$h = \\sqrt{\\varepsilon}\$, \$\\varepsilon^{1/3}\$' at 0.1, 0.8;
  set label 3 '\$f(x, y) = x^2 y\$, \$\\partial f/\\partial x\$' at 0.1, 0.7;
  set label 4 '\$L - L_{\\min}\$, \$f^\\prime(x)\$, \$\\hat y = wx + b\$' at 0.1, 0.6;
  set label 5 'secant, \$h = 2\$' at 0.1, 0.5;
  plot x notitle"
draw crowded "set xrange [0:100]; set xtics 5; plot x notitle"
draw spaced "set xrange [0:100]; set xtics 20; plot x notitle"

failed=0
# caught PDF WORD WHAT: figure-text.sh fails on PDF, naming WORD.
caught() {
  local out
  if out=$("$here/tests/figure-text.sh" "$1"); then
    echo "figure-text: $3 was not caught" >&2; failed=1
  elif ! grep -F "$2" <<<"$out" >/dev/null; then
    echo "figure-text: $3 was reported as something else: $out" >&2; failed=1
  fi
}
caught collision.pdf quotient "the y label over the tick labels"
"$here/tests/figure-text.sh" apart.pdf >&2 \
  || { echo "figure-text: flags a y label in its default place" >&2; failed=1; }
"$here/tests/figure-text.sh" math.pdf >&2 \
  || { echo "figure-text: flags normal math" >&2; failed=1; }
caught crowded.pdf numbers "tick labels 2 points apart"
"$here/tests/figure-text.sh" spaced.pdf >&2 \
  || { echo "figure-text: flags tick labels a tick every 20 apart" >&2; failed=1; }
exit $failed
