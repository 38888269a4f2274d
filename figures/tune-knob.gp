# Songs come and go (top, for both runs); the knob settles on the target
# and stays (bottom).  Only the first songs are drawn: after them neither run moves
# visibly.  The knob's start (before song 1) and the target are marked.
fig_height = 10
load 'style.gp'
songs_drawn = 40
stats 'data/tune-knob/ends.tsv' using 1 nooutput; start = STATS_min
stats 'data/tune-knob/ends.tsv' using 2 nooutput; target = STATS_min
set key noautotitle
set xrange [0:songs_drawn]
set multiplot layout 2, 1 margins 0.12, 0.98, 0.13, 0.98 spacing 0, 0.06
set ylabel 'input $x$'
set format x ''
set yrange [0:*]
set ytics 0.5
# Both runs' inputs: the songs in order (black, solid) at each song, the
# songs reversed just right of it, drawn as that run is below (blue, long
# dashes), so that grey print tells them apart too.  Each dashed bar is
# drawn from its top down, where its dashes start, so that its top is
# its height.
plot 'data/tune-knob/trace.tsv' using 1:2 with impulses ls 1 lw 1.5, \
     'data/tune-knob/trace-reversed.tsv' using ($1 + 0.35):2:(0):(-$2) with vectors nohead ls 2 lw 1.5
set format x '$%g$'
set xlabel 'song'
set ylabel 'knob $w$'
set yrange [0:1.2 * target]
set label 1 sprintf('target $w = %g$', target) at graph 0.97, first target right offset 0, -1
set key bottom right
# Each run's first step, from the start to its value after song 1.
plot target with lines ls 6 dt (2, 2), \
     'data/tune-knob/trace.tsv' using 1:3 with lines ls 1 lw 2 title 'songs in order', \
     'data/tune-knob/trace-reversed.tsv' using 1:3 with lines ls 2 title 'songs reversed', \
     'data/tune-knob/trace.tsv' using (0):(start):1:($3 - start) every ::1::1 \
         with vectors nohead ls 1 lw 2, \
     'data/tune-knob/trace-reversed.tsv' using (0):(start):1:($3 - start) every ::1::1 \
         with vectors nohead ls 2, \
     '+' using (0):(start) every ::0::0 with points ls 20, \
     '+' using (0):(start) every ::0::0 with points ls 21, \
     '+' using (0):(start):('start') every ::0::0 with labels left offset 1.6, 0.45
unset multiplot
