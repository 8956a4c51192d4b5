// yt-dlp's output as ProcessRunner hands it over (lines split on \n and \r) through the record splitter and
// parser: the records are exactly the line cut into pieces, and what is parsed has sane values.

#include "fuzzcheck.h"
#include "outputparser.h"

#include <QByteArrayView>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace Gravity;

namespace {

void checkRecord(const OutputRecord &record)
{
    switch (record.kind) {
    case OutputRecord::Kind::Progress:
        GRAVITY_FUZZ_CHECK(!record.status.isEmpty());
        GRAVITY_FUZZ_CHECK(record.downloadedBytes >= -1 && record.totalBytes >= -1 && record.eta >= -1);
        GRAVITY_FUZZ_CHECK(!record.totalIsEstimate || record.totalBytes >= 0);
        GRAVITY_FUZZ_CHECK(record.speed == -1.0 || record.speed >= 0.0);
        GRAVITY_FUZZ_CHECK(record.fragmentCount == -1 ||
                           (record.fragmentCount > 0 && record.fragmentIndex <= record.fragmentCount));
        break;
    case OutputRecord::Kind::PostProcess:
        GRAVITY_FUZZ_CHECK(!record.status.isEmpty() && !record.postProcessor.isEmpty());
        break;
    case OutputRecord::Kind::Formats:
        // Every resolved format is at least one stream, so a progress line always has a stream to be.
        GRAVITY_FUZZ_CHECK(!record.text.isEmpty() && !record.streams.isEmpty());
        break;
    case OutputRecord::Kind::FilePath:
        GRAVITY_FUZZ_CHECK(!record.text.isEmpty());
        break;
    case OutputRecord::Kind::Error:
    case OutputRecord::Kind::Warning:
        break;
    }
    (void)stageOfPostProcessor(record.postProcessor);
}

void checkLine(QByteArrayView line)
{
    const QList<QByteArrayView> records = splitRecords(line);
    // Contiguous, non-empty pieces that together are the whole line.
    qsizetype offset = 0;
    for (const QByteArrayView record : records) {
        GRAVITY_FUZZ_CHECK(!record.isEmpty());
        GRAVITY_FUZZ_CHECK(record.data() == line.data() + offset);
        offset += record.size();
        if (const std::optional<OutputRecord> parsed = parseOutputRecord(record))
            checkRecord(*parsed);
    }
    GRAVITY_FUZZ_CHECK(offset == line.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(data, static_cast<qsizetype>(size));
    qsizetype from = 0;
    for (qsizetype i = 0; i <= bytes.size(); ++i) {
        if (i < bytes.size() && bytes[i] != '\n' && bytes[i] != '\r')
            continue;
        if (i > from)
            checkLine(bytes.sliced(from, i - from));
        from = i + 1;
    }
    return 0;
}
