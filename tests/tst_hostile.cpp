// Hostile input and faults, end to end with the real yt-dlp and ffmpeg: pages whose titles try to escape the
// download folder or name a file Windows cannot open, a disk that fills up, a folder that vanishes, an ffmpeg
// that cannot run. Each case ends in a clear state, leaves no process behind, and the queue goes on.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "outputtemplate.h"
#include "prober.h"
#include "testhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

// Why a path component would not work on Windows, macOS or Linux; empty when it works everywhere.
QString unportable(const QString &component)
{
    if (component.isEmpty() || component == u"."_s || component == u".."_s)
        return u"an empty, '.' or '..' component"_s;
    if (component.toUtf8().size() > 255)
        return u"longer than 255 bytes"_s;
    if (component.endsWith(u'.') || component.endsWith(u' '))
        return u"a trailing dot or space (Windows drops it)"_s;
    for (const QChar c : component) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return u"a control character"_s;
        if (u"<>:\"/\\|?*"_s.contains(c))
            return u"a character Windows refuses"_s;
    }
    // Windows reserves these device names whatever the extension, and ignores spaces before the dot.
    static const QRegularExpression device(u"^(con|prn|aux|nul|com[1-9]|lpt[1-9]) *(\\..*)?$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    if (device.match(component).hasMatch())
        return u"a Windows device name"_s;
    return {};
}

// Every file under root, relative to it.
QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    return files;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    // Pages with hostile titles, served by a second loopback server so the shared media stay untouched.
    QTemporaryDir m_pages;
    LoopbackServer m_pageServer;

    static DownloadRequest requestFor(const QString &url, const QString &dir)
    {
        DownloadRequest request;
        request.url = url;
        request.options.outputDir = dir;
        return request;
    }

    // Writes a page like the fixtures' page.html whose <title> is `title`, playing clip.mp4; its URL.
    QString hostilePage(const QString &name, const QString &title)
    {
        const QString escaped = title.toHtmlEscaped();
        const QString html = u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"_s + escaped +
                             u"</title></head>\n<body><video src=\"{{BASE}}/clip.mp4\" width=\"640\" "_s
                             u"height=\"360\"></video></body></html>\n"_s;
        QFile file(m_pages.filePath(name + u".html"_s));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(html.toUtf8());
        return m_pageServer.url(name + u".html"_s).toString();
    }

    // Serves clip.mp4 as "<name>.mp4"; its URL.
    QString hostileFile(const QString &name)
    {
        const QString file = name + u".mp4"_s;
        const QString path = m_pages.filePath(file);
        if (!QFileInfo::exists(path) && !QFile::copy(m_pages.filePath(u"clip.mp4"_s), path))
            return {};
        return m_pageServer.baseUrl() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(file));
    }

    // Runs every request through one queue to its end; the final progress of each, in order.
    QList<DownloadProgress> runAll(const QList<DownloadRequest> &requests, EngineConfig config = {},
                                   const std::function<void(DownloadQueue &, quint64)> &whileFirstRuns = {})
    {
        if (config.infoCacheDir.isEmpty())
            config = m_fixture.config();
        DownloadQueue queue(config);
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        QList<quint64> ids;
        for (const DownloadRequest &request : requests)
            ids << queue.enqueue(request);
        if (whileFirstRuns)
            whileFirstRuns(queue, ids.first());
        QList<DownloadProgress> results;
        for (int waits = 0; finished.size() < ids.size() && waits < ids.size(); ++waits) {
            if (!finished.wait(120000))
                break;
        }
        for (const quint64 id : ids)
            results << queue.task(id)->progress();
        return results;
    }

    // The app's data and settings for --headless children: never the user's own.
    QTemporaryDir m_profile;

    AppRun runHeadless(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_profile.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_profile.filePath(u"config"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_profile.filePath(u"cache"_s));
        return runApp(QStringLiteral(GRAVITY_APP_PATH), arguments, environment, 180000);
    }

    // page.html's info as yt-dlp -J writes it, pointing at this run's server.
    QJsonObject savedInfo()
    {
        QProcess ytDlp;
        ytDlp.start(u"yt-dlp"_s, {u"--ignore-config"_s, u"--no-warnings"_s, u"-J"_s, u"--"_s,
                                  m_fixture.url(u"page.html"_s)});
        if (!ytDlp.waitForFinished(60000))
            return {};
        return QJsonDocument::fromJson(ytDlp.readAllStandardOutput()).object();
    }

    static QString writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_pages.isValid());
        QVERIFY(
            QFile::copy(QDir(m_fixture.mediaDir()).filePath(u"clip.mp4"_s), m_pages.filePath(u"clip.mp4"_s)));
        QVERIFY(m_pageServer.start(m_pages.path()));
        QVERIFY(m_profile.isValid());
    }

    void init() { m_fixture.reset(); }

    // The title of a page read by yt-dlp's generic extractor, downloaded for real: the file lands inside the
    // chosen folder, under a name every desktop system can open.
    void hostileTitlesLandInsideTheFolderWithPortableNames_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("pattern"); // empty: Gravity's default, title [id].ext
        // A page names the video "<title> (1)"; a link straight to a file names it after the file, with
        // nothing after: the only way a trailing dot or space reaches yt-dlp from a page.
        QTest::addColumn<bool>("direct");

        const QString asFolder = u"%(title)s/%(id)s.%(ext)s"_s;
        const QString alone = u"%(title)s.%(ext)s"_s;
        const QString idAlone = u"%(id)s.%(ext)s"_s;
        // Long titles with the presets' byte limits (a custom template without one: see below).
        const QString longAlone = OutputTemplate::presets().at(1).pattern;
        const QString longFolder = u"%(title).200B/%(id)s.%(ext)s"_s;
        QTest::newRow("../../ as the name") << u"../../../../tmp/escaped"_s << QString() << false;
        QTest::newRow("../../ as a folder") << u"../../../../tmp/escaped"_s << asFolder << false;
        QTest::newRow(".. alone as a folder") << u".."_s << asFolder << false;
        QTest::newRow("an absolute path") << u"/etc/passwd"_s << alone << false;
        QTest::newRow("slashes and backslashes") << u"a/b\\c/d"_s << asFolder << false;
        QTest::newRow("CON as a folder") << u"CON"_s << asFolder << false;
        QTest::newRow("NUL as a name") << u"NUL"_s << alone << false;
        QTest::newRow("com1.txt as a name") << u"com1.txt"_s << alone << false;
        QTest::newRow("COM1 as a folder") << u"COM1"_s << asFolder << false;
        QTest::newRow("a file CON.mp4: CON as the id") << u"CON"_s << idAlone << true;
        QTest::newRow("a file aux.mp4: aux as a folder") << u"aux"_s << asFolder << true;
        QTest::newRow("a file 'the end...mp4': trailing dots as a folder")
            << u"the end.."_s << asFolder << true;
        QTest::newRow("a file 'the end  .mp4': trailing spaces as a folder")
            << u"the end  "_s << asFolder << true;
        QTest::newRow("420 characters, default name") << QString(420, u'x') << QString() << false;
        QTest::newRow("420 characters, the Title preset") << QString(420, u'x') << longAlone << false;
        QTest::newRow("420 Chinese characters, default name")
            << QString(420, QChar(0x4F60)) << QString() << false;
        QTest::newRow("420 Chinese characters as a folder, 200 bytes")
            << QString(420, QChar(0x4F60)) << longFolder << false;
        QTest::newRow("control characters")
            << u"bell\x07 escape\x1b[31m del\x7f tab\tend"_s << alone << false;
        QTest::newRow("Windows' forbidden characters") << u"a:b*c?d\"e<f>g|h"_s << alone << false;
        QTest::newRow("emoji and mixed scripts")
            << u"🎸 Ünïcødé 中文 עברית العربية 🇺🇳"_s << QString() << false;
        QTest::newRow("a right-to-left override") << u"invoice\u202Efdp.exe"_s << alone << false;
        QTest::newRow("a hidden file") << u".bashrc"_s << alone << false;
    }

    void hostileTitlesLandInsideTheFolderWithPortableNames()
    {
        QFETCH(QString, title);
        QFETCH(QString, pattern);
        QFETCH(bool, direct);
        static int page = 0;
        const QString url = direct ? hostileFile(title) : hostilePage(u"hostile%1"_s.arg(++page), title);
        QVERIFY(!url.isEmpty());
        // The download folder sits alone in a parent, so anything written beside it is seen.
        const QString parent = m_fixture.scratch(u"titles"_s);
        const QString dir = QDir(parent).filePath(u"downloads"_s);
        QVERIFY(QDir().mkpath(dir));
        DownloadRequest request = requestFor(url, dir);
        request.options.outputTemplate = pattern;

        const QList<DownloadProgress> results = runAll({request});
        QCOMPARE(results.size(), 1);
        QVERIFY2(results[0].state == DownloadState::Completed, qPrintable(results[0].error.detail));
        const QString path = results[0].filePath;
        QVERIFY2(QFileInfo(path).canonicalFilePath().startsWith(QFileInfo(dir).canonicalFilePath() + u'/'),
                 qPrintable(path));
        QCOMPARE(filesUnder(parent), QStringList{u"downloads/"_s + QDir(dir).relativeFilePath(path)});
        qInfo("%s", qPrintable(QDir(dir).relativeFilePath(path)));
        for (const QString &component : QDir(dir).relativeFilePath(path).split(u'/')) {
            const QString why = unportable(component);
            QVERIFY2(why.isEmpty(), qPrintable(component + u": "_s + why));
        }
    }

    // A template typed by hand without a byte limit lets a 420-character title make a name longer than any
    // file system takes: the download fails in words, writes nothing, and the queue goes on.
    void aLongTitleInACustomTemplateWithoutALimitFailsInWords()
    {
        const QString url = hostilePage(u"long-custom"_s, QString(420, u'x'));
        const QString parent = m_fixture.scratch(u"longcustom"_s);
        DownloadRequest request = requestFor(url, QDir(parent).filePath(u"long"_s));
        request.options.outputTemplate = u"%(title)s.%(ext)s"_s;
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        const QList<DownloadProgress> results = runAll(
            {request, requestFor(m_fixture.url(u"clip3.mp4"_s), QDir(parent).filePath(u"next"_s))}, config);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        qInfo() << "a name too long:" << errorKindId(results[0].error.kind) << results[0].error.detail;
        QVERIFY(!errorKindText(results[0].error.kind).isEmpty());
        QVERIFY(results[0].error.detail.contains(u"File name too long"_s));
        QCOMPARE(filesUnder(QDir(parent).filePath(u"long"_s)), QStringList());
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
    }

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
                                       "  *crash.html*) kill -SEGV $$ ;;\n"
                                       "  *hang.html*) while :; do sleep 1; done ;;\n"
                                       "esac\n"
                                       "exec yt-dlp \"$@\"\n");
        QVERIFY(!config.ytDlpPath.isEmpty());
        const QString broken = QDir(dir).filePath(u"broken"_s);
        const QString next = QDir(dir).filePath(u"next"_s);
        const QList<DownloadProgress> results = runAll(
            {requestFor(hostilePage(page, u"x"_s), broken), requestFor(m_fixture.url(u"page.html"_s), next)},
            config);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        QCOMPARE(results[0].error.kind, kind);
        QVERIFY(!errorKindText(kind).isEmpty());
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
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
        const QList<DownloadProgress> results = runAll(
            {broken, requestFor(m_fixture.url(u"clip2.mp4"_s), QDir(dir).filePath(u"next"_s))}, config);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        QVERIFY2(results[0].error.kind == kind,
                 qPrintable(errorKindId(results[0].error.kind) + u": "_s + results[0].error.detail));
        QVERIFY(!errorKindText(kind).isEmpty());
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
        QVERIFY(waitNoProcessesMatching(dir));
    }

    // Every connection to the file is reset 40 KB in: yt-dlp asks again from where it stopped, so the file
    // completes whole.
    void aConnectionResetMidFileIsContinued()
    {
        m_fixture.server().setFault(u"clip1.mp4"_s, LoopbackServer::Fault::ResetAfter, 40000);
        const QString dir = m_fixture.scratch(u"reset"_s);
        const QList<DownloadProgress> results = runAll({requestFor(m_fixture.url(u"clip1.mp4"_s), dir)});
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
        const QList<DownloadProgress> results = runAll({requestFor(m_fixture.url(u"slow.html"_s), big),
                                                        requestFor(m_fixture.url(u"page.html"_s), small)},
                                                       config);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        QVERIFY2(results[0].error.kind == ErrorKind::DiskFull, qPrintable(results[0].error.detail));
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
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
        const QList<DownloadProgress> results = runAll(
            {requestFor(m_fixture.url(u"clip.mp4"_s), out), requestFor(m_fixture.url(u"clip2.mp4"_s), next)},
            config);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        QVERIFY2(results[0].error.kind == ErrorKind::DiskFull, qPrintable(results[0].error.detail));
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
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
            runAll({requestFor(m_fixture.url(u"slow.html"_s), doomed),
                    requestFor(m_fixture.url(u"page.html"_s), next)},
                   config, [this, doomed](DownloadQueue &queue, quint64 first) {
                       QTRY_VERIFY_WITH_TIMEOUT(queue.task(first)->progress().downloadedBytes > 0, 60000);
                       QVERIFY(QDir(doomed).removeRecursively());
                       m_fixture.server().setThrottle(0);
                   });
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        qInfo() << "folder deleted:" << errorKindId(results[0].error.kind) << results[0].error.detail;
        QVERIFY2(results[0].error.kind == ErrorKind::NotWritable, qPrintable(results[0].error.detail));
        QVERIFY(!QFileInfo::exists(doomed));
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
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
            runAll({requestFor(m_fixture.url(u"slow.html"_s), folder),
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
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        qInfo() << "folder turned read-only:" << errorKindId(results[0].error.kind)
                << results[0].error.detail;
        QVERIFY2(results[0].error.kind == ErrorKind::NotWritable, qPrintable(results[0].error.detail));
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
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
            runAll({requestFor(m_fixture.url(u"page.html"_s), out)}, config);
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
        const QList<DownloadProgress> results = runAll({request}, config);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].state, DownloadState::Failed);
        QVERIFY2(results[0].error.kind == ErrorKind::FfmpegMissing, qPrintable(results[0].error.detail));
    }

    // gravity-downloader --headless --load-info-json FILE with a file that is not a usable info JSON: a parse
    // error in words (exit 4), before yt-dlp is asked to download anything.
    void anInfoJsonThatCannotBeUsedIsAParseError_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("truncated in the middle") << u"truncated"_s;
        QTest::newRow("not JSON at all") << u"garbage"_s;
        QTest::newRow("every field of the wrong type") << u"wrong-types"_s;
        QTest::newRow("a JSON list instead of an object") << u"list"_s;
        QTest::newRow("50 MB of opening brackets") << u"brackets"_s;
        QTest::newRow("a file that does not exist") << u"missing"_s;
    }

    void anInfoJsonThatCannotBeUsedIsAParseError()
    {
        QFETCH(QString, kind);
        const QString dir = m_fixture.scratch(u"badinfo"_s);
        const QString path = QDir(dir).filePath(u"saved.info.json"_s);
        const QByteArray good = QJsonDocument(savedInfo()).toJson(QJsonDocument::Compact);
        QVERIFY(good.size() > 100);
        QByteArray bytes;
        if (kind == u"truncated"_s)
            bytes = good.left(good.size() / 2);
        else if (kind == u"garbage"_s)
            bytes = QByteArray("\x00\xff\xfe ERROR: not json {{{ \x01\x02");
        else if (kind == u"wrong-types"_s)
            bytes = R"({"id":5,"title":["x"],"formats":"none","webpage_url":{},"url":7,"duration":"long"})";
        else if (kind == u"list"_s)
            bytes = "[" + good + "]";
        else if (kind == u"brackets"_s)
            bytes = QByteArray(50 * 1024 * 1024, '[');
        if (kind != u"missing"_s)
            QCOMPARE(writeFile(path, bytes), path);
        const int before = m_fixture.server().requestCount(u"clip.mp4"_s);
        const AppRun result =
            runHeadless({u"--headless"_s, u"--json"_s, u"-o"_s, dir, u"--load-info-json"_s, path});
        QCOMPARE(result.exitCode, 4);
        const QJsonObject failed = result.first(u"failed"_s);
        QCOMPARE(failed.value(u"stage"_s).toString(), u"parse"_s);
        QCOMPARE(failed.value(u"error"_s).toString(), u"invalid-info"_s);
        QVERIFY(!failed.value(u"message"_s).toString().isEmpty());
        QCOMPARE(m_fixture.server().requestCount(u"clip.mp4"_s), before);
        QVERIFY(!result.eventNames().contains(u"queued"_s));
    }

    // 50 MB of description does not stop a good info JSON from downloading.
    void aFiftyMegabyteInfoJsonStillDownloads()
    {
        const QString dir = m_fixture.scratch(u"biginfo"_s);
        QJsonObject info = savedInfo();
        QVERIFY(!info.isEmpty());
        info.insert(u"description"_s, QString(50 * 1024 * 1024, u'x'));
        const QString path = writeFile(QDir(dir).filePath(u"big.info.json"_s),
                                       QJsonDocument(info).toJson(QJsonDocument::Compact));
        QVERIFY(!path.isEmpty());
        const AppRun result =
            runHeadless({u"--headless"_s, u"--json"_s, u"-o"_s, dir, u"--load-info-json"_s, path});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QFileInfo::exists(result.first(u"finished"_s).value(u"path"_s).toString()));
    }

    // A saved info JSON whose every address is an option: handed to yt-dlp as a file, so none of them is
    // ever read as an option; the download fails in words and nothing runs.
    void optionsInASavedInfoJsonAreNeverOptions()
    {
        const QString dir = m_fixture.scratch(u"optinfo"_s);
        const QString marker = QDir(dir).filePath(u"pwned"_s);
        const QString option = u"--exec=touch "_s + marker;
        QJsonObject info = savedInfo();
        QVERIFY(!info.isEmpty());
        for (const QString &key : {u"webpage_url"_s, u"original_url"_s, u"url"_s})
            info.insert(key, option);
        for (const QString &list : {u"formats"_s, u"requested_downloads"_s}) {
            QJsonArray formats = info.value(list).toArray();
            for (qsizetype i = 0; i < formats.size(); ++i) {
                QJsonObject format = formats.at(i).toObject();
                format.insert(u"url"_s, option);
                formats.replace(i, format);
            }
            info.insert(list, formats);
        }
        const QString path = writeFile(QDir(dir).filePath(u"evil.info.json"_s),
                                       QJsonDocument(info).toJson(QJsonDocument::Compact));
        QVERIFY(!path.isEmpty());
        const AppRun result =
            runHeadless({u"--headless"_s, u"--json"_s, u"-o"_s, dir, u"--load-info-json"_s, path});
        QCOMPARE(result.exitCode, 1);
        const QJsonObject failed = result.first(u"failed"_s);
        QCOMPARE(failed.value(u"stage"_s).toString(), u"download"_s);
        QVERIFY(!failed.value(u"message"_s).toString().isEmpty());
        QVERIFY(!QFileInfo::exists(marker));
        QVERIFY(waitNoProcessesMatching(marker));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
