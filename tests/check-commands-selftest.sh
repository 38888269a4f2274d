#!/usr/bin/env bash
# The command check can fail: tests/check-commands.pl, run on copies of
# doc.nw each with one deliberate mistake, must fail and name the line of
# the mistake.  The mistakes: a number misquoted in a \prints claim, a
# wrong exit status in an \exits claim, and a command quoted as code
# ([[...]]) rather than written with \cmd, so that it would not be run.
#
#   tests/check-commands-selftest.sh doc.nw BUILD TMPDIR
set -eu -o pipefail
doc=$1 b=$2 tmp=$3
rm -rf "$tmp"
mkdir -p "$tmp"

# expect_failure NAME SED-SCRIPT: the script changes one line of doc.nw.
expect_failure() {
    sed "$2" "$doc" >"$tmp/doc.nw"
    local line
    line=$(diff "$doc" "$tmp/doc.nw" | sed -n '1s/^\([0-9]*\)c.*/\1/p' || true)
    if [ -z "$line" ]; then
        echo "$0: $1: the edit did not change exactly one line of $doc" >&2
        exit 1
    fi
    if perl tests/check-commands.pl "$tmp/doc.nw" "$b" >"$tmp/out" 2>&1; then
        echo "$0: $1 (line $line) passed tests/check-commands.pl" >&2
        exit 1
    fi
    if ! grep -q "^$tmp/doc.nw:$line: " "$tmp/out"; then
        echo "$0: $1: the failure does not name line $line:" >&2
        cat "$tmp/out" >&2
        exit 1
    fi
}

expect_failure "a misquoted number" '0,/the average is \$3\.24081\$/s//the average is $3.24181$/'
expect_failure "a wrong exit status" '0,/status \\exits{1}/s//status \\exits{0}/'
expect_failure "a command quoted as code" \
    '0,/\\cmd{build\/bin\/falling-ball --gravity 1\.62}/s//[[build\/bin\/falling-ball --gravity 1.62]]/'
rm -rf "$tmp"
echo "check-commands: a misquoted number, a wrong exit status and an unrun command each fail, naming their line"
