#include "ytdlpversion.h"

#include <QCoreApplication>
#include <QStringList>

namespace Gravity {

namespace {

// A translation context lupdate can see.
struct AgeText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::YtDlpAge)
};

} // namespace

std::optional<QDate> ytDlpReleaseDate(const QString &version)
{
    const QStringList fields = version.trimmed().split(QLatin1Char('.'));
    if (fields.size() < 3)
        return std::nullopt;
    bool yearOk = false;
    bool monthOk = false;
    bool dayOk = false;
    const int year = fields.at(0).toInt(&yearOk);
    const int month = fields.at(1).toInt(&monthOk);
    const int day = fields.at(2).toInt(&dayOk);
    // yt-dlp began in 2021; a four-digit year keeps "1.2.3"-style versions of forks out.
    if (!yearOk || !monthOk || !dayOk || fields.at(0).size() != 4 || year < 2000)
        return std::nullopt;
    const QDate date(year, month, day);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

std::optional<YtDlpAge> ytDlpAge(const QString &version, const QDate &today)
{
    const std::optional<QDate> released = ytDlpReleaseDate(version);
    if (!released || !today.isValid())
        return std::nullopt;
    YtDlpAge age;
    age.released = *released;
    age.days = qMax<qint64>(0, released->daysTo(today)); // a clock set in the past makes nothing "old"
    return age;
}

QString ytDlpOutdatedText(const QString &version, const QDate &today)
{
    const std::optional<YtDlpAge> age = ytDlpAge(version, today);
    if (!age || !age->isOutdated())
        return {};
    // Whole years from 365 days on, whole months before: "3 years", "4 months".
    if (age->days >= 365) {
        return AgeText::tr("yt-dlp %1 is %n year(s) old; sites change often and old versions stop working. "
                           "Update it.",
                           nullptr, int(age->days / 365))
            .arg(version);
    }
    return AgeText::tr("yt-dlp %1 is %n month(s) old; sites change often and old versions stop working. "
                       "Update it.",
                       nullptr, int(age->days / 30))
        .arg(version);
}

} // namespace Gravity
