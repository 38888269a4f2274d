# Distance fallen against time, the one-second secant and the tangent, each
# named with its slope in the empty corner.  point.tsv holds the moment t
# (row 0, with the tangent's slope) and the secant's second point t + 1
# (row 1, with the secant's slope).
load 'style.gp'
set xlabel 'time $t$ (s)'
set ylabel 'distance fallen $s$ (m)'
set yrange [0:*]
stats 'data/falling-ball/point.tsv' every ::0::0 using 3 nooutput; tangent_slope = STATS_min
stats 'data/falling-ball/point.tsv' every ::1::1 using 3 nooutput; secant_slope = STATS_min
set key top left
# Text drawn `with labels` has its backslash escapes read once more (\t a
# tab), so TeX's backslashes are doubled there.
plot 'data/falling-ball/curve.tsv' using 1:3 with lines ls 2 \
        title sprintf('secant: average speed over 1\,s, $%g$\,m/s', secant_slope), \
     '' using 1:4 with lines ls 3 lw 2 \
        title sprintf('tangent: speed right now, $%g$\,m/s', tangent_slope), \
     '' using 1:2 with lines ls 1 lw 2 notitle, \
     '' every ::80::80 using 1:2:('$s(t) = \\tfrac12 g t^2$') with labels right offset -1, 0.3 notitle, \
     'data/falling-ball/point.tsv' using 1:2 with points ls 20 notitle, \
     '' using 1:2 with points ls 21 notitle
