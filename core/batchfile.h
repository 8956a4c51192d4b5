#pragma once

#include "urlrecognizer.h"

#include <QIODevice>
#include <QList>
#include <QString>

namespace Gravity {

// A text file of links, one per line, as yt-dlp's --batch-file reads it: blank lines and lines starting
// with '#' (or ';', ']' like yt-dlp) are skipped; a UTF-8 BOM and CRLF line ends are fine.
struct BatchFileLine
{
    int line = 0; // 1-based, as an editor shows it
    RecognizedUrl url;
};

struct BatchFile
{
    QList<BatchFileLine> accepted;
    QList<BatchFileLine> rejected; // each with its reason in url.rejection
    QString error;                 // the file could not be read (translated); nothing else is set then
    bool truncated = false;        // more than MaxLines links, or more than MaxBytes: the rest was ignored

    // Bounds, so a huge or wrong file (a video dropped by mistake) cannot freeze the window.
    static constexpr int MaxLines = 10000;
    static constexpr qint64 MaxBytes = 4 * 1024 * 1024;
};

// Reads links from an open device (a file, or stdin for "-").
[[nodiscard]] BatchFile readBatchFile(QIODevice *device);
// Opens and reads `path`; "-" reads standard input.
[[nodiscard]] BatchFile readBatchFile(const QString &path);
// "Line 3: …" for each rejected line, translated, for summaries.
[[nodiscard]] QString batchRejectText(const BatchFileLine &line);

} // namespace Gravity
