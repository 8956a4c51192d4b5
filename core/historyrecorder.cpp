#include "historyrecorder.h"

#include "downloadqueue.h"
#include "historyentry.h"
#include "historystore.h"

namespace Gravity {

HistoryRecorder::HistoryRecorder(DownloadQueue *queue, HistoryStore *store, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_store(store)
{
    connect(queue, &DownloadQueue::taskFinished, this, &HistoryRecorder::record);
}

void HistoryRecorder::record(quint64 taskId)
{
    const DownloadTask *task = m_queue->task(taskId);
    if (!task || !isFinalState(task->progress().state))
        return;
    const HistoryEntry entry = historyEntryFor(*task);
    if (!m_store->add(entry))
        return;
    const DownloadRequest &request = task->request();
    // Saved even when stale: the entry still shows what was fetched, and a re-download checks the age.
    if (!request.infoJson.isEmpty())
        m_store->saveInfoJson(entry.id, request.infoJson, request.infoFetchedAt);
    emit recorded(taskId, entry.id);
}

} // namespace Gravity
