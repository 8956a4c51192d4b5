// The queue survives a restart: what was queued, running or paused when Gravity quit — or was killed — comes
// back, and a download killed half-way continues from its partial file instead of starting over.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "queuejournal.h"
#include "testhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

qint64 partialBytes(const QString &dir)
{
    qint64 bytes = 0;
    const QFileInfoList parts = QDir(dir).entryInfoList({u"*.part"_s}, QDir::Files);
    for (const QFileInfo &part : parts)
        bytes += part.size();
    return bytes;
}

// The child: what the window does with its queue, without the window. Restores the journal, queues the
// URL when there was nothing to restore, and exits when the queue is idle (0 when everything completed).
int runChild(const QString &journalDir, const QString &url, const QString &outputDir)
{
    EngineConfig config;
    config.infoCacheDir = journalDir + u"/cache"_s;
    DownloadQueue queue(config);
    QueueJournal journal(&queue, journalDir);
    int failed = 0;
    QObject::connect(&queue, &DownloadQueue::taskFinished, &queue, [&](quint64 id) {
        if (queue.task(id)->progress().state != DownloadState::Completed)
            ++failed;
    });
    QObject::connect(&queue, &DownloadQueue::idle, &queue, [] { QCoreApplication::quit(); });
    if (journal.restore() == 0) {
        DownloadRequest request;
        request.url = url;
        request.options.outputDir = outputDir;
        queue.enqueue(request);
    } else {
        fputs("restored\n", stdout);
        fflush(stdout);
    }
    QCoreApplication::exec();
    journal.flush();
    return failed == 0 ? 0 : 1;
}

} // namespace

class TestQueueJournal : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    // A queue that never starts anything: what the journal keeps, without processes.
    static EngineConfig idleConfig()
    {
        EngineConfig config;
        config.maxConcurrent = 0;
        return config;
    }

    static DownloadRequest makeRequest(const QString &title)
    {
        DownloadRequest request;
        request.url = u"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t="_s + title;
        request.platform = Platform::YouTube;
        request.title = title;
        request.thumbnail = u"https://i.ytimg.com/vi/dQw4w9WgXcQ/hq720.jpg"_s;
        request.options.outputDir = u"/downloads/"_s + title;
        request.options.quality = QualityPreset::P720;
        request.options.container = Container::Mkv;
        request.options.subtitleMode = SubtitleMode::Embed;
        request.options.subtitleLanguages = {u"en"_s, u"zh-Hans"_s};
        request.options.subtitleFormat = SubtitleFormat::Srt;
        request.options.sponsorBlock = SponsorBlockMode::Remove;
        request.options.sponsorBlockCategories = {u"sponsor"_s, u"outro"_s};
        request.options.embedThumbnail = true;
        request.options.embedChapters = true;
        request.options.section = TimeRange{83, 150.5};
        return request;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    void unfinishedDownloadsComeBackInOrderWithTheirOptions()
    {
        QTemporaryDir dir;
        {
            DownloadQueue queue(idleConfig());
            QueueJournal journal(&queue, dir.path());
            QVERIFY(journal.isActive());
            DownloadRequest first = makeRequest(u"first"_s);
            first.infoJson = R"({"id":"dQw4w9WgXcQ","title":"first","formats":[]})";
            first.infoFetchedAt = QDateTime::currentDateTimeUtc().addSecs(-30);
            queue.enqueue(first);
            const quint64 second = queue.enqueue(makeRequest(u"second"_s));
            queue.enqueue(makeRequest(u"third"_s));
            queue.pause(second);
            QCOMPARE(queue.task(second)->progress().state, DownloadState::Paused);
            QTRY_VERIFY(QFile::exists(journal.filePath())); // saved shortly after, without a flush
        }                                                   // quitting

        DownloadQueue queue(idleConfig());
        QueueJournal journal(&queue, dir.path());
        QCOMPARE(journal.restore(), 3);
        const QList<quint64> ids = queue.ids();
        QCOMPARE(ids.size(), 3);
        const DownloadRequest &first = queue.task(ids[0])->request();
        const DownloadRequest expected = makeRequest(u"first"_s);
        QCOMPARE(first.title, u"first"_s);
        QCOMPARE(first.url, expected.url);
        QCOMPARE(first.platform, Platform::YouTube);
        QCOMPARE(first.thumbnail, expected.thumbnail);
        QCOMPARE(first.options.outputDir, expected.options.outputDir);
        QCOMPARE(first.options.quality, QualityPreset::P720);
        QCOMPARE(first.options.container, Container::Mkv);
        QCOMPARE(first.options.subtitleMode, SubtitleMode::Embed);
        QCOMPARE(first.options.subtitleLanguages, expected.options.subtitleLanguages);
        QCOMPARE(first.options.subtitleFormat, SubtitleFormat::Srt);
        QCOMPARE(first.options.sponsorBlock, SponsorBlockMode::Remove);
        QCOMPARE(first.options.sponsorBlockCategories, expected.options.sponsorBlockCategories);
        QVERIFY(first.options.embedThumbnail && first.options.embedChapters && !first.options.embedMetadata);
        QVERIFY(first.options.section == expected.options.section);
        // The probe's info comes back too, so a restart within the TTL skips the page extraction.
        QVERIFY(first.infoJson.contains("dQw4w9WgXcQ"));
        QVERIFY(first.infoFetchedAt.isValid());
        QCOMPARE(queue.task(ids[1])->request().title, u"second"_s);
        QCOMPARE(queue.task(ids[1])->progress().state, DownloadState::Paused);
        QCOMPARE(queue.task(ids[2])->request().title, u"third"_s);
        QCOMPARE(queue.task(ids[2])->progress().state, DownloadState::Queued);
    }

    void endedAndRemovedDownloadsLeaveTheJournal()
    {
        QTemporaryDir dir;
        {
            DownloadQueue queue(idleConfig());
            QueueJournal journal(&queue, dir.path());
            DownloadRequest withInfo = makeRequest(u"cancelled"_s);
            withInfo.infoJson = R"({"id":"x"})";
            withInfo.infoFetchedAt = QDateTime::currentDateTimeUtc();
            const quint64 cancelled = queue.enqueue(withInfo);
            const quint64 removed = queue.enqueue(makeRequest(u"removed"_s));
            queue.enqueue(makeRequest(u"kept"_s));
            journal.flush();
            QCOMPARE(QDir(dir.filePath(u"queue"_s)).entryList(QDir::Files).size(), 1);
            queue.cancel(cancelled);
            queue.remove(removed);
            journal.flush();
            QVERIFY(QDir(dir.filePath(u"queue"_s)).entryList(QDir::Files).isEmpty());
        }
        DownloadQueue queue(idleConfig());
        QueueJournal journal(&queue, dir.path());
        QCOMPARE(journal.restore(), 1);
        QCOMPARE(queue.task(queue.ids().constFirst())->request().title, u"kept"_s);
    }

    void unreadableLinesAreSkippedAndTheFileMovedAside()
    {
        QTemporaryDir dir;
        {
            DownloadQueue queue(idleConfig());
            QueueJournal journal(&queue, dir.path());
            queue.enqueue(makeRequest(u"good"_s));
            journal.flush();
        }
        QFile file(dir.filePath(u"queue.jsonl"_s));
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"key\":\"abc\",\"url\":\"http://127.0.0.1/tru"); // cut off by a crash mid-write
        file.write("\n{\"key\":\"../escape\",\"url\":\"https://example.com/v\"}\n");
        file.write("{\"key\":\"opt\",\"url\":\"--exec=rm -rf ~\"}\n");
        file.close();

        DownloadQueue queue(idleConfig());
        QueueJournal journal(&queue, dir.path());
        QSignalSpy recovered(&journal, &QueueJournal::recoveredFromCorruption);
        QCOMPARE(journal.restore(), 1);
        QCOMPARE(recovered.size(), 1);
        QCOMPARE(recovered.at(0).at(1).toInt(), 1);
        QVERIFY(QFile::exists(recovered.at(0).at(0).toString()));
        QCOMPARE(queue.task(queue.ids().constFirst())->request().title, u"good"_s);
        // What could be read is written back clean.
        QFile rewritten(journal.filePath());
        QVERIFY(rewritten.open(QIODevice::ReadOnly));
        QCOMPARE(rewritten.readAll().count('\n'), 1);
    }

    void aSecondJournalOnTheSameFolderStaysOut()
    {
        QTemporaryDir dir;
        DownloadQueue queue(idleConfig());
        QueueJournal journal(&queue, dir.path());
        queue.enqueue(makeRequest(u"mine"_s));
        journal.flush();

        DownloadQueue other(idleConfig());
        QueueJournal second(&other, dir.path());
        QVERIFY(!second.isActive());
        QCOMPARE(second.restore(), 0); // and it never writes over the first one's file
        other.enqueue(makeRequest(u"theirs"_s));
        second.flush();
        QFile file(journal.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("mine"));
        QVERIFY(!content.contains("theirs"));
    }

    void quittingIsNotPausing()
    {
        QTemporaryDir dir;
        m_fixture.server().setThrottle(300 * 1024);
        {
            DownloadQueue queue(m_fixture.config());
            QueueJournal journal(&queue, dir.path());
            DownloadRequest request;
            request.url = m_fixture.url(u"slow.html"_s);
            request.options.outputDir = m_fixture.scratch(u"quit"_s);
            const quint64 id = queue.enqueue(request);
            QTRY_COMPARE_WITH_TIMEOUT(queue.task(id)->progress().state, DownloadState::Downloading, 30000);
            queue.setMaxConcurrent(1);
            queue.enqueue(request); // a save is pending as the window closes
            queue.stopAll();        // what closing the window does
            QCOMPARE(queue.task(id)->progress().state, DownloadState::Paused);
        }
        DownloadQueue queue(idleConfig());
        QueueJournal journal(&queue, dir.path());
        QCOMPARE(journal.restore(), 2);
        QCOMPARE(queue.task(queue.ids().constFirst())->progress().state, DownloadState::Queued);
    }

    void killedMidDownloadItContinuesFromThePartialFile()
    {
        QTemporaryDir dir;
        const QString journalDir = dir.filePath(u"profile"_s);
        const QString outputDir = dir.filePath(u"out"_s);
        const QString url = m_fixture.url(u"slow.html"_s);
        m_fixture.server().setThrottle(400 * 1024);

        QProcess first;
        first.start(QCoreApplication::applicationFilePath(),
                    {u"--journal-child"_s, journalDir, url, outputDir});
        QVERIFY(first.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(partialBytes(outputDir) > 600 * 1024, 30000);
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(5000));
        // yt-dlp goes with it rather than finishing the file behind our back.
        QVERIFY(waitNoProcessesMatching(outputDir));
        const qint64 partial = partialBytes(outputDir);
        QVERIFY(partial > 0);
        const qint64 size = QFileInfo(m_fixture.mediaDir() + u"/slow.mp4"_s).size();
        QVERIFY2(partial < size, "the download finished before it was killed: nothing to resume");

        m_fixture.server().setThrottle(0);
        QProcess second;
        second.start(QCoreApplication::applicationFilePath(),
                     {u"--journal-child"_s, journalDir, url, outputDir});
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(second.readAllStandardOutput().contains("restored"));

        const QStringList files = QDir(outputDir).entryList({u"*.mp4"_s}, QDir::Files);
        QCOMPARE(files.size(), 1);
        QCOMPARE(fileHash(QDir(outputDir).filePath(files.constFirst())),
                 fileHash(m_fixture.mediaDir() + u"/slow.mp4"_s));
        // Continued, not started over: the second run asked for the video from where the partial file ended.
        const QList<qint64> starts = m_fixture.server().rangeStarts(u"slow.mp4"_s);
        QVERIFY(!starts.isEmpty());
        QCOMPARE(starts.constLast(), partial);
        QVERIFY(partialBytes(outputDir) == 0);
        // Nothing left to restore next time.
        DownloadQueue queue(idleConfig());
        QueueJournal journal(&queue, journalDir);
        QCOMPARE(journal.restore(), 0);
    }
};

int main(int argc, char **argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--journal-child") == 0) {
        QCoreApplication app(argc, argv);
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                        QString::fromLocal8Bit(argv[4]));
    }
    QCoreApplication app(argc, argv);
    TestQueueJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_queuejournal.moc"
