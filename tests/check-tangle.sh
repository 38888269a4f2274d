#!/usr/bin/env bash
# check-tangle.sh SOURCE.nw BUILD: the C the compiler reads (BUILD/src/)
# is indented as written and names its SOURCE.nw lines truly.
#
# For every tangled file: BUILD/src/F without its #line directives must be
# BUILD/plain/F byte for byte (noweb's nt, which indents a chunk as far as
# its <<use>>), and every line of BUILD/src/F that is not empty must hold
# the text, trimmed and with noweb's escapes undone, of the SOURCE.nw
# line its #line directives give it.
set -eu -o pipefail
src=$1 b=$2
fail=0 files=0 lines=0
while IFS= read -r -d '' f; do
    f=${f#"$b/plain/"}
    files=$((files + 1))
    if ! grep -v '^#line ' "$b/src/$f" | cmp -s - "$b/plain/$f"; then
        echo "$b/src/$f: without its #line directives, not $b/plain/$f (indentation lost?)" >&2
        fail=1
    fi
    n=$(awk -v out="$b/src/$f" '
        function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
        # noweb writes a literal << in code as @<<, and an @ in column 1 as @@.
        FNR == NR { t = $0; gsub(/@<</, "<<", t); sub(/^@@/, "@", t); line[FNR] = trim(t); next }
        /^#line [0-9]+ "/ { at = $2; next }
        { t = trim($0); checked++
          if (t != "" && (!at || line[at] == "" || !index(t, line[at]))) {
              printf "%s: \"%s\" is named as %s:%d, which reads \"%s\"\n", \
                  out, t, ARGV[1], at, line[at] > "/dev/stderr"
              bad = 1 }
          if (at) at++ }
        END { print checked + 0; exit bad }' "$src" "$b/src/$f") || fail=1
    lines=$((lines + n))
done < <(find "$b/plain" -type f -print0)
[ "$files" -gt 0 ] || { echo "$b/plain: no tangled files" >&2; exit 1; }
[ "$fail" = 0 ] || exit 1
echo "  $files tangled files: indented as written, $lines lines named by their $src line"
