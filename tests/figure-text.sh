#!/bin/bash
# Figure text must be readable: in each standalone figure PDF given, no two
# words overlap and every word lies inside the figure.  Words and their
# boxes come from `pdftotext -bbox` (the box of a word is its glyphs' font
# box: advance width by ascender to descender), which reads the whole
# MediaBox; the figure is the page's CropBox (figures/standalone.tex leaves
# a margin between the two, so that text outside the figure is seen).
#
# Tolerance: boxes may overlap by up to TOL (0.5) points in either direction, as
# a superscript touches its base and a subscript its symbol.  A lone radical
# sign is exempt from the overlap test (not from the inside test): TeX hangs
# it from the top of the radicand, below the baseline pdftotext assumes, so
# its font box stands above the glyph and would touch the line above.
#
# Numbers on one line (tick labels, mostly) must stand GAP (8) points
# apart or more: two words that are each a number alone, overlapping in
# height by half the smaller or more and apart by more than TOL, less than
# GAP.  Two ticks' labels 7 points apart read as one number ("5 0"), as
# 10^{-16} 2.6 points before the next tick's 10 runs into it.  Parts of
# one label touch (a power's exponent, gap 0) or are not numbers alone.
#
# Usage: tests/figure-text.sh FIGURE.pdf...   Exit 1 naming each problem.
set -eu -o pipefail
TOL=${TOL:-0.5}
GAP=${GAP:-8}
status=0
for pdf in "$@"; do
  # The CropBox in pdftotext's coordinates (origin top left of the MediaBox).
  crop=$(pdfinfo -box "$pdf" | awk '/^MediaBox:/ { h = $5 } /^CropBox:/ { print $2, h - $5, $4, h - $3 }')
  [ -n "$crop" ] || { echo "$pdf: no CropBox (not a standalone figure?)" >&2; status=1; continue; }
  pdftotext -bbox "$pdf" - | awk -v pdf="$pdf" -v tol="$TOL" -v gap="$GAP" -v crop="$crop" '
    function attr(name,   m) {
      if (match($0, name "=\"[^\"]*\"")) return substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0
      return 0
    }
    BEGIN { split(crop, c, " "); X0 = c[1]; Y0 = c[2]; X1 = c[3]; Y1 = c[4] }
    /<word / {
      n++; x0[n] = attr("xMin"); y0[n] = attr("yMin"); x1[n] = attr("xMax"); y1[n] = attr("yMax")
      t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
      gsub(/&lt;/, "<", t); gsub(/&gt;/, ">", t); gsub(/&quot;/, "\"", t); gsub(/&amp;/, "\\&", t)
      word[n] = t
      number[n] = (t ~ /^(−|-)?[0-9]+(\.[0-9]+)?$/)
    }
    function ov(a0, a1, b0, b1) { return (a1 < b1 ? a1 : b1) - (a0 > b0 ? a0 : b0) }
    END {
      bad = 0
      if (n == 0) { printf "%s: no text found\n", pdf; exit 1 }
      for (i = 1; i <= n; i++) {
        if (x0[i] < X0 - tol || y0[i] < Y0 - tol || x1[i] > X1 + tol || y1[i] > Y1 + tol) {
          printf "%s: \"%s\" at (%.1f, %.1f)-(%.1f, %.1f) pt lies outside the figure, (%.1f, %.1f)-(%.1f, %.1f)\n", \
            pdf, word[i], x0[i], y0[i], x1[i], y1[i], X0, Y0, X1, Y1
          bad = 1
        }
        if (word[i] == "√") continue
        for (j = i + 1; j <= n; j++) {
          if (word[j] == "√") continue
          dx = ov(x0[i], x1[i], x0[j], x1[j]); dy = ov(y0[i], y1[i], y0[j], y1[j])
          if (dx > tol && dy > tol) {
            printf "%s: \"%s\" and \"%s\" overlap by %.1f x %.1f pt at (%.1f, %.1f)\n", \
              pdf, word[i], word[j], dx, dy, (x0[i] > x0[j] ? x0[i] : x0[j]), (y0[i] > y0[j] ? y0[i] : y0[j])
            bad = 1
          }
          if (number[i] && number[j] && dy >= (y1[i] - y0[i] < y1[j] - y0[j] ? y1[i] - y0[i] : y1[j] - y0[j]) / 2) {
            apart = (x0[j] > x1[i] ? x0[j] - x1[i] : x0[i] - x1[j])
            if (apart > tol && apart < gap) {
              printf "%s: numbers \"%s\" and \"%s\" on one line stand %.1f pt apart (under %g) at (%.1f, %.1f)\n", \
                pdf, word[i], word[j], apart, gap, (x0[i] < x0[j] ? x1[i] : x1[j]), (y0[i] > y0[j] ? y0[i] : y0[j])
              bad = 1
            }
          }
        }
      }
      exit bad
    }' || status=1
done
exit $status
