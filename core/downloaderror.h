#pragma once

#include <QString>
#include <QStringView>

namespace Gravity {

// What went wrong, as data. The raw detail (yt-dlp's last ERROR line) travels beside it; the sentence a
// person reads is made from the kind at the edge, translated.
enum class ErrorKind
{
    None,
    UnsupportedUrl,
    Unavailable,   // private, removed, not found
    LoginRequired, // sign in / cookies / premium membership
    GeoBlocked,
    LiveNotSupported,   // still live: nothing finished to download yet
    NetworkUnreachable, // DNS, refused, reset, timed-out connections
    HttpError,          // the server answered 4xx/5xx
    FormatUnavailable,  // the requested format does not exist
    DiskFull,
    NotWritable, // permission denied, read-only, folder missing
    YtDlpMissing,
    YtDlpTooOld,
    FfmpegMissing,
    TimedOut,          // hard time limit, or stalled with no progress
    Crashed,           // yt-dlp died from a signal
    InvalidInfo,       // yt-dlp's JSON could not be read
    EmptySection,      // the chosen part held nothing (past the end of the video)
    PostProcessFailed, // ffmpeg failed while merging or converting
    Cancelled,
    Unknown,
};

struct DownloadError
{
    ErrorKind kind = ErrorKind::None;
    QString detail; // technical, untranslated: yt-dlp's own words, or ours

    [[nodiscard]] bool isError() const { return kind != ErrorKind::None; }
};

// Reads one of yt-dlp's "ERROR: …" lines (or a whole stderr tail) and says which kind it is.
[[nodiscard]] ErrorKind classifyYtDlpError(QStringView message);

// Stable machine id for --json and persisted data: "unsupported-url", "login-required", …
[[nodiscard]] QString errorKindId(ErrorKind kind);
// What happened and what to do, in one or two sentences for people, translated.
[[nodiscard]] QString errorKindText(ErrorKind kind);

} // namespace Gravity
