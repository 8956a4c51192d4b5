#pragma once

#include "downloaderror.h"
#include "downloadrequest.h"
#include "engineconfig.h"
#include "mediainfo.h"
#include "urlrecognizer.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QSet>

#include <optional>

namespace Gravity {

class DownloadQueue;
class Prober;
struct ProbeResult;

// URLs in, downloads out, without a window: recognise every input first (accepted/rejected before any
// network work), parse the accepted ones (a few at a time), then queue each video with its parsed info, or
// each entry of a playlist. --headless runs on this; so does a batch paste in the window.
//
// With direct downloads on, a link whose info nothing needs before the download is queued at once instead,
// and the download's own yt-dlp run is its parse (one process, not two): parsed() and queued() follow when
// that run has said what the video is. A run that skips the link (a live stream, a playlist) or fails before
// it knows is handed back by the queue, and the link is parsed as it would have been without.
class BatchIntake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchIntake)

public:
    BatchIntake(DownloadQueue *queue, const EngineConfig &config, QObject *parent = nullptr);
    ~BatchIntake() override;

    void setOptions(const DownloadOptions &options) { m_options = options; }
    // Only parse and report; queue nothing (--print-info).
    void setParseOnly(bool parseOnly) { m_parseOnly = parseOnly; }
    void setMaxParallelProbes(int count) { m_maxProbes = qMax(1, count); }
    // Queue links without parsing them first when nothing needs their info before the download: no time
    // range (checked against the length), no playlist items (picked from a list), not parse-only, and not a
    // link to a list.
    void setDirectDownloads(bool direct) { m_direct = direct; }
    // Of a playlist, only the entries at these 1-based positions (--playlist-items); empty: every entry.
    void setPlaylistItems(const QList<int> &items)
    {
        m_playlistItems = QSet<int>(items.cbegin(), items.cend());
    }

    // Each input is one URL as typed. Returns how many were accepted.
    int submit(const QStringList &inputs);
    // A saved yt-dlp info JSON: parsed here, downloaded without extracting the page again. False if
    // unreadable.
    bool submitInfoFile(const QString &path);
    void cancel();
    [[nodiscard]] bool isBusy() const;

signals:
    void accepted(const Gravity::RecognizedUrl &url);
    void rejected(const Gravity::RecognizedUrl &url);
    void parsed(const QString &url, const Gravity::MediaInfo &info);
    void parseFailed(const QString &url, const Gravity::DownloadError &error);
    void queued(quint64 id, const QString &url);
    // The options cannot apply to this video (a time range past its end): it is not queued. Translated.
    void optionsRefused(const QString &url, const QString &reason);
    // Every submitted URL has been parsed (or failed) and queued.
    void drained();

private:
    [[nodiscard]] bool goesDirect(const RecognizedUrl &url) const;
    void startProbes();
    void onProbed(Prober *prober, const ProbeResult &result);
    void onRunInfo(quint64 id, const MediaInfo &info);
    void onHandedBack(quint64 id);
    void onFinishedUntold(quint64 id);
    // The link of a direct run, which is then no longer waited for; nullopt when id is not one.
    [[nodiscard]] std::optional<RecognizedUrl> takeDirectRun(quint64 id);
    void enqueueVideo(const MediaInfo &info, const QString &url, const QString &infoFile = {});
    void enqueuePlaylist(const MediaInfo &info);

    DownloadQueue *m_queue;
    EngineConfig m_config;
    DownloadOptions m_options;
    bool m_parseOnly = false;
    int m_maxProbes = 3;
    QSet<int> m_playlistItems;
    bool m_direct = false;
    QQueue<RecognizedUrl> m_pending;            // to parse
    QQueue<RecognizedUrl> m_directPending;      // to queue at once
    QHash<quint64, RecognizedUrl> m_directRuns; // queued at once, not yet known to be a video
    QList<Prober *> m_running;
};

} // namespace Gravity
