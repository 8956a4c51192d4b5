#include "qualitychoices.h"

#include <algorithm>
#include <array>

namespace Gravity {

namespace {

constexpr std::array VideoPresets{QualityPreset::P2160, QualityPreset::P1440, QualityPreset::P1080,
                                  QualityPreset::P720,  QualityPreset::P480,  QualityPreset::P360};

// Ranked the way yt-dlp's default sort would mostly rank them: taller first, then the higher bitrate.
bool isBetterVideo(const MediaFormat &candidate, const MediaFormat *current)
{
    if (!current)
        return true;
    if (candidate.height != current->height)
        return candidate.height > current->height;
    return candidate.tbr > current->tbr;
}

const MediaFormat *bestVideoUpTo(const MediaInfo &info, int maxHeight)
{
    const MediaFormat *best = nullptr;
    for (const MediaFormat &format : info.formats) {
        if (format.hasVideo() && (maxHeight <= 0 || format.height <= maxHeight) &&
            isBetterVideo(format, best))
            best = &format;
    }
    return best;
}

const MediaFormat *bestAudio(const MediaInfo &info)
{
    const MediaFormat *best = nullptr;
    for (const MediaFormat &format : info.formats) {
        const double rate = format.abr > 0 ? format.abr : format.tbr;
        if (format.hasAudio() && !format.hasVideo() &&
            (!best || rate > (best->abr > 0 ? best->abr : best->tbr)))
            best = &format;
    }
    return best;
}

QualityChoice choiceFor(const MediaInfo &info, QualityPreset preset)
{
    QualityChoice choice;
    choice.preset = preset;
    const MediaFormat *audio = bestAudio(info);
    if (preset == QualityPreset::AudioOnly) {
        const MediaFormat *source = audio ? audio : bestVideoUpTo(info, 0);
        choice.estimatedBytes = source ? estimatedFormatSize(*source, info.duration) : -1;
        return choice;
    }
    const MediaFormat *video = bestVideoUpTo(info, presetHeight(preset));
    if (!video)
        return choice;
    choice.height = qMax(0, video->height);
    choice.estimatedBytes = estimatedFormatSize(*video, info.duration);
    if (!video->hasAudio() && audio) {
        const qint64 audioBytes = estimatedFormatSize(*audio, info.duration);
        choice.estimatedBytes =
            choice.estimatedBytes < 0 || audioBytes < 0 ? -1 : choice.estimatedBytes + audioBytes;
    }
    return choice;
}

} // namespace

qint64 estimatedFormatSize(const MediaFormat &format, double durationSeconds)
{
    const qint64 known = format.sizeEstimate();
    if (known > 0)
        return known;
    if (format.tbr > 0 && durationSeconds > 0)
        return qint64(format.tbr * 1000.0 / 8.0 * durationSeconds);
    return -1;
}

QList<QualityChoice> qualityChoices(const MediaInfo &info)
{
    QList<QualityChoice> choices;
    if (info.isPlaylist) {
        choices << QualityChoice{QualityPreset::Best, 0, -1};
        for (QualityPreset preset : VideoPresets)
            choices << QualityChoice{preset, presetHeight(preset), -1};
        choices << QualityChoice{QualityPreset::AudioOnly, 0, -1};
        return choices;
    }
    choices << choiceFor(info, QualityPreset::Best);
    // A preset is offered when some format lies between it and the next lower preset; the lowest preset
    // also takes everything below it, so a 240p-only video still gets one entry.
    for (std::size_t i = 0; i < VideoPresets.size(); ++i) {
        const int height = presetHeight(VideoPresets[i]);
        const int lower = i + 1 < VideoPresets.size() ? presetHeight(VideoPresets[i + 1]) : 0;
        const bool reached =
            std::any_of(info.formats.cbegin(), info.formats.cend(), [&](const MediaFormat &f) {
                return f.hasVideo() && f.height > lower && f.height <= height;
            });
        if (reached)
            choices << choiceFor(info, VideoPresets[i]);
    }
    choices << choiceFor(info, QualityPreset::AudioOnly);
    return choices;
}

} // namespace Gravity
