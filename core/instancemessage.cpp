#include "instancemessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Gravity {

namespace {

constexpr auto VersionKey = "gravity"_L1;
constexpr auto UrlsKey = "urls"_L1;

// A string the decoder takes: no NUL, no unpaired surrogate (it could not be UTF-8), within the size limit.
bool isCarriable(const QString &url)
{
    if (url.contains(QChar(u'\0')) || !url.isValidUtf16())
        return false;
    // At most three bytes of UTF-8 per UTF-16 unit: most URLs are settled without converting.
    return url.size() * 3 <= MaxInstanceMessageUrlBytes || url.toUtf8().size() <= MaxInstanceMessageUrlBytes;
}

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray encodeInstanceMessage(const QStringList &urls)
{
    QJsonObject message{{VersionKey, InstanceMessageVersion}, {UrlsKey, QJsonArray()}};
    qsizetype size = compactJson(message).size();
    QJsonArray carried;
    for (const QString &url : urls) {
        if (carried.size() == MaxInstanceMessageUrls)
            break;
        if (!isCarriable(url))
            continue;
        // The string as JSON writes it (quotes, escapes), and a comma before all but the first.
        const qsizetype encoded = QJsonDocument(QJsonArray{url}).toJson(QJsonDocument::Compact).size() - 2;
        const qsizetype added = encoded + (carried.isEmpty() ? 0 : 1);
        if (size + added > MaxInstanceMessageBytes)
            break;
        size += added;
        carried.append(url);
    }
    message.insert(UrlsKey, carried);
    return compactJson(message);
}

std::optional<QStringList> decodeInstanceMessage(QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.size() > MaxInstanceMessageBytes || bytes.contains('\0') ||
        !isValidUtf8(bytes))
        return std::nullopt;
    // The parser reads between two pointers, so the view need not be copied or end in NUL.
    const QByteArray json = QByteArray::fromRawData(bytes.data(), bytes.size());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject message = document.object();
    // Exactly the two keys: a change of shape is a new version, which this build refuses.
    if (message.size() != 2)
        return std::nullopt;
    const QJsonValue version = message.value(VersionKey);
    if (!version.isDouble() || version.toDouble() != InstanceMessageVersion)
        return std::nullopt;
    const QJsonValue list = message.value(UrlsKey);
    if (!list.isArray())
        return std::nullopt;
    const QJsonArray array = list.toArray();
    if (array.size() > MaxInstanceMessageUrls)
        return std::nullopt;
    QStringList urls;
    urls.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (!value.isString())
            return std::nullopt;
        QString url = value.toString();
        if (!isCarriable(url))
            return std::nullopt;
        urls.append(std::move(url));
    }
    return urls;
}

} // namespace Gravity
