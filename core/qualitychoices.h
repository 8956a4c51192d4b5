#pragma once

#include "formatselector.h"
#include "mediainfo.h"

#include <QList>

namespace Gravity {

// One line of the quality menu: what a preset will fetch for this video, and roughly how big it will be.
struct QualityChoice
{
    QualityPreset preset = QualityPreset::Best;
    int height = 0;             // the height this choice gets (0: audio, or not known)
    qint64 estimatedBytes = -1; // video plus the audio it needs; -1 when the formats do not say
};

// The choices a video really offers: Best, each preset height the formats reach (no 4K entry for a 720p
// video), then Audio only. A playlist has no formats yet, so every preset is offered without estimates.
[[nodiscard]] QList<QualityChoice> qualityChoices(const MediaInfo &info);

// The size of one format: exact, else yt-dlp's estimate, else bitrate × duration; -1 when none is known.
[[nodiscard]] qint64 estimatedFormatSize(const MediaFormat &format, double durationSeconds);

} // namespace Gravity
