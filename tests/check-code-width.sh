#!/bin/bash
# Every code line of the PDF ends inside the running head's measure.
#
#   tests/check-code-width.sh MAX doc.nw
#
# Code is set in 9.4 pt Latin Modern typewriter, 4.92 pt a character,
# starting 78.0 pt from the page's left edge; the running head (text and
# margin together) ends at 555.6 pt, so a code line of 97 characters ends
# at 554.9 pt and one of 98 runs past it (measured with pdftotext -bbox on
# build/doc.pdf).  This counts the characters of every line of every code
# chunk in doc.nw (a tab as 8, noweb's @<< as the << it prints) and exits
# 1 naming each line longer than MAX, so such a line is broken in the
# source by its author rather than left to run off the page.  It also
# names a second blank line in a row inside a chunk (one blank line
# parts two definitions everywhere else) and a chunk that ends in a blank
# line (a gap before its "Uses" line that no other chunk has).
set -eu -o pipefail
[ $# = 2 ] || { echo "usage: tests/check-code-width.sh MAX doc.nw" >&2; exit 2; }
max=$1 src=$2
awk -v max="$max" '
    function ends() { if (code && blank) { printf "%s:%d: a chunk ends in a blank line\n", FILENAME, FNR - 1 > "/dev/stderr"; bad = 1 } }
    /^<<.*>>=[ \t]*$/ { ends(); code = 1; blank = 0; next }
    /^@([ \t]|$)/ { ends(); code = 0 }
    code && /^[ \t]*$/ && blank++ {
        printf "%s:%d: a second blank line in a row in a chunk\n", FILENAME, FNR > "/dev/stderr"; bad = 1 }
    code && /[^ \t]/ { blank = 0 }
    code { t = $0; gsub(/@<</, "<<", t); gsub(/\t/, "        ", t); lines++
           if (length(t) > max) {
               printf "%s:%d: a code line of %d characters; the page holds %d\n",
                   FILENAME, FNR, length(t), max > "/dev/stderr"
               bad = 1 } }
    END { if (!bad) printf "  %d code lines of %s, none longer than %d characters\n", lines, FILENAME, max
          exit bad }' "$src"
