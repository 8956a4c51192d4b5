#include "historyentry.h"

#include "infojsonparser.h"
#include "jsonfields.h"
#include "urlrecognizer.h"

#include <QUuid>

#include <algorithm>
#include <limits>

namespace Gravity {

using namespace JsonFields;

namespace {

// snake_case like yt-dlp's own keys and Gravity's --json output.
constexpr QLatin1StringView KeyId("id");
constexpr QLatin1StringView KeyUrl("url");
constexpr QLatin1StringView KeyNormalizedUrl("normalized_url");
constexpr QLatin1StringView KeyPlatform("platform");
constexpr QLatin1StringView KeyTitle("title");
constexpr QLatin1StringView KeyUploader("uploader");
constexpr QLatin1StringView KeyDuration("duration");
constexpr QLatin1StringView KeyThumbnail("thumbnail");
constexpr QLatin1StringView KeyResolvedFormat("resolved_format");
constexpr QLatin1StringView KeyFilePath("file_path");
constexpr QLatin1StringView KeyFileSize("file_size");
constexpr QLatin1StringView KeyState("state");
constexpr QLatin1StringView KeyErrorKind("error_kind");
constexpr QLatin1StringView KeyErrorDetail("error_detail");
constexpr QLatin1StringView KeyStartedAt("started_at");
constexpr QLatin1StringView KeyFinishedAt("finished_at");
constexpr QLatin1StringView KeyInfoFetchedAt("info_fetched_at");
constexpr QLatin1StringView KeyFallback("quality_fallback");
constexpr QLatin1StringView KeyFrom("from_format");
constexpr QLatin1StringView KeyFromHeight("from_height");
constexpr QLatin1StringView KeyFromNote("from_note");
constexpr QLatin1StringView KeyToHeight("to_height");
constexpr QLatin1StringView KeyToNote("to_note");

// Finished downloads only: a history entry that says "downloading" would be a lie; an unknown state from a
// newer Gravity reads as failed rather than as a success.
DownloadState stateFromId(const QString &id)
{
    for (DownloadState state : {DownloadState::Completed, DownloadState::Failed, DownloadState::Cancelled}) {
        if (id == downloadStateId(state))
            return state;
    }
    return DownloadState::Failed;
}

ErrorKind errorKindFromId(const QString &id)
{
    if (id.isEmpty())
        return ErrorKind::None;
    for (int kind = int(ErrorKind::None); kind <= int(ErrorKind::Unknown); ++kind) {
        if (id == errorKindId(ErrorKind(kind)))
            return ErrorKind(kind);
    }
    return ErrorKind::Unknown;
}

} // namespace

QString newHistoryId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isValidHistoryId(QStringView id)
{
    constexpr qsizetype MaxIdLength = 64;
    if (id.isEmpty() || id.size() > MaxIdLength)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
}

QJsonObject historyEntryToJson(const HistoryEntry &entry)
{
    QJsonObject object{{KeyId, entry.id}, {KeyState, downloadStateId(entry.state)}};
    putString(object, KeyUrl, entry.url);
    // Mostly identical to url: written only when it differs, which keeps 100,000 lines a good deal smaller.
    if (entry.normalizedUrl != entry.url)
        putString(object, KeyNormalizedUrl, entry.normalizedUrl);
    object.insert(KeyPlatform, platformId(entry.platform));
    putString(object, KeyTitle, entry.title);
    putString(object, KeyUploader, entry.uploader);
    if (entry.duration > 0.0)
        object.insert(KeyDuration, entry.duration);
    putString(object, KeyThumbnail, entry.thumbnail);

    putOptions(object, entry.options);

    putString(object, KeyResolvedFormat, entry.resolvedFormat);
    if (entry.fallback.happened()) {
        QJsonObject fallback{{KeyFrom, entry.fallback.fromFormat}};
        if (entry.fallback.fromHeight > 0)
            fallback.insert(KeyFromHeight, entry.fallback.fromHeight);
        putString(fallback, KeyFromNote, entry.fallback.fromNote);
        if (entry.fallback.toHeight > 0)
            fallback.insert(KeyToHeight, entry.fallback.toHeight);
        putString(fallback, KeyToNote, entry.fallback.toNote);
        object.insert(KeyFallback, fallback);
    }
    putString(object, KeyFilePath, entry.filePath);
    if (entry.fileSize >= 0)
        object.insert(KeyFileSize, double(entry.fileSize));
    putString(object, KeyErrorKind, errorKindId(entry.error.kind));
    putString(object, KeyErrorDetail, entry.error.detail);
    putTime(object, KeyStartedAt, entry.startedAt);
    putTime(object, KeyFinishedAt, entry.finishedAt);
    putTime(object, KeyInfoFetchedAt, entry.infoFetchedAt);
    return object;
}

std::optional<HistoryEntry> historyEntryFromJson(const QJsonObject &object)
{
    HistoryEntry entry;
    entry.id = stringOf(object, KeyId);
    if (!isValidHistoryId(entry.id))
        return std::nullopt;
    entry.url = stringOf(object, KeyUrl);
    entry.normalizedUrl = object.contains(KeyNormalizedUrl) ? stringOf(object, KeyNormalizedUrl) : entry.url;
    entry.platform = platformOf(object, KeyPlatform);
    entry.title = stringOf(object, KeyTitle);
    entry.uploader = stringOf(object, KeyUploader);
    entry.duration = qMax(0.0, object.value(KeyDuration).toDouble(0.0));
    entry.thumbnail = stringOf(object, KeyThumbnail);

    entry.options = optionsOf(object);

    entry.resolvedFormat = stringOf(object, KeyResolvedFormat);
    if (const QJsonObject fallback = object.value(KeyFallback).toObject(); !fallback.isEmpty()) {
        entry.fallback.fromFormat = stringOf(fallback, KeyFrom);
        entry.fallback.fromHeight = qBound(0, fallback.value(KeyFromHeight).toInt(0), 100000);
        entry.fallback.fromNote = stringOf(fallback, KeyFromNote);
        entry.fallback.toHeight = qBound(0, fallback.value(KeyToHeight).toInt(0), 100000);
        entry.fallback.toNote = stringOf(fallback, KeyToNote);
    }
    entry.filePath = stringOf(object, KeyFilePath);
    const double size = object.value(KeyFileSize).toDouble(-1.0);
    entry.fileSize = size >= 0.0 && size < 9.0e15 ? qint64(size) : -1;
    entry.state = stateFromId(stringOf(object, KeyState));
    entry.error.kind = errorKindFromId(stringOf(object, KeyErrorKind));
    entry.error.detail = stringOf(object, KeyErrorDetail);
    entry.startedAt = timeOf(object, KeyStartedAt);
    entry.finishedAt = timeOf(object, KeyFinishedAt);
    entry.infoFetchedAt = timeOf(object, KeyInfoFetchedAt);
    return entry;
}

bool sameHistoryEntry(const HistoryEntry &a, const HistoryEntry &b)
{
    const DownloadOptions &x = a.options;
    const DownloadOptions &y = b.options;
    return a.id == b.id && a.url == b.url && a.normalizedUrl == b.normalizedUrl && a.platform == b.platform &&
           a.title == b.title && a.uploader == b.uploader && a.duration == b.duration &&
           a.thumbnail == b.thumbnail && x.quality == y.quality && x.formatSpec == y.formatSpec &&
           x.audioFormat == y.audioFormat && x.container == y.container && x.outputDir == y.outputDir &&
           x.outputTemplate == y.outputTemplate && x.subtitleMode == y.subtitleMode &&
           x.subtitleLanguages == y.subtitleLanguages && x.autoCaptions == y.autoCaptions &&
           x.subtitleFormat == y.subtitleFormat && x.sponsorBlock == y.sponsorBlock &&
           x.sponsorBlockCategories == y.sponsorBlockCategories && x.embedThumbnail == y.embedThumbnail &&
           x.embedMetadata == y.embedMetadata && x.embedChapters == y.embedChapters &&
           x.section == y.section && a.resolvedFormat == b.resolvedFormat &&
           a.fallback.fromFormat == b.fallback.fromFormat && a.fallback.fromHeight == b.fallback.fromHeight &&
           a.fallback.fromNote == b.fallback.fromNote && a.fallback.toHeight == b.fallback.toHeight &&
           a.fallback.toNote == b.fallback.toNote && a.filePath == b.filePath && a.fileSize == b.fileSize &&
           a.state == b.state && a.error.kind == b.error.kind && a.error.detail == b.error.detail &&
           a.startedAt == b.startedAt && a.finishedAt == b.finishedAt && a.infoFetchedAt == b.infoFetchedAt;
}

namespace {

QByteArray searchTextOf(const QString &title, const QString &url, const QString &normalizedUrl,
                        const QString &uploader)
{
    QString text = title + u'\n' + url + u'\n' + uploader;
    if (normalizedUrl != url)
        text += u'\n' + normalizedUrl;
    QByteArray folded = std::move(text).toCaseFolded().toUtf8();
    folded.squeeze(); // toUtf8() allocates three bytes per character
    return folded;
}

qint64 sortKeyOf(const QDateTime &finishedAt)
{
    return finishedAt.isValid() ? finishedAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

} // namespace

QByteArray historySearchText(const HistoryEntry &entry)
{
    return searchTextOf(entry.title, entry.url, entry.normalizedUrl, entry.uploader);
}

qint64 historySortKey(const HistoryEntry &entry)
{
    return sortKeyOf(entry.finishedAt);
}

HistoryRow historyRowFor(const HistoryEntry &entry)
{
    return {historySortKey(entry), entry.id, historySearchText(entry), entry.state, entry.platform};
}

std::optional<HistoryRow> historyRowFromJson(const QJsonObject &object)
{
    // The same reads as historyEntryFromJson(), for these fields only.
    QString id = stringOf(object, KeyId);
    if (!isValidHistoryId(id))
        return std::nullopt;
    const QString url = stringOf(object, KeyUrl);
    const QString normalizedUrl =
        object.contains(KeyNormalizedUrl) ? stringOf(object, KeyNormalizedUrl) : url;
    return HistoryRow{
        sortKeyOf(timeOf(object, KeyFinishedAt)), std::move(id),
        searchTextOf(stringOf(object, KeyTitle), url, normalizedUrl, stringOf(object, KeyUploader)),
        stateFromId(stringOf(object, KeyState)), platformOf(object, KeyPlatform)};
}

HistoryEntry historyEntryFor(const DownloadTask &task)
{
    const DownloadRequest &request = task.request();
    const DownloadProgress &progress = task.progress();
    HistoryEntry entry;
    entry.id = newHistoryId();
    entry.url = request.url;
    entry.platform = request.platform;
    entry.title = request.title;
    entry.thumbnail = request.thumbnail;
    if (!request.infoJson.isEmpty()) {
        // The request carries only what the queue needs; the info knows who uploaded it and for how long.
        if (const InfoParseResult parsed = parseInfoJson(request.infoJson); parsed.info) {
            const MediaInfo &info = *parsed.info;
            entry.uploader = info.uploader;
            entry.duration = info.duration;
            if (entry.title.isEmpty())
                entry.title = info.title;
            if (entry.thumbnail.isEmpty())
                entry.thumbnail = info.thumbnail;
            if (entry.url.isEmpty())
                entry.url = info.webpageUrl;
            if (entry.platform == Platform::Other)
                entry.platform = info.platform;
        }
        entry.infoFetchedAt = request.infoFetchedAt.toUTC();
    }
    const RecognizedUrl recognized = recognizeUrl(entry.url);
    entry.normalizedUrl = recognized.isValid() ? recognized.normalized : entry.url;
    entry.options = request.options;
    entry.resolvedFormat = progress.resolvedFormat;
    entry.fallback = progress.fallback;
    entry.filePath = progress.filePath;
    entry.fileSize = progress.fileSize;
    entry.state = progress.state;
    entry.error = progress.error;
    entry.startedAt = progress.startedAt.toUTC();
    entry.finishedAt =
        progress.finishedAt.isValid() ? progress.finishedAt.toUTC() : QDateTime::currentDateTimeUtc();
    return entry;
}

DownloadRequest requestFor(const HistoryEntry &entry)
{
    DownloadRequest request;
    request.url = entry.normalizedUrl.isEmpty() ? entry.url : entry.normalizedUrl;
    request.platform = entry.platform;
    request.title = entry.title;
    request.thumbnail = entry.thumbnail;
    // The options as the user chose them, not the resolved format: "best" should mean today's best.
    request.options = entry.options;
    return request;
}

DownloadRequest requestFor(const HistoryEntry &entry, const SavedInfo &info)
{
    DownloadRequest request = requestFor(entry);
    if (!info.json.isEmpty() && info.fetchedAt.isValid()) {
        request.infoJson = info.json;
        request.infoFetchedAt = info.fetchedAt;
    }
    return request;
}

} // namespace Gravity
