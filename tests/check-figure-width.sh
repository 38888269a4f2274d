#!/usr/bin/env bash
# check-figure-width.sh BUILD [DOC.nw]: every figure of BUILD/doc.pdf lies
# inside the text block, from side to side.  pdfTeX wrote to BUILD/doc.pag,
# as each page was shipped out, the text block's left and right edges
# ("textblock LEFTpt RIGHTpt TOPpt") and, for each figure, the box of its
# drawing: "figurebox FILE LEFT WIDTH PAGE" (sp; the left edge where the
# box landed on the page).  The box is gnuplot's canvas, and the figure's
# labels lie inside it (tests/figure-text.sh), so the box inside the text
# block is the whole figure inside it.
#
# It fails, naming the figure (its number as printed) and its page, when
# a figure's box starts left of the text block or ends right of it (by
# more than 0.01 pt, TeX's rounding), or when doc.pag records a different
# number of figures than DOC.nw inputs.
set -eu -o pipefail
b=$1 doc=${2:-doc.nw}
pag=$b/doc.pag
[ -s "$pag" ] || { echo "$pag: missing or empty" >&2; exit 1; }
expected=$(grep -cE '^[^%]*\\input\{fig/[A-Za-z0-9_-]+\.tex\}' "$doc" || true)
awk -v file="$pag" -v expected="$expected" '
    function pt(sp) { return sp / 65536 }
    $1 == "textblock" { left = $2; right = $3; sub(/pt$/, "", left); sub(/pt$/, "", right); left += 0; right += 0 }
    $1 == "figurebox" {
        n++; x0 = pt($3); x1 = pt($3 + $4)
        if (x0 < left - 0.01) { printf "%s: figure %d (%s, PDF page %d) starts %.1f pt left of the text block\n", file, n, $2, $5, left - x0; bad = 1 }
        if (x1 > right + 0.01) { printf "%s: figure %d (%s, PDF page %d) is %.1f pt wide and ends %.1f pt right of the text block (%.1f pt wide)\n", file, n, $2, $5, pt($4), x1 - right, right - left; bad = 1 }
        if (pt($4) > widest) widest = pt($4)
    }
    END {
        if (!right) { printf "%s: no textblock line\n", file; exit 1 }
        if (n != expected) { printf "%s: %d figures recorded, but doc.nw inputs %d\n", file, n, expected; bad = 1 }
        if (!bad) printf "  %s: all %d figures inside the text block (%.1f pt), the widest %.1f pt\n", file, n, right - left, widest
        exit bad
    }' "$pag"
