// Bytes another process wrote to the single-instance socket, through the decoder and then the URL recognizer
// as the running window uses them: what comes out is within the limits, survives a round trip, and what the
// recognizer then accepts is only ever an http(s) link that cannot read as a yt-dlp option.

#include "fuzzcheck.h"
#include "instancemessage.h"
#include "urlrecognizer.h"

#include <cstddef>
#include <cstdint>

using namespace Gravity;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(data, static_cast<qsizetype>(size));
    const std::optional<QStringList> urls = decodeInstanceMessage(bytes);
    if (!urls)
        return 0;
    GRAVITY_FUZZ_CHECK(urls->size() <= MaxInstanceMessageUrls);
    for (const QString &url : *urls) {
        GRAVITY_FUZZ_CHECK(!url.contains(QChar(u'\0')) && url.isValidUtf16());
        GRAVITY_FUZZ_CHECK(url.toUtf8().size() <= MaxInstanceMessageUrlBytes);
        const RecognizedUrl recognized = recognizeUrl(url);
        if (recognized.isValid()) {
            GRAVITY_FUZZ_CHECK(recognized.normalized.startsWith(u"https://") ||
                               recognized.normalized.startsWith(u"http://"));
            GRAVITY_FUZZ_CHECK(!recognized.input.startsWith(u'-'));
        }
    }
    // Re-encoding keeps every URL while the message is far from the size limit (an escape such as \u007f
    // writes at most six bytes for one read).
    const std::optional<QStringList> again = decodeInstanceMessage(encodeInstanceMessage(*urls));
    GRAVITY_FUZZ_CHECK(again.has_value());
    GRAVITY_FUZZ_CHECK(again->size() <= urls->size() && *again == urls->first(again->size()));
    if (bytes.size() * 6 < MaxInstanceMessageBytes)
        GRAVITY_FUZZ_CHECK(*again == *urls);
    return 0;
}
