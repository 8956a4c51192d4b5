// Parse: the real yt-dlp reads pages, HLS masters and feeds from the loopback server.

#include "integrationfixture.h"
#include "prober.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

class TestProber : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    ProbeResult probe(const QString &url, const EngineConfig &config, int timeoutMs = 60000)
    {
        Prober prober(config);
        QSignalSpy finished(&prober, &Prober::finished);
        prober.start(url);
        if (!finished.wait(timeoutMs))
            return {url, std::nullopt, {ErrorKind::Unknown, u"no answer from the prober"_s}};
        return finished.at(0).at(0).value<ProbeResult>();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    void aPageWithAVideoShowsItsTitleAndFormat()
    {
        const ProbeResult result = probe(m_fixture.url(u"page.html"_s), m_fixture.config());
        QVERIFY2(result.info, qPrintable(result.error.detail));
        QVERIFY(result.info->title.startsWith(u"Gravity Test Clip"_s));
        QVERIFY(!result.info->isPlaylist);
        QCOMPARE(result.info->formats.size(), 1);
        QVERIFY(!result.info->rawJson.isEmpty());
    }

    void anHlsMasterListsItsRealVariantsAndAudio()
    {
        const ProbeResult result = probe(m_fixture.url(u"hls/master.m3u8"_s), m_fixture.config());
        QVERIFY2(result.info, qPrintable(result.error.detail));
        QCOMPARE(result.info->maxHeight(), 720);
        int videoOnly = 0;
        int audioOnly = 0;
        for (const MediaFormat &format : result.info->formats) {
            videoOnly += format.hasVideo() && !format.hasAudio();
            audioOnly += format.hasAudio() && !format.hasVideo();
        }
        QCOMPARE(videoOnly, 2);
        QCOMPARE(audioOnly, 1);
    }

    void aFeedIsAPlaylistListedInOneCall()
    {
        const ProbeResult result = probe(m_fixture.url(u"feed.xml"_s), m_fixture.config());
        QVERIFY2(result.info, qPrintable(result.error.detail));
        QVERIFY(result.info->isPlaylist);
        QCOMPARE(result.info->entries.size(), 3);
        QCOMPARE(result.info->entries.at(1).title, u"Second clip"_s);
        // Flat: the entries' media were not fetched to list them.
        QCOMPARE(m_fixture.server().requestCount(u"clip2.mp4"_s), 0);
    }

    void aMissingPageIsAnHttpError()
    {
        const ProbeResult result = probe(m_fixture.url(u"no-such-page.html"_s), m_fixture.config());
        QVERIFY(!result.info);
        QCOMPARE(result.error.kind, ErrorKind::HttpError);
        QVERIFY(result.error.detail.contains(u"404"_s));
    }

    void aDeadServerIsANetworkError()
    {
        // A port nobody listens on: connection refused.
        LoopbackServer closed;
        QVERIFY(closed.start(m_fixture.mediaDir()));
        const QString url = closed.url(u"page.html"_s).toString();
        closed.stop();
        const ProbeResult result = probe(url, m_fixture.config());
        QVERIFY(!result.info);
        QCOMPARE(result.error.kind, ErrorKind::NetworkUnreachable);
    }

    void aMissingYtDlpSaysWhatToInstall()
    {
        EngineConfig config = m_fixture.config();
        config.ytDlpPath = u"/nonexistent/yt-dlp"_s;
        const ProbeResult result = probe(m_fixture.url(u"page.html"_s), config);
        QVERIFY(!result.info);
        QCOMPARE(result.error.kind, ErrorKind::YtDlpMissing);
        QVERIFY(errorKindText(result.error.kind).contains(u"install"_s));
    }

    void cancellingAParseStopsYtDlp()
    {
        // The page never finishes arriving, so yt-dlp waits on it until cancelled.
        m_fixture.server().setFault(u"slow.html"_s, LoopbackServer::Fault::StallAfter, 10);
        Prober prober(m_fixture.config());
        QSignalSpy finished(&prober, &Prober::finished);
        const QString url = m_fixture.url(u"slow.html"_s) + u"?cancel-test"_s;
        prober.start(url);
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.server().requestCount(u"slow.html"_s) > 0, 20000);
        prober.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).value<ProbeResult>().error.kind, ErrorKind::Cancelled);
        QVERIFY(waitNoProcessesMatching(u"cancel-test"_s));
    }

    void aStreamStillLiveIsRefusedAndAFinishedOneIsNot_data()
    {
        QTest::addColumn<QString>("liveStatus"); // empty: the info as captured, still live
        QTest::addColumn<bool>("refused");
        QTest::newRow("still live") << QString() << true;
        QTest::newRow("was live") << u"was_live"_s << false;
        QTest::newRow("post live, still processing") << u"post_live"_s << false;
    }

    void aStreamStillLiveIsRefusedAndAFinishedOneIsNot()
    {
        QFETCH(QString, liveStatus);
        QFETCH(bool, refused);
        // Only YouTube can say a stream is live: a stand-in prints its captured -J output.
        QFile captured(testDataPath(u"info/youtube-live.json"_s));
        QVERIFY(captured.open(QIODevice::ReadOnly));
        QJsonObject info = QJsonDocument::fromJson(captured.readAll()).object();
        QVERIFY(info.value(u"is_live"_s).toBool());
        if (!liveStatus.isEmpty()) {
            info.insert(u"is_live"_s, false);
            info.insert(u"was_live"_s, liveStatus == u"was_live"_s);
            info.insert(u"live_status"_s, liveStatus);
        }
        const QString dir = m_fixture.scratch(u"live"_s);
        QFile saved(QDir(dir).filePath(u"live.json"_s));
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write(QJsonDocument(info).toJson(QJsonDocument::Compact));
        saved.close();
        EngineConfig config = m_fixture.config();
        config.ytDlpPath = writeScript(dir, u"yt-dlp"_s,
                                       "#!/bin/sh\nexec cat '" + QFile::encodeName(saved.fileName()) + "'\n");
        QVERIFY(!config.ytDlpPath.isEmpty());

        const ProbeResult result = probe(u"https://www.youtube.com/watch?v=jfKfPfyJRdk"_s, config);
        QCOMPARE(!result.info, refused);
        QCOMPARE(result.error.kind, refused ? ErrorKind::LiveNotSupported : ErrorKind::None);
        if (refused) // what the window and --headless show
            QCOMPARE(errorKindText(result.error.kind),
                     u"This is a live stream that has not ended: try again when it is over."_s);
    }

    void aParseThatNeverAnswersTimesOut()
    {
        m_fixture.server().setFault(u"slow.html"_s, LoopbackServer::Fault::StallAfter, 10);
        EngineConfig config = m_fixture.config();
        config.probeTimeoutSec = 2;
        const ProbeResult result = probe(m_fixture.url(u"slow.html"_s) + u"?timeout-test"_s, config);
        QCOMPARE(result.error.kind, ErrorKind::TimedOut);
        QVERIFY(waitNoProcessesMatching(u"timeout-test"_s));
    }
};

QTEST_GUILESS_MAIN(TestProber)
#include "tst_prober.moc"
