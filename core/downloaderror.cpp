#include "downloaderror.h"

#include <QCoreApplication>

#include <array>

namespace Gravity {

namespace {

struct Pattern
{
    const char *needle; // lower-case; matched against the lower-cased message
    ErrorKind kind;
};

// Order matters: the first match wins, so the more specific phrases come first. The phrases are yt-dlp's own
// (see its extractors and YoutubeDL.py) and Python's OSError texts, which reach the ERROR line verbatim.
constexpr std::array Patterns{
    Pattern{"no such option", ErrorKind::YtDlpTooOld},
    Pattern{"no space left on device", ErrorKind::DiskFull},
    Pattern{"disk quota exceeded", ErrorKind::DiskFull},
    Pattern{"file too large", ErrorKind::DiskFull},
    Pattern{"errno 28", ErrorKind::DiskFull},
    // yt-dlp 2023.03 reports a connection lost before the first byte as a missing part file
    // ("unable to download video data: [Errno 2] No such file or directory: '….part'"): the network's fault,
    // not the folder's.
    Pattern{"unable to download video data: [errno 2]", ErrorKind::NetworkUnreachable},
    Pattern{"permission denied", ErrorKind::NotWritable},
    Pattern{"read-only file system", ErrorKind::NotWritable},
    Pattern{"unable to open for writing", ErrorKind::NotWritable},
    Pattern{"unable to create directory", ErrorKind::NotWritable},
    Pattern{"no such file or directory", ErrorKind::NotWritable},
    Pattern{"not a directory", ErrorKind::NotWritable},
    Pattern{"ffmpeg not found", ErrorKind::FfmpegMissing},
    Pattern{"ffprobe and ffmpeg not found", ErrorKind::FfmpegMissing},
    Pattern{"ffmpeg is not installed", ErrorKind::FfmpegMissing},
    Pattern{"requested format is not available", ErrorKind::FormatUnavailable},
    Pattern{"requested format not available", ErrorKind::FormatUnavailable},
    Pattern{"no video formats found", ErrorKind::FormatUnavailable},
    Pattern{"unsupported url", ErrorKind::UnsupportedUrl},
    Pattern{"is not a valid url", ErrorKind::UnsupportedUrl},
    // A private video says "Sign in if you've been granted access" and yt-dlp appends its cookie hint, but
    // for almost everyone it is simply not there to download.
    Pattern{"private video", ErrorKind::Unavailable},
    Pattern{"sign in to confirm", ErrorKind::LoginRequired},
    Pattern{"login required", ErrorKind::LoginRequired},
    Pattern{"requires authentication", ErrorKind::LoginRequired},
    Pattern{"use --cookies", ErrorKind::LoginRequired},
    Pattern{"cookies-from-browser", ErrorKind::LoginRequired},
    Pattern{"you have to login", ErrorKind::LoginRequired},
    Pattern{"premium member", ErrorKind::LoginRequired},
    Pattern{"members-only", ErrorKind::LoginRequired},
    Pattern{"age-restricted", ErrorKind::LoginRequired},
    Pattern{"inappropriate for some users", ErrorKind::LoginRequired},
    Pattern{"requires payment", ErrorKind::LoginRequired},
    Pattern{"not available in your country", ErrorKind::GeoBlocked},
    Pattern{"geo restriction", ErrorKind::GeoBlocked},
    Pattern{"geo-restricted", ErrorKind::GeoBlocked},
    Pattern{"not available from your location", ErrorKind::GeoBlocked},
    Pattern{"made this video available in your country", ErrorKind::GeoBlocked}, // YouTube's own wording
    Pattern{"vpn or a proxy", ErrorKind::GeoBlocked}, // the advice yt-dlp adds to every geo restriction
    Pattern{"地区", ErrorKind::GeoBlocked},
    Pattern{" is live", ErrorKind::LiveNotSupported}, // not "This live stream recording is not available"
    Pattern{"live event will begin", ErrorKind::LiveNotSupported},
    Pattern{"premieres in", ErrorKind::LiveNotSupported},
    Pattern{"video unavailable", ErrorKind::Unavailable},
    Pattern{"has been removed", ErrorKind::Unavailable},
    Pattern{"been terminated", ErrorKind::Unavailable},
    Pattern{"does not exist", ErrorKind::Unavailable},
    Pattern{"is not available", ErrorKind::Unavailable},
    Pattern{"http error 404", ErrorKind::HttpError},
    // A fragment the server kept refusing (--abort-on-unavailable-fragments): "fragment 2 not found, unable
    // to continue".
    Pattern{"not found, unable to continue", ErrorKind::HttpError},
    Pattern{"http error", ErrorKind::HttpError},
    Pattern{"name or service not known", ErrorKind::NetworkUnreachable},
    Pattern{"temporary failure in name resolution", ErrorKind::NetworkUnreachable},
    Pattern{"getaddrinfo failed", ErrorKind::NetworkUnreachable},
    Pattern{"connection refused", ErrorKind::NetworkUnreachable},
    Pattern{"connection reset", ErrorKind::NetworkUnreachable},
    Pattern{"network is unreachable", ErrorKind::NetworkUnreachable},
    Pattern{"timed out", ErrorKind::NetworkUnreachable},
    Pattern{"unable to download webpage", ErrorKind::NetworkUnreachable},
    Pattern{"urlopen error", ErrorKind::NetworkUnreachable},
    Pattern{"incompleteread", ErrorKind::NetworkUnreachable},
    Pattern{"giving up after", ErrorKind::NetworkUnreachable},
    Pattern{"did not get any data blocks", ErrorKind::NetworkUnreachable},
    Pattern{"content too short", ErrorKind::NetworkUnreachable},
    // Last: ffmpeg failing while yt-dlp merges or converts ("Postprocessing: Conversion failed!"), when no
    // more specific cause (no space, ffmpeg missing) was named above.
    Pattern{"postprocessing:", ErrorKind::PostProcessFailed},
};

// A translation context lupdate can see.
struct ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::Error)
};

} // namespace

ErrorKind classifyYtDlpError(QStringView message)
{
    if (message.trimmed().isEmpty())
        return ErrorKind::Unknown;
    const QString lower = message.toString().toLower();
    for (const Pattern &pattern : Patterns) {
        if (lower.contains(QString::fromUtf8(pattern.needle)))
            return pattern.kind;
    }
    return ErrorKind::Unknown;
}

QString errorKindId(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::UnsupportedUrl:
        return QStringLiteral("unsupported-url");
    case ErrorKind::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorKind::LoginRequired:
        return QStringLiteral("login-required");
    case ErrorKind::GeoBlocked:
        return QStringLiteral("geo-blocked");
    case ErrorKind::LiveNotSupported:
        return QStringLiteral("live");
    case ErrorKind::NetworkUnreachable:
        return QStringLiteral("network");
    case ErrorKind::HttpError:
        return QStringLiteral("http-error");
    case ErrorKind::FormatUnavailable:
        return QStringLiteral("format-unavailable");
    case ErrorKind::DiskFull:
        return QStringLiteral("disk-full");
    case ErrorKind::NotWritable:
        return QStringLiteral("not-writable");
    case ErrorKind::YtDlpMissing:
        return QStringLiteral("yt-dlp-missing");
    case ErrorKind::YtDlpTooOld:
        return QStringLiteral("yt-dlp-too-old");
    case ErrorKind::FfmpegMissing:
        return QStringLiteral("ffmpeg-missing");
    case ErrorKind::TimedOut:
        return QStringLiteral("timed-out");
    case ErrorKind::Crashed:
        return QStringLiteral("crashed");
    case ErrorKind::InvalidInfo:
        return QStringLiteral("invalid-info");
    case ErrorKind::EmptySection:
        return QStringLiteral("empty-section");
    case ErrorKind::PostProcessFailed:
        return QStringLiteral("postprocess-failed");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString errorKindText(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::UnsupportedUrl:
        return ErrorText::tr("This site or link is not supported by yt-dlp.");
    case ErrorKind::Unavailable:
        return ErrorText::tr("This video is unavailable: it may be private or removed.");
    case ErrorKind::LoginRequired:
        return ErrorText::tr("This video needs a login: add cookies in Settings.");
    case ErrorKind::GeoBlocked:
        return ErrorText::tr("This video is not available in your region: try a proxy in Settings.");
    case ErrorKind::LiveNotSupported:
        return ErrorText::tr("This is a live stream that has not ended: try again when it is over.");
    case ErrorKind::NetworkUnreachable:
        return ErrorText::tr("The site could not be reached: check your connection or proxy.");
    case ErrorKind::HttpError:
        return ErrorText::tr("The server refused the download: try again later.");
    case ErrorKind::FormatUnavailable:
        return ErrorText::tr("The chosen quality is not available: pick another one.");
    case ErrorKind::DiskFull:
        return ErrorText::tr("The disk is full: free some space and retry.");
    case ErrorKind::NotWritable:
        return ErrorText::tr("The download folder cannot be written: choose another folder.");
    case ErrorKind::YtDlpMissing:
        return ErrorText::tr(
            "yt-dlp was not found: install it (for example \"apt install yt-dlp\") or set its path.");
    case ErrorKind::YtDlpTooOld:
        return ErrorText::tr("yt-dlp is too old: update it and try again.");
    case ErrorKind::FfmpegMissing:
        return ErrorText::tr(
            "ffmpeg was not found: install it (for example \"apt install ffmpeg\") or set its path.");
    case ErrorKind::TimedOut:
        return ErrorText::tr("The download stopped making progress and was ended: retry it.");
    case ErrorKind::Crashed:
        return ErrorText::tr("yt-dlp stopped unexpectedly: retry the download.");
    case ErrorKind::InvalidInfo:
        return ErrorText::tr("The video information could not be read.");
    case ErrorKind::PostProcessFailed:
        return ErrorText::tr("ffmpeg could not finish the file (merging or converting failed): check that "
                             "ffmpeg works, then retry.");
    case ErrorKind::EmptySection:
        return ErrorText::tr("The part chosen holds nothing: it starts past the end of the video. Choose "
                             "another start and end.");
    case ErrorKind::Cancelled:
        return ErrorText::tr("Cancelled.");
    case ErrorKind::Unknown:
        break;
    }
    return ErrorText::tr("The download failed.");
}

} // namespace Gravity
