# c-uses.awk: a filter for noweb's pipeline, between finduses and noidx,
# that keeps an identifier cross-reference only where C sees that
# identifier, as CWEAVE does.  noweb's finduses marks every string of
# letters that matches a defined name (`@index use NAME` before the
# `@text NAME` it found), wherever it stands.  This filter reads C's
# lexical state through each code chunk and each [[quoted]] piece of code
# and drops the mark (never the text) when the name stands
#   - inside a comment, a string literal or a character constant;
#   - after `.` or `->`: a member of a structure, not the global name;
#   - as an ordinary identifier when the name is only a structure, union
#     or enumeration tag (`struct line` is used, `char line[160]` is not):
#     C keeps tags in a name space of their own (prose may name a
#     structure by its tag alone: [[line]] stays a link);
#   - in quoted prose code, joined to `-`, `/` or `.` without a space:
#     a file or program name such as build/bin/fit-line, not C.
# A name is a tag when, in the chunk that defines it, every mark of it
# follows `struct`, `union` or `enum`.
# Usage: markup doc.nw | finduses | awk -f c-uses.awk | noidx ...
# POSIX awk (mawk, gawk): the whole stream is read, then written once.

{ rec[++n] = $0 }

function reset() { state = "code"; prev = "" }

# Advance the lexical state over a piece of text; remember in `prev` the
# last token outside comments and strings ("." and "->" are tokens).
function lex(s,    i, c, c2, len) {
    len = length(s)
    for (i = 1; i <= len; i++) {
        c = substr(s, i, 1); c2 = substr(s, i, 2)
        if (state == "block") {
            if (c2 == "*/") { state = "code"; i++ }
        } else if (state == "line") {
            # a // comment ends at the end of the line (@nl)
        } else if (state == "string" || state == "char") {
            if (c == "\\") i++
            else if ((state == "string" && c == "\"") || (state == "char" && c == "'"))
                state = "code"
        } else if (c2 == "/*") { state = "block"; i++ }
        else if (c2 == "//") { state = "line"; i++ }
        else if (c == "\"") state = "string"
        else if (c == "'") state = "char"
        else if (c2 == "->") { prev = "->"; i++ }
        else if (c ~ /[A-Za-z0-9_]/) {
            prev = inword ? prev c : c; inword = 1; continue
        } else if (c !~ /[ \t]/) prev = c
        inword = 0
    }
}

# Walk the stream; for each `@index use NAME` in code, set keep[k] and
# record what precedes it.  Called twice: first to learn which names are
# tags, then to decide.
function walk(decide,    k, r, name, t, nxt, ok) {
    incode = 0; chunk = 0
    for (k = 1; k <= n; k++) {
        r = rec[k]
        if (r ~ /^@begin code /) { incode = 1; chunk++; reset(); inword = 0; quoted = 0 }
        else if (r ~ /^@end code/) incode = 0
        else if (r == "@quote") { incode = 1; reset(); inword = 0; quoted = 1 }
        else if (r == "@endquote") incode = 0
        else if (!incode) {
            if (r ~ /^@index defn /) defchunk[substr(r, 13)] = chunk
        } else if (r == "@nl") { if (state == "line" || state == "string" || state == "char") state = "code"; inword = 0 }
        else if (r ~ /^@text /) lex(substr(r, 7))
        else if (r ~ /^@index defn /) defchunk[substr(r, 13)] = chunk
        else if (r ~ /^@index use /) {
            name = substr(r, 12)
            t = (prev == "struct" || prev == "union" || prev == "enum")
            if (!decide) {
                if (state == "code" && prev != "." && prev != "->") {
                    seen[chunk, name]++; if (t) tagged[chunk, name]++
                }
                continue
            }
            ok = state == "code" && prev != "." && prev != "->"
            if (ok && !quoted && (name in tag) && !t) ok = 0
            if (ok && quoted) {
                nxt = (k + 2 <= n && rec[k + 2] ~ /^@text /) ? substr(rec[k + 2], 7, 1) : ""
                if (prevch ~ /[-\/.]/ || nxt ~ /[-\/.]/) ok = 0
            }
            if (!ok) drop[k] = 1
        }
        # the character just before the next mark, for the quoted-name rule
        if (r ~ /^@text /) prevch = substr(r, length(r), 1)
        else if (r == "@quote" || r == "@nl") prevch = ""
    }
}

END {
    walk(0)
    for (name in defchunk)
        if (seen[defchunk[name], name] > 0 && tagged[defchunk[name], name] == seen[defchunk[name], name])
            tag[name] = 1
    walk(1)
    for (k = 1; k <= n; k++)
        if (!(k in drop)) print rec[k]
}
