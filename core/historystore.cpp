#include "historystore.h"

#include "historyexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QStandardPaths>

#include <limits>

namespace Gravity {

namespace {

constexpr int LockRetryMs = 2000;

} // namespace

HistoryStore::HistoryStore(QObject *parent)
    : HistoryStore(defaultDirectory(), parent)
{}

HistoryStore::HistoryStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        m_saveRequested = true;
        runNext();
    });
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(LockRetryMs);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_saveRequested = true;
        runNext();
    });
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        m_refreshRequested = true;
        runNext();
    });
    // The directory, not the file: writers replace the file by renaming, which a watch on the file loses.
    connect(&m_dirWatcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_refreshTimer.start(); });
}

HistoryStore::~HistoryStore()
{
    flush();
}

QString HistoryStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString HistoryStore::filePath() const
{
    return QDir(m_directory).filePath(HistoryFile::FileName);
}

void HistoryStore::loadAsync()
{
    m_loadRequested = true;
    runNext();
}

void HistoryStore::setSaveDelay(int ms)
{
    m_saveTimer.setInterval(qMax(0, ms));
}

bool HistoryStore::hasPendingChanges() const
{
    return !m_dirty.isEmpty() || !m_removed.isEmpty() || !m_jobDirty.isEmpty() || !m_jobRemoved.isEmpty();
}

// --- Local changes -------------------------------------------------------------------------------------

bool HistoryStore::takeEntry(const QString &id)
{
    const qsizetype slot = m_table.slotOf(id);
    if (slot < 0)
        return false;
    HistoryFile::orderRemove(m_order, m_table, slot);
    m_table.remove(id);
    m_dirty.remove(id);
    m_removed.insert(id);
    return true;
}

void HistoryStore::markDirty(const QString &id)
{
    m_removed.remove(id);
    m_dirty.insert(id);
}

bool HistoryStore::canAppend() const
{
    return !m_loaded && !m_loadRequested && m_removed.isEmpty() && m_jobRemoved.isEmpty();
}

void HistoryStore::scheduleSave()
{
    if (!m_loaded && !canAppend()) {
        // Written once the file has been read and merged (which a change before loadAsync() also starts).
        loadAsync();
        return;
    }
    // Not restarted by each change: a steady trickle still saves twice a second, a burst is one write.
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

bool HistoryStore::add(const HistoryEntry &entry)
{
    if (!isValidHistoryId(entry.id))
        return false;
    if (m_table.contains(entry.id))
        return update(entry);
    const qsizetype slot = m_table.insert(HistoryFile::recordFor(entry));
    HistoryFile::orderInsert(m_order, m_table, slot);
    markDirty(entry.id);
    emit entryAdded(entry.id);
    scheduleSave();
    return true;
}

bool HistoryStore::update(const HistoryEntry &entry)
{
    const qsizetype slot = m_table.slotOf(entry.id);
    if (slot < 0)
        return false;
    // The row too: its search text, state or place in time may have changed.
    HistoryFile::orderRemove(m_order, m_table, slot);
    m_table.insert(HistoryFile::recordFor(entry)); // in its slot
    HistoryFile::orderInsert(m_order, m_table, slot);
    markDirty(entry.id);
    emit entryChanged(entry.id);
    scheduleSave();
    return true;
}

void HistoryStore::remove(const QString &id)
{
    removeMany({id});
}

void HistoryStore::removeMany(const QStringList &ids)
{
    if (!m_loaded) {
        // An entry the load has not delivered yet: its removal waits and applies to what the load reads.
        for (const QString &id : ids) {
            if (isValidHistoryId(id) && !m_table.contains(id))
                m_removed.insert(id);
        }
    }
    QStringList removed;
    if (ids.size() <= 8) {
        for (const QString &id : ids) {
            if (takeEntry(id))
                removed.append(id);
        }
    } else {
        // One pass over the order instead of a binary search and a shift per id, each block rewritten once.
        for (const QString &id : ids) {
            if (m_table.contains(id) && !m_removed.contains(id)) {
                removed.append(id);
                m_dirty.remove(id);
                m_removed.insert(id);
            }
        }
        m_table.apply(removed, {});
        m_order.removeIf([this](quint32 slot) { return !m_table.isUsed(slot); });
    }
    if (removed.isEmpty())
        return;
    emit entriesRemoved(removed);
    scheduleSave();
}

void HistoryStore::clear()
{
    if (m_table.isEmpty())
        return;
    // Only what this store knows of: an entry another process adds at this moment was never seen, so the
    // user did not ask for it to go.
    for (const QString &id : m_table.ids())
        m_removed.insert(id);
    m_dirty.clear();
    m_table = {};
    m_order.clear();
    emit reset();
    scheduleSave();
}

int HistoryStore::pruneOlderThan(int days)
{
    if (days <= 0)
        return 0;
    const qint64 cutoff = QDateTime::currentDateTimeUtc().addDays(-days).toMSecsSinceEpoch();
    QStringList old;
    // Newest first: the old ones are at the end. Entries without a finish time have no age and stay.
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) {
        const qint64 key = m_table.keyAt(*it);
        if (key == std::numeric_limits<qint64>::min())
            continue;
        if (key >= cutoff)
            break;
        old.append(m_table.idAt(*it));
    }
    removeMany(old);
    return int(old.size());
}

namespace {

// QFile::moveToTrash(), guarded against Qt 6.4 on Linux: when ~/.local/share does not exist yet it reports
// success having "trashed" the file into files/ and info/ under the current directory. Making the data
// folder first lets Qt create a real trash; a relative result is cleaned up and counts as deleted.
std::optional<HistoryStore::FileRemoval> moveToTrash(const QString &path)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
#endif
    QString pathInTrash;
    if (!QFile::moveToTrash(path, &pathInTrash))
        return std::nullopt;
    if (pathInTrash.isEmpty() || QFileInfo(pathInTrash).isAbsolute())
        return HistoryStore::FileRemoval::Trashed;
    const QFileInfo stray(pathInTrash);
    QFile::remove(stray.absoluteFilePath());
    QFile::remove(stray.absoluteDir().absoluteFilePath(QStringLiteral("../info/") + stray.fileName() +
                                                       QStringLiteral(".trashinfo")));
    return HistoryStore::FileRemoval::Deleted;
}

} // namespace

HistoryStore::FileRemoval HistoryStore::removeWithFile(const QString &id, QString *error)
{
    const std::optional<HistoryEntry> found = find(id);
    if (!found) {
        if (error)
            *error = tr("This download is no longer in the history.");
        return FileRemoval::Failed;
    }
    const QString path = found->filePath;
    const QFileInfo info(path);
    FileRemoval result = FileRemoval::AlreadyGone;
    if (!path.isEmpty() && info.exists()) {
        if (!info.isFile()) {
            // A folder is never what a download produced: refuse rather than delete a tree.
            if (error)
                *error = tr("%1 is not a file.").arg(path);
            return FileRemoval::Failed;
        }
        QFile file(path);
        if (const std::optional<FileRemoval> trashed = moveToTrash(path)) {
            result = *trashed;
        } else if (file.remove()) {
            result = FileRemoval::Deleted;
        } else {
            if (error)
                *error = tr("Could not delete %1: %2").arg(path, file.errorString());
            return FileRemoval::Failed;
        }
    }
    remove(id);
    return result;
}

// --- Queries -------------------------------------------------------------------------------------------

QList<HistoryEntry> HistoryStore::entries() const
{
    return HistoryFile::entriesOf(snapshot());
}

QStringList HistoryStore::ids() const
{
    QStringList result;
    result.reserve(m_order.size());
    for (const quint32 slot : m_order)
        result.append(m_table.idAt(slot));
    return result;
}

std::optional<HistoryEntry> HistoryStore::find(const QString &id) const
{
    const qsizetype slot = m_table.slotOf(id);
    return slot < 0 ? std::nullopt : HistoryFile::entryOf(m_table, slot);
}

int HistoryStore::indexOf(const QString &id) const
{
    const qsizetype slot = m_table.slotOf(id);
    if (slot < 0)
        return -1;
    const qsizetype position = HistoryFile::orderPosition(m_order, m_table, slot);
    return position < m_order.size() && m_order.at(position) == quint32(slot) ? int(position) : -1;
}

// --- Saved info and export -------------------------------------------------------------------------------

QString HistoryStore::infoJsonPath(const QString &id) const
{
    return isValidHistoryId(id) ? HistoryFile::infoPath(m_directory, id) : QString();
}

bool HistoryStore::saveInfoJson(const QString &id, const QByteArray &json, const QDateTime &fetchedAt)
{
    if (!isValidHistoryId(id) || json.isEmpty())
        return false;
    if (!QDir().mkpath(QDir(m_directory).filePath(HistoryFile::InfoDirName)))
        return false;
    QSaveFile file(infoJsonPath(id));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return false;
    std::optional<HistoryEntry> entry = find(id);
    const QDateTime fetched = fetchedAt.toUTC();
    if (entry && entry->infoFetchedAt != fetched) {
        entry->infoFetchedAt = fetched;
        update(*entry);
    }
    return true;
}

std::optional<SavedInfo> HistoryStore::infoJson(const QString &id) const
{
    const QString path = infoJsonPath(id);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    SavedInfo info;
    info.json = file.readAll();
    const std::optional<HistoryEntry> found = find(id);
    info.fetchedAt = found && found->infoFetchedAt.isValid() ? found->infoFetchedAt
                                                             : QFileInfo(file).lastModified().toUTC();
    return info;
}

bool HistoryStore::exportJson(const QString &path, QString *error) const
{
    return writeHistoryExport(path, historyToJson(entries()), error);
}

bool HistoryStore::exportCsv(const QString &path, QString *error) const
{
    return writeHistoryExport(path, historyToCsv(entries()), error);
}

} // namespace Gravity
