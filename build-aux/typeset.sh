#!/usr/bin/env bash
# typeset.sh BUILD: BUILD/doc.tex becomes BUILD/doc.pdf (and BUILD/doc.log).
#
# pdflatex runs in BUILD (so \input{fig/...} and data/... resolve there)
# but writes everything into BUILD/latex/.  Each pass reads auxiliary files
# the pass before wrote: doc.aux (labels, noweb's chunk cross-references,
# hyperref's anchors), doc.toc, doc.lof, doc.lot, doc.out (the bookmarks)
# and doc.ind (the subject index, sorted by makeindex from doc.idx).
# Passes are repeated until one reads exactly the bytes it writes: every
# one of those files (every file in BUILD/latex/ but the PDF, the logs and
# makeindex's input) is the same after the pass as before it.  That pass
# typeset the document from cross-references that agree with it, as the
# last pass of a clean build does (`make check-incremental` checks that an
# edited build's PDF is a clean build's, byte for byte).  (The
# log's "Rerun" requests are no test: LaTeX asks for none when only a list
# of figures or of tables changed.)  A clean build needs four passes: the
# table of contents moves pages at pass 2, noweb's chunk references settle
# at pass 3, and pass 4 reads what it writes.  An edit that moves nothing
# needs one pass; one that changes a caption, two.
#
# Only then are the log and the PDF renamed into BUILD, the PDF last: a
# kill at any instant leaves the previous doc.pdf or the complete new one,
# never a truncated file or an earlier pass.  BUILD/latex/settled marks
# auxiliary files left by a finished run; without it (a run was cut short,
# or this is the first) the passes start from nothing.
set -eu -o pipefail
cd "$1"
if [ ! -e latex/settled ]; then rm -rf latex; fi
mkdir -p latex
rm -f latex/settled

# The files a pass reads from the pass before: every file in latex/ but these.
not_read='^(doc\.pdf|doc\.log|doc\.idx|doc\.ilg|console)$'
read_files() { (cd latex && ls -A) | (grep -Ev "$not_read" || true) | LC_ALL=C sort; }
# Keep a copy of them in tmp/typeset-before/ ...
before=tmp/typeset-before
snapshot() {
    rm -rf "$before" && mkdir -p "$before"
    local f
    for f in $(read_files); do cp -p "latex/$f" "$before/"; done
}
# ... and after the pass, say whether they are the same, name for name and
# byte for byte.
unchanged() {
    local f
    [ "$(read_files)" = "$( (cd "$before" && ls -A) | LC_ALL=C sort)" ] || return 1
    for f in $(read_files); do cmp -s "latex/$f" "$before/$f" || return 1; done
}

settled=
for pass in 1 2 3 4 5 6 7 8; do
    snapshot
    if ! pdflatex -interaction=nonstopmode -halt-on-error -file-line-error \
            -output-directory=latex doc.tex >latex/console 2>&1; then
        # Errors name doc.tex lines, which are doc.nw lines (noweave keeps them).
        grep -A3 -E '^[^ ]*:[0-9]+: ' latex/doc.log | sed 's|^\./doc\.tex:|doc.nw:|' >&2 \
            || tail -20 latex/console >&2
        exit 1
    fi
    # The subject index: makeindex sorts what this pass wrote into doc.ind,
    # which the next pass sets.
    if ! (cd latex && makeindex -q doc.idx) \
            || grep -E '[1-9][0-9]* (rejected|warnings?)' latex/doc.ilg >&2; then
        echo "doc.nw: makeindex: see $PWD/latex/doc.ilg" >&2
        exit 1
    fi
    if unchanged; then settled=$pass; break; fi
done
rm -rf "$before"
if [ -z "$settled" ]; then
    echo "doc.tex: cross-references still change after $pass pdflatex passes" >&2
    exit 1
fi

# Warnings are shown here; `make check` fails on them.
grep -E '^(LaTeX|Package|Class|pdfTeX)( [A-Za-z]+)? (Font )?Warning|^pdfTeX warning|^(Overfull|Underfull) \\[hv]box' \
    latex/doc.log | sed 's|^|doc.log: |' >&2 || true

touch latex/settled
cp latex/doc.log doc.log.tmp
mv -f doc.log.tmp doc.log
# Where each chunk, "continued" note and table landed (tests/check-page.sh).
cp latex/doc.pag doc.pag.tmp
mv -f doc.pag.tmp doc.pag
mv -f latex/doc.pdf doc.pdf
