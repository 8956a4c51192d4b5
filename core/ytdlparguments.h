#pragma once

#include "downloadrequest.h"

#include <QString>
#include <QStringList>

namespace Gravity {

// The only place yt-dlp command lines are made. Every list starts with --ignore-config (a user's yt-dlp.conf
// must not change what Gravity parses) and ends with "--" before the URL, so nothing from a page, a paste or
// a forwarded message can become an option.

// `yt-dlp -J --flat-playlist …`: one call lists a 500-item playlist without visiting every entry.
[[nodiscard]] QStringList probeArguments(const QString &url, const QString &ffmpegPath = {});

// The default output template: a title cut to 200 bytes and the id, so names stay unique and short enough
// for every file system.
[[nodiscard]] QString defaultOutputTemplate();

// The -f selector a request downloads with (explicit spec, else the preset, adjusted for audio-only).
[[nodiscard]] QString selectorFor(const DownloadOptions &options);

// `yt-dlp` for one download. infoJsonPath non-empty: the page is not extracted again (--load-info-json).
[[nodiscard]] QStringList downloadArguments(const DownloadRequest &request, const QString &infoJsonPath,
                                            const QString &ffmpegPath = {});

} // namespace Gravity
