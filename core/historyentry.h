#pragma once

#include "downloaderror.h"
#include "downloadrequest.h"
#include "downloadtask.h"
#include "platform.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace Gravity {

// One download that ended (completed, failed or cancelled), as the history keeps it. Plain data: the store
// persists it, the ui shows it, requestFor() turns it back into a download.
struct HistoryEntry
{
    QString id;            // QUuid without braces; stable across processes and the file's lifetime
    QString url;           // what was handed to the queue
    QString normalizedUrl; // recognizeUrl()'s form, for de-duplication and re-download
    Platform platform = Platform::Other;
    QString title;
    QString uploader;
    double duration = 0.0; // seconds; 0 when unknown
    QString thumbnail;
    DownloadOptions options; // as chosen: quality, format spec, container, audio, subtitles, folder, template
    QString resolvedFormat;  // what yt-dlp actually fetched ("137+140")
    QualityFallback fallback; // the chosen quality was refused and a lower one fetched
    QString filePath;
    qint64 fileSize = -1;
    DownloadState state = DownloadState::Completed;
    DownloadError error;
    QDateTime startedAt;     // UTC; invalid when the download never started (cancelled while queued)
    QDateTime finishedAt;    // UTC
    QDateTime infoFetchedAt; // UTC; when the saved info JSON (kept beside the history) was fetched
};

// What a re-download may reuse: yt-dlp's -J output and when it was fetched (the task reuses it while fresh).
struct SavedInfo
{
    QByteArray json;
    QDateTime fetchedAt;
};

// An entry's place in the newest-first list and what search and filters read, so neither has to look the
// entry up: the store keeps these in order (built on its worker when it reads), a model mirrors them.
struct HistoryRow
{
    qint64 key = 0; // historySortKey()
    QString id;
    QByteArray searchText; // historySearchText()
    DownloadState state = DownloadState::Completed;
    Platform platform = Platform::Other;
};

// A new id for an entry: a QUuid without braces.
[[nodiscard]] QString newHistoryId();
// Ids become file names (info/<id>.json): only letters, digits, '-' and '_', at most 64 of them.
[[nodiscard]] bool isValidHistoryId(QStringView id);

[[nodiscard]] QJsonObject historyEntryToJson(const HistoryEntry &entry);
// Tolerant: unknown keys are ignored and wrongly-typed values become defaults, so a file written by a newer
// Gravity still loads. Only an entry without a valid id is refused (nullopt): nothing could refer to it.
[[nodiscard]] std::optional<HistoryEntry> historyEntryFromJson(const QJsonObject &object);

// Every field the same (the store compares what another process wrote with what it had).
[[nodiscard]] bool sameHistoryEntry(const HistoryEntry &a, const HistoryEntry &b);

// What the history's search looks through: title, URL (and the normalised one when it differs) and uploader,
// case-folded, one per line. Precomputed once per entry, so a keystroke over 100,000 entries builds nothing;
// UTF-8, half the memory of UTF-16 for the Latin text most of it is, and as exact for a substring search
// with a UTF-8 term (a valid UTF-8 needle only matches at character boundaries).
[[nodiscard]] QByteArray historySearchText(const HistoryEntry &entry);

// Newest first: by finishedAt (entries without one are oldest), ties broken by id so every process sorts
// the same file the same way.
[[nodiscard]] qint64 historySortKey(const HistoryEntry &entry);
[[nodiscard]] HistoryRow historyRowFor(const HistoryEntry &entry);
// historyRowFor(*historyEntryFromJson(object)), reading only the fields a row needs: what a load does 100,000
// times. nullopt when historyEntryFromJson() would refuse the object.
[[nodiscard]] std::optional<HistoryRow> historyRowFromJson(const QJsonObject &object);
[[nodiscard]] inline bool historyOrderBefore(qint64 keyA, QStringView idA, qint64 keyB, QStringView idB)
{
    return keyA != keyB ? keyA > keyB : idA < idB;
}

// The record of a task that ended, from its request and final progress. Uploader and duration come from
// the request's info JSON when there is one.
[[nodiscard]] HistoryEntry historyEntryFor(const DownloadTask &task);

// The same download again, with the same options. The overload with saved info lets the task skip yt-dlp's
// extraction while the info is younger than the engine's TTL (the task decides, from fetchedAt).
[[nodiscard]] DownloadRequest requestFor(const HistoryEntry &entry);
[[nodiscard]] DownloadRequest requestFor(const HistoryEntry &entry, const SavedInfo &info);

} // namespace Gravity
