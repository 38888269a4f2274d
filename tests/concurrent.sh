#!/usr/bin/env bash
# concurrent.sh [N]: two makes started at once in one tree give the clean
# build, never two half-builds interleaved.
#
# On a scratch copy of the tree (your checkout is never touched): one clean
# `make -j2` gives the reference build/doc.pdf and build/data/.  Then N
# times (default 10): `make clean`, then two `make -j2` started together
# in the same tree -- an editor's build-on-save beside a terminal's make --
# and, when both have ended, both must have succeeded and build/doc.pdf
# and build/data/ must be the reference's, byte for byte.  Prints one line
# per pair and the tally; exits 1 unless all N pairs pass (the tree is
# kept).  CONCURRENT_UNLOCKED=1 runs the makes without the lock
# (DERIVML_LOCK set to the tree, as if already locked), to show what the
# lock prevents.
set -eu -o pipefail
n=${1:-10}
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/derivml-concurrent.XXXXXX)
keep=
trap '[ -n "$keep" ] || rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
tree=$scratch/tree
mkdir -p "$tree"
(cd "$top" && tar cf - --exclude=./build --exclude=./.git .) | (cd "$tree" && tar xf -)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}
unset MAKEFLAGS MFLAGS MAKELEVEL DERIVML_LOCK
[ -z "${CONCURRENT_UNLOCKED:-}" ] || export DERIVML_LOCK=$(cd "$tree" && pwd -P)
mk() { make -C "$tree" --no-print-directory -j2 "$@"; }

mk >"$scratch/reference.log" 2>&1 || { cat "$scratch/reference.log" >&2; exit 1; }
cp "$tree/build/doc.pdf" "$scratch/reference.pdf"
cp -r "$tree/build/data" "$scratch/reference-data"
echo "concurrent: $n pairs of 'make -j2' started together after 'make clean'${CONCURRENT_UNLOCKED:+ (UNLOCKED)}"

passed=0
for i in $(seq 1 "$n"); do
    mk clean >/dev/null 2>&1
    mk >"$scratch/a.log" 2>&1 & a=$!
    mk >"$scratch/b.log" 2>&1 & b=$!
    sa=0 sb=0
    wait "$a" || sa=$?
    wait "$b" || sb=$?
    waited=$(cat "$scratch/a.log" "$scratch/b.log" | grep -c 'waiting for it to finish' || true)
    if [ "$sa" != 0 ] || [ "$sb" != 0 ]; then
        verdict="a make FAILED (exit $sa and $sb)"
        grep -hE 'error|cannot|No such|Error' "$scratch/a.log" "$scratch/b.log" | head -3 | sed 's/^/      /' >&2 || true
    elif ! cmp -s "$tree/build/doc.pdf" "$scratch/reference.pdf"; then
        verdict="doc.pdf DIFFERS from the reference"
    elif ! diff -r -q "$tree/build/data" "$scratch/reference-data" >/dev/null; then
        verdict="build/data/ DIFFERS from the reference"
    else
        passed=$((passed + 1)) verdict="both succeeded, doc.pdf and data/ identical"
    fi
    printf '%3d/%d  %s; %s make(s) said it waited\n' "$i" "$n" "$verdict" "$waited"
done
echo "concurrent: $passed/$n pairs ended with the clean build's bytes"
if [ "$passed" != "$n" ]; then keep=1; echo "concurrent: tree kept in $scratch" >&2; exit 1; fi
