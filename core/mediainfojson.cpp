#include "mediainfojson.h"

#include <QJsonArray>

namespace Gravity {

namespace {

void putIfKnown(QJsonObject &object, const char *key, qint64 value)
{
    if (value >= 0)
        object.insert(QLatin1String(key), double(value));
}

void putIfKnown(QJsonObject &object, const char *key, double value)
{
    if (value > 0.0)
        object.insert(QLatin1String(key), value);
}

void putIfKnown(QJsonObject &object, const char *key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(QLatin1String(key), value);
}

QJsonArray languages(const QList<SubtitleTrack> &tracks)
{
    QJsonArray result;
    for (const SubtitleTrack &track : tracks)
        result.append(track.language);
    return result;
}

} // namespace

QJsonObject mediaFormatToJson(const MediaFormat &format)
{
    QJsonObject object{{QLatin1String("format_id"), format.formatId}};
    putIfKnown(object, "ext", format.ext);
    putIfKnown(object, "width", qint64(format.width));
    putIfKnown(object, "height", qint64(format.height));
    putIfKnown(object, "fps", format.fps);
    putIfKnown(object, "vcodec", format.vcodec);
    putIfKnown(object, "acodec", format.acodec);
    putIfKnown(object, "tbr", format.tbr);
    putIfKnown(object, "abr", format.abr);
    putIfKnown(object, "vbr", format.vbr);
    putIfKnown(object, "filesize", format.filesize);
    putIfKnown(object, "filesize_approx", format.filesizeApprox);
    putIfKnown(object, "protocol", format.protocol);
    putIfKnown(object, "format_note", format.formatNote);
    putIfKnown(object, "dynamic_range", format.dynamicRange);
    object.insert(QLatin1String("has_video"), format.hasVideo());
    object.insert(QLatin1String("has_audio"), format.hasAudio());
    return object;
}

QJsonObject mediaInfoToJson(const MediaInfo &info)
{
    QJsonObject object{{QLatin1String("id"), info.id},
                       {QLatin1String("title"), info.title},
                       {QLatin1String("platform"), platformId(info.platform)},
                       {QLatin1String("is_playlist"), info.isPlaylist}};
    putIfKnown(object, "uploader", info.uploader);
    putIfKnown(object, "duration", info.duration);
    putIfKnown(object, "thumbnail", info.thumbnail);
    putIfKnown(object, "webpage_url", info.webpageUrl);
    putIfKnown(object, "extractor", info.extractor);
    if (info.uploadDate.isValid())
        object.insert(QLatin1String("upload_date"), info.uploadDate.toString(Qt::ISODate));
    putIfKnown(object, "view_count", info.viewCount);
    if (info.isLive)
        object.insert(QLatin1String("is_live"), true);

    QJsonArray formats;
    for (const MediaFormat &format : info.formats)
        formats.append(mediaFormatToJson(format));
    if (!info.isPlaylist)
        object.insert(QLatin1String("formats"), formats);

    QJsonArray chapters;
    for (const Chapter &chapter : info.chapters) {
        chapters.append(QJsonObject{{QLatin1String("start_time"), chapter.startTime},
                                    {QLatin1String("end_time"), chapter.endTime},
                                    {QLatin1String("title"), chapter.title}});
    }
    if (!chapters.isEmpty())
        object.insert(QLatin1String("chapters"), chapters);
    if (!info.subtitles.isEmpty())
        object.insert(QLatin1String("subtitles"), languages(info.subtitles));
    if (!info.automaticCaptions.isEmpty())
        object.insert(QLatin1String("automatic_captions"), languages(info.automaticCaptions));

    if (info.isPlaylist) {
        QJsonArray entries;
        for (const PlaylistEntry &entry : info.entries) {
            QJsonObject e{{QLatin1String("index"), entry.index},
                          {QLatin1String("id"), entry.id},
                          {QLatin1String("title"), entry.title},
                          {QLatin1String("url"), entry.url}};
            putIfKnown(e, "duration", entry.duration);
            putIfKnown(e, "uploader", entry.uploader);
            entries.append(e);
        }
        object.insert(QLatin1String("entries"), entries);
    }
    return object;
}

} // namespace Gravity
