# Secants of x^2 from (x, x^2) for three steps h, and the tangent; each line
# labelled beside the point where it meets the curve a second time.  The
# points file lists the point (h = 0), then the secants' second points in
# the order of the secant columns, so row k is drawn in line style k + 1.
load 'style.gp'
set xlabel '$x$'
set ylabel '$y$' offset -0.6, 0
set xrange [0.5:5.5]
set yrange [-2:32]
set key noautotitle
# The secants of h = 1 and 0.5 run beside each other and the tangent, so
# they are drawn in the darker shades of their colours (style.gp), dark in
# grey print; there their greys are alike, so they differ in weight and
# pattern instead: h = 1 in heavy dots spaced wide, h = 0.5 a thin line
# of long dashes and dots.
colours = word(text_colours, 2) . ' ' . dark3 . ' ' . dark4
plot 'data/limit-quotient/secants.tsv' using 1:6 with lines ls 1 dt (10, 3), \
     '' using 1:3 with lines ls 2, \
     '' using 1:4 with lines ls 3 lc rgb dark3 lw 3 dt (0.5, 3), \
     '' using 1:5 with lines ls 4 lc rgb dark4 lw 1 dt (8, 2.5, 1, 2.5), \
     '' using 1:2 with lines ls 1 lw 2, \
     '' every ::30::30 using 1:2:('$f(x) = x^2$') with labels right offset -0.6, 0.8, \
     '' every ::90::90 using 1:6:('tangent') with labels left offset 0.4, -0.9, \
     'data/limit-quotient/secant-points.tsv' using 2:3 with points ls 20, \
     '' using 2:3 with points ls 21, \
     for [k = 1:3] 'data/limit-quotient/secant-points.tsv' skip 1 every ::k::k using 2:3:(sprintf('$h = %g$', $1)) \
        with labels right offset -0.8, 0.9 tc rgb word(colours, k), \
     '' using 2:3:($1 > 0 ? '' : sprintf('$(%g, %g)$', $2, $3)) with labels left offset 0.8, -0.6
