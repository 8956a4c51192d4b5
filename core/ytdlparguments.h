#pragma once

#include "downloadrequest.h"
#include "engineconfig.h"

#include <QString>
#include <QStringList>

namespace Gravity {

// The only place yt-dlp command lines are made. Every list starts with --ignore-config (a user's yt-dlp.conf
// must not change what Gravity parses) and ends with "--" before the URL, so nothing from a page, a paste or
// a forwarded message can become an option.

// How yt-dlp reaches the network, for probes and downloads alike: proxy, rate limit, cookies, retries and
// parallel fragments. Every value is an argument of its own.
[[nodiscard]] QStringList networkArguments(const NetworkConfig &network);

// `yt-dlp -J --flat-playlist …`: one call lists a 500-item playlist without visiting every entry.
[[nodiscard]] QStringList probeArguments(const QString &url, const NetworkConfig &network,
                                         const QString &ffmpegPath = {});

// The default output template: a title cut to 200 bytes and the id, so names stay unique and short enough
// for every file system.
[[nodiscard]] QString defaultOutputTemplate();

// The -f selector a request downloads with (explicit spec, else the preset, adjusted for audio-only).
[[nodiscard]] QString selectorFor(const DownloadOptions &options);

// `yt-dlp` for one download. infoJsonPath non-empty: the page is not extracted again (--load-info-json).
// An output template OutputTemplate::validate refuses is replaced by the default.
[[nodiscard]] QStringList downloadArguments(const DownloadRequest &request, const QString &infoJsonPath,
                                            const NetworkConfig &network, const QString &ffmpegPath = {});

} // namespace Gravity
