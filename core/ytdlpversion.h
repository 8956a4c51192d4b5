#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace Gravity {

// yt-dlp's versions are its release dates ("2023.03.04", nightly "2024.12.06.232811"). Sites change their
// pages every few weeks and old releases stop understanding them, so a version's age is worth telling people.
struct YtDlpAge
{
    QDate released;
    qint64 days = 0; // from the release to "today"; never negative

    // Older than this, the window and --headless say an update may be needed.
    static constexpr qint64 OutdatedAfterDays = 90;
    [[nodiscard]] bool isOutdated() const { return days > OutdatedAfterDays; }
};

// The release date of a version, or nullopt when it is not a date version (a fork, a git build).
[[nodiscard]] std::optional<QDate> ytDlpReleaseDate(const QString &version);
// How old `version` is on `today` (tests pass a fixed date; the app passes QDate::currentDate()).
[[nodiscard]] std::optional<YtDlpAge> ytDlpAge(const QString &version, const QDate &today);
// "yt-dlp 2023.03.04 is 3 years old; sites change often and old versions stop working. Update it."
// Translated; empty when the version is not outdated or not a date.
[[nodiscard]] QString ytDlpOutdatedText(const QString &version, const QDate &today);

} // namespace Gravity
