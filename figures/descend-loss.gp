# Contours of the loss over (w, b) and the path of gradient descent.
fig_width = 12.5
fig_height = 9
load 'style.gp'
set view map
set contour base
set cntrparam levels discrete 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32
unset surface
set table $contours
splot 'data/descend-loss/surface.tsv' using 1:2:3 with lines notitle
unset table
# Contour lines come out separated by spaces, not tabs.
set datafile separator whitespace
set key noautotitle
set xlabel 'weight $w$'
set ylabel 'bias $b$'
set xrange [-1:4]
set yrange [-3:3]
set key bottom right
plot $contours using 1:2 with lines ls 6 lw 1 title 'contours of $L(w,b)$', \
     'data/descend-loss/path.tsv' using 2:3 every ::1 with linespoints ls 11 ps 0.35 title 'gradient descent'
