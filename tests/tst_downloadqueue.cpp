// The queue as a user meets it: a concurrency limit, pause and resume, retry, remove, and progress that
// reaches the ui a few times a second however fast yt-dlp talks.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "testhelpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

class TestDownloadQueue : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    DownloadRequest request(const QString &path, const QString &dir)
    {
        DownloadRequest r;
        r.url = m_fixture.url(path);
        r.options.outputDir = dir;
        r.options.quality = QualityPreset::Best;
        return r;
    }

    static DownloadState stateOf(const DownloadQueue &queue, quint64 id)
    {
        return queue.task(id)->progress().state;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    void limitTwoWithThreeQueuedTheThirdWaits()
    {
        m_fixture.server().setThrottle(400 * 1024);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 2;
        DownloadQueue queue(config);
        const QString dir = m_fixture.scratch(u"limit"_s);
        const quint64 first = queue.enqueue(request(u"slow.html"_s, dir + u"/a"_s));
        const quint64 second = queue.enqueue(request(u"slow.html"_s, dir + u"/b"_s));
        const quint64 third = queue.enqueue(request(u"slow.html"_s, dir + u"/c"_s));
        QCOMPARE(queue.activeCount(), 2);
        QCOMPARE(stateOf(queue, third), DownloadState::Queued);
        // When one ends (here: cancelled), the third starts.
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        queue.cancel(first);
        QVERIFY(finished.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(queue.task(third)->isActive(), 5000);
        QVERIFY(queue.task(second)->isActive());
        QCOMPARE(queue.activeCount(), 2);
        queue.stopAll();
    }

    void raisingTheLimitAtRunTimeStartsWaitingDownloads()
    {
        m_fixture.server().setThrottle(400 * 1024);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        DownloadQueue queue(config);
        const QString dir = m_fixture.scratch(u"raise"_s);
        queue.enqueue(request(u"slow.html"_s, dir + u"/a"_s));
        const quint64 waiting = queue.enqueue(request(u"slow.html"_s, dir + u"/b"_s));
        QCOMPARE(stateOf(queue, waiting), DownloadState::Queued);
        queue.setMaxConcurrent(2);
        QVERIFY(queue.task(waiting)->isActive());
        queue.stopAll();
    }

    void progressReachesTheUiAtMostTenTimesASecond()
    {
        // Three downloads at once, each printing many progress lines a second.
        m_fixture.server().setThrottle(3 * 1024 * 1024);
        DownloadQueue queue(m_fixture.config());
        const QString dir = m_fixture.scratch(u"coalesce"_s);
        int taskSignals = 0;
        QList<quint64> ids;
        for (const QString &sub : {u"a"_s, u"b"_s, u"c"_s})
            ids << queue.enqueue(request(u"slow.html"_s, dir + u'/' + sub));
        for (quint64 id : ids)
            connect(queue.task(id), &DownloadTask::changed, this, [&] { ++taskSignals; });
        QSignalSpy batches(&queue, &DownloadQueue::tasksChanged);
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), 120000);
        const qint64 elapsedMs = clock.elapsed();
        for (quint64 id : ids)
            QCOMPARE(stateOf(queue, id), DownloadState::Completed);
        // One batch per 100 ms tick at most (plus the one in flight), whatever the number of lines.
        QVERIFY2(batches.size() <= elapsedMs / DownloadQueue::CoalesceIntervalMs + 2,
                 qPrintable(u"%1 batches in %2 ms"_s.arg(batches.size()).arg(elapsedMs)));
        QVERIFY2(taskSignals > batches.size(),
                 qPrintable(u"%1 task changes, %2 batches"_s.arg(taskSignals).arg(batches.size())));
    }

    void pauseKeepsThePartialFileAndResumeFinishesIt()
    {
        m_fixture.server().setThrottle(500 * 1024);
        DownloadQueue queue(m_fixture.config());
        const QString dir = m_fixture.scratch(u"pause"_s);
        const quint64 id = queue.enqueue(request(u"slow.html"_s, dir));
        QTRY_VERIFY_WITH_TIMEOUT(queue.task(id)->progress().downloadedBytes > 512 * 1024, 60000);
        queue.pause(id);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, id), DownloadState::Paused, 10000);
        QVERIFY(waitNoProcessesMatching(dir));
        const QStringList partial = QDir(dir).entryList({u"*.part"_s}, QDir::Files);
        QCOMPARE(partial.size(), 1);
        const qint64 partialSize = QFileInfo(QDir(dir).filePath(partial.first())).size();
        QVERIFY(partialSize > 0);
        // Nothing arrives while paused.
        const qint64 served = m_fixture.server().bytesServed();
        QTest::qWait(1000);
        QCOMPARE(m_fixture.server().bytesServed(), served);

        m_fixture.server().setThrottle(0);
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        queue.resume(id);
        QVERIFY(finished.wait(60000));
        const DownloadProgress &result = queue.task(id)->progress();
        QCOMPARE(result.state, DownloadState::Completed);
        QCOMPARE(result.fileSize, QFileInfo(QDir(m_fixture.mediaDir()).filePath(u"slow.mp4"_s)).size());
        // Continued, not restarted: the second run fetched about what was missing, not the whole file again.
        QVERIFY2(m_fixture.server().bytesServed() - served < result.fileSize - partialSize / 2,
                 "the paused download started over");
    }

    void stopAllLeavesNoProcessAndPausesForNextTime()
    {
        // One running and one waiting behind it. (Two downloads of the same page starting in the same instant
        // sometimes fail here with ENOENT on a fresh .part file: seen, not yet understood; see the notes.)
        m_fixture.server().setThrottle(300 * 1024);
        const QString dir = m_fixture.scratch(u"quit"_s);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        DownloadQueue queue(config);
        const quint64 running = queue.enqueue(request(u"slow.html"_s, dir + u"/a"_s));
        const quint64 waiting = queue.enqueue(request(u"clip2.mp4"_s, dir + u"/b"_s));
        QTRY_VERIFY2_WITH_TIMEOUT(queue.task(running)->progress().downloadedBytes > 0,
                                  qPrintable(queue.task(running)->progress().error.detail), 60000);
        queue.stopAll();
        QVERIFY(waitNoProcessesMatching(dir));
        QCOMPARE(stateOf(queue, running), DownloadState::Paused);
        QCOMPARE(stateOf(queue, waiting), DownloadState::Queued);
    }

    void aFailedDownloadCanBeRetried()
    {
        m_fixture.server().setFault(u"clip1.mp4"_s, LoopbackServer::Fault::ServerError);
        DownloadQueue queue(m_fixture.config());
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        const quint64 id = queue.enqueue(request(u"clip1.mp4"_s, m_fixture.scratch(u"retry"_s)));
        QVERIFY(finished.wait(120000));
        QCOMPARE(stateOf(queue, id), DownloadState::Failed);
        m_fixture.server().clearFaults();
        queue.retry(id);
        QVERIFY(finished.wait(60000));
        QCOMPARE(stateOf(queue, id), DownloadState::Completed);
        QVERIFY(!queue.task(id)->progress().error.isError());
    }

    void cancellingAWaitingDownloadNeverStartsIt()
    {
        m_fixture.server().setThrottle(200 * 1024);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        DownloadQueue queue(config);
        const QString dir = m_fixture.scratch(u"waiting"_s);
        queue.enqueue(request(u"slow.html"_s, dir + u"/a"_s));
        const quint64 waiting = queue.enqueue(request(u"clip2.mp4"_s, dir + u"/b"_s));
        const int before = m_fixture.server().requestCount(u"clip2.mp4"_s);
        queue.cancel(waiting);
        QCOMPARE(stateOf(queue, waiting), DownloadState::Cancelled);
        queue.stopAll();
        QCOMPARE(m_fixture.server().requestCount(u"clip2.mp4"_s), before);
    }

    void removingARunningDownloadStopsItsProcess()
    {
        m_fixture.server().setThrottle(200 * 1024);
        DownloadQueue queue(m_fixture.config());
        const QString dir = m_fixture.scratch(u"remove"_s);
        QSignalSpy removed(&queue, &DownloadQueue::taskRemoved);
        const quint64 id = queue.enqueue(request(u"slow.html"_s, dir));
        QTRY_VERIFY_WITH_TIMEOUT(queue.task(id)->progress().downloadedBytes > 0, 60000);
        queue.remove(id);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(queue.task(id), nullptr);
        QVERIFY(waitNoProcessesMatching(dir));
    }
};

QTEST_GUILESS_MAIN(TestDownloadQueue)
#include "tst_downloadqueue.moc"
