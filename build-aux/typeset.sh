#!/usr/bin/env bash
# typeset.sh BUILD: BUILD/doc.tex becomes BUILD/doc.pdf (and BUILD/doc.log).
#
# pdflatex runs in BUILD (so \input{fig/...} and data/... resolve there)
# but writes everything into BUILD/latex/, and passes are repeated until the
# log asks for no rerun (a clean build needs four: the table of contents
# moves pages at pass 2, noweb's chunk references settle at pass 3, the PDF
# at pass 4).  Only then are the log and the PDF renamed into BUILD, the PDF
# last: a kill at any instant leaves the previous doc.pdf or the complete
# new one, never a truncated file or an earlier pass.  BUILD/latex/settled
# marks auxiliary files left by a finished run; without it (a run was cut
# short, or this is the first) the passes start from nothing.
set -eu -o pipefail
cd "$1"
if [ ! -e latex/settled ]; then rm -rf latex; fi
mkdir -p latex
rm -f latex/settled

rerun='Rerun to get|Label\(s\) may have changed|No file doc\.(toc|aux)'
settled=
for pass in 1 2 3 4 5 6; do
    if ! pdflatex -interaction=nonstopmode -halt-on-error -file-line-error \
            -output-directory=latex doc.tex >latex/console 2>&1; then
        # Errors name doc.tex lines, which are doc.nw lines (noweave keeps them).
        grep -A3 -E '^[^ ]*:[0-9]+: ' latex/doc.log | sed 's|^\./doc\.tex:|doc.nw:|' >&2 \
            || tail -20 latex/console >&2
        exit 1
    fi
    # The subject index: makeindex sorts what this pass wrote; a changed
    # index needs one more pass to be set.
    [ ! -f latex/doc.ind ] || mv latex/doc.ind latex/doc.ind.old
    if ! (cd latex && makeindex -q doc.idx) \
            || grep -E '[1-9][0-9]* (rejected|warnings?)' latex/doc.ilg >&2; then
        echo "doc.nw: makeindex: see $PWD/latex/doc.ilg" >&2
        exit 1
    fi
    cmp -s latex/doc.ind latex/doc.ind.old || continue
    if ! grep -qE "$rerun" latex/doc.log; then settled=$pass; break; fi
done
if [ -z "$settled" ]; then
    echo "doc.tex: references still change after $pass pdflatex passes" >&2
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
