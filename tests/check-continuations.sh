#!/bin/bash
# Text that goes on with a sentence after a code chunk is not a new
# paragraph: it is set with \noindent, flush left under the chunk.
#
#   tests/check-continuations.sh doc.nw
#
# In noweb a line "@" (alone, or "@ " and text) ends a code chunk.  The
# first non-blank line of text after it that starts with a lower-case
# letter ("and one step of gradient descent ...") continues the sentence
# the chunk interrupted; LaTeX would indent it as a paragraph's first
# line.  Each such line must start with \noindent instead.  A line that
# starts with quoted code ([[main]] hands ...) or a capital starts a new
# sentence and is left alone.  Exits 1 naming each offending line.
set -eu -o pipefail
doc=$1
[ -r "$doc" ] || { echo "tests/check-continuations.sh: cannot read $doc" >&2; exit 2; }
awk -v doc="$doc" '
/^@( |$)/ { after = NR; rest = $0; sub(/^@ ?/, "", rest)
            if (rest ~ /[^ \t]/ && rest !~ /^%/) { line = rest; after = 0 } else next }
after && /^[ \t]*$/ { next }
after { line = $0; after = 0 }
line != "" {
    if (line ~ /^[a-z]/) {
        printf "%s:%d: text continues a sentence after a chunk; start it with \\noindent: %s\n", doc, NR, substr(line, 1, 50) > "/dev/stderr"
        bad++
    }
    line = ""
}
END { if (bad) exit 1 }
' "$doc"
