#!/bin/bash
# Start-up of gravity-downloader against a bare Qt Widgets window built in the same tree: exec → first
# paint, and PSS/RSS 3 s after start, under Xvfb, runs alternating so both see the same machine noise.
# Gravity runs twice: with an empty profile (fresh HOME and XDG dirs) and with 10,000 history entries.
#
#   tests/benchmarks/startup.sh [BUILD_DIR] [RUNS]        (defaults: build/ci, 10)
#
# GRAVITY_BASELINE=/path/to/an/older/gravity-downloader adds it with the 10,000-entry profile to the same
# alternation ("baseline10k"), for a before/after that saw the same machine.
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
build=${1:-build/ci}
runs=${2:-10}
cmake --build "$build" --target gravity-downloader gravity-bare-window bench_history >/dev/null
gravity="$build/app/gravity-downloader"
bare="$build/tests/benchmarks/gravity-bare-window"
empty=$(mktemp -d)
full=$(mktemp -d)
# Our own single-instance name: a Gravity someone else runs on this machine must not take our launches.
export GRAVITY_INSTANCE_NAME="gravity-startup-bench-$$"
trap 'rm -rf "$empty" "$full"' EXIT
"$build/tests/bench_history" --write-history 10000 "$full/data/Gravity/gravity-downloader" >/dev/null

measure() { # program profile → "paint_ms pss_kib rss_kib"
    local program=$1 profile=$2 start paint pid pss rss
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
kinds="bare gravity gravity10k"
[ -n "${GRAVITY_BASELINE:-}" ] && kinds="$kinds baseline10k"
read -r -a order <<<"$kinds"
# The order turns each round, and runs backwards every other cycle of turns, so each program follows each
# other one equally often: a start right after another program's 3 s run finds the pages only it uses colder
# than a start right after itself (on this machine, ~10 ms colder for Gravity after the bare window).
n=${#order[@]}
for ((i = 0; i < runs; i++)); do
    for ((k = 0; k < n; k++)); do
        if (((i / n) % 2 == 0)); then
            what=${order[(i + k) % n]}
        else
            what=${order[(n - 1 - k + i) % n]}
        fi
        case $what in
        bare) echo "bare $(measure "$bare" "$empty")" >>"$results" ;;
        gravity) echo "gravity $(measure "$gravity" "$empty")" >>"$results" ;;
        gravity10k) echo "gravity10k $(measure "$gravity" "$full")" >>"$results" ;;
        baseline10k) echo "baseline10k $(measure "$GRAVITY_BASELINE" "$full")" >>"$results" ;;
        esac
    done
done
for what in $kinds; do
    paint=$(awk -v w=$what '$1 == w {print $2}' "$results" | median)
    pss=$(awk -v w=$what '$1 == w {print $3}' "$results" | median)
    rss=$(awk -v w=$what '$1 == w {print $4}' "$results" | median)
    printf '%-11s first paint %6s ms   PSS %7s KiB   RSS %7s KiB\n' "$what" "$paint" "$pss" "$rss"
    eval "${what}_paint=$paint ${what}_pss=$pss ${what}_rss=$rss"
done
for what in ${kinds#bare }; do
    eval "paint=\$${what}_paint pss=\$${what}_pss"
    awk -v w="$what" -v gp="$paint" -v bp="$bare_paint" -v gs="$pss" -v bs="$bare_pss" -v n="$runs" \
        'BEGIN {printf "%-11s first paint %.2f× bare   PSS %.2f× bare   (medians of %d alternating runs)\n", w, gp / bp, gs / bs, n}'
done
[ -n "${GRAVITY_BENCH_RAW:-}" ] && cat "$results"
rm -f "$results"
