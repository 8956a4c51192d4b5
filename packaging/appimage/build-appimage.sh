#!/usr/bin/env bash
# Builds Gravity-x86_64.AppImage with linuxdeploy and its Qt plugin. Written but not run by this project's CI:
# the two tools are downloaded from GitHub, and the machines that build Gravity have no internet.
# yt-dlp and ffmpeg are not bundled: the AppImage uses the system's (PATH), or copies placed beside it.
#
#   packaging/appimage/build-appimage.sh [BUILD_DIR]      (default build/appimage; run from the repository root)
set -euo pipefail
build=${1:-build/appimage}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGRAVITY_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_INSTALL_LIBDIR=lib
cmake --build "$build"
rm -rf "$build/AppDir"
DESTDIR="$build/AppDir" cmake --install "$build"

tools="$build/tools"
mkdir -p "$tools"
for tool in linuxdeploy/linuxdeploy/releases/download/continuous/linuxdeploy-x86_64.AppImage \
            linuxdeploy/linuxdeploy-plugin-qt/releases/download/continuous/linuxdeploy-plugin-qt-x86_64.AppImage; do
    [ -x "$tools/${tool##*/}" ] || { curl -fsSL -o "$tools/${tool##*/}" "https://github.com/$tool"; chmod +x "$tools/${tool##*/}"; }
done

id=io.github.gravity.Downloader
# The Qt plugin finds Qt through qmake; Debian names Qt 6's qmake6.
QMAKE=${QMAKE:-$(command -v qmake6 || command -v qmake)} \
    "$tools/linuxdeploy-x86_64.AppImage" --appdir "$build/AppDir" --plugin qt --output appimage \
    --deploy-deps-only "$build/AppDir/usr/lib/gravity-downloader" \
    --desktop-file "$build/AppDir/usr/share/applications/$id.desktop" \
    --icon-file "$build/AppDir/usr/share/icons/hicolor/256x256/apps/$id.png"
