#!/usr/bin/env bash
# Gravity --headless against bare yt-dlp on the same files from the loopback test server, runs alternating
# so machine noise hits both alike. Prints medians and ratios. Not a test: numbers for people.
#
#   tests/benchmarks/headless_vs_ytdlp.sh BUILD_DIR [RUNS]
#
# 1. a ~400 MB file: whole command vs `yt-dlp URL` with a user's arguments, and vs yt-dlp with exactly the
#    arguments Gravity gives it (recorded through a wrapper: what Gravity itself adds); and the download step
#    alone (both with --load-info-json)
# 2. eight 50 MB files at once: `--headless -j 8` with eight URLs vs eight yt-dlp processes started by the
#    shell and waited for
# 3. a small clip behind a page: parse-then-download with the info reused (--load-info-json) vs parsing
#    twice (`yt-dlp -J` then `yt-dlp URL`, the naive two-step)
set -euo pipefail
build=${1:?build dir}
runs=${2:-5}
gravity="$build/app/gravity-downloader"
work=$(mktemp -d)
# Downloads land in memory (/dev/shm) where there is one: written to disk, 400 MB a run made the timings
# bimodal with the disk's write-back (0.6 s or 1.2 s for the same command), which hid everything else.
outdir=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work" "$outdir"' EXIT

"$build/tests/support/gravity-make-fixtures" "$work/media" >/dev/null
head -c 400000000 /dev/urandom > "$work/media/big.mp4"
for n in 1 2 3 4 5 6 7 8; do head -c 50000000 /dev/urandom > "$work/media/part$n.mp4"; done
"$build/tests/support/gravity-test-server" "$work/media" > "$work/url" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
base=$(cat "$work/url")

now() { date +%s.%N; }
timed() { local start; start=$(now); "$@" >/dev/null 2>&1; echo "$(now) - $start" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ytdlp_args=(--ignore-config --no-colors --newline --progress -o '%(title).200B [%(id)s].%(ext)s' --no-mtime
            --no-playlist -f 'bestvideo+bestaudio/best')

# Gravity's own command line for the big file, word for word (its progress records, the info file, the
# filters), so the "same arguments" case differs from Gravity only by Gravity.
printf '#!/bin/sh\nprintf "%%s\\0" "$@" > "%s"\nexec yt-dlp "$@"\n' "$work/gravity-args" > "$work/record-args"
chmod +x "$work/record-args"
"$gravity" --headless --yt-dlp "$work/record-args" -o "$outdir/out" "$base/big.mp4" >/dev/null
mapfile -d '' gravity_args < "$work/gravity-args"
yt-dlp --ignore-config --no-warnings -J -- "$base/big.mp4" > "$work/big.info.json"
yt-dlp --ignore-config --no-warnings -J -- "$base/page.html" > "$work/page.info.json"

for c in g y ys gl yl g8 y8 reuse twice; do : > "$work/$c"; done
eight=(); for n in 1 2 3 4 5 6 7 8; do eight+=("$base/part$n.mp4"); done
eight_ytdlp() {
  local url pids=()
  for url in "${eight[@]}"; do yt-dlp "${ytdlp_args[@]}" -P "$outdir/out" -- "$url" >/dev/null 2>&1 & pids+=($!); done
  wait "${pids[@]}"
}
# One function a case, each printing its time. A run goes through them forwards, the next backwards, so each
# command follows each other equally often: in one fixed order, Gravity always started right after two
# Python-only runs and paid a few milliseconds for its colder pages.
case_g() { timed "$gravity" --headless -o "$outdir/out" "$base/big.mp4"; }
case_y() { timed yt-dlp "${ytdlp_args[@]}" -P "$outdir/out" -- "$base/big.mp4"; }
case_ys() { timed yt-dlp "${gravity_args[@]}"; }
case_gl() { timed "$gravity" --headless -o "$outdir/out" --load-info-json "$work/big.info.json"; }
case_yl() { timed yt-dlp "${ytdlp_args[@]}" -P "$outdir/out" --load-info-json "$work/big.info.json"; }
case_g8() { timed "$gravity" --headless -j 8 -o "$outdir/out" "${eight[@]}"; }
case_y8() { timed eight_ytdlp; }
case_reuse() { timed "$gravity" --headless -o "$outdir/out" "$base/page.html"; }
case_twice() {
  local start; start=$(now)
  yt-dlp --ignore-config --no-warnings -J -- "$base/page.html" >/dev/null 2>&1
  yt-dlp "${ytdlp_args[@]}" -P "$outdir/out" -- "$base/page.html" >/dev/null 2>&1
  echo "$(now) - $start" | bc
}
cases=(g y ys gl yl g8 y8 reuse twice)
for i in $(seq "$runs"); do
  order=("${cases[@]}")
  if (( i % 2 == 0 )); then
    order=(); for (( c = ${#cases[@]} - 1; c >= 0; c-- )); do order+=("${cases[c]}"); done
  fi
  for c in "${order[@]}"; do
    rm -rf "$outdir/out"
    "case_$c" >> "$work/$c"
  done
done
rm -rf "$outdir/out"

report() { # name gravity-file yt-dlp-file
  local g y; g=$(median < "$2"); y=$(median < "$3")
  printf '%-46s gravity %6.3f s   other %6.3f s   gravity/other time %.3f\n' "$1" "$g" "$y" "$(echo "$g / $y" | bc -l)"
}
echo "median of $runs alternating runs, $(nproc) cores"
report "400 MB, whole command vs a user's yt-dlp" "$work/g" "$work/y"
report "400 MB, whole command vs Gravity's yt-dlp" "$work/g" "$work/ys"
report "400 MB, download step (--load-info-json)" "$work/gl" "$work/yl"
report "8 × 50 MB at once (-j 8 vs 8 processes)" "$work/g8" "$work/y8"
report "small clip, parse then download vs -J + URL" "$work/reuse" "$work/twice"
