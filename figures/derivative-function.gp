# Top: f and f' beside the difference quotients at many x (x^2 left, x^3
# right).  Bottom: what separates quotient and derivative, beside the
# leftover term the algebra predicts (h; 3xh + h^2).
fig_height = 9.6
load 'style.gp'
set key noautotitle
set xtics 1
set xrange [-2:2]
set multiplot
# Panels: two columns; the curves on top, the residuals below.
# Each row's panels share their vertical label, on the left; the rows
# stand a line of text apart, so no tick label of one touches the other.
left_l = 0.125; left_r = 0.5; right_l = 0.62; right_r = 0.99
set tmargin at screen 0.98; set bmargin at screen 0.5
set format x ''
set lmargin at screen left_l; set rmargin at screen left_r
set ylabel '$f$, $f^\prime$ and the quotient'
set ytics 2
plot 'data/derivative-function/quotients.tsv' using 1:2 with lines ls 1 lw 2, \
     '' using 1:4 with lines ls 2, \
     '' using 1:3 with points ls 13 lc rgb '#000000' pt 6 ps 0.7, \
     '' every ::4::4 using 1:2:('$x^2$') with labels left offset 0.8, 0.3, \
     '' every ::13::13 using 1:4:('$2x$') with labels right offset -0.6, 0.8 tc ls 2, \
     '' every ::6::6 using 1:3:('quotients') with labels left offset 0.8, -0.8
set lmargin at screen right_l; set rmargin at screen right_r
unset ylabel
set ytics auto
plot 'data/derivative-function/quotients.tsv' using 1:5 with lines ls 1 lw 2, \
     '' using 1:7 with lines ls 2, \
     '' using 1:6 with points ls 13 lc rgb '#000000' pt 6 ps 0.7, \
     '' every ::1::1 using 1:5:('$x^3$') with labels left offset 1.2, -0.4 , \
     '' every ::17::17 using 1:7:('$3x^2$') with labels right offset -1.2, 1.2 tc ls 2
# The residuals in units of h: 1 for x^2, 3x + h for x^3.  Their labels
# stand clear of the y axis and its ticks.
set tmargin at screen 0.41; set bmargin at screen 0.12
set format x '$%g$'
set xlabel '$x$'
set lmargin at screen left_l; set rmargin at screen left_r
set ylabel '$(\mathrm{quotient} - f^\prime)/h$'
set yrange [0:2]
set ytics 1
plot 'data/derivative-function/residuals.tsv' using 1:($3/$3) with lines ls 6, \
     '' using 1:($2/$3) with points ls 13 lc rgb '#000000' pt 6 ps 0.7, \
     '' every ::1::1 using 1:($3/$3):('the algebra: $h/h = 1$') with labels left offset 1.5, 0.8
set lmargin at screen right_l; set rmargin at screen right_r
unset ylabel
set yrange [*:*]
set ytics 3
plot 'data/derivative-function/residuals.tsv' using 1:($5/$3) with lines ls 6, \
     '' using 1:($4/$3) with points ls 13 lc rgb '#000000' pt 6 ps 0.7, \
     '' every ::1::1 using 1:(6):('the algebra: $3x + h$') with labels left offset 1.5, 0
unset multiplot
