#!/usr/bin/env bash
# paths.sh: the build works wherever the tree lies and installs exactly where
# it is told.  A scratch copy of the tree goes into a directory whose name
# holds a space, a quote and a `$(...)`; there `make check` must pass and no
# command hidden in the name may run; `make install DESTDIR=...` with a
# space in it must put every file under DESTDIR and nothing anywhere else;
# `make uninstall` must take them all away again.
set -eu -o pipefail
# Run from `make check-paths`, the outer make exports its own install
# directories (PREFIX=/usr/local, BINDIR=...) and its command-line
# variables; the inner makes must see only what this script gives them.
unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR PREFIX BINDIR MANDIR DOCDIR
top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/derivml-paths.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
tree="$scratch/it's a tree \$(touch INJECTED)"
mkdir -p "$tree"
(cd "$top" && tar cf - --exclude=./build --exclude=./.git .) | (cd "$tree" && tar xf -)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}
fail() { echo "paths: $*" >&2; exit 1; }

log=$scratch/make.log
(cd "$tree" && make -j2 check) >"$log" 2>&1 || { tail -30 "$log" >&2; fail "make check fails in \"$tree\""; }
injected=$(find "$scratch" "$top" -name INJECTED 2>/dev/null || true)
[ -z "$injected" ] || fail "a command in the directory's name ran: $injected"
echo "  make check passes in \"$tree\"; nothing in its name ran"

dest="$scratch/dest dir"
touch "$scratch/before"
(cd "$tree" && make install DESTDIR="$dest" PREFIX=/usr) >"$log" 2>&1 \
    || { cat "$log" >&2; fail "make install fails"; }
elsewhere=$(find "$scratch" "$top" -newer "$scratch/before" -not -type d \
              -not -path "$dest/*" -not -path "$tree/build/*" -not -path "$top/build/*" \
              -not -path "$log" 2>/dev/null || true)
[ -z "$elsewhere" ] || fail "install wrote outside DESTDIR: $elsewhere"
programs=$(sed -n 's/^PROGRAMS :=//p' "$tree/build/tangle.mk")
for p in $programs; do
    [ -x "$dest/usr/bin/$p" ] || fail "$dest/usr/bin/$p was not installed"
    [ -s "$dest/usr/share/man/man1/$p.1" ] || fail "$dest/usr/share/man/man1/$p.1 was not installed"
done
cmp -s "$tree/build/doc.pdf" "$dest/usr/share/doc/derivatives-to-ml/derivatives-to-ml.pdf" \
    || fail "the installed PDF is not build/doc.pdf"
echo "  make install DESTDIR=\"$dest\" put $(find "$dest" -type f | wc -l) files there and nothing elsewhere"

(cd "$tree" && make uninstall DESTDIR="$dest" PREFIX=/usr) >"$log" 2>&1 \
    || { cat "$log" >&2; fail "make uninstall fails"; }
left=$(find "$dest" -type f)
[ -z "$left" ] || fail "uninstall left: $left"
echo "  make uninstall removed every installed file"
