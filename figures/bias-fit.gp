# Celsius to Fahrenheit: the exact conversions, the best line through the
# origin with its residuals drawn (point minus line), and the best line
# with a bias.  The origin, where the first line must pass, is marked.
# The line with a bias is drawn dotted in the darker orange (style.gp), as
# is its label, so that it reads in grey print; labels stand a character
# clear of the residual or the point they name, the first residual's on
# its left, where no line passes (the x range leaves room for it).
fig_height = 8.5
load 'style.gp'
set xlabel 'temperature (\textdegree C)'
set ylabel 'temperature (\textdegree F)'
set key noautotitle
set xrange [-60:110]
set yrange [-110:240]
set xtics 20
set ytics 50
set xzeroaxis lc rgb '#bbbbbb' lw 0.5
set yzeroaxis lc rgb '#bbbbbb' lw 0.5
set label 1 'with a bias: $\hat y = wx + b$' at graph 0.05, 0.85 left tc rgb dark3
set label 2 'through the origin: $\hat y = wx$' at graph 0.95, 0.2 right tc ls 2
# Rows counted from 0 with the header skipped.
stats 'data/bias-fit/lines.tsv' skip 1 using 1 nooutput
last = STATS_records - 1
plot 'data/bias-fit/lines.tsv' skip 1 using 1:3:(0):($2 - $3) with vectors nohead ls 2 dt 1 lw 1, \
     '' skip 1 using 1:3 with lines ls 2, \
     '' skip 1 using 1:4 with lines ls 3 lc rgb dark3 lw 2, \
     '' skip 1 using 1:2 with points ls 11 ps 0.8, \
     '' skip 1 every ::0::0 using 1:($2 + $3)/2:(sprintf('$%.2g$', $2 - $3)) with labels right offset -1, 0 tc ls 2, \
     '' skip 1 every ::last::last using 1:($2 + $3)/2:(sprintf('$%.2g$', $2 - $3)) with labels left offset 1, -1.1 tc ls 2, \
     '+' using (0):(0) every ::0::0 with points ls 20, '+' using (0):(0) every ::0::0 with points ls 21 pt 6 ps 0.9 lw 1.5, \
     '+' using (0):(0):('origin') every ::0::0 with labels left offset 1.2, -0.7
