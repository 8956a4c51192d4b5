#!/usr/bin/env bash
# Measurement 4: the CPU time of the Gravity process itself (not yt-dlp) while its window is open and eight
# downloads stream progress from the loopback server, under Xvfb. Not a test: numbers for people.
#
#   tests/benchmarks/progress_cost.sh [BUILD_DIR] [SECONDS]        (defaults: build/ci, 60)
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
build=${1:-build/ci}
seconds=${2:-60}
cmake --build "$build" --target gravity-progress-cost gravity-test-server >/dev/null
work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/media"
head -c 200000000 /dev/urandom > "$work/media/big.mp4"
# 8 MB/s shared by eight downloads of 200 MB: none finishes inside the measured minute.
"$build/tests/support/gravity-test-server" "$work/media" --throttle 8000000 > "$work/url" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
    "$build/tests/benchmarks/gravity-progress-cost" "$(cat "$work/url")" "$work/out" "$seconds"
