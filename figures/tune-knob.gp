# Songs come and go (top); the knob settles and stays (bottom).
fig_width = 13
fig_height = 10
load 'style.gp'
set multiplot layout 2, 1
set ylabel 'input $x$'
unset xlabel
set format x ''
plot 'data/tune-knob/trace.tsv' using 1:2 with impulses ls 6 notitle
set format x '%g'
set xlabel 'song'
set ylabel 'knob $w$'
set key bottom right
plot 'data/tune-knob/trace.tsv' using 1:3 with lines ls 1 title 'songs in order', \
     'data/tune-knob/trace-reversed.tsv' using 1:3 with lines ls 2 title 'songs reversed'
unset multiplot
