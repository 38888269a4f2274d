# Contours of the loss over (w, b) and the path of gradient descent, on
# equal scales so that the path is seen to cross each contour at a right
# angle.  The start and the closed-form minimum are marked (the caption
# names the square: among the contours no label stays clear of a line).
# The start's label stands below its disc, clear of the disc, of the path
# and of the contour beside it.
fig_width = 0.85 * text_width
fig_height = 9.2
load 'style.gp'
set view map
set contour base
set cntrparam levels discrete 0.25, 0.5, 1, 2, 4, 8, 16, 32
unset surface
set table $contours
splot 'data/descend-loss/surface.tsv' using 1:2:3 with lines notitle
unset table
unset contour
set key noautotitle
set xlabel 'weight $w$'
set ylabel 'bias $b$'
set xrange [-1:4]
set yrange [-3:2]
set size ratio -1
set xtics 1; set ytics 1
stats 'data/descend-loss/minimum.tsv' using 3 nooutput
min_loss = STATS_min
# The contour table is separated by spaces; the TSV files read as well so.
# With no column headers taken as titles, row 0 of `every` is the header.
set datafile separator whitespace
plot $contours using 1:2 with lines ls 6 lw 0.75, \
     'data/descend-loss/path.tsv' using 2:3 with lines ls 1 lw 1.5, \
     '' using 2:3 with points ls 11 ps 0.35, \
     '' every ::1::1 using 2:3 with points ls 20, '' every ::1::1 using 2:3 with points ls 21, \
     '' every ::1::1 using 2:3:('start') with labels center offset 0, -1.1, \
     'data/descend-loss/minimum.tsv' using 1:2 with points ls 20 pt 5 ps 1.3, \
     '' using 1:2 with points ls 21 pt 4 ps 1.1 lw 1.5
