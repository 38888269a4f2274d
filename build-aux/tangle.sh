#!/usr/bin/env bash
# tangle.sh SOURCE.nw BUILD: every root chunk of SOURCE.nw becomes a file,
# twice: BUILD/plain/ without #line directives (what make compares, so
# moving prose recompiles nothing) and BUILD/src/ with them (what the
# compiler reads, so its messages name SOURCE.nw lines).  A file whose text
# did not change keeps its timestamp.  Last, BUILD/tangle.mk lists the
# library files (roots under lib/), the programs (the other .c roots) and
# the generated files the document inputs (data/.../*.tex, fig/*.tex),
# for make to include.
#
# noweb's `notangle` re-reads the whole source for every root; here
# `markup` reads it once and `nt` extracts each root from that, which is
# exactly what notangle does inside.
#
# BUILD/src/ is indented as a person writes C: a chunk used inside a
# function body is indented as far as its <<use>> line, as in BUILD/plain/.
# (notangle -L would not do that: it keeps every line in its doc.nw
# column, for compilers' column numbers.)  So the #line directives are
# made here: a copy of the markup has each code line's doc.nw line number
# as a marker at the end of the line (\001N\002, after the text, so it
# moves no indentation); `nt` tangles that copy like the plain one; then
# each output line loses its markers, and a `#line N "SOURCE.nw"` goes
# before a line whose number is not one more than its predecessor's.  The
# text without the markers must be the plain file, byte for byte, or the
# tangle stops.  Every file is written under
# a temporary name and renamed into place, so a kill at any instant leaves
# either the old file or the new one, and tangle.mk (renamed last) is
# older than SOURCE.nw until every file is in place.
set -eu -o pipefail
src=$1 b=$2
lib=/usr/lib/noweb
tmp=$b/tmp/tangle
rm -rf "$tmp"
mkdir -p "$tmp" "$b/plain" "$b/src"
"$lib/markup" "$src" >"$tmp/plain.markup"
# Line numbers: each @nl (and @index nl, for a %def line) ends a line of
# the source.  A code line that holds text or a use gets its marker before
# its @nl (none on the <<name>>= line, none on an empty line).
awk 'BEGIN { line = 1 }
     /^@begin code / { code = 1; text = 0 }
     /^@end code /   { code = 0 }
     /^@defn /       { defn = 1 }
     code && (/^@text ./ || /^@use /) { text = 1 }
     /^@nl$/ && code && text && !defn { printf "@text \001%d\002\n", line }
     /^@nl$/ || /^@index nl$/ { line++; defn = 0; text = 0 }
     { print }' "$tmp/plain.markup" >"$tmp/lines.markup"

# A root is a chunk that is defined and never used (noroots does the same).
roots=$(awk '/^@quote$/,/^@endquote$/ { next }
             /^@defn / { defined[substr($0, 7)] = 1 }
             /^@use /  { used[substr($0, 6)] = 1 }
             END { for (c in defined) if (!(c in used)) print c }' "$tmp/plain.markup" \
        | LC_ALL=C sort)

# Move NEW over OLD unless they are the same bytes.
replace_if_changed() {
    if cmp -s "$1" "$2"; then rm -f "$1"; else mkdir -p "$(dirname "$2")"; mv -f "$1" "$2"; fi
}

declare -A is_root=()
lib_sources= lib_headers= programs=
while IFS= read -r r; do
    [ -n "$r" ] || continue
    case $r in
        *.c|*.h) ;;
        *) echo "$src: chunk <<$r>> is defined but never used (misspelt?)" >&2; exit 1;;
    esac
    is_root[$r]=1
    "$lib/nt" -R"$r" <"$tmp/plain.markup" >"$tmp/plain" \
        || { echo "$src: cannot tangle $r" >&2; exit 1; }
    "$lib/nt" -R"$r" <"$tmp/lines.markup" >"$tmp/marked" \
        || { echo "$src: cannot tangle $r" >&2; exit 1; }
    awk -v file="$src" -v plain="$tmp/unmarked" '
        { n = match($0, /\001[0-9]+\002/) ? substr($0, RSTART + 1, RLENGTH - 2) + 0 : 0
          gsub(/\001[0-9]+\002/, ""); print >plain }
        n && n != last + 1 { printf "#line %d \"%s\"\n", n, file }
        { print; last = n ? n : last + 1 }' "$tmp/marked" >"$tmp/lines"
    cmp -s "$tmp/unmarked" "$tmp/plain" \
        || { echo "$src: $r: the line markers changed the tangled text (tangle.sh)" >&2; exit 1; }
    replace_if_changed "$tmp/lines" "$b/src/$r"
    replace_if_changed "$tmp/plain" "$b/plain/$r"
    case $r in
        lib/*.c) lib_sources+=" $r";;
        lib/*.h) lib_headers+=" $r";;
        */*) ;;
        *.c) programs+=" ${r%.c}";;
    esac
done <<<"$roots"

# A file tangled from a root that no longer exists goes.
while IFS= read -r -d '' f; do
    f=${f#"$b/plain/"}
    [ -n "${is_root[$f]:-}" ] || rm -f "$b/plain/$f" "$b/src/$f"
done < <(find "$b/plain" -type f -print0)

doc_inputs=$( (grep -oE '(data|fig)/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?\.tex' "$src" || true) \
             | LC_ALL=C sort -u | sed "s|^|$b/|" | tr '\n' ' ')
{
    echo "# Written by build-aux/tangle.sh from $src: do not edit."
    printf 'LIB_SOURCES :=%s\nLIB_HEADERS :=%s\nPROGRAMS :=%s\nDOC_INPUTS := %s\n' \
        "$lib_sources" "$lib_headers" "$programs" "$doc_inputs"
} >"$tmp/tangle.mk"
mv -f "$tmp/tangle.mk" "$b/tangle.mk"
rm -rf "$tmp"
