# The two heights of x^2, the run and the rise, and the secant through the
# two points, continued so that it is seen to be straight.  The triangle
# is drawn thick, its hypotenuse the piece of the secant between the two
# points, solid in the secant's colour.  picture.tsv has
# one block per segment: height at x, height at x + h, run, rise, secant.
fig_height = 8.2
load 'style.gp'
set xlabel '$x$'
set ylabel 'height'
set key noautotitle
set yrange [0:*]
set offsets 0, 0, 2, 0
# A label "height ..." is set in two lines, the word above its formula, so
# that the one beside x + h ends inside the figure.  The labels stand a
# little clear of their segments; the height at x, under the label of the
# run, a little lower than the program put it, and the run's a little
# lower, so that the two clear each other and the run.  (The figure is
# taller than the others for the same reason.)  Without a key's titles,
# row 0 of labels.tsv is its header line; rows 1 to 4 are its labels.
stacked(s) = s[1:7] eq 'height ' ? '\\shortstack[l]{height\\\\' . s[8:*] . '}' : s
plot 'data/rise-run/curve.tsv' using 1:3 with lines ls 4, \
     '' using 1:2 with lines ls 1 lw 2, \
     '' every ::85::85 using 1:2:('$f(x) = x^2$') with labels right offset -1, 0.5, \
     '' every ::20::20 using 1:3:('secant') with labels left offset 0.8, -0.8 tc ls 4, \
     'data/rise-run/picture.tsv' every :::0::1 using 1:2 with lines ls 6 dt (3, 2), \
     '' every :::2::3 using 1:2 with lines ls 3 dt 1 lw 2.5, \
     '' every :::4::4 using 1:2 with lines ls 4 dt 1 lw 2.5, \
     '' every :::4::4 using 1:2 with points ls 20, \
     '' every :::4::4 using 1:2 with points ls 21, \
     'data/rise-run/labels.tsv' every ::2::2 using 1:2:(stacked(strcol(3))) with labels left offset 0.8, 0, \
     '' every ::4::4 using 1:2:3 with labels left offset 0.8, 0, \
     '' every ::1::1 using 1:2:(stacked(strcol(3))) with labels left offset 0.8, -0.7, \
     '' every ::3::3 using 1:2:3 with labels left offset 0, -0.15
