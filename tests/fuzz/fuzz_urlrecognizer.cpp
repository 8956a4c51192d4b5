// Pasted or dropped text through the URL recognizer: whatever it accepts is an http(s) link that yt-dlp
// cannot read as an option, and accepting is stable (the normalised form is accepted as itself).

#include "fuzzcheck.h"
#include "urlrecognizer.h"

#include <QSet>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace Gravity;

namespace {

bool isPlainAscii(const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() <= 0x20 || ch.unicode() >= 0x7f)
            return false;
    }
    return true;
}

void checkAccepted(const RecognizedUrl &url)
{
    GRAVITY_FUZZ_CHECK(url.normalized.startsWith(u"https://") || url.normalized.startsWith(u"http://"));
    GRAVITY_FUZZ_CHECK(!url.input.startsWith(u'-'));
    GRAVITY_FUZZ_CHECK(isPlainAscii(url.normalized));
}

void check(const RecognizedUrl &url)
{
    if (!url.isValid()) {
        GRAVITY_FUZZ_CHECK(url.normalized.isEmpty());
        return;
    }
    checkAccepted(url);
    const RecognizedUrl again = recognizeUrl(url.normalized);
    GRAVITY_FUZZ_CHECK(again.isValid());
    GRAVITY_FUZZ_CHECK(again.normalized == url.normalized);
    GRAVITY_FUZZ_CHECK(again.platform == url.platform);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Text as it usually arrives, UTF-8; or, behind a leading 0xff (never in UTF-8), raw UTF-16, so that
    // unpaired surrogates (which no UTF-8 decodes to) reach the recognizer too.
    const auto *bytes = reinterpret_cast<const char *>(data);
    QString text;
    if (size > 0 && data[0] == 0xff) {
        // Copied, not cast: the bytes after the first are not aligned for char16_t.
        text.resize(static_cast<qsizetype>((size - 1) / 2));
        std::memcpy(text.data(), bytes + 1, std::size_t(text.size()) * sizeof(char16_t));
    } else {
        text = QString::fromUtf8(bytes, static_cast<qsizetype>(size));
    }

    const RecognizedUrl url = recognizeUrl(text);
    GRAVITY_FUZZ_CHECK(url.input == QStringView(text).trimmed());
    check(url);

    QSet<QString> keys;
    for (const RecognizedUrl &found : extractUrls(text)) {
        check(found);
        const QString key = found.isValid() ? found.normalized : found.input;
        GRAVITY_FUZZ_CHECK(!keys.contains(key));
        keys.insert(key);
    }
    return 0;
}
