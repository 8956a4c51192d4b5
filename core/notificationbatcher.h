#pragma once

#include "downloaderror.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace Gravity {

class DownloadQueue;

// One download that ended, as it was when it ended: the task may be removed (or retried) before anyone reads
// the batch.
struct NotifiedDownload
{
    quint64 taskId = 0;
    QString title;    // the request's title, else the file's name, else the URL
    QString filePath; // the final file (completed downloads); may be empty
    ErrorKind error = ErrorKind::None;
};

// What one notification tells: downloads that completed and downloads that failed, in the order they ended.
struct NotificationBatch
{
    QList<NotifiedDownload> completed;
    QList<NotifiedDownload> failed;

    [[nodiscard]] bool isEmpty() const { return completed.isEmpty() && failed.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return completed.size() + failed.size(); }
};

// Gathers the downloads that complete or fail into batches, so a playlist of fifty makes one notification,
// not fifty. A batch is ready when nothing else has ended for QuietMs, or MaxWaitMs after its first download
// if they keep ending. While the queue still has downloads to run, a later batch also waits until MinGapMs
// after the previous one (a long playlist reports now and then, not every few seconds); once the queue is
// idle the held batch goes out after the quiet period. Cancelled downloads are the user's own doing and are
// never reported. No widgets: the tray shows what this decides.
class NotificationBatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationBatcher)

public:
    static constexpr int QuietMs = 1500;
    static constexpr int MaxWaitMs = 5000;
    static constexpr int MinGapMs = 60000;

    explicit NotificationBatcher(DownloadQueue *queue, QObject *parent = nullptr);
    ~NotificationBatcher() override;

    // Other timings, for tests that cannot wait a minute.
    void setTimings(int quietMs, int maxWaitMs, int minGapMs);
    [[nodiscard]] bool hasPending() const { return !m_batch.isEmpty(); }

signals:
    void batchReady(const Gravity::NotificationBatch &batch);

private:
    void onTaskFinished(quint64 id);
    void onIdle();
    void tryEmit();

    DownloadQueue *m_queue;
    NotificationBatch m_batch;
    QTimer m_quietTimer;
    QTimer m_deadlineTimer; // MaxWaitMs after the batch's first download, or the end of the gap
    QElapsedTimer m_sinceLastBatch;
    int m_quietMs = QuietMs;
    int m_maxWaitMs = MaxWaitMs;
    int m_minGapMs = MinGapMs;
};

} // namespace Gravity

Q_DECLARE_METATYPE(Gravity::NotifiedDownload)
Q_DECLARE_METATYPE(Gravity::NotificationBatch)
