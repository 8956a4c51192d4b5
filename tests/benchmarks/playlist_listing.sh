#!/usr/bin/env bash
# Measurement 6: a 500-entry feed from the loopback server, listed: wall time and how many yt-dlp processes
# it took, for Gravity (`--print-info`, the same parse the window shows) against `yt-dlp -J` on the same
# feed (which resolves every entry). Not a test: numbers for people.
#
#   tests/benchmarks/playlist_listing.sh [BUILD_DIR] [RUNS]        (defaults: build/ci, 5)
set -euo pipefail
build=${1:-build/ci}
runs=${2:-5}
entries=500
cmake --build "$build" --target gravity-downloader gravity-test-server gravity-make-fixtures >/dev/null
work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
"$build/tests/support/gravity-make-fixtures" "$work/media" >/dev/null
{
    echo '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Five hundred</title>'
    echo '<link>{{BASE}}/feed500.xml</link><description>A long feed</description>'
    for i in $(seq "$entries"); do
        echo "<item><title>Clip $i</title><link>{{BASE}}/clip1.mp4?n=$i</link><guid>clip-$i</guid>"
        echo "<enclosure url=\"{{BASE}}/clip1.mp4?n=$i\" type=\"video/mp4\" length=\"1000\"/></item>"
    done
    echo '</channel></rss>'
} > "$work/media/feed500.xml"
"$build/tests/support/gravity-test-server" "$work/media" > "$work/url" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
feed="$(cat "$work/url")/feed500.xml"

# yt-dlp through a wrapper that counts its starts (the real yt-dlp does the work).
cat > "$work/yt-dlp" <<WRAP
#!/bin/sh
echo start >> "$work/starts"
exec $(command -v yt-dlp) "\$@"
WRAP
chmod +x "$work/yt-dlp"

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$work/g"; : > "$work/y"
for _ in $(seq "$runs"); do
    : > "$work/starts"
    start=$(now)
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
        "$build/app/gravity-downloader" --print-info --yt-dlp "$work/yt-dlp" "$feed" > "$work/listing"
    echo "$(now) - $start" | bc >> "$work/g"
    gravity_processes=$(wc -l < "$work/starts")
    start=$(now)
    yt-dlp --ignore-config --no-warnings -J -- "$feed" > /dev/null
    echo "$(now) - $start" | bc >> "$work/y"
done
grep -m1 -i "playlist" "$work/listing" || true
printf 'gravity --print-info: median %.3f s, %d yt-dlp process(es)\n' "$(median < "$work/g")" "$gravity_processes"
printf 'yt-dlp -J (resolves every entry): median %.3f s, 1 process\n' "$(median < "$work/y")"
