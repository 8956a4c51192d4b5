// Load: 200 downloads queued at once into the window with a limit of 4, each a real yt-dlp fetching a small
// file from the loopback server. Asserted: every one completes and never more than 4 yt-dlp run at a time.
// Measured and printed, never asserted (2 shared cores make any time a poor pass/fail line): how late the
// window's event loop ran a 10 ms timer, and resident memory before and after.

#include "appsettings.h"
#include "benchmarks/residentmemory.h"
#include "downloadqueue.h"
#include "historystore.h"
#include "integrationfixture.h"
#include "mainwindow.h"
#include "testhelpers.h"
#include "theme.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

constexpr int Downloads = 200;
constexpr int Limit = 4;

// Lateness of a repeating 10 ms timer: how long the event loop kept it waiting past its due time.
class LatencyProbe final : public QObject
{
public:
    explicit LatencyProbe(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(IntervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_lateUs << qMax<qint64>(0, (now - m_last) / 1000 - IntervalMs * 1000);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // The q-th quantile (0..1) in milliseconds.
    [[nodiscard]] double quantileMs(double q) const
    {
        if (m_lateUs.isEmpty())
            return 0;
        QList<qint64> sorted = m_lateUs;
        std::sort(sorted.begin(), sorted.end());
        return double(sorted.at(qMin(sorted.size() - 1, qsizetype(q * double(sorted.size()))))) / 1000.0;
    }
    [[nodiscard]] qsizetype samples() const { return m_lateUs.size(); }

private:
    static constexpr int IntervalMs = 10;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<qint64> m_lateUs;
};

// How many process groups the processes naming `needle` belong to: each download's yt-dlp leads a group of
// its own, and a child it starts (ffmpeg, or its own fork before exec, which still shows yt-dlp's command
// line) stays in that group, so groups count the downloads that are running.
int processGroupsMatching(const QString &needle)
{
    QSet<QByteArray> groups;
    for (const qint64 pid : processesMatching(needle)) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // gone already
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2)
            groups.insert(fields.at(2));
    }
    return int(groups.size());
}

} // namespace

class TestLoad final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(qApp, QLocale(QLocale::English));
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_profile.isValid());
    }

    void twoHundredDownloadsWithALimitOfFour()
    {
        const QString downloads = m_fixture.scratch(u"load"_s);
        AppSettings settings(m_profile.filePath(u"settings.ini"_s));
        settings.setDownloadFolder(downloads);
        settings.setMaxConcurrent(Limit);
        Theme theme(ThemeMode::Light);
        HistoryStore history(m_fixture.scratch(u"history"_s));
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = Limit;
        MainWindow window(config, &settings, &theme, &history);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DownloadQueue *queue = window.queue();
        QCOMPARE(queue->maxConcurrent(), Limit);

        // Running downloads counted from /proc on a thread of their own, so the scan does not delay the event
        // loop being measured. Each download's yt-dlp names the download folder.
        std::atomic<bool> sampling{true};
        std::atomic<int> mostProcesses{0};
        std::thread sampler([&] {
            while (sampling) {
                const int running = processGroupsMatching(downloads);
                mostProcesses = std::max(mostProcesses.load(), running);
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
        // The queue's own count, on every change it reports.
        int mostActive = 0;
        connect(queue, &DownloadQueue::tasksChanged, this,
                [&] { mostActive = std::max(mostActive, queue->activeCount()); });
        int finished = 0;
        connect(queue, &DownloadQueue::taskFinished, this, [&] { ++finished; });

        const qint64 residentBefore = residentKiB();
        LatencyProbe latency;
        latency.start();
        QElapsedTimer wall;
        wall.start();
        for (int i = 0; i < Downloads; ++i) {
            DownloadRequest request;
            request.url = m_fixture.url(u"clip%1.mp4"_s.arg(1 + i % 3));
            request.options.outputDir = downloads;
            request.options.outputTemplate = u"n%1.%(ext)s"_s.arg(i, 3, 10, QLatin1Char('0'));
            queue->enqueue(std::move(request));
        }
        QTRY_VERIFY_WITH_TIMEOUT(finished == Downloads, 900000);
        const qint64 elapsedMs = wall.elapsed();
        latency.stop();
        sampling = false;
        sampler.join();
        const qint64 residentAfter = residentKiB();

        int completed = 0;
        for (const quint64 id : queue->ids())
            completed += queue->task(id)->progress().state == DownloadState::Completed ? 1 : 0;
        QCOMPARE(completed, Downloads);
        QCOMPARE(QDir(downloads).entryList({u"*.mp4"_s}, QDir::Files).size(), Downloads);
        QVERIFY2(mostActive <= Limit, qPrintable(QString::number(mostActive)));
        QVERIFY2(mostProcesses <= Limit, qPrintable(QString::number(mostProcesses)));
        QVERIFY(mostProcesses > 0); // the sampler saw them run at all
        QVERIFY(waitNoProcessesMatching(downloads));

        qInfo("%d downloads, limit %d: %lld ms; at most %d active in the queue, %d yt-dlp process groups "
              "seen at once",
              Downloads, Limit, elapsedMs, mostActive, mostProcesses.load());
        qInfo("event-loop lateness of a 10 ms timer over %lld samples: median %.1f ms, p95 %.1f ms, p99 %.1f "
              "ms, "
              "max %.1f ms",
              qlonglong(latency.samples()), latency.quantileMs(0.5), latency.quantileMs(0.95),
              latency.quantileMs(0.99), latency.quantileMs(1.0));
        qInfo("resident memory: %lld KiB before, %lld KiB after (%+lld KiB)", residentBefore, residentAfter,
              residentAfter - residentBefore);
    }
};

QTEST_MAIN(TestLoad)
#include "tst_load.moc"
