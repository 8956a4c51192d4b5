#pragma once

#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Gravity {

class DownloadQueue;

// Keeps the window's unfinished downloads across a quit, a crash or a SIGKILL: queue.jsonl under a directory
// (AppDataLocation by default) lists every download that is queued, running or paused, one JSON object a
// line, rewritten atomically (QSaveFile) shortly after anything that matters changes. restore() puts them
// back in the queue: those the user had paused stay paused, the others start again and yt-dlp continues
// their .part files. The probe's info JSON (hundreds of KB) is kept beside it in queue/<key>.json, written
// once per download, so a restart within the engine's TTL skips the page extraction.
//
// Only one process journals a directory (a QLockFile; a stale one left by a crash is taken over): a second
// window, if the single-instance hand-over ever fails, keeps its queue in memory rather than overwrite.
// --headless does not journal: a script re-runs what it needs.
class QueueJournal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueJournal)

public:
    static constexpr int SaveDelayMs = 200;

    QueueJournal(DownloadQueue *queue, const QString &directory, QObject *parent = nullptr);
    ~QueueJournal() override; // flush()es

    [[nodiscard]] static QString defaultDirectory(); // QStandardPaths::AppDataLocation
    [[nodiscard]] QString filePath() const;
    // The journal's file under directory: whether it holds anything decides, at start-up, if the journal must
    // be read before the first paint.
    [[nodiscard]] static QString filePathIn(const QString &directory);
    [[nodiscard]] bool isActive() const { return m_lock != nullptr; } // false: another process journals here

    // Reads the journal and queues what it lists, in order. Call once, before anything else is queued.
    // Lines that cannot be read are skipped; if there were any, the file is moved aside first and
    // recoveredFromCorruption() says so. Returns how many downloads came back.
    int restore();
    // Writes now what is pending (quitting; tests).
    void flush();

signals:
    void recoveredFromCorruption(const QString &movedAsidePath, int recoveredCount);
    void saveFailed(const QString &message);

private:
    struct Tracked
    {
        QString key;       // stable across restarts; names the info JSON file
        QString signature; // what the journal line says, to skip rewrites when nothing it holds changed
    };

    void track(quint64 id, const QString &key);
    void onTaskAdded(quint64 id);
    void onTaskRemoved(quint64 id);
    void onTasksChanged(const QList<quint64> &ids);
    void onTaskFinished(quint64 id);
    void forget(quint64 id);
    void scheduleSave();
    void save();
    [[nodiscard]] QString infoPath(const QString &key) const;

    DownloadQueue *m_queue;
    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
    QHash<quint64, Tracked> m_tracked;
    bool m_restoring = false;
    bool m_stopped = false; // the queue stopped everything for quitting: the journal is final
    QTimer m_saveTimer;
};

} // namespace Gravity
