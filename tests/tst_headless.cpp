// gravity-downloader --headless, end to end: the real binary, the real yt-dlp and ffmpeg, the loopback
// server.

#include "historystore.h"
#include "integrationfixture.h"
#include "testhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <optional>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

class TestHeadless : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile; // the children's data and settings: never the user's own history

    // Where the app's HistoryStore::defaultDirectory() points for the children.
    [[nodiscard]] QString historyDirectory() const
    {
        return m_profile.filePath(u"data/Gravity/gravity-downloader"_s);
    }

    // Refused at the parse as a live stream (exit 4), with nothing queued.
    static void verifyRefusedAsLive(const AppRun &result)
    {
        QCOMPARE(result.exitCode, 4);
        const QJsonObject failed = result.first(u"failed"_s);
        QCOMPARE(failed.value(u"stage"_s).toString(), u"parse"_s);
        QCOMPARE(failed.value(u"error"_s).toString(), u"live"_s);
        QVERIFY(!result.eventNames().contains(u"queued"_s));
    }

    // The history entry the children recorded for the file at path, as the window would read it.
    [[nodiscard]] std::optional<HistoryEntry> historyEntryOf(const QString &path) const
    {
        HistoryStore history(historyDirectory());
        history.loadAsync();
        if (!QTest::qWaitFor([&history] { return history.isLoaded(); }))
            return std::nullopt;
        const QList<HistoryEntry> entries = history.entries();
        const auto entry = std::find_if(entries.cbegin(), entries.cend(),
                                        [&path](const HistoryEntry &e) { return e.filePath == path; });
        return entry == entries.cend() ? std::nullopt : std::optional(*entry);
    }

    static QProcessEnvironment environment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CACHE_HOME"_s, QDir::tempPath() + u"/gravity-headless-test-cache"_s);
        return environment;
    }

    static AppRun run(const QStringList &arguments, int timeoutMs = 120000)
    {
        return runApp(QStringLiteral(GRAVITY_APP_PATH), arguments, environment(), timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_profile.filePath(u"data"_s)));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_profile.filePath(u"config"_s)));
    }

    void init() { m_fixture.reset(); }

    void quality360FromTheHlsMasterLeavesA360pMp4WithAudio()
    {
        const QString dir = m_fixture.scratch(u"cli360"_s);
        const AppRun result =
            run({u"--headless"_s, u"-q"_s, u"360"_s, u"-o"_s, dir, m_fixture.url(u"hls/master.m3u8"_s)});
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        const QStringList files = QDir(dir).entryList({u"*.mp4"_s}, QDir::Files);
        QCOMPARE(files.size(), 1);
        QCOMPARE(probeStreams(QDir(dir).filePath(files.first())),
                 QStringList({u"video:640x360"_s, u"audio"_s}));
        QVERIFY(result.out.contains("Finished"));
    }

    void jsonEventsComeInOrderAndAcceptedBeforeAnyNetworkWork()
    {
        const QString dir = m_fixture.scratch(u"clijson"_s);
        const int before = m_fixture.server().requestCount(u"page.html"_s);
        const AppRun result =
            run({u"--headless"_s, u"--json"_s, u"-o"_s, dir, m_fixture.url(u"page.html"_s)});
        QCOMPARE(result.exitCode, 0);
        const QStringList names = result.eventNames();
        QCOMPARE(names.first(), u"accepted"_s);
        QVERIFY(names.indexOf(u"info"_s) > names.indexOf(u"accepted"_s));
        QVERIFY(names.indexOf(u"finished"_s) > names.indexOf(u"info"_s));
        QCOMPARE(names.last(), u"done"_s);
        QCOMPARE(result.first(u"accepted"_s).value(u"platform"_s).toString(), u"other"_s);
        QVERIFY(result.first(u"info"_s).value(u"info"_s).toObject().value(u"formats"_s).isArray());
        const QString path = result.first(u"finished"_s).value(u"path"_s).toString();
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(qint64(result.first(u"finished"_s).value(u"size"_s).toDouble()), QFileInfo(path).size());
        // One parse of the page; the download reused it.
        QCOMPARE(m_fixture.server().requestCount(u"page.html"_s), before + 1);

        // Recorded in the same history the window shows, with the file and the info for a quick re-download.
        const std::optional<HistoryEntry> entry = historyEntryOf(path);
        QVERIFY(entry);
        QCOMPARE(entry->state, DownloadState::Completed);
        QCOMPARE(entry->url, m_fixture.url(u"page.html"_s));
        QCOMPARE(entry->options.outputDir, dir);
        QCOMPARE(entry->fileSize, QFileInfo(path).size());
        QVERIFY(HistoryStore(historyDirectory()).infoJson(entry->id).has_value());
    }

    void rejectedInputsAreReportedWithAReasonAndExit2_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reason");
        QTest::newRow("an ftp link") << u"ftp://example.org/video.mp4"_s << u"not-http"_s;
        QTest::newRow("an option smuggled as a URL") << u"--exec=touch /tmp/pwned"_s << u"option"_s;
        QTest::newRow("a file path") << u"file:///etc/passwd"_s << u"not-http"_s;
        QTest::newRow("a host with no dot") << u"http://intranet/video"_s << u"bad-host"_s;
    }

    void rejectedInputsAreReportedWithAReasonAndExit2()
    {
        QFETCH(QString, input);
        QFETCH(QString, reason);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--"_s, input});
        QCOMPARE(result.exitCode, 2);
        const QJsonObject rejected = result.first(u"rejected"_s);
        QCOMPARE(rejected.value(u"reason"_s).toString(), reason);
        QVERIFY(!rejected.value(u"message"_s).toString().isEmpty());
        QVERIFY(!result.eventNames().contains(u"info"_s));
    }

    void aGoodAndABadUrlTogetherStillDownloadTheGoodOne()
    {
        const QString dir = m_fixture.scratch(u"climixed"_s);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"-o"_s, dir, u"--"_s,
                                   u"javascript:alert(1)"_s, m_fixture.url(u"clip1.mp4"_s)});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.eventNames().contains(u"finished"_s));
        QCOMPARE(result.eventNames().indexOf(u"rejected"_s), 0);
    }

    void aHistoryThatCannotBeWrittenIsReportedAndTheDownloadStands()
    {
        // Where the data folder should be there is a file: the history has nowhere to go.
        QTemporaryDir profile;
        const QString notAFolder = profile.filePath(u"data"_s);
        QFile blocker(notAFolder);
        QVERIFY(blocker.open(QIODevice::WriteOnly) && blocker.write("a file, not a folder") > 0);
        blocker.close();
        QProcessEnvironment blocked = environment();
        blocked.insert(u"XDG_DATA_HOME"_s, notAFolder);
        const QString dir = m_fixture.scratch(u"clinohistory"_s);
        const AppRun result = runApp(QStringLiteral(GRAVITY_APP_PATH),
                                     {u"--headless"_s, u"-o"_s, dir, m_fixture.url(u"page.html"_s)}, blocked);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QDir(dir).entryList({u"*.mp4"_s}, QDir::Files).size(), 1);
        QVERIFY2(result.err.contains("Could not create the folder for the download history"),
                 result.err.constData());
    }

    void aMissingYtDlpExits3()
    {
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, u"/nonexistent/yt-dlp"_s,
                                   m_fixture.url(u"page.html"_s)});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.first(u"failed"_s).value(u"error"_s).toString(), u"yt-dlp-missing"_s);
    }

    void aPageThatCannotBeParsedExits4()
    {
        const AppRun result = run({u"--headless"_s, u"--json"_s, m_fixture.url(u"no-such-page.html"_s)});
        QCOMPARE(result.exitCode, 4);
        const QJsonObject failed = result.first(u"failed"_s);
        QCOMPARE(failed.value(u"stage"_s).toString(), u"parse"_s);
        QCOMPARE(failed.value(u"error"_s).toString(), u"http-error"_s);
    }

    void aDownloadThatFailsExits1()
    {
        m_fixture.server().setFault(u"clip.mp4"_s, LoopbackServer::Fault::NotFound);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"-o"_s, m_fixture.scratch(u"clifail"_s),
                                   m_fixture.url(u"page.html"_s)});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.first(u"failed"_s).value(u"stage"_s).toString(), u"download"_s);
    }

    void printInfoListsFormatsAndDownloadsNothing()
    {
        const QString dir = m_fixture.scratch(u"cliinfo"_s);
        QDir::setCurrent(dir);
        const AppRun result = run({u"--print-info"_s, m_fixture.url(u"hls/master.m3u8"_s)});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("1280x720"));
        QVERIFY(result.out.contains("640x360"));
        QVERIFY(QDir(dir).entryList(QDir::Files).isEmpty());
    }

    void aFeedDownloadsEveryEntry()
    {
        const QString dir = m_fixture.scratch(u"clifeed"_s);
        const AppRun result =
            run({u"--headless"_s, u"--json"_s, u"-j"_s, u"2"_s, u"-o"_s, dir, m_fixture.url(u"feed.xml"_s)});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.eventNames().count(u"finished"_s), 3);
        QCOMPARE(QDir(dir).entryList({u"*.mp4"_s}, QDir::Files).size(), 3);
    }

    void loadInfoJsonDownloadsWithoutReadingThePage()
    {
        const QString dir = m_fixture.scratch(u"cliload"_s);
        // Save the info the way a user would, with yt-dlp itself.
        const QByteArray saved = ytDlpInfoJson(m_fixture.url(u"page.html"_s));
        QVERIFY(!saved.isEmpty());
        const QString infoPath = QDir(dir).filePath(u"saved.info.json"_s);
        QFile info(infoPath);
        QVERIFY(info.open(QIODevice::WriteOnly));
        info.write(saved);
        info.close();
        const int before = m_fixture.server().requestCount(u"page.html"_s);
        const AppRun result =
            run({u"--headless"_s, u"--json"_s, u"-o"_s, dir, u"--load-info-json"_s, infoPath});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QFileInfo::exists(result.first(u"finished"_s).value(u"path"_s).toString()));
        QCOMPARE(m_fixture.server().requestCount(u"page.html"_s), before);
    }

    void aSectionWithItsMetadataFromTheCommandLine()
    {
        const QString dir = m_fixture.scratch(u"clisection"_s);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"-o"_s, dir, u"--download-sections"_s,
                                   u"1-2.5"_s, u"--embed-metadata"_s, m_fixture.url(u"page.html"_s)});
        QCOMPARE(result.exitCode, 0);
        const QString file = result.first(u"finished"_s).value(u"path"_s).toString();
        const QJsonObject probe = probeMedia(file);
        const QString described = QString::fromUtf8(QJsonDocument(probe).toJson(QJsonDocument::Compact));
        // 1 s to 2.5 s of the 3 s clip, with the page's title inside the file.
        QVERIFY2(qAbs(durationOf(probe) - 1.5) < 0.5, qPrintable(described));
        const QString title =
            probe.value(u"format"_s).toObject().value(u"tags"_s).toObject().value(u"title"_s).toString();
        QVERIFY2(title.startsWith(u"Gravity Test Clip"_s), qPrintable(described));
    }

    void aSectionPastTheEndOfTheVideoIsRefused()
    {
        // yt-dlp would write an empty file and call it a success. The page's info, saved with its length (a
        // plain page does not say how long its video is).
        const QString dir = m_fixture.scratch(u"clipastend"_s);
        QJsonObject info = QJsonDocument::fromJson(ytDlpInfoJson(m_fixture.url(u"page.html"_s))).object();
        QVERIFY(!info.isEmpty());
        info.insert(u"duration"_s, 3);
        const QString infoPath = m_fixture.scratch(u"clipastendinfo"_s) + u"/page.info.json"_s;
        QFile file(infoPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(info).toJson());
        file.close();

        const AppRun result = run({u"--headless"_s, u"--json"_s, u"-o"_s, dir, u"--download-sections"_s,
                                   u"0:10-0:20"_s, u"--load-info-json"_s, infoPath});
        QCOMPARE(result.exitCode, 2);
        const QJsonObject failed = result.first(u"failed"_s);
        QCOMPARE(failed.value(u"stage"_s).toString(), u"options"_s);
        QVERIFY2(failed.value(u"message"_s).toString().contains(u"past the end"_s),
                 qPrintable(failed.value(u"message"_s).toString()));
        QVERIFY(!result.eventNames().contains(u"queued"_s));
        QVERIFY(QDir(dir).isEmpty());
    }

    void twoPartsOfASavedBilibiliPlaylistDownloadFromTheirOwnInfo()
    {
        // A full info JSON of a 3-part video (saved with yt-dlp -J, no --flat-playlist), its DASH formats on
        // the loopback server: part N's video is clipN.mp4.
        const QString dir = m_fixture.scratch(u"cliparts"_s);
        const QByteArray saved = m_fixture.servedCopyOf(testDataPath(u"info/bilibili-multipart-full.json"_s));
        QVERIFY(!saved.isEmpty());
        const QString infoPath = QDir(dir).filePath(u"parts.info.json"_s);
        QFile info(infoPath);
        QVERIFY(info.open(QIODevice::WriteOnly));
        info.write(saved);
        info.close();
        const int part1 = m_fixture.server().requestCount(u"clip1.mp4"_s);
        const int part2 = m_fixture.server().requestCount(u"clip2.mp4"_s);
        const int part3 = m_fixture.server().requestCount(u"clip3.mp4"_s);

        // The real yt-dlp, behind a guard: a part downloaded by its bilibili.com address would go online.
        const QString ytDlp = writeScript(
            dir, u"yt-dlp"_s,
            "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in *bilibili.com*) echo 'ERROR: stand-in: would go "
            "online' >&2; exit 1;; esac; done\nexec '" +
                QFile::encodeName(QStandardPaths::findExecutable(u"yt-dlp"_s)) + "' \"$@\"\n");
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, ytDlp, u"-o"_s, dir,
                                   u"--playlist-items"_s, u"1,3"_s, u"--load-info-json"_s, infoPath});
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        QCOMPARE(result.eventNames().count(u"finished"_s), 2);
        QStringList files = QDir(dir).entryList({u"*.mp4"_s}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        QVERIFY2(files.at(0).contains(u"p01 开场白"_s) && files.at(1).contains(u"p03 大结局"_s),
                 qPrintable(files.join(u", "_s)));
        QCOMPARE(probeStreams(QDir(dir).filePath(files.at(0))),
                 QStringList({u"video:640x360"_s, u"audio"_s}));
        // Each part came from its own saved info: part 2 was never fetched, and no page was read.
        QVERIFY(m_fixture.server().requestCount(u"clip1.mp4"_s) > part1);
        QVERIFY(m_fixture.server().requestCount(u"clip3.mp4"_s) > part3);
        QCOMPARE(m_fixture.server().requestCount(u"clip2.mp4"_s), part2);
    }

    void aRefusedPremiumTierFallsBackAndTheFinishedEventSaysSo()
    {
        // Bilibili's 1080P tiers answer 403 to a visitor; 480P is free.
        m_fixture.server().setFault(u"bilibili/1177666-1-30112.m4s"_s, LoopbackServer::Fault::Forbidden);
        m_fixture.server().setFault(u"bilibili/1177666-1-30080.m4s"_s, LoopbackServer::Fault::Forbidden);
        const QString dir = m_fixture.scratch(u"clipremium"_s);
        const QByteArray saved = m_fixture.servedCopyOf(testDataPath(u"info/bilibili-premium.json"_s));
        QVERIFY(!saved.isEmpty());
        const QString infoPath = QDir(dir).filePath(u"premium.info.json"_s);
        QFile info(infoPath);
        QVERIFY(info.open(QIODevice::WriteOnly));
        info.write(saved);
        info.close();
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"-q"_s, u"1080"_s, u"-o"_s, dir,
                                   u"--load-info-json"_s, infoPath});
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        const QJsonObject finished = result.first(u"finished"_s);
        QVERIFY(QFileInfo::exists(finished.value(u"path"_s).toString()));
        QVERIFY(finished.value(u"format"_s).toString().startsWith(u"30032+"_s));
        const QJsonObject fallback = finished.value(u"fallback"_s).toObject();
        QCOMPARE(fallback.value(u"from_height"_s).toInt(), 1080);
        QCOMPARE(fallback.value(u"to_height"_s).toInt(), 480);
        QCOMPARE(fallback.value(u"message"_s).toString(), u"Got 480p: 1080p needs a login or membership"_s);
    }

    void aStreamStillLiveIsRefusedWithAClearMessage()
    {
        // Only YouTube can say a stream is live: a stand-in yt-dlp prints its captured -J output.
        const QString dir = m_fixture.scratch(u"clilive"_s);
        const QString ytDlp = writeScript(
            dir, u"yt-dlp"_s,
            "#!/bin/sh\nexec cat '" + QFile::encodeName(testDataPath(u"info/youtube-live.json"_s)) + "'\n");
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, ytDlp, u"-o"_s, dir,
                                   u"https://www.youtube.com/watch?v=jfKfPfyJRdk"_s});
        verifyRefusedAsLive(result);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(result.first(u"failed"_s).value(u"message"_s).toString().contains(u"live stream"_s));
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{u"yt-dlp"_s});
    }

    // One video, one yt-dlp: the download's own run is the parse, and what the parse told is still told.
    void aSingleVideoIsParsedAndDownloadedByOneYtDlpRun()
    {
        const QString dir = m_fixture.scratch(u"clidirect"_s);
        // A page that says who uploaded it and how long it is (schema.org data, which yt-dlp reads).
        QFile page(m_fixture.mediaDir() + u"/described.html"_s);
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A described clip</title>"
            "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
            "\"@type\": \"VideoObject\", \"name\": \"A described clip\", \"author\": {\"@type\": "
            "\"Person\", \"name\": \"Gravity Uploader\"}, \"duration\": \"PT3S\", \"uploadDate\": "
            "\"2024-05-01\", \"thumbnailUrl\": \"{{BASE}}/thumb.jpg\", \"contentUrl\": "
            "\"{{BASE}}/clip.mp4\"}</script></head><body><h1>A described clip</h1></body></html>");
        page.close();
        // A login for the server: yt-dlp copies it into the info it writes, which must not keep it.
        const QByteArray secret = "direct-run-cookie-4711";
        const QString cookies = writeCookieFile(QDir(dir).filePath(u"cookies.txt"_s), secret);
        QVERIFY(!cookies.isEmpty());
        const QString starts = QDir(dir).filePath(u"starts.log"_s);
        const QString ytDlp =
            writeScript(dir, u"yt-dlp"_s,
                        "echo start >> '" + starts.toUtf8() + "'\nexec '" +
                            QFile::encodeName(QStandardPaths::findExecutable(u"yt-dlp"_s)) + "' \"$@\"\n");
        const QString out = QDir(dir).filePath(u"out"_s);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, ytDlp, u"--cookies"_s,
                                   cookies, u"-o"_s, out, m_fixture.url(u"described.html"_s)});
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        QFile started(starts);
        QVERIFY(started.open(QIODevice::ReadOnly));
        QCOMPARE(started.readAll().count("start"), 1);

        // --json: the info (before the download is queued), a titled queued event, the file.
        const QStringList names = result.eventNames();
        QVERIFY(names.indexOf(u"info"_s) >= 0 && names.indexOf(u"info"_s) < names.indexOf(u"queued"_s));
        QVERIFY(names.indexOf(u"queued"_s) < names.indexOf(u"finished"_s));
        const QJsonObject info = result.first(u"info"_s).value(u"info"_s).toObject();
        QCOMPARE(info.value(u"title"_s).toString(), u"A described clip"_s);
        QCOMPARE(info.value(u"uploader"_s).toString(), u"Gravity Uploader"_s);
        QCOMPARE(info.value(u"duration"_s).toDouble(), 3.0);
        QVERIFY(info.value(u"formats"_s).isArray());
        QCOMPARE(result.first(u"queued"_s).value(u"title"_s).toString(), u"A described clip"_s);
        const QString path = result.first(u"finished"_s).value(u"path"_s).toString();
        QVERIFY(QFileInfo::exists(path));
        QVERIFY2(path.contains(u"A described clip"_s), qPrintable(path));
        QVERIFY(!result.out.contains(secret));

        // The history: what the parse used to give, and the info for a re-download, without the cookie.
        const std::optional<HistoryEntry> entry = historyEntryOf(path);
        QVERIFY(entry);
        QCOMPARE(entry->title, u"A described clip"_s);
        QCOMPARE(entry->uploader, u"Gravity Uploader"_s);
        QCOMPARE(entry->duration, 3.0);
        QCOMPARE(entry->url, m_fixture.url(u"described.html"_s));
        QVERIFY(entry->infoFetchedAt.isValid());
        const std::optional<SavedInfo> saved = HistoryStore(historyDirectory()).infoJson(entry->id);
        QVERIFY(saved.has_value());
        const QJsonObject savedInfo = QJsonDocument::fromJson(saved->json).object();
        QCOMPARE(savedInfo.value(u"title"_s).toString(), u"A described clip"_s);
        QVERIFY(savedInfo.value(u"formats"_s).isArray());
        QVERIFY2(!saved->json.contains(secret), saved->json.constData());
        QVERIFY2(!saved->json.contains("Cookie"), saved->json.constData());
        // Nor is the file yt-dlp wrote the info to (with the cookie in it) left in the cache.
        const QString cache = environment().value(u"XDG_CACHE_HOME"_s);
        QDirIterator files(cache, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            QVERIFY2(!file.endsWith(u".run.info.json"_s), qPrintable(file));
            QFile cached(file);
            QVERIFY(cached.open(QIODevice::ReadOnly));
            QVERIFY2(!cached.readAll().contains(secret), qPrintable(file));
        }
        // The cookie did reach yt-dlp's info: without Gravity taking it out, it would have been kept.
        const QString check = QDir(dir).filePath(u"check.json"_s);
        QProcess ytDlpItself;
        ytDlpItself.start(u"yt-dlp"_s, {u"--ignore-config"_s, u"--no-warnings"_s, u"--cookies"_s, cookies,
                                        u"--skip-download"_s, u"--print-to-file"_s, u"video:%()j"_s, check,
                                        u"--"_s, m_fixture.url(u"described.html"_s)});
        QVERIFY(ytDlpItself.waitForFinished(60000));
        QFile checked(check);
        QVERIFY(checked.open(QIODevice::ReadOnly));
        QVERIFY(checked.readAll().contains(secret));
    }

    // A feed is a playlist: the one run that would have downloaded it skips it, and its parse queues every
    // entry as a download of its own, paced by the queue's limit.
    void aFeedSkippedByTheDirectRunIsParsedAndEveryEntryQueued()
    {
        const QString dir = m_fixture.scratch(u"clidirectfeed"_s);
        const QString log = QDir(dir).filePath(u"runs.log"_s);
        // Each run noted with what it was and how the real yt-dlp ended.
        const QString ytDlp =
            writeScript(dir, u"yt-dlp"_s,
                        "case \"$*\" in *--print-to-file*) kind=direct;; *' -J '*) kind=parse;; *) "
                        "kind=download;; esac\n'" +
                            QFile::encodeName(QStandardPaths::findExecutable(u"yt-dlp"_s)) +
                            "' \"$@\"\nrc=$?\necho \"$kind $rc\" >> '" + log.toUtf8() + "'\nexit $rc\n");
        const QString out = QDir(dir).filePath(u"out"_s);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"-j"_s, u"2"_s, u"--yt-dlp"_s, ytDlp,
                                   u"-o"_s, out, m_fixture.url(u"feed.xml"_s)});
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        QFile runs(log);
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QStringList kinds = QString::fromUtf8(runs.readAll()).split(u'\n', Qt::SkipEmptyParts);
        kinds.sort();
        QCOMPARE(kinds, (QStringList{u"direct 0"_s, u"download 0"_s, u"download 0"_s, u"download 0"_s,
                                     u"parse 0"_s}));
        QCOMPARE(result.eventNames().count(u"info"_s), 1);
        QVERIFY(result.first(u"info"_s).value(u"info"_s).toObject().value(u"entries"_s).isArray());
        QSet<double> ids;
        for (const QJsonObject &event : result.events) {
            if (event.value(u"event"_s) == u"queued"_s)
                ids.insert(event.value(u"id"_s).toDouble());
        }
        QCOMPARE(ids.size(), 3);
        QCOMPARE(result.eventNames().count(u"finished"_s), 3);
        QCOMPARE(QDir(out).entryList({u"*.mp4"_s}, QDir::Files).size(), 3);
    }

    // The real yt-dlp's own check: a stream still live is skipped by the direct run, without a download, and
    // refused by the parse as before.
    void aStreamStillLiveIsSkippedByTheDirectRunAndRefused()
    {
        const QString dir = m_fixture.scratch(u"clidirectlive"_s);
        const QString log = QDir(dir).filePath(u"runs.log"_s);
        const QByteArray live = QFile::encodeName(testDataPath(u"info/youtube-live.json"_s));
        // The parse prints the captured -J; the direct run is the real yt-dlp given that info instead of the
        // page (its last two arguments, "--" and the URL).
        const QString ytDlp =
            writeScript(dir, u"yt-dlp"_s,
                        "case \"$*\" in *--print-to-file*) ;; *) echo parse >> '" + log.toUtf8() +
                            "'; exec cat '" + live +
                            "';; esac\nn=$#\ni=0\nfor a in \"$@\"; do i=$((i+1)); [ $i -eq 1 ] && set --; [ "
                            "$i -le $((n-2)) ] "
                            "&& set -- \"$@\" \"$a\"; done\n'" +
                            QFile::encodeName(QStandardPaths::findExecutable(u"yt-dlp"_s)) +
                            "' \"$@\" --load-info-json '" + live + "'\nrc=$?\necho \"direct $rc\" >> '" +
                            log.toUtf8() + "'\nexit $rc\n");
        const QString out = QDir(dir).filePath(u"out"_s);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, ytDlp, u"-o"_s, out,
                                   u"https://www.youtube.com/watch?v=jfKfPfyJRdk"_s});
        verifyRefusedAsLive(result);
        if (QTest::currentTestFailed())
            return;
        QFile runs(log);
        QVERIFY(runs.open(QIODevice::ReadOnly));
        // Skipped (yt-dlp ends well, having downloaded nothing) rather than failed trying to reach YouTube.
        QCOMPARE(QString::fromUtf8(runs.readAll()).split(u'\n', Qt::SkipEmptyParts),
                 (QStringList{u"direct 0"_s, u"parse"_s}));
        QVERIFY(!QFileInfo::exists(out) || QDir(out).isEmpty());
    }

    // A refused quality in a run that was its own parse falls back from that run's info, as after a parse.
    void aRefusedQualityFallsBackFromTheDirectRunsInfo()
    {
        m_fixture.server().setFault(u"hls/v720.m3u8"_s, LoopbackServer::Fault::Forbidden);
        const QString dir = m_fixture.scratch(u"clidirectfallback"_s);
        const QString log = QDir(dir).filePath(u"runs.log"_s);
        const QString ytDlp = writeScript(
            dir, u"yt-dlp"_s,
            "case \"$*\" in *--print-to-file*) kind=direct;; *' -J '*) kind=parse;; *--load-info-json*) "
            "kind=from-info;; *) kind=by-url;; esac\necho $kind >> '" +
                log.toUtf8() + "'\nexec '" + QFile::encodeName(QStandardPaths::findExecutable(u"yt-dlp"_s)) +
                "' \"$@\"\n");
        const QString out = QDir(dir).filePath(u"out"_s);
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, ytDlp, u"-q"_s, u"720"_s,
                                   u"-o"_s, out, m_fixture.url(u"hls/master.m3u8"_s)});
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        const QJsonObject finished = result.first(u"finished"_s);
        QCOMPARE(probeStreams(finished.value(u"path"_s).toString()),
                 QStringList({u"video:640x360"_s, u"audio"_s}));
        const QJsonObject fallback = finished.value(u"fallback"_s).toObject();
        QCOMPARE(fallback.value(u"from_height"_s).toInt(), 720);
        QCOMPARE(fallback.value(u"to_height"_s).toInt(), 360);
        // The second run loaded what the first one said of the video: no parse, no second extraction.
        QFile runs(log);
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(runs.readAll()).split(u'\n', Qt::SkipEmptyParts),
                 (QStringList{u"direct"_s, u"from-info"_s}));
    }

    // yt-dlp writes the info where Gravity does not find it (a stand-in sends it to /dev/null): the download
    // still ends, and is reported and recorded like any other.
    void aDirectRunWhoseInfoNeverArrivesStillEnds()
    {
        const QString dir = m_fixture.scratch(u"clidirectnoinfo"_s);
        const QString ytDlp =
            writeScript(dir, u"yt-dlp"_s,
                        "prev=\ni=0\nfor a in \"$@\"; do i=$((i+1)); [ $i -eq 1 ] && set --; [ \"$prev\" = "
                        "'video:%()j' ] && "
                        "a=/dev/null; set -- \"$@\" \"$a\"; prev=$a; done\nexec '" +
                            QFile::encodeName(QStandardPaths::findExecutable(u"yt-dlp"_s)) + "' \"$@\"\n");
        const QString out = QDir(dir).filePath(u"out"_s);
        const AppRun result = run(
            {u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, ytDlp, u"-o"_s, out, m_fixture.url(u"page.html"_s)},
            60000);
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        const QStringList names = result.eventNames();
        QVERIFY(!names.contains(u"info"_s));
        QVERIFY(names.indexOf(u"queued"_s) >= 0 && names.indexOf(u"queued"_s) < names.indexOf(u"finished"_s));
        QVERIFY(QFileInfo::exists(result.first(u"finished"_s).value(u"path"_s).toString()));
        QCOMPARE(names.last(), u"done"_s);
    }

    void ctrlCStopsDownloadsAndTheirProcesses()
    {
        m_fixture.server().setThrottle(200 * 1024);
        const QString dir = m_fixture.scratch(u"clisigint"_s);
        QProcess process;
        process.start(QStringLiteral(GRAVITY_APP_PATH),
                      {u"--headless"_s, u"--json"_s, u"-o"_s, dir, m_fixture.url(u"slow.html"_s)});
        QVERIFY(process.waitForStarted());
        QByteArray output; // QTRY evaluates once more at the end: what was read must be kept
        QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains("\"downloading\""),
                                 60000);
        QVERIFY(!processesMatching(dir).isEmpty());
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(waitNoProcessesMatching(dir), "yt-dlp or ffmpeg outlived Ctrl-C");
    }

    void badUsageExits2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("an unknown quality")
            << QStringList{u"--headless"_s, u"-q"_s, u"999"_s, u"https://example.org/v"_s};
        QTest::newRow("an unknown option") << QStringList{u"--headless"_s, u"--frobnicate"_s};
        QTest::newRow("nothing to download") << QStringList{u"--headless"_s};
        QTest::newRow("an unknown audio format")
            << QStringList{u"--headless"_s, u"-a"_s, u"wav"_s, u"https://example.org/v"_s};
        QTest::newRow("a time range that ends before it starts") << QStringList{
            u"--headless"_s, u"--download-sections"_s, u"2:00-1:00"_s, u"https://example.org/v"_s};
        QTest::newRow("an unknown SponsorBlock category")
            << QStringList{u"--headless"_s, u"--sponsorblock-remove"_s, u"ads"_s, u"https://example.org/v"_s};
    }

    void badUsageExits2()
    {
        QFETCH(QStringList, arguments);
        const AppRun result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.isEmpty());
    }

    // Scripts read messages in the language of their terminal, as every command-line tool does.
    void outputFollowsTheLanguageOfTheEnvironment_data()
    {
        QTest::addColumn<QString>("lcAll");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<bool>("chinese");
        QTest::newRow("LANG=zh_CN.UTF-8") << QString() << u"zh_CN.UTF-8"_s << true;
        QTest::newRow("LC_ALL=zh_CN.UTF-8 over LANG=en_US.UTF-8")
            << u"zh_CN.UTF-8"_s << u"en_US.UTF-8"_s << true;
        QTest::newRow("LC_ALL=C.UTF-8 over LANG=zh_CN.UTF-8") << u"C.UTF-8"_s << u"zh_CN.UTF-8"_s << false;
    }

    void outputFollowsTheLanguageOfTheEnvironment()
    {
        QFETCH(QString, lcAll);
        QFETCH(QString, lang);
        QFETCH(bool, chinese);
        QProcessEnvironment env = environment();
        for (const QString &name : {u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANG"_s})
            env.remove(name);
        if (!lcAll.isEmpty())
            env.insert(u"LC_ALL"_s, lcAll);
        env.insert(u"LANG"_s, lang);
        const AppRun result = runApp(QStringLiteral(GRAVITY_APP_PATH),
                                     {u"--headless"_s, u"--"_s, u"ftp://example.com/video.mp4"_s}, env);
        QCOMPARE(result.exitCode, 2);
        const QString said = QString::fromUtf8(result.out + result.err);
        if (chinese) {
            QVERIFY2(said.contains(u"已拒绝"_s) && said.contains(u"只能下载 http:// 和 https:// 链接"_s),
                     qPrintable(said));
            QVERIFY2(!said.contains(u"Rejected"_s), qPrintable(said));
        } else {
            QVERIFY2(
                said.contains(u"Rejected \"ftp://example.com/video.mp4\": Only http:// and https:// links"_s),
                qPrintable(said));
        }
    }

    // The batch import reports rejects: a file with a BOM, CRLF, a comment and a blank line, two good links
    // and three bad lines. The good ones download; each bad one is reported with its line and reason; and
    // nothing option-like reaches yt-dlp (a wrapper logs every argument it is given).
    void theBatchImportReportsRejects()
    {
        const QString dir = m_fixture.scratch(u"batch"_s);
        const QString log = dir + u"/arguments.log"_s;
        const QString wrapper =
            writeScript(m_fixture.scratch(u"batchtools"_s), u"yt-dlp"_s,
                        "printf '%s\\n' \"$@\" >> '" + log.toUtf8() + "'\nexec /usr/bin/yt-dlp \"$@\"\n");
        const QString list = dir + u"/links.txt"_s;
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBF# my links\r\n" + m_fixture.url(u"clip1.mp4"_s).toUtf8() +
                   "\r\n\r\nftp://example.com/video.mp4\r\n--exec=rm\r\n   " +
                   m_fixture.url(u"clip2.mp4"_s).toUtf8() + "\r\nnot a link at all\r\n");
        file.close();
        const AppRun result = run({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, wrapper, u"-o"_s,
                                   dir + u"/out"_s, u"--batch-file"_s, list});
        QCOMPARE(result.exitCode, 2); // a rejected input, as with rejected URLs on the command line
        QCOMPARE(result.eventNames().count(u"finished"_s), 2);
        QList<QJsonObject> rejects;
        for (const QJsonObject &event : result.events) {
            if (event.value(u"event"_s) == u"rejected"_s)
                rejects << event;
        }
        QCOMPARE(rejects.size(), 3);
        QCOMPARE(rejects.at(0).value(u"line"_s).toInt(), 4);
        QCOMPARE(rejects.at(0).value(u"reason"_s).toString(), u"not-http"_s);
        QCOMPARE(rejects.at(1).value(u"line"_s).toInt(), 5);
        QCOMPARE(rejects.at(1).value(u"reason"_s).toString(), u"option"_s);
        QCOMPARE(rejects.at(2).value(u"line"_s).toInt(), 7);
        for (const QJsonObject &reject : rejects)
            QVERIFY(!reject.value(u"message"_s).toString().isEmpty());
        QFile arguments(log);
        QVERIFY(arguments.open(QIODevice::ReadOnly));
        const QByteArray given = arguments.readAll();
        QVERIFY(given.contains("clip1.mp4") && given.contains("clip2.mp4"));
        QVERIFY2(!given.contains("exec") && !given.contains("ftp:"), given.constData());
    }

    void theBatchImportSaysWhichLinesWereRejectedInPlainText()
    {
        const QString dir = m_fixture.scratch(u"batchtext"_s);
        const QString list = dir + u"/links.txt"_s;
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# nothing good here\n\nftp://example.com/video.mp4\n");
        file.close();
        const AppRun result = run({u"--headless"_s, u"--batch-file"_s, list});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromUtf8(result.out)
                     .contains(u"Line 3: \"ftp://example.com/video.mp4\": Only http:// and https:// links"_s),
                 result.out.constData());
    }

    void aBatchFileWithNoLinksSaysSoAndExits2()
    {
        const QString list = m_fixture.scratch(u"emptybatch"_s) + u"/links.txt"_s;
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# only a comment\r\n\r\n");
        file.close();
        const AppRun result = run({u"--headless"_s, u"--batch-file"_s, list});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("There are no links"), result.err.constData());
    }

    void aBatchFileThatCannotBeReadExits2()
    {
        const AppRun result =
            run({u"--headless"_s, u"--batch-file"_s, m_fixture.scratch(u"nofile"_s) + u"/gone.txt"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("could not be read"), result.err.constData());
    }

    void versionNamesTheYtDlpInUse()
    {
        const AppRun version = run({u"--version"_s, u"--yt-dlp"_s, u"/usr/bin/yt-dlp"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.contains("yt-dlp 20"), version.out.constData());

        // Without yt-dlp it still tells Gravity's version, and says yt-dlp is missing.
        const AppRun withoutYtDlp =
            run({u"--version"_s, u"--yt-dlp"_s, m_fixture.scratch(u"none"_s) + u"/yt-dlp"_s});
        QCOMPARE(withoutYtDlp.exitCode, 0);
        QVERIFY(withoutYtDlp.out.contains(GRAVITY_VERSION));
        QVERIFY2(!withoutYtDlp.out.contains("yt-dlp 20"), withoutYtDlp.out.constData());
        QVERIFY2(withoutYtDlp.err.contains("yt-dlp"), withoutYtDlp.err.constData());
    }

    void updateRefusesThePackagedYtDlp()
    {
        if (!QFile::exists(u"/usr/bin/yt-dlp"_s))
            QSKIP("no /usr/bin/yt-dlp on this machine");
        const AppRun result = run({u"--update-yt-dlp"_s, u"--yt-dlp"_s, u"/usr/bin/yt-dlp"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("package manager"), result.err.constData());
    }

    void versionAndHelpAnswerWithoutAWindow()
    {
        const AppRun version = run({u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(GRAVITY_VERSION));
        const AppRun help = run({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--headless"));
        QVERIFY(help.out.contains("--load-info-json"));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
