# The loss along w with b held, and its tangent: slope dL/dw.
load 'style.gp'
set xlabel 'weight $w$'
set ylabel 'loss $L(w)$'
set yrange [-5:*]
set key top center
plot 'data/descend-loss/slice.tsv' using 1:2 with lines ls 1 title '$L(w)$, $b$ held', \
     '' using 1:3 with lines ls 2 title 'tangent, slope $\partial L/\partial w$'
