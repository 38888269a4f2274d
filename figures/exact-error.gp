# Relative error of forward, central and complex-step derivatives of e^x.
# The steps are four a decade, too close for a marker each: a line joins
# each estimate's errors, and a marker sits on every third step, the three
# estimates' markers on different steps (the forward difference's discs
# on steps 0, 3, 6, ..., the central difference's squares on 1, 4, 7, ...,
# the complex step's triangles on 2, 5, 8, ...).  So no two markers
# overprint where the curves meet: for large steps the central difference
# and the complex step have errors of one size (h^2/6 of f''' either way)
# and their curves coincide, and for the smallest all three are 1.
# Errors that are exactly zero, which a logarithmic axis cannot draw, are
# drawn on a strip below the axis marked 0, if there are any.  The predicted best steps are
# the two grey dashed lines, each labelled a little clear of its line.
fig_height = 8.5
load 'style.gp'
@logx; @logy
set xlabel 'step $h$'
set ylabel 'relative error'
strip = 1e-20
set xrange [1e-20:1]
set ytics 1e-18, 100
# The strip is drawn only when some error is exactly zero.
stats 'data/exact-derivatives/error.tsv' using (($2 == 0) + ($3 == 0) + ($4 == 0)) nooutput
if (STATS_sum > 0) {
    set yrange [strip / 4:1]
    set ytics add ('$0$' strip)
    set arrow 1 from graph 0, first strip * 6 to graph 1, first strip * 6 nohead lc rgb '#bbbbbb' lw 0.5
} else {
    set yrange [1e-18:1]
}
# The key sits in the empty room below the forward and central
# differences' rounding branches and above the complex step's floor.
set key at graph 0.02, 0.42 left top
stats 'data/exact-derivatives/guides.tsv' index 0 using 1 nooutput
set label 1 '$h = \sqrt{\varepsilon}$' at STATS_min, 0.05 right offset -1.2, 0
stats 'data/exact-derivatives/guides.tsv' index 1 using 1 nooutput
set label 2 '$h = \varepsilon^{1/3}$' at STATS_min, 0.05 left offset 1.2, 0
zero(e) = e == 0 ? strip : NaN
plot 'data/exact-derivatives/guides.tsv' index 0 using 1:2 with lines ls 6 dt (5, 3) notitle, \
     '' index 1 using 1:2 with lines ls 6 dt (5, 3) notitle, \
     'data/exact-derivatives/error.tsv' using 1:2 with lines ls 11 lw 1 notitle, \
     '' using 1:3 with lines ls 12 notitle, \
     '' using 1:4 with lines ls 13 notitle, \
     '' every 3 using 1:2 with points ls 11 notitle, \
     '' every 3::1 using 1:3 with points ls 12 notitle, \
     '' every 3::2 using 1:4 with points ls 13 notitle, \
     NaN with linespoints ls 11 lw 1 title 'forward difference', \
     NaN with linespoints ls 12 title 'central difference', \
     NaN with linespoints ls 13 title 'complex step', \
     '' using 1:(zero($2)) with points ls 11 notitle, \
     '' using 1:(zero($3)) with points ls 12 notitle, \
     '' using 1:(zero($4)) with points ls 13 notitle
