#pragma once

#include "downloadrequest.h"
#include "platform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

namespace Gravity {

// Reading and writing the fields Gravity's own JSON files share (the history, the queue journal): empty
// values are left out, times are UTC ISO 8601, and reads are tolerant (a wrong type reads as the default), so
// a file written by another Gravity version still loads.
namespace JsonFields {

void putString(QJsonObject &object, QLatin1StringView key, const QString &value);
void putTime(QJsonObject &object, QLatin1StringView key, const QDateTime &time);
[[nodiscard]] QString stringOf(const QJsonObject &object, QLatin1StringView key);
[[nodiscard]] QDateTime timeOf(const QJsonObject &object, QLatin1StringView key);

// The options as flat keys beside the object's others (quality, format_spec, container, …).
void putOptions(QJsonObject &object, const DownloadOptions &options);
[[nodiscard]] DownloadOptions optionsOf(const QJsonObject &object);

// platformId()'s inverse; anything unknown is Other.
[[nodiscard]] Platform platformOf(const QJsonObject &object, QLatin1StringView key);

} // namespace JsonFields

} // namespace Gravity
