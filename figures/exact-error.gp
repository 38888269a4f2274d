# Relative error of forward, central and complex-step derivatives of e^x.
fig_width = 13
fig_height = 8
load 'style.gp'
set logscale xy
set format x '$10^{%T}$'
set format y '$10^{%T}$'
set xlabel 'step $h$'
set ylabel 'relative error'
set xrange [1e-20:1]
set yrange [1e-18:1]
set ytics 1e-18, 100
set key left center
plot 'data/exact-derivatives/error.tsv' using 1:2 with linespoints ls 11 title 'forward difference', \
     '' using 1:3 with linespoints ls 12 title 'central difference', \
     '' using 1:4 with linespoints ls 13 title 'complex step', \
     'data/exact-derivatives/guides.tsv' index 0 using 1:2 with lines ls 2 title '$h = \sqrt{\varepsilon}$', \
     '' index 1 using 1:2 with lines ls 4 title '$h = \varepsilon^{1/3}$'
