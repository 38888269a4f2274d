#!/bin/bash
# Part II reads as a book of programs: every chunk is introduced by prose.
#
#   tests/check-prose.sh [-v] [--max-ratio R] doc.nw
#
# Measures doc.nw from \part{The programs} to its end (Part II and the
# appendices; the indexes have no chunks) and prints, in one line each:
#   - how many program sections (\section{\prog{...}}) have 60 words of
#     prose or more between the heading and their first chunk;
#   - the share of code chunks with at least 8 words of prose between the
#     previous chunk (or heading) and their definition line (95% wanted);
#   - Part II's lines of code per line of prose (2 or fewer wanted);
#   - the longest chunk in the whole document (60 lines or fewer wanted).
# A word is a blank-separated token with a letter or digit in it, after
# TeX comments, \label{...}, \index{...} and the [[...]] brackets are
# dropped; a line of prose is a non-blank documentation line that is not
# a heading, a lone `@' or `@ %def'.  A chunk's length counts the lines
# between its `<<name>>=' line and its end.  -v also lists every chunk
# that falls short, on standard error, and each program section's count;
# --max-ratio sets the most lines of code per line of prose allowed
# (default 2, the target).  Exits 1 if a measure misses its target,
# naming it.
set -eu -o pipefail
verbose=0 max_ratio=2
while [ $# -gt 1 ]; do
    case $1 in
        -v) verbose=1; shift;;
        --max-ratio) max_ratio=$2; shift 2;;
        *) echo "usage: tests/check-prose.sh [-v] [--max-ratio R] doc.nw" >&2; exit 2;;
    esac
done
doc=$1
[ -r "$doc" ] || { echo "tests/check-prose.sh: cannot read $doc" >&2; exit 2; }
awk -v verbose="$verbose" -v doc="$doc" -v max_ratio="$max_ratio" '
function words(s,   n, i, t, parts) {
    gsub(/(^|[^\\])%.*/, "", s)
    gsub(/\\(label|index)\{[^}]*\}/, " ", s)
    gsub(/\[\[|\]\]/, " ", s)
    n = split(s, parts, /[ \t]+/)
    t = 0
    for (i = 1; i <= n; i++) if (parts[i] ~ /[A-Za-z0-9]/) t++
    return t
}
function end_chunk() {
    if (in_code) {
        if (code_len > longest) { longest = code_len; longest_name = code_name; longest_line = code_start }
        in_code = 0
    }
}
/^\\part\{The programs\}/ { region = 1; part2 = 1 }
/^\\appendix/ { part2 = 0; appendix = 1 }
# noweb: a line "<<name>>=" starts a code chunk; a line starting with "@"
# (alone or followed by a blank) starts documentation.
/^<<.*>>=[ \t]*$/ {
    end_chunk()
    name = $0; sub(/^<</, "", name); sub(/>>=[ \t]*$/, "", name)
    if (region) {
        chunks++
        if (since >= 8) introduced++
        else if (verbose) printf "%s:%d: <<%s>> has %d words of prose before it\n", doc, NR, name, since > "/dev/stderr"
        if (in_prog && !prog_done) {
            prog_done = 1
            progs++
            if (prog_words >= 60) progs_ok++
            if (verbose) printf "  %-22s %3d words before its first chunk\n", prog, prog_words
        }
    }
    in_code = 1; code_len = 0; code_name = name; code_start = NR
    since = 0
    next
}
/^@([ \t]|$)/ {
    end_chunk()
    rest = $0; sub(/^@[ \t]*/, "", rest)
    if (rest ~ /^%def/) rest = ""
    if (rest != "") {
        since += words(rest); if (part2) prose_lines++
        if (in_prog && !prog_done) prog_words += words(rest)
    }
    next
}
in_code { code_len++; if (part2 && $0 ~ /[^ \t]/) code_lines++; next }
region && /^\\(sub)*section/ {
    since = 0
    if ($0 ~ /^\\section\{\\prog\{/) {
        if (in_prog && !prog_done) { progs++; printf "  %-22s %3d words, no chunk\n", prog, prog_words > "/dev/stderr" }
        prog = $0; sub(/^\\section\{\\prog\{/, "", prog); sub(/\}.*/, "", prog)
        in_prog = 1; prog_done = 0; prog_words = 0; part2 = 1
    } else if ($0 ~ /^\\section/) in_prog = 0
    next
}
region && /^\\(appendix|setcounter|renewcommand)/ { next }
region {
    w = words($0)
    since += w
    if (in_prog && !prog_done) prog_words += w
    if (part2 && w > 0) prose_lines++
}
END {
    end_chunk()
    pct = chunks ? 100 * introduced / chunks : 100
    printf "prose: %d of %d program sections open with 60 or more words\n", progs_ok, progs
    printf "prose: %d of %d chunks in Part II and the appendices (%.1f%%) follow 8 or more words of prose\n", introduced, chunks, pct
    printf "prose: Part II has %d lines of code, %d of prose: %.2f lines of code per line of prose\n", code_lines, prose_lines, prose_lines ? code_lines / prose_lines : 0
    printf "prose: the longest chunk is <<%s>> (line %d), %d lines\n", longest_name, longest_line, longest
    bad = 0
    if (progs == 0) { print doc ": no program section found" > "/dev/stderr"; bad = 1 }
    if (progs_ok < progs) { print doc ": a program section opens with fewer than 60 words of prose" > "/dev/stderr"; bad = 1 }
    if (pct < 95) { print doc ": fewer than 95% of chunks are introduced by 8 or more words (-v lists them)" > "/dev/stderr"; bad = 1 }
    if (code_lines > max_ratio * prose_lines) { printf "%s: more than %s lines of code per line of prose in Part II\n", doc, max_ratio > "/dev/stderr"; bad = 1 }
    if (longest > 60) { print doc ": a chunk is longer than 60 lines" > "/dev/stderr"; bad = 1 }
    exit bad
}' "$doc"
