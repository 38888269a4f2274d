# f and f' beside the difference quotients at many x: x^2 left, x^3 right.
fig_width = 15
fig_height = 7
load 'style.gp'
file = 'data/derivative-function/quotients.tsv'
set multiplot layout 1, 2
set xlabel '$x$'
set key top left
plot file using 1:2 with lines ls 1 title '$x^2$', \
     '' using 1:4 with lines ls 2 title '$2x$', \
     '' using 1:3 with points ls 13 title 'quotient'
plot file using 1:5 with lines ls 1 title '$x^3$', \
     '' using 1:7 with lines ls 2 title '$3x^2$', \
     '' using 1:6 with points ls 13 title 'quotient'
unset multiplot
