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
#   4  between two statements (or initialisers, or members) of a block
#      not inside another block: a function's body, a structure
#   5  the same inside a nested block (the body of a loop, a branch)
#   6  a block's opening line with fewer than two of its lines after
#      it, or its closing brace with fewer than two before it: a header
#      apart from its body, a case label apart from its statements
#   7  after a comment, apart from the code it describes
#   8  before a closing brace alone on its line
#   9  inside a statement, an expression in parentheses, a function's
#      header or a preprocessor line continued with a backslash
# The last line gets a digit too; the preamble never breaks there.
# C is read roughly, line by line: comments, string literals and
# character constants are skipped so that their brackets and semicolons
# do not count.  POSIX awk (mawk, gawk).

function flush(    k, out) {
    if (!inchunk) return
    out = ""
    block[0] = 0
    for (k = 1; k <= n; k++) out = out (k < n ? class(k) : 4)
    printf "\\pb@breaks{%d}{%s}\n", chunk, out
}

# Scan line k: whether it is blank, whether it holds only a comment, its
# last character outside comments and strings, the depth of round and
# square brackets at its end and that of braces (from the chunk's start).
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
        else if (c == "{") braces++
        else if (c == "}") braces--
    }
    if (state == "string" || state == "char") state = "code"  # unterminated: C has none
    blank[k] = (s ~ /^[ \t]*$/)
    commentonly[k] = !blank[k] && !code
    lastc[k] = last
    deep[k] = depth
    block[k] = braces
    indent[k] = match(s, /[^ \t]/) - 1
    closer[k] = (s ~ /^[ \t]*}[;,]?[ \t]*$/)
    opener[k] = (s ~ /^[ \t]*{/)
    chunkref[k] = (s ~ /^[ \t]*<<.*>>[ \t]*$/)
    preproc[k] = (s ~ /^[ \t]*#/)
    backslash[k] = (s ~ /\\[ \t]*$/)
}

# The class of a break after line k (k < n).
function class(k,    d, j, m) {
    if (blank[k]) return (k + 1 <= n && blank[k + 1]) ? 3 : (indent[k + 1] == 0 ? 0 : 1)
    if (blank[k + 1]) return 3
    if (commentonly[k]) return 7
    if (closer[k + 1]) return 8
    if (deep[k] > 0 || (preproc[k] && backslash[k])) return 9
    if (lastc[k] == "{" || (lastc[k] == ":" && !chunkref[k])) return 6
    if (!(chunkref[k] || preproc[k] || lastc[k] == ";" || lastc[k] == "}" || lastc[k] == ",")) {
        # a complete line at the left margin followed by another, as in a
        # list of macro calls (X-macros); not a function's header before
        # its brace
        if (indent[k + 1] == 0 && !opener[k + 1]) return 2
        return 9
    }
    d = block[k]
    if (d <= 0) return indent[k + 1] == 0 ? 2 : 4
    # the innermost block round the break: opened on line j, closed on m
    for (j = k; j >= 1 && block[j - 1] >= d; j--) ;
    for (m = k + 1; m <= n && block[m] >= d; m++) ;
    if (k - j < 2 || m - 1 - k < 2) return 6
    return d == 1 ? 4 : 5
}

/^<<.*>>=[ \t]*$/ { flush(); inchunk = 1; chunk++; n = 0; state = "code"; depth = 0; braces = 0; next }
inchunk && /^@([ \t]|$)/ { flush(); inchunk = 0; next }
inchunk { n++; scan(n, $0) }
END { flush() }
