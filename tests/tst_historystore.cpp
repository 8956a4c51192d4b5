// The download history on disk: every field survives, loading happens off the GUI thread, saves are atomic
// and debounced, two processes writing at once lose nothing, a damaged file is moved aside and what could be
// read is kept, a folder that cannot be written is reported without losing entries, and exports are safe to
// open in a spreadsheet.
//
// Run with "--history-writer DIR COUNT NAME loaded|appending" the binary is the second process of the
// concurrency test.

#include "historyentry.h"
#include "historyexport.h"
#include "historystore.h"
#include "historytable.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

HistoryEntry makeEntry(const QString &title, const QDateTime &finished = QDateTime::currentDateTimeUtc(),
                       DownloadState state = DownloadState::Completed)
{
    HistoryEntry e;
    e.id = newHistoryId();
    e.url = u"https://www.youtube.com/watch?v="_s + e.id.left(11);
    e.normalizedUrl = e.url;
    e.platform = Platform::YouTube;
    e.title = title;
    e.state = state;
    e.startedAt = finished.addSecs(-30);
    e.finishedAt = finished;
    return e;
}

// Every field set to something other than its default.
HistoryEntry fullEntry()
{
    HistoryEntry e;
    e.id = newHistoryId();
    e.url = u"https://youtu.be/dQw4w9WgXcQ?si=abc"_s;
    e.normalizedUrl = u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s;
    e.platform = Platform::Bilibili;
    e.title = u"標題 \"quoted\", with comma\nand newline"_s;
    e.uploader = u"Uploader 名"_s;
    e.duration = 212.5;
    e.thumbnail = u"https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg"_s;
    e.options.quality = QualityPreset::P720;
    e.options.formatSpec = u"137+140"_s;
    e.options.container = Container::Mkv;
    e.options.audioFormat = AudioFormat::Opus;
    e.options.subtitleMode = SubtitleMode::Embed;
    e.options.subtitleLanguages = {u"en"_s, u"zh-Hans"_s};
    e.options.autoCaptions = true;
    e.options.outputDir = u"/home/user/Videos"_s;
    e.options.outputTemplate = u"%(title)s.%(ext)s"_s;
    e.resolvedFormat = u"136+251"_s;
    e.filePath = u"/home/user/Videos/video.mkv"_s;
    e.fileSize = 123456789012;
    e.state = DownloadState::Failed;
    e.error = {ErrorKind::GeoBlocked, u"ERROR: not available in your country"_s};
    e.startedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC);
    e.finishedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 3, 30, 456), Qt::UTC);
    e.infoFetchedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 59, 0), Qt::UTC);
    return e;
}

bool waitLoaded(HistoryStore &store)
{
    QSignalSpy loaded(&store, &HistoryStore::loaded);
    store.loadAsync();
    return store.isLoaded() || loaded.wait(10000);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// A history of `count` entries titled title.arg(i), written as the window writes it; its file, or empty.
QString writeHistory(const QString &dir, int count, const QString &title)
{
    HistoryStore store(dir);
    if (!waitLoaded(store))
        return {};
    for (int i = 0; i < count; ++i)
        store.add(makeEntry(title.arg(i)));
    store.flush();
    return store.filePath();
}

// RFC 4180, enough to read back what the export wrote.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(std::exchange(cell, {}));
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(std::exchange(cell, {}));
            rows.append(std::exchange(row, {}));
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

// The second process of the concurrency tests: writes `count` entries, one save each. Loaded, it rewrites
// the file each time as the window does; not, it appends as --headless does.
int runWriter(const QString &dir, int count, const QString &name, bool loaded)
{
    HistoryStore store(dir);
    if (loaded && !waitLoaded(store))
        return 2;
    for (int i = 0; i < count; ++i) {
        const QString title = name + u' ' + QString::number(i);
        store.add(makeEntry(title));
        store.flush();
        // Said only once it is on disk, so a parent that kills us knows what must survive.
        if (!store.hasPendingChanges())
            std::printf("committed %s\n", qPrintable(title));
        std::fflush(stdout);
        QThread::msleep(2); // stretched, so the two processes' writes interleave
    }
    return store.count() >= count ? 0 : 1;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyFieldSurvivesJsonAndTheFile()
    {
        const HistoryEntry entry = fullEntry();
        const std::optional<HistoryEntry> back = historyEntryFromJson(historyEntryToJson(entry));
        QVERIFY(back);
        QVERIFY(sameHistoryEntry(*back, entry));

        QTemporaryDir dir;
        {
            HistoryStore store(dir.path());
            QVERIFY(waitLoaded(store));
            QVERIFY(store.add(entry));
            store.flush();
        }
        HistoryStore reread(dir.path());
        QVERIFY(waitLoaded(reread));
        QCOMPARE(reread.count(), 1);
        QVERIFY(sameHistoryEntry(*reread.find(entry.id), entry));
        // One compact line per entry after the header.
        QCOMPARE(readAll(reread.filePath()).count('\n'), 2);
    }

    void readingIsTolerant_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("title");
        QTest::addColumn<qint64>("fileSize");
        QTest::newRow("unknown keys are ignored")
            << R"({"id":"a1","title":"T","from_the_future":{"x":1},"file_size":5})"_ba << true << u"T"_s
            << qint64(5);
        QTest::newRow("wrongly typed values become defaults")
            << R"({"id":"a2","title":42,"file_size":"big","duration":"long","state":7})"_ba << true
            << QString() << qint64(-1);
        QTest::newRow("no id: refused") << R"({"title":"T"})"_ba << false << QString() << qint64(-1);
        QTest::newRow("an id that is not a string: refused")
            << R"({"id":17})"_ba << false << QString() << qint64(-1);
        QTest::newRow("an id that could escape the info folder: refused")
            << R"({"id":"../../etc/passwd"})"_ba << false << QString() << qint64(-1);
    }

    void readingIsTolerant()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, accepted);
        const std::optional<HistoryEntry> entry =
            historyEntryFromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(bool(entry), accepted);
        if (!entry)
            return;
        QFETCH(QString, title);
        QFETCH(qint64, fileSize);
        QCOMPARE(entry->title, title);
        QCOMPARE(entry->fileSize, fileSize);
        QCOMPARE(entry->options.quality, QualityPreset::Best);
    }

    // The store keeps each line compressed in memory: what it writes back must be the line, byte for byte.
    void linesComeBackExactlyFromMemory_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("a typical entry")
            << QJsonDocument(historyEntryToJson(fullEntry())).toJson(QJsonDocument::Compact);
        QTest::newRow("a title that spells the id key, its quotes escaped")
            << "{\"title\":\"\\\"id\\\":\\\"a1\\\"\",\"id\":\"a1\"}"_ba;
        QTest::newRow("non-ASCII and escapes") << R"({"id":"a2","title":"兔子 Straße \n \u0001 \\"})"_ba;
        QTest::newRow("unknown keys from a newer Gravity")
            << R"({"from_the_future":{"x":[1,2]},"id":"a3"})"_ba;
        QTest::newRow("hand-edited, with a tab and a space after the colon")
            << "{\"id\": \"a4\",\t\"title\":\"T\"}"_ba;
        QTest::newRow("the id twice") << R"({"id":"a5","other":{"id":"a5"}})"_ba;
    }

    void linesComeBackExactlyFromMemory()
    {
        QFETCH(QByteArray, line);
        const std::optional<HistoryFile::Record> record = HistoryFile::recordFromLine(line);
        QVERIFY(record);
        HistoryTable table;
        const qsizetype slot = table.insert(*record);
        QCOMPARE(table.lineAt(slot), line);

        QTemporaryDir dir;
        QVERIFY(writeAll(QDir(dir.path()).filePath(u"history.jsonl"_s), line + '\n'));
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        QVERIFY(store.add(makeEntry(u"mine"_s)));
        store.flush();
        QVERIFY(readAll(store.filePath()).contains(QByteArray('\n' + line + '\n')));
    }

    void aNewerGravitysLinesSurviveOurWrite()
    {
        QTemporaryDir dir;
        const QByteArray theirs =
            R"({"finished_at":"2020-01-01T00:00:00.000Z","from_the_future":{"x":1},"id":"future1","title":"T"})"_ba;
        QVERIFY(writeAll(QDir(dir.path()).filePath(u"history.jsonl"_s), theirs + '\n'));
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        QVERIFY(store.add(makeEntry(u"mine"_s)));
        store.flush();
        QCOMPARE(store.count(), 2);
        QVERIFY(readAll(store.filePath()).contains(QByteArray('\n' + theirs + '\n')));
        QCOMPARE(store.find(u"future1"_s)->title, u"T"_s);
    }

    void loadsOffTheGuiThreadAndKeepsChangesMadeBeforeIt()
    {
        QTemporaryDir dir;
        QStringList ids;
        {
            HistoryStore store(dir.path());
            QVERIFY(waitLoaded(store));
            for (int i = 0; i < 2000; ++i) {
                const HistoryEntry e =
                    makeEntry(u"entry %1"_s.arg(i), QDateTime::currentDateTimeUtc().addSecs(-i));
                ids.append(e.id);
                store.add(e);
            }
            store.flush();
        }

        HistoryStore store(dir.path());
        QSignalSpy loaded(&store, &HistoryStore::loaded);
        QSignalSpy reset(&store, &HistoryStore::reset);
        // A download that ends while the history is still being read, and a removal the user made.
        const HistoryEntry early = makeEntry(u"finished during the load"_s);
        store.add(early);
        store.remove(ids.at(5));
        store.loadAsync();
        QVERIFY(!store.isLoaded());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(store.count(), 2000);
        QVERIFY(store.find(early.id));
        QVERIFY(!store.find(ids.at(5)));
        QCOMPARE(store.ids().first(), early.id); // newest first
        QCOMPARE(store.indexOf(ids.at(0)), 1);
        store.flush();

        HistoryStore again(dir.path());
        QVERIFY(waitLoaded(again));
        QCOMPARE(again.count(), 2000);
        QVERIFY(again.find(early.id));
        QVERIFY(!again.find(ids.at(5)));
    }

    void manyAddsInABurstAreOneWrite()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        QSignalSpy saved(&store, &HistoryStore::saved);
        for (int i = 0; i < 200; ++i)
            store.add(makeEntry(u"burst %1"_s.arg(i)));
        QCOMPARE(saved.size(), 0); // nothing written synchronously
        QVERIFY(saved.wait(5000));
        QTest::qWait(HistoryStore::SaveDelayMs * 2);
        QCOMPARE(saved.size(), 1);
        QVERIFY(!store.hasPendingChanges());
        QCOMPARE(readAll(store.filePath()).count('\n'), 201);
    }

    void twoStoresOnOneDirectoryKeepEachOthersEntries()
    {
        QTemporaryDir dir;
        HistoryStore window(dir.path());
        HistoryStore headless(dir.path());
        QVERIFY(waitLoaded(window));
        QVERIFY(waitLoaded(headless));
        QSignalSpy added(&window, &HistoryStore::entryAdded);

        for (int i = 0; i < 30; ++i) {
            window.add(makeEntry(u"window %1"_s.arg(i)));
            headless.add(makeEntry(u"headless %1"_s.arg(i)));
            if (i % 7 == 0) {
                headless.flush();
                window.flush();
            }
        }
        headless.flush();
        window.flush();
        // The window picks up what the headless run wrote, as single additions, without being asked.
        QTRY_COMPARE_WITH_TIMEOUT(window.count(), 60, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(headless.count(), 60, 5000);
        QVERIFY(added.size() >= 60);

        // A removal travels too.
        const QString gone = window.ids().first();
        window.remove(gone);
        window.flush();
        QTRY_VERIFY_WITH_TIMEOUT(!headless.find(gone), 5000);
        // … and is not undone by the other's next write.
        headless.add(makeEntry(u"headless late"_s));
        headless.flush();

        HistoryStore fresh(dir.path());
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.count(), 60);
        QVERIFY(!fresh.find(gone));
    }

    void aStoreThatNeverReadTheFileAppendsToIt()
    {
        // --headless records a download without reading the history: its line goes on the end, every byte
        // before it untouched, and the window picks it up as one addition.
        QTemporaryDir dir;
        HistoryStore window(dir.path());
        QVERIFY(waitLoaded(window));
        for (int i = 0; i < 3; ++i)
            window.add(makeEntry(u"window %1"_s.arg(i)));
        window.flush();
        const QByteArray before = readAll(window.filePath());
        QSignalSpy added(&window, &HistoryStore::entryAdded);

        HistoryStore headless(dir.path());
        QSignalSpy saved(&headless, &HistoryStore::saved);
        HistoryEntry entry = makeEntry(u"headless download"_s);
        QVERIFY(headless.add(entry));
        headless.flush();
        QCOMPARE(saved.size(), 1);
        QVERIFY(!headless.isLoaded());
        QVERIFY(!headless.hasPendingChanges());
        QByteArray after = readAll(window.filePath());
        QVERIFY(after.startsWith(before));
        QCOMPARE(after.mid(before.size()), HistoryFile::recordFor(entry).line + '\n');
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 5000);
        QCOMPARE(added.at(0).at(0).toString(), entry.id);
        QCOMPARE(window.find(entry.id)->title, u"headless download"_s);

        // A change to it is appended too: the later line wins.
        entry.title = u"headless download, renamed"_s;
        QVERIFY(headless.update(entry));
        headless.flush();
        QVERIFY(!headless.isLoaded());
        QTRY_COMPARE_WITH_TIMEOUT(window.find(entry.id)->title, entry.title, 5000);
        QCOMPARE(window.count(), 4);

        // The window's next write keeps it, once.
        window.add(makeEntry(u"window later"_s));
        window.flush();
        HistoryStore fresh(dir.path());
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.count(), 5);
        QCOMPARE(fresh.find(entry.id)->title, entry.title);
        QCOMPARE(readAll(fresh.filePath()).count(entry.id.toUtf8()), 1);
    }

    void anAppendNeedsAWholeFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("expected"); // entries afterwards
        QTest::addColumn<bool>("recovered");
        QTest::newRow("no history yet: written with its header") << u"absent"_s << 1 << false;
        QTest::newRow("a last line cut short: recovered first") << u"cut"_s << 3 << true;
        QTest::newRow("a last entry without its newline") << u"no-newline"_s << 4 << false;
    }

    void anAppendNeedsAWholeFile()
    {
        QFETCH(QString, file);
        QFETCH(int, expected);
        QFETCH(bool, recovered);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"history.jsonl"_s);
        if (file != u"absent"_s) {
            QCOMPARE(writeHistory(dir.path(), 3, u"earlier %1"_s), path);
            QByteArray data = readAll(path);
            data.chop(file == u"cut"_s ? 25 : 1);
            QVERIFY(writeAll(path, data));
        }

        HistoryStore headless(dir.path());
        QSignalSpy recoveredSpy(&headless, &HistoryStore::recoveredFromCorruption);
        const HistoryEntry entry = makeEntry(u"headless download"_s);
        headless.add(entry);
        headless.flush();
        QVERIFY(!headless.hasPendingChanges());
        QCOMPARE(recoveredSpy.size(), recovered ? 1 : 0);
        QVERIFY(readAll(path).endsWith('\n'));

        HistoryStore fresh(dir.path());
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.count(), expected);
        QVERIFY(fresh.find(entry.id));
    }

    void aLineBeingAppendedIsNotTakenForDamage()
    {
        QTemporaryDir dir;
        const QString path = writeHistory(dir.path(), 3, u"earlier %1"_s);
        QVERIFY(!path.isEmpty());
        // Another process is appending: it holds the lock and half its line is in the file.
        QLockFile lock(dir.filePath(u"history.jsonl.lock"_s));
        QVERIFY(lock.tryLock(0));
        const HistoryEntry entry = makeEntry(u"being appended"_s);
        const QByteArray line = HistoryFile::recordFor(entry).line + '\n';
        QFile appender(path);
        QVERIFY(appender.open(QIODevice::WriteOnly | QIODevice::Append));
        QVERIFY(appender.write(line.first(line.size() / 2)) > 0 && appender.flush());

        HistoryStore reader(dir.path());
        QSignalSpy loaded(&reader, &HistoryStore::loaded);
        QSignalSpy recovered(&reader, &HistoryStore::recoveredFromCorruption);
        reader.loadAsync();
        QTest::qWait(300);
        QCOMPARE(loaded.size(), 0); // waiting for the appender to finish, not calling its line damage
        QVERIFY(appender.write(line.sliced(line.size() / 2)) > 0 && appender.flush());
        lock.unlock();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(reader.count(), 4);
        QVERIFY(reader.find(entry.id));
        QTest::qWait(HistoryStore::SaveDelayMs * 2);
        QCOMPARE(recovered.size(), 0);
        QVERIFY(QDir(dir.path()).entryList({u"*.corrupt-*"_s}, QDir::Files).isEmpty());
    }

    void damageThatIsGoneByTheWriteIsNotRecoveredTwice()
    {
        // The load finds a line it cannot read; by the time the store may write (another process held the
        // lock), that process has rewritten the file whole. Nothing is moved aside, and the store does not
        // go on rewriting a file that needs no recovery.
        QTemporaryDir dir;
        const QString path = writeHistory(dir.path(), 3, u"good %1"_s);
        QVERIFY(!path.isEmpty());
        const QByteArray whole = readAll(path);
        QVERIFY(writeAll(path, whole + "not json\n"));
        QLockFile lock(dir.filePath(u"history.jsonl.lock"_s));
        QVERIFY(lock.tryLock(0));

        HistoryStore store(dir.path());
        QSignalSpy saved(&store, &HistoryStore::saved);
        QSignalSpy recovered(&store, &HistoryStore::recoveredFromCorruption);
        QVERIFY(waitLoaded(store));
        QCOMPARE(store.count(), 3);
        QVERIFY(writeAll(path, whole)); // the other process's write
        lock.unlock();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
        QTest::qWait(HistoryStore::SaveDelayMs * 3);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(recovered.size(), 0);
        QVERIFY(QDir(dir.path()).entryList({u"*.corrupt-*"_s}, QDir::Files).isEmpty());
        QVERIFY(!store.hasPendingChanges());
    }

    void aSecondProcessWritingAtTheSameTimeLosesNothing()
    {
        constexpr int PerProcess = 120;
        QTemporaryDir dir;
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        // The child appends as --headless does; we rewrite the whole file each time, as the window does.
        child.start(
            QCoreApplication::applicationFilePath(),
            {u"--history-writer"_s, dir.path(), QString::number(PerProcess), u"child"_s, u"appending"_s});
        QVERIFY(child.waitForStarted());

        // Start once the child is writing, so both write at the same time.
        const QString path = dir.filePath(u"history.jsonl"_s);
        QTRY_VERIFY_WITH_TIMEOUT(readAll(path).contains("child 0"), 20000);
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        for (int i = 0; i < PerProcess; ++i) {
            store.add(makeEntry(u"parent %1"_s.arg(i)));
            store.flush();
            QThread::msleep(2);
        }
        // Our saves merged what the child had written meanwhile.
        QVERIFY(store.count() > PerProcess);
        QVERIFY(child.state() == QProcess::Running || store.count() == 2 * PerProcess);
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);

        HistoryStore fresh(dir.path());
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.count(), 2 * PerProcess);
        int fromChild = 0;
        for (const HistoryEntry &e : fresh.entries())
            fromChild += e.title.startsWith(u"child "_s) ? 1 : 0;
        QCOMPARE(fromChild, PerProcess);
        QVERIFY(!QFile::exists(dir.filePath(u"history.jsonl.lock"_s)));
    }

    void killedWhileWritingNothingCommittedIsLost_data()
    {
        QTest::addColumn<QString>("writer");
        QTest::newRow("rewriting the file (the window)") << u"loaded"_s;
        QTest::newRow("appending to it (--headless)") << u"appending"_s;
    }

    void killedWhileWritingNothingCommittedIsLost()
    {
        QFETCH(QString, writer);
        QTemporaryDir dir;
        {
            // Enough history that every save takes a while: a kill lands in the middle of writes.
            HistoryStore store(dir.path());
            for (int i = 0; i < 3000; ++i)
                store.add(makeEntry(u"old %1"_s.arg(i)));
            store.flush();
        }
        QStringList committed;
        for (int round = 0; round < 12; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {u"--history-writer"_s, dir.path(), u"1000000"_s, u"round%1"_s.arg(round), writer});
            QVERIFY(child.waitForStarted());
            const int wanted = 1 + round % 4;
            QByteArray output;
            QTRY_VERIFY_WITH_TIMEOUT((output += child.readAllStandardOutput()).count('\n') >= wanted, 30000);
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(5000));
            output += child.readAllStandardOutput();
            for (const QByteArray &line : output.split('\n')) {
                if (line.startsWith("committed "))
                    committed << QString::fromUtf8(line.mid(10));
            }
        }
        QVERIFY(committed.size() >= 12);

        HistoryStore fresh(dir.path());
        QSignalSpy recovered(&fresh, &HistoryStore::recoveredFromCorruption);
        QSignalSpy failed(&fresh, &HistoryStore::loadFailed);
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(failed.size(), 0);
        // A rewrite is atomic: never a half-written file. An append is one write() of one line, which a
        // SIGKILL can cut only where the line crosses a page of the file: then that last, uncommitted line is
        // moved aside with the file and everything else is kept (the checks below).
        if (writer == u"loaded"_s)
            QCOMPARE(recovered.size(), 0);
        else
            QVERIFY(recovered.size() <= 1);
        QSet<QString> titles;
        for (const HistoryEntry &e : fresh.entries())
            titles.insert(e.title);
        for (const QString &title : std::as_const(committed))
            QVERIFY2(titles.contains(title), qPrintable(title));
        QVERIFY(titles.contains(u"old 0"_s) && titles.contains(u"old 2999"_s));
        // The lock a killed writer left behind does not stop the next one. A writer killed between creating
        // the lock file and writing its pid into it leaves a lock that QLockFile can only age out (the
        // store's stale time, 30 s), so the first attempt may fail with a lock error: the store's retry timer
        // saves later.
        fresh.add(makeEntry(u"after the kills"_s));
        fresh.flush();
        QTRY_VERIFY_WITH_TIMEOUT(!fresh.hasPendingChanges(), 60000);
        HistoryStore reread(dir.path());
        QVERIFY(waitLoaded(reread));
        QCOMPARE(reread.count(), fresh.count());
    }

    void aDamagedFileIsMovedAsideAndTheRestKept_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("recovered");
        QTest::newRow("truncated in the middle of the last line") << u"truncate"_s << 2;
        QTest::newRow("a line that is not JSON") << u"garbage-line"_s << 3;
        QTest::newRow("an object without an id") << u"no-id"_s << 3;
        QTest::newRow("nothing readable at all") << u"binary"_s << 0;
    }

    void aDamagedFileIsMovedAsideAndTheRestKept()
    {
        QFETCH(QString, damage);
        QFETCH(int, recovered);
        QTemporaryDir dir;
        const QString path = writeHistory(dir.path(), 3, u"good %1"_s);
        QVERIFY(!path.isEmpty());
        QByteArray data = readAll(path);
        if (damage == u"truncate"_s)
            data.chop(25);
        else if (damage == u"garbage-line"_s)
            data.insert(data.indexOf('\n') + 1, "this is not json\n");
        else if (damage == u"no-id"_s)
            data.append("{\"title\":\"who am I\"}\n");
        else
            data = QByteArray("\x00\xff\xfe garbage \x01\x02", 15);
        QVERIFY(writeAll(path, data));

        HistoryStore store(dir.path());
        QSignalSpy recoveredSpy(&store, &HistoryStore::recoveredFromCorruption);
        QVERIFY(waitLoaded(store));
        QCOMPARE(store.count(), recovered); // the app starts with what could be read
        QTRY_COMPARE_WITH_TIMEOUT(recoveredSpy.size(), 1, 5000);
        const QString aside = recoveredSpy.at(0).at(0).toString();
        QCOMPARE(recoveredSpy.at(0).at(1).toInt(), recovered);
        QVERIFY2(QRegularExpression(u"history\\.jsonl\\.corrupt-\\d{8}-\\d{6}$"_s).match(aside).hasMatch(),
                 qPrintable(aside));
        QCOMPARE(readAll(aside), data); // the original, untouched

        // The good entries were written back, and the damage is not reported again.
        store.add(makeEntry(u"after recovery"_s));
        store.flush();
        QCOMPARE(recoveredSpy.size(), 1);
        HistoryStore fresh(dir.path());
        QSignalSpy again(&fresh, &HistoryStore::recoveredFromCorruption);
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.count(), recovered + 1);
        QTest::qWait(100);
        QCOMPARE(again.size(), 0);
    }

    void aFolderThatCannotBeWrittenIsReportedAndNothingIsLost()
    {
        QTemporaryDir tmp;
        // A file where the folder should be: unwritable even for root, who ignores permission bits.
        const QString blocker = tmp.filePath(u"blocker"_s);
        QVERIFY(writeAll(blocker, "x"));
        const QString dir = blocker + u"/history"_s;

        HistoryStore store(dir);
        QSignalSpy failed(&store, &HistoryStore::saveFailed);
        QVERIFY(waitLoaded(store));
        store.add(makeEntry(u"first"_s));
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QCOMPARE(store.count(), 1);
        QVERIFY(store.hasPendingChanges());

        // Retried on the next change, still failing, still kept.
        store.add(makeEntry(u"second"_s));
        QVERIFY(failed.wait(5000));
        QCOMPARE(store.count(), 2);

        // Once the folder can be made, both are written.
        QVERIFY(QFile::remove(blocker));
        store.add(makeEntry(u"third"_s));
        store.flush();
        QVERIFY(!store.hasPendingChanges());
        HistoryStore fresh(dir);
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.count(), 3);
    }

    void pruningRemovesOldEntriesButNeverFiles()
    {
        QTemporaryDir dir;
        const QString media = dir.filePath(u"old video.mp4"_s);
        QVERIFY(writeAll(media, "media"));
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        HistoryEntry old = makeEntry(u"a year ago"_s, now.addDays(-400));
        old.filePath = media;
        store.add(old);
        store.add(makeEntry(u"last week"_s, now.addDays(-7)));
        store.add(makeEntry(u"today"_s, now));
        HistoryEntry undated = makeEntry(u"no finish time"_s);
        undated.finishedAt = {};
        store.add(undated);
        QVERIFY(store.saveInfoJson(old.id, "{}", now));

        QCOMPARE(store.pruneOlderThan(0), 0); // "keep forever"
        QCOMPARE(store.pruneOlderThan(30), 1);
        QCOMPARE(store.count(), 3);
        QVERIFY(!store.find(old.id));
        QVERIFY(store.find(undated.id));
        store.flush();
        QVERIFY(QFile::exists(media));                       // the user's file stays
        QVERIFY(!QFile::exists(store.infoJsonPath(old.id))); // only our saved info goes with the entry
    }

    void exportsJsonAndCsvThatSpreadsheetsReadSafely()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        HistoryEntry tricky = fullEntry();
        tricky.title = u"He said \"hi\", then\nleft"_s;
        tricky.finishedAt = now;
        HistoryEntry formula = makeEntry(u"=HYPERLINK(\"http://evil\",\"x\")"_s, now.addSecs(-10));
        formula.uploader = u"@admin"_s;
        formula.error.detail = u"-1+2"_s;
        HistoryEntry plus = makeEntry(u"+33 6 12"_s, now.addSecs(-20));
        store.add(tricky);
        store.add(formula);
        store.add(plus);

        const QString jsonPath = dir.filePath(u"export.json"_s);
        QVERIFY(store.exportJson(jsonPath));
        const QJsonArray array = QJsonDocument::fromJson(readAll(jsonPath)).array();
        QCOMPARE(array.size(), 3);
        QVERIFY(sameHistoryEntry(*historyEntryFromJson(array.at(0).toObject()), tricky));
        QVERIFY(sameHistoryEntry(*historyEntryFromJson(array.at(1).toObject()), formula));

        const QString csvPath = dir.filePath(u"export.csv"_s);
        QVERIFY(store.exportCsv(csvPath));
        const QByteArray csv = readAll(csvPath);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.contains("\"He said \"\"hi\"\", then\nleft\""));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.mid(3)));
        QCOMPARE(rows.size(), 4);
        const QStringList header = rows.at(0);
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), header.size());
        const auto cell = [&](int row, const char *column) {
            return rows.at(row).at(header.indexOf(QString::fromLatin1(column)));
        };
        QCOMPARE(cell(1, "title"), tricky.title);
        QCOMPARE(cell(1, "id"), tricky.id);
        QCOMPARE(cell(1, "state"), u"failed"_s);
        QCOMPARE(cell(1, "error_kind"), u"geo-blocked"_s);
        QCOMPARE(cell(1, "subtitle_languages"), u"en zh-Hans"_s);
        QCOMPARE(cell(1, "file_size"), u"123456789012"_s);
        // Nothing a spreadsheet would run as a formula.
        QCOMPARE(cell(2, "title"), u"'=HYPERLINK(\"http://evil\",\"x\")"_s);
        QCOMPARE(cell(2, "uploader"), u"'@admin"_s);
        QCOMPARE(cell(2, "error_detail"), u"'-1+2"_s);
        QCOMPARE(cell(3, "title"), u"'+33 6 12"_s);

        QString error;
        QVERIFY(!store.exportCsv(dir.filePath(u"no/such/folder/x.csv"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void savedInfoJsonLivesBesideTheHistoryAndGoesWithItsEntry()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        const HistoryEntry entry = makeEntry(u"with info"_s);
        store.add(entry);
        const QByteArray info =
            R"({"id":"dQw4w9WgXcQ","title":"with info","formats":[]})" + QByteArray(600000, ' ');
        const QDateTime fetched = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(store.saveInfoJson(entry.id, info, fetched));
        QVERIFY(!store.saveInfoJson(u"../escape"_s, info, fetched));
        store.flush();

        QVERIFY(QFile::exists(dir.filePath(u"info/"_s + entry.id + u".json"_s)));
        QVERIFY(QFileInfo(store.filePath()).size() < 10000); // not inside the history file

        HistoryStore reread(dir.path());
        QVERIFY(waitLoaded(reread));
        const std::optional<SavedInfo> saved = reread.infoJson(entry.id);
        QVERIFY(saved);
        QCOMPARE(saved->json, info);
        QCOMPARE(saved->fetchedAt, fetched);
        const DownloadRequest request = requestFor(*reread.find(entry.id), *saved);
        QCOMPARE(request.infoJson, info);
        QCOMPARE(request.infoFetchedAt, fetched);
        QCOMPARE(request.url, entry.normalizedUrl);

        reread.remove(entry.id);
        reread.flush();
        QVERIFY(!QFile::exists(reread.infoJsonPath(entry.id)));
        QVERIFY(!reread.infoJson(entry.id));
    }

    void removeWithFileTakesTheFileAndTheEntry()
    {
        QTemporaryDir dir;
        // The trash goes under the data folder, which need not exist yet (Qt 6.4 then trashed into the
        // current directory); the user's real trash is left alone.
        qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(u"data-home"_s)));
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        HistoryEntry present = makeEntry(u"present"_s);
        present.filePath = dir.filePath(u"present.mp4"_s);
        QVERIFY(writeAll(present.filePath, "data"));
        HistoryEntry moved = makeEntry(u"moved away"_s);
        moved.filePath = dir.filePath(u"moved.mp4"_s);
        store.add(present);
        store.add(moved);

        const HistoryStore::FileRemoval removal = store.removeWithFile(present.id);
        QVERIFY(removal == HistoryStore::FileRemoval::Trashed ||
                removal == HistoryStore::FileRemoval::Deleted);
        QVERIFY(!QFile::exists(present.filePath));
        QVERIFY(!QFileInfo::exists(u"files/present.mp4"_s));
        QVERIFY(!store.find(present.id));
        QCOMPARE(store.removeWithFile(moved.id), HistoryStore::FileRemoval::AlreadyGone);
        QCOMPARE(store.count(), 0);
    }

    void clearEmptiesTheHistory()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        QVERIFY(waitLoaded(store));
        for (int i = 0; i < 20; ++i)
            store.add(makeEntry(u"entry %1"_s.arg(i)));
        store.flush();
        QSignalSpy reset(&store, &HistoryStore::reset);
        store.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(store.count(), 0);
        store.flush();
        HistoryStore fresh(dir.path());
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.count(), 0);
    }
};

int main(int argc, char **argv)
{
    if (argc == 6 && qstrcmp(argv[1], "--history-writer") == 0) {
        QCoreApplication app(argc, argv);
        QStandardPaths::setTestModeEnabled(true);
        return runWriter(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt(),
                         QString::fromLocal8Bit(argv[4]), qstrcmp(argv[5], "loaded") == 0);
    }
    QCoreApplication app(argc, argv);
    TestHistoryStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historystore.moc"
