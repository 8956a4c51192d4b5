// yt-dlp's -J output (or a --load-info-json file someone hands over) through the info parser and back out as
// Gravity's JSON: it either parses or says why, and never yields negative sizes, counts or durations.

#include "fuzzcheck.h"
#include "infojsonparser.h"
#include "mediainfojson.h"

#include <QJsonDocument>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace Gravity;

namespace {

bool isKnownOrZero(double number)
{
    return std::isfinite(number) && number >= 0.0;
}

void checkInfo(const MediaInfo &info)
{
    GRAVITY_FUZZ_CHECK(isKnownOrZero(info.duration));
    GRAVITY_FUZZ_CHECK(info.viewCount >= -1);
    GRAVITY_FUZZ_CHECK(!info.isPlaylist || info.formats.isEmpty());
    for (const MediaFormat &format : info.formats) {
        GRAVITY_FUZZ_CHECK(format.width >= -1 && format.height >= -1);
        GRAVITY_FUZZ_CHECK(format.filesize >= -1 && format.filesizeApprox >= -1 && format.sizeEstimate() >= -1);
        GRAVITY_FUZZ_CHECK(isKnownOrZero(format.fps) && isKnownOrZero(format.tbr));
        GRAVITY_FUZZ_CHECK(isKnownOrZero(format.abr) && isKnownOrZero(format.vbr));
    }
    for (const PlaylistEntry &entry : info.entries) {
        GRAVITY_FUZZ_CHECK(entry.index >= 1);
        GRAVITY_FUZZ_CHECK(isKnownOrZero(entry.duration));
    }
    for (const Chapter &chapter : info.chapters)
        GRAVITY_FUZZ_CHECK(isKnownOrZero(chapter.startTime) && isKnownOrZero(chapter.endTime));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const InfoParseResult result = parseInfoJson(json);
    GRAVITY_FUZZ_CHECK(result.info.has_value() == result.error.isEmpty());
    if (!result.info)
        return 0;
    checkInfo(*result.info);
    GRAVITY_FUZZ_CHECK(result.info->rawJson == json);
    // What --json and the history write from it.
    const QByteArray written = QJsonDocument(mediaInfoToJson(*result.info)).toJson(QJsonDocument::Compact);
    GRAVITY_FUZZ_CHECK(!written.isEmpty());
    return 0;
}
