// How the history behaves at 100,000 entries: reading and parsing the file, writing it, the model's reset
// and the proxy's keystrokes. A benchmark to read, never a pass/fail timing: run by hand,
//   build/<preset>/tests/bench_history [-median 5]
// The entries are generated (a fixed seed), with titles, URLs and paths of realistic lengths.

#include "historyfile.h"
#include "historyfilterproxymodel.h"
#include "historymodel.h"
#include "historystore.h"
#include "residentmemory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

constexpr int EntryCount = 100000;

QString words(QRandomGenerator &random, int count)
{
    static const QStringList vocabulary{
        u"never"_s,  u"gonna"_s, u"give"_s,     u"you"_s,    u"up"_s,      u"official"_s, u"music"_s,
        u"video"_s,  u"live"_s,  u"tutorial"_s, u"how"_s,    u"to"_s,      u"build"_s,    u"a"_s,
        u"rabbit"_s, u"moon"_s,  u"gravity"_s,  u"test"_s,   u"episode"_s, u"review"_s,   u"4K"_s,
        u"兔子"_s,   u"测试"_s,  u"冒险"_s,     u"Straße"_s, u"Qt"_s,      u"concert"_s,  u"podcast"_s};
    QStringList picked;
    for (int i = 0; i < count; ++i)
        picked.append(vocabulary.at(random.bounded(int(vocabulary.size()))));
    return picked.join(u' ');
}

HistoryEntry generated(QRandomGenerator &random, int i, const QDateTime &base)
{
    HistoryEntry e;
    e.id = newHistoryId();
    const QString videoId = QString::number(random.generate64(), 36).left(11);
    e.url = u"https://www.youtube.com/watch?v="_s + videoId;
    e.normalizedUrl = e.url;
    e.platform = i % 5 == 0 ? Platform::Bilibili : Platform::YouTube;
    e.title = words(random, 4 + random.bounded(8)) + u" #"_s + QString::number(i);
    e.uploader = u"channel "_s + QString::number(random.bounded(2000));
    e.duration = random.bounded(3600.0);
    e.thumbnail = u"https://i.ytimg.com/vi/"_s + videoId + u"/hqdefault.jpg"_s;
    e.options.quality = QualityPreset::P1080;
    e.options.outputDir = u"/home/user/Videos"_s;
    e.resolvedFormat = u"137+140"_s;
    e.filePath = e.options.outputDir + u'/' + e.title + u" ["_s + videoId + u"].mp4"_s;
    e.fileSize = random.bounded(1 << 30);
    const int kind = random.bounded(20);
    e.state = kind == 0   ? DownloadState::Failed
              : kind == 1 ? DownloadState::Cancelled
                          : DownloadState::Completed;
    if (e.state == DownloadState::Failed)
        e.error = {ErrorKind::HttpError,
                   u"ERROR: unable to download video data: HTTP Error 403: Forbidden"_s};
    e.finishedAt = base.addSecs(i * 60);
    e.startedAt = e.finishedAt.addSecs(-90);
    return e;
}

// The longest the event loop went without running: what a user feels as the window stuttering.
class StallMeter
{
public:
    StallMeter()
    {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        QObject::connect(&m_tick, &QTimer::timeout, [this] { m_worst = qMax(m_worst, m_clock.restart()); });
        m_clock.start();
        m_tick.start();
    }
    [[nodiscard]] qint64 worstMs() const { return m_worst; }

private:
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

bool load(HistoryStore &store)
{
    QSignalSpy loaded(&store, &HistoryStore::loaded);
    store.loadAsync();
    return loaded.wait(120000);
}

} // namespace

class BenchHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QRandomGenerator random(20240501);
        const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-qint64(EntryCount) * 60);
        HistoryStore store(m_dir.path());
        QVERIFY(load(store));
        for (int i = 0; i < EntryCount; ++i)
            store.add(generated(random, i, base));
        store.flush();
        qInfo("history.jsonl: %lld bytes for %d entries", QFileInfo(store.filePath()).size(), EntryCount);
    }

    // Read + parse on the worker, merge, loaded(): what happens between start-up and a filled History page.
    void loadAndParse()
    {
        QBENCHMARK
        {
            HistoryStore store(m_dir.path());
            QVERIFY(load(store));
            QCOMPARE(store.count(), EntryCount);
        }
        static bool reported = false; // QTest runs a benchmark function more than once
        if (std::exchange(reported, true))
            return;
        {
            // The window's view of it: a model and proxy that a view queries as soon as the rows are there.
            HistoryStore store(m_dir.path());
            HistoryModel model(&store);
            HistoryFilterProxyModel proxy;
            proxy.setSourceModel(&model);
            QObject::connect(&store, &HistoryStore::loaded, &proxy, [&proxy] { (void)proxy.rowCount(); });
            const StallMeter meter;
            QVERIFY(load(store));
            QTest::qWait(20);
            qInfo("longest GUI-thread stall while loading %d entries (model + proxy attached): %lld ms",
                  EntryCount, meter.worstMs());
        }
        const qint64 before = residentKiB();
        auto store = std::make_unique<HistoryStore>(m_dir.path());
        QVERIFY(load(*store));
        const qint64 loaded = residentKiB();
        auto model = std::make_unique<HistoryModel>(store.get());
        const qint64 withModel = residentKiB();
        qInfo("memory for %d entries: store %lld MiB, model (search text) %lld MiB more", EntryCount,
              (loaded - before) / 1024, (withModel - loaded) / 1024);
    }

    // The parts of the two above, on one thread: reading + parsing the file, and serialising it.
    void readFileOnly()
    {
        const QString path = QDir(m_dir.path()).filePath(HistoryFile::FileName);
        QBENCHMARK
        {
            QCOMPARE(HistoryFile::readFile(path).entries.size(), EntryCount);
        }
    }

    void serializeOnly()
    {
        const HistoryFile::ReadResult read =
            HistoryFile::readFile(QDir(m_dir.path()).filePath(HistoryFile::FileName));
        QBENCHMARK
        {
            QVERIFY(HistoryFile::serialize(read.entries, u"token"_s).size() > 0);
        }
    }

    // One finished download appended: lock, check, serialise everything, QSaveFile commit.
    void saveAfterOneAddition()
    {
        HistoryStore store(m_dir.path());
        QVERIFY(load(store));
        QRandomGenerator random(7);
        int i = EntryCount;
        QBENCHMARK
        {
            store.add(generated(random, i++, QDateTime::currentDateTimeUtc()));
            store.flush();
        }
        // Leave the file as the other benchmarks expect it.
        store.removeMany(store.ids().mid(0, i - EntryCount));
        store.flush();
    }

    // On the GUI thread after loaded(): rebuilding the rows and their search text.
    void modelReset()
    {
        HistoryStore store(m_dir.path());
        QVERIFY(load(store));
        HistoryModel model(&store);
        QBENCHMARK
        {
            emit store.reset();
        }
        QCOMPARE(model.rowCount(), EntryCount);
    }

    // The same with the proxy a view sits on, which builds its mapping (one filter pass) when first asked.
    void modelAndProxyReset()
    {
        HistoryStore store(m_dir.path());
        QVERIFY(load(store));
        HistoryModel model(&store);
        HistoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QBENCHMARK
        {
            emit store.reset();
            QCOMPARE(proxy.rowCount(), EntryCount);
        }
    }

    // Typing "a" into an empty search box, and erasing it: each iteration is one keystroke, alternately.
    void proxyFirstKeystroke()
    {
        HistoryStore store(m_dir.path());
        QVERIFY(load(store));
        HistoryModel model(&store);
        HistoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), EntryCount);
        bool typed = false;
        QBENCHMARK
        {
            typed = !typed;
            proxy.setSearchText(typed ? u"a"_s : QString());
            QVERIFY(proxy.rowCount() >= 0); // what a view asks first
        }
        static bool reported = false;
        if (std::exchange(reported, true))
            return;
        proxy.setSearchText(QString());
        QElapsedTimer timer;
        timer.start();
        proxy.setSearchText(u"a"_s);
        const int rows = proxy.rowCount();
        qInfo("one keystroke \"a\" from empty, measured once: %lld ms, %d of %d rows match", timer.elapsed(),
              rows, EntryCount);
        proxy.setSearchText(QString());
        timer.start();
        proxy.setSearchText(u"rabbit"_s);
        const int rabbits = proxy.rowCount();
        qInfo("a pasted word \"rabbit\" from empty, measured once: %lld ms, %d rows match", timer.elapsed(),
              rabbits);
    }

    // "a" → "ab": narrowing, and back; each iteration is one keystroke, alternately.
    void proxyNarrowingKeystroke()
    {
        HistoryStore store(m_dir.path());
        QVERIFY(load(store));
        HistoryModel model(&store);
        HistoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSearchText(u"gr"_s);
        QVERIFY(proxy.rowCount() > 0);
        bool narrowed = false;
        QBENCHMARK
        {
            narrowed = !narrowed;
            proxy.setSearchText(narrowed ? u"gra"_s : u"gr"_s);
            QVERIFY(proxy.rowCount() >= 0);
        }
        static bool reported = false;
        if (std::exchange(reported, true))
            return;
        proxy.setSearchText(u"gr"_s);
        const int before = proxy.rowCount();
        QElapsedTimer timer;
        timer.start();
        proxy.setSearchText(u"gra"_s);
        const int after = proxy.rowCount();
        qInfo("one narrowing keystroke \"gr\" -> \"gra\", measured once: %lld ms, %d -> %d rows",
              timer.elapsed(), before, after);
    }

    // A state filter plus a search word, as a user narrows the page further.
    void proxyStateAndSearch()
    {
        HistoryStore store(m_dir.path());
        QVERIFY(load(store));
        HistoryModel model(&store);
        HistoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setStateFilter(HistoryFilterProxyModel::StateFilter::Failed);
        QVERIFY(proxy.rowCount() > 0);
        bool typed = false;
        QBENCHMARK
        {
            typed = !typed;
            proxy.setSearchText(typed ? u"rabbit"_s : QString());
            QVERIFY(proxy.rowCount() >= 0);
        }
    }
};

// bench_history --write-history N DIR: writes N generated entries as DIR/history.jsonl, for the start-up
// benchmark's profile with a history (tests/benchmarks/startup.sh). Otherwise: the benchmark.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == u"--write-history") {
        QRandomGenerator random(7);
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-400);
        HistoryStore store(args.at(3));
        for (int i = 0, count = args.at(2).toInt(); i < count; ++i)
            store.add(generated(random, i, base));
        store.flush();
        return store.hasPendingChanges() ? 1 : 0;
    }
    BenchHistory bench;
    return QTest::qExec(&bench, argc, argv);
}
#include "bench_history.moc"
