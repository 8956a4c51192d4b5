// HistoryStore's round trips with the disk: the jobs that load, merge and save on a worker thread, and how
// their outcome is laid into memory on the GUI thread. (historystore.cpp holds the local changes and
// queries.)

#include "historystore.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Gravity {

namespace {

// Past this many changes at once (a large merge, many local changes) the model is told to reset rather
// than receive thousands of single-row signals, and the order is rebuilt rather than patched.
constexpr qsizetype BulkThreshold = 256;

// A read or a write passes the whole history through a worker's malloc arena (the file, the parse, the
// decompressed blocks) and frees it again; glibc keeps what it freed mapped. Handing it back is what keeps a
// 10,000-entry history at its table's size rather than its load's: about 0.35 MiB of resident memory.
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace

HistoryFile::SyncJob HistoryStore::makeJob(JobKind kind)
{
    HistoryFile::SyncJob job;
    job.directory = m_directory;
    job.knownFingerprint = m_knownFingerprint;
    job.snapshot = m_table; // implicitly shared: the worker reads it while we go on
    job.snapshotOrder = m_order;
    job.upserts = m_dirty;
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
        job.appendOnly = !m_loaded; // scheduleSave() loads first when an append cannot carry the changes
        Q_ASSERT(!job.appendOnly || canAppend());
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
        else if (std::exchange(m_saveRequested, false) && hasPendingChanges())
            startJob(JobKind::Save, false); // appended: nothing here needs the file read
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
    if (canAppend()) {
        startJob(JobKind::Save, true);
        if (!m_loadRequested) { // appended, or failed and reported; refused asks for the load
            m_saveRequested = false;
            return;
        }
    }
    if (!m_loaded)
        startJob(JobKind::Load, true);
    if (hasPendingChanges() || m_recoveryNeeded)
        startJob(JobKind::Save, true);
    m_saveTimer.stop();
    m_saveRequested = false;
}

void HistoryStore::watchDirectory()
{
    // Only a store that holds the history follows what others write. One that only appends (--headless)
    // does not: closing an inotify descriptor that ever had a watch waits for the kernel's grace period,
    // which made a finished download's exit 15-20 ms slower about half the time.
    if (!m_loaded)
        return;
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
        if (failed || outcome.appendRefused) {
            // Back to pending, unless changed again meanwhile (a newer change wins).
            for (const QString &id : jobDirty) {
                if (!m_removed.contains(id) && m_table.contains(id))
                    m_dirty.insert(id);
            }
            for (const QString &id : jobRemoved) {
                if (!m_table.contains(id))
                    m_removed.insert(id);
            }
        }
    }
    if (outcome.appendRefused) {
        // No file yet, or one that does not end with a whole line: read it (and recover it) first, then
        // write. Whoever called this runs the load next.
        m_loadRequested = true;
        return;
    }
    if (!outcome.movedAside.isEmpty()) {
        m_movedAsidePath = outcome.movedAside;
        m_recoveredCount = outcome.recovered;
        m_recoveryNeeded = false;
    } else if (outcome.badLines > 0) {
        m_recoveryNeeded = true;
    } else if (outcome.reread) {
        // Read whole and clean: another process rewrote it since we saw the damage. Without this the store
        // rewrote a sound file in a busy loop (thousands of times a second).
        m_recoveryNeeded = false;
    }
    m_knownFingerprint = failed ? QString() : outcome.fingerprint;
    const QString message = failed ? failureMessage(outcome.failure, outcome.detail) : QString();
    const bool wrote = outcome.wrote;
    const bool reread = outcome.reread;
    const HistoryFile::Failure failure = outcome.failure;

    if (outcome.reread)
        adopt(std::move(outcome), kind == JobKind::Load);
    if (reread || wrote)
        releaseFreedMemory();
    if (!wrote && (m_recoveryNeeded || !m_movedAsidePath.isEmpty())) {
        // Recovered entries may now exist only in memory (their file is damaged or already moved aside):
        // all of them go into the next write.
        for (const QString &id : m_table.ids())
            m_dirty.insert(id);
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
    if (!quiet) {
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
        if (added.size() + removed.size() + changed.size() <= BulkThreshold) {
            // Our table is what the job saw plus our changes since: theirs go into it, the rest stays.
            applyTheirs(outcome.result, removed, added, changed);
            return;
        }
    }

    // What the disk holds, with our local changes that are not in it yet laid on top: a new table, so a
    // reset.
    HistoryTable table = std::move(outcome.result);
    HistoryFile::Order order = std::move(outcome.order);
    const bool bulk = m_dirty.size() + m_removed.size() > BulkThreshold;
    QStringList removals;
    for (const QString &id : std::as_const(m_removed)) {
        if (const qsizetype slot = table.slotOf(id); slot >= 0) {
            if (!bulk)
                HistoryFile::orderRemove(order, table, slot);
            removals.append(id);
        }
    }
    // Ours, taken in our table's order so each block is decompressed once.
    QList<qsizetype> mine;
    for (const QString &id : std::as_const(m_dirty)) {
        if (const qsizetype slot = m_table.slotOf(id); slot >= 0) {
            mine.append(slot);
            if (const qsizetype theirs = table.slotOf(id); theirs >= 0 && !bulk)
                HistoryFile::orderRemove(order, table, theirs);
        }
    }
    std::sort(mine.begin(), mine.end());
    QList<HistoryFile::Record> records;
    records.reserve(mine.size());
    for (const qsizetype slot : std::as_const(mine))
        records.append(m_table.recordAt(slot));
    table.apply(removals, records);
    if (bulk) {
        // Many local changes (a recovery, a clear of everything): one sort instead of a shift per id.
        order = HistoryFile::buildOrder(table);
    } else {
        for (const HistoryFile::Record &record : std::as_const(records))
            HistoryFile::orderInsert(order, table, table.slotOf(record.row.id));
    }
    m_table = std::move(table);
    m_order = std::move(order);
    emit reset();
}

void HistoryStore::applyTheirs(const HistoryTable &theirs, const QStringList &removed,
                               const QStringList &added, const QStringList &changed)
{
    // Each change is reported before the next one is made, so a model that follows the signals reads a
    // table that matches what it has been told (HistoryStore::order()).
    QStringList gone;
    for (const QString &id : removed) {
        if (const qsizetype slot = m_table.slotOf(id); slot >= 0) {
            HistoryFile::orderRemove(m_order, m_table, slot);
            gone.append(id);
        }
    }
    m_table.apply(gone, {});
    if (!gone.isEmpty())
        emit entriesRemoved(gone);

    // New entries, and changes that leave an entry where it is in time, can go in together (each block
    // rewritten once): no row the model has moves.
    QList<HistoryFile::Record> together;
    QList<HistoryFile::Record> moving;
    const auto take = [&](const QStringList &ids) {
        for (const QString &id : ids) {
            const qsizetype slot = theirs.slotOf(id);
            if (slot < 0)
                continue;
            const qsizetype current = m_table.slotOf(id);
            if (current < 0 || m_table.keyAt(current) == theirs.keyAt(slot))
                together.append(theirs.recordAt(slot));
            else
                moving.append(theirs.recordAt(slot));
        }
    };
    take(added);
    take(changed);
    QList<bool> existed;
    existed.reserve(together.size());
    for (const HistoryFile::Record &record : std::as_const(together))
        existed.append(m_table.contains(record.row.id));
    m_table.apply({}, together);
    for (qsizetype i = 0; i < together.size(); ++i) {
        if (!existed.at(i))
            HistoryFile::orderInsert(m_order, m_table, m_table.slotOf(together.at(i).row.id));
    }
    for (qsizetype i = 0; i < together.size(); ++i) {
        if (existed.at(i))
            emit entryChanged(together.at(i).row.id);
        else
            emit entryAdded(together.at(i).row.id);
    }
    for (const HistoryFile::Record &record : std::as_const(moving)) {
        const qsizetype slot = m_table.slotOf(record.row.id);
        HistoryFile::orderRemove(m_order, m_table, slot);
        m_table.insert(record);
        HistoryFile::orderInsert(m_order, m_table, slot);
        emit entryChanged(record.row.id);
    }
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
