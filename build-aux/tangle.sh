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
# `markup` reads it once per flavour and `nt` extracts each root from that,
# which is exactly what notangle does inside.  Every file is written under
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
"$lib/markup" -t "$src" >"$tmp/lines.markup"

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
    "$lib/nt" -t -L -R"$r" <"$tmp/lines.markup" >"$tmp/lines" \
        || { echo "$src: cannot tangle $r" >&2; exit 1; }
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
