# The two heights of x^2, the run and the rise, and the secant between them.
load 'style.gp'
set xlabel '$x$'
set ylabel 'height $f(x) = x^2$'
set key top left
set yrange [0:*]
set offsets 0, 0, 2, 0
plot 'data/rise-run/curve.tsv' using 1:2 with lines ls 1 title '$f(x) = x^2$', \
     'data/rise-run/picture.tsv' every :::0::1 using 1:2 with lines ls 2 title 'heights', \
     '' every :::2::3 using 1:2 with lines ls 3 title 'run and rise', \
     '' every :::4::4 using 1:2 with lines ls 4 title 'secant', \
     'data/rise-run/labels.tsv' using 1:2:3 with labels left offset 0.6,0 notitle
