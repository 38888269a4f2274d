# Excess loss against epoch for three learning rates, log scale, each curve
# named with its rate.  The excess of the good rate ends at the rounding of
# the loss, after which it is a few roundings either side of 0: the
# epochs where it is 0 or below are drawn on a strip below the axis, "<= 0".
load 'style.gp'
@logy
set xlabel 'epoch'
set ylabel 'excess loss $L - L_{\min}$'
set key noautotitle
array rate[3]
do for [k = 1:3] {
  stats 'data/learning-rate/rates.tsv' skip 1 every ::(k - 1)::(k - 1) using 2 nooutput
  rate[k] = STATS_min
}
strip = 1e-19
set yrange [strip / 10:1e9]
set ytics 1e-15, 1e5
set ytics add ('$\le 0$' strip)
set arrow 1 from graph 0, first strip * 10 to graph 1, first strip * 10 nohead lc rgb '#bbbbbb' lw 0.5
set label 1 sprintf('$\eta = %.3g$, too small', rate[1]) at graph 0.97, 0.76 right tc ls 2
set label 2 sprintf('$\eta = %.3g$, good', rate[2]) at graph 0.05, 0.33 left tc ls 1
# The diverging rate's dotted line is read on its own: in the darker orange.
set label 3 sprintf('$\eta = %.3g$, too large', rate[3]) at graph 0.05, 0.93 left tc rgb dark3
plot 'data/learning-rate/curves.tsv' using 1:2 with lines ls 2, \
     '' using 1:4 with lines ls 3 lc rgb dark3, \
     '' using 1:($3 > 0 ? $3 : NaN) with lines ls 1, \
     '' using 1:($3 <= 0 ? strip : NaN) with points ls 11 ps 0.6
