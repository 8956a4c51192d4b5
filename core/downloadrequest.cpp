#include "downloadrequest.h"

namespace Gravity {

DownloadRequest entryRequest(const MediaInfo &playlist, const PlaylistEntry &entry,
                             const DownloadOptions &options)
{
    DownloadRequest request;
    if (entry.url.startsWith(QLatin1String("http://")) || entry.url.startsWith(QLatin1String("https://")))
        request.url = entry.url;
    request.platform = playlist.platform;
    request.title = entry.title;
    request.options = options;
    if (!entry.infoJson.isEmpty()) {
        request.infoJson = entry.infoJson;
        // The TTL counts from now: a saved file may be older, and a stale URL is extracted again by the
        // entry's URL when there is one.
        request.infoFetchedAt = QDateTime::currentDateTimeUtc();
    }
    return request;
}

} // namespace Gravity
