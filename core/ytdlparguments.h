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

// True when the options end in a file yt-dlp can embed a thumbnail in. Its EmbedThumbnailPP takes mp3,
// mkv/mka, ogg/opus/flac and m4a/mp4/mov and fails the download for anything else (webm), and for
// ogg/opus/flac when the Python module mutagen is missing, which Gravity cannot check. So: mp4 and mkv
// video, mp3 and m4a audio; never an automatic container or exact formats, which may end as webm.
[[nodiscard]] bool takesEmbeddedThumbnail(const DownloadOptions &options);

// `yt-dlp` for one download. infoJsonPath non-empty: the page is not extracted again (--load-info-json).
// An output template OutputTemplate::validate refuses is replaced by the default.
[[nodiscard]] QStringList downloadArguments(const DownloadRequest &request, const QString &infoJsonPath,
                                            const NetworkConfig &network, const QString &ffmpegPath = {});

// `yt-dlp` for a download that is its own parse: the video's info (what -J says of it, as yt-dlp picks its
// formats) is written to infoFile before anything is downloaded, and a live stream or an entry of a playlist
// (a multi-part video included) is skipped with nothing downloaded, so that the link can be parsed as usual.
// infoFile must be a plain path (see isPlainOutputPath).
[[nodiscard]] QStringList directDownloadArguments(const DownloadRequest &request, const QString &infoFile,
                                                  const NetworkConfig &network,
                                                  const QString &ffmpegPath = {});

// True when yt-dlp writes a --print-to-file FILE to exactly this absolute path: it reads FILE as an output
// template, expands '~' and '$' in it, and with --windows-filenames replaces in every part of it the
// characters Windows refuses.
[[nodiscard]] bool isPlainOutputPath(const QString &path);

} // namespace Gravity
