#pragma once

#include "platform.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace Gravity {

// One entry of yt-dlp's "formats" list. Numbers are -1 (or 0.0) when yt-dlp did not say.
struct MediaFormat
{
    QString formatId;
    QString ext;
    int width = -1;
    int height = -1;
    double fps = 0.0;
    QString vcodec;   // "none" for audio-only
    QString acodec;   // "none" for video-only
    double tbr = 0.0; // total bitrate, kbit/s
    double abr = 0.0;
    double vbr = 0.0;
    qint64 filesize = -1;       // exact, when known
    qint64 filesizeApprox = -1; // yt-dlp's estimate
    QString protocol;
    QString formatNote;   // e.g. "1080P 高清", "720p60", "Premium"
    QString dynamicRange; // "SDR", "HDR10", …
    QString language;

    [[nodiscard]] bool hasVideo() const;
    [[nodiscard]] bool hasAudio() const;
    // The exact size when known, else the estimate, else -1.
    [[nodiscard]] qint64 sizeEstimate() const;
};

struct Chapter
{
    double startTime = 0.0;
    double endTime = 0.0;
    QString title;
};

struct SubtitleTrack
{
    QString language; // the key in yt-dlp's map, e.g. "en", "zh-Hans"
    QString name;     // human name when yt-dlp gives one
    QStringList exts; // formats available: vtt, srt, json3, …
};

struct PlaylistEntry
{
    QString id;
    QString title;
    QString url; // passed to yt-dlp as given (it may carry yt-dlp's smuggled data)
    double duration = 0.0;
    QString uploader;
    int index = 0; // 1-based position in the playlist
    // The entry's own info object when the playlist carries full info (yt-dlp -J without --flat-playlist, or
    // a saved info JSON): the entry downloads from it with --load-info-json, without extracting it again.
    // Empty for a flat entry, which goes by its URL.
    QByteArray infoJson;
};

struct MediaInfo
{
    bool isPlaylist = false;
    QString id;
    QString title;
    QString uploader;
    double duration = 0.0; // seconds; 0 when unknown
    QString thumbnail;
    QString webpageUrl;
    QString extractor; // yt-dlp's extractor_key, e.g. "Youtube", "BiliBili", "Generic"
    Platform platform = Platform::Other;
    QDate uploadDate;
    qint64 viewCount = -1;
    bool isLive = false;
    QList<Chapter> chapters;
    QList<SubtitleTrack> subtitles;
    QList<SubtitleTrack> automaticCaptions;
    QList<MediaFormat> formats;
    QList<PlaylistEntry> entries;
    QByteArray rawJson; // yt-dlp's -J output, kept so a download can reuse it with --load-info-json

    [[nodiscard]] const MediaFormat *findFormat(QStringView formatId) const;
    // Tallest video height among the formats (0 when there is no video).
    [[nodiscard]] int maxHeight() const;
};

} // namespace Gravity
