#!/usr/bin/env bash
# fuzz.sh BUILD SECONDS TARGET...: runs each libFuzzer binary
# BUILD/fuzz/fuzz-TARGET at once (one per core) for SECONDS, from its corpus
# and the kept cases in tests/fuzz-cases/TARGET/.  A crash is left in
# BUILD/fuzz/crashes-TARGET/ and fails the run; each target's log is
# BUILD/fuzz/TARGET.log.
set -eu -o pipefail
b=$1 seconds=$2
shift 2
pids=()
for t in "$@"; do
    mkdir -p "$b/fuzz/corpus-$t" "$b/fuzz/crashes-$t"
    echo "  FUZZ     $t for $seconds s (log: $b/fuzz/$t.log)"
    "$b/fuzz/fuzz-$t" "$b/fuzz/corpus-$t" "tests/fuzz-cases/$t" \
        -max_total_time="$seconds" -close_fd_mask=3 -print_final_stats=1 \
        -artifact_prefix="$b/fuzz/crashes-$t/" >"$b/fuzz/$t.log" 2>&1 &
    pids+=("$!")
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
for t in "$@"; do
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$b/fuzz/$t.log")
    crashes=$(find "$b/fuzz/crashes-$t" -type f | wc -l)
    echo "  $t: ${runs:-?} inputs run, $crashes crash(es) in $b/fuzz/crashes-$t/"
    [ "$crashes" = 0 ] || failed=1
done
exit "$failed"
