#pragma once

#include "historyentry.h"
#include "historytable.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// The history's file work, for HistoryStore: everything here runs on a worker thread, touches only the files
// under the directory it is given and the values passed in, and reports back as plain data.
//
// The file is JSON Lines (history.jsonl): a header line, then one compact JSON object per entry, oldest
// first as a rule; a later line for an id replaces an earlier one. Chosen over one JSON document because
// every intact line survives a truncated or damaged file (a crash mid-copy, a sync tool, a full disk), so
// "start with what can be recovered" is real, and because a reader can tell exactly which lines were lost.
// Writers either replace the whole file (QSaveFile) or, to record a download without reading 100,000 entries
// first, append whole lines to it (SyncJob::appendOnly); both under the lock. The header carries a token that
// changes with every rewrite; with the file's size it is how a process notices that another one wrote since
// it last read.
namespace Gravity::HistoryFile {

inline constexpr QLatin1StringView FileName("history.jsonl");
inline constexpr QLatin1StringView LockName("history.jsonl.lock");
inline constexpr QLatin1StringView InfoDirName("info");

// An entry as the store holds it is a slot of a HistoryTable (historytable.h): its row (what the list shows,
// searches and sorts by) and its line, the compact UTF-8 JSON exactly as it is (or will be) in the file,
// compressed with its neighbours. The line is parsed only when someone needs the whole entry (re-download,
// open, details, export), and written as it is, so a save serialises nothing and a newer Gravity's unknown
// keys survive our writes.
using Record = HistoryRecord;
// A table's slots, newest first (HistoryTable::before()).
using Order = QList<quint32>;

[[nodiscard]] Record recordFor(const HistoryEntry &entry);
// nullopt when the line is not an entry (not JSON, not an object, no valid id).
[[nodiscard]] std::optional<Record> recordFromLine(QByteArrayView line);
[[nodiscard]] std::optional<HistoryEntry> entryOf(const HistoryTable &table, qsizetype slot);

// Every entry, parsed, in order; for a worker when there are many (the table is implicitly shared).
struct Snapshot
{
    HistoryTable table;
    Order order;
};
[[nodiscard]] QList<HistoryEntry> entriesOf(const Snapshot &snapshot);

// The table's used slots, sorted: the table carries the keys, so nothing is parsed here.
[[nodiscard]] Order buildOrder(const HistoryTable &table);
// Where the slot is or would go; the slot must hold what it held when it was put in the order.
[[nodiscard]] qsizetype orderPosition(const Order &order, const HistoryTable &table, qsizetype slot);
qsizetype orderInsert(Order &order, const HistoryTable &table, qsizetype slot);
qsizetype orderRemove(Order &order, const HistoryTable &table, qsizetype slot); // where it was, or -1

struct ReadResult
{
    HistoryTable entries; // in the file's order
    QString fingerprint;  // "absent" when there is no file
    int badLines = 0;     // lines that are not an entry (not JSON, not an object, no valid id)
    // The last line has no newline and is not an entry: one being appended as we read, or damage (a crash
    // mid-append). Not in badLines: only a read under the lock can tell.
    bool unfinishedLastLine = false;
    bool unreadable = false;
    QString errorString;
};
[[nodiscard]] ReadResult readFile(const QString &path);
// The write token and size, without reading the whole file; nullopt when it exists but cannot be read.
[[nodiscard]] std::optional<QString> fingerprint(const QString &path);
// Header + one compact object per line, in the table's slot order: the order entries were added, so the
// oldest first as a rule.
[[nodiscard]] QByteArray serialize(const HistoryTable &entries, const QString &writeToken);
// The same in pieces (header, then the lines a few thousand at a time, decompressed side by side), written
// one after the other without joining 60 MB.
[[nodiscard]] QList<QByteArray> serializeInPieces(const HistoryTable &entries, const QString &writeToken);

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
// The merge is always "what is on disk, minus our removals, plus our additions and updates". With
// appendOnly: under the lock, the upserts' lines are appended and synced, nothing is read.
struct SyncJob
{
    QString directory;
    bool write = false;
    bool forceReread = false;
    bool wantDiff = true;     // a load resets the model anyway: no need to list 100,000 additions
    QString knownFingerprint; // empty: never read, always read
    HistoryTable snapshot;    // what the store holds now (implicitly shared: no copy)
    Order snapshotOrder;
    QSet<QString> upserts; // pending local additions and updates: their lines are in the snapshot
    QSet<QString> removed;
    // Upserts only, from a store that has not read the file (--headless recording a download): appended
    // instead of read, merged and rewritten. Refused when there is no file yet, when it does not end with a
    // whole line, or where appends cannot be synced (Windows); the store then reads and rewrites.
    bool appendOnly = false;
};

struct SyncOutcome
{
    Failure failure = Failure::None;
    QString detail;      // the system's words, for the message
    bool reread = false; // result/order/added/removed/changed are set only then
    HistoryTable result;
    Order order;
    QStringList added; // against the snapshot
    QStringList removed;
    QStringList changed;
    QString fingerprint;
    bool wrote = false;
    bool appendRefused = false; // appendOnly, and nothing was written: read and rewrite instead
    int badLines = 0;           // in the file as read; with write they were moved aside
    QString movedAside;         // where the damaged file went
    int recovered = 0;          // entries read from the damaged file
};

[[nodiscard]] SyncOutcome sync(const SyncJob &job);

[[nodiscard]] QString infoPath(const QString &directory, const QString &id);

} // namespace Gravity::HistoryFile
