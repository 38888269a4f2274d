#!/usr/bin/env bash
# check-pdf.sh BUILD: BUILD/doc.pdf is a complete, final typesetting.
#   - complete: it ends with the %%EOF trailer, and the startxref offset in
#     the trailer points at a cross-reference section inside the file;
#   - final: BUILD/doc.log is the log of the run that wrote it (the log's
#     "Output written ... (N pages, B bytes)" has exactly the PDF's size)
#     and that run asked for no further pass.
# A PDF cut short by a kill, or left by an earlier pass, fails.
set -eu -o pipefail
pdf=$1/doc.pdf log=$1/doc.log
die() { echo "$pdf: $*" >&2; exit 1; }
[ -s "$pdf" ] || die "missing or empty"
[ -s "$log" ] || die "no log $log beside it"
[ "$(head -c 5 "$pdf")" = "%PDF-" ] || die "does not start with %PDF-"
tail=$(tail -c 64 "$pdf" | tr -d '\r')
[[ $tail =~ startxref[[:space:]]+([0-9]+)[[:space:]]+%%EOF[[:space:]]*$ ]] \
    || die "no trailer (startxref ... %%EOF): the file is incomplete"
offset=${BASH_REMATCH[1]} size=$(stat -c %s "$pdf")
[ "$offset" -lt "$size" ] || die "startxref points past the end of the file"
at=$(dd if="$pdf" bs=1 skip="$offset" count=32 status=none | tr -d '\0' | tr '\r\n' '  ')
[[ $at =~ ^(xref|[0-9]+\ [0-9]+\ obj) ]] || die "startxref does not point at a cross-reference"
written=$(sed -n 's/^Output written on .*doc\.pdf (\([0-9]*\) pages\{0,1\}, \([0-9]*\) bytes)\.$/\1 \2/p' "$log")
[ -n "$written" ] || die "$log does not say the PDF was written"
read -r pages bytes <<<"$written"
[ "$bytes" = "$size" ] || die "$size bytes, but $log says the run wrote $bytes: not the final pass"
if grep -qE 'Rerun to get|Label\(s\) may have changed' "$log"; then
    die "$log asks for another pass: references are not settled"
fi
echo "  $pdf: complete, $pages pages, $size bytes, references settled"
