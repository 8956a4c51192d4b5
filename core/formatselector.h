#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Gravity {

enum class QualityPreset
{
    Best,
    P2160,
    P1440,
    P1080,
    P720,
    P480,
    P360,
    AudioOnly
};

enum class AudioFormat
{
    None,
    Mp3,
    M4a,
    Opus
};
enum class Container
{
    Auto,
    Mp4,
    Mkv,
    Webm
};
// What happens to the chosen subtitle languages: nothing, embedded in the video, or written beside it.
enum class SubtitleMode
{
    None,
    Embed,
    File
};

// yt-dlp -f selector for a preset. Every selector ends in a fallback chain (…/bestvideo+bestaudio/best),
// because Bilibili and YouTube list tiers a user cannot actually fetch.
[[nodiscard]] QString formatSelector(QualityPreset preset);

// Command-line / settings ids: "best", "2160", "1440", "1080", "720", "480", "360", "audio".
[[nodiscard]] QString qualityPresetId(QualityPreset preset);
[[nodiscard]] std::optional<QualityPreset> qualityPresetFromId(QStringView id);
// The height limit of a preset (0 for Best and AudioOnly).
[[nodiscard]] int presetHeight(QualityPreset preset);

[[nodiscard]] QString audioFormatId(AudioFormat format); // "mp3", "m4a", "opus", "" for None
[[nodiscard]] std::optional<AudioFormat> audioFormatFromId(QStringView id);
[[nodiscard]] QString containerId(Container container); // "mp4", "mkv", "webm", "" for Auto
[[nodiscard]] std::optional<Container> containerFromId(QStringView id);
[[nodiscard]] QString subtitleModeId(SubtitleMode mode); // "embed", "file", "" for None
[[nodiscard]] std::optional<SubtitleMode> subtitleModeFromId(QStringView id);

// An explicit selection typed or picked by a user ("137+140", "75-1+group_aud-audio_2") is passed as chosen,
// but only if it is made of characters a format spec uses; anything else (spaces, quotes, leading '-') is
// refused.
[[nodiscard]] bool isPlausibleFormatSpec(QStringView spec);

} // namespace Gravity
