#pragma once

#include <QString>

namespace Gravity {

// The sites Gravity knows in depth; everything else yt-dlp supports is Other.
enum class Platform
{
    YouTube,
    Bilibili,
    Other
};

// Stable machine id used in --json output and persisted data: "youtube", "bilibili", "other".
[[nodiscard]] QString platformId(Platform platform);
// Name for people, translated.
[[nodiscard]] QString platformDisplayName(Platform platform);

} // namespace Gravity
