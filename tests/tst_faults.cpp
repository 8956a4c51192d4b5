// Faults with real processes: the server failing mid-download, a disk that fills up, a folder that vanishes
// or turns read-only, yt-dlp that crashes or falls silent, tools that cannot run. Each download ends in a
// clear state with its reason, no process is left behind, and the next download in the queue still completes.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "prober.h"
#include "queuerun.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

class TestFaults : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    // The first of two downloads in one queue failed as `kind` (which has words for people), and the queue
    // went on: the second completed. Callers return when it failed (QTest::currentTestFailed()).
    static void verifyFailedAndTheNextCompleted(const QList<DownloadProgress> &results, ErrorKind kind)
    {
        QCOMPARE(results.size(), 2);
        QVERIFY2(results[0].state == DownloadState::Failed, qPrintable(results[0].filePath));
        QVERIFY2(results[0].error.kind == kind,
                 qPrintable(errorKindId(results[0].error.kind) + u": "_s + results[0].error.detail));
        QVERIFY(!errorKindText(kind).isEmpty());
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    // A stand-in for yt-dlp that crashes or falls silent for one page and is the real yt-dlp for the rest:
    // the broken download fails with its reason, the next one in the queue still runs.
    void aCrashingOrSilentYtDlpFailsOnlyItsDownload_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("yt-dlp crashes (SIGSEGV)") << u"crash"_s << ErrorKind::Crashed;
        QTest::newRow("yt-dlp hangs without a word") << u"hang"_s << ErrorKind::TimedOut;
    }

    void aCrashingOrSilentYtDlpFailsOnlyItsDownload()
    {
        QFETCH(QString, page);
        QFETCH(ErrorKind, kind);
        const QString dir = m_fixture.scratch(u"standin"_s);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        config.stallTimeoutSec = 3;
        config.ytDlpPath = writeScript(dir, u"yt-dlp"_s,
                                       "case \"$*\" in\n"
                                       "  *page.html?crash*) kill -SEGV $$ ;;\n"
                                       "  *page.html?hang*) while :; do sleep 1; done ;;\n"
                                       "esac\n"
                                       "exec yt-dlp \"$@\"\n");
        QVERIFY(!config.ytDlpPath.isEmpty());
        const QString broken = QDir(dir).filePath(u"broken"_s);
        const QString next = QDir(dir).filePath(u"next"_s);
        const QList<DownloadProgress> results =
            runToEnd({requestFor(m_fixture.url(u"page.html?"_s + page), broken),
                      requestFor(m_fixture.url(u"page.html"_s), next)},
                     config);
        verifyFailedAndTheNextCompleted(results, kind);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFileInfo::exists(results[1].filePath));
        QVERIFY2(waitNoProcessesMatching(broken), "the stand-in or its sleep outlived the download");
    }

    // The page was read; then the server turns on the video file. That download fails in words, the next
    // one in the queue completes.
    void serverFaultsOnTheVideoFailOnlyThatDownload_data()
    {
        QTest::addColumn<LoopbackServer::Fault>("fault");
        QTest::addColumn<qint64>("after");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("500 on the video file")
            << LoopbackServer::Fault::ServerError << qint64(0) << ErrorKind::HttpError;
        QTest::newRow("429 on the video file")
            << LoopbackServer::Fault::TooManyRequests << qint64(0) << ErrorKind::HttpError;
        QTest::newRow("the connection reset before the first byte, every time")
            << LoopbackServer::Fault::ResetAfter << qint64(0) << ErrorKind::NetworkUnreachable;
    }

    void serverFaultsOnTheVideoFailOnlyThatDownload()
    {
        QFETCH(LoopbackServer::Fault, fault);
        QFETCH(qint64, after);
        QFETCH(ErrorKind, kind);
        const QString url = m_fixture.url(u"page.html"_s);
        Prober prober(m_fixture.config());
        QSignalSpy probed(&prober, &Prober::finished);
        prober.start(url);
        QVERIFY(probed.wait(60000));
        const ProbeResult probe = probed.at(0).at(0).value<ProbeResult>();
        QVERIFY(probe.info);
        m_fixture.server().setFault(u"clip.mp4"_s, fault, after);

        const QString dir = m_fixture.scratch(u"serverfault"_s);
        DownloadRequest broken = requestFor(url, QDir(dir).filePath(u"broken"_s));
        broken.infoJson = probe.info->rawJson;
        broken.infoFetchedAt = QDateTime::currentDateTimeUtc();
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        const QList<DownloadProgress> results = runToEnd(
            {broken, requestFor(m_fixture.url(u"clip2.mp4"_s), QDir(dir).filePath(u"next"_s))}, config);
        verifyFailedAndTheNextCompleted(results, kind);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(waitNoProcessesMatching(dir));
    }

    // A segment in the middle of an HLS stream answers 500 every time: yt-dlp would skip it and call a file
    // with a hole a success; the download fails in words instead, and the next one goes on.
    void aSegmentThatFailsMidStreamFailsTheDownloadInsteadOfLeavingAHole()
    {
        m_fixture.server().setFault(u"hls/v360_001.ts"_s, LoopbackServer::Fault::ServerError);
        const QString dir = m_fixture.scratch(u"segmentfault"_s);
        DownloadRequest broken =
            requestFor(m_fixture.url(u"hls/master.m3u8"_s), QDir(dir).filePath(u"broken"_s));
        broken.options.quality = QualityPreset::P360;
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        config.network.retries = 1;
        const QList<DownloadProgress> results = runToEnd(
            {broken, requestFor(m_fixture.url(u"clip2.mp4"_s), QDir(dir).filePath(u"next"_s))}, config);
        verifyFailedAndTheNextCompleted(results, ErrorKind::HttpError);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_fixture.server().requestCount(u"hls/v360_000.ts"_s) > 0);
        // No merged file with a hole; what was fetched stays for Retry to continue from.
        const QStringList left = QDir(QDir(dir).filePath(u"broken"_s)).entryList(QDir::Files);
        QVERIFY2(!left.contains(u"master [master].mp4"_s), qPrintable(left.join(u", "_s)));
        QVERIFY2(!left.filter(u".part"_s).isEmpty(), qPrintable(left.join(u", "_s)));
        QVERIFY(waitNoProcessesMatching(dir));
    }

    // Every connection to the file is reset 40 KB in: yt-dlp asks again from where it stopped, so the file
    // completes whole.
    void aConnectionResetMidFileIsContinued()
    {
        m_fixture.server().setFault(u"clip1.mp4"_s, LoopbackServer::Fault::ResetAfter, 40000);
        const QString dir = m_fixture.scratch(u"reset"_s);
        const QList<DownloadProgress> results =
            runToEnd({requestFor(m_fixture.url(u"clip1.mp4"_s), dir)}, m_fixture.config());
        QCOMPARE(results.size(), 1);
        QVERIFY2(results[0].state == DownloadState::Completed, qPrintable(results[0].error.detail));
        QCOMPARE(QFileInfo(results[0].filePath).size(),
                 QFileInfo(QDir(m_fixture.mediaDir()).filePath(u"clip1.mp4"_s)).size());
        QVERIFY(m_fixture.server().rangeStarts(u"clip1.mp4"_s).constLast() > 0);
    }

    // RLIMIT_FSIZE on the real yt-dlp (prlimit as the configured program): its writes past the limit fail
    // with EFBIG as on a full disk. The big download fails as "disk full"; a small one after it completes.
    void aFullDiskFailsTheDownloadAndTheQueueGoesOn()
    {
        const QString dir = m_fixture.scratch(u"diskfull"_s);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        config.ytDlpPath = writeScript(dir, u"yt-dlp-2mb"_s, "exec prlimit --fsize=2000000 yt-dlp \"$@\"\n");
        QVERIFY(!config.ytDlpPath.isEmpty());
        const QString big = QDir(dir).filePath(u"big"_s);
        const QString small = QDir(dir).filePath(u"small"_s);
        const QList<DownloadProgress> results = runToEnd({requestFor(m_fixture.url(u"slow.html"_s), big),
                                                          requestFor(m_fixture.url(u"page.html"_s), small)},
                                                         config);
        verifyFailedAndTheNextCompleted(results, ErrorKind::DiskFull);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(waitNoProcessesMatching(big));
    }

    // A real full disk: a 100 KB tmpfs as the download folder (ENOSPC, no signal). Needs root and a system
    // that allows mount; skipped otherwise, where the RLIMIT_FSIZE test above stands in.
    void aRealFullDiskFailsAsDiskFullAndTheQueueGoesOn()
    {
        const QString mountPoint = m_fixture.scratch(u"tmpfs"_s);
        QProcess mount;
        mount.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=100k"_s, u"tmpfs"_s, mountPoint});
        if (!mount.waitForFinished(10000) || mount.exitStatus() != QProcess::NormalExit ||
            mount.exitCode() != 0)
            QSKIP("cannot mount a tmpfs here (not root, or not allowed)");
        const auto unmount = qScopeGuard([mountPoint] { QProcess::execute(u"umount"_s, {mountPoint}); });
        const QString out = QDir(mountPoint).filePath(u"out"_s);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        const QString next = m_fixture.scratch(u"afterfull"_s);
        const QList<DownloadProgress> results = runToEnd(
            {requestFor(m_fixture.url(u"clip.mp4"_s), out), requestFor(m_fixture.url(u"clip2.mp4"_s), next)},
            config);
        verifyFailedAndTheNextCompleted(results, ErrorKind::DiskFull);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(waitNoProcessesMatching(out));
    }

    // The folder is deleted while the file is still arriving.
    void aFolderDeletedMidDownloadFailsAndTheQueueGoesOn()
    {
        m_fixture.server().setThrottle(400 * 1024);
        const QString parent = m_fixture.scratch(u"vanish"_s);
        const QString doomed = QDir(parent).filePath(u"doomed"_s);
        const QString next = QDir(parent).filePath(u"next"_s);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        const QList<DownloadProgress> results =
            runToEnd({requestFor(m_fixture.url(u"slow.html"_s), doomed),
                      requestFor(m_fixture.url(u"page.html"_s), next)},
                     config, [this, doomed](DownloadQueue &queue, quint64 first) {
                         QTRY_VERIFY_WITH_TIMEOUT(queue.task(first)->progress().downloadedBytes > 0, 60000);
                         QVERIFY(QDir(doomed).removeRecursively());
                         m_fixture.server().setThrottle(0);
                     });
        qInfo() << "folder deleted:" << errorKindId(results.value(0).error.kind)
                << results.value(0).error.detail;
        verifyFailedAndTheNextCompleted(results, ErrorKind::NotWritable);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!QFileInfo::exists(doomed));
        QVERIFY(waitNoProcessesMatching(doomed));
    }

    // The folder turns read-only while the file is still arriving: a read-only bind mount over it (root and
    // mount needed; skipped otherwise). The open part file is still written; moving it into place is refused.
    void aFolderTurnedReadOnlyMidDownloadFailsAndTheQueueGoesOn()
    {
        m_fixture.server().setThrottle(400 * 1024);
        const QString parent = m_fixture.scratch(u"readonly"_s);
        const QString folder = QDir(parent).filePath(u"folder"_s);
        const QString next = QDir(parent).filePath(u"next"_s);
        QVERIFY(QDir().mkpath(folder));
        bool mounted = false;
        const auto unmount = qScopeGuard([&] {
            if (mounted)
                QProcess::execute(u"umount"_s, {folder});
        });
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        const QList<DownloadProgress> results =
            runToEnd({requestFor(m_fixture.url(u"slow.html"_s), folder),
                      requestFor(m_fixture.url(u"page.html"_s), next)},
                     config, [&](DownloadQueue &queue, quint64 first) {
                         QTRY_VERIFY_WITH_TIMEOUT(queue.task(first)->progress().downloadedBytes > 0, 60000);
                         mounted = QProcess::execute(u"mount"_s, {u"--bind"_s, folder, folder}) == 0;
                         if (mounted)
                             QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,bind,ro"_s, folder});
                         m_fixture.server().setThrottle(0);
                     });
        if (!mounted)
            QSKIP("cannot bind-mount here (not root, or not allowed)");
        QFile probe(QDir(folder).filePath(u"probe"_s));
        QVERIFY2(!probe.open(QIODevice::WriteOnly), "the folder did not turn read-only");
        qInfo() << "folder turned read-only:" << errorKindId(results.value(0).error.kind)
                << results.value(0).error.detail;
        verifyFailedAndTheNextCompleted(results, ErrorKind::NotWritable);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(waitNoProcessesMatching(folder));
    }

    // A yt-dlp that is there but cannot run (its executable bit lost): named as missing, nothing written.
    void aYtDlpThatCannotRunIsNamed()
    {
        const QString dir = m_fixture.scratch(u"ytdlp"_s);
        const QString ytDlp = QDir(dir).filePath(u"yt-dlp"_s);
        QFile file(ytDlp);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nexit 0\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)); // not executable
        EngineConfig config = m_fixture.config();
        config.ytDlpPath = ytDlp;
        const QString out = QDir(dir).filePath(u"out"_s);
        const QList<DownloadProgress> results =
            runToEnd({requestFor(m_fixture.url(u"page.html"_s), out)}, config);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].state, DownloadState::Failed);
        QVERIFY2(results[0].error.kind == ErrorKind::YtDlpMissing, qPrintable(results[0].error.detail));
        QVERIFY(!errorKindText(results[0].error.kind).isEmpty());
        QCOMPARE(filesUnder(dir), QStringList{u"yt-dlp"_s});
    }

    // An ffmpeg that is there but cannot run, when the chosen quality needs a merge.
    void anFfmpegThatCannotRunIsNamedForAMerge()
    {
        const QString dir = m_fixture.scratch(u"ffmpeg"_s);
        const QString ffmpeg = QDir(dir).filePath(u"ffmpeg"_s);
        QFile file(ffmpeg);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nexit 0\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)); // not executable
        EngineConfig config = m_fixture.config();
        config.ffmpegPath = ffmpeg;
        DownloadRequest request =
            requestFor(m_fixture.url(u"hls/master.m3u8"_s), QDir(dir).filePath(u"out"_s));
        request.options.quality = QualityPreset::P360;
        const QList<DownloadProgress> results = runToEnd({request}, config);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].state, DownloadState::Failed);
        QVERIFY2(results[0].error.kind == ErrorKind::FfmpegMissing, qPrintable(results[0].error.detail));
    }

    // ffmpeg crashes or falls silent during the merge (a stand-in that is the real ffmpeg when yt-dlp only
    // asks for its version): the download fails with a reason and ffmpeg goes with it.
    void anFfmpegThatCrashesOrHangsDuringTheMerge_data()
    {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<ErrorKind>("kind"); // None: any reason but none
        QTest::newRow("ffmpeg crashes (SIGSEGV)")
            << QByteArray("kill -SEGV $$") << ErrorKind::PostProcessFailed;
        QTest::newRow("ffmpeg hangs without a word")
            << QByteArray("while :; do sleep 1; done") << ErrorKind::TimedOut;
    }

    void anFfmpegThatCrashesOrHangsDuringTheMerge()
    {
        QFETCH(QByteArray, action);
        QFETCH(ErrorKind, kind);
        const QString dir = m_fixture.scratch(u"ffmpegfault"_s);
        const QString tools = QDir(dir).filePath(u"tools"_s);
        QVERIFY(QDir().mkpath(tools));
        EngineConfig config = m_fixture.config();
        config.stallTimeoutSec = 3;
        config.ffmpegPath =
            writeScript(tools, u"ffmpeg"_s,
                        "case \"$*\" in *-version*|*-bsfs*) exec ffmpeg \"$@\" ;; esac\n" + action + "\n");
        QVERIFY(!config.ffmpegPath.isEmpty());
        QVERIFY(
            QFile::link(QStandardPaths::findExecutable(u"ffprobe"_s), QDir(tools).filePath(u"ffprobe"_s)));
        const QString out = QDir(dir).filePath(u"out"_s);
        DownloadRequest request = requestFor(m_fixture.url(u"hls/master.m3u8"_s), out);
        request.options.quality = QualityPreset::P360;
        const QList<DownloadProgress> results = runToEnd({request}, config);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].state, DownloadState::Failed);
        qInfo() << "ffmpeg fault:" << errorKindId(results[0].error.kind)
                << results[0].error.detail.right(200);
        if (kind != ErrorKind::None)
            QVERIFY2(results[0].error.kind == kind, qPrintable(results[0].error.detail));
        QVERIFY(results[0].error.kind != ErrorKind::None);
        QVERIFY(!errorKindText(results[0].error.kind).isEmpty());
        QVERIFY2(waitNoProcessesMatching(out), "ffmpeg or yt-dlp outlived the download");
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
