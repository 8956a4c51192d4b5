// Notifications as a user gets them, over the real queue, yt-dlp and the loopback server: downloads that end
// close together make one notification with the right counts, cancelled ones make none, and bursts far apart
// make one each.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "notificationbatcher.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

// Slow enough that every download is under way before any can finish (clips are about 120 kB).
constexpr qint64 HoldBackBytesPerSec = 10 * 1024;

NotificationBatch batchAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<NotificationBatch>();
}

} // namespace

class TestNotificationBatcher final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    DownloadRequest request(const QString &path, const QString &dir)
    {
        DownloadRequest r;
        r.url = m_fixture.url(path);
        r.options.outputDir = dir;
        return r;
    }

    QList<quint64> enqueueAll(DownloadQueue &queue, const QStringList &paths, const QString &scratchName)
    {
        const QString dir = m_fixture.scratch(scratchName);
        QList<quint64> ids;
        for (qsizetype i = 0; i < paths.size(); ++i)
            ids << queue.enqueue(request(paths.at(i), dir + u"/%1"_s.arg(i)));
        return ids;
    }

    // "Close together": the server holds every download back until all of them are receiving, then lets go.
    static bool allDownloading(const DownloadQueue &queue, const QList<quint64> &ids)
    {
        return std::all_of(ids.cbegin(), ids.cend(), [&queue](quint64 id) {
            const DownloadProgress &p = queue.task(id)->progress();
            return p.state == DownloadState::Downloading && p.downloadedBytes > 0;
        });
    }

    // Waits until the queue is done and the batcher has had its quiet period and a margin to say anything.
    static void waitUntilDoneAndSettled(DownloadQueue &queue, NotificationBatcher &batcher)
    {
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!batcher.hasPending(), NotificationBatcher::MaxWaitMs + 2000);
        QTest::qWait(NotificationBatcher::QuietMs + 500);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    void fiveDownloadsFinishingTogetherMakeOneNotification()
    {
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 5;
        DownloadQueue queue(config);
        NotificationBatcher batcher(&queue);
        QSignalSpy batches(&batcher, &NotificationBatcher::batchReady);
        // The user clears each finished row at once: the notification still names them.
        connect(&queue, &DownloadQueue::taskFinished, &queue, &DownloadQueue::remove, Qt::QueuedConnection);

        m_fixture.server().setThrottle(HoldBackBytesPerSec);
        const QList<quint64> ids =
            enqueueAll(queue, {u"clip.mp4"_s, u"clip1.mp4"_s, u"clip2.mp4"_s, u"clip3.mp4"_s, u"page.html"_s},
                       u"five"_s);
        QTRY_VERIFY_WITH_TIMEOUT(allDownloading(queue, ids), 60000);
        m_fixture.server().setThrottle(0);
        waitUntilDoneAndSettled(queue, batcher);

        QCOMPARE(batches.size(), 1);
        const NotificationBatch batch = batchAt(batches, 0);
        QCOMPARE(batch.completed.size(), 5);
        QVERIFY(batch.failed.isEmpty());
        QList<quint64> told;
        for (const NotifiedDownload &d : batch.completed) {
            told << d.taskId;
            QVERIFY2(!d.title.isEmpty(), "a download without a name to show");
            QVERIFY2(QFileInfo::exists(d.filePath), qPrintable(d.filePath));
            QCOMPARE(d.error, ErrorKind::None);
        }
        std::sort(told.begin(), told.end());
        QCOMPARE(told, ids);
        QVERIFY(queue.ids().isEmpty());
    }

    void aFailureAndSuccessesAreToldTogether()
    {
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 4;
        config.network.retries = 0;
        DownloadQueue queue(config);
        NotificationBatcher batcher(&queue);
        QSignalSpy batches(&batcher, &NotificationBatcher::batchReady);

        // clip3 breaks off half way, when the others are finishing.
        m_fixture.server().setFault(u"clip3.mp4"_s, LoopbackServer::Fault::ResetAfter, 60 * 1024);
        m_fixture.server().setThrottle(HoldBackBytesPerSec);
        const QList<quint64> ids =
            enqueueAll(queue, {u"clip.mp4"_s, u"clip1.mp4"_s, u"clip2.mp4"_s, u"clip3.mp4"_s}, u"mixed"_s);
        QTRY_VERIFY_WITH_TIMEOUT(allDownloading(queue, ids), 60000);
        m_fixture.server().setThrottle(0);
        waitUntilDoneAndSettled(queue, batcher);

        QCOMPARE(queue.task(ids.at(3))->progress().state, DownloadState::Failed);
        QCOMPARE(batches.size(), 1);
        const NotificationBatch batch = batchAt(batches, 0);
        QCOMPARE(batch.completed.size(), 3);
        QCOMPARE(batch.failed.size(), 1);
        QCOMPARE(batch.failed.first().taskId, ids.at(3));
        QCOMPARE(batch.failed.first().error, queue.task(ids.at(3))->progress().error.kind);
        QVERIFY(batch.failed.first().error != ErrorKind::None);
    }

    void cancelledDownloadsAreNotTold()
    {
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        DownloadQueue queue(config);
        NotificationBatcher batcher(&queue);
        QSignalSpy batches(&batcher, &NotificationBatcher::batchReady);
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);

        m_fixture.server().setThrottle(HoldBackBytesPerSec);
        // One running, one waiting behind it: both cancelled.
        const QList<quint64> ids = enqueueAll(queue, {u"clip.mp4"_s, u"clip1.mp4"_s}, u"cancel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(allDownloading(queue, {ids.first()}), 60000);
        queue.cancel(ids.at(1));
        queue.cancel(ids.at(0));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        waitUntilDoneAndSettled(queue, batcher);

        QCOMPARE(batches.size(), 0);
    }

    void twoBurstsFarApartMakeTwoNotifications()
    {
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 2;
        DownloadQueue queue(config);
        NotificationBatcher batcher(&queue);
        QSignalSpy batches(&batcher, &NotificationBatcher::batchReady);

        const QList<quint64> first = enqueueAll(queue, {u"clip.mp4"_s, u"clip1.mp4"_s}, u"first"_s);
        waitUntilDoneAndSettled(queue, batcher);
        QCOMPARE(batches.size(), 1);

        const QList<quint64> second = enqueueAll(queue, {u"clip2.mp4"_s, u"clip3.mp4"_s}, u"second"_s);
        waitUntilDoneAndSettled(queue, batcher);
        QCOMPARE(batches.size(), 2);

        const auto idsOf = [](const NotificationBatch &batch) {
            QList<quint64> ids;
            for (const NotifiedDownload &d : batch.completed)
                ids << d.taskId;
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        QCOMPARE(idsOf(batchAt(batches, 0)), first);
        QCOMPARE(idsOf(batchAt(batches, 1)), second);
    }

    void aPlaylistDownloadedOneByOneIsToldAtFirstAndWhenDone()
    {
        // One at a time, each a moment after the last, with a quiet period shorter than that moment (the
        // default 1.5 s would gather these five anyway): the first is told at once, the rest are gathered
        // until the queue is done rather than told one by one.
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        DownloadQueue queue(config);
        NotificationBatcher batcher(&queue);
        batcher.setTimings(100, 500, NotificationBatcher::MinGapMs);
        QSignalSpy batches(&batcher, &NotificationBatcher::batchReady);

        const QList<quint64> ids =
            enqueueAll(queue, {u"clip.mp4"_s, u"clip1.mp4"_s, u"clip2.mp4"_s, u"clip3.mp4"_s, u"page.html"_s},
                       u"playlist"_s);
        waitUntilDoneAndSettled(queue, batcher);

        QCOMPARE(batches.size(), 2);
        const NotificationBatch first = batchAt(batches, 0);
        const NotificationBatch rest = batchAt(batches, 1);
        QVERIFY(!first.completed.isEmpty());
        QCOMPARE(first.completed.first().taskId, ids.first());
        QCOMPARE(first.completed.size() + rest.completed.size(), 5);
        QCOMPARE(rest.completed.last().taskId, ids.last());
    }
};

QTEST_GUILESS_MAIN(TestNotificationBatcher)
#include "tst_notificationbatcher.moc"
