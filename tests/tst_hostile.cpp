// Hostile input, end to end with the real yt-dlp and ffmpeg: pages whose titles try to escape the download
// folder or name a file Windows cannot open, and info JSON that is broken, enormous or full of options, given
// to gravity-downloader --headless --load-info-json.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "outputtemplate.h"
#include "queuerun.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    // Pages with hostile titles, served by a second loopback server so the shared media stay untouched.
    QTemporaryDir m_pages;
    LoopbackServer m_pageServer;

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
        return QJsonDocument::fromJson(ytDlpInfoJson(m_fixture.url(u"page.html"_s))).object();
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

        const QList<DownloadProgress> results = runToEnd({request}, m_fixture.config());
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
        const QList<DownloadProgress> results = runToEnd(
            {request, requestFor(m_fixture.url(u"clip3.mp4"_s), QDir(parent).filePath(u"next"_s))}, config);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].state, DownloadState::Failed);
        qInfo() << "a name too long:" << errorKindId(results[0].error.kind) << results[0].error.detail;
        QVERIFY(!errorKindText(results[0].error.kind).isEmpty());
        QVERIFY(results[0].error.detail.contains(u"File name too long"_s));
        QCOMPARE(filesUnder(QDir(parent).filePath(u"long"_s)), QStringList());
        QVERIFY2(results[1].state == DownloadState::Completed, qPrintable(results[1].error.detail));
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

    // A file of links (--batch-file) with the bytes no link may hold: each such line is refused with its line
    // and reason, the good link still downloads, and nothing reaches yt-dlp as an option.
    void aBatchFileOfHostileBytesRefusesEachBadLine()
    {
        const QString dir = m_fixture.scratch(u"batchbytes"_s);
        const QString marker = QDir(dir).filePath(u"pwned"_s);
        const QString list = writeFile(QDir(dir).filePath(u"links.txt"_s),
                                       "-o/etc/passwd\n" // line 1
                                       "--exec=touch " +
                                           marker.toUtf8() + "\n"                         // line 2
                                           + QByteArray("https://example.org/a\0b\n", 24) // line 3: NUL
                                           + "https://example.org/v\xff\xfe.mp4\n"        // line 4: bad UTF-8
                                           + "https://example.org/\xe2\x80\xaegpj.exe\n"  // line 5: RLO
                                           + m_fixture.url(u"clip1.mp4"_s).toUtf8() + "\n"); // line 6
        QVERIFY(!list.isEmpty());
        const AppRun result = runHeadless(
            {u"--headless"_s, u"--json"_s, u"-o"_s, QDir(dir).filePath(u"out"_s), u"--batch-file"_s, list});
        QCOMPARE(result.exitCode, 2);
        QStringList rejects;
        for (const QJsonObject &event : result.events) {
            if (event.value(u"event"_s) == u"rejected"_s) {
                QVERIFY(!event.value(u"message"_s).toString().isEmpty());
                rejects << u"%1 %2"_s.arg(event.value(u"line"_s).toInt())
                               .arg(event.value(u"reason"_s).toString());
            }
        }
        QCOMPARE(rejects, (QStringList{u"1 option"_s, u"2 option"_s, u"3 malformed"_s, u"4 malformed"_s,
                                       u"5 malformed"_s}));
        QCOMPARE(result.eventNames().count(u"finished"_s), 1);
        QVERIFY(!QFileInfo::exists(marker));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
