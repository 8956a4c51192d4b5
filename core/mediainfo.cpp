#include "mediainfo.h"

#include <algorithm>

namespace Gravity {

bool MediaFormat::hasVideo() const
{
    // Generic extractors often leave the codec out but know the frame size; with no codec named at all,
    // yt-dlp itself treats the format as possibly both video and audio.
    if (vcodec.isEmpty())
        return height > 0 || acodec.isEmpty();
    return vcodec != u"none";
}

bool MediaFormat::hasAudio() const
{
    if (acodec.isEmpty())
        return vcodec == u"none" || vcodec.isEmpty(); // an HLS audio group only says "no video"
    return acodec != u"none";
}

qint64 MediaFormat::sizeEstimate() const
{
    if (filesize > 0)
        return filesize;
    if (filesizeApprox > 0)
        return filesizeApprox;
    return -1;
}

const MediaFormat *MediaInfo::findFormat(QStringView formatId) const
{
    const auto it = std::find_if(formats.cbegin(), formats.cend(), [formatId](const MediaFormat &format) {
        return format.formatId == formatId;
    });
    return it == formats.cend() ? nullptr : &*it;
}

int MediaInfo::maxHeight() const
{
    int result = 0;
    for (const MediaFormat &format : formats) {
        if (format.hasVideo())
            result = std::max(result, format.height);
    }
    return result;
}

} // namespace Gravity
