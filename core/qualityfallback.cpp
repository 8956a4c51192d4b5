#include "qualityfallback.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Gravity {

QString qualityFallbackText(const QualityFallback &fallback)
{
    if (!fallback.happened())
        return {};
    if (fallback.fromHeight > 0 && fallback.toHeight > 0 && fallback.fromHeight != fallback.toHeight) {
        return QCoreApplication::translate("Gravity::QualityFallback",
                                           "Got %1p: %2p needs a login or membership")
            .arg(fallback.toHeight)
            .arg(fallback.fromHeight);
    }
    if (!fallback.fromNote.isEmpty() && !fallback.toNote.isEmpty()) {
        return QCoreApplication::translate("Gravity::QualityFallback",
                                           "Got %1: %2 needs a login or membership")
            .arg(fallback.toNote, fallback.fromNote);
    }
    return QCoreApplication::translate("Gravity::QualityFallback",
                                       "Got a lower quality: the chosen one needs a login or membership");
}

bool isRefusal(ErrorKind kind, QStringView detail)
{
    return kind == ErrorKind::LoginRequired || detail.contains(u"HTTP Error 403", Qt::CaseInsensitive) ||
           detail.contains(u"HTTP Error 401", Qt::CaseInsensitive);
}

int failingStream(int streamIndex, bool lastStreamFinished)
{
    if (streamIndex <= 0)
        return 0;
    return lastStreamFinished ? streamIndex : streamIndex - 1;
}

QString replaceableVideoFormat(const MediaInfo &info, QStringView resolved, int stream,
                               const QStringList &excluded)
{
    const QList<QStringView> ids = resolved.split(u'+', Qt::SkipEmptyParts);
    if (stream < 0 || stream >= ids.size())
        return {};
    const QString failed = ids.at(stream).toString();
    const MediaFormat *format = info.findFormat(failed);
    if (!format || !format->hasVideo())
        return {};
    const bool another =
        std::any_of(info.formats.cbegin(), info.formats.cend(), [&](const MediaFormat &other) {
            return other.hasVideo() && other.formatId != failed && !excluded.contains(other.formatId);
        });
    return another ? failed : QString();
}

QByteArray infoWithoutFormats(const QByteArray &json, const QStringList &formatIds)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return {};
    QJsonObject root = document.object();
    QJsonArray kept;
    const QJsonArray formats = root.value(QLatin1String("formats")).toArray();
    for (const QJsonValue &value : formats) {
        if (!formatIds.contains(value.toObject().value(QLatin1String("format_id")).toString()))
            kept.append(value);
    }
    root.insert(QLatin1String("formats"), kept);
    root.remove(QLatin1String("requested_formats"));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace Gravity
