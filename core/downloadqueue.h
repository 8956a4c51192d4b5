#pragma once

#include "downloadrequest.h"
#include "downloadtask.h"
#include "engineconfig.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Gravity {

// The downloads: FIFO with a concurrency limit, cancel, retry, pause/resume, remove. yt-dlp prints dozens of
// progress lines a second per download; the queue keeps the latest state in each task and says which tasks
// changed at most ten times a second in total (tasksChanged), however many run.
class DownloadQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadQueue)

public:
    static constexpr int CoalesceIntervalMs = 100;

    explicit DownloadQueue(const EngineConfig &config, QObject *parent = nullptr);
    ~DownloadQueue() override;

    quint64 enqueue(DownloadRequest request);
    // A download that was unfinished when Gravity last quit (or was killed): queued again, or paused when the
    // user had paused it, knowing the partial files its earlier run wrote (yt-dlp continues them).
    quint64 restore(DownloadRequest request, bool paused, const QStringList &streamFiles);

    void cancel(quint64 id);
    void pause(quint64 id);
    void resume(quint64 id); // Paused → Queued
    void retry(quint64 id);  // Failed/Cancelled → Queued
    void remove(quint64 id); // cancels first when running
    void pauseAll();
    void resumeAll();
    // Stops every process tree at once and waits for them, for quitting.
    void stopAll();

    void setMaxConcurrent(int count);
    [[nodiscard]] int maxConcurrent() const { return m_config.maxConcurrent; }
    void setConfig(const EngineConfig &config);
    [[nodiscard]] const EngineConfig &config() const { return m_config; }

    [[nodiscard]] QList<quint64> ids() const; // in queue order
    [[nodiscard]] const DownloadTask *task(quint64 id) const;
    [[nodiscard]] int indexOf(quint64 id) const;
    [[nodiscard]] int activeCount() const;
    [[nodiscard]] int pendingCount() const; // queued or active
    [[nodiscard]] bool isIdle() const { return pendingCount() == 0; }

signals:
    void taskAdded(quint64 id);
    void taskAboutToBeRemoved(quint64 id);
    void taskRemoved(quint64 id);
    void tasksChanged(const QList<quint64> &ids);
    // Immediately (not coalesced) when a task ends as Completed, Failed or Cancelled.
    void taskFinished(quint64 id);
    // A request with infoFromRun: its run said what the video is (see DownloadTask::infoDelivered).
    void taskInfoDelivered(quint64 id, const Gravity::MediaInfo &info);
    // A request with infoFromRun whose run could not say what the link is (DownloadTask::handedBack): the
    // task has been removed, without taskFinished, for the link to be parsed.
    void taskHandedBack(quint64 id, const Gravity::DownloadRequest &request);
    // Nothing is queued or running any more.
    void idle();
    // stopAll() is about to kill every download: what runs now was running when Gravity quit, not paused.
    void aboutToStopAll();

private:
    DownloadTask *find(quint64 id) const;
    void markChanged(quint64 id);
    void flushChanges();
    void onTaskEnded(quint64 id);
    void onTaskHandedBack(quint64 id);
    void schedule();

    EngineConfig m_config;
    QList<DownloadTask *> m_tasks;
    quint64 m_nextId = 1;
    QSet<quint64> m_changed;
    QTimer m_coalesceTimer;
    bool m_scheduling = false;
};

} // namespace Gravity
