#include "historymodel.h"

#include "displaytext.h"
#include "historyfile.h"
#include "historystore.h"

#include <QFileInfo>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Gravity {

namespace {

// A view shows a few dozen rows; a batch this size covers a fast scroll and still returns quickly.
constexpr qsizetype FileCheckBatch = 256;
// Beyond this the cache is simply dropped: the rows on screen are checked again, which is cheap.
constexpr qsizetype FileCheckCacheLimit = 4096;

} // namespace

HistoryModel::HistoryModel(HistoryStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_clock.start();
    m_fileCheckTimer.setSingleShot(true);
    m_fileCheckTimer.setInterval(0);
    connect(&m_fileCheckTimer, &QTimer::timeout, this, &HistoryModel::startFileChecks);
    connect(&m_fileCheckWatcher, &QFutureWatcherBase::finished, this, &HistoryModel::onFileChecksDone);

    // Any change may be to the entry parsed last.
    const auto forget = [this] {
        m_parsed.reset();
        m_parsedSlot = -1;
    };
    connect(store, &HistoryStore::reset, this, forget);
    connect(store, &HistoryStore::entryAdded, this, forget);
    connect(store, &HistoryStore::entryChanged, this, forget);
    connect(store, &HistoryStore::entriesRemoved, this, forget);
    connect(store, &HistoryStore::reset, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    connect(store, &HistoryStore::entryAdded, this, &HistoryModel::onEntryAdded);
    connect(store, &HistoryStore::entryChanged, this, &HistoryModel::onEntryChanged);
    connect(store, &HistoryStore::entriesRemoved, this, &HistoryModel::onEntriesRemoved);
    rebuild();
}

HistoryModel::~HistoryModel()
{
    // The batch holds only copies of paths; waiting keeps its result from outliving the watcher's owner.
    m_fileCheckWatcher.waitForFinished();
}

const HistoryTable &HistoryModel::table() const
{
    return m_store->table();
}

void HistoryModel::rebuild()
{
    // The store sorted its order on its worker; this copy is shared, not made.
    m_rows = m_store->order();
    // File checks stay: they are keyed by id, expire on their own, and a reset after the load or a merge
    // rarely changes where an entry's file is.
}

void HistoryModel::onEntryAdded(const QString &id)
{
    const HistoryTable &entries = table();
    const qsizetype slot = entries.slotOf(id);
    if (slot < 0)
        return;
    // Our own rows, not the store's order: in a merge the store may hold entries we have not been told
    // about yet.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), slot,
                                     [&entries](quint32 row, qsizetype s) { return entries.before(row, s); });
    if (it != m_rows.cend() && *it == quint32(slot))
        return;
    const int position = int(it - m_rows.cbegin());
    beginInsertRows({}, position, position);
    m_rows.insert(position, quint32(slot));
    endInsertRows();
}

void HistoryModel::onEntryChanged(const QString &id)
{
    const HistoryTable &entries = table();
    const qsizetype slot = entries.slotOf(id);
    const int row = slot < 0 ? -1 : int(m_rows.indexOf(quint32(slot)));
    if (row < 0)
        return;
    m_fileChecks.remove(id);
    // The slot already holds the new entry: whether it still sits between its neighbours says whether its
    // place in time changed.
    const bool inPlace = (row == 0 || entries.before(m_rows.at(row - 1), slot)) &&
                         (row + 1 == m_rows.size() || entries.before(slot, m_rows.at(row + 1)));
    if (!inPlace) {
        // Out and in again, where it now belongs.
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        onEntryAdded(id);
        return;
    }
    emit dataChanged(index(row), index(row));
}

void HistoryModel::onEntriesRemoved(const QStringList &ids)
{
    // The store has emptied their slots: those rows go. From the end, in runs of neighbouring rows: one
    // rowsRemoved per run, rows above unaffected.
    const HistoryTable &entries = table();
    const auto gone = [&entries](quint32 slot) {
        return !entries.isUsed(slot);
    };
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (!gone(m_rows.at(row))) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && gone(m_rows.at(row - 1)))
            --row;
        beginRemoveRows({}, row, last);
        m_rows.remove(row, last - row + 1);
        endRemoveRows();
        --row;
    }
    for (const QString &id : ids)
        m_fileChecks.remove(id);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString HistoryModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? table().idAt(m_rows.at(row)) : QString();
}

std::optional<HistoryEntry> HistoryModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? HistoryFile::entryOf(table(), m_rows.at(row)) : std::nullopt;
}

const HistoryEntry *HistoryModel::parsedEntry(quint32 slot) const
{
    if (m_parsedSlot != qsizetype(slot)) {
        m_parsed = HistoryFile::entryOf(table(), slot);
        m_parsedSlot = slot;
    }
    return m_parsed ? &*m_parsed : nullptr;
}

int HistoryModel::rowOf(const QString &id) const
{
    const qsizetype slot = table().slotOf(id);
    return slot < 0 ? -1 : int(m_rows.indexOf(quint32(slot)));
}

QByteArrayView HistoryModel::searchTextAt(int row) const
{
    return table().searchTextAt(m_rows.at(row));
}

DownloadState HistoryModel::stateAt(int row) const
{
    return table().stateAt(m_rows.at(row));
}

Platform HistoryModel::platformAt(int row) const
{
    return table().platformAt(m_rows.at(row));
}

// --- File checks ---------------------------------------------------------------------------------------

bool HistoryModel::isFileMissing(const HistoryEntry &entry) const
{
    if (entry.state != DownloadState::Completed || entry.filePath.isEmpty())
        return false;
    const auto cached = m_fileChecks.constFind(entry.id);
    const bool known = cached != m_fileChecks.cend();
    if ((!known || m_clock.elapsed() - cached->checkedAtMs > FileCheckTtlMs) &&
        !m_fileChecksRunning.contains(entry.id)) {
        m_fileCheckQueue.insert(entry.id, entry.filePath);
        if (!m_fileCheckTimer.isActive())
            m_fileCheckTimer.start();
    }
    // Until the check says otherwise the file is assumed present: most are, and a row must not flicker.
    return known && cached->missing;
}

void HistoryModel::startFileChecks()
{
    // Our own flag, not isRunning(): between the batch's end and its finished() the watcher is idle, and a
    // new future set then would swallow the old one's result.
    if (!m_fileChecksRunning.isEmpty() || m_fileCheckQueue.isEmpty())
        return;
    QHash<QString, QString> batch;
    for (auto it = m_fileCheckQueue.begin(); it != m_fileCheckQueue.end() && batch.size() < FileCheckBatch;) {
        batch.insert(it.key(), it.value());
        m_fileChecksRunning.insert(it.key());
        it = m_fileCheckQueue.erase(it);
    }
    m_fileCheckWatcher.setFuture(QtConcurrent::run([batch] {
        QHash<QString, bool> missing;
        for (auto it = batch.cbegin(); it != batch.cend(); ++it)
            missing.insert(it.key(), !QFileInfo::exists(it.value()));
        return missing;
    }));
}

void HistoryModel::onFileChecksDone()
{
    const QHash<QString, bool> results = m_fileCheckWatcher.result();
    m_fileChecksRunning.clear();
    if (m_fileChecks.size() + results.size() > FileCheckCacheLimit)
        m_fileChecks.clear();
    QSet<QString> flipped; // rows whose answer differs from what data() said
    const qint64 now = m_clock.elapsed();
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        const auto old = m_fileChecks.constFind(it.key());
        const bool before = old != m_fileChecks.cend() && old->missing;
        if (before != it.value())
            flipped.insert(it.key());
        m_fileChecks.insert(it.key(), {it.value(), now});
    }
    if (!flipped.isEmpty()) {
        QSet<quint32> flippedSlots;
        for (const QString &id : std::as_const(flipped)) {
            if (const qsizetype slot = table().slotOf(id); slot >= 0)
                flippedSlots.insert(quint32(slot));
        }
        const QList<int> roles{FileMissingRole, StatusTextRole};
        for (int row = 0; row < m_rows.size() && !flippedSlots.isEmpty(); ++row) {
            if (flippedSlots.remove(m_rows.at(row)))
                emit dataChanged(index(row), index(row), roles);
        }
    }
    if (!m_fileCheckQueue.isEmpty())
        m_fileCheckTimer.start();
}

void HistoryModel::refreshFileStates()
{
    m_fileChecks.clear();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {FileMissingRole, StatusTextRole});
}

// --- Data ------------------------------------------------------------------------------------------------

QString HistoryModel::statusText(const HistoryEntry &entry) const
{
    switch (entry.state) {
    case DownloadState::Completed:
        if (isFileMissing(entry))
            return tr("File missing");
        if (entry.fallback.happened()) {
            return entry.fileSize >= 0
                       ? tr("Completed — %1 — %2")
                             .arg(sizeText(entry.fileSize), qualityFallbackText(entry.fallback))
                       : tr("Completed — %1").arg(qualityFallbackText(entry.fallback));
        }
        if (entry.fileSize >= 0)
            return tr("Completed — %1").arg(sizeText(entry.fileSize));
        return tr("Completed");
    case DownloadState::Failed:
        return errorKindText(entry.error.kind);
    case DownloadState::Cancelled:
        return tr("Cancelled");
    case DownloadState::Queued:
    case DownloadState::Starting:
    case DownloadState::Downloading:
    case DownloadState::PostProcessing:
    case DownloadState::Paused:
        break;
    }
    return tr("Did not finish");
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry *entry = parsedEntry(m_rows.at(index.row()));
    if (!entry)
        return {};
    const HistoryEntry &e = *entry;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return e.title.isEmpty() ? e.url : e.title;
    case Qt::ToolTipRole:
    case UrlRole:
        return e.url;
    case IdRole:
        return e.id;
    case NormalizedUrlRole:
        return e.normalizedUrl;
    case PlatformRole:
        return int(e.platform);
    case PlatformNameRole:
        return platformDisplayName(e.platform);
    case UploaderRole:
        return e.uploader;
    case DurationRole:
        return e.duration;
    case ThumbnailRole:
        return e.thumbnail;
    case QualityRole:
        return qualityPresetId(e.options.quality);
    case FormatSpecRole:
        return e.options.formatSpec;
    case ContainerRole:
        return containerId(e.options.container);
    case AudioFormatRole:
        return audioFormatId(e.options.audioFormat);
    case SubtitleModeRole:
        return subtitleModeId(e.options.subtitleMode);
    case SubtitleLanguagesRole:
        return e.options.subtitleLanguages;
    case AutoCaptionsRole:
        return e.options.autoCaptions;
    case OutputDirRole:
        return e.options.outputDir;
    case OutputTemplateRole:
        return e.options.outputTemplate;
    case ResolvedFormatRole:
        return e.resolvedFormat;
    case FilePathRole:
        return e.filePath;
    case FileSizeRole:
        return e.fileSize;
    case StateRole:
        return int(e.state);
    case ErrorKindRole:
        return int(e.error.kind);
    case ErrorDetailRole:
        return e.error.detail;
    case ErrorTextRole:
        return e.state == DownloadState::Failed && e.error.isError() ? errorKindText(e.error.kind)
                                                                     : QString();
    case StartedAtRole:
        return e.startedAt;
    case FinishedAtRole:
        return e.finishedAt;
    case InfoFetchedAtRole:
        return e.infoFetchedAt;
    case StatusTextRole:
        return statusText(e);
    case FileMissingRole:
        return isFileMissing(e);
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(UrlRole, "url");
    names.insert(PlatformRole, "platform");
    names.insert(TitleRole, "title");
    names.insert(UploaderRole, "uploader");
    names.insert(DurationRole, "duration");
    names.insert(ThumbnailRole, "thumbnail");
    names.insert(FilePathRole, "filePath");
    names.insert(FileSizeRole, "fileSize");
    names.insert(StateRole, "state");
    names.insert(FinishedAtRole, "finishedAt");
    names.insert(StatusTextRole, "status");
    names.insert(FileMissingRole, "fileMissing");
    return names;
}

} // namespace Gravity
