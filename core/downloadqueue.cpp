#include "downloadqueue.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>

#include <algorithm>

namespace Gravity {

DownloadQueue::DownloadQueue(const EngineConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_coalesceTimer.setSingleShot(true);
    m_coalesceTimer.setInterval(CoalesceIntervalMs);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &DownloadQueue::flushChanges);
}

DownloadQueue::~DownloadQueue()
{
    stopAll();
}

quint64 DownloadQueue::enqueue(DownloadRequest request)
{
    return restore(std::move(request), false, {});
}

quint64 DownloadQueue::restore(DownloadRequest request, bool paused, const QStringList &streamFiles)
{
    const quint64 id = m_nextId++;
    auto *task = new DownloadTask(id, std::move(request), m_config, this);
    task->adoptStreamFiles(streamFiles);
    if (paused)
        task->pause(); // Queued → Paused, before the queue listens: nothing to schedule yet
    connect(task, &DownloadTask::changed, this, &DownloadQueue::markChanged);
    connect(task, &DownloadTask::ended, this, &DownloadQueue::onTaskEnded);
    connect(task, &DownloadTask::infoDelivered, this, &DownloadQueue::taskInfoDelivered);
    // Queued: start() can hand a task back before enqueue() has even returned its id to the caller.
    connect(task, &DownloadTask::handedBack, this, &DownloadQueue::onTaskHandedBack, Qt::QueuedConnection);
    m_tasks.append(task);
    emit taskAdded(id);
    schedule();
    return id;
}

DownloadTask *DownloadQueue::find(quint64 id) const
{
    const auto it =
        std::find_if(m_tasks.cbegin(), m_tasks.cend(), [id](const DownloadTask *t) { return t->id() == id; });
    return it == m_tasks.cend() ? nullptr : *it;
}

const DownloadTask *DownloadQueue::task(quint64 id) const
{
    return find(id);
}

int DownloadQueue::indexOf(quint64 id) const
{
    for (qsizetype i = 0; i < m_tasks.size(); ++i) {
        if (m_tasks.at(i)->id() == id)
            return int(i);
    }
    return -1;
}

QList<quint64> DownloadQueue::ids() const
{
    QList<quint64> result;
    result.reserve(m_tasks.size());
    for (const DownloadTask *task : m_tasks)
        result.append(task->id());
    return result;
}

int DownloadQueue::activeCount() const
{
    return int(
        std::count_if(m_tasks.cbegin(), m_tasks.cend(), [](const DownloadTask *t) { return t->isActive(); }));
}

int DownloadQueue::pendingCount() const
{
    return int(std::count_if(m_tasks.cbegin(), m_tasks.cend(), [](const DownloadTask *t) {
        return t->isActive() || t->progress().state == DownloadState::Queued;
    }));
}

void DownloadQueue::cancel(quint64 id)
{
    if (DownloadTask *task = find(id))
        task->cancel();
}

void DownloadQueue::pause(quint64 id)
{
    if (DownloadTask *task = find(id))
        task->pause();
}

void DownloadQueue::resume(quint64 id)
{
    DownloadTask *task = find(id);
    if (task && task->progress().state == DownloadState::Paused) {
        task->requeue();
        schedule();
    }
}

void DownloadQueue::retry(quint64 id)
{
    DownloadTask *task = find(id);
    if (task && (task->progress().state == DownloadState::Failed ||
                 task->progress().state == DownloadState::Cancelled)) {
        task->requeue();
        schedule();
    }
}

void DownloadQueue::remove(quint64 id)
{
    DownloadTask *task = find(id);
    if (!task)
        return;
    emit taskAboutToBeRemoved(id);
    // Disconnect first: the task's last words (ended after the kill) must not reach a removed row.
    task->disconnect(this);
    task->kill();
    m_tasks.removeOne(task);
    m_changed.remove(id);
    task->deleteLater();
    emit taskRemoved(id);
    schedule();
}

void DownloadQueue::pauseAll()
{
    for (DownloadTask *task : std::as_const(m_tasks)) {
        if (task->isActive() || task->progress().state == DownloadState::Queued)
            task->pause();
    }
}

void DownloadQueue::resumeAll()
{
    for (DownloadTask *task : std::as_const(m_tasks)) {
        if (task->progress().state == DownloadState::Paused)
            task->requeue();
    }
    schedule();
}

void DownloadQueue::stopAll()
{
    // Quitting: no new starts, every tree killed, and we wait (bounded) for the processes to be reaped.
    emit aboutToStopAll();
    m_config.maxConcurrent = 0;
    const QList<DownloadTask *> tasks = m_tasks;
    for (DownloadTask *task : tasks) {
        if (task->isActive()) {
            task->disconnect(this);
            task->kill();
        }
    }
    // processEvents() returns at once when nothing is pending, so a ticking timer keeps the wait awake.
    const auto anyActive = [&tasks] {
        return std::any_of(tasks.cbegin(), tasks.cend(), [](const DownloadTask *t) { return t->isActive(); });
    };
    QTimer tick;
    tick.start(20);
    const QDeadlineTimer deadline(5000);
    while (anyActive() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::ExcludeUserInputEvents);
}

void DownloadQueue::setMaxConcurrent(int count)
{
    m_config.maxConcurrent = qMax(1, count);
    schedule();
}

void DownloadQueue::setConfig(const EngineConfig &config)
{
    m_config = config;
    for (DownloadTask *task : std::as_const(m_tasks))
        task->setConfig(config);
    schedule();
}

void DownloadQueue::markChanged(quint64 id)
{
    m_changed.insert(id);
    if (!m_coalesceTimer.isActive())
        m_coalesceTimer.start();
}

void DownloadQueue::flushChanges()
{
    if (m_changed.isEmpty())
        return;
    // In queue order, so a model can turn runs of rows into few dataChanged ranges.
    QList<quint64> changed;
    changed.reserve(m_changed.size());
    for (const DownloadTask *task : std::as_const(m_tasks)) {
        if (m_changed.contains(task->id()))
            changed.append(task->id());
    }
    m_changed.clear();
    if (!changed.isEmpty())
        emit tasksChanged(changed);
}

void DownloadQueue::onTaskEnded(quint64 id)
{
    const DownloadTask *task = find(id);
    if (task && isFinalState(task->progress().state))
        emit taskFinished(id);
    schedule();
}

void DownloadQueue::onTaskHandedBack(quint64 id)
{
    DownloadTask *task = find(id);
    if (!task)
        return;
    const DownloadRequest request = task->request();
    emit taskAboutToBeRemoved(id);
    task->disconnect(this);
    m_tasks.removeOne(task);
    m_changed.remove(id);
    task->deleteLater();
    emit taskRemoved(id);
    // Before the queue may turn idle: whoever parses the link takes it on now.
    emit taskHandedBack(id, request);
    schedule();
}

void DownloadQueue::schedule()
{
    // start() can end a task synchronously (yt-dlp missing), which calls back into schedule().
    if (m_scheduling)
        return;
    m_scheduling = true;
    int running = activeCount();
    for (DownloadTask *task : std::as_const(m_tasks)) {
        if (running >= m_config.maxConcurrent)
            break;
        if (task->progress().state == DownloadState::Queued) {
            task->start();
            if (task->isActive())
                ++running;
        }
    }
    m_scheduling = false;
    if (isIdle())
        emit idle();
}

} // namespace Gravity
