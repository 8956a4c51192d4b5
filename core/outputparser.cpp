#include "outputparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <array>

namespace Gravity {

namespace {

// const, not constexpr: under -fsanitize=undefined GCC cannot fold the null checks QByteArrayView's
// constructors make on a global's address, so a constexpr view of one does not compile in the asan preset.
const std::array AllPrefixes{QByteArrayView(RecordPrefix::Download),
                             QByteArrayView(RecordPrefix::PostProcess), QByteArrayView(RecordPrefix::Formats),
                             QByteArrayView(RecordPrefix::FilePath)};

// yt-dlp prints "NA" for a field it does not have, and null for one that is None.
qint64 integerOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return -1;
    const double number = value.toDouble();
    if (!(number >= 0.0) || number > 9.0e15) // also rejects NaN
        return -1;
    return static_cast<qint64>(number);
}

double numberOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return -1.0;
    const double number = value.toDouble();
    return number >= 0.0 ? number : -1.0;
}

QString stringOf(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QString text = value.toString();
    return text == QLatin1String("NA") ? QString() : text;
}

bool isRealCodec(const QString &codec)
{
    return !codec.isEmpty() && codec != QLatin1String("none");
}

std::optional<QJsonObject> objectOf(QByteArrayView json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::optional<OutputRecord> parseProgress(QByteArrayView json)
{
    const std::optional<QJsonObject> root = objectOf(json);
    if (!root)
        return std::nullopt;
    const QJsonValue progressValue = root->value(QLatin1String("p"));
    if (!progressValue.isObject())
        return std::nullopt;
    const QJsonObject progress = progressValue.toObject();

    OutputRecord record;
    record.kind = OutputRecord::Kind::Progress;
    record.status = stringOf(progress.value(QLatin1String("status")));
    if (record.status.isEmpty())
        return std::nullopt;
    record.downloadedBytes = integerOf(progress.value(QLatin1String("downloaded_bytes")));
    record.totalBytes = integerOf(progress.value(QLatin1String("total_bytes")));
    if (record.totalBytes < 0) {
        record.totalBytes = integerOf(progress.value(QLatin1String("total_bytes_estimate")));
        record.totalIsEstimate = record.totalBytes >= 0;
    }
    record.speed = numberOf(progress.value(QLatin1String("speed")));
    record.eta = integerOf(progress.value(QLatin1String("eta")));
    const qint64 fragmentIndex = integerOf(progress.value(QLatin1String("fragment_index")));
    const qint64 fragmentCount = integerOf(progress.value(QLatin1String("fragment_count")));
    if (fragmentCount > 0 && fragmentCount < (1 << 30) && fragmentIndex <= fragmentCount) {
        record.fragmentIndex = static_cast<int>(fragmentIndex);
        record.fragmentCount = static_cast<int>(fragmentCount);
    }
    record.filename = stringOf(progress.value(QLatin1String("filename")));
    return record;
}

StreamInfo streamOf(const QJsonObject &format)
{
    StreamInfo stream;
    stream.formatId = stringOf(format.value(QLatin1String("format_id")));
    const QString vcodec = stringOf(format.value(QLatin1String("vcodec")));
    const QString acodec = stringOf(format.value(QLatin1String("acodec")));
    stream.isVideo = isRealCodec(vcodec);
    // An HLS audio group has no acodec at all, only "vcodec": "none".
    stream.isAudio = isRealCodec(acodec) || (vcodec == QLatin1String("none") && !stream.isVideo);
    return stream;
}

// {"format_id": "137+140", "vcodec": …, "acodec": …, "streams": [{"format_id": "137", …}, …]}: a merge lists
// its streams; a single format is its own one stream.
std::optional<OutputRecord> parseFormats(QByteArrayView json)
{
    const std::optional<QJsonObject> root = objectOf(json);
    if (!root)
        return std::nullopt;
    OutputRecord record;
    record.kind = OutputRecord::Kind::Formats;
    // Trimmed before the check: only spaces would make an empty Formats record.
    record.text = stringOf(root->value(QLatin1String("format_id"))).trimmed();
    if (record.text.isEmpty())
        return std::nullopt;
    for (const QJsonValue &format : root->value(QLatin1String("streams")).toArray()) {
        if (format.isObject())
            record.streams.append(streamOf(format.toObject()));
    }
    if (record.streams.isEmpty())
        record.streams.append(streamOf(*root));
    return record;
}

std::optional<OutputRecord> parsePostProcess(QByteArrayView json)
{
    const std::optional<QJsonObject> root = objectOf(json);
    if (!root)
        return std::nullopt;
    OutputRecord record;
    record.kind = OutputRecord::Kind::PostProcess;
    record.status = stringOf(root->value(QLatin1String("status")));
    record.postProcessor = stringOf(root->value(QLatin1String("postprocessor")));
    if (record.status.isEmpty() || record.postProcessor.isEmpty())
        return std::nullopt;
    return record;
}

std::optional<OutputRecord> textRecord(OutputRecord::Kind kind, QByteArrayView text)
{
    OutputRecord record;
    record.kind = kind;
    record.text = QString::fromUtf8(text).trimmed();
    return record;
}

} // namespace

QList<QByteArrayView> splitRecords(QByteArrayView line)
{
    // yt-dlp runs together only its JSON records (postprocess progress on stderr), so a new record starts
    // where one of ours or an ERROR/WARNING line follows a closing brace. A prefix anywhere else is text (a
    // title, a path) and must not cut it. One pass over the braces: linear in the line's length.
    static const std::array Followers{QByteArrayView("ERROR:"), QByteArrayView("WARNING:")};
    QList<QByteArrayView> records;
    qsizetype start = 0;
    for (qsizetype brace = line.indexOf('}'); brace >= 0; brace = line.indexOf('}', brace + 1)) {
        const QByteArrayView rest = line.sliced(brace + 1);
        const auto startsRest = [&rest](QByteArrayView prefix) {
            return rest.startsWith(prefix);
        };
        if (std::any_of(AllPrefixes.begin(), AllPrefixes.end(), startsRest) ||
            std::any_of(Followers.begin(), Followers.end(), startsRest)) {
            records.append(line.sliced(start, brace + 1 - start));
            start = brace + 1;
        }
    }
    if (start < line.size())
        records.append(line.sliced(start));
    return records;
}

std::optional<OutputRecord> parseOutputRecord(QByteArrayView record)
{
    if (record.startsWith(QByteArrayView(RecordPrefix::Download)))
        return parseProgress(record.sliced(qsizetype(sizeof(RecordPrefix::Download) - 1)));
    if (record.startsWith(QByteArrayView(RecordPrefix::PostProcess)))
        return parsePostProcess(record.sliced(qsizetype(sizeof(RecordPrefix::PostProcess) - 1)));
    if (record.startsWith(QByteArrayView(RecordPrefix::Formats)))
        return parseFormats(record.sliced(qsizetype(sizeof(RecordPrefix::Formats) - 1)));
    if (record.startsWith(QByteArrayView(RecordPrefix::FilePath))) {
        // Not trimmed beyond the line end: a file name may end in spaces on some systems.
        OutputRecord path;
        path.kind = OutputRecord::Kind::FilePath;
        QByteArrayView rest = record.sliced(qsizetype(sizeof(RecordPrefix::FilePath) - 1));
        while (rest.endsWith('\r') || rest.endsWith('\n'))
            rest.chop(1);
        path.text = QString::fromUtf8(rest);
        if (path.text.isEmpty())
            return std::nullopt;
        return path;
    }
    const QByteArrayView trimmed = record.trimmed();
    if (trimmed.startsWith("ERROR:"))
        return textRecord(OutputRecord::Kind::Error, trimmed.sliced(6));
    if (trimmed.startsWith("WARNING:"))
        return textRecord(OutputRecord::Kind::Warning, trimmed.sliced(8));
    return std::nullopt;
}

PostProcessStage stageOfPostProcessor(QStringView name)
{
    if (name == u"Merger" || name == u"FFmpegMerger")
        return PostProcessStage::Merging;
    if (name.contains(u"ExtractAudio") || name.contains(u"VideoConvertor") ||
        name.contains(u"VideoRemuxer") || name.contains(u"FixupM3u8") || name.contains(u"Fixup"))
        return PostProcessStage::Converting;
    // MetadataParser only rewrites fields (--replace-in-metadata makes titles safe as file names), in an
    // instant, before the download: not a stage. FFmpegMetadata writes them into the file.
    if (name == u"MetadataParser")
        return PostProcessStage::None;
    if (name.startsWith(u"Embed") || name.contains(u"Metadata") || name.contains(u"Thumbnail"))
        return PostProcessStage::Embedding;
    if (name == u"MoveFiles" || name.contains(u"Move"))
        return PostProcessStage::Finishing;
    return PostProcessStage::None;
}

} // namespace Gravity
