#!/bin/bash
# Start-up of gravity-downloader against a bare Qt Widgets window built in the same tree: exec → first
# paint, and PSS/RSS 3 s after start, under Xvfb, runs alternating so both see the same machine noise.
# Gravity runs with an empty profile (fresh HOME and XDG dirs).
#
#   tests/benchmarks/startup.sh [BUILD_DIR] [RUNS]        (defaults: build/ci, 10)
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
build=${1:-build/ci}
runs=${2:-10}
cmake --build "$build" --target gravity-downloader gravity-bare-window >/dev/null
gravity="$build/app/gravity-downloader"
bare="$build/tests/benchmarks/gravity-bare-window"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

measure() { # program → "paint_ms pss_kib rss_kib"
    local program=$1 start paint pid pss rss
    start=$(date +%s%3N)
    paint=$(HOME="$profile" XDG_CONFIG_HOME="$profile/config" XDG_DATA_HOME="$profile/data" \
        XDG_CACHE_HOME="$profile/cache" GRAVITY_REPORT_FIRST_PAINT=exit "$program" | awk '/first-paint-ms/ {print $2}')
    HOME="$profile" XDG_CONFIG_HOME="$profile/config" XDG_DATA_HOME="$profile/data" \
        XDG_CACHE_HOME="$profile/cache" "$program" >/dev/null 2>&1 &
    pid=$!
    sleep 3
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
    rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$((paint - start)) $pss $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

results=$(mktemp)
for ((i = 0; i < runs; i++)); do
    echo "bare $(measure "$bare")" >>"$results"
    echo "gravity $(measure "$gravity")" >>"$results"
done
for what in bare gravity; do
    paint=$(awk -v w=$what '$1 == w {print $2}' "$results" | median)
    pss=$(awk -v w=$what '$1 == w {print $3}' "$results" | median)
    rss=$(awk -v w=$what '$1 == w {print $4}' "$results" | median)
    printf '%-8s first paint %6s ms   PSS %7s KiB   RSS %7s KiB\n' "$what" "$paint" "$pss" "$rss"
    eval "${what}_paint=$paint ${what}_pss=$pss ${what}_rss=$rss"
done
awk -v gp="$gravity_paint" -v bp="$bare_paint" -v gs="$gravity_pss" -v bs="$bare_pss" \
    'BEGIN {printf "ratio    first paint %.2f×   PSS %.2f×   (medians of %d runs each)\n", gp / bp, gs / bs, '"$runs"'}'
rm -f "$results"
