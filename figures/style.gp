# The style every figure shares.  The Makefile runs each script from build/
# with output_file set, and GNUPLOT_LIB pointing here so `load 'style.gp'`
# finds this file.  Text is set by LaTeX in the document's own fonts, at its
# size: a figure's text is \normalsize of the 11 pt document class, so
# gnuplot lays it out for 11 pt.  `linewidth 4` makes `lw 1` one point
# (cairolatex's unit is a quarter point), the thinnest line drawn but grid.
#
# Width: text_width is the document's text block in cm (build-aux/plot.sh
# reads it from doc.nw's geometry); a figure is that wide unless its
# script sets fig_width narrower, and never wider: its labels stay on the
# canvas (tests/figure-text.sh), so the figure stays inside the text block
# (make check measures it there, tests/check-figure-width.sh).
if (!exists("text_width")) exit error "style.gp: text_width (cm) not set: run the script through build-aux/plot.sh"
if (!exists("fig_width")) fig_width = text_width
if (fig_width > text_width) exit error sprintf("fig_width %g cm is wider than the text block, %g cm", fig_width, text_width)
if (!exists("fig_height")) fig_height = 7.5
set terminal cairolatex pdf size fig_width cm, fig_height cm font ",11" \
    linewidth 4 dashlength 3 rounded colortext
set output output_file
set datafile separator "\t"
set key autotitle columnheader
set border 3 lw 0.5
set tics nomirror out scale 0.6
set grid lc rgb "#e0e0e0" lw 0.25 dt 1
# Lines are labelled where they are (`with labels`, `set label`) rather than
# in a key; the few keys left sit in a corner without a box.
set key nobox noopaque top left Left reverse samplen 2.5 spacing 1.35 width 1

# Line styles told apart without colour: solid, dashed, dotted, dash-dot,
# long dashes; their colours step in lightness as well (CIE L* about 0,
# 29, 70, 50), so grey print keeps them apart where they cross: black,
# dark blue, light orange (drawn a little wider, being dotted), mid green.
set style line 1 lc rgb "#000000" lw 1.5 dt 1
set style line 2 lc rgb "#17457a" lw 1.5 dt (5, 3)
set style line 3 lc rgb "#eb9a5c" lw 2 dt (1, 2.5)
set style line 4 lc rgb "#3d8f4a" lw 1.5 dt (6, 2.5, 1, 2.5)
# Text beside a line of style n is set in word(text_colours, n): the
# line's colour, but for style 3 a darker orange, as light orange text is
# hard to read on white.
text_colours = "#000000 #17457a #a8531c #3d8f4a #7b4fb0"
text3 = word(text_colours, 3)
# Where a dotted (3), dash-dot (4) or long-dash (5) line must be read on
# its own in grey print, not only where it crosses a lighter one, it is
# drawn in the darker shade dark3, dark4 or dark5 (CIE L* about 33, 34
# and 31), and so is its text.
dark3 = "#7f3b0f"
dark4 = "#1f5a2a"
dark5 = "#5a3590"
set style line 5 lc rgb "#7b4fb0" lw 1.5 dt (10, 3)
set style line 6 lc rgb "#8c8c8c" lw 1 dt 1
# Point styles: filled circle, open square, open triangle.
set style line 11 lc rgb "#000000" pt 7 ps 0.5
set style line 12 lc rgb "#17457a" pt 4 ps 0.6 lw 1
set style line 13 lc rgb "#a8531c" pt 8 ps 0.6 lw 1
# A point where a tangent touches its curve, or a secant's second point:
# a black disc with a white rim, drawn over the lines through it.
set style line 20 lc rgb "#ffffff" pt 7 ps 1.15
set style line 21 lc rgb "#000000" pt 7 ps 0.8
# Text drawn `with labels` has its backslash escapes read once more (\t is
# a tab), so TeX's backslashes are doubled in such strings ('\\hat y');
# `set label` and titles take them single.  In `every`, row 0 is the header
# line unless the header was taken as titles (`set key autotitle
# columnheader`, the default here); scripts that set `noautotitle` skip it
# with `skip 1`.

# Log axes, powers of ten in math.  Their tics stand several decades
# apart, and gnuplot's minor tics between two such tics crowd under one
# of them, a smudge: log axes have none.
logx = "set logscale x; set format x '$10^{%T}$'; set mxtics 1"
logy = "set logscale y; set format y '$10^{%T}$'; set mytics 1"
