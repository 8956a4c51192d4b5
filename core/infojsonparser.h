#pragma once

#include "mediainfo.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Gravity {

struct InfoParseResult
{
    std::optional<MediaInfo> info;
    QString error; // a short technical reason when info is empty (not translated: shown as detail)
};

// Turns yt-dlp's -J output (a video, or a playlist, flat or not) into MediaInfo. Pure: bytes in, struct out.
// Never throws or crashes on malformed, truncated or wrongly-typed JSON: it reports an error instead.
// The platform comes from extractor_key (Youtube*, BiliBili*/Bilibili*), falling back to webpage_url.
[[nodiscard]] InfoParseResult parseInfoJson(const QByteArray &json);

} // namespace Gravity
