#!/usr/bin/env bash
# check-identifier-links.sh DOC.tex: no identifier link in the woven code
# stands where C has no identifier of that name: inside a /* */ or //
# comment, inside a string literal, or after `.` or `->` (a member).
# The woven TeX is read line by line, as a person reads the code, not
# through the filter that placed the links (build-aux/c-uses.awk): a
# \nwlinkedidentc is found, then the text before it on its line (and any
# comment left open on an earlier code line) says where it stands.
set -eu -o pipefail
tex=$1
[ -s "$tex" ] || { echo "$tex: missing or empty" >&2; exit 1; }
awk -v file="$tex" '
    /\\nwbegincode\{/ { code = 1; open = 0 }
    /\\nwendcode\{\}/ { code = 0 }
    !code { next }
    {
        line = $0; rest = line; before = ""
        while ((i = index(rest, "\\nwlinkedidentc{")) > 0) {
            before = before substr(rest, 1, i - 1)
            s = before; gsub(/\\"/, "", s)                 # an escaped quote
            q = s; nq = gsub(/"/, "", q)
            c = s; incomment = open
            while (1) {                                   # comments on this line
                if (incomment) { j = index(c, "*/"); if (!j) break; incomment = 0; c = substr(c, j + 2) }
                else { j = index(c, "/*"); k = index(c, "//")
                       if (k && (!j || k < j)) { incomment = 2; break }
                       if (!j) break; incomment = 1; c = substr(c, j + 2) }
            }
            name = substr(rest, i + 16); name = substr(name, 1, index(name, "}") - 1)
            why = ""
            if (incomment) why = "inside a comment"
            else if (nq % 2) why = "inside a string"
            else if (before ~ /(->|[A-Za-z0-9_)\]]\.)$/) why = "after . or ->, a member"
            if (why != "") { printf "%s:%d: a link to %s %s: %s\n", file, NR, name, why, line > "/dev/stderr"; bad = 1 }
            before = before "\\nwlinkedidentc{"; rest = substr(rest, i + 16)
        }
        # a block comment left open at the end of this line
        c = line
        while (1) {
            if (open) { j = index(c, "*/"); if (!j) break; open = 0; c = substr(c, j + 2) }
            else { j = index(c, "/*"); k = index(c, "//"); if (!j || (k && k < j)) break; open = 1; c = substr(c, j + 2) }
        }
    }
    END { exit bad }' "$tex" || { echo "$tex: identifier links where C has no identifier (build-aux/c-uses.awk)" >&2; exit 1; }
n=$(grep -o '\\nwlinkedidentc{' "$tex" | wc -l)
echo "  $tex: $n identifier links in code, none in a comment, a string or a member"
