#include "postprocessing.h"

#include <QCoreApplication>

#include <cmath>

namespace Gravity {

QString sponsorBlockModeId(SponsorBlockMode mode)
{
    switch (mode) {
    case SponsorBlockMode::Mark:
        return QStringLiteral("mark");
    case SponsorBlockMode::Remove:
        return QStringLiteral("remove");
    case SponsorBlockMode::Off:
        break;
    }
    return {};
}

std::optional<SponsorBlockMode> sponsorBlockModeFromId(QStringView id)
{
    for (SponsorBlockMode mode : {SponsorBlockMode::Off, SponsorBlockMode::Mark, SponsorBlockMode::Remove}) {
        if (id == sponsorBlockModeId(mode))
            return mode;
    }
    return std::nullopt;
}

QString subtitleFormatId(SubtitleFormat format)
{
    switch (format) {
    case SubtitleFormat::Srt:
        return QStringLiteral("srt");
    case SubtitleFormat::Vtt:
        return QStringLiteral("vtt");
    case SubtitleFormat::Ass:
        return QStringLiteral("ass");
    case SubtitleFormat::Original:
        break;
    }
    return {};
}

std::optional<SubtitleFormat> subtitleFormatFromId(QStringView id)
{
    for (SubtitleFormat format :
         {SubtitleFormat::Original, SubtitleFormat::Srt, SubtitleFormat::Vtt, SubtitleFormat::Ass}) {
        if (id == subtitleFormatId(format))
            return format;
    }
    return std::nullopt;
}

QStringList sponsorBlockCategories()
{
    // SponsorBlockPP.CATEGORIES without poi_highlight and chapter, which can be neither marked nor removed
    // as segments.
    return {QStringLiteral("sponsor"),     QStringLiteral("intro"),         QStringLiteral("outro"),
            QStringLiteral("selfpromo"),   QStringLiteral("preview"),       QStringLiteral("filler"),
            QStringLiteral("interaction"), QStringLiteral("music_offtopic")};
}

QStringList defaultSponsorBlockCategories()
{
    return {QStringLiteral("sponsor"), QStringLiteral("selfpromo"), QStringLiteral("interaction")};
}

bool isSponsorBlockCategory(QStringView category)
{
    return sponsorBlockCategories().contains(category);
}

std::optional<QStringList> parseSponsorBlockCategories(QStringView text)
{
    QStringList categories;
    for (QStringView part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString category = part.trimmed().toString().toLower();
        if (!isSponsorBlockCategory(category))
            return std::nullopt;
        if (!categories.contains(category))
            categories << category;
    }
    if (categories.isEmpty())
        return std::nullopt;
    return categories;
}

std::optional<double> parseTimestamp(QStringView text)
{
    const QList<QStringView> parts = text.trimmed().split(u':');
    if (parts.size() > 3)
        return std::nullopt;
    double seconds = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        const bool last = i == parts.size() - 1;
        // Only digits (and one '.' in the seconds): toDouble() would take "1e3", "inf" or " 5".
        bool dot = false;
        for (QChar c : part) {
            if (c == u'.' && last && !dot)
                dot = true;
            else if (c < u'0' || c > u'9')
                return std::nullopt;
        }
        bool ok = false;
        const double value = part.toDouble(&ok);
        if (!ok || part.isEmpty() || (i > 0 && value >= 60))
            return std::nullopt;
        seconds = seconds * 60 + value;
    }
    return seconds;
}

QString formatTimestamp(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        seconds = 0;
    const auto whole = qint64(std::floor(seconds));
    const double fraction = seconds - double(whole);
    const qint64 hours = whole / 3600;
    const qint64 minutes = whole / 60 % 60;
    QString text = hours > 0 ? QStringLiteral("%1:%2:%3")
                                   .arg(hours)
                                   .arg(minutes, 2, 10, QLatin1Char('0'))
                                   .arg(whole % 60, 2, 10, QLatin1Char('0'))
                             : QStringLiteral("%1:%2").arg(minutes).arg(whole % 60, 2, 10, QLatin1Char('0'));
    if (fraction >= 0.005) {
        // ".5", ".25": the fraction as typed, without trailing zeros.
        QString decimals = QString::number(fraction, 'f', 2).mid(1);
        while (decimals.endsWith(u'0'))
            decimals.chop(1);
        text += decimals;
    }
    return text;
}

std::optional<TimeRange> parseTimeRange(QStringView text)
{
    const QList<QStringView> sides = text.trimmed().split(u'-');
    if (sides.size() != 2)
        return std::nullopt;
    TimeRange range;
    for (int i = 0; i < 2; ++i) {
        const QStringView side = sides.at(i).trimmed();
        if (side.isEmpty())
            continue;
        const std::optional<double> seconds = parseTimestamp(side);
        if (!seconds)
            return std::nullopt;
        (i == 0 ? range.start : range.end) = *seconds;
    }
    return range;
}

QString timeRangeProblem(const TimeRange &range, double duration)
{
    if (range.start < 0 || range.end < 0)
        return QCoreApplication::translate("Gravity::TimeRange", "A time cannot be negative.");
    if (range.end > 0 && range.end <= range.start)
        return QCoreApplication::translate("Gravity::TimeRange", "The end must come after the start.");
    if (duration > 0 && range.start >= duration) {
        return QCoreApplication::translate("Gravity::TimeRange",
                                           "The start is past the end of the video (%1).")
            .arg(formatTimestamp(duration));
    }
    // yt-dlp's duration is rounded; a second of slack lets "to 3:25" pass for a video of 3:24.6.
    if (duration > 0 && range.end > duration + 1) {
        return QCoreApplication::translate("Gravity::TimeRange", "The end is past the end of the video (%1).")
            .arg(formatTimestamp(duration));
    }
    return {};
}

} // namespace Gravity
