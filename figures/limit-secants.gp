# Secants of x^2 from (x, x^2) for three steps h, and the tangent.
load 'style.gp'
file = 'data/limit-quotient/secants.tsv'
set xlabel '$x$'
set ylabel '$y$'
set yrange [-2:32]
plot file using 1:2 with lines ls 1 title '$f(x) = x^2$', \
     for [c=3:5] file using 1:c with lines ls c-1, \
     file using 1:6 with lines ls 6 title 'tangent', \
     file every ::50::50 using 1:2 with points ls 11 ps 1.2 title '$(x, f(x))$'
