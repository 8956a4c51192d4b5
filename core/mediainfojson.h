#pragma once

#include "mediainfo.h"

#include <QJsonObject>

namespace Gravity {

// Gravity's own JSON view of MediaInfo (for --json and saved history): a stable, documented subset of what
// yt-dlp said, with snake_case keys like yt-dlp's. Unknown numbers are left out rather than written as -1.
[[nodiscard]] QJsonObject mediaInfoToJson(const MediaInfo &info);
[[nodiscard]] QJsonObject mediaFormatToJson(const MediaFormat &format);

} // namespace Gravity
