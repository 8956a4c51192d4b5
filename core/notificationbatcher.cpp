#include "notificationbatcher.h"

#include "downloadqueue.h"

#include <QFileInfo>

#include <utility>

namespace Gravity {

namespace {

NotifiedDownload snapshot(const DownloadTask &task)
{
    const DownloadProgress &progress = task.progress();
    NotifiedDownload download;
    download.taskId = task.id();
    download.filePath = progress.filePath;
    download.error = progress.error.kind;
    download.title = task.request().title;
    if (download.title.isEmpty())
        download.title = QFileInfo(progress.filePath).fileName();
    if (download.title.isEmpty())
        download.title = task.request().url;
    return download;
}

void removeTask(QList<NotifiedDownload> &list, quint64 id)
{
    list.removeIf([id](const NotifiedDownload &d) { return d.taskId == id; });
}

} // namespace

NotificationBatcher::NotificationBatcher(DownloadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
{
    qRegisterMetaType<NotificationBatch>();
    m_quietTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_quietTimer, &QTimer::timeout, this, &NotificationBatcher::tryEmit);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &NotificationBatcher::tryEmit);
    connect(queue, &DownloadQueue::taskFinished, this, &NotificationBatcher::onTaskFinished);
    connect(queue, &DownloadQueue::idle, this, &NotificationBatcher::onIdle);
}

NotificationBatcher::~NotificationBatcher() = default;

void NotificationBatcher::setTimings(int quietMs, int maxWaitMs, int minGapMs)
{
    m_quietMs = qMax(0, quietMs);
    m_maxWaitMs = qMax(m_quietMs, maxWaitMs);
    m_minGapMs = qMax(0, minGapMs);
}

void NotificationBatcher::onTaskFinished(quint64 id)
{
    const DownloadTask *task = m_queue->task(id);
    if (!task)
        return;
    const DownloadState state = task->progress().state;
    if (state != DownloadState::Completed && state != DownloadState::Failed)
        return;
    // A download retried within one batch is told once, as it ended last.
    removeTask(m_batch.completed, id);
    removeTask(m_batch.failed, id);
    (state == DownloadState::Completed ? m_batch.completed : m_batch.failed).append(snapshot(*task));
    m_quietTimer.start(m_quietMs);
    if (!m_deadlineTimer.isActive())
        m_deadlineTimer.start(m_maxWaitMs);
}

void NotificationBatcher::onIdle()
{
    // The last download ended (or the rest were paused): a batch held for the gap goes out after the quiet
    // period.
    if (hasPending() && !m_quietTimer.isActive())
        m_quietTimer.start(m_quietMs);
}

void NotificationBatcher::tryEmit()
{
    if (m_batch.isEmpty()) {
        m_quietTimer.stop();
        m_deadlineTimer.stop();
        return;
    }
    if (!m_queue->isIdle() && m_sinceLastBatch.isValid() && m_sinceLastBatch.elapsed() < m_minGapMs) {
        m_quietTimer.stop();
        m_deadlineTimer.start(int(m_minGapMs - m_sinceLastBatch.elapsed()));
        return;
    }
    m_quietTimer.stop();
    m_deadlineTimer.stop();
    m_sinceLastBatch.start();
    const NotificationBatch batch = std::exchange(m_batch, {});
    emit batchReady(batch);
}

} // namespace Gravity
