# The surface x^2 y, the two slices through the point and their tangents.
fig_width = 13
fig_height = 10
load 'style.gp'
set border 4095
set tics mirror in
set grid noxtics noytics
set view 58, 32
set xlabel '$x$'
set ylabel '$y$'
set zlabel '$f(x,y)$' rotate parallel
set key at screen 0.03, 0.99 left top Left reverse nobox noopaque samplen 2
set xyplane relative 0
splot 'data/partial-slopes/surface.tsv' using 1:2:3 with lines lc rgb '#c8c8c8' lw 1 notitle, \
      'data/partial-slopes/slice-x.tsv' using 1:2:3 with lines ls 1 lw 4 title 'slice along $x$ ($y$ held)', \
      '' using 1:2:4 with lines ls 2 title 'its tangent, slope $\partial f/\partial x$', \
      'data/partial-slopes/slice-y.tsv' using 1:2:3 with lines lc rgb '#b0402a' lw 4 dt 1 title 'slice along $y$ ($x$ held)', \
      '' using 1:2:4 with lines ls 4 title 'its tangent, slope $\partial f/\partial y$', \
      'data/partial-slopes/slice-x.tsv' every ::20::20 using 1:2:3 with points ls 11 ps 1.5 title 'the point'
