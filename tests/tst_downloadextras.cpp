// What a download does besides fetching, for real: the real yt-dlp and ffmpeg against the loopback server,
// the results checked with ffprobe. YouTube-only features (SponsorBlock, chapters, a thumbnail) use a
// YouTube-shaped info JSON whose URLs point at the loopback server.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "testhelpers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

const QString videoId = u"aqz-KE-bpKQ"_s;

QStringList chapterTitles(const QJsonObject &probe)
{
    QStringList titles;
    const QJsonArray chapters = probe.value(u"chapters"_s).toArray();
    for (const QJsonValue &chapter : chapters)
        titles << chapter.toObject().value(u"tags"_s).toObject().value(u"title"_s).toString();
    return titles;
}

bool hasAttachedPicture(const QJsonObject &probe)
{
    const QJsonArray streams = probe.value(u"streams"_s).toArray();
    for (const QJsonValue &stream : streams) {
        if (stream.toObject().value(u"disposition"_s).toObject().value(u"attached_pic"_s).toInt() == 1)
            return true;
    }
    return false;
}

} // namespace

class TestDownloadExtras : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    // tests/data/info/youtube-video.json made to fit a served file: the 3 s clip as DASH streams (with three
    // chapters), or the 20 s slow.mp4 as YouTube's progressive format 18 (SponsorBlock ignores a segment
    // within a second of both ends, which leaves nothing of a 3 s clip). The thumbnail and subtitles are on
    // the loopback server; the title, uploader and extractor are the real page's.
    QString youtubeInfo(const QString &dir, bool twentySeconds)
    {
        QFile file(testDataPath(u"info/youtube-video.json"_s));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray formats;
        const QJsonArray original = info.value(u"formats"_s).toArray();
        for (const QJsonValue &value : original) {
            QJsonObject format = value.toObject();
            const QString id = format.value(u"format_id"_s).toString();
            if (twentySeconds && id == u"18")
                format.insert(u"url"_s, m_fixture.url(u"slow.mp4"_s));
            else if (!twentySeconds && id == u"134")
                format.insert(u"url"_s, m_fixture.url(u"dash/video360.mp4"_s));
            else if (!twentySeconds && id == u"140")
                format.insert(u"url"_s, m_fixture.url(u"dash/audio.m4a"_s));
            else
                continue;
            format.remove(u"filesize"_s);
            formats.append(format);
        }
        info.insert(u"formats"_s, formats);
        for (const char *key :
             {"requested_formats", "requested_subtitles", "automatic_captions", "format_id", "format", "url"})
            info.remove(QLatin1String(key));
        info.insert(u"duration"_s, twentySeconds ? 20 : 3);
        info.insert(u"thumbnail"_s, m_fixture.url(u"thumb.jpg"_s));
        info.insert(u"thumbnails"_s,
                    QJsonArray{QJsonObject{{u"url"_s, m_fixture.url(u"thumb.jpg"_s)}, {u"id"_s, u"0"_s}}});
        if (twentySeconds)
            info.remove(u"chapters"_s);
        else
            info.insert(
                u"chapters"_s,
                QJsonArray{
                    QJsonObject{{u"start_time"_s, 0.0}, {u"end_time"_s, 1.0}, {u"title"_s, u"Opening"_s}},
                    QJsonObject{
                        {u"start_time"_s, 1.0}, {u"end_time"_s, 2.0}, {u"title"_s, u"The bunny wakes up"_s}},
                    QJsonObject{{u"start_time"_s, 2.0}, {u"end_time"_s, 3.0}, {u"title"_s, u"Credits"_s}}});
        info.insert(u"subtitles"_s,
                    QJsonObject{{u"en"_s, QJsonArray{QJsonObject{{u"ext"_s, u"vtt"_s},
                                                                 {u"url"_s, m_fixture.url(u"subs/en.vtt"_s)},
                                                                 {u"name"_s, u"English"_s}}}}});
        const QString path = QDir(dir).filePath(u"youtube.info.json"_s);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(QJsonDocument(info).toJson(QJsonDocument::Compact));
        return path;
    }

    DownloadRequest youtubeRequest(const QString &dir, bool twentySeconds = false)
    {
        DownloadRequest request;
        request.platform = Platform::YouTube;
        request.infoJsonFile = youtubeInfo(dir, twentySeconds);
        request.options.outputDir = dir;
        request.options.container = Container::Mp4;
        return request;
    }

    DownloadProgress download(const DownloadRequest &request, EngineConfig config = {})
    {
        if (config.infoCacheDir.isEmpty())
            config = m_fixture.config();
        DownloadQueue queue(config);
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        const quint64 id = queue.enqueue(request);
        if (finished.isEmpty() && !finished.wait(180000))
            return {};
        return queue.task(id)->progress();
    }

    // The SponsorBlock API's answer for the video: one sponsor segment from 5 s to 10 s of the 20 s file.
    void serveSponsorSegment()
    {
        const QJsonObject segment{{u"segment"_s, QJsonArray{5.0, 10.0}},
                                  {u"category"_s, u"sponsor"_s},
                                  {u"actionType"_s, u"skip"_s},
                                  {u"UUID"_s, u"a1"_s},
                                  {u"videoDuration"_s, 20.0},
                                  {u"locked"_s, 0},
                                  {u"votes"_s, 5},
                                  {u"description"_s, QString()}};
        const QJsonArray videos{QJsonObject{{u"videoID"_s, videoId}, {u"segments"_s, QJsonArray{segment}}}};
        const QByteArray answer = QJsonDocument(videos).toJson(QJsonDocument::Compact);
        m_fixture.server().setResponse(sponsorPath(), answer);
    }

    [[nodiscard]] QString sponsorPath() const
    {
        const QByteArray hash =
            QCryptographicHash::hash(videoId.toLatin1(), QCryptographicHash::Sha256).toHex();
        return u"api/skipSegments/"_s + QString::fromLatin1(hash.left(4));
    }

    EngineConfig sponsorBlockConfig()
    {
        EngineConfig config = m_fixture.config();
        config.network.sponsorBlockApi = m_fixture.server().baseUrl();
        return config;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    void aTimeRangeGivesOnlyThatPart()
    {
        DownloadRequest request;
        request.url = m_fixture.url(u"slow.html"_s);
        request.options.outputDir = m_fixture.scratch(u"section"_s);
        request.options.section = TimeRange{5, 9};
        const DownloadProgress result = download(request);
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        const double duration = durationOf(probeMedia(result.filePath));
        // The served file is 20 s; the part is 4 s, give or take a frame or an audio packet.
        QVERIFY2(qAbs(duration - 4.0) < 0.5, qPrintable(QString::number(duration)));
        QCOMPARE(probeStreams(result.filePath), QStringList({u"video:640x360"_s, u"audio"_s}));
    }

    // A part past the end of a video whose length was not known beforehand (a playlist entry): yt-dlp writes
    // an empty file and calls it a success; the user is told, and no empty file is left behind.
    void aTimeRangePastTheEndFailsAndLeavesNoEmptyFile()
    {
        DownloadRequest request;
        request.url = m_fixture.url(u"slow.html"_s);
        request.options.outputDir = m_fixture.scratch(u"past-the-end"_s);
        request.options.section = TimeRange{100, 110};
        const DownloadProgress result = download(request);
        QVERIFY2(result.state == DownloadState::Failed, qPrintable(result.filePath));
        QCOMPARE(result.error.kind, ErrorKind::EmptySection);
        QVERIFY(!errorKindText(result.error.kind).isEmpty());
        QCOMPARE(QDir(request.options.outputDir).entryList(QDir::Files), QStringList());
    }

    void thumbnailMetadataAndChaptersAreEmbedded()
    {
        const QString dir = m_fixture.scratch(u"embed"_s);
        DownloadRequest request = youtubeRequest(dir);
        QVERIFY(!request.infoJsonFile.isEmpty());
        request.options.embedThumbnail = true;
        request.options.embedMetadata = true;
        request.options.embedChapters = true;
        const DownloadProgress result = download(request);
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        QVERIFY(result.filePath.endsWith(u".mp4"_s));
        const QJsonObject probe = probeMedia(result.filePath);
        const QJsonObject tags = probe.value(u"format"_s).toObject().value(u"tags"_s).toObject();
        QCOMPARE(tags.value(u"title"_s).toString(),
                 u"Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film"_s);
        QCOMPARE(tags.value(u"artist"_s).toString(), u"Blender"_s); // the uploader
        QCOMPARE(chapterTitles(probe), (QStringList{u"Opening"_s, u"The bunny wakes up"_s, u"Credits"_s}));
        QVERIFY2(hasAttachedPicture(probe), "no cover picture in the file");
        QVERIFY(m_fixture.server().requestCount(u"thumb.jpg"_s) > 0);
        // The thumbnail went into the file, not beside it.
        QCOMPARE(QDir(dir).entryList({u"*.jpg"_s, u"*.webp"_s, u"*.png"_s}, QDir::Files), QStringList());
    }

    void withoutEmbeddingTheFileHasNone()
    {
        const DownloadRequest request = youtubeRequest(m_fixture.scratch(u"plain"_s));
        const DownloadProgress result = download(request);
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        const QJsonObject probe = probeMedia(result.filePath);
        QVERIFY(chapterTitles(probe).isEmpty());
        QVERIFY(!hasAttachedPicture(probe));
    }

    void sponsorBlockRemoveCutsTheSegmentOut()
    {
        serveSponsorSegment();
        DownloadRequest request = youtubeRequest(m_fixture.scratch(u"sbremove"_s), true);
        request.options.sponsorBlock = SponsorBlockMode::Remove;
        request.options.sponsorBlockCategories = QStringList{u"sponsor"_s, u"intro"_s};
        const DownloadProgress result = download(request, sponsorBlockConfig());
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        QCOMPARE(m_fixture.server().requestCount(sponsorPath()), 1);
        // yt-dlp asked for the chosen categories, for YouTube.
        const QString query = QUrl::fromPercentEncoding(m_fixture.server().lastQuery(sponsorPath()));
        QVERIFY2(query.contains(u"service=YouTube"_s) && query.contains(u"\"sponsor\""_s) &&
                     query.contains(u"\"intro\""_s) && !query.contains(u"\"outro\""_s),
                 qPrintable(query));
        const double duration = durationOf(probeMedia(result.filePath));
        QVERIFY2(qAbs(duration - 15.0) < 0.5, qPrintable(QString::number(duration)));
    }

    void sponsorBlockMarkNamesChaptersAfterTheCategory()
    {
        serveSponsorSegment();
        DownloadRequest request = youtubeRequest(m_fixture.scratch(u"sbmark"_s), true);
        request.options.sponsorBlock = SponsorBlockMode::Mark;
        request.options.sponsorBlockCategories = QStringList{u"sponsor"_s};
        const DownloadProgress result = download(request, sponsorBlockConfig());
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        const QJsonObject probe = probeMedia(result.filePath);
        const QStringList titles = chapterTitles(probe);
        QVERIFY2(titles.contains(u"[SponsorBlock]: Sponsor"_s), qPrintable(titles.join(u" | "_s)));
        // Marking keeps everything: the file is as long as the served one.
        QVERIFY2(qAbs(durationOf(probe) - 20.0) < 0.5, qPrintable(QString::number(durationOf(probe))));
    }

    void subtitlesAreConvertedToTheChosenFormat()
    {
        m_fixture.server().setResponse(
            u"subs/en.vtt"_s, "WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nHello from the loopback server\n",
            "text/vtt");
        const QString dir = m_fixture.scratch(u"subs"_s);
        DownloadRequest request = youtubeRequest(dir);
        request.options.subtitleMode = SubtitleMode::File;
        request.options.subtitleLanguages = QStringList{u"en"_s};
        request.options.subtitleFormat = SubtitleFormat::Srt;
        const DownloadProgress result = download(request);
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        const QStringList srt = QDir(dir).entryList({u"*.en.srt"_s}, QDir::Files);
        QCOMPARE(srt.size(), 1);
        QVERIFY(QDir(dir).entryList({u"*.vtt"_s}, QDir::Files).isEmpty());
        QFile file(QDir(dir).filePath(srt.constFirst()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        // SubRip: a numbered cue with comma decimals.
        QVERIFY2(text.contains("00:00:00,500 --> 00:00:02,000") &&
                     text.contains("Hello from the loopback server"),
                 text.constData());
    }
};

QTEST_GUILESS_MAIN(TestDownloadExtras)
#include "tst_downloadextras.moc"
