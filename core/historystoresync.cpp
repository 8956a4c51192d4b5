// HistoryStore's round trips with the disk: the jobs that load, merge and save on a worker thread, and how
// their outcome is laid into memory on the GUI thread. (historystore.cpp holds the local changes and
// queries.)

#include "historystore.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Gravity {

namespace {

// Past this many changes at once (a large merge, many local changes) the model is told to reset rather
// than receive thousands of single-row signals, and the order is rebuilt rather than patched.
constexpr qsizetype BulkThreshold = 256;

} // namespace

HistoryFile::SyncJob HistoryStore::makeJob(JobKind kind)
{
    HistoryFile::SyncJob job;
    job.directory = m_directory;
    job.knownFingerprint = m_knownFingerprint;
    job.snapshot = m_entries; // implicitly shared: the worker reads it while we go on
    job.snapshotOrder = m_order;
    for (const QString &id : std::as_const(m_dirty))
        job.upserts.insert(id, m_entries.value(id));
    job.removed = m_removed;
    switch (kind) {
    case JobKind::Load:
        job.forceReread = true;
        job.wantDiff = false;
        break;
    case JobKind::Refresh:
        break;
    case JobKind::Save:
        job.write = true;
        job.forceReread = m_recoveryNeeded;
        // What this write carries; changes made while it runs stay pending for the next one.
        m_jobDirty = std::exchange(m_dirty, {});
        m_jobRemoved = std::exchange(m_removed, {});
        break;
    }
    return job;
}

void HistoryStore::startJob(JobKind kind, bool inlineRun)
{
    const HistoryFile::SyncJob job = makeJob(kind);
    m_jobKind = kind;
    if (inlineRun) {
        finishJob(HistoryFile::sync(job));
        return;
    }
    m_future = QtConcurrent::run(&HistoryFile::sync, job);
    auto *watcher = new QFutureWatcher<HistoryFile::SyncOutcome>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_watcher != watcher)
            return; // flush() already waited for it and applied it
        m_watcher = nullptr;
        finishJob(m_future.takeResult());
        runNext();
    });
    watcher->setFuture(m_future);
}

void HistoryStore::waitForJob()
{
    if (!m_jobKind)
        return;
    delete m_watcher.data();
    m_future.waitForFinished();
    finishJob(m_future.takeResult());
}

void HistoryStore::runNext()
{
    if (m_jobKind)
        return; // called again when the running job finishes
    if (!m_loaded) {
        if (m_loadRequested)
            startJob(JobKind::Load, false);
        return;
    }
    if (std::exchange(m_saveRequested, false) && (hasPendingChanges() || m_recoveryNeeded)) {
        startJob(JobKind::Save, false);
        return;
    }
    if (std::exchange(m_refreshRequested, false))
        startJob(JobKind::Refresh, false);
}

void HistoryStore::flush()
{
    m_saveTimer.stop();
    m_retryTimer.stop();
    waitForJob();
    if (!hasPendingChanges() && !m_recoveryNeeded)
        return; // nothing to write: no need to read 100,000 entries on the way out
    if (!m_loaded)
        startJob(JobKind::Load, true);
    if (hasPendingChanges() || m_recoveryNeeded)
        startJob(JobKind::Save, true);
    m_saveTimer.stop();
    m_saveRequested = false;
}

void HistoryStore::watchDirectory()
{
    if (m_dirWatcher.directories().isEmpty() && QFileInfo(m_directory).isDir())
        m_dirWatcher.addPath(m_directory);
}

void HistoryStore::finishJob(HistoryFile::SyncOutcome outcome)
{
    const JobKind kind = *m_jobKind;
    m_jobKind.reset();
    const bool failed = outcome.failure != HistoryFile::Failure::None;
    if (kind == JobKind::Save) {
        const QSet<QString> jobDirty = std::exchange(m_jobDirty, {});
        const QSet<QString> jobRemoved = std::exchange(m_jobRemoved, {});
        if (failed) {
            // Back to pending, unless changed again meanwhile (a newer change wins).
            for (const QString &id : jobDirty) {
                if (!m_removed.contains(id) && m_entries.contains(id))
                    m_dirty.insert(id);
            }
            for (const QString &id : jobRemoved) {
                if (!m_entries.contains(id))
                    m_removed.insert(id);
            }
        }
    }
    if (!outcome.movedAside.isEmpty()) {
        m_movedAsidePath = outcome.movedAside;
        m_recoveredCount = outcome.recovered;
        m_recoveryNeeded = false;
    } else if (outcome.badLines > 0) {
        m_recoveryNeeded = true;
    }
    m_knownFingerprint = failed ? QString() : outcome.fingerprint;
    const QString message = failed ? failureMessage(outcome.failure, outcome.detail) : QString();
    const bool wrote = outcome.wrote;
    const HistoryFile::Failure failure = outcome.failure;

    if (outcome.reread)
        adopt(std::move(outcome), kind == JobKind::Load);
    if (!wrote && (m_recoveryNeeded || !m_movedAsidePath.isEmpty())) {
        // Recovered entries may now exist only in memory (their file is damaged or already moved aside):
        // all of them go into the next write.
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
            m_dirty.insert(it.key());
    }

    switch (kind) {
    case JobKind::Load:
        m_loaded = true;
        watchDirectory();
        if (failed)
            emit loadFailed(message);
        emit loaded();
        break;
    case JobKind::Refresh:
        break;
    case JobKind::Save:
        if (failed) {
            emit saveFailed(message);
            if (failure == HistoryFile::Failure::Lock)
                m_retryTimer.start();
            return; // retried on the next change, by the retry timer or by flush()
        }
        watchDirectory();
        emit saved();
        if (!m_movedAsidePath.isEmpty())
            emit recoveredFromCorruption(std::exchange(m_movedAsidePath, {}), m_recoveredCount);
        break;
    }
    if (m_recoveryNeeded && !failed)
        m_saveRequested = true; // not debounced: the damaged file goes aside now
    else if (hasPendingChanges())
        scheduleSave();
}

void HistoryStore::adopt(HistoryFile::SyncOutcome outcome, bool quiet)
{
    // What the disk holds, with our local changes that are not in it yet laid on top.
    HistoryFile::EntryMap entries = std::move(outcome.result);
    HistoryFile::Order order = std::move(outcome.order);
    const bool bulk = m_dirty.size() + m_removed.size() > BulkThreshold;
    for (const QString &id : std::as_const(m_removed)) {
        const auto it = entries.find(id);
        if (it == entries.end())
            continue;
        if (!bulk)
            HistoryFile::orderRemove(order, it->row.key, id);
        entries.erase(it);
    }
    for (const QString &id : std::as_const(m_dirty)) {
        const auto mine = m_entries.constFind(id);
        if (mine == m_entries.cend())
            continue;
        const auto it = entries.find(id);
        if (!bulk) {
            if (it != entries.end())
                HistoryFile::orderRemove(order, it->row.key, id);
            HistoryFile::orderInsert(order, mine->row);
        }
        entries.insert(id, *mine);
    }
    if (bulk) {
        // Many local changes (a recovery, a clear of everything): one pass and one sort instead of a shift
        // per id, reusing the rows we have so no search text is rebuilt here on the GUI thread.
        order.removeIf(
            [this](const HistoryRow &row) { return m_removed.contains(row.id) || m_dirty.contains(row.id); });
        for (const HistoryRow &row : std::as_const(m_order)) {
            if (m_dirty.contains(row.id))
                order.append(row);
        }
        std::sort(order.begin(), order.end(), [](const HistoryRow &a, const HistoryRow &b) {
            return historyOrderBefore(a.key, a.id, b.key, b.id);
        });
    }
    m_entries = std::move(entries);
    m_order = std::move(order);

    if (quiet) {
        emit reset();
        return;
    }
    const auto untouched = [this](const QStringList &ids) {
        QStringList result;
        for (const QString &id : ids) {
            if (!m_dirty.contains(id) && !m_removed.contains(id))
                result.append(id);
        }
        return result;
    };
    const QStringList added = untouched(outcome.added);
    const QStringList removed = untouched(outcome.removed);
    const QStringList changed = untouched(outcome.changed);
    if (added.size() + removed.size() + changed.size() > BulkThreshold) {
        emit reset();
        return;
    }
    if (!removed.isEmpty())
        emit entriesRemoved(removed);
    for (const QString &id : added)
        emit entryAdded(id);
    for (const QString &id : changed)
        emit entryChanged(id);
}

QString HistoryStore::failureMessage(HistoryFile::Failure failure, const QString &detail) const
{
    switch (failure) {
    case HistoryFile::Failure::Directory:
        return tr("Could not create the folder for the download history (%1).").arg(detail);
    case HistoryFile::Failure::Lock:
        return tr("The download history is in use by another Gravity; it will be saved again shortly.");
    case HistoryFile::Failure::Unreadable:
        return tr("The download history %1 cannot be read (%2), so it was left as it is.")
            .arg(filePath(), detail);
    case HistoryFile::Failure::MoveAside:
        return tr("The damaged download history %1 could not be moved aside, so it was left as it is.")
            .arg(filePath());
    case HistoryFile::Failure::Write:
        return tr("Could not save the download history to %1: %2").arg(filePath(), detail);
    case HistoryFile::Failure::None:
        break;
    }
    return {};
}

} // namespace Gravity
