#pragma once

#include "downloaderror.h"
#include "mediainfo.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Gravity {

// The chosen quality could not be fetched (403 or a login on its video format, as Bilibili answers a visitor
// for its 1080P and membership tiers) and the best one that could was downloaded instead. Data: the ui words
// it with qualityFallbackText().
struct QualityFallback
{
    QString fromFormat; // the first format refused; empty: no fallback happened
    int fromHeight = 0; // 0 when not known
    QString fromNote;   // its format_note, e.g. "1080P 高码率"
    int toHeight = 0;
    QString toNote;

    [[nodiscard]] bool happened() const { return !fromFormat.isEmpty(); }
};

// "Got 480p: 1080p needs a login or membership", translated; empty when nothing fell back.
[[nodiscard]] QString qualityFallbackText(const QualityFallback &fallback);

// A refusal of the request, as opposed to a missing file, a server error or a network fault.
[[nodiscard]] bool isRefusal(ErrorKind kind, QStringView detail);

// The stream that failed, from what the run reported: yt-dlp says nothing of a request refused outright, so
// it is the one after the last finished stream, or the one in progress (0-based into the resolved ids).
[[nodiscard]] int failingStream(int streamIndex, bool lastStreamFinished);

// The format id among `resolved` ("30112+30280") at `stream` when it is a video format of `info` and another
// video format not in `excluded` is left to fall back to; empty otherwise.
[[nodiscard]] QString replaceableVideoFormat(const MediaInfo &info, QStringView resolved, int stream,
                                             const QStringList &excluded);

// yt-dlp's info JSON without the formats whose ids are given (and without its stale requested_formats), so
// its own selection picks the best of the rest. Empty when the JSON is not an object.
[[nodiscard]] QByteArray infoWithoutFormats(const QByteArray &json, const QStringList &formatIds);

} // namespace Gravity
