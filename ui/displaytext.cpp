#include "displaytext.h"

#include <QCoreApplication>
#include <QLocale>

namespace Gravity {

QString durationText(double seconds)
{
    if (seconds <= 0)
        return {};
    const qint64 total = qint64(seconds + 0.5);
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 secs = total % 60;
    const auto two = [](qint64 value) {
        return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
    };
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(two(minutes), two(secs));
    return QStringLiteral("%1:%2").arg(minutes).arg(two(secs));
}

QString remainingText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return QCoreApplication::translate("Gravity::DisplayText", "%n s left", nullptr, int(seconds));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60)
        return QCoreApplication::translate("Gravity::DisplayText", "%n min left", nullptr, int(minutes));
    return QCoreApplication::translate("Gravity::DisplayText", "%1 h %2 min left")
        .arg(minutes / 60)
        .arg(minutes % 60);
}

QString sizeText(qint64 bytes, bool estimate)
{
    if (bytes < 0)
        return {};
    const QString size = QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
    return estimate ? QCoreApplication::translate("Gravity::DisplayText", "~%1").arg(size) : size;
}

QString speedText(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return {};
    return QCoreApplication::translate("Gravity::DisplayText", "%1/s")
        .arg(QLocale().formattedDataSize(qint64(bytesPerSecond), 1, QLocale::DataSizeSIFormat));
}

} // namespace Gravity
