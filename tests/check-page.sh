#!/usr/bin/env bash
# check-page.sh BUILD [DOC.nw]: the page rules of doc.nw's preamble hold in
# BUILD/doc.pdf.  Two sources, each read for what it can see:
#   BUILD/doc.pag, written by pdfTeX as each page was shipped out: the
#     pages on which each chunk starts and ends and its length, each
#     "continued" note, the top and foot of each table, the text block;
#   the PDF itself, through pdftotext (its words, their boxes, its pages
#     as lines) and hyperref's outline (BUILD/latex/doc.out).
# It fails, naming the page, when
#   - the chunks' lengths TeX counted (in lines of code) are not those
#     counted in doc.nw;
#   - a chunk of at most 12 lines of code spans two pages;
#   - a page says "<chunk> continued" but that chunk does not run on to
#     it (it ended on an earlier page, or starts on this one), or such a
#     page opens with a float, between the chunk's two parts;
#   - a page's last line is a chunk header, a section heading or the
#     "Run it." line of a paragraph;
#   - a word of a table lies outside the text block;
#   - a chunk's tag, or a triangle to its previous or next part, is not
#     level with the chunk's header in the margin;
#   - the title is not centred on the page, or the typewriter face is
#     the light condensed one;
#   - an entry of the list of figures or tables is longer than a short
#     caption (70 characters), or ends less than 1 em before its page
#     number;
#   - a part's last page carries fewer than 5 lines;
#   - the back matter (appendices and indexes) is not a top-level entry
#     of the outline of its own, or a page of it is headed "Part II".
set -eu -o pipefail
b=$1
pdf=$b/doc.pdf pag=$b/doc.pag out=$b/latex/doc.out
for f in "$pdf" "$pag" "$out" "$b/code-breaks.tex"; do [ -s "$f" ] || { echo "$f: missing or empty" >&2; exit 1; }; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# The PDF's text, its words' boxes and its destinations; PAGE_TEXT names a
# directory that keeps them for further runs on the same PDF (the self-test).
text=${PAGE_TEXT:-$tmp}
if [ ! -s "$text/doc.txt" ] || [ ! -s "$text/doc.html" ] || [ ! -s "$text/dests" ]; then
    mkdir -p "$text"
    pdftotext -layout "$pdf" "$text/doc.txt"
    pdftotext -bbox "$pdf" "$text/doc.html"
    pdfinfo -dests "$pdf" >"$text/dests"
fi

# The contents' parts and sections, one a line in $tmp/toc: kind (part or
# section), first folio, number (empty when it has none) and title, the
# title with TeX's commands, braces and dollars taken out, as the PDF's
# text shows it.  Read by the checks of running heads, of headings at a
# page's foot and of parts' last pages.
awk '/^\\contentsline \{(part|section)\}/ {
        kind = $0; sub(/^\\contentsline \{/, "", kind); sub(/\}.*/, "", kind)
        t = $0; sub(/^\\contentsline \{[a-z]*\}\{/, "", t)
        page = t; sub(/\}\{[^}]*\}%?$/, "", page); sub(/.*\{/, "", page)
        num = ""
        if (t ~ /^\\numberline \{/) { num = t; sub(/^\\numberline \{/, "", num); sub(/\}.*/, "", num); sub(/^\\numberline \{[^}]*\}/, "", t) }
        sub(/\}\{[^}]*\}\{[^}]*\}%?$/, "", t); gsub(/\\[a-zA-Z]+ ?|[{}$]/, "", t)
        print kind "\t" page "\t" num "\t" t }' "$b/latex/doc.toc" >"$tmp/toc"

# ---- the chunks' lengths that TeX counted are those of doc.nw: the same
# multiset of line counts, counted here from the source.
doc=${2:-doc.nw}
awk '/^<<.*>>=$/ { if (c) print n; c = 1; n = 0; next }
     /^@( |$)/ { if (c) print n; c = 0; next }
     c { n++ }
     END { if (c) print n }' "$doc" | sort -n >"$tmp/nw-lengths"
awk '$1 == "end" { print $3 }' "$pag" | sort -n >"$tmp/tex-lengths"
if ! cmp -s "$tmp/nw-lengths" "$tmp/tex-lengths"; then
    echo "$pag: the chunks' lengths differ from $doc's (sorted, $doc < > $pag):" >&2
    diff "$tmp/nw-lengths" "$tmp/tex-lengths" | head -5 >&2 || true
    fail=1
else
    echo "  $pag: $(wc -l <"$tmp/tex-lengths") chunk lengths, as $doc has them"
fi

# ---- chunks, "continued" notes and floats at a page's top, from doc.pag
awk -v file="$pag" '
    $1 == "start" { start[$2] = $4 }
    $1 == "end" { end_[$2] = $4; lines[$2] = $3 }
    $1 == "continued" { cont[$4] = $2 }
    $1 == "textblock" { top = $4; sub(/pt$/, "", top); top *= 65536 }
    $1 == "figuretop" || $1 == "tabletop" { if ($3 >= top - 2 * 65536) floattop[$4] = substr($1, 1, length($1) - 3) }
    END {
        for (c in start) {
            if (!(c in end_)) { printf "%s: chunk %d has no end\n", file, c; bad = 1; continue }
            if (lines[c] <= 12 && start[c] != end_[c]) {
                printf "%s: chunk %d, %d lines, is split across PDF pages %d-%d\n", file, c, lines[c], start[c], end_[c]; bad = 1 }
            n++; if (lines[c] <= 12) short++
        }
        for (p in cont) {
            c = cont[p]
            if (!(c in start) || !(start[c] < p + 0 && p + 0 <= end_[c])) {
                printf "%s: PDF page %d says chunk %d is continued, but it runs on pages %d-%d\n", file, p, c, start[c], end_[c]; bad = 1 }
            nc++
            if (p in floattop) { printf "%s: PDF page %d opens with a %s inside chunk %d, which runs on to it\n", file, p, floattop[p], c; bad = 1 }
        }
        if (!bad) printf "  %s: %d chunks, the %d of up to 12 lines each on one page; %d \"continued\" notes, each true, none over a float\n", file, n, short, nc
        exit bad
    }' "$pag" || fail=1

# ---- where long chunks break: each line's page and height, from doc.pag
# ("line chunk k page y"), against the class that build-aux/code-breaks.awk
# gave a break after line k in BUILD/code-breaks.tex.  Classes 6 to 9 are
# the places no book breaks code: a block's header or closing brace with
# fewer than two of its lines, after a comment, before a lone closing
# brace, inside a statement.  Such a break is wrong when a fair place
# (class 0 to 5) on the same page would have ended it at most SHORT lines
# of text (13.6 pt each) above the text block's foot; it is forced, and
# named, when every fair place would leave the page emptier than that.
SHORT=6
awk -v file="$pag" -v short="$SHORT" '
    FNR == NR {
        c = $0; sub(/^\\pb@breaks\{/, "", c); sub(/\}.*/, "", c)
        d = $0; sub(/^.*\}\{/, "", d); sub(/\}$/, "", d); cls[c] = d; next
    }
    $1 == "textblock" { foot = $5; sub(/pt$/, "", foot); foot *= 65536 }
    $1 == "line" { page[$2, $3] = $4; y[$2, $3] = $5; if ($3 > last[$2]) last[$2] = $3; lines++ }
    function why(d) {
        return d == 6 ? "a block header or closing brace with under two of its lines" : d == 7 ? "a comment apart from its code" :
               d == 8 ? "a lone closing brace carried over" : "inside a statement"
    }
    END {
        if (!lines) { printf "%s: no line of code recorded its page\n", file; bad = 1 }
        if (foot == "") { printf "%s: no text block foot recorded\n", file; bad = 1 }
        for (c in last) for (k = 0; k < last[c]; k++) {
            if (page[c, k] == page[c, k + 1]) continue
            n++; d = substr(cls[c], k, 1)
            if (k == 0) { printf "%s: chunk %d breaks after its header, at the foot of PDF page %d\n", file, c, page[c, k]; bad = 1; continue }
            if (d == "") { printf "%s: chunk %d has no break class for line %d\n", file, c, k; bad = 1; continue }
            count[d]++
            if (d < 6) continue
            fair = -1
            for (j = k - 1; j >= 3 && page[c, j] == page[c, k]; j--)
                if (substr(cls[c], j, 1) < 6 && (y[c, j] - foot) / 65536 <= short * 13.6) { fair = j; break }
            # or before the chunk, which then starts the next page: the
            # header line is a line of text higher than its record
            if (fair < 0 && page[c, 0] == page[c, k] && (y[c, 0] - foot) / 65536 + 13.6 <= short * 13.6) fair = 0
            if (fair >= 0) {
                printf "%s: chunk %d breaks after its line %d, a place of class %s (%s), at the foot of PDF page %d; %s, %.1f lines of text higher, was fair\n",
                    file, c, k, d, why(d), page[c, k], fair ? "after line " fair : "before the chunk",
                    (y[c, fair] - y[c, k]) / 65536 / 13.6 + (fair ? 0 : 1); bad = 1
            } else forced = forced sprintf(" chunk %d line %d (class %s, PDF page %d);", c, k, d, page[c, k])
        }
        if (!bad) {
            s = ""; for (d = 0; d <= 9; d++) if (count[d]) s = s sprintf(" %d of class %d;", count[d], d)
            printf "  %s: %d breaks inside chunks:%s none poor where a fair place leaves the page at most %d lines short\n", file, n, s, short
            if (forced != "") printf "  %s: poor breaks whose fair places would all leave the page over %d lines short:%s\n", file, short, forced
        }
        exit bad
    }' "$b/code-breaks.tex" "$pag" || fail=1

# ---- running heads: each page of the text is headed by the section in
# force at its top, or by the section whose heading opens the page (its
# first line, under the head); a page where a part begins, by the section
# that starts on it, if any.  The sections and parts, with their first
# folios, come from the contents ($tmp/toc); a section is named in the
# head by its number and its title's first word, or by its title when it
# has no number.
awk -v file="$pdf" -v tocfile="$tmp/toc" '
    BEGIN {
        while ((getline r < tocfile) > 0) {
            split(r, f, "\t"); n++; kind[n] = f[1]; at[n] = f[2] + 0
            if (f[3] != "") { split(f[4], w, " "); key[n] = f[3] " " w[1] } else key[n] = f[4]
        }
        RS = "\f"
    }
    {
        m = split($0, L, "\n"); head = ""; first = ""
        for (i = 1; i <= m; i++) if (L[i] ~ /[^ ]/) { if (head == "") head = L[i]; else { first = L[i]; break } }
        gsub(/ +/, " ", head); sub(/ $/, "", head); gsub(/ +/, " ", first); sub(/^ /, "", first)
        if (head !~ / [0-9]+$/) next          # the front matter: roman folios
        folio = head; sub(/.* /, "", folio); folio += 0
        want = ""; part = 0
        for (i = 1; i <= n; i++) {
            if (at[i] > folio) break
            if (kind[i] == "part") { if (at[i] == folio) { part = 1; want = "" }; continue }
            if (at[i] < folio || index(first, key[i]) == 1 || part) want = key[i]
            if (part && at[i] == folio) break
        }
        if (want == "") next
        checked++
        if (index(head, " " want " ") == 0) { printf "%s: PDF page %d (folio %d) is headed \"%s\", not by \"%s\"\n", file, NR, folio, head, want; bad = 1 }
    }
    END { if (!bad) printf "  %s: %d running heads, each the section at the page top or whose heading opens it\n", file, checked; exit bad }' \
    "$text/doc.txt" || fail=1

# ---- the last line of each page, from the PDF's text laid out as lines
awk -v file="$pdf" -v tocfile="$tmp/toc" '
    BEGIN { while ((getline r < tocfile) > 0) { split(r, f, "\t"); if (f[1] == "section" && f[4] != "") sec[f[4]] = 1 } RS = "\f" }
    {
        n = split($0, L, "\n"); last = ""
        for (i = n; i > 0; i--) if (L[i] ~ /[^ ]/) { last = L[i]; break }
        t = last; sub(/^ +/, "", t); sub(/ {3,}.*$/, "", t)   # the text block, not the margin
        u = last; gsub(/ +/, " ", u); sub(/^ /, "", u); sub(/ $/, "", u)
        if (last ~ /⟩≡/) why = "a chunk header"
        else if (t ~ /^Run it\./) why = "the first line of a \"Run it.\" paragraph"
        else if (u ~ /^([0-9]+|P[0-9]+|[A-C]) [^ ]/ && substr(u, index(u, " ") + 1) in sec || u in sec) why = "a section heading"
        else why = ""
        sub(/^ +/, "", last)
        if (why != "") { printf "%s: PDF page %d ends with %s: %s\n", file, NR, why, last; bad = 1 }
    }
    END { if (!bad) printf "  %s: no page ends with a chunk header, a heading or a \"Run it.\" line\n", file; exit bad }' \
    "$text/doc.txt" || fail=1

# ---- tables inside the text block: the words between each table's top
# and foot, by pdftotext -bbox, against the text block's edges (TeX pt
# and sp, converted to PDF points, 72 to the inch against TeX's 72.27).
awk -v file="$pdf" -v pagfile="$pag" '
    function bp(sp) { return sp / 65536 * 72 / 72.27 }
    BEGIN {
        while ((getline r < pagfile) > 0) {
            split(r, f, " ")
            if (f[1] == "textblock") { sub(/pt$/, "", f[2]); sub(/pt$/, "", f[3]); left = f[2] * 72 / 72.27; right = f[3] * 72 / 72.27 }
            if (f[1] == "tabletop") { nt++; tpage[nt] = f[4]; ttop[nt] = bp(f[3]) }
            if (f[1] == "tablefoot") { tfoot[nt] = bp(f[3]) }
        }
    }
    /<page / { page++; match($0, /height="[0-9.]+"/); h = substr($0, RSTART + 8, RLENGTH - 9) + 0 }
    /<word / {
        for (t = 1; t <= nt; t++) {
            if (tpage[t] != page) continue
            match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
            match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
            match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
            match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
            if (y0 < h - ttop[t] - 1 || y1 > h - tfoot[t] + 1) continue
            seen[t] = 1
            # 2 pt: microtype lets the punctuation of a caption hang into the margin
            over = x1 - right > left - x0 ? x1 - right : left - x0
            if (over > 2 && over > worst[t]) {
                w = $0; sub(/^.*">/, "", w); sub(/<.*$/, "", w)
                worst[t] = over; word[t] = w
            }
        }
    }
    END {
        for (t = 1; t <= nt; t++) {
            if (!(t in seen)) { printf "%s: table %d (PDF page %d): no words found\n", file, t, tpage[t]; bad = 1 }
            if (t in worst) { printf "%s: PDF page %d: table %d runs %.0f pt outside the text block (\"%s\")\n", file, tpage[t], t, worst[t], word[t]; bad = 1 }
        }
        if (nt == 0) { printf "%s: no tables recorded in %s\n", file, pagfile; bad = 1 }
        if (!bad) printf "  %s: all %d tables inside the text block\n", file, nt
        exit bad
    }' "$text/doc.html" || fail=1

# ---- links land above what they name: the destination of figure N and
# table N (hyperref's figure.N, table.N) on the float's page, at or above
# its top; a chunk's destination (noweb.*) at or above the top of the
# chunk header beside it.
awk -v file="$pdf" -v pagfile="$pag" -v html="$text/doc.html" '
    BEGIN {
        while ((getline r < pagfile) > 0) {
            split(r, f, " ")
            if (f[1] == "figuretop") { nf++; page["figure." nf] = f[4]; top["figure." nf] = f[3] / 65536 * 72 / 72.27 }
            if (f[1] == "tabletop") { nt++; page["table." nt] = f[4]; top["table." nt] = f[3] / 65536 * 72 / 72.27 }
        }
        # each page: the tops of the words that open a chunk header
        while ((getline r < html) > 0) {
            if (r ~ /<page /) { p++; match(r, /height="[0-9.]+"/); h = substr(r, RSTART + 8, RLENGTH - 9) + 0 }
            if (r ~ /<word / && r ~ /">⟨/) { match(r, /yMin="[0-9.]+"/); hdr[p] = hdr[p] " " (substr(r, RSTART + 6, RLENGTH - 7) + 0) }
        }
    }
    NR > 1 && $2 == "[" && $3 == "XYZ" {
        name = $NF; gsub(/"/, "", name); y = $5 + 0
        if (name in page) {
            checked++
            if ($1 != page[name] || y < top[name] - 1) { printf "%s: the link to %s lands at y %.0f on PDF page %d, below the float'"'"'s top (y %.0f, page %d)\n", file, name, y, $1, top[name], page[name]; bad = 1 }
        } else if (name ~ /^noweb\./) {
            n = split(hdr[$1], t, " "); best = 1e9
            for (i = 1; i <= n; i++) { d = t[i] - (h - y); if (d > -20 && d < 20 && (d < 0 ? -d : d) < (best < 0 ? -best : best)) best = d }
            if (best == 1e9) next
            chunks++
            if (best < 0) { printf "%s: the link %s lands %.1f pt below the top of the chunk header beside it (PDF page %d)\n", file, name, -best, $1; bad = 1 }
        }
    }
    END {
        if (checked != nf + nt) { printf "%s: %d floats recorded, %d destinations found\n", file, nf + nt, checked; bad = 1 }
        if (!bad) printf "  %s: links to %d figures, %d tables and %d chunk headers land at or above them\n", file, nf, nt, chunks
        exit bad
    }' "$text/dests" || fail=1

# ---- each chunk's margin note on its header's line: the tag (the header
# names it, "<name 29a>="), and the triangles to the chunk's previous and
# next parts, stand level with the header, not a line above or below.
awk -v file="$pdf" -v pagfile="$pag" '
    BEGIN { while ((getline r < pagfile) > 0) if (r ~ /^textblock /) { split(r, f, " "); sub(/pt$/, "", f[3]); right = f[3] * 72 / 72.27 } }
    function flush(   i, j, ok) {
        for (i = 1; i <= nh; i++) {
            ok = 0; heads++
            # the header of a first part carries its own tag; of a later part
            # ("+=") that of the first, so any tag will do beside it
            for (j = 1; j <= nm; j++)
                if ((mw[j] == htag[i] || hplus[i] && mw[j] ~ /^[0-9]+[a-z]?$/) && (my[j] - hy[i])^2 < 9) ok = 1
            if (!ok) { printf "%s: PDF page %d: chunk %s has no tag beside its header\n", file, page, htag[i]; bad = 1 }
        }
        for (j = 1; j <= nm; j++) if (mw[j] == "◁" || mw[j] == "▷") {
            ok = 0; marks++
            for (i = 1; i <= nh; i++) if ((my[j] - hy[i])^2 < 9) ok = 1
            if (!ok) { printf "%s: PDF page %d: a %s in the margin beside no chunk header\n", file, page, mw[j]; bad = 1 }
        }
        nh = nm = 0
    }
    /<page / { flush(); page++ }
    /<word / {
        match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
        match($0, /yMax="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) + 0
        w = $0; sub(/^.*">/, "", w); sub(/<.*$/, "", w)
        if (x > right + 5) { nm++; mw[nm] = w; my[nm] = y }
        else if ((w == "≡" || w == "+≡") && prev ~ /⟩$/) { nh++; htag[nh] = prev; sub(/⟩$/, "", htag[nh]); hy[nh] = prevy; hplus[nh] = w == "+≡" }
        prev = w; prevy = y
    }
    END {
        flush()
        if (heads == 0) { printf "%s: no chunk headers found\n", file; bad = 1 }
        if (!bad) printf "  %s: %d chunk headers, each with its tag and its %d triangles on its own line\n", file, heads, marks
        exit bad
    }' "$text/doc.html" || fail=1

# ---- the lists of figures and tables: one short line per entry (a
# caption's short form, \caption[short]{...}), not the whole caption.
for list in lof lot; do
    awk -v file="$b/latex/doc.$list" '
        /^\\contentsline/ {
            t = $0; sub(/^\\contentsline \{[a-z]+\}\{\\numberline \{[^}]*\}\{\\ignorespaces /, "", t)
            sub(/\}\}\{[0-9ivx]+\}\{[a-z]+\.[0-9]+\}%$/, "", t)
            gsub(/\$[^$]*\$/, "xx", t); gsub(/\\[a-zA-Z]+|[{}]/, "", t)
            n++
            if (length(t) > 70) { printf "%s: entry %d is %d characters, not a short caption: %s\n", file, n, length(t), substr(t, 1, 60) "..."; bad = 1 }
        }
        END { if (n == 0) { printf "%s: no entries\n", file; bad = 1 }
              if (!bad) printf "  %s: %d entries, each a short caption\n", file, n; exit bad }' \
        "$b/latex/doc.$list" || fail=1
done

# ---- ... and in them, at least 1 em of leader between an entry's title
# and its page number's box (doc.nw's \pb@tocgap; the box is \@pnumwidth,
# 2.2 em, wide, the number set flush right in it): the number's word at the
# text block's right edge, against the rightmost word on its line that is
# not a leader dot (a superscript included), at least 3.2 em (35 PDF
# points at 11 pt, less 1 for the glyphs' sides) left of the number's
# right edge.  LaTeX's own lists let a long title's last line run right
# up to the number's box.
awk -v file="$pdf" -v pagfile="$pag" '
    BEGIN { while ((getline r < pagfile) > 0) if (r ~ /^textblock /) { split(r, f, " "); sub(/pt$/, "", f[3]); right = f[3] * 72 / 72.27 } }
    function flush(   i, j, end_, gap) {
        if (listpage) for (i = 1; i <= nw; i++) {
            if (w[i] !~ /^([0-9]+|[ivxlc]+)$/ || x1[i] < right - 3 || x1[i] > right + 3) continue
            end_ = 0
            for (j = 1; j <= nw; j++)
                if (j != i && x1[j] < x0[i] && (y[j] - y[i])^2 < 25 && w[j] !~ /^[. ]+$/ && x1[j] > end_) end_ = x1[j]
            if (!end_) continue
            entries++; gap = x1[i] - end_ - 24.1
            if (gap < 10) { printf "%s: PDF page %d: an entry of the lists ends %.1f pt before the box of its page number %s, under 1 em\n", file, page, gap, w[i]; bad = 1 }
        }
        nw = 0; listpage = 0
    }
    /<page / { flush(); page++ }
    /<word / {
        nw++
        match($0, /xMin="[0-9.]+"/); x0[nw] = substr($0, RSTART + 6, RLENGTH - 7) + 0
        match($0, /xMax="[0-9.]+"/); x1[nw] = substr($0, RSTART + 6, RLENGTH - 7) + 0
        match($0, /yMax="[0-9.]+"/); y[nw] = substr($0, RSTART + 6, RLENGTH - 7) + 0
        t = $0; sub(/^.*">/, "", t); sub(/<.*$/, "", t); w[nw] = t
        if (nw >= 3 && w[nw - 2] == "List" && w[nw - 1] == "of" && (t == "Figures" || t == "Tables")) listpage = 1
    }
    END {
        flush()
        if (!entries) { printf "%s: no entries with page numbers found in the lists of figures and tables\n", file; bad = 1 }
        if (!bad) printf "  %s: the %d entries of the lists of figures and tables each end at least 1 em before their page numbers'"'"' boxes\n", file, entries
        exit bad
    }' "$text/doc.html" || fail=1

# ---- a part's last page (or that of the pages before Part I) carries at
# least five lines of text below its head, not the last two lines of an
# exercise alone (doc.nw's preamble, at \part).  The parts' first folios
# come from the contents; each page's folio from its head.
awk -v file="$pdf" -v tocfile="$tmp/toc" '
    BEGIN { while ((getline r < tocfile) > 0) { split(r, f, "\t"); if (f[1] == "part") starts[f[2]] = 1 } RS = "\f" }
    {
        m = split($0, L, "\n"); head = ""; lines = 0
        for (i = 1; i <= m; i++) if (L[i] ~ /[^ ]/) { if (head == "") head = L[i]; else lines++ }
        folio = head; sub(/ +$/, "", folio); sub(/.* /, "", folio)
        if (folio in starts && NR > 1 && prevfolio ~ /^[0-9]+$/) {
            checked++
            if (prevlines < 5) { printf "%s: PDF page %d (folio %s), the last before the part starting on folio %s, carries %d lines\n", file, NR - 1, prevfolio, folio, prevlines; bad = 1 }
        }
        prevfolio = folio; prevlines = lines
    }
    END {
        if (!checked) { printf "%s: no page before a part found\n", file; bad = 1 }
        if (!bad) printf "  %s: the %d pages that end a part (or the pages before Part I) each carry at least 5 lines\n", file, checked
        exit bad
    }' "$text/doc.txt" || fail=1

# The PDF's outline (hyperref's doc.out), one entry a line: level, tab, title.
# hyperref writes titles as UTF-16 in octal escapes; ASCII titles decode
# by dropping the \000 high bytes.
sed -n 's/^\\BOOKMARK \[\(-\{0,1\}[0-9]\)\]\[[^]]*\]{[^}]*}{\(.*\)}{[^}]*}% [0-9]*$/\1\t\2/p' "$out" \
  | sed -e 's/\\376\\377//' -e 's/\\000//g' -e 's/\\040/ /g' >"$tmp/outline"

# ---- the contents: no title listed twice.  A line repeated under every
# section (each section's "Exercises", which the contents once listed
# eleven times) tells the reader nothing the first did not; the
# exercises are in the outline instead, one entry under each section
# that has them, and its link lands just above their heading.  Read from
# the PDF's text: the pages headed "Contents", each entry's title without
# its number, leader dots and page.
awk -v file="$pdf" '
    BEGIN { RS = "\f" }
    {
        n = split($0, L, "\n"); head = ""
        for (i = 1; i <= n; i++) if (L[i] ~ /[^ ]/) { head = i; break }
        if (head == "" || L[head] !~ /Contents +[ivxlc]+ *$/) next
        pages = pages (pages ? "," : "") NR
        for (i = head + 1; i <= n; i++) {
            t = L[i]; gsub(/^ +| +$/, "", t)
            sub(/ +[0-9ivxlc]+$/, "", t); sub(/( *\.)+$/, "", t)
            sub(/^([0-9]+|P[0-9]+|[IVX]+|[A-Z](\.[0-9]+)?) +/, "", t); gsub(/ +/, " ", t)
            if (t == "" || t == "Contents") continue
            entries++; count[t]++; if (!(t in where)) where[t] = NR
        }
    }
    END {
        if (!entries) { printf "%s: no pages headed \"Contents\" with entries\n", file; exit 1 }
        for (t in count) if (count[t] > 1) {
            printf "%s: the contents (PDF page %d on) list \"%s\" %d times: a line repeated under every section says nothing new\n", file, where[t], t, count[t]; bad = 1 }
        if (!bad) printf "  %s: the contents (PDF pages %s), %d lines, list no title twice\n", file, pages, entries
        exit bad
    }' "$text/doc.txt" || fail=1
nex=$(grep -c '^\\begin{exercises}' "$doc" || true)
awk -F'\t' -v file="$out" -v want="$nex" '$2 == "Exercises" && $1 == 2 { n++ }
    END { if (n != want) { printf "%s: %d outline entries \"Exercises\" under their sections, for %d sets of exercises in the text\n", file, n, want; exit 1 } }' \
    "$tmp/outline" || fail=1
awk -v file="$pdf" -v html="$text/doc.html" -v want="$nex" '
    BEGIN {
        while ((getline r < html) > 0) {
            if (r ~ /<page /) p++
            if (r ~ /">Exercises<\/word>/) { match(r, /yMin="[0-9.]+"/); hy[p] = hy[p] " " (substr(r, RSTART + 6, RLENGTH - 7) + 0)}
            if (r ~ /<page /) { match(r, /height="[0-9.]+"/); height[p] = substr(r, RSTART + 8, RLENGTH - 9) + 0 }
        }
    }
    NR > 1 && $2 == "[" && $3 == "XYZ" && $NF ~ /^"exercises\./ {
        found++; y = height[$1] - $5; k = split(hy[$1], t, " "); ok = 0
        for (i = 1; i <= k; i++) if (t[i] - y >= 0 && t[i] - y < 40) ok = 1
        if (!ok) { printf "%s: the outline'"'"'s link %s lands on PDF page %d, not just above an \"Exercises\" heading there\n", file, $NF, $1; bad = 1 }
    }
    END {
        if (found != want) { printf "%s: %d links to exercises, for %d sets of exercises\n", file, found, want; bad = 1 }
        if (!bad) printf "  %s: the %d sets of exercises are not in the contents but in the outline, each link just above its heading\n", file, found
        exit bad
    }' "$text/dests" || fail=1

# ---- the title page centred on the paper (its first line's words); the
# code in a typewriter face of normal width and weight, never Latin
# Modern's light condensed one (LMMonoLtCond).
awk -v file="$pdf" '
    /<page / { page++; match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) + 0 }
    page == 1 && /<word / {
        match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
        match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
        match($0, /yMax="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) + 0
        if (!n || y == y0) { if (!n) { y0 = y; left = x0 }; right = x1; n++ }
    }
    END {
        off = (left + right) / 2 - w / 2
        if (!n || off * off > 4) { printf "%s: the title is %.0f pt off the centre of the page\n", file, off; exit 1 }
        printf "  %s: the title is centred on the page (within %.1f pt)\n", file, off < 0 ? -off : off
    }' "$text/doc.html" || fail=1
fonts=$(pdffonts "$pdf" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u)
if grep -q 'LMMonoLtCond' <<<"$fonts"; then
    echo "$pdf: code or names set in the light condensed typewriter (LMMonoLtCond)" >&2; fail=1
elif ! grep -qE '^LMMono(9|10)-Regular$' <<<"$fonts"; then
    echo "$pdf: no Latin Modern typewriter of normal width (LMMono9/10-Regular) for the code" >&2; fail=1
else
    echo "  $pdf: code in LMMono at normal width and weight, no light condensed face"
fi

# ---- the back matter: its own top-level outline entry, over the
# appendices and indexes; its pages headed with its name.
back="Appendices and indexes"
awk -F'\t' -v file="$out" -v back="$back" '
    $1 <= 0 { top = $2; if ($2 == back) { seenback = 1; level = $1 } }
    $1 > 0 && ($2 ~ /^[A-C] / || $2 ~ /^Index of /) { n++; if (top != back) { printf "%s: \"%s\" sits under \"%s\", not \"%s\"\n", file, $2, top, back; bad = 1 } }
    END {
        if (!seenback) { printf "%s: no top-level entry \"%s\"\n", file, back; bad = 1 }
        if (!bad) printf "  %s: \"%s\" is a part of the outline, over its %d appendices and indexes\n", file, back, n
        exit bad
    }' "$tmp/outline" || fail=1
awk -v file="$pdf" -v back="$back" '
    BEGIN { RS = "\f" }
    {
        n = split($0, L, "\n"); head = ""
        for (i = 1; i <= n; i++) if (L[i] ~ /[^ ]/) { head = L[i]; break }
        for (i = 1; i <= n && !on; i++) { t = L[i]; gsub(/^ +| +$/, "", t); if (t == back) on = NR }
        if (!on || head == "") next
        pages++; sub(/^ +/, "", head)
        if (index(head, back) != 1) { printf "%s: PDF page %d, in the back matter, is headed \"%s\"\n", file, NR, head; bad = 1 }
    }
    END { if (!on) { printf "%s: no page opens the back matter, \"%s\"\n", file, back; exit 1 }
          if (!bad) printf "  %s: the back matter'"'"'s %d pages are headed \"%s\"\n", file, pages, back; exit bad }' \
    "$text/doc.txt" || fail=1
[ "$fail" = 0 ] || { echo "$pdf: the page breaks the rules above (doc.nw's preamble)" >&2; exit 1; }
