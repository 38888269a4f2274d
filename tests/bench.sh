#!/usr/bin/env bash
# make bench: wall time of a clean build, a no-op make, a rebuild after a
# prose-only edit and after a code edit, with the steps each one ran.  It
# works on a scratch copy of the tree, so your checkout is never touched.
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/derivml-bench.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
(cd "$top" && tar cf - --exclude=./build --exclude=./.git .) | (cd "$scratch" && tar xf -)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}

step() {  # step NAME [TARGET]: run make, print its time and the steps it ran
    local name=$1 log=$scratch/make.log start end
    start=$(date +%s%N)
    make -C "$scratch" --no-print-directory ${2:+"$2"} >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    end=$(date +%s%N)
    local steps
    steps=$( (grep -E '^  [A-Z]+ ' "$log" || true) | awk '{print $1}' | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}' | sed 's/, $//')
    printf '%-31s %7.2f s   %s\n' "$name" "$(awk -v a="$start" -v b="$end" 'BEGIN{print (b-a)/1e9}')" "${steps:-nothing to do}"
}

echo "make bench on $(nproc) cores ($(uname -m)); each row is one make run"
step "clean build"
step "no-op make"
# A prose-only edit: one more sentence in the first section.
sed -i '0,/^A derivative answers one question/s//A derivative, in one sentence, answers one question/' "$scratch/doc.nw"
step "after a prose-only edit"
# A code edit: one loop of one program written another way; that program
# is recompiled and rerun, and since its output is the same, nothing else.
sed -i '0,/for (long k = 0; k <= decades; k++) {/s//for (long k = 0; k <= decades; k += 1) {/' "$scratch/doc.nw"
step "after a code edit"
# A code edit that changes one program's output: that program's data, its
# figure and the PDF are redone, nothing else.
sed -i 's/struct rise_run_example ex = {3.0, 1.0};/struct rise_run_example ex = {3.0, 0.9};/' "$scratch/doc.nw"
step "after an output-changing edit"
# A figure script edit: that figure is redrawn and the PDF retypeset.
sed -i 's/^set yrange \[-2:32\]/set yrange [-2:33]/' "$scratch/figures/limit-secants.gp"
step "after a figure script edit"
# The web edition: built once, then rebuilt after a prose-only edit; the
# whole edition is rewritten, and no program is compiled or figure redrawn.
step "html" html
sed -i '0,/^A derivative, in one sentence, answers/s//A derivative, in a sentence, answers/' "$scratch/doc.nw"
step "html after a prose-only edit" html
