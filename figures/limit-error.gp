# |error| of the forward difference of x^2 against h, log-log: the V, its
# two regimes named beside their branches.
load 'style.gp'
@logx; @logy
set xlabel 'step $h$'
set ylabel '$|\mathrm{quotient} - f^\prime(x)|$'
set xrange [1e-18:2]
# The errors of 6 (the quotient 0) stand clear of the top, a decade and
# more below it; a tick every second decade up, every third across, keeps
# the powers of ten apart.  The lowest y tick is 1e-8, not the corner's
# 1e-10, whose label would crowd the x axis's first, 1e-18.
set yrange [1e-10:300]
set xtics 1e-18, 1000
set ytics 1e-8, 100
set key bottom left
stats 'data/limit-quotient/guide.tsv' using 1 nooutput
set label 1 '$h = \sqrt{\varepsilon f(x)}$' at STATS_min, 5e-10 left offset 1, 0 front
set label 2 'truncation: slope $+1$' at 5e-7, 1e-8 left front
# Rounding's label in two lines, so that it ends well left of the branch.
set label 3 '\shortstack[l]{rounding:\\ slope $-1$}' at 2e-18, 1e-5 left front
# The steps h = 10^(-j/8) are eight a decade, too close for a marker each:
# the line joins them all, a square marks every fourth (j = 0, 4, 8, ...),
# so that squares and the powers of two's dots (filled, the squares open)
# stay apart, in grey too.
plot 'data/limit-quotient/error.tsv' using 1:3 with lines ls 12 notitle, \
     '' every 4 using 1:3 with points ls 12 notitle, \
     NaN with linespoints ls 12 title '$h = 10^{-j/8}$', \
     'data/limit-quotient/error-pow2.tsv' using 1:3 with points ls 11 ps 0.4 title '$h = 2^{-k}$', \
     'data/limit-quotient/guide.tsv' using 1:2 with lines ls 6 dt (5, 3) notitle
