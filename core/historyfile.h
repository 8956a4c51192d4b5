#pragma once

#include "historyentry.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// The history's file work, for HistoryStore: everything here runs on a worker thread, touches only the files
// under the directory it is given and the values passed in, and reports back as plain data.
//
// The file is JSON Lines (history.jsonl): a header line, then one compact JSON object per entry, oldest
// first. Chosen over one JSON document because every intact line survives a truncated or damaged file (a
// crash mid-copy, a sync tool, a full disk), so "start with what can be recovered" is real, and because a
// reader can tell exactly which lines were lost. The header carries a token that changes with every write,
// which is how a process notices that another one wrote since it last read.
namespace Gravity::HistoryFile {

inline constexpr QLatin1StringView FileName("history.jsonl");
inline constexpr QLatin1StringView LockName("history.jsonl.lock");
inline constexpr QLatin1StringView InfoDirName("info");

// Newest first; see historyOrderBefore().
using Order = QList<HistoryRow>;

// An entry as the store holds it: what the list shows, searches and sorts by (its row), and the rest as the
// entry's line, compact UTF-8 JSON exactly as it is (or will be) in the file, packed (historyline.h). A
// parsed HistoryEntry costs about 1.7 KiB (UTF-16 strings, each with its own header, a wide struct in the
// hash); the packed line is a fifth of that, is parsed only when someone needs the whole entry (re-download,
// open, details, export), and is written as it is, so a save serialises nothing.
struct Record
{
    HistoryRow row;
    QByteArray line; // HistoryLine::pack()ed, no newline
};
using EntryMap = QHash<QString, Record>;

[[nodiscard]] Record recordFor(const HistoryEntry &entry);
// nullopt when the line is not an entry (not JSON, not an object, no valid id).
[[nodiscard]] std::optional<Record> recordFromLine(QByteArrayView line);
[[nodiscard]] std::optional<HistoryEntry> entryOf(const Record &record);

// Every entry, parsed, in order; for a worker when there are many (the maps are implicitly shared).
struct Snapshot
{
    EntryMap entries;
    QList<HistoryRow> order;
};
[[nodiscard]] QList<HistoryEntry> entriesOf(const Snapshot &snapshot);

// Sorted rows: the records carry them, so nothing is parsed or built here.
[[nodiscard]] Order buildOrder(const EntryMap &entries);
// Where (key, id) is or would go.
[[nodiscard]] qsizetype orderPosition(const Order &order, qint64 key, QStringView id);
qsizetype orderInsert(Order &order, HistoryRow row);
qsizetype orderRemove(Order &order, qint64 key, QStringView id); // the row it had, or -1

struct ReadResult
{
    EntryMap entries;
    QString fingerprint; // "absent" when there is no file
    int badLines = 0;    // lines that are not an entry (not JSON, not an object, no valid id)
    bool unreadable = false;
    QString errorString;
};
[[nodiscard]] ReadResult readFile(const QString &path);
// The write token and size, without reading the whole file; nullopt when it exists but cannot be read.
[[nodiscard]] std::optional<QString> fingerprint(const QString &path);
// Header + entries oldest first (the reverse of order), one compact object per line.
[[nodiscard]] QByteArray serialize(const EntryMap &entries, const Order &order, const QString &writeToken);
// The same in pieces (header, then the lines a few thousand at a time), written one after the other without
// joining 60 MB.
[[nodiscard]] QList<QByteArray> serializeInPieces(const EntryMap &entries, const Order &order,
                                                  const QString &writeToken);

enum class Failure
{
    None,
    Directory,  // cannot create the directory
    Lock,       // another process held the lock too long, or the lock file cannot be made
    Unreadable, // the file exists but cannot be read: writing would destroy it
    MoveAside,  // a damaged file could not be moved aside: writing would destroy it
    Write,      // QSaveFile failed: permissions, disk full, …
};

// One round trip with the disk. Without write: read the file when it changed since knownFingerprint (or
// always, with forceReread) and merge. With write: under the lock, the same, then write the merged whole.
// The merge is always "what is on disk, minus our removals, plus our additions and updates".
struct SyncJob
{
    QString directory;
    bool write = false;
    bool forceReread = false;
    bool wantDiff = true;     // a load resets the model anyway: no need to list 100,000 additions
    QString knownFingerprint; // empty: never read, always read
    EntryMap snapshot;        // what the store holds now (implicitly shared: no copy)
    Order snapshotOrder;
    EntryMap upserts; // pending local additions and updates
    QSet<QString> removed;
};

struct SyncOutcome
{
    Failure failure = Failure::None;
    QString detail;      // the system's words, for the message
    bool reread = false; // result/order/added/removed/changed are set only then
    EntryMap result;
    Order order;
    QStringList added; // against the snapshot
    QStringList removed;
    QStringList changed;
    QString fingerprint;
    bool wrote = false;
    int badLines = 0;   // in the file as read; with write they were moved aside
    QString movedAside; // where the damaged file went
    int recovered = 0;  // entries read from the damaged file
};

[[nodiscard]] SyncOutcome sync(const SyncJob &job);

[[nodiscard]] QString infoPath(const QString &directory, const QString &id);

} // namespace Gravity::HistoryFile
