#!/usr/bin/env bash
# incremental.sh [N]: after any edit, `make` gives the bytes of a clean
# build of the same tree.
#
# On a scratch copy of the tree (your checkout is never touched), built
# once with `make -j2 all html`, N times (default 30): one random edit of
# the kinds an author makes --
#
#   prose      a word added to a line of prose
#   caption    a word added to a figure's or table's caption
#   default    a program's default input changed (falling-ball's t,
#              rise-run's h, partial-slopes' y, limit-quotient's x): its
#              data, its figure and the numbers the prose quotes change
#   figure     a figure script's axis range widened
#   comment    a word added to a comment in the C code
#   paragraph  a new paragraph between two of prose
#   undo       the last edit taken back
#
# then `make -j2 all html` in that tree, and a clean `make -j2 all html` of
# a copy of the same tree (its sources only) in a second directory;
# build/doc.pdf, build/html/ and build/data/ must be the same bytes in
# both.  Prints one line per edit and the tally; exits 1 at the first
# difference or failed make (the trees are kept).  INCREMENTAL_SEED fixes
# the random sequence (it is printed, so any run can be repeated).
set -eu -o pipefail
n=${1:-30}
seed=${INCREMENTAL_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$seed
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/derivml-incremental.XXXXXX)
keep=
trap '[ -n "$keep" ] || rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
tree=$scratch/edited
ref=$scratch/clean
mkdir -p "$tree" "$scratch/undo"
(cd "$top" && tar cf - --exclude=./build --exclude=./.git .) | (cd "$tree" && tar xf -)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}
unset MAKEFLAGS MFLAGS MAKELEVEL DERIVML_LOCK
mk() { make -C "$1" --no-print-directory -j2 all html; }
fail() { keep=1; echo "incremental: $*; trees kept in $scratch" >&2; exit 1; }
doc=$tree/doc.nw

# ------------------------------------------------------------ the edits
# Lines of plain prose: in a documentation chunk (not between `<<...>>=`
# and `@`), six words or more, and nothing TeX reads specially, so a word
# added keeps the document valid.
prose_lines() {
    awk '/^<<.*>>=$/ { code = 1; next }
         /^@( |$)/    { code = 0; next }
         !code && NF >= 6 && !/[][\\$%&{}#_^~]/ { print NR }' "$doc"
}
# A random element of the words given, in $picked (not printed: a command
# substitution's subshell would draw from a reseeded RANDOM).
pick() {
    [ $# -gt 0 ] || fail "no place in the tree for a '${FUNCNAME[1]#edit_}' edit"
    shift $((RANDOM % $#)); picked=$1
}
# Each edit changes the tree and says in $what what it did.
edit_prose() {
    local l; pick $(prose_lines); l=$picked
    sed -i "${l}s/^\\([^ ]* [^ ]* \\)/\\1indeed /" "$doc"
    what="doc.nw:$l: a word added to prose"
}
# A caption's short form, if it has one, is the list of figures' entry.
edit_caption() {
    local l; pick $(grep -n '^[^%]*\\caption[[{]' "$doc" | cut -d: -f1); l=$picked
    sed -i -E "${l}s/\\\\caption([[{])/\\\\caption\\1Shown here: /" "$doc"
    what="doc.nw:$l: a word added to a caption"
}
edit_default() {
    local spec struct field values v
    pick fall_example:t:1.5,2.0,2.5,3.0 rise_run_example:h:0.5,0.9,1.0 \
         partial_example:y:1.5,2.0,2.5 limit_example:x:2.0,3.0,4.0
    IFS=: read -r struct field values <<<"$picked"
    local now; now=$(sed -nE "/struct $struct parameters = /s/.*\.$field = ([0-9.]+).*/\1/p" "$doc")
    pick $(printf '%s\n' ${values//,/ } | grep -vxF -- "$now"); v=$picked
    sed -i -E "/struct $struct parameters = /s/\\.$field = [0-9.]+/.$field = $v/" "$doc"
    what="doc.nw: $struct's default .$field set to $v"
}
edit_figure() {
    local gp l
    pick $(grep -lE '^set [xy]range \[[-0-9.e]+:[-0-9.e]+\]' "$tree"/figures/*.gp); gp=$picked
    pick $(grep -nE '^set [xy]range \[[-0-9.e]+:[-0-9.e]+\]' "$gp" | cut -d: -f1); l=$picked
    sed -i -E "${l}s/:([-0-9.e]+)\\]/:(\\1 + 1)]/" "$gp"
    what="figures/${gp##*/}:$l: an axis range widened"
}
edit_comment() {
    local l
    pick $(awk '/^<<.*>>=$/ { code = 1; next } /^@( |$)/ { code = 0; next }
                code && /\/\* [A-Za-z]/ { print NR }' "$doc"); l=$picked
    sed -i "${l}s|/\\* |/* Here: |" "$doc"
    what="doc.nw:$l: a word added to a C comment"
}
edit_paragraph() {
    local l
    pick $(awk '/^<<.*>>=$/ { code = 1; next } /^@( |$)/ { code = 0; next }
                !code { plain = NF >= 6 && !/[][\\$%&{}#_^~]/
                        if (blank && plain && before) print NR - 1
                        blank = (NF == 0); if (!blank) before = plain }' "$doc"); l=$picked
    sed -i "${l}a\\
An added paragraph: edit $1 of an edit-sequence test put it here, and it says\\
nothing new.\\
" "$doc"
    what="doc.nw:$l: a paragraph added"
}

# ------------------------------------------------------------ the sequence
echo "incremental: $n random edits (INCREMENTAL_SEED=$seed), 'make -j2 all html' after each, against a clean build"
mk "$tree" >"$scratch/first.log" 2>&1 || { cat "$scratch/first.log" >&2; fail "the first build failed"; }
identical=0 depth=0
for i in $(seq 1 "$n"); do
    pick prose prose caption default default figure comment paragraph undo; kind=$picked
    if [ "$kind" = undo ] && [ "$depth" = 0 ]; then kind=prose; fi
    if [ "$kind" = undo ]; then
        (cd "$scratch/undo/$depth" && tar cf - .) | (cd "$tree" && tar xf - --touch)
        depth=$((depth - 1))
        what="the last edit taken back"
    else
        depth=$((depth + 1))
        rm -rf "$scratch/undo/$depth" && mkdir -p "$scratch/undo/$depth"
        (cd "$tree" && tar cf - doc.nw figures) | (cd "$scratch/undo/$depth" && tar xf -)
        "edit_$kind" "$i"
    fi
    s=$(date +%s)
    mk "$tree" >"$scratch/edited.log" 2>&1 || { cat "$scratch/edited.log" >&2; fail "make after edit $i failed"; }
    took=$(( $(date +%s) - s ))
    rm -rf "$ref" && mkdir -p "$ref"
    (cd "$tree" && tar cf - --exclude=./build .) | (cd "$ref" && tar xf -)
    mk "$ref" >"$scratch/clean.log" 2>&1 || { cat "$scratch/clean.log" >&2; fail "the clean build after edit $i failed"; }
    differ=
    cmp -s "$tree/build/doc.pdf" "$ref/build/doc.pdf" || differ+=" build/doc.pdf"
    diff -r -q "$tree/build/html" "$ref/build/html" >/dev/null || differ+=" build/html/"
    diff -r -q "$tree/build/data" "$ref/build/data" >/dev/null || differ+=" build/data/"
    if [ -n "$differ" ]; then
        printf '%3d/%d  %-9s %s: make took %ss; DIFFERS from the clean build:%s\n' "$i" "$n" "$kind" "$what" "$took" "$differ"
        fail "edit $i: the incremental build is not the clean build"
    fi
    identical=$((identical + 1))
    printf '%3d/%d  %-9s %s: make took %ss; identical\n' "$i" "$n" "$kind" "$what" "$took"
done
echo "incremental: $identical/$n edited builds byte-identical to a clean build (doc.pdf, html/, data/)"
[ "$identical" = "$n" ] || fail "only $identical of $n edits were made and compared"
