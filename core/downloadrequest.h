#pragma once

#include "formatselector.h"
#include "mediainfo.h"
#include "platform.h"
#include "postprocessing.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Gravity {

struct DownloadOptions
{
    QualityPreset quality = QualityPreset::Best;
    QString formatSpec; // an explicit selection ("137+140"); overrides quality when set
    AudioFormat audioFormat = AudioFormat::None; // with AudioOnly: convert to this (None keeps the original)
    Container container = Container::Auto;
    QString outputDir;
    QString outputTemplate; // empty: the safe default (title [id].ext)
    SubtitleMode subtitleMode = SubtitleMode::None;
    QStringList subtitleLanguages; // keys of the info's subtitle map: "en", "zh-Hans"
    bool autoCaptions = false;     // also the platform's automatic captions for those languages
    SubtitleFormat subtitleFormat = SubtitleFormat::Original; // for separate files (and mkv, which takes any)
    SponsorBlockMode sponsorBlock = SponsorBlockMode::Off;
    QStringList sponsorBlockCategories; // ids from sponsorBlockCategories(); none: SponsorBlock does nothing
    bool embedThumbnail = false;        // where the container takes one: see ytdlparguments.cpp
    bool embedMetadata = false;
    bool embedChapters = false;
    TimeRange section; // only this part of the video; whole by default
};

struct DownloadRequest
{
    QString url; // normalised; reaches yt-dlp only after "--"
    Platform platform = Platform::Other;
    QString title; // shown until yt-dlp says more
    QString thumbnail;
    QByteArray infoJson; // the probe's -J output, reused with --load-info-json while fresh
    QDateTime infoFetchedAt;
    QString infoJsonFile; // a saved info JSON the user gave (--load-info-json FILE)
    DownloadOptions options;
    // Not parsed first (--headless when nothing needs the info before the download): the download's own run
    // delivers the info into infoJson, and skips a live stream or a playlist, which the queue then hands back
    // for a parse.
    bool infoFromRun = false;
};

// One chosen entry of a playlist as a download: from the entry's own info when the playlist carried it (no
// second extraction; its http_headers such as Bilibili's Referer go with it), else by the entry's URL. Only
// web addresses are kept as the URL: entry URLs come from a page.
[[nodiscard]] DownloadRequest entryRequest(const MediaInfo &playlist, const PlaylistEntry &entry,
                                           const DownloadOptions &options);

} // namespace Gravity
