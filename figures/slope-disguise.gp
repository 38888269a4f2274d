# Small multiples: one curve and its tangent per disguise of the slope, the
# point of tangency marked and the slope written with its units.  Row k of
# points.tsv (from 0) is panel k + 1's point and slope.
fig_height = 10
load 'style.gp'
set key noautotitle
set multiplot layout 2, 2 margins 0.135, 0.99, 0.12, 0.98 spacing 0.16, 0.15
set xtics 1
points = 'data/slope-disguise/points.tsv'
# Each tangent's name and slope, in two labels one above the other.
set label 1 at graph 0.04, 0.9 left front
set label 2 at graph 0.04, 0.74 left front
array slopes[4]
do for [k = 1:4] {
  stats 'data/slope-disguise/points.tsv' skip 1 every ::(k - 1)::(k - 1) using 3 nooutput
  slopes[k] = STATS_min
}
set xlabel 'time (s)'; set ylabel 'distance (m)'
set label 1 'velocity' tc ls 2
set label 2 sprintf('$%g$\,m/s', slopes[1]) tc ls 2
set ytics 20
plot 'data/slope-disguise/panel-1.tsv' using 1:3 with lines ls 2, '' using 1:2 with lines ls 1 lw 2, \
     points skip 1 every ::0::0 using 1:2 with points ls 20, '' skip 1 every ::0::0 using 1:2 with points ls 21
# Velocity grows in a straight line: its tangent (dashed) lies on it.
set xlabel 'time (s)'; set ylabel 'velocity (m/s)'
set label 1 'acceleration' tc ls 1
set label 2 sprintf('$%g$\,m/s$^2$', slopes[2]) tc ls 1
set ytics 10
plot 'data/slope-disguise/panel-2.tsv' using 1:2 with lines ls 6 lw 3, '' using 1:3 with lines ls 1 dt (5, 3), \
     points skip 1 every ::1::1 using 1:2 with points ls 20, '' skip 1 every ::1::1 using 1:2 with points ls 21
set xlabel 'quantity (units)'; set ylabel 'cost (dollars)'
# The green and purple of these two panels' tangents, and their text, in
# the darker shades (style.gp): lighter, the words fade in grey print.
set label 1 'marginal cost' tc rgb dark4
set label 2 sprintf('$%g$\,dollars/unit', slopes[3]) tc rgb dark4
plot 'data/slope-disguise/panel-3.tsv' using 1:3 with lines ls 4 lc rgb dark4, '' using 1:2 with lines ls 1 lw 2, \
     points skip 1 every ::2::2 using 1:2 with points ls 20, '' skip 1 every ::2::2 using 1:2 with points ls 21
set xlabel 'weight $w$'; set ylabel 'loss $L(w)$'
set label 1 'gradient' at graph 0.96, 0.9 right tc rgb dark5
set label 2 sprintf('$%g$\,loss/weight', slopes[4]) at graph 0.96, 0.74 right tc rgb dark5
plot 'data/slope-disguise/panel-4.tsv' using 1:3 with lines ls 5 lc rgb dark5, '' using 1:2 with lines ls 1 lw 2, \
     points skip 1 every ::3::3 using 1:2 with points ls 20, '' skip 1 every ::3::3 using 1:2 with points ls 21
unset multiplot
