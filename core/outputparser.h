#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gravity {

// The prefixes Gravity asks yt-dlp to put in front of its machine-readable records (see ytdlparguments.cpp).
// They are unlikely in any other output, so a record is recognised wherever it starts.
namespace RecordPrefix {
inline constexpr char Download[] = "@@gravity-dl@@ ";
inline constexpr char PostProcess[] = "@@gravity-pp@@ ";
inline constexpr char Formats[] = "@@gravity-fmt@@ ";
inline constexpr char FilePath[] = "@@gravity-file@@ ";
} // namespace RecordPrefix

// One stream of a download, as the Formats record lists it.
struct StreamInfo
{
    QString formatId;
    bool isVideo = false;
    bool isAudio = false;
};

// One thing yt-dlp said, read from one record of its output.
struct OutputRecord
{
    enum class Kind
    {
        Progress,    // a download progress record (status downloading/finished/error)
        PostProcess, // a postprocessor started/finished (Merger, ExtractAudio, …)
        Formats,     // the format ids yt-dlp resolved, e.g. "137+140", and what each stream is
        FilePath,    // the final file, after every postprocessor and the move
        Error,       // "ERROR: …"
        Warning,     // "WARNING: …"
    };
    Kind kind = Kind::Progress;

    // Progress
    QString status; // "downloading", "finished", "error"
    qint64 downloadedBytes = -1;
    qint64 totalBytes = -1; // exact or estimated (see totalIsEstimate); -1 when unknown
    bool totalIsEstimate = false;
    double speed = -1.0;    // bytes per second; -1 when unknown
    qint64 eta = -1;        // seconds; -1 when unknown
    int fragmentIndex = -1; // HLS/DASH fragments
    int fragmentCount = -1;
    // Where the stream is written (yt-dlp adds .part while it runs): a new file is the next stream. Which
    // stream that is comes from the Formats record (streams), not from each record: asking yt-dlp for the
    // format and codecs on every progress line cost it 40 µs a line, 2% of a fast download.
    QString filename;

    // Formats: the streams in the order yt-dlp downloads them (video before audio in a merge); one for a
    // single format.
    QList<StreamInfo> streams;

    // PostProcess: status ("started", "processing", "finished") and the postprocessor's name.
    QString postProcessor;

    // Formats, FilePath, Error, Warning: the text after the prefix.
    QString text;
};

// Splits one line of output into records: yt-dlp writes some records without a newline (its postprocess
// progress on stderr runs them together), so a record also starts where a prefix follows a JSON record.
[[nodiscard]] QList<QByteArrayView> splitRecords(QByteArrayView line);

// Reads one record; nullopt for anything that is not one of ours or an ERROR/WARNING line, and for records
// whose JSON is broken or has the wrong types (never throws, never crashes).
[[nodiscard]] std::optional<OutputRecord> parseOutputRecord(QByteArrayView record);

// What a postprocessor means to a person.
enum class PostProcessStage
{
    None,
    Merging,
    Converting,
    Embedding,
    Finishing
};
[[nodiscard]] PostProcessStage stageOfPostProcessor(QStringView name);

} // namespace Gravity
