// The engine's own costs, apart from yt-dlp: reading yt-dlp's progress records, and a queue of 1,000
// downloads in the window's model. A benchmark to read, never a pass/fail timing: run by hand,
//   QT_QPA_PLATFORM=offscreen build/<preset>/tests/bench_engine [-median 5]
// The progress records are yt-dlp's real output, recorded in tests/data/output.

#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "outputparser.h"
#include "residentmemory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

class BenchEngine final : public QObject
{
    Q_OBJECT

private slots:
    void progressRecordParsing()
    {
        QList<QByteArray> lines;
        const QDir data(QStringLiteral(GRAVITY_TEST_DATA "/output"));
        for (const QString &name : data.entryList({u"*.stdout"_s, u"*.stderr"_s}, QDir::Files)) {
            QFile file(data.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            lines += file.readAll().split('\n');
        }
        // Mostly progress records, as a download's output is.
        QList<QByteArray> progress;
        for (const QByteArray &line : std::as_const(lines)) {
            if (line.contains(RecordPrefix::Download))
                progress << line;
        }
        QVERIFY(!progress.isEmpty());
        int records = 0;
        qint64 parsedLines = 0;
        QElapsedTimer timer;
        timer.start();
        QBENCHMARK
        {
            for (const QByteArray &line : std::as_const(progress)) {
                for (QByteArrayView record : splitRecords(line))
                    records += parseOutputRecord(record).has_value() ? 1 : 0;
            }
            parsedLines += progress.size();
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        qInfo("%d progress lines per iteration; %.0f lines per second overall", int(progress.size()),
              double(parsedLines) / seconds);
        QVERIFY(records > 0);
    }

    void aThousandQueuedDownloads()
    {
        EngineConfig config;
        const qint64 before = residentKiB();
        qint64 after = 0;
        QBENCHMARK_ONCE
        {
            DownloadQueue queue(config);
            DownloadListModel model(&queue);
            for (int i = 0; i < 1000; ++i) {
                DownloadRequest request;
                request.url = u"https://www.youtube.com/watch?v=%1"_s.arg(i, 11, 10, QLatin1Char('0'));
                request.title = u"A video with a title of ordinary length, number %1"_s.arg(i);
                request.options.outputDir = QDir::tempPath();
                queue.restore(request, true, {}); // paused: nothing starts
            }
            QCOMPARE(model.rowCount(), 1000);
            after = residentKiB();
        }
        qInfo("1,000 queued downloads: %lld KiB more resident memory (%.1f KiB each)", after - before,
              double(after - before) / 1000);
    }
};

QTEST_MAIN(BenchEngine)
#include "bench_engine.moc"
