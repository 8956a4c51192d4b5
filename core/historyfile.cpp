#include "historyfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QThread>
#include <QUuid>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace Gravity::HistoryFile {

namespace {

constexpr QLatin1StringView HeaderFormat("gravity-history");
constexpr int FormatVersion = 1;
constexpr QLatin1StringView KeyFormat("format");
constexpr QLatin1StringView KeyVersion("version");
constexpr QLatin1StringView KeyWrite("write");
// Long enough for another Gravity to finish a 100,000-entry write on a slow disk; a crashed holder's lock
// goes stale long before anyone notices.
constexpr int LockTimeoutMs = 10000;
constexpr int StaleLockMs = 30000;
constexpr qint64 MaxHeaderBytes = 4096;

QString absentFingerprint()
{
    return QStringLiteral("absent");
}

QString fingerprintOf(const QString &token, qint64 size)
{
    return token + u':' + QString::number(size);
}

// The header's write token, or nullopt when the line is not our header.
std::optional<QString> headerToken(QByteArrayView line)
{
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    if (object.value(KeyFormat).toString() != HeaderFormat)
        return std::nullopt;
    return object.value(KeyWrite).toString();
}

QByteArrayView trimmedLine(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.chop(1);
    while (!line.isEmpty() && (line.front() == ' ' || line.front() == '\t'))
        line = line.sliced(1);
    return line;
}

QString moveAsideName(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = path + QStringLiteral(".corrupt-") + stamp + u'-' + QString::number(n);
    return candidate;
}

// The row, or nullopt when the line is not an entry.
std::optional<HistoryRow> rowFromLine(QByteArrayView line)
{
    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return historyRowFromJson(doc.object());
}

struct ParsedLines
{
    HistoryTable table;
    int badLines = 0;
};

ParsedLines parseLines(QByteArrayView text)
{
    ParsedLines result;
    // A block's worth at a time: the table compresses each block once, and what parsing allocates for a line
    // is freed (and reused) long before the next block, instead of 100,000 rows waiting to be packed.
    QList<Record> chunk;
    chunk.reserve(HistoryTable::BlockSize);
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = trimmedLine(text.sliced(start, end - start));
        start = end + 1;
        if (line.isEmpty())
            continue;
        std::optional<HistoryRow> row = rowFromLine(line);
        if (!row) {
            ++result.badLines;
            continue;
        }
        // The file's bytes, not a copy: the table keeps its own, compressed.
        chunk.append({std::move(*row), QByteArray::fromRawData(line.data(), line.size())});
        if (chunk.size() == HistoryTable::BlockSize) {
            result.table.apply({}, chunk); // a later line for the same id wins
            chunk.clear();
        }
    }
    result.table.apply({}, chunk);
    return result;
}

int pieceCountFor(qsizetype bytes)
{
    constexpr qsizetype MinPieceBytes = 1 << 20; // below this a thread costs more than it saves
    const qsizetype cores = qMax(1, QThread::idealThreadCount());
    return int(qBound(qsizetype(1), bytes / MinPieceBytes, cores));
}

// Pieces of about equal size that end at line ends.
QList<QByteArrayView> splitAtLines(QByteArrayView text, int count)
{
    QList<QByteArrayView> pieces;
    qsizetype start = 0;
    for (int i = 1; i <= count && start < text.size(); ++i) {
        qsizetype end = i == count ? text.size() : text.size() * i / count;
        if (end < start)
            end = start;
        if (i < count) {
            const qsizetype newline = text.indexOf('\n', end);
            end = newline < 0 ? text.size() : newline + 1;
        }
        pieces.append(text.sliced(start, end - start));
        start = end;
    }
    return pieces;
}

} // namespace

Record recordFor(const HistoryEntry &entry)
{
    // Compact JSON escapes control characters, so a title with a newline stays on its line.
    return {historyRowFor(entry), QJsonDocument(historyEntryToJson(entry)).toJson(QJsonDocument::Compact)};
}

std::optional<Record> recordFromLine(QByteArrayView line)
{
    std::optional<HistoryRow> row = rowFromLine(line);
    if (!row)
        return std::nullopt;
    // The line as it was read, so unknown keys from a newer Gravity survive our next write too.
    return Record{std::move(*row), line.toByteArray()};
}

std::optional<HistoryEntry> entryOf(const HistoryTable &table, qsizetype slot)
{
    const QJsonDocument doc = QJsonDocument::fromJson(table.lineAt(slot));
    return doc.isObject() ? historyEntryFromJson(doc.object()) : std::nullopt;
}

QList<HistoryEntry> entriesOf(const Snapshot &snapshot)
{
    // Parsed in the table's order, each block decompressed once, then put in the list's order.
    QList<std::optional<HistoryEntry>> bySlot(snapshot.table.slotCount());
    snapshot.table.forEachLine([&bySlot](qsizetype slot, QByteArrayView line) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()));
        if (doc.isObject())
            bySlot[slot] = historyEntryFromJson(doc.object());
    });
    QList<HistoryEntry> result;
    result.reserve(snapshot.order.size());
    for (const quint32 slot : snapshot.order) {
        if (slot < bySlot.size() && bySlot.at(slot))
            result.append(std::move(*bySlot[slot]));
    }
    return result;
}

Order buildOrder(const HistoryTable &table)
{
    Order order;
    order.reserve(table.size());
    for (qsizetype slot = 0; slot < table.slotCount(); ++slot) {
        if (table.isUsed(slot))
            order.append(quint32(slot));
    }
    std::sort(order.begin(), order.end(), [&table](quint32 a, quint32 b) { return table.before(a, b); });
    return order;
}

qsizetype orderPosition(const Order &order, const HistoryTable &table, qsizetype slot)
{
    const auto it = std::lower_bound(order.cbegin(), order.cend(), slot,
                                     [&table](quint32 item, qsizetype s) { return table.before(item, s); });
    return it - order.cbegin();
}

qsizetype orderInsert(Order &order, const HistoryTable &table, qsizetype slot)
{
    const qsizetype position = orderPosition(order, table, slot);
    order.insert(position, quint32(slot));
    return position;
}

qsizetype orderRemove(Order &order, const HistoryTable &table, qsizetype slot)
{
    const qsizetype position = orderPosition(order, table, slot);
    if (position >= order.size() || order.at(position) != quint32(slot))
        return -1;
    order.removeAt(position);
    return position;
}

ReadResult readFile(const QString &path)
{
    ReadResult result;
    QFile file(path);
    if (!file.exists()) {
        result.fingerprint = absentFingerprint();
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.unreadable = true;
        result.errorString = file.errorString();
        return result;
    }
    // Writers replace the file by renaming (QSaveFile), so an open handle always sees one whole version.
    const QByteArray data = file.readAll();
    QByteArrayView body(data);
    QString token;
    // The header is the first non-empty line.
    for (qsizetype start = 0; start < body.size();) {
        qsizetype end = body.indexOf('\n', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView line = trimmedLine(body.sliced(start, end - start));
        if (line.isEmpty()) {
            start = end + 1;
            continue;
        }
        if (const std::optional<QString> header = headerToken(line)) {
            token = *header;
            body = body.sliced(qMin(end + 1, body.size()));
        }
        break;
    }

    // A whole entry that only lacks its newline (an editor's save) is read as any other line.
    if (!body.isEmpty() && !body.endsWith('\n')) {
        const qsizetype lastLine = body.lastIndexOf('\n') + 1;
        if (!rowFromLine(trimmedLine(body.sliced(lastLine)))) {
            result.unfinishedLastLine = true;
            body.truncate(lastLine);
        }
    }
    // Parsing is most of a load: the lines are split into a piece per core and parsed side by side.
    const QList<ParsedLines> pieces = QtConcurrent::blockingMapped<QList<ParsedLines>>(
        splitAtLines(body, pieceCountFor(body.size())), parseLines);
    for (const ParsedLines &piece : pieces) {
        result.badLines += piece.badLines;
        result.entries.append(piece.table); // in file order: a later line for the same id wins
    }
    result.entries.squeeze();
    result.fingerprint = fingerprintOf(token, data.size());
    return result;
}

std::optional<QString> fingerprint(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return absentFingerprint();
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const qint64 size = file.size();
    QByteArray line;
    // The header is the first non-empty line; a file without one (edited by hand) is fingerprinted by size.
    while (!file.atEnd() && line.isEmpty())
        line = trimmedLine(file.readLine(MaxHeaderBytes)).toByteArray();
    return fingerprintOf(headerToken(line).value_or(QString()), size);
}

QList<QByteArray> serializeInPieces(const HistoryTable &entries, const QString &writeToken)
{
    QByteArray header =
        QJsonDocument(
            QJsonObject{{KeyFormat, HeaderFormat}, {KeyVersion, FormatVersion}, {KeyWrite, writeToken}})
            .toJson(QJsonDocument::Compact);
    header.append('\n');
    // The lines are kept serialised: this only decompresses and copies them, a piece per core at a time.
    constexpr qsizetype BlocksPerPiece = 4096 / HistoryTable::BlockSize;
    QList<qsizetype> firstBlocks;
    for (qsizetype block = 0; block < entries.blockCount(); block += BlocksPerPiece)
        firstBlocks.append(block);
    QList<QByteArray> pieces = QtConcurrent::blockingMapped<QList<QByteArray>>(
        firstBlocks, [&entries](qsizetype first) { return entries.linesOfBlocks(first, BlocksPerPiece); });
    pieces.prepend(header);
    return pieces;
}

QByteArray serialize(const HistoryTable &entries, const QString &writeToken)
{
    return serializeInPieces(entries, writeToken).join();
}

namespace {

// The snapshot's slots of the job's additions and updates, in the snapshot's order: the order they were
// added, and each block decompressed once when their lines are read.
QList<qsizetype> upsertSlots(const SyncJob &job)
{
    QList<qsizetype> taken;
    for (const QString &id : job.upserts) {
        if (const qsizetype slot = job.snapshot.slotOf(id); slot >= 0)
            taken.append(slot);
    }
    std::sort(taken.begin(), taken.end());
    return taken;
}

// SyncJob::appendOnly, under the lock: the upserts' lines at the end of the file, synced before the lock is
// released. Nothing that is on disk is read but the last byte, so recording a download costs the same with
// 100,000 entries as with none.
SyncOutcome appendLines(const SyncJob &job, const QString &path)
{
    SyncOutcome outcome;
#if defined(Q_OS_UNIX)
    QFile file(path);
    // No file yet (it needs its header), or a last line that is not whole: a crash mid-append or an edit.
    // Appending there would join two lines; the full path reads, recovers and rewrites.
    char last = 0;
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append) || file.size() == 0 ||
        !file.seek(file.size() - 1) || !file.getChar(&last) || last != '\n') {
        outcome.appendRefused = true;
        return outcome;
    }
    QByteArray lines;
    for (const qsizetype slot : upsertSlots(job))
        lines += job.snapshot.lineAt(slot) + '\n';
    const qint64 before = file.size();
#if defined(Q_OS_LINUX)
    const auto syncToDisk = [&file] {
        return ::fdatasync(file.handle()) == 0;
    };
#else
    const auto syncToDisk = [&file] {
        return ::fsync(file.handle()) == 0;
    };
#endif
    if (file.write(lines) != lines.size() || !file.flush() || !syncToDisk()) {
        // A full disk: no half line may stay behind to be taken for damage.
        outcome.failure = Failure::Write;
        outcome.detail = file.errorString();
        file.resize(before);
        return outcome;
    }
    outcome.wrote = true;
#else
    Q_UNUSED(job)
    Q_UNUSED(path)
    outcome.appendRefused = true; // QFile cannot sync an append here: the full path's QSaveFile can
#endif
    return outcome;
}

} // namespace

SyncOutcome sync(const SyncJob &job)
{
    SyncOutcome outcome;
    const QDir dir(job.directory);
    const QString path = dir.filePath(FileName);

    QLockFile lock(dir.filePath(LockName));
    if (job.write) {
        if (!QDir().mkpath(job.directory)) {
            outcome.failure = Failure::Directory;
            outcome.detail = job.directory;
            return outcome;
        }
        lock.setStaleLockTime(StaleLockMs);
        if (!lock.tryLock(LockTimeoutMs)) {
            outcome.failure = Failure::Lock;
            outcome.detail = lock.error() == QLockFile::LockFailedError
                                 ? QStringLiteral("held by another process")
                                 : QStringLiteral("cannot create the lock file");
            return outcome;
        }
    }

    if (job.appendOnly) {
        // Its fingerprint stays unknown: the store has not read the file, and reads it whole if it ever must.
        return appendLines(job, path);
    }
    const std::optional<QString> current = fingerprint(path);
    if (!current) {
        outcome.failure = Failure::Unreadable;
        outcome.detail = path;
        return outcome;
    }
    outcome.reread = job.forceReread || job.knownFingerprint.isEmpty() || *current != job.knownFingerprint;
    if (!outcome.reread && !job.write) {
        outcome.fingerprint = *current;
        return outcome;
    }

    HistoryTable result;
    if (outcome.reread) {
        ReadResult read = readFile(path);
        if (read.unfinishedLastLine && !job.write) {
            // Perhaps another process is appending it (appendLines): look again once it is done.
            lock.setStaleLockTime(StaleLockMs);
            if (lock.tryLock(LockTimeoutMs))
                read = readFile(path);
        }
        if (read.unfinishedLastLine)
            ++read.badLines; // even under the lock: a crash mid-append, or damage
        if (read.unreadable) {
            outcome.failure = Failure::Unreadable;
            outcome.detail = read.errorString;
            return outcome;
        }
        outcome.badLines = read.badLines;
        outcome.fingerprint = read.fingerprint;
        if (read.badLines > 0 && job.write) {
            // Never write over lines we could not read: the original goes aside, whole, for the user.
            const QString aside = moveAsideName(path);
            if (!QFile::rename(path, aside)) {
                outcome.failure = Failure::MoveAside;
                outcome.detail = path;
                return outcome;
            }
            outcome.movedAside = aside;
            outcome.recovered = int(read.entries.size());
        }
        result = std::move(read.entries);
        // Our additions and updates.
        const QList<qsizetype> ours = upsertSlots(job);
        QList<Record> upserts;
        upserts.reserve(ours.size());
        for (const qsizetype slot : ours)
            upserts.append(job.snapshot.recordAt(slot));
        result.apply(QStringList(job.removed.cbegin(), job.removed.cend()), upserts);
    } else {
        // Nobody wrote since we last read: what we hold (our changes included) is the whole truth.
        result = job.snapshot;
    }

    const Order order = outcome.reread ? buildOrder(result) : job.snapshotOrder;
    if (job.write) {
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QList<QByteArray> pieces = serializeInPieces(result, token);
        QSaveFile file(path);
        bool written = file.open(QIODevice::WriteOnly);
        qint64 size = 0;
        for (const QByteArray &piece : pieces) {
            written = written && file.write(piece) == piece.size();
            size += piece.size();
        }
        if (written && file.commit()) {
            outcome.wrote = true;
            outcome.fingerprint = fingerprintOf(token, size);
            for (const QString &id : job.removed) {
                if (isValidHistoryId(id))
                    QFile::remove(infoPath(job.directory, id));
            }
        } else {
            // Nothing on disk changed (or the damaged file went aside): the store keeps everything and
            // retries.
            outcome.failure = Failure::Write;
            outcome.detail = file.errorString();
        }
    }
    if (outcome.reread) {
        // Also after a failed write: what was read is the truth about the disk, and the store must not lose
        // entries that were only in a file it has just moved aside.
        if (job.wantDiff)
            HistoryTable::diff(job.snapshot, result, &outcome.added, &outcome.removed, &outcome.changed);
        outcome.result = std::move(result);
        outcome.order = order;
    }
    return outcome;
}

QString infoPath(const QString &directory, const QString &id)
{
    return directory + u'/' + InfoDirName + u'/' + id + QStringLiteral(".json");
}

} // namespace Gravity::HistoryFile
