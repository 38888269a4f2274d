# Excess loss against epoch for three learning rates, log scale.
load 'style.gp'
set logscale y
set format y '$10^{%T}$'
set xlabel 'epoch'
set ylabel 'excess loss $L - L_{\min}$'
set key bottom left
plot 'data/learning-rate/curves.tsv' using 1:2 with lines ls 2 title 'rate too small', \
     '' using 1:3 with lines ls 1 title 'good rate', \
     '' using 1:4 with lines ls 3 title 'rate too large'
