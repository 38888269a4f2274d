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
#   0  at a blank line, before code at the left margin (between
#      top-level definitions)
#   1  at a blank line, inside a block (with the room class 4 asks)
#   2  between two top-level items with no blank line between them (its
#      brackets closed, then a line at the left margin but not a brace),
#      in a run of more than 8 such lines, three of them on each side
#   (3  unused: a break before a blank line is as good as one after it,
#      since the preamble sets a blank line as glue, which a page's top
#      or foot drops)
#   4  between two statements (or initialisers, or members) of a block
#      not inside another block - a function's body, a structure - with
#      three of its lines on each side (blank lines and lines that open
#      with a closing brace do not count)
#   5  the same inside a nested block (the body of a loop, a branch),
#      with two of that block's lines on each side
#   6  near a block's edge: fewer lines on a side than classes 1, 2, 4
#      and 5 ask, or after a line that opens a block (a header apart from
#      its body, a case label apart from its statements)
#   7  after a comment, apart from the code it describes
#   8  before a line that opens with a closing brace ("}", "} else {")
#   9  inside a statement, a comment, an expression in parentheses, a
#      function's header or a preprocessor line continued with a
#      backslash
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
    len = length(s); code = 0; last = ""; low = braces
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
        else if (c == "}") { braces--; if (braces < low) low = braces }
    }
    if (state == "string" || state == "char") state = "code"  # unterminated: C has none
    blank[k] = (s ~ /^[ \t]*$/)
    commentonly[k] = !blank[k] && !code
    lastc[k] = last
    deep[k] = depth
    block[k] = braces
    incomment[k] = (state == "comment")   # a block comment runs on to the next line
    dip[k] = low          # the lowest brace depth on the line: "} else {" closes a block
    indent[k] = match(s, /[^ \t]/) - 1
    closer[k] = (s ~ /^[ \t]*}/)
    opener[k] = (s ~ /^[ \t]*{/)
    chunkref[k] = (s ~ /^[ \t]*<<.*>>[ \t]*$/)
    preproc[k] = (s ~ /^[ \t]*#/)
    backslash[k] = (s ~ /\\[ \t]*$/)
}

# The lines from a to b that say something: not blank, not opening with a
# closing brace (a page that opens "} }" carries over no code).
function lines(a, b,    i, c) {
    for (i = a; i <= b; i++) if (!blank[i] && !closer[i]) c++
    return c
}

# The class of a break after line k (k < n).
function class(k,    atblank, d, j, m, j0, m0, p0, p1) {
    if (incomment[k]) return 9
    atblank = blank[k] || blank[k + 1]
    if (!atblank) {
        if (commentonly[k]) return 7
        if (closer[k + 1]) return 8
        if (deep[k] > 0 || (preproc[k] && backslash[k])) return 9
        if (lastc[k] == "{" || (lastc[k] == ":" && !chunkref[k])) return 6
        # a line that ends no statement: the break is inside one, unless it
        # is a complete line at the left margin followed by another, as in
        # a list of macro calls (X-macros), and not a function's header
        # before its brace
        if (!(chunkref[k] || preproc[k] || lastc[k] == ";" || lastc[k] == "}" || lastc[k] == ","))
            if (!(block[k] <= 0 && indent[k + 1] == 0 && !opener[k + 1])) return 9
    }
    d = block[k]
    if (d <= 0) {
        if (atblank) { for (j = k + 1; j < n && blank[j]; j++) ; return indent[j] == 0 ? 0 : 1 }
        if (indent[k + 1] != 0) return 4     # a fragment of a function's body
        # a run of top-level lines with no blank line (a list of includes,
        # of declarations): whole when it has at most 8 lines, else three
        # on each side
        for (p0 = k; p0 > 1 && !blank[p0 - 1]; p0--) ;
        for (p1 = k + 1; p1 < n && !blank[p1 + 1]; p1++) ;
        return (p1 - p0 + 1 <= 8 || k - p0 + 1 < 3 || p1 - k < 3) ? 6 : 2
    }
    # the outermost block round the break (a function's body, a
    # structure): opened on line j0, closed on line m0; three of its lines
    # on each side
    for (j0 = k; j0 >= 1 && block[j0 - 1] >= 1 && dip[j0] >= 1; j0--) ;
    for (m0 = k + 1; m0 <= n && dip[m0] >= 1; m0++) ;
    if (lines(j0 + 1, k) < 3 || lines(k + 1, m0 - 1) < 3) return 6
    # the innermost block: opened on line j, closed on line m; two of its
    # lines on each side
    for (j = k; j >= 1 && block[j - 1] >= d && dip[j] >= d; j--) ;
    for (m = k + 1; m <= n && dip[m] >= d; m++) ;
    if (lines(j + 1, k) < 2 || lines(k + 1, m - 1) < 2) return 6
    if (atblank) return 1
    return d == 1 ? 4 : 5
}

/^<<.*>>=[ \t]*$/ { flush(); inchunk = 1; chunk++; n = 0; state = "code"; depth = 0; braces = 0; next }
inchunk && /^@([ \t]|$)/ { flush(); inchunk = 0; next }
inchunk { n++; scan(n, $0) }
END { flush() }
