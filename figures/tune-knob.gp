# Songs come and go (top, for both runs); the knob settles on the target
# and stays (bottom).  Only the first songs are drawn: after them neither run moves
# visibly.  The knob's start (before song 1) and the target are marked.
fig_height = 10
load 'style.gp'
songs_drawn = 40
stats 'data/tune-knob/ends.tsv' using 1 nooutput; start = STATS_min
stats 'data/tune-knob/ends.tsv' using 2 nooutput; target = STATS_min
set key noautotitle
# The last song's pair of bars ends 0.6 right of it: room for it.
set xrange [0:songs_drawn + 0.7]
set multiplot layout 2, 1 margins 0.12, 0.98, 0.13, 0.98 spacing 0, 0.06
set ylabel 'input $x$'
set format x ''
set yrange [0:*]
set ytics 0.5
# Both runs' inputs, a pair of bars at each song: the songs in order as a
# black bar, the songs reversed as a pale blue bar outlined in the dark
# blue that run is drawn in below, just right of it.  Filled against pale,
# the two runs stay apart in grey print at reading size.
set boxwidth 0.4 absolute
plot 'data/tune-knob/trace.tsv' using 1:2 with boxes lc rgb '#000000' fs solid 1 noborder, \
     'data/tune-knob/trace-reversed.tsv' using ($1 + 0.4):2 with boxes lc rgb '#b4cbe8' \
         fs solid 1 border lc rgb word(text_colours, 2)
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
