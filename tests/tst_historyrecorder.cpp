// The recorder over a real DownloadQueue: every download that ends lands in the history with what it was
// asked to do, and can be asked for again. No network: one download is cancelled before it starts, another
// fails because the configured yt-dlp does not exist.

#include "downloadqueue.h"
#include "historyentry.h"
#include "historyrecorder.h"
#include "historystore.h"
#include "testhelpers.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

class TestHistoryRecorder : public QObject
{
    Q_OBJECT

private:
    static QByteArray bilibiliInfo()
    {
        QFile file(testDataPath(u"info/bilibili-video.json"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static DownloadRequest request(const QString &outputDir)
    {
        DownloadRequest r;
        r.url = u"https://www.bilibili.com/video/BV1xx411c7mD?p=1"_s;
        r.platform = Platform::Bilibili;
        r.title = u"A rabbit's adventure"_s;
        r.infoJson = bilibiliInfo();
        r.infoFetchedAt = QDateTime::currentDateTimeUtc().addSecs(-120);
        r.options.quality = QualityPreset::P1080;
        r.options.container = Container::Mp4;
        r.options.subtitleMode = SubtitleMode::File;
        r.options.subtitleLanguages = {u"zh-CN"_s};
        r.options.autoCaptions = true;
        r.options.outputDir = outputDir;
        r.options.outputTemplate = u"%(title)s [%(id)s].%(ext)s"_s;
        return r;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aDownloadCancelledBeforeItStartsIsRecordedWithItsOptions()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(u"history"_s));
        QSignalSpy loaded(&store, &HistoryStore::loaded);
        store.loadAsync();
        QVERIFY(loaded.wait(5000));

        EngineConfig config;
        config.maxConcurrent = 0; // nothing starts: no yt-dlp, no network
        DownloadQueue queue(config);
        HistoryRecorder recorder(&queue, &store);
        QSignalSpy recorded(&recorder, &HistoryRecorder::recorded);

        const DownloadRequest asked = request(dir.filePath(u"out"_s));
        const quint64 id = queue.enqueue(asked);
        queue.cancel(id);
        QCOMPARE(queue.task(id)->progress().state, DownloadState::Cancelled);
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.at(0).at(0).toULongLong(), id);
        QCOMPARE(store.count(), 1);

        const HistoryEntry e = store.entries().first();
        QCOMPARE(recorded.at(0).at(1).toString(), e.id);
        QVERIFY(isValidHistoryId(e.id));
        QCOMPARE(e.url, asked.url);
        QCOMPARE(e.normalizedUrl, u"https://www.bilibili.com/video/BV1xx411c7mD?p=1"_s);
        QCOMPARE(e.platform, Platform::Bilibili);
        QCOMPARE(e.title, asked.title);
        QCOMPARE(e.uploader, u"引力测试酱"_s); // from the info JSON
        QCOMPARE(e.duration, 233.654);
        QVERIFY(e.thumbnail.startsWith(u"http://i0.hdslb.com/"_s));
        QCOMPARE(e.options.quality, QualityPreset::P1080);
        QCOMPARE(e.options.container, Container::Mp4);
        QCOMPARE(e.options.subtitleMode, SubtitleMode::File);
        QCOMPARE(e.options.subtitleLanguages, QStringList{u"zh-CN"_s});
        QVERIFY(e.options.autoCaptions);
        QCOMPARE(e.options.outputDir, asked.options.outputDir);
        QCOMPARE(e.options.outputTemplate, asked.options.outputTemplate);
        QCOMPARE(e.state, DownloadState::Cancelled);
        QCOMPARE(e.error.kind, ErrorKind::Cancelled);
        QVERIFY(!e.startedAt.isValid()); // it never started
        QVERIFY(e.finishedAt.isValid());
        QCOMPARE(e.finishedAt.timeSpec(), Qt::UTC);
        QCOMPARE(e.infoFetchedAt, asked.infoFetchedAt);

        // The info JSON is kept beside the history for a re-download, which asks for the same thing again.
        const std::optional<SavedInfo> info = store.infoJson(e.id);
        QVERIFY(info);
        QCOMPARE(info->json, asked.infoJson);
        const DownloadRequest again = requestFor(e, *info);
        QCOMPARE(again.url, asked.url);
        QCOMPARE(again.platform, asked.platform);
        QCOMPARE(again.title, asked.title);
        QCOMPARE(again.infoJson, asked.infoJson);
        QCOMPARE(again.infoFetchedAt, asked.infoFetchedAt);
        QCOMPARE(again.options.quality, asked.options.quality);
        QCOMPARE(again.options.subtitleLanguages, asked.options.subtitleLanguages);
        QCOMPARE(again.options.outputTemplate, asked.options.outputTemplate);

        // And it is on disk once saved.
        store.flush();
        HistoryStore fresh(store.directory());
        QSignalSpy freshLoaded(&fresh, &HistoryStore::loaded);
        fresh.loadAsync();
        QVERIFY(freshLoaded.wait(5000));
        QVERIFY(sameHistoryEntry(*fresh.find(e.id), e));
    }

    void aFailedDownloadIsRecordedWithItsError()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(u"history"_s));
        EngineConfig config;
        config.ytDlpPath = dir.filePath(u"missing/yt-dlp"_s);
        DownloadQueue queue(config);
        HistoryRecorder recorder(&queue, &store);

        DownloadRequest asked = request(dir.filePath(u"out"_s));
        asked.infoJson.clear();
        asked.infoFetchedAt = {};
        const quint64 id = queue.enqueue(asked); // recorded before any load: kept and merged
        QTRY_COMPARE_WITH_TIMEOUT(queue.task(id)->progress().state, DownloadState::Failed, 5000);
        QCOMPARE(store.count(), 1);
        const HistoryEntry e = store.entries().first();
        QCOMPARE(e.state, DownloadState::Failed);
        QCOMPARE(e.error.kind, ErrorKind::YtDlpMissing);
        QVERIFY(!e.error.detail.isEmpty());
        QVERIFY(e.startedAt.isValid());
        QVERIFY(e.uploader.isEmpty());
        QVERIFY(!store.infoJson(e.id));

        // The change itself started the load; the entry survives the merge with what was on disk.
        store.loadAsync();
        QTRY_VERIFY_WITH_TIMEOUT(store.isLoaded(), 5000);
        QCOMPARE(store.count(), 1);
        store.flush();
        QVERIFY(QFile::exists(store.filePath()));
    }
};

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
