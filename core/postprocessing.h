#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Gravity {

// What yt-dlp does to a download besides fetching it: SponsorBlock, the subtitle format, a time range.
// Plain values and their ids; the arguments are made in ytdlparguments.cpp.

// SponsorBlock segments (YouTube only): left alone, marked as chapters, or cut out of the file.
enum class SponsorBlockMode
{
    Off,
    Mark,
    Remove
};

// The format separate subtitle files are written in: as the site serves them, or converted.
enum class SubtitleFormat
{
    Original,
    Srt,
    Vtt,
    Ass
};

[[nodiscard]] QString sponsorBlockModeId(SponsorBlockMode mode); // "mark", "remove", "" for Off
[[nodiscard]] std::optional<SponsorBlockMode> sponsorBlockModeFromId(QStringView id);
[[nodiscard]] QString subtitleFormatId(SubtitleFormat format); // "srt", "vtt", "ass", "" for Original
[[nodiscard]] std::optional<SubtitleFormat> subtitleFormatFromId(QStringView id);

// yt-dlp 2023.03.04's SponsorBlock categories that can be marked or removed, in its order.
[[nodiscard]] QStringList sponsorBlockCategories();
// The categories a user who turns SponsorBlock on starts with: the ones nobody watches a video for.
[[nodiscard]] QStringList defaultSponsorBlockCategories();
[[nodiscard]] bool isSponsorBlockCategory(QStringView category);
// "sponsor,intro" → {"sponsor", "intro"}; nullopt when any name is not a category (or none is given).
[[nodiscard]] std::optional<QStringList> parseSponsorBlockCategories(QStringView text);

// A moment as people write it: "83", "83.5", "1:23", "01:02:03". nullopt for anything else.
[[nodiscard]] std::optional<double> parseTimestamp(QStringView text);
// 83 → "1:23", 3723 → "1:02:03", 12.5 → "0:12.5".
[[nodiscard]] QString formatTimestamp(double seconds);

// A section to download, in seconds from the start. start 0 is the beginning, end 0 the end.
struct TimeRange
{
    double start = 0;
    double end = 0;

    [[nodiscard]] bool isWhole() const { return start <= 0 && end <= 0; }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// "START-END" with either side open ("1:00-", "-2:30"); nullopt when a side is not a timestamp or there is
// no '-'. The range itself is not checked: see timeRangeProblem().
[[nodiscard]] std::optional<TimeRange> parseTimeRange(QStringView text);

// Why a range cannot be downloaded (translated), or an empty string when it can. duration <= 0: unknown.
[[nodiscard]] QString timeRangeProblem(const TimeRange &range, double duration);

} // namespace Gravity
