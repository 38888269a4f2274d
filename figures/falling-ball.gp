# Distance fallen against time, the one-second secant and the tangent.
load 'style.gp'
set xlabel 'time $t$ (s)'
set ylabel 'distance fallen $s$ (m)'
set yrange [0:*]
plot 'data/falling-ball/curve.tsv' using 1:2 with lines ls 1 title '$s(t) = \tfrac12 g t^2$', \
     '' using 1:3 with lines ls 2 title 'secant: average speed over 1 s', \
     '' using 1:4 with lines ls 3 title 'tangent: speed right now', \
     'data/falling-ball/point.tsv' using 1:2 with points ls 11 ps 1.2 title 'the moment $t$'
