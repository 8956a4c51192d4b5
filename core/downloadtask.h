#pragma once

#include "downloaderror.h"
#include "downloadrequest.h"
#include "engineconfig.h"
#include "mediainfo.h"
#include "outputparser.h"
#include "qualityfallback.h"

#include <QDateTime>
#include <QObject>

namespace Gravity {

class ProcessRunner;

enum class DownloadState
{
    Queued,
    Starting,
    Downloading,
    PostProcessing,
    Paused,
    Completed,
    Failed,
    Cancelled
};
// What is happening inside a running download, for people: "video 1/2", "audio 2/2", "merging".
enum class DownloadStage
{
    None,
    Video,
    Audio,
    Merging,
    Converting,
    Embedding,
    Finishing
};

[[nodiscard]] bool isFinalState(DownloadState state);
[[nodiscard]] QString downloadStateId(DownloadState state); // "queued", "downloading", … for --json
[[nodiscard]] QString downloadStageId(DownloadStage stage); // "video", "audio", "merging", …

struct DownloadProgress
{
    DownloadState state = DownloadState::Queued;
    DownloadStage stage = DownloadStage::None;
    int streamIndex = 0; // 1-based stream being downloaded; 0 before the first
    int streamCount = 0; // streams yt-dlp resolved (2 for video+audio); 0 when not known yet
    qint64 downloadedBytes = -1;
    qint64 totalBytes = -1;
    bool totalIsEstimate = false;
    double speed = -1.0; // bytes/s
    qint64 eta = -1;     // s
    int fragmentIndex = -1;
    int fragmentCount = -1;
    QString resolvedFormat; // "137+140"
    QString filePath;       // the final file, as yt-dlp reports it
    qint64 fileSize = -1;
    DownloadError error;
    QualityFallback fallback;
    QDateTime startedAt;
    QDateTime finishedAt;

    // 0..1 over all streams, or -1 when nothing is known yet.
    [[nodiscard]] double fraction() const;
};

// One download: one yt-dlp process from start to end. The queue decides when it starts; the task turns
// yt-dlp's records into DownloadProgress and says changed() (the queue coalesces these for the ui).
class DownloadTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadTask)

public:
    DownloadTask(quint64 id, DownloadRequest request, const EngineConfig &config, QObject *parent = nullptr);
    ~DownloadTask() override;

    [[nodiscard]] quint64 id() const { return m_id; }
    [[nodiscard]] const DownloadRequest &request() const { return m_request; }
    [[nodiscard]] const DownloadProgress &progress() const { return m_progress; }
    [[nodiscard]] bool isActive() const; // Starting, Downloading or PostProcessing
    // The streams yt-dlp has written to so far (as it names them), so a cancel can remove their partial
    // files.
    [[nodiscard]] const QStringList &streamFiles() const { return m_streamFiles; }
    // For a download restored after a restart: the streams its earlier run wrote to.
    void adoptStreamFiles(const QStringList &files);

    void start();
    void cancel();
    // Pause stops the process and keeps the partial file; resume() starts again from it (yt-dlp continues
    // .part files). Chosen over SIGSTOP because a stopped process holds sockets the server will time out,
    // cannot survive a restart of Gravity, and has no equivalent on Windows that is safe.
    void pause();
    // Back to Queued (from Paused, Failed or Cancelled); the queue starts it when a slot is free.
    void requeue();
    // Stops at once, for quitting: no grace period; ends Paused, keeping the partial file.
    void kill();
    void setConfig(const EngineConfig &config);

signals:
    void changed(quint64 id);
    void ended(quint64 id); // reached Paused, Completed, Failed or Cancelled
    // A request with infoFromRun: its run has told what the video is (request() now carries the info), before
    // any progress or the end is reported.
    void infoDelivered(quint64 id, const Gravity::MediaInfo &info);
    // A request with infoFromRun whose run ended without telling what the video is: yt-dlp skipped it (a live
    // stream, a playlist) or failed before. Instead of ended(): the link needs a parse, as without
    // infoFromRun.
    void handedBack(quint64 id);

private:
    void onLine(const QByteArray &line);
    void apply(const OutputRecord &record);
    void onProcessFinished(int result, const QStringList &stderrTail);
    void fail(ErrorKind kind, const QString &detail);
    [[nodiscard]] bool awaitsRunInfo() const { return m_request.infoFromRun && !m_infoDelivered; }
    [[nodiscard]] QString newRunInfoFile() const;
    void takeRunInfo();
    void removeRunInfoFile();
    void end(DownloadState state);
    [[nodiscard]] QString prepareInfoJson();
    [[nodiscard]] QString infoCacheDir() const;
    [[nodiscard]] QString writeInfoCacheFile(const QByteArray &json, const QString &suffix) const;
    [[nodiscard]] QByteArray infoBytes() const;
    [[nodiscard]] bool prepareQualityFallback(ErrorKind kind, const QString &detail);
    void noteFallbackResult();
    void removeInfoJsonFile();
    void removePartialFiles();

    quint64 m_id;
    DownloadRequest m_request;
    EngineConfig m_config;
    DownloadProgress m_progress;
    ProcessRunner *m_runner = nullptr;
    QString m_infoJsonFile; // written by us for --load-info-json; removed at the end
    // Where a run of an infoFromRun request writes the video's info. yt-dlp puts the user's cookies in it: it
    // is read and removed as soon as it is there, and at the latest when the run ends.
    QString m_runInfoFile;
    bool m_infoDelivered = false;
    QString m_lastError;         // yt-dlp's last ERROR line
    QList<StreamInfo> m_streams; // from the Formats record
    QString m_currentStreamFile;
    QStringList m_streamFiles; // as yt-dlp names them, to clean up after a cancel
    bool m_pauseRequested = false;
    bool m_streamFinished = false; // the last progress record closed its stream
    bool m_runFromInfo = false;    // this run's info is known (loaded, or delivered by the run): only then
                                   // can a format be left out
    QStringList m_excludedFormats; // refused formats left out of the info for the next run
    QString m_fallbackInfoFile;    // the info without them
};

} // namespace Gravity
