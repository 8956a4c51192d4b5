#include "outputparser.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <iterator>

using namespace Gravity;
using namespace Qt::StringLiterals;

using Kind = OutputRecord::Kind;
Q_DECLARE_METATYPE(Gravity::OutputRecord::Kind)
Q_DECLARE_METATYPE(Gravity::PostProcessStage)

namespace {

QByteArray readCapture(const QString &name)
{
    QFile file(QStringLiteral(GRAVITY_TEST_DATA "/output/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The lines ProcessRunner would hand over: split on \n and \r, empty lines dropped.
QList<QByteArray> linesOf(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= bytes.size(); ++i) {
        if (i < bytes.size() && bytes.at(i) != '\n' && bytes.at(i) != '\r')
            continue;
        if (i > from)
            lines.append(bytes.mid(from, i - from));
        from = i + 1;
    }
    return lines;
}

QList<OutputRecord> recordsOf(QByteArrayView line, int *unread = nullptr)
{
    QList<OutputRecord> records;
    for (const QByteArrayView piece : splitRecords(line)) {
        if (const std::optional<OutputRecord> record = parseOutputRecord(piece))
            records.append(*record);
        else if (unread && piece.startsWith("@@gravity-"))
            ++*unread;
    }
    return records;
}

QList<OutputRecord> replay(const QString &file, int *unread = nullptr)
{
    QList<OutputRecord> records;
    for (const QByteArray &line : linesOf(readCapture(file)))
        records.append(recordsOf(line, unread));
    return records;
}

QList<OutputRecord> ofKind(const QList<OutputRecord> &records, Kind kind)
{
    QList<OutputRecord> result;
    std::copy_if(records.cbegin(), records.cend(), std::back_inserter(result),
                 [kind](const OutputRecord &record) { return record.kind == kind; });
    return result;
}

// The progress records of each stream, in the order yt-dlp downloaded them: a stream is a file.
QList<QList<OutputRecord>> streamsOf(const QList<OutputRecord> &records)
{
    QList<QList<OutputRecord>> streams;
    for (const OutputRecord &record : ofKind(records, Kind::Progress)) {
        if (streams.isEmpty() || streams.constLast().constFirst().filename != record.filename)
            streams.append(QList<OutputRecord>());
        streams.last().append(record);
    }
    return streams;
}

QByteArray progressLine(QByteArrayView fields)
{
    return "@@gravity-dl@@ {\"p\":{\"status\":\"downloading\"" + QByteArray(fields.isEmpty() ? "" : ",") +
           fields.toByteArray() + "}}";
}

// The streams the capture's Formats record announces.
QList<StreamInfo> announcedStreams(const QList<OutputRecord> &records)
{
    const QList<OutputRecord> formats = ofKind(records, Kind::Formats);
    return formats.isEmpty() ? QList<StreamInfo>() : formats.constFirst().streams;
}

// What a progress record should say; every field not named is unknown.
struct Expected
{
    qint64 downloaded = -1;
    qint64 total = -1;
    bool estimate = false;
    double speed = -1.0;
    qint64 eta = -1;
    int fragmentIndex = -1;
    int fragmentCount = -1;
};

const QByteArray mergerStarted = R"(@@gravity-pp@@ {"status": "started", "postprocessor": "Merger"})";

} // namespace

Q_DECLARE_METATYPE(Expected)

class TestOutputParser final : public QObject
{
    Q_OBJECT

private slots:
    void captures_data();
    void captures();
    void progressWithinEachStream_data();
    void progressWithinEachStream();
    void firstRecordOfEachStream_data();
    void firstRecordOfEachStream();
    void hostileLines_data();
    void hostileLines();
    void progressFields_data();
    void progressFields();
    void streamKind_data();
    void streamKind();
    void filePaths_data();
    void filePaths();
    void stages_data();
    void stages();
    void progressLineThroughput();
};

void TestOutputParser::captures_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<QStringList>("formats");
    QTest::addColumn<QStringList>("streams");
    QTest::addColumn<QStringList>("postProcessing");
    QTest::addColumn<QString>("fileEnding");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("warnings");

    // Titles are made safe as file names (--replace-in-metadata) before anything is downloaded.
    const QStringList named{u"MetadataParser started"_s, u"MetadataParser finished"_s};
    const QStringList moved{u"MoveFiles started"_s, u"MoveFiles finished"_s};
    QTest::newRow("HLS 360p: video and audio group are downloaded, merged, then moved")
        << u"hls-merge-360"_s << QStringList{u"800+aud-English"_s} << QStringList{u"800"_s, u"aud-English"_s}
        << named + QStringList{u"Merger started"_s, u"Merger finished"_s} + moved << u"/master [master].mp4"_s
        << QString() << QStringList();
    QTest::newRow("one mp4 from a page is downloaded and moved")
        << u"page-single"_s << QStringList{u"0"_s} << QStringList{u"0"_s} << named + moved
        << u"/Gravity Test Clip (1) [page-1].mp4"_s << QString()
        << QStringList{u"[generic] Falling back on generic information extractor"_s};
    QTest::newRow("audio is extracted to mp3 and the mp3 is the file")
        << u"audio-mp3"_s << QStringList{u"0"_s} << QStringList{u"0"_s}
        << named + QStringList{u"ExtractAudio started"_s, u"ExtractAudio finished"_s} + moved
        << u"/Gravity Test Clip (1) [page-1].mp3"_s << QString()
        << QStringList{u"[generic] Falling back on generic information extractor"_s};
    QTest::newRow("a download from saved info needs no page and gives the same file")
        << u"load-info-json"_s << QStringList{u"0"_s} << QStringList{u"0"_s} << named + moved
        << u"/Gravity Test Clip (1) [page-1].mp4"_s << QString() << QStringList();
    QTest::newRow("a 404 page is one error in the server's words, plus the -f best warning")
        << u"http-404"_s << QStringList() << QStringList() << QStringList() << QString()
        << u"HTTP Error 404"_s << QStringList{u"\"-f best\" selects the best pre-merged format"_s};
}

void TestOutputParser::captures()
{
    QFETCH(QString, capture);
    QFETCH(QStringList, streams);
    QFETCH(QStringList, postProcessing);
    QFETCH(QString, fileEnding);
    QFETCH(QString, error);
    QFETCH(QStringList, warnings);

    int unread = 0;
    const QList<OutputRecord> out = replay(capture + u".stdout", &unread);
    const QList<OutputRecord> err = replay(capture + u".stderr", &unread);
    QVERIFY2(!readCapture(capture + u".stderr").isEmpty(), "capture missing");
    QCOMPARE(unread, 0); // every record Gravity asked yt-dlp for is understood

    QStringList formats;
    for (const OutputRecord &record : ofKind(out, Kind::Formats))
        formats.append(record.text);
    QTEST(formats, "formats");

    // The Formats record names the streams; the progress records then come stream by stream, one file each.
    QStringList streamIds;
    for (const StreamInfo &stream : announcedStreams(out))
        streamIds.append(stream.formatId);
    QCOMPARE(streamIds, streams);
    QCOMPARE(streamsOf(out).size(), streams.size());

    QStringList steps;
    for (const OutputRecord &record : ofKind(err, Kind::PostProcess))
        steps.append(QString(record.postProcessor + u' ' + record.status));
    QCOMPARE(steps, postProcessing);

    const QList<OutputRecord> files = ofKind(out, Kind::FilePath);
    QCOMPARE(files.size(), fileEnding.isEmpty() ? 0 : 1);
    if (!fileEnding.isEmpty())
        QVERIFY2(files.constFirst().text.endsWith(fileEnding), qPrintable(files.constFirst().text));

    const QList<OutputRecord> errors = ofKind(out + err, Kind::Error);
    QCOMPARE(errors.size(), error.isEmpty() ? 0 : 1);
    if (!error.isEmpty())
        QVERIFY2(errors.constFirst().text.contains(error), qPrintable(errors.constFirst().text));

    const QList<OutputRecord> warningRecords = ofKind(out + err, Kind::Warning);
    QCOMPARE(warningRecords.size(), warnings.size());
    for (qsizetype i = 0; i < warnings.size(); ++i)
        QVERIFY2(warningRecords.at(i).text.startsWith(warnings.at(i)), qPrintable(warningRecords.at(i).text));
}

void TestOutputParser::progressWithinEachStream_data()
{
    captures_data();
}

void TestOutputParser::progressWithinEachStream()
{
    QFETCH(QString, capture);
    QFETCH(QStringList, streams);
    const QList<QList<OutputRecord>> progress = streamsOf(replay(capture + u".stdout"));
    QCOMPARE(progress.size(), streams.size());
    for (const QList<OutputRecord> &stream : progress) {
        qint64 previous = 0;
        for (qsizetype i = 0; i < stream.size(); ++i) {
            const OutputRecord &record = stream.at(i);
            // The bar never goes backwards, and a stream is "finished" once, at its end.
            QVERIFY2(record.downloadedBytes >= previous, qPrintable(record.filename));
            previous = record.downloadedBytes;
            QCOMPARE(record.status, i + 1 == stream.size() ? u"finished"_s : u"downloading"_s);
            QCOMPARE(record.filename, stream.constFirst().filename);
            QVERIFY(!record.filename.endsWith(u".part"));
            QVERIFY(record.fragmentIndex <= record.fragmentCount);
        }
        QCOMPARE(stream.constLast().downloadedBytes, stream.constLast().totalBytes);
        QVERIFY(!stream.constLast().totalIsEstimate);
    }
}

void TestOutputParser::firstRecordOfEachStream_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<int>("stream");
    QTest::addColumn<QString>("formatId");
    QTest::addColumn<bool>("video");
    QTest::addColumn<bool>("audio");
    QTest::addColumn<int>("fragmentCount");
    QTest::addColumn<qint64>("totalBytes");
    QTest::addColumn<bool>("estimate");
    QTest::addColumn<bool>("speedKnown");
    QTest::addColumn<QString>("fileEnding");

    QTest::newRow("HLS 360p: the video stream comes first, in 2 fragments, of estimated size")
        << u"hls-merge-360"_s << 0 << u"800"_s << true << false << 2 << qint64(132728) << true << true
        << u"master [master].f800.mp4"_s;
    QTest::newRow("HLS 360p: then the audio group, in 3 fragments, audio though it names no acodec")
        << u"hls-merge-360"_s << 1 << u"aud-English"_s << false << true << 3 << qint64(103212) << true
        << false << u"master [master].faud-English.mp4"_s;
    QTest::newRow("one mp4 from a page: exact size, codecs and first speed unknown")
        << u"page-single"_s << 0 << u"0"_s << false << false << -1 << qint64(120278) << false << false
        << u"Test Clip (1) [page-1].mp4"_s;
    QTest::newRow("audio to mp3: the source mp4 is downloaded before it is converted")
        << u"audio-mp3"_s << 0 << u"0"_s << false << false << -1 << qint64(120278) << false << false
        << u"Test Clip (1) [page-1].mp4"_s;
}

void TestOutputParser::firstRecordOfEachStream()
{
    QFETCH(QString, capture);
    QFETCH(int, stream);
    QFETCH(bool, speedKnown);
    QFETCH(QString, fileEnding);

    const QList<OutputRecord> out = replay(capture + u".stdout");
    const QList<QList<OutputRecord>> streams = streamsOf(out);
    const QList<StreamInfo> announced = announcedStreams(out);
    QVERIFY(stream < streams.size() && stream < announced.size());
    QTEST(announced.at(stream).formatId, "formatId");
    QTEST(announced.at(stream).isVideo, "video");
    QTEST(announced.at(stream).isAudio, "audio");
    const OutputRecord &record = streams.at(stream).constFirst();
    QTEST(record.fragmentCount, "fragmentCount");
    QTEST(record.totalBytes, "totalBytes");
    QTEST(record.totalIsEstimate, "estimate");
    QCOMPARE(record.speed > 0.0, speedKnown);
    QCOMPARE(record.eta, qint64(speedKnown ? 0 : -1));
    QCOMPARE(record.downloadedBytes, qint64(1024));
    QVERIFY2(record.filename.endsWith(fileEnding), qPrintable(record.filename));
}

void TestOutputParser::hostileLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QList<Kind>>("kinds");

    auto row = [](const char *name, const QByteArray &line, const QList<Kind> &kinds = {}) {
        QTest::newRow(name) << line << kinds;
    };
    const QByteArray ok = progressLine({});
    row("an empty line is nothing", {});
    row("a prefix alone is nothing", "@@gravity-dl@@ ");
    row("every prefix alone on one line is nothing",
        "@@gravity-dl@@ @@gravity-pp@@ @@gravity-fmt@@ @@gravity-file@@ ");
    row("a prefix without its space is ordinary text", ok.sliced(0, 14) + ok.sliced(15));
    row("a progress record with only a status is read", ok, {Kind::Progress});
    row("truncated JSON is nothing", ok.chopped(5));
    row("p as a string is nothing", R"(@@gravity-dl@@ {"p":"downloading"})");
    row("a JSON array is nothing", R"(@@gravity-dl@@ [{"p":{}}])");
    row("status as a number is nothing", R"(@@gravity-dl@@ {"p":{"status":1}})");
    row("status NA is nothing", R"(@@gravity-dl@@ {"p":{"status":"NA"}})");
    row("a bare NaN is not JSON, so nothing", progressLine(R"("downloaded_bytes":NaN)"));
    row("binary garbage is nothing", QByteArray("\x00\xff\xfe@@\x01gravity\x7f\x1b[0m", 18));
    row("binary garbage after a prefix is nothing", QByteArray("@@gravity-pp@@ \x00\xff{\"\x01", 20));
    row("invalid UTF-8 inside progress JSON is nothing",
        progressLine("\"filename\":\"/d/\xc3\x28\xff.mp4\""));
    row("invalid UTF-8 in a file path is still the file", "@@gravity-file@@ /d/\xc3\x28\xff.mp4",
        {Kind::FilePath});
    row("a megabyte of garbage is nothing", QByteArray(1 << 20, 'x'));
    row("a megabyte file name in a progress record is read",
        progressLine(QByteArray("\"filename\":\"" + QByteArray(1 << 20, 'a') + '"')), {Kind::Progress});
    row("64 KiB of one prefix over and over is nothing", QByteArray("@@gravity-dl@@ ").repeated(4400));
    row("progress and postprocess run together on one line are both read", ok + mergerStarted,
        {Kind::Progress, Kind::PostProcess});
    row("a prefix after ordinary text is part of that text, not a record", "[download] 100%" + mergerStarted);
    row("an ERROR run onto a postprocess record is read as an error of its own",
        mergerStarted + "ERROR: Postprocessing: Conversion failed!", {Kind::PostProcess, Kind::Error});
    row("a postprocess record without a postprocessor is nothing", R"(@@gravity-pp@@ {"status": "started"})");
    row("formats as a bare number is nothing", "@@gravity-fmt@@ 800");
    row("formats as a bare string is nothing", R"(@@gravity-fmt@@ "800")");
    row("formats that try to close the brace are nothing", R"(@@gravity-fmt@@ {"format_id":"a"}],["b")");
    row("formats NA is nothing", R"(@@gravity-fmt@@ {"format_id":"NA"})");
    row("formats of only spaces is nothing", R"(@@gravity-fmt@@ {"format_id":" "})");
    row("formats with streams that are not objects are still the formats",
        R"(@@gravity-fmt@@ {"format_id":"1+2","streams":[1,"x",null]})", {Kind::Formats});
    row("an ERROR line is an error", "ERROR: [generic] x: boom", {Kind::Error});
    row("an ERROR with no words is still an error", "ERROR:", {Kind::Error});
    row("an indented ERROR is an error", "  ERROR: x", {Kind::Error});
    row("ERROR in the middle of a line is not an error", "[download] ERROR: x");
    row("an old yt-dlp's option error is no ERROR record (the stderr tail carries it)",
        "yt-dlp: error: no such option: --progress-template");
    row("a WARNING line is a warning", "WARNING: x", {Kind::Warning});
    row("a warning's indented second line is nothing", "         To let yt-dlp download and merge");
}

void TestOutputParser::hostileLines()
{
    QFETCH(QByteArray, line);
    QList<Kind> kinds;
    for (const OutputRecord &record : recordsOf(line))
        kinds.append(record.kind);
    QTEST(kinds, "kinds");
}

void TestOutputParser::progressFields_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<Expected>("expected");

    auto row = [](const char *name, const char *fields, Expected expected) {
        QTest::newRow(name) << QByteArray(fields) << expected;
    };
    row("exact sizes are read as they are",
        R"("downloaded_bytes":1024,"total_bytes":4096,"speed":512.5,"eta":6)",
        {.downloaded = 1024, .total = 4096, .speed = 512.5, .eta = 6});
    row("an estimate stands in for a missing total", R"("total_bytes":null,"total_bytes_estimate":8192.0)",
        {.total = 8192, .estimate = true});
    row("an exact total wins over an estimate", R"("total_bytes":4096,"total_bytes_estimate":8192)",
        {.total = 4096});
    row("negative numbers are unknown", R"("downloaded_bytes":-5,"total_bytes":-1,"speed":-3.5,"eta":-2)",
        {});
    row("NaN-like strings are unknown", R"("downloaded_bytes":"NaN","total_bytes":"Infinity","speed":"inf")",
        {});
    row("NA strings are unknown", R"("downloaded_bytes":"NA","total_bytes":"NA","speed":"NA","eta":"NA")",
        {});
    row("1e300 bytes are unknown, not a wrapped integer", R"("downloaded_bytes":1e300,"eta":1e300)", {});
    row("9e15 bytes are still a size", R"("downloaded_bytes":9e15)", {.downloaded = 9'000'000'000'000'000});
    row("fractions of a byte are dropped", R"("downloaded_bytes":1023.9)", {.downloaded = 1023});
    row("numbers as strings and booleans are unknown", R"("downloaded_bytes":"1024","total_bytes":true)", {});
    row("a standing download has speed zero, not unknown", R"("speed":0)", {.speed = 0.0});
    row("fragment 3 of 7", R"("fragment_index":3,"fragment_count":7)",
        {.fragmentIndex = 3, .fragmentCount = 7});
    row("the last fragment equals the count", R"("fragment_index":2,"fragment_count":2)",
        {.fragmentIndex = 2, .fragmentCount = 2});
    row("a fragment index past the count drops both", R"("fragment_index":5,"fragment_count":2)", {});
    row("zero fragments means none", R"("fragment_index":0,"fragment_count":0)", {});
    row("ten billion fragments are not believed", R"("fragment_index":1,"fragment_count":1e10)", {});
    row("a count without an index keeps the count", R"("fragment_count":3)", {.fragmentCount = 3});
}

void TestOutputParser::progressFields()
{
    QFETCH(QByteArray, fields);
    QFETCH(Expected, expected);
    const std::optional<OutputRecord> record = parseOutputRecord(progressLine(fields));
    QVERIFY(record);
    QCOMPARE(record->kind, Kind::Progress);
    QCOMPARE(record->status, u"downloading"_s);
    QCOMPARE(record->downloadedBytes, expected.downloaded);
    QCOMPARE(record->totalBytes, expected.total);
    QCOMPARE(record->totalIsEstimate, expected.estimate);
    QCOMPARE(record->speed, expected.speed);
    QCOMPARE(record->eta, expected.eta);
    QCOMPARE(record->fragmentIndex, expected.fragmentIndex);
    QCOMPARE(record->fragmentCount, expected.fragmentCount);
}

void TestOutputParser::streamKind_data()
{
    QTest::addColumn<QByteArray>("codecs");
    QTest::addColumn<bool>("video");
    QTest::addColumn<bool>("audio");
    QTest::addColumn<bool>("merged"); // the codecs of the second of two streams, or of one format

    QTest::newRow("H.264 with no audio is the video stream")
        << QByteArray(R"("vcodec":"avc1.64001e","acodec":"none")") << true << false << false;
    QTest::newRow("no video and AAC is the audio stream")
        << QByteArray(R"("vcodec":"none","acodec":"mp4a.40.2")") << false << true << true;
    QTest::newRow("an HLS audio group: no video, no acodec at all, is audio")
        << QByteArray(R"("vcodec":"none")") << false << true << true;
    QTest::newRow("no video and acodec NA is audio")
        << QByteArray(R"("vcodec":"none","acodec":"NA")") << false << true << false;
    QTest::newRow("a muxed file is both")
        << QByteArray(R"("vcodec":"vp9","acodec":"opus")") << true << true << false;
    QTest::newRow("a page's file with codecs unknown is neither")
        << QByteArray(R"("vcodec":"NA","acodec":"NA")") << false << false << false;
    QTest::newRow("null codecs are neither")
        << QByteArray(R"("vcodec":null,"acodec":null)") << false << false << true;
    QTest::newRow("codecs as numbers are neither")
        << QByteArray(R"("vcodec":1,"acodec":2)") << false << false << false;
}

void TestOutputParser::streamKind()
{
    QFETCH(QByteArray, codecs);
    QFETCH(bool, merged);
    // As yt-dlp prints them: a merge lists its streams, a single format is its own one stream.
    QByteArray line;
    if (merged) {
        line = R"(@@gravity-fmt@@ {"format_id":"137+140","vcodec":"avc1","acodec":"x",)"
               R"("streams":[{"format_id":"137","vcodec":"avc1","acodec":"none"},{"format_id":"140",)";
        line += codecs + "}]}";
    } else {
        line = R"(@@gravity-fmt@@ {"format_id":"18",)";
        line += codecs + R"(,"streams":{}})";
    }
    const std::optional<OutputRecord> record = parseOutputRecord(line);
    QVERIFY(record);
    QCOMPARE(record->kind, Kind::Formats);
    QCOMPARE(record->text, merged ? u"137+140"_s : u"18"_s);
    QCOMPARE(record->streams.size(), merged ? 2 : 1);
    const StreamInfo &stream = record->streams.constLast();
    QCOMPARE(stream.formatId, merged ? u"140"_s : u"18"_s);
    QTEST(stream.isVideo, "video");
    QTEST(stream.isAudio, "audio");
    if (merged)
        QVERIFY(record->streams.constFirst().isVideo && !record->streams.constFirst().isAudio);
}

void TestOutputParser::filePaths_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("filePaths");
    QTest::addColumn<int>("records");

    auto row = [](const char *name, const char *line, const QString &path) {
        QTest::newRow(name) << QByteArray(line) << QStringList{path} << 1;
    };
    row("a path is taken as printed, spaces and brackets included",
        "@@gravity-file@@ /d/Test Clip (1) [page-1].mp4", u"/d/Test Clip (1) [page-1].mp4"_s);
    row("a carriage return at the end is not part of the path", "@@gravity-file@@ /d/x.mp4\r\n",
        u"/d/x.mp4"_s);
    row("trailing spaces are part of the path", "@@gravity-file@@ /d/x.mp4  ", u"/d/x.mp4  "_s);
    row("a Chinese path keeps its characters", "@@gravity-file@@ /下载/视频 [BV1xx].mp4",
        u"/下载/视频 [BV1xx].mp4"_s);
    row("a Windows path keeps its backslashes", R"(@@gravity-file@@ C:\Users\a\x.mp4)",
        uR"(C:\Users\a\x.mp4)"_s);
    row("a prefix without its trailing space in a title is harmless",
        "@@gravity-file@@ /d/a @@gravity-file@@b.mp4", u"/d/a @@gravity-file@@b.mp4"_s);

    // A title is free text, and the default template puts it in the file name.
    QTest::newRow("the file prefix inside a title stays part of the path")
        << QByteArray("@@gravity-file@@ /d/evil @@gravity-file@@ x [id].mp4")
        << QStringList{u"/d/evil @@gravity-file@@ x [id].mp4"_s} << 1;
    QTest::newRow("the progress prefix in a title is just part of the file name")
        << progressLine(R"("filename":"/d/a @@gravity-dl@@ b.mp4","downloaded_bytes":1)") << QStringList()
        << 1;
    QTest::newRow("the postprocess prefix after a brace in a title cuts that progress record, nothing else")
        << progressLine(R"("filename":"/d/a {}@@gravity-pp@@ {} b.mp4")") << QStringList() << 0;
}

void TestOutputParser::filePaths()
{
    QFETCH(QByteArray, line);
    const QList<OutputRecord> records = recordsOf(line);
    QStringList paths;
    for (const OutputRecord &record : ofKind(records, Kind::FilePath))
        paths.append(record.text);
    QTEST(paths, "filePaths");
    QTEST(int(records.size()), "records");
}

void TestOutputParser::stages_data()
{
    QTest::addColumn<QString>("postProcessor");
    QTest::addColumn<PostProcessStage>("stage");

    QTest::newRow("Merger is merging") << u"Merger"_s << PostProcessStage::Merging;
    QTest::newRow("FFmpegMerger is merging") << u"FFmpegMerger"_s << PostProcessStage::Merging;
    QTest::newRow("ExtractAudio is converting") << u"ExtractAudio"_s << PostProcessStage::Converting;
    QTest::newRow("FFmpegExtractAudio is converting")
        << u"FFmpegExtractAudio"_s << PostProcessStage::Converting;
    QTest::newRow("VideoRemuxer is converting") << u"VideoRemuxer"_s << PostProcessStage::Converting;
    QTest::newRow("VideoConvertor is converting") << u"VideoConvertor"_s << PostProcessStage::Converting;
    QTest::newRow("FixupM3u8 is converting") << u"FixupM3u8"_s << PostProcessStage::Converting;
    QTest::newRow("EmbedThumbnail is embedding") << u"EmbedThumbnail"_s << PostProcessStage::Embedding;
    QTest::newRow("EmbedSubtitle is embedding") << u"EmbedSubtitle"_s << PostProcessStage::Embedding;
    QTest::newRow("FFmpegMetadata is embedding") << u"FFmpegMetadata"_s << PostProcessStage::Embedding;
    QTest::newRow("Metadata is embedding") << u"Metadata"_s << PostProcessStage::Embedding;
    QTest::newRow("MetadataParser only rewrites titles: nothing a person needs told")
        << u"MetadataParser"_s << PostProcessStage::None;
    QTest::newRow("MoveFiles is finishing") << u"MoveFiles"_s << PostProcessStage::Finishing;
    QTest::newRow("SponsorBlock is nothing a person needs told")
        << u"SponsorBlock"_s << PostProcessStage::None;
    QTest::newRow("an unknown postprocessor is none") << u"Frobnicate"_s << PostProcessStage::None;
    QTest::newRow("an empty name is none") << QString() << PostProcessStage::None;
}

void TestOutputParser::stages()
{
    QFETCH(QString, postProcessor);
    QTEST(stageOfPostProcessor(postProcessor), "stage");
}

// A benchmark, not a check: yt-dlp prints dozens of these a second per download. Never asserts on time.
void TestOutputParser::progressLineThroughput()
{
    const QList<QByteArray> lines = linesOf(readCapture(u"hls-merge-360.stdout"_s));
    QVERIFY(lines.size() > 1);
    const QByteArray line = lines.at(1);
    QCOMPARE(recordsOf(line).size(), 1);
    qint64 bytes = 0;
    QBENCHMARK
    {
        for (const QByteArrayView piece : splitRecords(line))
            bytes += parseOutputRecord(piece).value_or(OutputRecord{}).downloadedBytes;
    }
    QVERIFY(bytes > 0);
}

QTEST_GUILESS_MAIN(TestOutputParser)
#include "tst_outputparser.moc"
