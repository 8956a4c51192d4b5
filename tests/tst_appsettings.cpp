// The preferences: defaults, persistence in the ini file, hand-edited values, and what the engine gets.

#include "appsettings.h"
#include "engineconfig.h"
#include "ytdlparguments.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::ProxyMode)

class TestAppSettings final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_fileCount = 0;
    QString m_file;

    // A settings file with these lines under their groups, as a person would edit it.
    QString handEdited(const QByteArray &ini)
    {
        const QString path = m_dir.filePath(u"edited-%1.ini"_s.arg(++m_fileCount));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(ini);
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init() { m_file = m_dir.filePath(u"settings-%1.ini"_s.arg(++m_fileCount)); }

    void aFreshProfileHasTheDocumentedDefaults()
    {
        const AppSettings settings(m_file);
        QCOMPARE(settings.maxConcurrent(), 3);
        QCOMPARE(settings.outputTemplate(), QString());
        QCOMPARE(settings.playlistSubfolder(), true);
        QCOMPARE(settings.proxyMode(), ProxyMode::System);
        QCOMPARE(settings.proxyScheme(), u"http"_s);
        QCOMPARE(settings.proxyHost(), QString());
        QCOMPARE(settings.proxyPort(), 0);
        QCOMPARE(settings.proxyUser(), QString());
        QCOMPARE(settings.proxyPassword(), QString());
        QCOMPARE(settings.rateLimitBytesPerSec(), 0);
        QCOMPARE(settings.cookieSource(), CookieSource::None);
        QCOMPARE(settings.cookiesFile(), QString());
        QCOMPARE(settings.cookiesBrowser(), QString());
        QCOMPARE(settings.ytDlpPath(), QString());
        QCOMPARE(settings.ffmpegPath(), QString());
        QCOMPARE(settings.probeTimeoutSec(), 120);
        QCOMPARE(settings.stallTimeoutSec(), 90);
        QCOMPARE(settings.downloadTimeLimitMin(), 30);
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.closeToTray(), true);
        QCOMPARE(settings.notifications(), true);
        QCOMPARE(settings.historyRetentionDays(), 0);
        QCOMPARE(settings.offerClipboardUrls(), false);
        QCOMPARE(settings.themeMode(), u"system"_s);
        const DownloadOptions options = settings.lastOptions();
        QCOMPARE(options.sponsorBlock, SponsorBlockMode::Off);
        QCOMPARE(options.sponsorBlockCategories, defaultSponsorBlockCategories());
        QCOMPARE(options.subtitleFormat, SubtitleFormat::Original);
        QVERIFY(!options.embedThumbnail && !options.embedMetadata && !options.embedChapters);
    }

    void theLastOptionsSurviveARestartButNotTheTimeRange()
    {
        {
            AppSettings settings(m_file);
            DownloadOptions options = settings.lastOptions();
            options.subtitleFormat = SubtitleFormat::Ass;
            options.sponsorBlock = SponsorBlockMode::Mark;
            options.sponsorBlockCategories = {u"intro"_s, u"filler"_s};
            options.embedThumbnail = true;
            options.embedMetadata = true;
            options.section = TimeRange{10, 20};
            settings.setLastOptions(options);
            settings.sync();
        }
        const DownloadOptions options = AppSettings(m_file).lastOptions();
        QCOMPARE(options.subtitleFormat, SubtitleFormat::Ass);
        QCOMPARE(options.sponsorBlock, SponsorBlockMode::Mark);
        QCOMPARE(options.sponsorBlockCategories, (QStringList{u"intro"_s, u"filler"_s}));
        QVERIFY(options.embedThumbnail && options.embedMetadata && !options.embedChapters);
        // A range belongs to one video; the next one starts whole.
        QVERIFY(options.section.isWhole());
    }

    void everythingSurvivesARestart()
    {
        {
            AppSettings settings(m_file);
            settings.setMaxConcurrent(5);
            settings.setOutputTemplate(u"%(uploader)s/%(title)s.%(ext)s"_s);
            settings.setPlaylistSubfolder(false);
            settings.setProxyMode(ProxyMode::Manual);
            settings.setProxyScheme(u"socks5"_s);
            settings.setProxyHost(u"proxy.example"_s);
            settings.setProxyPort(1080);
            settings.setProxyUser(u"me"_s);
            settings.setProxyPassword(u"p@ss:word"_s);
            settings.setRateLimitBytesPerSec(2 * 1024 * 1024);
            settings.setCookieSource(CookieSource::Browser);
            settings.setCookiesFile(u"/home/me/cookies.txt"_s);
            settings.setCookiesBrowser(u"firefox:work"_s);
            settings.setYtDlpPath(u"/opt/yt-dlp"_s);
            settings.setFfmpegPath(u"/opt/ffmpeg"_s);
            settings.setProbeTimeoutSec(45);
            settings.setStallTimeoutSec(0);
            settings.setDownloadTimeLimitMin(120);
            settings.setLanguage(u"zh_CN"_s);
            settings.setCloseToTray(false);
            settings.setNotifications(false);
            settings.setHistoryRetentionDays(30);
            settings.sync();
        }
        const AppSettings settings(m_file);
        QCOMPARE(settings.maxConcurrent(), 5);
        QCOMPARE(settings.outputTemplate(), u"%(uploader)s/%(title)s.%(ext)s"_s);
        QCOMPARE(settings.playlistSubfolder(), false);
        QCOMPARE(settings.proxyMode(), ProxyMode::Manual);
        QCOMPARE(settings.proxyScheme(), u"socks5"_s);
        QCOMPARE(settings.proxyHost(), u"proxy.example"_s);
        QCOMPARE(settings.proxyPort(), 1080);
        QCOMPARE(settings.proxyUser(), u"me"_s);
        QCOMPARE(settings.proxyPassword(), u"p@ss:word"_s);
        QCOMPARE(settings.rateLimitBytesPerSec(), 2 * 1024 * 1024);
        QCOMPARE(settings.cookieSource(), CookieSource::Browser);
        QCOMPARE(settings.cookiesFile(), u"/home/me/cookies.txt"_s);
        QCOMPARE(settings.cookiesBrowser(), u"firefox:work"_s);
        QCOMPARE(settings.ytDlpPath(), u"/opt/yt-dlp"_s);
        QCOMPARE(settings.ffmpegPath(), u"/opt/ffmpeg"_s);
        QCOMPARE(settings.probeTimeoutSec(), 45);
        QCOMPARE(settings.stallTimeoutSec(), 0);
        QCOMPARE(settings.downloadTimeLimitMin(), 120);
        QCOMPARE(settings.language(), u"zh_CN"_s);
        QCOMPARE(settings.closeToTray(), false);
        QCOMPARE(settings.notifications(), false);
        QCOMPARE(settings.historyRetentionDays(), 30);
    }

    void numbersAreClampedWhenWritten_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<int>("written");
        QTest::addColumn<int>("read");

        QTest::newRow("no downloads at all means one") << u"maxConcurrent"_s << 0 << 1;
        QTest::newRow("fifty downloads at once means ten") << u"maxConcurrent"_s << 50 << 10;
        QTest::newRow("a probe timeout of one second means ten") << u"probeTimeoutSec"_s << 1 << 10;
        QTest::newRow("a probe timeout of an hour means ten minutes") << u"probeTimeoutSec"_s << 3600 << 600;
        QTest::newRow("the stall watchdog turned off stays off") << u"stallTimeoutSec"_s << 0 << 0;
        QTest::newRow("a stall timeout of five seconds means fifteen") << u"stallTimeoutSec"_s << 5 << 15;
        QTest::newRow("a negative stall timeout turns the watchdog off") << u"stallTimeoutSec"_s << -1 << 0;
        QTest::newRow("no time limit stays none") << u"downloadTimeLimitMin"_s << 0 << 0;
        QTest::newRow("a one-minute limit means five") << u"downloadTimeLimitMin"_s << 1 << 5;
        QTest::newRow("a week's limit means a day") << u"downloadTimeLimitMin"_s << 7 * 1440 << 1440;
        QTest::newRow("keeping history forever stays forever") << u"historyRetentionDays"_s << 0 << 0;
        QTest::newRow("keeping history a century means ten years")
            << u"historyRetentionDays"_s << 36500 << 3650;
        QTest::newRow("a port past 65535 is unset") << u"proxyPort"_s << 70000 << 0;
        QTest::newRow("a negative port is unset") << u"proxyPort"_s << -80 << 0;
    }

    void numbersAreClampedWhenWritten()
    {
        QFETCH(QString, setting);
        QFETCH(int, written);
        QFETCH(int, read);
        {
            AppSettings settings(m_file);
            if (setting == u"maxConcurrent")
                settings.setMaxConcurrent(written);
            else if (setting == u"probeTimeoutSec")
                settings.setProbeTimeoutSec(written);
            else if (setting == u"stallTimeoutSec")
                settings.setStallTimeoutSec(written);
            else if (setting == u"downloadTimeLimitMin")
                settings.setDownloadTimeLimitMin(written);
            else if (setting == u"historyRetentionDays")
                settings.setHistoryRetentionDays(written);
            else if (setting == u"proxyPort")
                settings.setProxyPort(written);
            settings.sync();
        }
        const AppSettings settings(m_file);
        const int value = setting == u"maxConcurrent"          ? settings.maxConcurrent()
                          : setting == u"probeTimeoutSec"      ? settings.probeTimeoutSec()
                          : setting == u"stallTimeoutSec"      ? settings.stallTimeoutSec()
                          : setting == u"downloadTimeLimitMin" ? settings.downloadTimeLimitMin()
                          : setting == u"historyRetentionDays" ? settings.historyRetentionDays()
                                                               : settings.proxyPort();
        QCOMPARE(value, read);
    }

    void handEditedValuesAreClampedOrIgnored()
    {
        const QString path = handEdited("[downloads]\n"
                                        "maxConcurrent=99\n"
                                        "outputTemplate=../../.ssh/%(title)s\n"
                                        "playlistSubfolder=perhaps\n"
                                        "[network]\n"
                                        "proxyMode=tor\n"
                                        "proxyScheme=gopher\n"
                                        "proxyPort=eighty\n"
                                        "rateLimitBytesPerSec=-500\n"
                                        "cookieSource=everywhere\n"
                                        "cookiesBrowser=netscape\n"
                                        "[tools]\n"
                                        "probeTimeoutSec=abc\n"
                                        "stallTimeoutSec=-3\n"
                                        "downloadTimeLimitMin=3.5\n"
                                        "[ui]\n"
                                        "language=klingon\n"
                                        "closeToTray=maybe\n"
                                        "notifications=0\n"
                                        "[history]\n"
                                        "retentionDays=99999999999999\n");
        const AppSettings settings(path);
        QCOMPARE(settings.maxConcurrent(), 10);
        QCOMPARE(settings.outputTemplate(), QString());
        QCOMPARE(settings.playlistSubfolder(), true);
        QCOMPARE(settings.proxyMode(), ProxyMode::System);
        QCOMPARE(settings.proxyScheme(), u"http"_s);
        QCOMPARE(settings.proxyPort(), 0);
        QCOMPARE(settings.rateLimitBytesPerSec(), 0);
        QCOMPARE(settings.cookieSource(), CookieSource::None);
        QCOMPARE(settings.cookiesBrowser(), QString());
        QCOMPARE(settings.probeTimeoutSec(), 120);
        QCOMPARE(settings.stallTimeoutSec(), 90);
        QCOMPARE(settings.downloadTimeLimitMin(), 30);
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.closeToTray(), true);
        QCOMPARE(settings.notifications(), false);
        QCOMPARE(settings.historyRetentionDays(), 3650);
    }

    void anInvalidOutputTemplateReadsBackAsTheDefault_data()
    {
        QTest::addColumn<QString>("outputTemplate");
        QTest::newRow("an absolute path") << u"/etc/%(title)s.%(ext)s"_s;
        QTest::newRow("a parent folder") << u"%(uploader)s/../../%(title)s.%(ext)s"_s;
        QTest::newRow("a Windows drive") << uR"(C:\Users\%(title)s.%(ext)s)"_s;
        QTest::newRow("only spaces") << u"   "_s;
    }

    void anInvalidOutputTemplateReadsBackAsTheDefault()
    {
        QFETCH(QString, outputTemplate);
        AppSettings settings(m_file);
        settings.setOutputTemplate(u"%(title)s.%(ext)s"_s);
        settings.setOutputTemplate(outputTemplate);
        QCOMPARE(settings.outputTemplate(), QString());
    }

    void theEngineGetsTimesInItsOwnUnits()
    {
        AppSettings settings(m_file);
        settings.setYtDlpPath(u"/opt/bin/yt-dlp"_s);
        settings.setFfmpegPath(u"/opt/bin/ffmpeg"_s);
        settings.setMaxConcurrent(4);
        settings.setProbeTimeoutSec(30);
        settings.setStallTimeoutSec(60);
        settings.setDownloadTimeLimitMin(45);
        EngineConfig config = settings.engineConfig();
        QCOMPARE(config.ytDlpPath, u"/opt/bin/yt-dlp"_s);
        QCOMPARE(config.ffmpegPath, u"/opt/bin/ffmpeg"_s);
        QCOMPARE(config.maxConcurrent, 4);
        QCOMPARE(config.probeTimeoutSec, 30);
        QCOMPARE(config.stallTimeoutSec, 60);
        QCOMPARE(config.softTimeLimitSec, 45 * 60);
        QCOMPARE(config.hardTimeLimitSec, 46 * 60);

        settings.setDownloadTimeLimitMin(0);
        config = settings.engineConfig();
        QCOMPARE(config.softTimeLimitSec, 0);
        QCOMPARE(config.hardTimeLimitSec, 0);
    }

    void theEngineGetsTheProxyOfTheChosenMode_data()
    {
        QTest::addColumn<ProxyMode>("mode");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("url");

        QTest::newRow("system: yt-dlp's default, no URL")
            << ProxyMode::System << QString() << QString() << QString();
        QTest::newRow("none: no URL (direct is an empty --proxy)")
            << ProxyMode::None << QString() << QString() << QString();
        QTest::newRow("manual without a login")
            << ProxyMode::Manual << QString() << QString() << u"socks5://127.0.0.1:1080"_s;
        QTest::newRow("manual with a login whose password holds URL characters")
            << ProxyMode::Manual << u"me@home"_s << u"p@ss:w/rd+1%"_s
            << u"socks5://me%40home:p%40ss%3Aw%2Frd%2B1%25@127.0.0.1:1080"_s;
    }

    void theEngineGetsTheProxyOfTheChosenMode()
    {
        QFETCH(ProxyMode, mode);
        QFETCH(QString, user);
        QFETCH(QString, password);
        AppSettings settings(m_file);
        settings.setProxyMode(mode);
        settings.setProxyScheme(u"socks5"_s);
        settings.setProxyHost(u"127.0.0.1"_s);
        settings.setProxyPort(1080);
        settings.setProxyUser(user);
        settings.setProxyPassword(password);
        const NetworkConfig network = settings.engineConfig().network;
        QCOMPARE(network.proxyMode, mode);
        QTEST(network.proxyUrl, "url");
    }

    void theEngineGetsOnlyTheChosenCookies()
    {
        AppSettings settings(m_file);
        settings.setCookiesFile(u"/home/me/cookies.txt"_s);
        settings.setCookiesBrowser(u"chrome"_s);
        settings.setRateLimitBytesPerSec(500 * 1024);

        settings.setCookieSource(CookieSource::None);
        NetworkConfig network = settings.engineConfig().network;
        QCOMPARE(network.cookieSource, CookieSource::None);
        QVERIFY(network.cookiesFile.isEmpty());
        QVERIFY(network.cookiesBrowser.isEmpty());
        QCOMPARE(network.rateLimitBytesPerSec, 500 * 1024);

        settings.setCookieSource(CookieSource::File);
        network = settings.engineConfig().network;
        QCOMPARE(network.cookiesFile, u"/home/me/cookies.txt"_s);
        QVERIFY(network.cookiesBrowser.isEmpty());

        settings.setCookieSource(CookieSource::Browser);
        network = settings.engineConfig().network;
        QVERIFY(network.cookiesFile.isEmpty());
        QCOMPARE(network.cookiesBrowser, u"chrome"_s);
        // … and yt-dlp is told exactly that.
        const QStringList arguments = probeArguments(u"https://example.org/v"_s, network);
        QCOMPARE(arguments.at(arguments.indexOf(u"--cookies-from-browser"_s) + 1), u"chrome"_s);
        QVERIFY(!arguments.contains(u"--cookies"_s));
    }

    void proxyUrlsAreBuiltSafely_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("url");

        QTest::newRow("plain http") << u"http"_s << u"proxy.lan"_s << 3128 << QString() << QString()
                                    << u"http://proxy.lan:3128"_s;
        QTest::newRow("a user without a password")
            << u"https"_s << u"proxy.lan"_s << 443 << u"me"_s << QString() << u"https://me@proxy.lan:443"_s;
        QTest::newRow("a password with every separator is encoded")
            << u"socks5"_s << u"10.0.0.1"_s << 1080 << u"user name"_s << u":@/?#[]+ %"_s
            << u"socks5://user%20name:%3A%40%2F%3F%23%5B%5D%2B%20%25@10.0.0.1:1080"_s;
        QTest::newRow("a Chinese password is UTF-8 percent-encoded")
            << u"http"_s << u"proxy.lan"_s << 8080 << u"me"_s << u"密码"_s
            << u"http://me:%E5%AF%86%E7%A0%81@proxy.lan:8080"_s;
        QTest::newRow("an IPv6 host gets brackets")
            << u"http"_s << u"::1"_s << 8080 << QString() << QString() << u"http://[::1]:8080"_s;
        QTest::newRow("no host: no URL")
            << u"http"_s << u" "_s << 8080 << QString() << QString() << QString();
        QTest::newRow("no port: no URL")
            << u"http"_s << u"proxy.lan"_s << 0 << QString() << QString() << QString();
    }

    void proxyUrlsAreBuiltSafely()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QTEST(proxyUrlFor(scheme, host, port, user, password), "url");
    }

    void cookieBrowsersAreYtDlpsList()
    {
        QCOMPARE(supportedCookieBrowsers(),
                 (QStringList{u"brave"_s, u"chrome"_s, u"chromium"_s, u"edge"_s, u"firefox"_s, u"opera"_s,
                              u"safari"_s, u"vivaldi"_s, u"whale"_s}));
        QVERIFY(isSupportedCookieBrowser(u"firefox"_s));
        QVERIFY(isSupportedCookieBrowser(u"firefox:default-release"_s));
        QVERIFY(isSupportedCookieBrowser(u"chrome+gnomekeyring:Profile 1"_s));
        QVERIFY(!isSupportedCookieBrowser(u"netscape"_s));
        QVERIFY(!isSupportedCookieBrowser(QString()));
        QVERIFY(!isSupportedCookieBrowser(u"--exec"_s));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
