# f(x, y) = x^2 y seen from above (contours, the point, the two cuts through
# it), beside the two cuts as curves, each with its tangent and slope.
# Three square panels of side `side` cm across the text block: the map;
# then the two cuts, which share one vertical scale and so one axis of
# labels, on the middle panel's left.
fig_height = 4.3
load 'style.gp'
gap_map = 1.0; gap_cuts = 1.5; gap_right = 0.45; edge = 0.25; foot = 1.2
side = (fig_width - gap_map - gap_cuts - gap_right - edge) / 3
panel(k) = gap_map + (k - 1) * side + (k > 1) * gap_cuts + (k > 2) * gap_right
set bmargin at screen foot / fig_height; set tmargin at screen (foot + side) / fig_height
# The contours of the surface, as lines (gnuplot traces them from the grid).
set view map
set contour base
unset surface
set cntrparam bspline levels discrete 4, 9, 18, 36, 64
set table $contours
splot 'data/partial-slopes/surface.tsv' using 1:2:3 with lines notitle
unset table
unset contour
stats 'data/partial-slopes/surface.tsv' using 2 nooutput
top = STATS_max
# The point and its two slopes, as the program wrote them.
stats 'data/partial-slopes/point.tsv' using 1 nooutput; px = STATS_min
stats 'data/partial-slopes/point.tsv' using 2 nooutput; py = STATS_min
stats 'data/partial-slopes/point.tsv' using 4 nooutput; dfdx = STATS_min
stats 'data/partial-slopes/point.tsv' using 5 nooutput; dfdy = STATS_min
set key noautotitle
set multiplot
set lmargin at screen panel(1) / fig_width; set rmargin at screen (panel(1) + side) / fig_width
# Left: the map, each contour's height written on it, on a white ground
# that breaks the line, where the contour crosses 72% of the height: there
# the contours stand well apart and clear of the two cuts.
set xlabel '$x$'
set ylabel '$y$'
set autoscale xfix; set autoscale yfix
set xtics 1; set ytics 1
label_y = 0.72 * top
set datafile separator whitespace
do for [i = 0:4] {
    best = 1e9
    stats $contours index i using (d = abs($2 - label_y), d < best ? (best = d, bx = $1, level = $3) : 0, d) nooutput
    set label 10 + i sprintf('{\fboxsep=1pt\colorbox{white}{$%g$}}', level) at bx, label_y center front
}
plot $contours using 1:2 with lines ls 6, \
     'data/partial-slopes/slice-x.tsv' using 1:2 with lines ls 1, \
     'data/partial-slopes/slice-y.tsv' using 1:2 with lines ls 3 lw 3 dt 1, \
     'data/partial-slopes/point.tsv' using 1:2 with points ls 20, '' using 1:2 with points ls 21
set datafile separator "\t"
unset for [i = 0:4] label 10 + i
# Middle: the cut along x; its slope written in two lines, top left.
set lmargin at screen panel(2) / fig_width; set rmargin at screen (panel(2) + side) / fig_width
set xlabel sprintf('$x$ \ ($y = %g$ held)', py)
set ylabel '$f(x, y)$'
set autoscale y; set yrange [0:*]
set ytics 20
set label 1 'slope' at graph 0.06, 0.88 left
set label 2 sprintf('$\partial f/\partial x = %g$', dfdx) at graph 0.06, 0.72 left
plot 'data/partial-slopes/slice-x.tsv' using 1:3 with lines ls 1, \
     '' using 1:4 with lines ls 2 lc rgb '#000000', \
     'data/partial-slopes/point.tsv' using 1:3 with points ls 20, '' using 1:3 with points ls 21
# Right: the cut along y: a straight line, so its own tangent (dashed, over
# the cut drawn wide).  The same vertical scale as the middle, so that the
# two slopes compare by eye.
set lmargin at screen panel(3) / fig_width; set rmargin at screen (panel(3) + side) / fig_width
set yrange [0:GPVAL_Y_MAX]
set format y ''; unset ylabel
set xlabel sprintf('$y$ \ ($x = %g$ held)', px)
set label 2 sprintf('$\partial f/\partial y = %g$', dfdy)
plot 'data/partial-slopes/slice-y.tsv' using 2:3 with lines ls 3 lw 3 dt 1, \
     '' using 2:4 with lines ls 2 lc rgb '#000000', \
     'data/partial-slopes/point.tsv' using 2:3 with points ls 20, '' using 2:3 with points ls 21
unset multiplot
