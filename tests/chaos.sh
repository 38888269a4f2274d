#!/usr/bin/env bash
# chaos.sh [N]: a build killed at any instant is never trusted half-written.
#
# On a scratch copy of the tree (your checkout is never touched): one clean
# build gives the reference build/doc.pdf and the time T it takes.  Then N
# times (default 20): start a clean `make` (or CHAOS_GOAL) in a process
# group of its own, send SIGKILL to the whole group at a random instant in
# [0, T) -- what a closed terminal, an OOM kill or a CI time-out does --
# run `make` again, compare build/doc.pdf byte for byte with the reference,
# and run `make check` (after every kill, or with CHAOS_CHECK_EVERY=k after
# every k-th and the last, for a loaded machine).  Prints one line per
# kill and the tally; exits 1 if any rebuild failed, differed or failed
# its checks (the tree is kept).
set -eu -o pipefail
n=${1:-20}
goal=${CHAOS_GOAL:-all}
jobs=${CHAOS_JOBS:-2}
every=${CHAOS_CHECK_EVERY:-1}
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/derivml-chaos.XXXXXX)
keep=
trap '[ -n "$keep" ] || rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
(cd "$top" && tar cf - --exclude=./build --exclude=./.git .) | (cd "$scratch" && tar xf -)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}
mk() { make -C "$scratch" --no-print-directory -j"$jobs" "$@"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

start=$(now_ms)
mk "$goal" >"$scratch/reference.log" 2>&1 || { cat "$scratch/reference.log" >&2; exit 1; }
span=$(($(now_ms) - start))
cp "$scratch/build/doc.pdf" "$scratch/reference.pdf"
echo "chaos: $n SIGKILLs to the process group of a clean 'make $goal' (-j$jobs), each at a random instant in [0, $span ms)"

identical=0 checked=0 checks=0 i=0
while [ "$i" -lt "$n" ]; do
    mk clean >/dev/null
    at=$(( (RANDOM * 32768 + RANDOM) % span ))
    began=$(now_ms)
    setsid make -C "$scratch" --no-print-directory -j"$jobs" "$goal" >"$scratch/killed.log" 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((at / 1000)) $((at % 1000)))"
    kill -KILL -- "-$pid" 2>/dev/null || true
    status=0
    wait "$pid" 2>/dev/null || status=$?
    if [ "$status" != 137 ]; then
        # The build ended before the kill (the machine got faster than the
        # reference run): draw again, from the span this build took.
        span=$(($(now_ms) - began))
        echo "      a build finished before the kill at $at ms; instants now in [0, $span ms)"
        continue
    fi
    i=$((i + 1))
    last=$( (grep -E '^  [A-Z]+ ' "$scratch/killed.log" || true) | tail -n 1 | sed 's/^ *//; s/  */ /')
    verdict=
    if ! mk >"$scratch/rebuild.log" 2>&1; then
        verdict="the next make FAILED"; cat "$scratch/rebuild.log" >&2
    elif ! cmp -s "$scratch/build/doc.pdf" "$scratch/reference.pdf"; then
        verdict="doc.pdf DIFFERS from the reference"
    else
        identical=$((identical + 1)) verdict=identical
        if [ $((i % every)) = 0 ] || [ "$i" = "$n" ]; then
            checks=$((checks + 1))
            if mk check >"$scratch/check.log" 2>&1; then
                checked=$((checked + 1)); verdict="identical, make check passes"
            else
                verdict="identical, but make check FAILED"; tail -20 "$scratch/check.log" >&2
            fi
        fi
    fi
    printf '%3d/%d  killed at %5d ms (during: %s): %s\n' "$i" "$n" "$at" "${last:-start}" "$verdict"
    case $verdict in *FAIL*|*DIFF*) keep=1; echo "chaos: tree kept in $scratch" >&2; break;; esac
done
echo "chaos: $identical/$n rebuilt PDFs byte-identical to the reference; make check run after $checks of the kills, passed $checked/$checks"
[ "$identical" = "$n" ] && [ "$checked" = "$checks" ]
