// Downloads with the real yt-dlp and ffmpeg from the loopback server: presets, exact ids, audio, containers,
// info reuse, and every way a download can go wrong.

#include "downloadqueue.h"
#include "historyentry.h"
#include "infojsonparser.h"
#include "integrationfixture.h"
#include "prober.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::QualityPreset)
Q_DECLARE_METATYPE(GravityTest::LoopbackServer::Fault)

class TestDownload : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    MediaInfo probe(const QString &url)
    {
        Prober prober(m_fixture.config());
        QSignalSpy finished(&prober, &Prober::finished);
        prober.start(url);
        if (!finished.wait(60000))
            return {};
        const ProbeResult result = finished.at(0).at(0).value<ProbeResult>();
        return result.info.value_or(MediaInfo{});
    }

    static DownloadRequest requestFor(const QString &url, const QString &dir, QualityPreset quality)
    {
        DownloadRequest request;
        request.url = url;
        request.options.quality = quality;
        request.options.outputDir = dir;
        return request;
    }

    static DownloadRequest withInfo(DownloadRequest request, const MediaInfo &info)
    {
        request.infoJson = info.rawJson;
        request.infoFetchedAt = QDateTime::currentDateTimeUtc();
        request.title = info.title;
        return request;
    }

    // Runs one download to its end; the stages it went through are collected on the way.
    DownloadProgress download(const DownloadRequest &request, QList<DownloadStage> *stages = nullptr,
                              EngineConfig config = {})
    {
        if (config.infoCacheDir.isEmpty())
            config = m_fixture.config();
        // Every change of the task is watched: the queue's coalesced signal may skip a merge that takes a few
        // milliseconds. Stages come from yt-dlp's output, so connecting after enqueue() misses none; a
        // failure before yt-dlp starts ends the task inside enqueue(), which the spy has already seen.
        DownloadQueue queue(config);
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        const quint64 id = queue.enqueue(request);
        const DownloadTask *task = queue.task(id);
        connect(task, &DownloadTask::changed, this, [task, stages] {
            const DownloadStage stage = task->progress().stage;
            if (stages && stage != DownloadStage::None && (stages->isEmpty() || stages->last() != stage))
                stages->append(stage);
        });
        if (finished.isEmpty() && !finished.wait(120000))
            return {};
        return queue.task(id)->progress();
    }

    static QStringList filesIn(const QString &dir) { return QDir(dir).entryList(QDir::Files | QDir::Hidden); }

    // tests/data/info/<name> with "{{BASE}}" made the loopback server's address, as the server does for the
    // files it serves.
    QByteArray servedInfo(const QString &name) const
    {
        return m_fixture.servedCopyOf(testDataPath(u"info/"_s + name));
    }

    // bilibili-video.json with its DASH formats on the loopback server; withReferer false drops the Referer
    // yt-dlp's Bilibili extractor puts into every format's http_headers.
    QByteArray bilibiliVideoInfo(bool withReferer) const
    {
        QFile file(testDataPath(u"info/bilibili-video.json"_s));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray formats = info.value(u"formats"_s).toArray();
        for (qsizetype i = 0; i < formats.size(); ++i) {
            QJsonObject format = formats.at(i).toObject();
            const bool audioOnly = format.value(u"vcodec"_s).toString() == u"none"_s;
            format.insert(u"url"_s, m_fixture.url(audioOnly ? u"dash/audio.m4a"_s : u"dash/video360.mp4"_s));
            format.insert(u"protocol"_s, u"http"_s);
            QJsonObject headers = format.value(u"http_headers"_s).toObject();
            if (!withReferer)
                headers.remove(u"Referer"_s);
            format.insert(u"http_headers"_s, headers);
            formats.replace(i, format);
        }
        info.insert(u"formats"_s, formats);
        info.remove(u"requested_formats"_s);
        return QJsonDocument(info).toJson(QJsonDocument::Compact);
    }

    static QString writeInfo(const QString &dir, const QByteArray &json)
    {
        const QString path = QDir(dir).filePath(u"saved.info.json"_s);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size())
            return {};
        return path;
    }

    // Bilibili's CDN refuses media requests without the site as Referer.
    void requireBilibiliReferer()
    {
        for (const QString &path : {u"dash/video360.mp4"_s, u"dash/audio.m4a"_s})
            m_fixture.server().requireHeader(path, "Referer", "https://www.bilibili.com/");
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    void the360pPresetMergesVideoAndAudioFromHls()
    {
        const QString url = m_fixture.url(u"hls/master.m3u8"_s);
        const MediaInfo info = probe(url);
        QVERIFY(!info.rawJson.isEmpty());
        const QString dir = m_fixture.scratch(u"preset360"_s);
        QList<DownloadStage> stages;
        const DownloadProgress result =
            download(withInfo(requestFor(url, dir, QualityPreset::P360), info), &stages);
        QCOMPARE(result.state, DownloadState::Completed);
        QVERIFY(result.filePath.startsWith(dir));
        QVERIFY(result.filePath.endsWith(u".mp4"_s));
        QCOMPARE(probeStreams(result.filePath), QStringList({u"video:640x360"_s, u"audio"_s}));
        QCOMPARE(result.fileSize, QFileInfo(result.filePath).size());
        QCOMPARE(result.streamCount, 2);
        // What a person reads in the row: the video stream, then the audio group (which names no acodec),
        // then the merge.
        QCOMPARE(stages.mid(0, 3),
                 QList<DownloadStage>({DownloadStage::Video, DownloadStage::Audio, DownloadStage::Merging}));
        // Only the merged file is left: no intermediate streams, no .part files.
        QCOMPARE(filesIn(dir), QStringList{QFileInfo(result.filePath).fileName()});
    }

    void explicitIdsArePassedAsChosen()
    {
        const QString url = m_fixture.url(u"hls/master.m3u8"_s);
        const MediaInfo info = probe(url);
        QString video720;
        QString audio;
        for (const MediaFormat &format : info.formats) {
            if (format.height == 720)
                video720 = format.formatId;
            if (format.hasAudio() && !format.hasVideo())
                audio = format.formatId;
        }
        QVERIFY(!video720.isEmpty() && !audio.isEmpty());
        DownloadRequest request =
            withInfo(requestFor(url, m_fixture.scratch(u"explicit"_s), QualityPreset::Best), info);
        request.options.formatSpec = video720 + u'+' + audio;
        const DownloadProgress result = download(request);
        QCOMPARE(result.state, DownloadState::Completed);
        QCOMPARE(result.resolvedFormat, request.options.formatSpec);
        QCOMPARE(probeStreams(result.filePath), QStringList({u"video:1280x720"_s, u"audio"_s}));
    }

    void audioOnlyIsExtractedToMp3()
    {
        const QString url = m_fixture.url(u"page.html"_s);
        DownloadRequest request = requestFor(url, m_fixture.scratch(u"mp3"_s), QualityPreset::AudioOnly);
        request.options.audioFormat = AudioFormat::Mp3;
        QList<DownloadStage> stages;
        const DownloadProgress result = download(request, &stages);
        QCOMPARE(result.state, DownloadState::Completed);
        QVERIFY(result.filePath.endsWith(u".mp3"_s));
        QCOMPARE(probeStreams(result.filePath), QStringList{u"audio"_s});
        QVERIFY(stages.contains(DownloadStage::Converting));
    }

    void theMkvContainerIsHonoured()
    {
        DownloadRequest request =
            requestFor(m_fixture.url(u"hls/master.m3u8"_s), m_fixture.scratch(u"mkv"_s), QualityPreset::P360);
        request.options.container = Container::Mkv;
        const DownloadProgress result = download(request);
        QCOMPARE(result.state, DownloadState::Completed);
        QVERIFY(result.filePath.endsWith(u".mkv"_s));
        QCOMPARE(probeStreams(result.filePath), QStringList({u"video:640x360"_s, u"audio"_s}));
    }

    void freshInfoIsReusedWithoutFetchingThePageAgain()
    {
        const QString url = m_fixture.url(u"page.html"_s) + u"?reuse"_s;
        const MediaInfo info = probe(url);
        const int pageRequests = m_fixture.server().requestCount(u"page.html"_s);
        const DownloadProgress result =
            download(withInfo(requestFor(url, m_fixture.scratch(u"reuse"_s), QualityPreset::Best), info));
        QCOMPARE(result.state, DownloadState::Completed);
        QCOMPARE(m_fixture.server().requestCount(u"page.html"_s), pageRequests);
    }

    void staleInfoIsNotTrustedAndThePageIsReadAgain()
    {
        const QString url = m_fixture.url(u"page.html"_s) + u"?stale"_s;
        const MediaInfo info = probe(url);
        const int pageRequests = m_fixture.server().requestCount(u"page.html"_s);
        DownloadRequest request =
            withInfo(requestFor(url, m_fixture.scratch(u"stale"_s), QualityPreset::Best), info);
        request.infoFetchedAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        QCOMPARE(download(request).state, DownloadState::Completed);
        QVERIFY(m_fixture.server().requestCount(u"page.html"_s) > pageRequests);
    }

    void bilibiliShapedInfoDownloadsWithLoadInfoJson()
    {
        // Bilibili's DASH tiers, with their format ids and notes, pointing at media on the loopback server.
        QFile file(testDataPath(u"info/bilibili-video.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray formats = info.value(u"formats"_s).toArray();
        for (qsizetype i = 0; i < formats.size(); ++i) {
            QJsonObject format = formats.at(i).toObject();
            const bool audioOnly = format.value(u"vcodec"_s).toString() == u"none"_s;
            format.insert(u"url"_s, m_fixture.url(audioOnly ? u"dash/audio.m4a"_s : u"dash/video360.mp4"_s));
            format.insert(u"protocol"_s, u"http"_s);
            formats.replace(i, format);
        }
        info.insert(u"formats"_s, formats);
        info.remove(u"requested_formats"_s);
        const QString dir = m_fixture.scratch(u"bilibili"_s);
        const QString infoPath = QDir(dir).filePath(u"bili.info.json"_s);
        QFile out(infoPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(info).toJson(QJsonDocument::Compact));
        out.close();
        QVERIFY(parseInfoJson(QJsonDocument(info).toJson()).info->platform == Platform::Bilibili);

        DownloadRequest request = requestFor({}, dir, QualityPreset::P360);
        request.infoJsonFile = infoPath;
        request.platform = Platform::Bilibili;
        const DownloadProgress result = download(request);
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        QCOMPARE(probeStreams(result.filePath), QStringList({u"video:640x360"_s, u"audio"_s}));
        QVERIFY(result.resolvedFormat.contains(u'+'));
    }

    void bilibiliHeadersAreSentFromReusedAndFromSavedInfo()
    {
        requireBilibiliReferer();
        // Reused from the parse (no URL here, so nothing could fall back to extracting bilibili.com).
        DownloadRequest reused = requestFor({}, m_fixture.scratch(u"bili-reused"_s), QualityPreset::P360);
        reused.infoJson = bilibiliVideoInfo(true);
        reused.infoFetchedAt = QDateTime::currentDateTimeUtc();
        const DownloadProgress fromProbe = download(reused);
        QVERIFY2(fromProbe.state == DownloadState::Completed, qPrintable(fromProbe.error.detail));
        QCOMPARE(probeStreams(fromProbe.filePath), QStringList({u"video:640x360"_s, u"audio"_s}));

        // A saved info JSON the user loads.
        const QString dir = m_fixture.scratch(u"bili-saved"_s);
        DownloadRequest saved = requestFor({}, dir, QualityPreset::P360);
        saved.infoJsonFile = writeInfo(dir, bilibiliVideoInfo(true));
        const DownloadProgress fromFile = download(saved);
        QVERIFY2(fromFile.state == DownloadState::Completed, qPrintable(fromFile.error.detail));

        // The server does refuse a request without the Referer: the two above passed because it was sent.
        const int refusedBefore = m_fixture.server().requestCount(u"dash/video360.mp4"_s);
        const QString bare = m_fixture.scratch(u"bili-bare"_s);
        DownloadRequest withoutReferer = requestFor({}, bare, QualityPreset::P360);
        withoutReferer.infoJsonFile = writeInfo(bare, bilibiliVideoInfo(false));
        const DownloadProgress refused = download(withoutReferer);
        QCOMPARE(refused.state, DownloadState::Failed);
        QVERIFY2(refused.error.detail.contains(u"403"_s), qPrintable(refused.error.detail));
        QVERIFY(m_fixture.server().requestCount(u"dash/video360.mp4"_s) > refusedBefore);
    }

    void aPremiumTierThatIsRefusedFallsBackAndSaysSo_data()
    {
        QTest::addColumn<QualityPreset>("quality");
        QTest::newRow("best") << QualityPreset::Best;
        QTest::newRow("1080p") << QualityPreset::P1080;
    }

    void aPremiumTierThatIsRefusedFallsBackAndSaysSo()
    {
        QFETCH(QualityPreset, quality);
        // 1080P 高码率 (a membership tier) and 1080P 高清 (needs a login) answer 403; 480P 清晰 is free.
        const QString premium = u"bilibili/1177666-1-30112.m4s"_s;
        const QString login = u"bilibili/1177666-1-30080.m4s"_s;
        m_fixture.server().setFault(premium, LoopbackServer::Fault::Forbidden);
        m_fixture.server().setFault(login, LoopbackServer::Fault::Forbidden);
        const int premiumBefore = m_fixture.server().requestCount(premium);
        const int loginBefore = m_fixture.server().requestCount(login);
        const QString dir = m_fixture.scratch(u"premium"_s);
        DownloadRequest request = requestFor({}, dir, quality);
        request.platform = Platform::Bilibili;
        request.infoJsonFile = writeInfo(dir, servedInfo(u"bilibili-premium.json"_s));

        DownloadQueue queue(m_fixture.config());
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        const quint64 id = queue.enqueue(request);
        QVERIFY(finished.wait(120000));
        const DownloadTask &task = *queue.task(id);
        const DownloadProgress &result = task.progress();
        QVERIFY2(result.state == DownloadState::Completed, qPrintable(result.error.detail));
        QVERIFY2(result.resolvedFormat.startsWith(u"30032+"_s), qPrintable(result.resolvedFormat));
        QCOMPARE(probeStreams(result.filePath), QStringList({u"video:640x360"_s, u"audio"_s}));
        // Only the finished file beside the saved info: nothing left of the refused tiers.
        QStringList files = filesIn(dir);
        files.sort();
        QStringList expected{QFileInfo(result.filePath).fileName(), u"saved.info.json"_s};
        expected.sort();
        QCOMPARE(files, expected);
        // Each refused tier was asked for once, and only once.
        QCOMPARE(m_fixture.server().requestCount(premium), premiumBefore + 1);
        QCOMPARE(m_fixture.server().requestCount(login), loginBefore + 1);
        QCOMPARE(result.fallback.fromFormat, u"30112"_s);
        QCOMPARE(result.fallback.fromHeight, 1080);
        QCOMPARE(result.fallback.toHeight, 480);
        QCOMPARE(qualityFallbackText(result.fallback), u"Got 480p: 1080p needs a login or membership"_s);
        // The history keeps it.
        const std::optional<HistoryEntry> kept =
            historyEntryFromJson(historyEntryToJson(historyEntryFor(task)));
        QVERIFY(kept);
        QCOMPARE(kept->fallback.fromHeight, 1080);
        QCOMPARE(kept->fallback.toHeight, 480);
        QCOMPARE(kept->fallback.fromNote, u"1080P 高码率"_s);
        QCOMPARE(kept->fallback.toNote, u"480P 清晰"_s);
    }

    void onlyARefusedVideoFormatOfAPresetFallsBack_data()
    {
        QTest::addColumn<QualityPreset>("quality");
        QTest::addColumn<QString>("formatSpec");
        QTest::addColumn<LoopbackServer::Fault>("fault");
        QTest::addColumn<QString>("faultPath");
        // A second run would ask for checkPath again: it is asked for exactly checkDelta more times.
        QTest::addColumn<QString>("checkPath");
        QTest::addColumn<int>("checkDelta");
        const QString top = u"bilibili/1177666-1-30112.m4s"_s;
        const QString next = u"bilibili/1177666-1-30080.m4s"_s;
        QTest::newRow("a missing file is not a membership tier")
            << QualityPreset::Best << QString() << LoopbackServer::Fault::NotFound << top << next << 0;
        QTest::newRow("a server error is not a membership tier")
            << QualityPreset::Best << QString() << LoopbackServer::Fault::ServerError << top << next << 0;
        QTest::newRow("exact formats are what the user chose")
            << QualityPreset::Best << u"30112+30280"_s << LoopbackServer::Fault::Forbidden << top << next
            << 0;
        QTest::newRow("a refused audio stream is not a video tier")
            << QualityPreset::P480 << QString() << LoopbackServer::Fault::Forbidden << u"dash/audio.m4a"_s
            << u"dash/video360.mp4"_s << 1;
    }

    void onlyARefusedVideoFormatOfAPresetFallsBack()
    {
        QFETCH(QualityPreset, quality);
        QFETCH(QString, formatSpec);
        QFETCH(LoopbackServer::Fault, fault);
        QFETCH(QString, faultPath);
        QFETCH(QString, checkPath);
        QFETCH(int, checkDelta);
        m_fixture.server().setFault(faultPath, fault);
        const int faultBefore = m_fixture.server().requestCount(faultPath);
        const int checkBefore = m_fixture.server().requestCount(checkPath);
        const QString dir = m_fixture.scratch(u"nofallback"_s);
        DownloadRequest request = requestFor({}, dir, quality);
        request.options.formatSpec = formatSpec;
        request.infoJsonFile = writeInfo(dir, servedInfo(u"bilibili-premium.json"_s));
        const DownloadProgress result = download(request);
        QCOMPARE(result.state, DownloadState::Failed);
        QVERIFY(!result.fallback.happened());
        QVERIFY(m_fixture.server().requestCount(faultPath) > faultBefore);
        QCOMPARE(m_fixture.server().requestCount(checkPath), checkBefore + checkDelta);
    }

    // A request not parsed first (--headless): one run, which says what the video is before it downloads, or
    // hands the link back, with nothing downloaded and nothing finished, for a parse to report on.
    void aRunThatIsItsOwnParseDeliversTheInfoOrHandsTheLinkBack_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<bool>("delivered");
        QTest::newRow("one video: its info, then its file") << u"page.html"_s << true;
        QTest::newRow("a feed is a playlist: handed back") << u"feed.xml"_s << false;
        QTest::newRow("a page that is not there: handed back") << u"no-such-page.html"_s << false;
    }

    void aRunThatIsItsOwnParseDeliversTheInfoOrHandsTheLinkBack()
    {
        QFETCH(QString, page);
        QFETCH(bool, delivered);
        const QString dir = m_fixture.scratch(u"direct"_s);
        const EngineConfig config = m_fixture.config();
        DownloadRequest request = requestFor(m_fixture.url(page), dir, QualityPreset::Best);
        request.infoFromRun = true;
        DownloadQueue queue(config);
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        QSignalSpy handedBack(&queue, &DownloadQueue::taskHandedBack);
        QList<bool> finishedWhenDelivered;
        connect(&queue, &DownloadQueue::taskInfoDelivered, this,
                [&finished, &finishedWhenDelivered] { finishedWhenDelivered << !finished.isEmpty(); });
        const quint64 id = queue.enqueue(request);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !handedBack.isEmpty(), 120000);
        QTest::qWait(50); // nothing else follows
        if (delivered) {
            QCOMPARE(finishedWhenDelivered, QList<bool>{false});
            QCOMPARE(finished.size(), 1);
            QVERIFY(handedBack.isEmpty());
            const DownloadTask &task = *queue.task(id);
            QCOMPARE(task.progress().state, DownloadState::Completed);
            QCOMPARE(task.request().title, u"Gravity Test Clip (1)"_s);
            const InfoParseResult info = parseInfoJson(task.request().infoJson);
            QVERIFY(info.info);
            QCOMPARE(info.info->title, u"Gravity Test Clip (1)"_s);
            QVERIFY(task.request().infoFetchedAt.isValid());
        } else {
            QVERIFY(finishedWhenDelivered.isEmpty());
            QVERIFY(finished.isEmpty());
            QCOMPARE(handedBack.size(), 1);
            QCOMPARE(handedBack.at(0).at(0).toULongLong(), id);
            QCOMPARE(handedBack.at(0).at(1).value<DownloadRequest>().url, m_fixture.url(page));
            QCOMPARE(queue.task(id), nullptr);
            QVERIFY(queue.isIdle());
            QVERIFY2(filesIn(dir).isEmpty(), qPrintable(filesIn(dir).join(u", "_s)));
        }
        // The file yt-dlp wrote the info to is gone either way.
        const QStringList left = QDir(config.infoCacheDir).entryList({u"*.run.info.json"_s}, QDir::Files);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_s)));
    }

    void cancelMidDownloadStopsEverythingAndCleansUp()
    {
        m_fixture.server().setThrottle(300 * 1024);
        const QString dir = m_fixture.scratch(u"cancel"_s);
        DownloadQueue queue(m_fixture.config());
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        const quint64 id = queue.enqueue(requestFor(m_fixture.url(u"slow.html"_s), dir, QualityPreset::Best));
        QTRY_VERIFY_WITH_TIMEOUT(queue.task(id)->progress().downloadedBytes > 0, 60000);
        QVERIFY(!processesMatching(dir).isEmpty());
        queue.cancel(id);
        QVERIFY(finished.wait(10000));
        QCOMPARE(queue.task(id)->progress().state, DownloadState::Cancelled);
        QVERIFY2(waitNoProcessesMatching(dir), "yt-dlp outlived the cancel");
        QVERIFY2(filesIn(dir).isEmpty(), qPrintable(filesIn(dir).join(u", "_s)));
    }

    void aStalledServerIsCaughtByTheWatchdog()
    {
        m_fixture.server().setFault(u"slow.mp4"_s, LoopbackServer::Fault::StallAfter, 200 * 1024);
        EngineConfig config = m_fixture.config();
        config.stallTimeoutSec = 3;
        const QString dir = m_fixture.scratch(u"stall"_s);
        const DownloadProgress result =
            download(requestFor(m_fixture.url(u"slow.html"_s), dir, QualityPreset::Best), nullptr, config);
        QCOMPARE(result.state, DownloadState::Failed);
        QCOMPARE(result.error.kind, ErrorKind::TimedOut);
        QVERIFY(waitNoProcessesMatching(dir));
    }

    void httpErrorsOnTheMediaFailTheDownload_data()
    {
        QTest::addColumn<LoopbackServer::Fault>("fault");
        QTest::newRow("404 on the video file") << LoopbackServer::Fault::NotFound;
        QTest::newRow("403 on the video file") << LoopbackServer::Fault::Forbidden;
    }

    void httpErrorsOnTheMediaFailTheDownload()
    {
        QFETCH(LoopbackServer::Fault, fault);
        const QString url = m_fixture.url(u"page.html"_s);
        const MediaInfo info = probe(url);
        m_fixture.server().setFault(u"clip.mp4"_s, fault);
        const DownloadProgress result =
            download(withInfo(requestFor(url, m_fixture.scratch(u"http"_s), QualityPreset::Best), info));
        QCOMPARE(result.state, DownloadState::Failed);
        QCOMPARE(result.error.kind, ErrorKind::HttpError);
        QVERIFY(!errorKindText(result.error.kind).isEmpty());
    }

    void anUnwritableFolderFailsBeforeDownloading()
    {
        // A path through a regular file cannot be created, even by root (CI runs as root).
        const QString blocker = QDir(m_fixture.scratch(u"unwritable"_s)).filePath(u"file"_s);
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const int before = m_fixture.server().requestCount(u"clip.mp4"_s);
        const DownloadProgress result =
            download(requestFor(m_fixture.url(u"page.html"_s), blocker + u"/sub"_s, QualityPreset::Best));
        QCOMPARE(result.state, DownloadState::Failed);
        QCOMPARE(result.error.kind, ErrorKind::NotWritable);
        QCOMPARE(m_fixture.server().requestCount(u"clip.mp4"_s), before);
    }

    void missingToolsAreNamed_data()
    {
        QTest::addColumn<bool>("ytDlp");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("yt-dlp not found") << true << ErrorKind::YtDlpMissing;
        QTest::newRow("ffmpeg not found for a merge") << false << ErrorKind::FfmpegMissing;
    }

    void missingToolsAreNamed()
    {
        QFETCH(bool, ytDlp);
        QFETCH(ErrorKind, kind);
        EngineConfig config = m_fixture.config();
        (ytDlp ? config.ytDlpPath : config.ffmpegPath) = u"/nonexistent/tool"_s;
        const DownloadProgress result =
            download(requestFor(m_fixture.url(u"hls/master.m3u8"_s), m_fixture.scratch(u"tools"_s),
                                QualityPreset::P360),
                     nullptr, config);
        QCOMPARE(result.state, DownloadState::Failed);
        QCOMPARE(result.error.kind, kind);
    }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
