# The style every figure shares.  The Makefile runs each script from build/
# with output_file set, and GNUPLOT_LIB pointing here so `load 'style.gp'`
# finds this file.  Text is set by LaTeX in the document's own fonts.
if (!exists("fig_width")) fig_width = 12.5
if (!exists("fig_height")) fig_height = 7.5
set terminal cairolatex pdf size fig_width cm, fig_height cm font ",10" dashlength 1.5
set output output_file
set datafile separator "\t"
set key autotitle columnheader
set border 3
set tics nomirror out
set grid lc rgb "#dddddd" lw 1 dt 1
set key top left Left reverse samplen 3 spacing 1.3 box lc rgb "#bbbbbb" opaque

# Line styles told apart without colour: solid, dashed, dotted, dash-dot.
set style line 1 lc rgb "#000000" lw 3 dt 1
set style line 2 lc rgb "#1f5fa0" lw 3 dt 2
set style line 3 lc rgb "#b0402a" lw 3 dt 3
set style line 4 lc rgb "#2a7f3a" lw 3 dt 4
set style line 5 lc rgb "#6b3fa0" lw 3 dt 5
set style line 6 lc rgb "#555555" lw 2 dt 1
# Point styles: filled circle, open square, open triangle.
set style line 11 lc rgb "#000000" pt 7 ps 0.6
set style line 12 lc rgb "#1f5fa0" pt 4 ps 0.7
set style line 13 lc rgb "#b0402a" pt 8 ps 0.7
