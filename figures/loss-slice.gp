# The loss along w with b held, and its tangent at the marked point, with
# the slope dL/dw written below it.
load 'style.gp'
set xlabel 'weight $w$'
set ylabel 'loss $L(w)$'
stats 'data/descend-loss/slice-point.tsv' using 3 nooutput
slope = STATS_min
stats 'data/descend-loss/slice-point.tsv' using 1 nooutput
at_w = STATS_min
set yrange [-5:*]
set key noautotitle
set label 1 sprintf('tangent at $w = %g$,', at_w) at graph 0.02, 0.22 left tc ls 2
set label 2 sprintf('slope $\partial L/\partial w = %.4g$', slope) at graph 0.02, 0.1 left tc ls 2
set label 3 '$L(w)$, $b$ held' at first 0.4, 10 left
plot 'data/descend-loss/slice.tsv' using 1:3 with lines ls 2, \
     '' using 1:2 with lines ls 1 lw 2, \
     'data/descend-loss/slice-point.tsv' using 1:2 with points ls 20, \
     '' using 1:2 with points ls 21
