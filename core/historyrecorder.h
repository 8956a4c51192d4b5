#pragma once

#include <QObject>

namespace Gravity {

class DownloadQueue;
class HistoryStore;

// Writes every download that ends (completed, failed, cancelled) into the history, with the task's info
// JSON saved beside it for a quick re-download. The window and --headless each create one over their own
// queue; both write to the same store directory.
class HistoryRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryRecorder)

public:
    HistoryRecorder(DownloadQueue *queue, HistoryStore *store, QObject *parent = nullptr);

signals:
    void recorded(quint64 taskId, const QString &entryId);

private:
    void record(quint64 taskId);

    DownloadQueue *m_queue;
    HistoryStore *m_store;
};

} // namespace Gravity
