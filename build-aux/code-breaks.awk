# code-breaks.awk: where a page may break inside each code chunk of
# doc.nw, and how good a place it is, for the preamble's page rules.
# Usage: awk -f code-breaks.awk doc.nw >code-breaks.tex
#
# For chunk C (counted from 1 in doc.nw's order, as the preamble's
# \pb@chunkno counts them) it writes
#     \pb@breaks{C}{d1d2...}
# with one digit per line of code: d_k is the class of a break after
# line k, between lines k and k+1.  A book breaks code where a reader
# pauses: after a blank line between two definitions, never inside a
# statement, between a comment and what it describes, or before a lone
# closing brace.  The classes, best first (the preamble gives each a
# penalty):
#   0  after a blank line, before code at the left margin (between
#      top-level definitions)
#   1  after a blank line, inside a block
#   2  between two top-level items with no blank line between them (its
#      brackets closed, then a line at the left margin but not a brace)
#   3  before a blank line (the blank line would head the next page)
#   4  between two statements (or initialisers, or case labels) in a block
#   5  after a line that opens a block: a header apart from its body
#   6  after a comment, apart from the code it describes
#   7  before a closing brace alone on its line
#   8  inside a statement, an expression in parentheses, a function's
#      header or a preprocessor line continued with a backslash
# The last line gets a digit too; the preamble never breaks there.
# C is read roughly, line by line: comments, string literals and
# character constants are skipped so that their brackets and semicolons
# do not count.  POSIX awk (mawk, gawk).

function flush(    k, out) {
    if (!inchunk) return
    out = ""
    for (k = 1; k <= n; k++) out = out (k < n ? class(k) : 4)
    printf "\\pb@breaks{%d}{%s}\n", chunk, out
}

# Scan line k: whether it is blank, whether it holds only a comment, its
# last character outside comments and strings, and the depth of round
# and square brackets at its end.
function scan(k, s,    i, c, c2, len, code, last) {
    len = length(s); code = 0; last = ""
    for (i = 1; i <= len; i++) {
        c = substr(s, i, 1); c2 = substr(s, i, 2)
        if (state == "comment") {
            if (c2 == "*/") { state = "code"; i++ }
            continue
        }
        if (state == "string" || state == "char") {
            if (c == "\\") i++
            else if ((state == "string" && c == "\"") || (state == "char" && c == "'")) state = "code"
            continue
        }
        if (c2 == "/*") { state = "comment"; i++; continue }
        if (c2 == "//") break
        if (c == " " || c == "\t") continue
        code = 1; last = c
        if (c == "\"") state = "string"
        else if (c == "'") state = "char"
        else if (c == "(" || c == "[") depth++
        else if (c == ")" || c == "]") depth--
    }
    if (state == "string" || state == "char") state = "code"  # unterminated: C has none
    blank[k] = (s ~ /^[ \t]*$/)
    commentonly[k] = !blank[k] && !code
    lastc[k] = last
    deep[k] = depth
    indent[k] = match(s, /[^ \t]/) - 1
    closer[k] = (s ~ /^[ \t]*}[;,]?[ \t]*$/)
    opener[k] = (s ~ /^[ \t]*{/)
    chunkref[k] = (s ~ /^[ \t]*<<.*>>[ \t]*$/)
    preproc[k] = (s ~ /^[ \t]*#/)
    backslash[k] = (s ~ /\\[ \t]*$/)
}

function class(k) {
    if (blank[k]) return (k + 1 <= n && blank[k + 1]) ? 3 : (indent[k + 1] == 0 ? 0 : 1)
    if (blank[k + 1]) return 3
    if (commentonly[k]) return 6
    if (closer[k + 1]) return 7
    if (deep[k] > 0 || (preproc[k] && backslash[k])) return 8
    if (lastc[k] == "{") return 5
    if (chunkref[k] || preproc[k] || lastc[k] == ";" || lastc[k] == "}" || lastc[k] == ":" || lastc[k] == ",")
        return (indent[k + 1] == 0) ? 2 : 4
    # a complete line at the left margin followed by another, as in a list
    # of macro calls (X-macros); not a function's header before its brace
    if (indent[k + 1] == 0 && !opener[k + 1]) return 2
    return 8
}

/^<<.*>>=[ \t]*$/ { flush(); inchunk = 1; chunk++; n = 0; state = "code"; depth = 0; next }
inchunk && /^@([ \t]|$)/ { flush(); inchunk = 0; next }
inchunk { n++; scan(n, $0) }
END { flush() }
