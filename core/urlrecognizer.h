#pragma once

#include "platform.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace Gravity {

// Why pasted text is not something Gravity will hand to yt-dlp.
enum class UrlRejection
{
    None,
    Empty,           // empty or only whitespace
    LooksLikeOption, // starts with '-': would read as a yt-dlp option
    NotHttp,         // file:, javascript:, data:, ftp:, … or no scheme we can add
    TooLong,         // over MaxUrlBytes of UTF-8
    BadHost,         // no host, or a host with no dot that is not an IP literal
    Malformed,       // QUrl cannot make sense of it, or it holds control characters
};

// What kind of page a URL points at, as far as the URL alone tells.
enum class UrlKind
{
    Unknown,   // an "other" site, or a form we do not special-case
    Video,     // a single video (YouTube watch/youtu.be/embed/live, Bilibili BV/av)
    Short,     // YouTube Shorts
    Playlist,  // YouTube list=, Bilibili favourite lists / collections
    Channel,   // YouTube channel, @handle, /c/, /user/; Bilibili space
    ShortLink, // b23.tv: only yt-dlp can resolve it
    Episode,   // Bilibili bangumi ep…
    Season,    // Bilibili bangumi ss…
};

struct RecognizedUrl
{
    QString input;      // the text as given (trimmed)
    QString normalized; // what Gravity passes to yt-dlp; empty when rejected
    Platform platform = Platform::Other;
    UrlKind kind = UrlKind::Unknown;
    UrlRejection rejection = UrlRejection::None;

    [[nodiscard]] bool isValid() const { return rejection == UrlRejection::None; }
};

inline constexpr qsizetype MaxUrlBytes = 4096;

// Classify and normalise one pasted URL: trim, add https:// to bare youtube/bilibili hosts, drop tracking
// parameters (si, feature, pp, spm_id_from, vd_source, share_source, utm_*, …) and keep meaningful ones.
[[nodiscard]] RecognizedUrl recognizeUrl(QStringView text);

// Every URL-looking token in a block of pasted text (many lines, mixed with words), in order, without
// duplicates (by normalised form). Rejected tokens that clearly tried to be URLs are included, so the caller
// can say why they were refused.
[[nodiscard]] QList<RecognizedUrl> extractUrls(QStringView text);

// A sentence for people saying why the input was refused, translated.
[[nodiscard]] QString rejectionText(UrlRejection rejection);
// Stable machine id for --json: "empty", "option", "not-http", "too-long", "bad-host", "malformed".
[[nodiscard]] QString rejectionId(UrlRejection rejection);

} // namespace Gravity
