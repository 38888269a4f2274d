# Celsius to Fahrenheit: data, best line through the origin, best line with b.
load 'style.gp'
set xlabel 'temperature (\textdegree C)'
set ylabel 'temperature (\textdegree F)'
set key top left
plot 'data/bias-fit/lines.tsv' using 1:2 with points ls 11 ps 1 title 'exact conversions', \
     '' using 1:3 with lines ls 2 title 'through the origin: $\hat y = wx$', \
     '' using 1:4 with lines ls 3 title 'with a bias: $\hat y = wx + b$'
