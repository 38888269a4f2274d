#!/usr/bin/env bash
# check-lock.sh: a make in a tree whose build/.lock is held waits, saying
# so in one line, and does nothing until the lock is free; then it runs.
#
# A scratch tree holds the Makefile and build-aux/ (enough for `make
# clean`, which reads no generated file).  flock holds its build/.lock, as
# a running make would; `make clean` there must still be waiting after
# two seconds (timeout ends it), must have said so, and build/ must still
# be there.  With the lock let go, `make clean` must remove build/.  The
# long form, two whole builds at once, is `make check-concurrent`.
set -eu -o pipefail
unset MAKEFLAGS MFLAGS MAKELEVEL DERIVML_LOCK
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/derivml-lock.XXXXXX)
holder=
trap '[ -z "$holder" ] || kill "$holder" 2>/dev/null || true; rm -rf "$scratch"' EXIT
fail() { echo "check-lock: $*" >&2; exit 1; }
cp -r "$top/Makefile" "$top/build-aux" "$scratch/"
mkdir "$scratch/build"
touch "$scratch/build/marker"

# The holder is one process (bash, then sleep in its place), so killing it
# lets the lock go.
bash -c 'exec 3>>"$1" && flock 3 && exec sleep 60' holder "$scratch/build/.lock" &
holder=$!
for _ in $(seq 50); do [ -e "$scratch/build/.lock" ] && ! flock -n "$scratch/build/.lock" true && break; sleep 0.1; done
status=0
timeout 2 make -C "$scratch" --no-print-directory clean >"$scratch/out" 2>"$scratch/err" || status=$?
[ "$status" = 124 ] || fail "make clean did not wait for the held lock (exit $status)"
[ -e "$scratch/build/marker" ] || fail "make clean ran while the lock was held"
[ "$(grep -c 'waiting for it to finish' "$scratch/err")" = 1 ] \
    || fail "the waiting make did not say so in one line: $(cat "$scratch/err")"

kill "$holder"; wait "$holder" 2>/dev/null || true; holder=
timeout 20 make -C "$scratch" --no-print-directory clean >"$scratch/out" 2>&1 \
    || fail "make clean failed once the lock was free: $(cat "$scratch/out")"
[ ! -e "$scratch/build" ] || fail "make clean left build/ once the lock was free"
echo "  a make waits while build/.lock is held, says so once, and runs when it is free"
