#!/usr/bin/env bash
# lock.sh BUILD MAKE [ARG...]: runs MAKE ARG... holding an exclusive lock
# (flock) on BUILD/.lock, so that two makes in one tree -- an editor's
# build-on-save and a terminal's `make -j2`, say -- never run at once: the
# second waits for the first, saying so in one line, then finds its work
# done or does what is left.  The Makefile runs every goal through this.
#
# The lock is held by this shell, not by make: its file descriptor (bash
# picks a free one, so none the caller passed down is touched) is closed
# for MAKE, so no process the build leaves behind (a browser, a daemon)
# holds it after the build is over.  The kernel drops it when this shell dies, however it
# dies (SIGKILL included), so no stale lock survives a killed build.
#
# `make clean` removes BUILD and the lock file with it, while this lock is
# held.  A make that was waiting then holds a lock on a file that is no
# longer BUILD/.lock, which guards nothing: it checks, and locks again.
#
# MAKE runs with DERIVML_LOCK set to this tree's physical path; the
# Makefile takes no lock when it is set to its own directory, so a make
# run by a recipe of the locked one (make check's, say) does not wait for
# its own parent.  A make in another tree (the scratch copies of make
# chaos, bench and check-paths) takes that tree's lock.
# (A no-op make pays for this script, so it forks only flock.)
set -eu -o pipefail
b=$1
shift
said=
while :; do
    [ -d "$b" ] || mkdir -p "$b"
    exec {fd}>>"$b/.lock"
    if ! flock -n "$fd"; then
        [ -n "$said" ] || echo "make: another make is running in $PWD; waiting for it to finish" >&2
        said=1
        flock "$fd"
    fi
    if [ "$b/.lock" -ef "/dev/fd/$fd" ]; then break; fi
    exec {fd}>&-
done
cd -P .
DERIVML_LOCK=$PWD
# MAKE speaks as the make that was typed ("make: ...", not "make[1]: ...").
MAKELEVEL=$((${MAKELEVEL:-1} - 1))
export DERIVML_LOCK MAKELEVEL
"$@" {fd}>&-
