#!/usr/bin/env bash
# check-page-selftest.sh BUILD SCRATCH: the page checks can fail.  Each
# case copies BUILD's record of the typeset pages (doc.pag) or its woven
# code (doc.tex) into SCRATCH, breaks one thing the way a bad layout or
# weave would, and expects tests/check-page.sh or
# tests/check-identifier-links.sh to fail with the message that names it.
set -eu -o pipefail
b=$1 s=$2
rm -rf "$s"
mkdir -p "$s/latex"
for f in doc.pdf doc.log code-breaks.tex; do ln -s "$PWD/$b/$f" "$s/$f"; done
for f in doc.out doc.toc doc.lof doc.lot; do ln -s "$PWD/$b/latex/$f" "$s/latex/$f"; done
# The PDF's text is read once, for all the cases.
export PAGE_TEXT=$s/text
n=0
expect() {   # expect NAME MESSAGE: check-page.sh on $s fails, saying MESSAGE
    local out
    if out=$(bash tests/check-page.sh "$s" 2>&1); then
        echo "check-page-selftest: $1: check-page.sh passed a broken page" >&2; exit 1
    fi
    grep -qF -- "$2" <<<"$out" || { printf 'check-page-selftest: %s: expected "%s" in:\n%s\n' "$1" "$2" "$out" >&2; exit 1; }
    n=$((n + 1))
}
# Every chunk counted one line longer than doc.nw has it.
awk '$1 == "end" { $3++ } { print }' "$b/doc.pag" >"$s/doc.pag"
expect "miscounted lines" "lengths differ from"
# A chunk of 12 lines or fewer, its end moved to the next page.
awk '$1 == "end" && $3 <= 12 && !done { $4++; done = 1 } { print }' "$b/doc.pag" >"$s/doc.pag"
expect "split short chunk" "is split across PDF pages"
# A long chunk broken inside a statement, a fair place on the line above:
# the first line of class 9 (see build-aux/code-breaks.awk) that follows
# one of class 5 or less, every line after it in its chunk moved to the
# next page, and the text block's foot put at its height.
pick=$(awk '{ c = $0; sub(/^\\pb@breaks\{/, "", c); sub(/\}.*/, "", c)
              d = $0; sub(/^.*\}\{/, "", d); sub(/\}$/, "", d)
              for (k = 4; k <= length(d) - 3; k++)
                  if (substr(d, k, 1) == 9 && substr(d, k - 1, 1) <= 5) { print c, k; exit } }' "$b/code-breaks.tex")
awk -v chunk="${pick% *}" -v line="${pick#* }" '
     FNR == NR { if ($1 == "line" && $2 == chunk && $3 == line) y = $5; next }
     $1 == "textblock" { $5 = (y / 65536) "pt" }
     $1 == "line" && $2 == chunk && $3 > line { $4++ }
     { print }' "$b/doc.pag" "$b/doc.pag" >"$s/doc.pag"
expect "break inside a statement" "a place of class 9 (inside a statement)"
# A "continued" note on the page after a chunk's last page.
awk '{ print } $1 == "end" && !done { print "continued", $2, 0, $4 + 1; done = 1 }' "$b/doc.pag" >"$s/doc.pag"
expect "false continued" "is continued, but it runs on pages"
# A table on a page that opens inside a chunk, at the text block's top.
awk '$1 == "textblock" { top = $4; sub(/pt$/, "", top) } { print }
     $1 == "continued" && !done { printf "tabletop 4475231 %d %d\n", top * 65536, $4; printf "tablefoot 4475231 %d %d\n", top * 65536 - 65536, $4; done = 1 }' \
    "$b/doc.pag" >"$s/doc.pag"
expect "float inside a chunk" "opens with a table inside chunk"
# A whole caption in the list of figures.
cp "$b/doc.pag" "$s/doc.pag"
rm "$s/latex/doc.lof"   # a link to the build's own list: never written through
sed '1s/\\ignorespaces [^}]*}/\\ignorespaces Distance fallen against time.  The secant over the first second has the one-second average speed as its slope; the tangent has the speed right now}/' \
    "$b/latex/doc.lof" >"$s/latex/doc.lof"
expect "long caption in the list" "not a short caption"
# A table's record moved 100 pt to the left: its words now stand outside.
awk '$1 == "textblock" { $2 = ($2 + 100) "pt"; $3 = ($3 + 100) "pt" } { print }' "$b/doc.pag" >"$s/doc.pag"
expect "table outside the text block" "outside the text block"
# Every margin note a line above its header, as the triangles to the
# previous and next parts once were: the words right of the text block
# (their boxes from pdftotext -bbox) moved 13 pt up.
cp "$b/doc.pag" "$s/doc.pag"
mkdir -p "$s/text-up"
cp "$s/text/doc.txt" "$s/text/dests" "$s/text-up/"
awk '/<word / { match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
                if (x > 410) { match($0, /yMax="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) - 13
                               $0 = substr($0, 1, RSTART + 5) y substr($0, RSTART + RLENGTH - 1) } }
     { print }' "$s/text/doc.html" >"$s/text-up/doc.html"
PAGE_TEXT=$s/text-up expect "notes a line above their headers" "in the margin beside no chunk header"
# The title 60 pt left of the centre, where it once stood.
mkdir -p "$s/text-left"
cp "$s/text/doc.txt" "$s/text/dests" "$s/text-left/"
awk '/<page / { page++ }
     page == 1 && /<word / { for (k = 1; k <= 2; k++) { key = k == 1 ? "xMin" : "xMax"
         match($0, key "=\"[0-9.]+\""); x = substr($0, RSTART + 6, RLENGTH - 7) - 60
         $0 = substr($0, 1, RSTART + 5) x substr($0, RSTART + RLENGTH - 1) } }
     { print }' "$s/text/doc.html" >"$s/text-left/doc.html"
PAGE_TEXT=$s/text-left expect "title off centre" "off the centre of the page"
# The contents with a line "Exercises" under every section of Part I, as
# they once had (each section's line is followed by one).
mkdir -p "$s/text-ex"
cp "$s/text/doc.html" "$s/text/dests" "$s/text-ex/"
awk 'BEGIN { RS = ORS = "\f" }
     { n = split($0, L, "\n"); out = ""
       for (i = 1; i <= n; i++) { out = out L[i] (i < n ? "\n" : "")
           if (L[1] ~ /Contents +[ivx]+ *$/ && L[i] ~ /^[0-9]+ +[A-Z]/ && i < n)
               out = out "     Exercises . . . . . . . . . . . . . . . .   3\n" }
       print out }' "$s/text/doc.txt" | sed '$ s/\f$//' >"$s/text-ex/doc.txt"
PAGE_TEXT=$s/text-ex expect "exercises in the contents" 'list "Exercises" 11 times'
# Every page headed by the last section that starts on it, as LaTeX heads
# them by default: the head of each page that opens in one section and
# starts the next names the next (its number and title from the contents).
mkdir -p "$s/text-last"
cp "$s/text/doc.html" "$s/text/dests" "$s/text-last/"
awk 'BEGIN { RS = ORS = "\f" }
     { n = split($0, L, "\n"); for (i = 2; i <= n; i++) if (L[i] ~ /^ *2 +The limit definition formula *$/) {
           sub(/1 +What a derivative is/, "2   The limit definition formula", L[1]); break }
       out = ""; for (i = 1; i <= n; i++) out = out L[i] (i < n ? "\n" : ""); print out }' \
    "$s/text/doc.txt" >"$s/text-last/doc.txt"
PAGE_TEXT=$s/text-last expect "head of the last section" "not by \"1 What\""
# An entry of the list of figures whose title runs up to its page
# number, as LaTeX's own list let long titles do: a word inserted on the
# first page number's line, ending 2 pt left of the number.
mkdir -p "$s/text-toc"
cp "$s/text/doc.txt" "$s/text/dests" "$s/text-toc/"
awk '/<word / && !done && />List<\/word>/ { list = 1 }
     /<word / && list && !done && />[0-9]+<\/word>/ {
         match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
         if (x > 380) { w = $0; sub(/xMin="[0-9.]+"/, "xMin=\"" (x - 40) "\"", w); sub(/xMax="[0-9.]+"/, "xMax=\"" (x - 2) "\"", w)
                        sub(/>[0-9]+</, ">residuals<", w); print w; done = 1 } }
     { print }' "$s/text/doc.html" >"$s/text-toc/doc.html"
PAGE_TEXT=$s/text-toc expect "list entry into its number" "before the box of its page number"
# Part I's last page with only two lines, as it once had (the last two
# of an exercise): the page before Part II's title cut to its head and
# two lines.
mkdir -p "$s/text-part"
cp "$s/text/doc.html" "$s/text/dests" "$s/text-part/"
awk 'BEGIN { RS = "\f" } /\n *Part II *\n/ { print NR - 1; exit }' "$s/text/doc.txt" >"$s/part-page"
awk -v cut="$(cat "$s/part-page")" 'BEGIN { RS = ORS = "\f" }
     NR == cut { n = split($0, L, "\n"); out = ""; k = 0
                 for (i = 1; i <= n && k < 3; i++) { out = out L[i] "\n"; if (L[i] ~ /[^ ]/) k++ }
                 $0 = out }
     { print }' "$s/text/doc.txt" | sed '$ s/\f$//' >"$s/text-part/doc.txt"
PAGE_TEXT=$s/text-part expect "a part's last page of two lines" "carries 2 lines"
# The outline without the exercises' entries: the contents no longer
# list them, so they must be reachable there.
rm "$s/latex/doc.out"
grep -v '{\\376\\377\\000E\\000x\\000e\\000r\\000c\\000i\\000s\\000e\\000s}' "$b/latex/doc.out" >"$s/latex/doc.out"
expect "exercises not in the outline" '0 outline entries "Exercises"'
rm "$s/latex/doc.out"
ln -s "$PWD/$b/latex/doc.out" "$s/latex/doc.out"
# Identifier links inside a comment, a string and after a member's dot.
tex=$s/doc.tex
printf '%s\n' '\nwbegincode{1}x' \
    '    y = 0;   /* the \nwlinkedidentc{line}{NW1} here */' \
    '    puts("a \nwlinkedidentc{dual}{NW2} number");' \
    '    d.\nwlinkedidentc{line}{NW1}.w = 1;' \
    '\nwendcode{}' >"$tex"
out=$(bash tests/check-identifier-links.sh "$tex" 2>&1) && { echo "check-page-selftest: check-identifier-links.sh passed links in a comment" >&2; exit 1; }
for m in "inside a comment" "inside a string" "after . or ->"; do
    grep -qF -- "$m" <<<"$out" || { echo "check-page-selftest: check-identifier-links.sh did not report a link $m" >&2; exit 1; }
done
n=$((n + 1))
rm -rf "$s"
echo "  check-page-selftest: $n broken pages and weaves, each caught"
