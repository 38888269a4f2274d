# |error| of the forward difference of x^2 against h, log-log: the V.
load 'style.gp'
set logscale xy
set format x '$10^{%T}$'
set format y '$10^{%T}$'
set xlabel 'step $h$'
set ylabel '$|\mathrm{quotient} - f^\prime(x)|$'
set xrange [1e-18:2]
set yrange [1e-17:10]
set key bottom right
set ytics 1e-16, 100
set ylabel offset 1,0
plot 'data/limit-quotient/error.tsv' using 1:3 with linespoints ls 12 title '$h = 10^{-j/8}$', \
     'data/limit-quotient/error-pow2.tsv' using 1:3 with points ls 11 title '$h = 2^{-k}$', \
     'data/limit-quotient/guide.tsv' using 1:2 with lines ls 2 title '$h = \sqrt{\varepsilon}$'
