#!/usr/bin/env bash
# make bench: each build scenario's wall time beside its floor, the work it
# cannot avoid, measured here step by step on this machine, and the ratio.
#
#   clean build (-j2)    the longer of the critical path (tangle, library,
#                        then for each figure: its programs compiled and
#                        run, gnuplot) and half of all the work (two
#                        cores), then 4 pdflatex passes (a clean document
#                        needs 4: table of contents, chunk references, PDF)
#   no-op make           nothing: it must write no file and take <= 50 ms
#   prose-only edit      the longer of tangle and weave, then P pdflatex passes
#   code edit            one program recompiled and rerun after the tangle
#                        (beside the weave), then P pdflatex passes: the
#                        first must wait to learn whether the data changed
#   output-changing edit as the code edit, then its figure, then P passes
#   figure script edit   that gnuplot, then P pdflatex passes
#
# P is 1 when the edit leaves the cross-references as they were, and 2
# when it changes them (any of doc.aux, .toc, .lof, .lot, .out, .ind
# differs after the build from before it: a caption quoting a changed
# number, a page break moved): the first pass reads the old list of
# figures, so a second must set the new one.
#   html after a prose edit  the longest of the tangle, noweb's pipeline and
#                        the weave then P pdflatex passes; then the converter
#
# Last, two more clean builds of the unedited tree, with -j1 and -j4 in two
# other directories, must give the same PDF, byte for byte.
#
# Each step of a floor is timed alone, the best of three runs.  All work is
# on a scratch copy of the tree, so your checkout is never touched.
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/derivml-bench.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
(cd "$top" && tar cf - --exclude=./build --exclude=./.git .) | (cd "$scratch" && tar xf -)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}
export FORCE_SOURCE_DATE=1 GNUPLOT_LIB=$scratch/figures
b=$scratch/build
cc=${CC:-cc}

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
best() {  # best COMMAND...: the least wall time of three runs, in seconds
    local t least=
    for _ in 1 2 3; do
        local s; s=$(now); "$@" >/dev/null 2>&1; t=$(secs "$s" "$(now)")
        if [ -z "$least" ] || awk -v a="$t" -v b="$least" 'BEGIN { exit !(a < b) }'; then least=$t; fi
    done
    echo "$least"
}
calc() { awk "BEGIN { printf \"%.3f\", ($1) }"; }

declare -A took ran passes
aux_files='doc.aux doc.toc doc.lof doc.lot doc.out doc.ind'
run_make() {  # run_make NAME [TARGET]: make -j2, its time, the steps it ran, P
    local log=$scratch/make.log s f
    rm -rf "$scratch/aux-before" && mkdir -p "$scratch/aux-before"
    for f in $aux_files; do [ ! -f "$b/latex/$f" ] || cp "$b/latex/$f" "$scratch/aux-before/"; done
    s=$(now)
    make -C "$scratch" --no-print-directory -j2 ${2:+"$2"} >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    took[$1]=$(secs "$s" "$(now)")
    passes[$1]=1
    for f in $aux_files; do cmp -s "$b/latex/$f" "$scratch/aux-before/$f" || passes[$1]=2; done
    ran[$1]=$( (grep -E '^  [A-Z]+ ' "$log" || true) | awk '{print $1}' | sort | uniq -c \
               | awk '{printf "%s %s, ", $2, $1}' | sed 's/, $//')
    [ -n "${ran[$1]}" ] || ran[$1]=$(tail -n 1 "$log")
}

# ------------------------------------------------------------ the scenarios
run_make clean
touch "$scratch/before-noop"; sleep 1
run_make noop
written=$(find "$b" -newer "$scratch/before-noop" | wc -l)
# A prose-only edit: a few words more in the first section.
sed -i '0,/^This document starts from the question/s//This document, in short, starts from the question/' "$scratch/doc.nw"
run_make prose
# A code edit: one loop of one program written another way; that program
# is recompiled and rerun, and since its output is the same, nothing else.
sed -i '0,/for (long k = 0; k <= decades; k++) {/s//for (long k = 0; k <= decades; k += 1) {/' "$scratch/doc.nw"
run_make code
# A code edit that changes one program's output: its data, its figure and
# the PDF are redone, nothing else.
sed -i 's/static struct rise_run_example parameters = {.x = 3.0, .h = 1.0};/static struct rise_run_example parameters = {.x = 3.0, .h = 0.9};/' "$scratch/doc.nw"
run_make output
# A figure script edit: that figure is redrawn and the PDF retypeset.
sed -i 's/^set yrange \[-2:32\]/set yrange [-2:33]/' "$scratch/figures/limit-secants.gp"
run_make figure
# The web edition: built once, then rebuilt after a prose-only edit.
run_make html html
sed -i '0,/^This document, in short, starts/s//This document, in brief, starts/' "$scratch/doc.nw"
run_make html-prose html

# ------------------------------------------------------------ the floors
f=$scratch/floor
mkdir -p "$f/obj" "$f/data"
t_tangle=$(best bash "$scratch/build-aux/tangle.sh" "$scratch/doc.nw" "$f/tangle")
# The weave and noweb's pipeline as the Makefile runs them (NOWEB_INDEX).
index="/usr/lib/noweb/markup doc.nw | /usr/lib/noweb/finduses NOQUOTE | awk -f build-aux/c-uses.awk | /usr/lib/noweb/noidx -delay"
t_weave=$(best sh -c "cd '$scratch' && ${index/NOQUOTE/} | /usr/lib/noweb/totex -delay >'$f/doc.tex'")
cp -r "$b/latex" "$f/latex"
t_tex=$(cd "$b" && best pdflatex -interaction=nonstopmode -halt-on-error -output-directory="$f/latex" doc.tex)
flags="-std=c11 -O2 -g -I$b/src/lib"
t_lib=0
for c in "$b"/src/lib/*.c; do
    t=$(best "$cc" $flags -c "$c" -o "$f/obj/lib.o")
    t_lib=$(calc "$t_lib + $t")
done
t_lib=$(calc "$t_lib / 2")   # two cores
declare -A t_prog
work=$(calc "$t_tangle + 2 * $t_lib + $t_weave + 4 * $t_tex")
for p in $(sed -n 's/^PROGRAMS :=//p' "$b/tangle.mk"); do
    t_cc=$(best sh -c "$cc $flags -c '$b/src/$p.c' -o '$f/obj/$p.o' && $cc '$f/obj/$p.o' '$b/obj/libderivml.a' -o '$f/obj/$p' -lm")
    args=; [ "$p" != fit-line ] || args=$b/data/descend-loss/samples.tsv
    t_run=$(best "$f/obj/$p" --data-dir "$f/data" $args)
    t_prog[$p]=$(calc "$t_cc + $t_run")
    work=$(calc "$work + ${t_prog[$p]}")
done
declare -A t_plot
path=0
for gp in "$scratch"/figures/*.gp; do
    n=${gp##*/}; n=${n%.gp}; [ "$n" != style ] || continue
    t_plot[$n]=$(cd "$scratch" && best bash build-aux/plot.sh "$n" build)
    work=$(calc "$work + ${t_plot[$n]}")
    slowest=0
    for p in $(grep -oE "^build/fig/$n\.tex .*" "$b/figures.mk" | grep -oE 'data/[^/]+/' | sort -u | cut -d/ -f2); do
        slowest=$(calc "${t_prog[$p]} > $slowest ? ${t_prog[$p]} : $slowest")
    done
    path=$(calc "$slowest + ${t_plot[$n]} > $path ? $slowest + ${t_plot[$n]} : $path")
done
path=$(calc "$t_tangle + $t_lib + $path + 4 * $t_tex")
half=$(calc "$work / 2")
floor_clean=$(calc "$path > $half ? $path : $half")
floor_prose=$(calc "($t_tangle > $t_weave ? $t_tangle : $t_weave) + ${passes[prose]} * $t_tex")
a=$(calc "$t_tangle + ${t_prog[limit-quotient]}")
floor_code=$(calc "($a > $t_weave ? $a : $t_weave) + ${passes[code]} * $t_tex")
a=$(calc "$t_tangle + ${t_prog[rise-run]} + ${t_plot[rise-run]}")
floor_output=$(calc "($a > $t_weave ? $a : $t_weave) + ${passes[output]} * $t_tex")
floor_figure=$(calc "${t_plot[limit-secants]} + ${passes[figure]} * $t_tex")
# The web edition after a prose edit: the tangle, noweb's pipeline and the
# weave then P pdflatex passes, side by side (the converter reads the
# PDF's contents and chunk tags), then the converter writing every page.
t_pipe=$(best sh -c "cd '$scratch' && ${index/NOQUOTE/-noquote} >'$f/doc.pipe'")
t_html=$(best sh -c "rm -rf '$f/html' && node '$scratch/web/nw2html.js' '$b/doc.pipe' '$b' '$f/html'")
a=$(calc "$t_weave + ${passes[html-prose]} * $t_tex")
a=$(calc "$a > $t_tangle ? $a : $t_tangle")
floor_html=$(calc "($a > $t_pipe ? $a : $t_pipe) + $t_html")

# ------------------------------------------------------------ reproducible
same=yes
for j in 1 4; do
    mkdir -p "$scratch/j$j/tree $j"
    (cd "$top" && tar cf - --exclude=./build --exclude=./.git .) | (cd "$scratch/j$j/tree $j" && tar xf -)
    make -C "$scratch/j$j/tree $j" --no-print-directory -j"$j" >"$scratch/j$j.log" 2>&1 \
        || { cat "$scratch/j$j.log" >&2; exit 1; }
done
cmp -s "$scratch/j1/tree 1/build/doc.pdf" "$scratch/j4/tree 4/build/doc.pdf" || same=NO

# ------------------------------------------------------------ the report
echo "make bench on $(nproc) cores ($(uname -m)), make -j2; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "floor steps, best of 3: tangle $t_tangle s, weave $t_weave s, pdflatex pass $t_tex s," \
     "library $t_lib s (two cores), noweb pipeline $t_pipe s, nw2html $t_html s"
echo "P: the pdflatex passes an edit's floor counts, 2 when the edit changed the cross-references"
printf '%-24s %8s %8s %6s   %s\n' scenario time floor ratio "steps run"
row() {  # row NAME KEY FLOOR [P]: P, the passes the floor counts, is shown
    local ratio=- floor=-
    [ "$3" = - ] || { ratio=$(calc "${took[$2]} / $3"); floor=$(calc "$3")s; ratio=${ratio%?}; }
    printf '%-24s %7.2fs %8s %6s   %s%s\n' "$1" "${took[$2]}" "$floor" "$ratio" "${ran[$2]}" \
        "${4:+; P = ${passes[$2]}}"
}
row "clean build" clean "$floor_clean"
printf '%-24s %6.0fms %8s %6.2f   %s; %s file(s) written\n' "no-op make" \
    "$(calc "${took[noop]} * 1000")" "50ms" "$(calc "${took[noop]} * 1000 / 50")" "${ran[noop]}" "$written"
row "prose-only edit" prose "$floor_prose" P
row "code edit" code "$floor_code" P
row "output-changing edit" output "$floor_output" P
row "figure script edit" figure "$floor_figure" P
row "html" html -
row "html after a prose edit" html-prose "$floor_html" P
echo "clean builds with -j1 and -j4 in two other directories: byte-identical PDFs: $same"
[ "$same" = yes ]
