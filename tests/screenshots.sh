#!/bin/bash
# Photographs every state of the window (empty, refused link, drop overlay, parsing, parsed, options,
# advanced formats, downloading, playlist, finished and failed) in light and dark, English and Chinese,
# under Xvfb, as PNGs to look at. Run by developers, not by CI.
#
#   tests/screenshots.sh [BUILD_DIR] [OUT_DIR] [SCALE]     (defaults: build/dev, build/screenshots, 1)
set -euo pipefail
build=${1:-build/dev}
out=${2:-build/screenshots}
scale=${3:-1}
cmake --build "$build" --target gravity-screenshots gravity-make-fixtures >/dev/null
mkdir -p "$out"
fixtures="$build/tests/fixtures"
"$build/tests/support/gravity-make-fixtures" "$fixtures" >/dev/null
for language in ${GRAVITY_SHOT_LANGUAGES:-en zh_CN}; do
    for theme in ${GRAVITY_SHOT_THEMES:-light dark}; do
        GRAVITY_FIXTURES="$fixtures" QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$scale" LC_ALL=C.UTF-8 \
            xvfb-run -a -s "-screen 0 $((920 * scale))x$((820 * scale))x24" \
            "$build/tests/screenshots/gravity-screenshots" "$out" "$theme" "$language"
    done
done
echo "Screenshots in $out"
