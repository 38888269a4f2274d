# f(x, y) = x^2 y seen from above (contours, the point, the two cuts through
# it), beside the two cuts as curves, each with its tangent and slope.
# The map is on the left, as tall as the two cuts, which are stacked on the right,
# the cut along x above the cut along y.  The cuts share one vertical
# scale, and each spans as many units across as the other, so the two
# slopes compare by eye.
fig_height = 7.0
load 'style.gp'
# Room for the tick labels and axis label: below each panel (foot), left
# of the map (lead) and of the cuts (gap); `over` is what a tick label
# hangs over a panel's top or right end; `apart`, more room between the
# upper cut's axis label and the lower cut.
foot = 1.2; lead = 1.05; gap = 1.65; over = 0.3; apart = 0.25
map = 5.0; map_h = fig_height - over - foot
cut_w = fig_width - lead - map - gap - over
cut_h = (fig_height - over - 2 * foot - apart) / 2
at_x(cm) = cm / fig_width
at_y(cm) = cm / fig_height
# The contours of the surface, as lines (gnuplot traces them from the grid).
set view map
set contour base
unset surface
set cntrparam bspline levels discrete 4, 9, 18, 36, 64
set table $contours
splot 'data/partial-slopes/surface.tsv' using 1:2:3 with lines notitle
unset table
unset contour
stats 'data/partial-slopes/surface.tsv' using 1 nooutput
left = STATS_min; right = STATS_max
stats 'data/partial-slopes/surface.tsv' using 2 nooutput
top = STATS_max
# The point and its two slopes, as the program wrote them.
stats 'data/partial-slopes/point.tsv' using 1 nooutput; px = STATS_min
stats 'data/partial-slopes/point.tsv' using 2 nooutput; py = STATS_min
stats 'data/partial-slopes/point.tsv' using 4 nooutput; dfdx = STATS_min
stats 'data/partial-slopes/point.tsv' using 5 nooutput; dfdy = STATS_min
set key noautotitle
set multiplot
# Left: the map, its foot level with the lower cut's, its top with the upper's.
set lmargin at screen at_x(lead); set rmargin at screen at_x(lead + map)
set bmargin at screen at_y(foot); set tmargin at screen at_y(foot + map_h)
set xlabel '$x$'
set ylabel '$y$'
set autoscale xfix; set autoscale yfix
set xtics 1; set ytics 1
# Each contour's height is written on it, on a white ground that breaks
# the line, as near 80% of the height as it comes (there the contours
# stand well apart, above the cut along x) while a tenth of the map clear
# of the y axis and of the cut along x: the lowest contour reaches that
# height only beside the axis, so its label goes below the cut.
label_y = 0.8 * top
clear_x = left + 0.1 * (right - left); clear_y = 0.1 * top
set datafile separator whitespace
do for [i = 0:4] {
    best = 1e9
    stats $contours index i using (d = ($1 < clear_x || abs($2 - py) < clear_y ? 1e9 : abs($2 - label_y)), \
        d < best ? (best = d, bx = $1, by = $2, level = $3) : 0, d) nooutput
    set label 10 + i sprintf('{\fboxsep=2pt\colorbox{white}{$%g$}}', level) at bx, by center front
}
plot $contours using 1:2 with lines ls 6, \
     'data/partial-slopes/slice-x.tsv' using 1:2 with lines ls 1, \
     'data/partial-slopes/slice-y.tsv' using 1:2 with lines ls 3 lw 3 dt 1, \
     'data/partial-slopes/point.tsv' using 1:2 with points ls 20, '' using 1:2 with points ls 21
set datafile separator "\t"
unset for [i = 0:4] label 10 + i
# Right, top: the cut along x; its slope written top left.
set lmargin at screen at_x(lead + map + gap); set rmargin at screen at_x(fig_width - over)
set bmargin at screen at_y(2 * foot + apart + cut_h); set tmargin at screen at_y(fig_height - over)
set xlabel sprintf('$x$ \ ($y = %g$ held)', py)
set ylabel '$f(x, y)$'
set autoscale y; set yrange [0:*]
set ytics 20
set label 1 sprintf('slope $\partial f/\partial x = %g$', dfdx) at graph 0.05, 0.84 left
plot 'data/partial-slopes/slice-x.tsv' using 1:3 with lines ls 1, \
     '' using 1:4 with lines ls 2 lc rgb '#000000', \
     'data/partial-slopes/point.tsv' using 1:3 with points ls 20, '' using 1:3 with points ls 21
# Right, bottom: the cut along y: a straight line, so its own tangent
# (dashed, over the cut drawn wide).  The same vertical scale as above.
set bmargin at screen at_y(foot); set tmargin at screen at_y(foot + cut_h)
set yrange [0:GPVAL_Y_MAX]
set xlabel sprintf('$y$ \ ($x = %g$ held)', px)
set label 1 sprintf('slope $\partial f/\partial y = %g$', dfdy)
plot 'data/partial-slopes/slice-y.tsv' using 2:3 with lines ls 3 lw 3 dt 1, \
     '' using 2:4 with lines ls 2 lc rgb '#000000', \
     'data/partial-slopes/point.tsv' using 2:3 with points ls 20, '' using 2:3 with points ls 21
unset multiplot
