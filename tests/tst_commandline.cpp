// gravity-downloader's options, parsed in-process: what each flag sets, what is refused, and how the
// command line is laid over the user's settings.

#include "commandline.h"
#include "engineconfig.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::ProxyMode)

namespace {

std::optional<CommandLine> parse(const QStringList &arguments)
{
    return parseCommandLine(QStringList{u"gravity-downloader"_s} + arguments);
}

} // namespace

class TestCommandLine final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theExistingOptionsKeepTheirMeaning()
    {
        const std::optional<CommandLine> line =
            parse({u"--headless"_s, u"-q"_s, u"720"_s, u"-o"_s, m_dir.path(), u"-j"_s, u"2"_s,
                   u"https://example.org/v"_s});
        QVERIFY(line);
        QVERIFY(line->headless);
        QCOMPARE(line->options.quality, QualityPreset::P720);
        QCOMPARE(line->options.outputDir, QDir(m_dir.path()).absolutePath());
        QCOMPARE(line->options.outputTemplate, QString());
        QCOMPARE(line->engine.maxConcurrent, 2);
        QCOMPARE(line->urls, QStringList{u"https://example.org/v"_s});
        // Nothing about the network unless asked.
        QCOMPARE(line->engine.network.proxyMode, ProxyMode::System);
        QCOMPARE(line->engine.network.rateLimitBytesPerSec, 0);
        QCOMPARE(line->engine.network.cookieSource, CookieSource::None);
        QVERIFY(!line->given.proxy && !line->given.rateLimit && !line->given.cookies);
    }

    void downloadFlagsSetTheOptions()
    {
        const std::optional<CommandLine> line =
            parse({u"--headless"_s, u"--sub-langs"_s, u"en,zh-Hans"_s, u"--sub-format"_s, u"SRT"_s,
                   u"--write-auto-subs"_s, u"--sponsorblock-remove"_s, u"sponsor,selfpromo"_s,
                   u"--sponsorblock-api"_s, u"http://127.0.0.1:9/"_s, u"--embed-thumbnail"_s,
                   u"--embed-metadata"_s, u"--embed-chapters"_s, u"--download-sections"_s, u"1:00-2:30"_s,
                   u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s});
        QVERIFY(line);
        const DownloadOptions &options = line->options;
        QCOMPARE(options.subtitleMode, SubtitleMode::File);
        QCOMPARE(options.subtitleLanguages, (QStringList{u"en"_s, u"zh-Hans"_s}));
        QVERIFY(options.autoCaptions);
        QCOMPARE(options.subtitleFormat, SubtitleFormat::Srt);
        QCOMPARE(options.sponsorBlock, SponsorBlockMode::Remove);
        QCOMPARE(options.sponsorBlockCategories, (QStringList{u"sponsor"_s, u"selfpromo"_s}));
        QVERIFY(options.embedThumbnail && options.embedMetadata && options.embedChapters);
        QVERIFY(options.section == (TimeRange{60, 150}));
        QCOMPARE(applyCommandLine(*line, {}).network.sponsorBlockApi, u"http://127.0.0.1:9/"_s);
    }

    void withoutDownloadFlagsNothingExtraHappens()
    {
        const std::optional<CommandLine> line = parse({u"--headless"_s, u"https://example.org/v"_s});
        QVERIFY(line);
        QCOMPARE(line->options.subtitleMode, SubtitleMode::None);
        QCOMPARE(line->options.sponsorBlock, SponsorBlockMode::Off);
        QVERIFY(!line->options.embedThumbnail && !line->options.embedMetadata &&
                !line->options.embedChapters);
        QVERIFY(line->options.section.isWhole());
        // The settings' SponsorBlock server (if ever set) is kept.
        EngineConfig base;
        base.network.sponsorBlockApi = u"https://sb.example"_s;
        QCOMPARE(applyCommandLine(*line, base).network.sponsorBlockApi, u"https://sb.example"_s);
    }

    void downloadFlags_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("mark two categories")
            << QStringList{u"--sponsorblock-mark"_s, u"intro,outro"_s} << true;
        QTest::newRow("an unknown category is refused")
            << QStringList{u"--sponsorblock-mark"_s, u"intro,ads"_s} << false;
        QTest::newRow("yt-dlp's \"all\" is not a list Gravity takes")
            << QStringList{u"--sponsorblock-remove"_s, u"all"_s} << false;
        QTest::newRow("mark and remove together are refused")
            << QStringList{u"--sponsorblock-mark"_s, u"intro"_s, u"--sponsorblock-remove"_s, u"sponsor"_s}
            << false;
        QTest::newRow("a SponsorBlock server that is no http address is refused")
            << QStringList{u"--sponsorblock-api"_s, u"file:///etc/passwd"_s} << false;
        QTest::newRow("subtitles embedded")
            << QStringList{u"--sub-langs"_s, u"en"_s, u"--embed-subs"_s} << true;
        QTest::newRow("a subtitle format without languages is refused")
            << QStringList{u"--sub-format"_s, u"srt"_s} << false;
        QTest::newRow("an unknown subtitle format is refused")
            << QStringList{u"--sub-langs"_s, u"en"_s, u"--sub-format"_s, u"lrc"_s} << false;
        QTest::newRow("a section open at the end") << QStringList{u"--download-sections"_s, u"90-"_s} << true;
        QTest::newRow("a section in seconds") << QStringList{u"--download-sections"_s, u"10-20.5"_s} << true;
        QTest::newRow("a section ending before it starts is refused")
            << QStringList{u"--download-sections"_s, u"2:00-1:00"_s} << false;
        QTest::newRow("a chapter name is not a range Gravity takes")
            << QStringList{u"--download-sections"_s, u"intro"_s} << false;
    }

    void downloadFlags()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, accepted);
        const std::optional<CommandLine> line =
            parse(QStringList{u"--headless"_s} + arguments + QStringList{u"https://example.org/v"_s});
        QCOMPARE(bool(line), accepted);
    }

    void maxConcurrentIsAnotherNameForJobs_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("expected"); // 0: refused

        QTest::newRow("the default is three") << QStringList() << 3;
        QTest::newRow("--max-concurrent 5") << QStringList{u"--max-concurrent"_s, u"5"_s} << 5;
        QTest::newRow("--jobs 32 is the most") << QStringList{u"--jobs"_s, u"32"_s} << 32;
        QTest::newRow("--max-concurrent 0 is refused") << QStringList{u"--max-concurrent"_s, u"0"_s} << 0;
        QTest::newRow("--max-concurrent 33 is refused") << QStringList{u"--max-concurrent"_s, u"33"_s} << 0;
        QTest::newRow("--max-concurrent many is refused")
            << QStringList{u"--max-concurrent"_s, u"many"_s} << 0;
    }

    void maxConcurrentIsAnotherNameForJobs()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, expected);
        const std::optional<CommandLine> line = parse(arguments + QStringList{u"https://example.org/v"_s});
        QCOMPARE(bool(line), expected > 0);
        if (line) {
            QCOMPARE(line->engine.maxConcurrent, expected);
            QCOMPARE(line->given.maxConcurrent, !arguments.isEmpty());
        }
    }

    void proxy_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<ProxyMode>("mode");

        QTest::newRow("an empty proxy means direct") << QString() << true << ProxyMode::None;
        QTest::newRow("an http proxy") << u"http://127.0.0.1:3128"_s << true << ProxyMode::Manual;
        QTest::newRow("socks5 with a login")
            << u"socks5://me:secret@proxy.lan:1080"_s << true << ProxyMode::Manual;
        QTest::newRow("socks5h, resolving names at the proxy")
            << u"socks5h://proxy.lan:1080"_s << true << ProxyMode::Manual;
        QTest::newRow("an ftp URL is refused") << u"ftp://proxy.lan:21"_s << false << ProxyMode::System;
        QTest::newRow("a bare host is refused") << u"proxy.lan:3128"_s << false << ProxyMode::System;
        QTest::newRow("a URL with a path is refused")
            << u"http://proxy.lan:3128/x"_s << false << ProxyMode::System;
    }

    void proxy()
    {
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        QFETCH(ProxyMode, mode);
        const std::optional<CommandLine> line = parse({u"--proxy"_s, value, u"https://example.org/v"_s});
        QCOMPARE(bool(line), accepted);
        if (!line)
            return;
        QVERIFY(line->given.proxy);
        QCOMPARE(line->engine.network.proxyMode, mode);
        QCOMPARE(line->engine.network.proxyUrl, mode == ProxyMode::Manual ? value : QString());
    }

    void limitRate_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<qint64>("bytesPerSec"); // -1: refused

        QTest::newRow("500K") << u"500K"_s << qint64(500 * 1024);
        QTest::newRow("2M") << u"2M"_s << qint64(2 * 1024 * 1024);
        QTest::newRow("1.5m") << u"1.5m"_s << qint64(1536 * 1024);
        QTest::newRow("1G") << u"1G"_s << qint64(1024 * 1024 * 1024);
        QTest::newRow("500KiB") << u"500KiB"_s << qint64(500 * 1024);
        QTest::newRow("plain bytes") << u"65536"_s << qint64(65536);
        QTest::newRow("zero means unlimited") << u"0"_s << qint64(0);
        QTest::newRow("a word is refused") << u"fast"_s << qint64(-1);
        QTest::newRow("a negative rate is refused") << u"-1M"_s << qint64(-1);
        QTest::newRow("an unknown unit is refused") << u"5X"_s << qint64(-1);
        QTest::newRow("nothing is refused") << QString() << qint64(-1);
    }

    void limitRate()
    {
        QFETCH(QString, value);
        QFETCH(qint64, bytesPerSec);
        const std::optional<qint64> parsed = parseByteRate(value);
        QCOMPARE(parsed.value_or(-1), bytesPerSec);
        const std::optional<CommandLine> line = parse({u"--limit-rate"_s, value, u"https://example.org/v"_s});
        QCOMPARE(bool(line), bytesPerSec >= 0);
        if (line) {
            QCOMPARE(line->engine.network.rateLimitBytesPerSec, bytesPerSec);
            QVERIFY(line->given.rateLimit);
        }
    }

    void playlistItems_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QList<int>>("items"); // empty: refused

        QTest::newRow("two entries") << u"1,3"_s << QList<int>{1, 3};
        QTest::newRow("a range and an entry") << u"2-4,7"_s << QList<int>{2, 3, 4, 7};
        QTest::newRow("spaces are allowed") << u" 5 , 6"_s << QList<int>{5, 6};
        QTest::newRow("zero is refused") << u"0"_s << QList<int>{};
        QTest::newRow("a backwards range is refused") << u"4-2"_s << QList<int>{};
        QTest::newRow("a word is refused") << u"first"_s << QList<int>{};
        QTest::newRow("an empty item is refused") << u"1,,3"_s << QList<int>{};
        QTest::newRow("a huge range is refused") << u"1-1000000"_s << QList<int>{};
    }

    void playlistItems()
    {
        QFETCH(QString, value);
        QFETCH(QList<int>, items);
        const std::optional<CommandLine> line =
            parse({u"--headless"_s, u"--playlist-items"_s, value, u"https://example.org/v"_s});
        QCOMPARE(bool(line), !items.isEmpty());
        if (line)
            QCOMPARE(line->playlistItems, items);
    }

    void cookiesFromAFileThatExists()
    {
        const QString path = m_dir.filePath(u"cookies.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString relative = QDir::current().relativeFilePath(path);
        const std::optional<CommandLine> line = parse({u"--cookies"_s, relative, u"https://example.org/v"_s});
        QVERIFY(line);
        QCOMPARE(line->engine.network.cookieSource, CookieSource::File);
        QCOMPARE(line->engine.network.cookiesFile, QFileInfo(path).absoluteFilePath());
        QVERIFY(line->given.cookies);

        QVERIFY(!parse({u"--cookies"_s, m_dir.filePath(u"missing.txt"_s), u"https://example.org/v"_s}));
        QVERIFY(!parse({u"--cookies"_s, m_dir.path(), u"https://example.org/v"_s})); // a folder is not a file
    }

    void cookiesFromABrowser_data()
    {
        QTest::addColumn<QString>("browser");
        QTest::addColumn<bool>("accepted");
        for (const QString &browser : supportedCookieBrowsers())
            QTest::newRow(browser.toLatin1().constData()) << browser << true;
        QTest::newRow("firefox with a profile") << u"firefox:default-release"_s << true;
        QTest::newRow("an unknown browser") << u"netscape"_s << false;
        QTest::newRow("an option") << u"--exec"_s << false;
        QTest::newRow("nothing") << QString() << false;
    }

    void cookiesFromABrowser()
    {
        QFETCH(QString, browser);
        QFETCH(bool, accepted);
        const std::optional<CommandLine> line =
            parse({u"--cookies-from-browser"_s, browser, u"https://example.org/v"_s});
        QCOMPARE(bool(line), accepted);
        if (line) {
            QCOMPARE(line->engine.network.cookieSource, CookieSource::Browser);
            QCOMPARE(line->engine.network.cookiesBrowser, browser);
        }
    }

    void cookiesFromBothPlacesAreRefused()
    {
        const QString path = m_dir.filePath(u"both.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(!parse(
            {u"--cookies"_s, path, u"--cookies-from-browser"_s, u"firefox"_s, u"https://example.org/v"_s}));
    }

    void outputTemplate_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("a folder per uploader") << u"%(uploader)s/%(title)s.%(ext)s"_s << true;
        QTest::newRow("an absolute path") << u"/tmp/%(title)s.%(ext)s"_s << false;
        QTest::newRow("a parent folder") << u"../%(title)s.%(ext)s"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void outputTemplate()
    {
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        const std::optional<CommandLine> line =
            parse({u"--output-template"_s, value, u"https://example.org/v"_s});
        QCOMPARE(bool(line), accepted);
        if (line)
            QCOMPARE(line->options.outputTemplate, value);
    }

    void theCommandLineOverridesOnlyWhatItGives()
    {
        EngineConfig settings;
        settings.ytDlpPath = u"/opt/yt-dlp"_s;
        settings.maxConcurrent = 5;
        settings.stallTimeoutSec = 0;
        settings.network.proxyMode = ProxyMode::Manual;
        settings.network.proxyUrl = u"http://proxy.lan:3128"_s;
        settings.network.rateLimitBytesPerSec = 1000;
        settings.network.cookieSource = CookieSource::Browser;
        settings.network.cookiesBrowser = u"chrome"_s;

        std::optional<CommandLine> line = parse({u"https://example.org/v"_s});
        QVERIFY(line);
        EngineConfig merged = applyCommandLine(*line, settings);
        QCOMPARE(merged.ytDlpPath, settings.ytDlpPath);
        QCOMPARE(merged.maxConcurrent, 5);
        QCOMPARE(merged.network.proxyUrl, settings.network.proxyUrl);
        QCOMPARE(merged.network.cookiesBrowser, u"chrome"_s);

        line = parse({u"--proxy"_s, QString(), u"--limit-rate"_s, u"1M"_s, u"-j"_s, u"1"_s,
                      u"https://example.org/v"_s});
        QVERIFY(line);
        merged = applyCommandLine(*line, settings);
        QCOMPARE(merged.network.proxyMode, ProxyMode::None);
        QCOMPARE(merged.network.proxyUrl, QString());
        QCOMPARE(merged.network.rateLimitBytesPerSec, 1024 * 1024);
        QCOMPARE(merged.maxConcurrent, 1);
        QCOMPARE(merged.ytDlpPath, settings.ytDlpPath); // not given
        QCOMPARE(merged.stallTimeoutSec, 0);            // never on the command line
        QCOMPARE(merged.network.cookiesBrowser, u"chrome"_s);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
