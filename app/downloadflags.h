#pragma once

#include "downloadrequest.h"
#include "engineconfig.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace Gravity {

// The command-line flags for what a download does besides fetching (subtitles, SponsorBlock, embedding, a
// time range), named like yt-dlp's own so its users recognise them.
[[nodiscard]] QList<QCommandLineOption> downloadFlagOptions();

// Sets what the flags gave on `options` and `network`. On a bad value returns the reason (translated) and
// leaves the rest unspecified; an empty string means everything was fine.
[[nodiscard]] QString applyDownloadFlags(const QCommandLineParser &parser, DownloadOptions &options,
                                         NetworkConfig &network);

} // namespace Gravity
