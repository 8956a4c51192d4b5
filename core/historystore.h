#pragma once

#include "historyentry.h"
#include "historyfile.h"

#include <QFileSystemWatcher>
#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

template<typename T> class QFutureWatcher;

namespace Gravity {

// Every download that ended, kept in history.jsonl under a directory (AppDataLocation by default); see
// historyfile.h for the format and why. The window and --headless each own one over the same directory:
//  - reading and parsing run on a worker (QtConcurrent); the window shows before the history is read, and
//    changes made before the load completes are kept and merged into what it reads;
//  - changes are saved debounced (SaveDelayMs), atomically (QSaveFile), under a QLockFile, as "what is on
//    disk now, minus our removals, plus our additions", so two processes never lose each other's entries;
//    a store that was never asked to read the file (--headless) appends its additions instead;
//  - the store watches the directory and merges what another process wrote (entryAdded/… or reset()).
// A damaged file is moved aside (history.jsonl.corrupt-YYYYMMDD-HHMMSS), what could be read is kept and
// rewritten, and recoveredFromCorruption() says so once. A write that fails keeps everything in memory and
// is retried on the next change (and by flush()).
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    static constexpr int SaveDelayMs = 500;
    // Another process's write is merged this long after the directory changed (a burst is one merge).
    static constexpr int RefreshDelayMs = 250;

    enum class FileRemoval
    {
        Trashed,     // moved to the desktop's trash
        Deleted,     // no trash available: deleted
        AlreadyGone, // there was no file (moved or deleted by the user)
        Failed       // the file is still there; the entry stays too
    };

    explicit HistoryStore(QObject *parent = nullptr); // defaultDirectory()
    explicit HistoryStore(const QString &directory, QObject *parent = nullptr);
    ~HistoryStore() override; // flush()es

    [[nodiscard]] static QString defaultDirectory(); // QStandardPaths::AppDataLocation
    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QString filePath() const;

    // Reads on a worker thread; loaded() (after reset()) when done. Calling it again does nothing; a change
    // made before it is called starts it too (the change is written once the file has been merged).
    void loadAsync();
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

    // An entry with an id the store already has replaces it (as update()). Invalid ids are refused.
    bool add(const HistoryEntry &entry);
    bool update(const HistoryEntry &entry); // false when there is no such entry
    void remove(const QString &id);
    void removeMany(const QStringList &ids);
    void clear(); // every entry this store knows of, with its saved info; reset()
    // Removes entries that finished more than `days` days ago (0 or less: nothing, "keep forever"). Only
    // history entries and their saved info go: downloaded files are never touched. Returns how many.
    int pruneOlderThan(int days);
    // "Remove entry and file": the downloaded file goes to the trash when there is one, else is deleted;
    // the entry is removed unless the file could not be. What happened is returned.
    FileRemoval removeWithFile(const QString &id, QString *error = nullptr);

    [[nodiscard]] int count() const { return int(m_order.size()); }
    // Entries are held compactly (historytable.h): these decompress and parse, a few microseconds per entry.
    // For all of 100,000, parse a snapshot() on a worker (HistoryFile::entriesOf()).
    [[nodiscard]] QList<HistoryEntry> entries() const; // newest first
    [[nodiscard]] HistoryFile::Snapshot snapshot() const { return {m_table, m_order}; }
    [[nodiscard]] QStringList ids() const; // newest first
    [[nodiscard]] std::optional<HistoryEntry> find(const QString &id) const;
    [[nodiscard]] std::optional<HistoryEntry> entry(const QString &id) const { return find(id); }
    [[nodiscard]] bool contains(const QString &id) const { return m_table.contains(id); }
    [[nodiscard]] int indexOf(const QString &id) const; // row newest first, -1 when absent; O(log n)
    // What the list shows, searches and sorts by, without parsing: the entries' slots, newest first, and the
    // table they are slots of. A slot keeps its entry until reset(): an entry changed or removed is reported
    // (entryChanged, entriesRemoved) right after the table changed, before anything else changes. The
    // order is implicitly shared: a model's copy after reset() costs nothing.
    [[nodiscard]] const HistoryFile::Order &order() const { return m_order; }
    [[nodiscard]] const HistoryTable &table() const { return m_table; }

    // yt-dlp's info JSON (hundreds of KB) lives in info/<id>.json beside the history, never in it; it is
    // removed with its entry. fetchedAt is kept on the entry, for the TTL check of a re-download.
    bool saveInfoJson(const QString &id, const QByteArray &json, const QDateTime &fetchedAt);
    [[nodiscard]] std::optional<SavedInfo> infoJson(const QString &id) const;
    [[nodiscard]] QString infoJsonPath(const QString &id) const;

    // Synchronous, on the calling thread; fine for a few thousand entries. For more, run historyToJson()/
    // historyToCsv() (historyexport.h) on entries() from a worker.
    bool exportJson(const QString &path, QString *error = nullptr) const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    // Waits for a running read or write, then writes what is pending, now. For quitting.
    void flush();
    void setSaveDelay(int ms);
    [[nodiscard]] bool hasPendingChanges() const;

signals:
    void loaded();
    void reset(); // everything may have changed: after the load, a large merge, clear()
    void entryAdded(const QString &id);
    void entryChanged(const QString &id);
    void entriesRemoved(const QStringList &ids);
    void saved();
    void saveFailed(const QString &message);
    // The file exists but cannot be read: the store starts empty and never writes over it.
    void loadFailed(const QString &message);
    void recoveredFromCorruption(const QString &movedAsidePath, int recoveredCount);

private:
    enum class JobKind
    {
        Load,
        Refresh,
        Save
    };

    bool takeEntry(const QString &id); // from memory, marking it removed; false when absent
    // Another process's removals, additions and changes laid into the table, each reported as it happens.
    void applyTheirs(const HistoryTable &theirs, const QStringList &removed, const QStringList &added,
                     const QStringList &changed);
    void markDirty(const QString &id);
    // Nobody asked for the file to be read and there is nothing to remove: the changes can be appended to
    // it (HistoryFile::SyncJob::appendOnly) without reading it. How --headless records its downloads.
    [[nodiscard]] bool canAppend() const;
    void scheduleSave();
    void startJob(JobKind kind, bool inlineRun);
    [[nodiscard]] HistoryFile::SyncJob makeJob(JobKind kind);
    void finishJob(HistoryFile::SyncOutcome outcome);
    void adopt(HistoryFile::SyncOutcome outcome, bool quiet);
    void waitForJob();
    void runNext();
    void watchDirectory();
    [[nodiscard]] QString failureMessage(HistoryFile::Failure failure, const QString &detail) const;

    QString m_directory;
    HistoryTable m_table;
    HistoryFile::Order m_order;

    // Local changes not yet on disk. An id is in at most one of the two.
    QSet<QString> m_dirty;
    QSet<QString> m_removed;
    // The pending changes the running save carries, restored if it fails.
    QSet<QString> m_jobDirty;
    QSet<QString> m_jobRemoved;

    QString m_knownFingerprint; // what we last read or wrote; empty: unknown
    bool m_loaded = false;
    bool m_loadRequested = false;
    bool m_saveRequested = false;
    bool m_refreshRequested = false;
    bool m_recoveryNeeded = false; // the file has lines we could not read: move it aside on the next write
    QString m_movedAsidePath;      // reported once the recovered entries are written
    int m_recoveredCount = 0;

    std::optional<JobKind> m_jobKind; // a job is running
    QFuture<HistoryFile::SyncOutcome> m_future;
    QPointer<QFutureWatcher<HistoryFile::SyncOutcome>> m_watcher;

    QTimer m_saveTimer;
    QTimer m_retryTimer;
    QTimer m_refreshTimer;
    QFileSystemWatcher m_dirWatcher;
};

} // namespace Gravity
