#!/usr/bin/env bash
# make bench: fit-line beside a C program that parses with strtod and fits
# with GSL's gsl_fit_linear, and beside gnuplot's fit, on generated files
# of 10^6 and 10^7 rows whose exact least-squares line is known by
# construction (tests/line-data.h).  For each: wall time (best of three,
# gnuplot once), CPU time, peak resident memory, and the relative errors
# of w and b against the exact line.
# Usage: bench-fit.sh FIT_LINE GSL_PROGRAM DATA_GENERATOR RUNNER
# (FIT_BENCH_ROWS="1000 4000" runs other sizes, for a quick try.)
set -eu -o pipefail
fit_line=$1 gsl=$2 generate=$3 run=$4
scratch=$(mktemp -d /tmp/derivml-bench-fit.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# measure NAME INPUT COMMAND...: best of $repeat runs; prints one row
measure() {
    local name=$1 input=$2 best= line; shift 2
    for ((k = 0; k < repeat; k++)); do
        line=$("$run" "$input" "$scratch/out" "$@")
        if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a < b)}'; then
            best=$line
        fi
    done
    read -r wall cpu rss <<<"$best"
    local w b
    w=$(sed -n 's/^w\t//p' "$scratch/out"); b=$(sed -n 's/^b\t//p' "$scratch/out")
    [ -n "$w" ] && [ -n "$b" ] || { echo "bench-fit: $name printed no w and b" >&2; exit 1; }
    awk -v n="$rows" -v name="$name" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" \
        -v w="$w" -v b="$b" -v W="$exact_w" -v B="$exact_b" 'BEGIN {
        ew = w - W; if (ew < 0) ew = -ew; eb = b - B; if (eb < 0) eb = -eb;
        printf "%9d  %-24s %7.2f %7.2f %8.1f   %9.1e %9.1e\n", n, name, wall, cpu, rss / 1024,
               ew / (W < 0 ? -W : W), eb / (B < 0 ? -B : B) }'
}

echo "fit-line beside strtod + gsl_fit_linear and gnuplot's fit"
printf '%9s  %-24s %7s %7s %8s   %9s %9s\n' rows program "wall s" "cpu s" "peak MB" "error w" "error b"
for rows in ${FIT_BENCH_ROWS:-1000000 10000000}; do
    file=$scratch/data.csv
    exact=$("$generate" 0 "$rows" 2>&1 >"$file")
    read -r exact_w exact_b _ <<<"$exact"
    repeat=3
    measure "fit-line FILE" - "$fit_line" "$file"
    fit_wall=$wall fit_cpu=$cpu fit_rss=$rss largest=$rows
    measure "fit-line - <FILE" "$file" "$fit_line" -
    stdin_rss=$rss
    measure "strtod + gsl_fit_linear" - "$gsl" "$file"
    gsl_wall=$wall gsl_cpu=$cpu
    repeat=1
    measure "gnuplot fit" - gnuplot -e "set datafile separator ','; set fit quiet; \
        set fit logfile '/dev/null'; set print '-'; w = 1; b = 1; f(x) = w * x + b; \
        fit f(x) '$file' using 1:2 via w, b; print sprintf(\"w\t%.17g\", w); \
        print sprintf(\"b\t%.17g\", b)"
    rm -f "$file"
done
echo "data: $(sed 's/^[^ ]* [^ ]* //' <<<"$exact"); exact line w = $exact_w, b = $exact_b"
# Far from zero the intercept is the hard part: b = mean y - w mean x.
echo
printf '%9s  %-24s %7s %7s %8s   %9s %9s\n' rows program "wall s" "cpu s" "peak MB" "error w" "error b"
rows=1000000
exact=$("$generate" 2 "$rows" 2>&1 >"$file")
read -r exact_w exact_b _ <<<"$exact"
measure "fit-line FILE" - "$fit_line" "$file"
measure "strtod + gsl_fit_linear" - "$gsl" "$file"
rm -f "$file"
echo "data: $(sed 's/^[^ ]* [^ ]* //' <<<"$exact"); exact line w = $exact_w, b = $exact_b"
awk -v n="$largest" -v f="$fit_wall" -v g="$gsl_wall" -v fc="$fit_cpu" -v gc="$gsl_cpu" -v r="$fit_rss" \
    -v s="$stdin_rss" 'BEGIN {
    printf "%d rows: fit-line takes %.2f of the strtod + gsl_fit_linear wall time and %.2f\n", n, f / g, fc / gc
    printf "  of its CPU time (goal <= 1.0); its peak memory is %.1f MB from a file and\n", r / 1024
    printf "  %.1f MB from standard input (goal <= 16)\n", s / 1024 }'
