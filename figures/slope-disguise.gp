# Small multiples: one curve and its tangent per disguise of the slope.
fig_width = 15
fig_height = 11
load 'style.gp'
dir = 'data/slope-disguise/'
set multiplot layout 2, 2
set key top left nobox
set xlabel 'time (s)'; set ylabel 'distance (m)'
plot 'data/slope-disguise/panel-1.tsv' using 1:2 with lines ls 1 notitle, '' using 1:3 with lines ls 2 title 'tangent: velocity'
set xlabel 'time (s)'; set ylabel 'velocity (m/s)'
plot 'data/slope-disguise/panel-2.tsv' using 1:2 with lines ls 1 notitle, '' using 1:3 with lines ls 3 title 'tangent: acceleration'
set xlabel 'quantity (units)'; set ylabel 'cost (dollars)'
plot 'data/slope-disguise/panel-3.tsv' using 1:2 with lines ls 1 notitle, '' using 1:3 with lines ls 4 title 'tangent: marginal cost'
set xlabel 'weight $w$'; set ylabel 'loss $L(w)$'
set key top center
plot 'data/slope-disguise/panel-4.tsv' using 1:2 with lines ls 1 notitle, '' using 1:3 with lines ls 5 title 'tangent: gradient'
unset multiplot
