// The History page's models over a real store: rows newest first, minimal row signals when the store
// changes (also when another process writes), search as you type and filters, and the lazily checked
// "file missing" flag.

#include "historyfilterproxymodel.h"
#include "historymodel.h"
#include "historystore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

HistoryEntry makeEntry(const QString &title, qint64 secondsAgo,
                       DownloadState state = DownloadState::Completed, Platform platform = Platform::YouTube)
{
    HistoryEntry e;
    e.id = newHistoryId();
    e.title = title;
    e.url = platform == Platform::Bilibili ? u"https://www.bilibili.com/video/BV1"_s + e.id.left(9)
                                           : u"https://www.youtube.com/watch?v="_s + e.id.left(11);
    e.normalizedUrl = e.url;
    e.platform = platform;
    e.state = state;
    e.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    if (state == DownloadState::Failed)
        e.error = {ErrorKind::Unavailable, u"ERROR: Video unavailable"_s};
    return e;
}

QStringList titles(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(HistoryModel::TitleRole).toString());
    return result;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void fill(HistoryStore &store)
    {
        HistoryEntry rick = makeEntry(u"Rick Astley - Never Gonna Give You Up"_s, 50);
        rick.uploader = u"Rick Astley"_s;
        store.add(rick);
        HistoryEntry rabbit =
            makeEntry(u"【4K】兔子的奇妙冒险"_s, 40, DownloadState::Completed, Platform::Bilibili);
        rabbit.uploader = u"引力测试酱"_s;
        store.add(rabbit);
        store.add(makeEntry(u"Straße im Regen"_s, 30, DownloadState::Failed));
        store.add(makeEntry(u"Cancelled lecture"_s, 20, DownloadState::Cancelled, Platform::Bilibili));
        store.add(makeEntry(u"Never mind"_s, 10, DownloadState::Completed, Platform::Other));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rowsAreNewestFirstAndFollowTheStoreWithoutResets()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        HistoryModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&store, &HistoryStore::loaded);
        store.loadAsync();
        QVERIFY(loaded.wait(5000));
        fill(store);
        QCOMPARE(titles(model),
                 (QStringList{u"Never mind"_s, u"Cancelled lecture"_s, u"Straße im Regen"_s,
                              u"【4K】兔子的奇妙冒险"_s, u"Rick Astley - Never Gonna Give You Up"_s}));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // A download that ended just now goes on top; one with an older end time goes where it belongs.
        const HistoryEntry newest = makeEntry(u"Just finished"_s, 0);
        store.add(newest);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        store.add(makeEntry(u"Older"_s, 35));
        QCOMPARE(inserted.at(1).at(1).toInt(), 4);
        QCOMPARE(model.index(4).data(HistoryModel::TitleRole).toString(), u"Older"_s);

        // A change touches its row alone.
        HistoryEntry edited = newest;
        edited.fileSize = 1000;
        store.update(edited);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 0);

        // Removing two neighbours and one elsewhere: two runs.
        store.removeMany({model.idAt(1), model.idAt(2), model.idAt(5)});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowOf(newest.id), 0);

        store.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void everyFieldHasARole()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        HistoryModel model(&store);
        HistoryEntry e = makeEntry(u"Title"_s, 5, DownloadState::Failed, Platform::Bilibili);
        e.uploader = u"Someone"_s;
        e.duration = 61.5;
        e.options.quality = QualityPreset::P480;
        e.options.subtitleMode = SubtitleMode::Embed;
        e.options.subtitleLanguages = {u"en"_s};
        e.fileSize = 2048;
        store.add(e);
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(HistoryModel::IdRole).toString(), e.id);
        QCOMPARE(index.data(HistoryModel::UploaderRole).toString(), u"Someone"_s);
        QCOMPARE(index.data(HistoryModel::DurationRole).toDouble(), 61.5);
        QCOMPARE(index.data(HistoryModel::PlatformRole).toInt(), int(Platform::Bilibili));
        QCOMPARE(index.data(HistoryModel::QualityRole).toString(), u"480"_s);
        QCOMPARE(index.data(HistoryModel::SubtitleModeRole).toString(), u"embed"_s);
        QCOMPARE(index.data(HistoryModel::SubtitleLanguagesRole).toStringList(), QStringList{u"en"_s});
        QCOMPARE(index.data(HistoryModel::StateRole).toInt(), int(DownloadState::Failed));
        QCOMPARE(index.data(HistoryModel::ErrorKindRole).toInt(), int(ErrorKind::Unavailable));
        QCOMPARE(index.data(HistoryModel::ErrorTextRole).toString(), errorKindText(ErrorKind::Unavailable));
        QCOMPARE(index.data(HistoryModel::StatusTextRole).toString(), errorKindText(ErrorKind::Unavailable));
        QCOMPARE(index.data(HistoryModel::FinishedAtRole).toDateTime(), e.finishedAt);
        QVERIFY(!index.data(HistoryModel::FileMissingRole).toBool()); // failed: no file expected
    }

    void searchAndFilters_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("platform"); // -1: every platform
        QTest::addColumn<QStringList>("expected");
        const int all = int(HistoryFilterProxyModel::StateFilter::All);
        QTest::newRow("nothing typed: everything, newest first")
            << QString() << all << -1
            << QStringList{u"Never mind"_s, u"Cancelled lecture"_s, u"Straße im Regen"_s,
                           u"【4K】兔子的奇妙冒险"_s, u"Rick Astley - Never Gonna Give You Up"_s};
        QTest::newRow("a word of the title, in any case")
            << u"NEVER"_s << all << -1
            << QStringList{u"Never mind"_s, u"Rick Astley - Never Gonna Give You Up"_s};
        QTest::newRow("spaces around are ignored")
            << u"  gonna  "_s << all << -1 << QStringList{u"Rick Astley - Never Gonna Give You Up"_s};
        QTest::newRow("several words, any order")
            << u"astley never"_s << all << -1 << QStringList{u"Rick Astley - Never Gonna Give You Up"_s};
        QTest::newRow("the uploader") << u"测试酱"_s << all << -1 << QStringList{u"【4K】兔子的奇妙冒险"_s};
        QTest::newRow("part of the URL") << u"bilibili.com"_s << all << -1
                                         << QStringList{u"Cancelled lecture"_s, u"【4K】兔子的奇妙冒险"_s};
        QTest::newRow("case folding beyond ASCII")
            << u"STRAßE"_s << all << -1 << QStringList{u"Straße im Regen"_s};
        QTest::newRow("failed only") << QString() << int(HistoryFilterProxyModel::StateFilter::Failed) << -1
                                     << QStringList{u"Straße im Regen"_s};
        QTest::newRow("cancelled only") << QString() << int(HistoryFilterProxyModel::StateFilter::Cancelled)
                                        << -1 << QStringList{u"Cancelled lecture"_s};
        QTest::newRow("completed on Bilibili")
            << QString() << int(HistoryFilterProxyModel::StateFilter::Completed) << int(Platform::Bilibili)
            << QStringList{u"【4K】兔子的奇妙冒险"_s};
        QTest::newRow("search and platform together")
            << u"never"_s << all << int(Platform::YouTube)
            << QStringList{u"Rick Astley - Never Gonna Give You Up"_s};
        QTest::newRow("nothing matches") << u"zzz"_s << all << -1 << QStringList{};
    }

    void searchAndFilters()
    {
        QFETCH(QString, search);
        QFETCH(int, state);
        QFETCH(int, platform);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        HistoryModel model(&store);
        HistoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(store);
        proxy.setSearchText(search);
        proxy.setStateFilter(HistoryFilterProxyModel::StateFilter(state));
        proxy.setPlatformFilter(platform < 0 ? std::nullopt : std::optional<Platform>(Platform(platform)));
        QCOMPARE(titles(proxy), expected);
    }

    void theProxyFollowsTheStoreWhileFiltered()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        HistoryModel model(&store);
        HistoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(store);
        proxy.setSearchText(u"never"_s);
        QCOMPARE(proxy.rowCount(), 2);
        store.add(makeEntry(u"Never again"_s, 1));
        store.add(makeEntry(u"Something else"_s, 2));
        QCOMPARE(titles(proxy).first(), u"Never again"_s);
        QCOMPARE(proxy.rowCount(), 3);
        store.remove(model.idAt(model.rowCount() - 1)); // Rick
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText({});
        QCOMPARE(proxy.rowCount(), model.rowCount());
    }

    void anEntryThatFellBackToALowerQualitySaysSo()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        HistoryModel model(&store);
        HistoryEntry entry =
            makeEntry(u"【4K】兔子的奇妙冒险"_s, 5, DownloadState::Completed, Platform::Bilibili);
        entry.fallback = {u"30112"_s, 1080, u"1080P 高码率"_s, 480, u"480P 清晰"_s};
        entry.fileSize = 2048;
        store.add(entry);
        const QString status =
            model.index(model.rowOf(entry.id)).data(HistoryModel::StatusTextRole).toString();
        QVERIFY2(status.endsWith(u"Got 480p: 1080p needs a login or membership"_s), qPrintable(status));
        // Same height, other tier: the tiers' own names say it.
        entry = makeEntry(u"60 fps"_s, 4, DownloadState::Completed, Platform::Bilibili);
        entry.fallback = {u"30116"_s, 1080, u"1080P 60帧"_s, 1080, u"1080P 高清"_s};
        store.add(entry);
        QVERIFY(model.index(model.rowOf(entry.id))
                    .data(HistoryModel::StatusTextRole)
                    .toString()
                    .endsWith(u"Got 1080P 高清: 1080P 60帧 needs a login or membership"_s));
    }

    void aMissingFileIsNoticedLazily()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        HistoryModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryEntry present = makeEntry(u"present"_s, 20);
        present.filePath = dir.filePath(u"present.mp4"_s);
        present.fileSize = 4;
        QFile file(present.filePath);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("data") == 4);
        file.close();
        HistoryEntry gone = makeEntry(u"gone"_s, 10);
        gone.filePath = dir.filePath(u"deleted by the user.mp4"_s);
        store.add(present);
        store.add(gone);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        const QModelIndex goneIndex = model.index(model.rowOf(gone.id));
        const QModelIndex presentIndex = model.index(model.rowOf(present.id));
        // Not known yet: assumed present, and checked on a worker.
        QVERIFY(!goneIndex.data(HistoryModel::FileMissingRole).toBool());
        QVERIFY(!presentIndex.data(HistoryModel::FileMissingRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(goneIndex.data(HistoryModel::FileMissingRole).toBool(), 5000);
        QCOMPARE(goneIndex.data(HistoryModel::StatusTextRole).toString(), u"File missing"_s);
        // Only the row whose answer changed was repainted.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), goneIndex.row());
        QVERIFY(!presentIndex.data(HistoryModel::FileMissingRole).toBool());
        QVERIFY(presentIndex.data(HistoryModel::StatusTextRole).toString().startsWith(u"Completed"_s));

        // The user deletes the other one; the page asks again when it is shown.
        QVERIFY(QFile::remove(present.filePath));
        model.refreshFileStates();
        QVERIFY(!presentIndex.data(HistoryModel::FileMissingRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(presentIndex.data(HistoryModel::FileMissingRole).toBool(), 5000);
    }

    void anotherProcessesEntriesAppearLive()
    {
        QTemporaryDir dir;
        HistoryStore window(dir.path());
        HistoryModel model(&window);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&window, &HistoryStore::loaded);
        window.loadAsync();
        QVERIFY(loaded.wait(5000));
        fill(window);
        window.flush();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        {
            // What --headless does beside the window.
            HistoryStore headless(dir.path());
            headless.add(makeEntry(u"From the terminal"_s, 0));
            headless.flush();
        }
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 5000);
        QCOMPARE(model.index(0).data(HistoryModel::TitleRole).toString(), u"From the terminal"_s);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
