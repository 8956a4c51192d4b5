#include "infojsonparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Gravity {

namespace {

// yt-dlp copies the user's cookies into its info JSON: a "Cookie" in every http_headers, and a "cookies"
// field in newer releases. That JSON is kept on disk (saved page info, the history), so the login is cut
// out of it; a download passes --cookies again and yt-dlp's cookie jar sends them as before.
QJsonValue withoutCookies(const QJsonValue &value, bool *changed)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = withoutCookies(array.at(i), changed);
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end();) {
        if (it.key().compare(u"cookie", Qt::CaseInsensitive) == 0 || it.key() == u"cookies") {
            it = object.erase(it);
            *changed = true;
        } else {
            it.value() = withoutCookies(it.value(), changed);
            ++it;
        }
    }
    return object;
}

// yt-dlp's JSON is loosely typed (extractors put null, numbers or strings wherever they like), so every read
// goes through these: a value of the wrong type is "unknown", never an error.

QString stringOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        // ids such as format_id are sometimes numbers in hand-made or third-party JSON
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 1e15)
            return QString::number(static_cast<qint64>(number));
    }
    return {};
}

// The first of `keys` that holds a non-empty string.
QString firstString(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (QStringView key : keys) {
        QString text = stringOf(object.value(key));
        if (!text.isEmpty())
            return text;
    }
    return {};
}

// A non-negative finite number, or `unknown`.
double numberOf(const QJsonValue &value, double unknown = 0.0)
{
    if (!value.isDouble())
        return unknown;
    const double number = value.toDouble();
    return std::isfinite(number) && number >= 0.0 ? number : unknown;
}

int intOf(const QJsonValue &value)
{
    const double number = numberOf(value, -1.0);
    return number >= 0.0 && number <= std::numeric_limits<int>::max() ? static_cast<int>(number) : -1;
}

qint64 int64Of(const QJsonValue &value)
{
    const double number = numberOf(value, -1.0);
    // 9e18 stays below qint64's maximum after the double rounding
    return number >= 0.0 && number < 9e18 ? static_cast<qint64>(number) : -1;
}

bool hostIs(const QString &host, QStringView domain)
{
    return host == domain || (host.endsWith(domain) && host.size() > domain.size() &&
                              host.at(host.size() - domain.size() - 1) == u'.');
}

Platform platformFromExtractor(QStringView key)
{
    if (key.startsWith(u"youtube", Qt::CaseInsensitive))
        return Platform::YouTube;
    for (QStringView prefix : {u"bilibili", u"biliintl", u"bangumi"}) {
        if (key.startsWith(prefix, Qt::CaseInsensitive))
            return Platform::Bilibili;
    }
    return Platform::Other;
}

Platform platformFromUrl(const QString &url)
{
    const QString host = QUrl(url).host().toLower();
    if (host.isEmpty())
        return Platform::Other;
    if (hostIs(host, u"youtube.com") || hostIs(host, u"youtu.be"))
        return Platform::YouTube;
    if (hostIs(host, u"bilibili.com") || hostIs(host, u"b23.tv"))
        return Platform::Bilibili;
    return Platform::Other;
}

MediaFormat parseFormat(const QJsonObject &object)
{
    MediaFormat format;
    format.formatId = stringOf(object.value(u"format_id"));
    format.ext = stringOf(object.value(u"ext"));
    format.width = intOf(object.value(u"width"));
    format.height = intOf(object.value(u"height"));
    format.fps = numberOf(object.value(u"fps"));
    format.vcodec = stringOf(object.value(u"vcodec"));
    format.acodec = stringOf(object.value(u"acodec"));
    format.tbr = numberOf(object.value(u"tbr"));
    format.abr = numberOf(object.value(u"abr"));
    format.vbr = numberOf(object.value(u"vbr"));
    format.filesize = int64Of(object.value(u"filesize"));
    format.filesizeApprox = int64Of(object.value(u"filesize_approx"));
    format.protocol = stringOf(object.value(u"protocol"));
    format.formatNote = stringOf(object.value(u"format_note"));
    if (format.formatNote.isEmpty()) {
        // Bilibili names its tiers ("1080P 高清") in "format"; yt-dlp only fills "format" itself ("80 -
        // 1920x1080") when the extractor left it empty.
        const QString name = stringOf(object.value(u"format"));
        if (!name.startsWith(QString(format.formatId + u" - ")))
            format.formatNote = name;
    }
    format.dynamicRange = stringOf(object.value(u"dynamic_range"));
    format.language = stringOf(object.value(u"language"));
    return format;
}

QList<MediaFormat> parseFormats(const QJsonArray &array)
{
    QList<MediaFormat> formats;
    formats.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject())
            formats.append(parseFormat(value.toObject()));
    }
    return formats;
}

QList<SubtitleTrack> parseSubtitles(const QJsonValue &value)
{
    QList<SubtitleTrack> tracks;
    const QJsonObject map = value.toObject();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.value().isArray())
            continue;
        SubtitleTrack track;
        track.language = it.key();
        const QJsonArray variants = it.value().toArray();
        for (const QJsonValue &variant : variants) {
            const QJsonObject object = variant.toObject();
            if (track.name.isEmpty())
                track.name = stringOf(object.value(u"name"));
            const QString ext = stringOf(object.value(u"ext"));
            if (!ext.isEmpty() && !track.exts.contains(ext))
                track.exts.append(ext);
        }
        tracks.append(track);
    }
    std::sort(tracks.begin(), tracks.end(),
              [](const SubtitleTrack &a, const SubtitleTrack &b) { return a.language < b.language; });
    return tracks;
}

QList<Chapter> parseChapters(const QJsonValue &value)
{
    QList<Chapter> chapters;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            continue;
        const QJsonObject object = item.toObject();
        Chapter chapter;
        chapter.startTime = numberOf(object.value(u"start_time"));
        chapter.endTime = numberOf(object.value(u"end_time"));
        chapter.title = stringOf(object.value(u"title"));
        chapters.append(chapter);
    }
    return chapters;
}

QString lastThumbnail(const QJsonValue &value)
{
    const QJsonArray thumbnails = value.toArray();
    // yt-dlp sorts thumbnails worst to best
    for (qsizetype i = thumbnails.size() - 1; i >= 0; --i) {
        const QString url = stringOf(thumbnails.at(i).toObject().value(u"url"));
        if (!url.isEmpty())
            return url;
    }
    return {};
}

QString youtubeWatchUrl(const QString &id)
{
    return u"https://www.youtube.com/watch?v=" + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

PlaylistEntry parseEntry(const QJsonObject &object, int position, Platform playlistPlatform)
{
    PlaylistEntry entry;
    entry.id = stringOf(object.value(u"id"));
    entry.title = firstString(object, {u"title", u"fulltitle"});
    if (entry.title.isEmpty())
        entry.title = entry.id;
    entry.duration = numberOf(object.value(u"duration"));
    entry.uploader = firstString(object, {u"uploader", u"channel", u"uploader_id"});
    const int playlistIndex = intOf(object.value(u"playlist_index"));
    entry.index = playlistIndex > 0 ? playlistIndex : position;

    // A flat entry's "url" is its page; a resolved video's "url" is a (soon expiring) media URL, so prefer
    // the page.
    const QString type = stringOf(object.value(u"_type"));
    const bool resolved = type == u"video" || object.value(u"formats").isArray();
    entry.url = resolved ? firstString(object, {u"webpage_url", u"url"})
                         : firstString(object, {u"url", u"webpage_url"});
    if (object.value(u"formats").isArray())
        entry.infoJson = QJsonDocument(object).toJson(QJsonDocument::Compact);

    const QString ieKey = firstString(object, {u"ie_key", u"extractor_key"});
    const bool youtube = ieKey.isEmpty() ? playlistPlatform == Platform::YouTube
                                         : platformFromExtractor(ieKey) == Platform::YouTube;
    if (youtube && !entry.url.contains(u"://")) {
        // older yt-dlp and youtube-dl give only the video id as the "url" of a flat YouTube entry
        const QString id = entry.url.isEmpty() ? entry.id : entry.url;
        if (!id.isEmpty())
            entry.url = youtubeWatchUrl(id);
    }
    return entry;
}

QList<PlaylistEntry> parseEntries(const QJsonArray &array, Platform playlistPlatform)
{
    QList<PlaylistEntry> entries;
    entries.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        // null marks an unavailable entry; the others keep their position so --playlist-items still matches
        const QJsonValue value = array.at(i);
        if (value.isObject())
            entries.append(parseEntry(value.toObject(), static_cast<int>(i + 1), playlistPlatform));
    }
    return entries;
}

} // namespace

InfoParseResult parseInfoJson(const QByteArray &json)
{
    InfoParseResult result;
    // stops at the first non-blank byte: no copy of a large document
    if (std::all_of(json.cbegin(), json.cend(), [](char c) { return QChar::isSpace(uchar(c)); })) {
        result.error = QStringLiteral("empty input");
        return result;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error =
            QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return result;
    }
    if (!document.isObject()) {
        result.error = QStringLiteral("not a yt-dlp info JSON: the top level is not an object");
        return result;
    }

    const QJsonObject root = document.object();
    MediaInfo info;
    info.id = stringOf(root.value(u"id"));
    info.title = firstString(root, {u"title", u"fulltitle"});
    if (info.title.isEmpty())
        info.title = info.id;
    info.uploader = firstString(root, {u"uploader", u"channel", u"uploader_id"});
    info.duration = numberOf(root.value(u"duration"));
    info.thumbnail = stringOf(root.value(u"thumbnail"));
    if (info.thumbnail.isEmpty())
        info.thumbnail = lastThumbnail(root.value(u"thumbnails"));
    info.webpageUrl = firstString(root, {u"webpage_url", u"original_url"});
    info.extractor = firstString(root, {u"extractor_key", u"extractor"});
    info.platform =
        info.extractor.isEmpty() ? platformFromUrl(info.webpageUrl) : platformFromExtractor(info.extractor);

    const QString uploadDate = stringOf(root.value(u"upload_date"));
    if (uploadDate.size() == 8)
        info.uploadDate = QDate::fromString(uploadDate, u"yyyyMMdd");
    info.viewCount = int64Of(root.value(u"view_count"));
    info.isLive = root.value(u"is_live").toBool() || stringOf(root.value(u"live_status")) == u"is_live";
    info.chapters = parseChapters(root.value(u"chapters"));
    info.subtitles = parseSubtitles(root.value(u"subtitles"));
    info.automaticCaptions = parseSubtitles(root.value(u"automatic_captions"));

    const QString type = stringOf(root.value(u"_type"));
    const QJsonValue entries = root.value(u"entries");
    info.isPlaylist = type == u"playlist" || type == u"multi_video" ||
                      (entries.isArray() && !root.value(u"formats").isArray());
    if (info.isPlaylist) {
        info.entries = parseEntries(entries.toArray(), info.platform);
    } else if (root.value(u"formats").isArray()) {
        info.formats = parseFormats(root.value(u"formats").toArray());
    } else if (root.value(u"requested_formats").isArray()) {
        info.formats = parseFormats(root.value(u"requested_formats").toArray());
    } else if (root.value(u"url").isString() || root.value(u"format_id").isString()) {
        // a single-format video: yt-dlp puts the one format's fields at the top level
        info.formats.append(parseFormat(root));
    }

    if (info.id.isEmpty() && info.title.isEmpty() && info.formats.isEmpty() && !entries.isArray()) {
        result.error = QStringLiteral("not a yt-dlp info JSON: no id, title, formats or entries");
        return result;
    }
    bool changed = false;
    // Most info JSON has no cookies at all: only then is it rebuilt.
    const QJsonValue clean = json.contains("ookie") ? withoutCookies(root, &changed) : QJsonValue();
    info.rawJson = changed ? QJsonDocument(clean.toObject()).toJson(QJsonDocument::Compact) : json;
    result.info = std::move(info);
    return result;
}

} // namespace Gravity
