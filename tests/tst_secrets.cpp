// A proxy password stays a secret: not in error details, --json, stderr or the history; and the real yt-dlp
// takes every network option Gravity gives it.

#include "downloadqueue.h"
#include "integrationfixture.h"
#include "prober.h"
#include "secrets.h"
#include "testhelpers.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::NetworkConfig)

namespace {

const QByteArray Planted = "PLANTED-SECRET";

NetworkConfig manualProxy(const QString &url)
{
    NetworkConfig network;
    network.proxyMode = ProxyMode::Manual;
    network.proxyUrl = url;
    return network;
}

// A port on 127.0.0.1 that nothing listens on: bound, then released.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 9;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Files under dir whose bytes contain the needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}

} // namespace

class TestSecrets final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    // gravity-downloader with a profile of its own (settings, history, caches) under `home`, and no proxy
    // from the environment, so only what the arguments say is used.
    static AppRun runApp(const QStringList &arguments, const QString &home)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, home);
        environment.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
        environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
        environment.insert(u"XDG_CACHE_HOME"_s, home + u"/cache"_s);
        for (const QString &name : {u"http_proxy"_s, u"https_proxy"_s, u"all_proxy"_s, u"no_proxy"_s,
                                    u"HTTP_PROXY"_s, u"HTTPS_PROXY"_s, u"ALL_PROXY"_s, u"NO_PROXY"_s})
            environment.remove(name);
        return GravityTest::runApp(QStringLiteral(GRAVITY_APP_PATH), arguments, environment);
    }

    // yt-dlp's own -J of a page, saved as a user would, for --load-info-json.
    QString savedInfo(const QString &dir)
    {
        const QByteArray saved = ytDlpInfoJson(m_fixture.url(u"page.html"_s));
        if (saved.isEmpty())
            return {};
        const QString path = QDir(dir).filePath(u"saved.info.json"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(saved);
        return path;
    }

    void verifyNoLeak(const AppRun &run, const QString &home)
    {
        QVERIFY2(!run.out.contains(Planted), run.out.constData());
        QVERIFY2(!run.err.contains(Planted), run.err.constData());
        const QStringList leaking = filesContaining(home, Planted);
        QVERIFY2(leaking.isEmpty(), qPrintable(leaking.join(u", "_s)));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void init() { m_fixture.reset(); }

    void everyFormOfThePasswordIsRedacted_data()
    {
        QTest::addColumn<NetworkConfig>("network");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("redacted");

        const NetworkConfig planted = manualProxy(u"http://user:PLANTED-SECRET@127.0.0.1:9"_s);
        QTest::newRow("yt-dlp's verbose proxy map")
            << planted << u"[debug] Proxy map: {'http': 'http://user:PLANTED-SECRET@127.0.0.1:9'}"_s
            << u"[debug] Proxy map: {'http': 'http://***@127.0.0.1:9'}"_s;
        QTest::newRow("the password on its own")
            << planted << u"ERROR: authentication PLANTED-SECRET refused"_s
            << u"ERROR: authentication *** refused"_s;
        QTest::newRow("the user name alone is not a secret")
            << planted << u"ERROR: user is not allowed"_s << u"ERROR: user is not allowed"_s;

        const NetworkConfig encoded = manualProxy(u"socks5://me:p%40ss%20w%2Brd@10.0.0.1:1080"_s);
        QTest::newRow("a percent-encoded password, as written in the URL")
            << encoded << u"proxy socks5://me:p%40ss%20w%2Brd@10.0.0.1:1080 failed"_s
            << u"proxy socks5://***@10.0.0.1:1080 failed"_s;
        QTest::newRow("the same password decoded")
            << encoded << u"password p@ss w+rd rejected"_s << u"password *** rejected"_s;
        QTest::newRow("the encoding in lower case") << encoded << u"auth p%40ss%20w%2brd"_s << u"auth ***"_s;

        QTest::newRow("credentials in any URL, whatever the settings")
            << NetworkConfig{} << u"ERROR: Unable to download http://bob:hunter2@example.org/v.mp4"_s
            << u"ERROR: Unable to download http://***@example.org/v.mp4"_s;
        QTest::newRow("a short password is only redacted inside a URL")
            << manualProxy(u"http://me:ab@proxy.lan:3128"_s) << u"a tab at http://me:ab@proxy.lan:3128"_s
            << u"a tab at http://***@proxy.lan:3128"_s;
        QTest::newRow("a message without secrets is untouched")
            << planted << u"ERROR: [generic] Unable to download webpage: HTTP Error 404: Not Found"_s
            << u"ERROR: [generic] Unable to download webpage: HTTP Error 404: Not Found"_s;
        QTest::newRow("a manual proxy without credentials hides nothing")
            << manualProxy(u"http://127.0.0.1:3128"_s) << u"via http://127.0.0.1:3128"_s
            << u"via http://127.0.0.1:3128"_s;
    }

    void everyFormOfThePasswordIsRedacted()
    {
        QFETCH(NetworkConfig, network);
        QFETCH(QString, text);
        QTEST(redactSecrets(text, network), "redacted");
    }

    void aProxyThatCannotBeReachedFailsClearlyAndKeepsItsPassword()
    {
        const QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString proxy =
            u"http://user:%1@127.0.0.1:%2"_s.arg(QString::fromLatin1(Planted)).arg(closedPort());
        const int before = m_fixture.server().requestCount(u"page.html"_s);
        const AppRun run = runApp({u"--headless"_s, u"--json"_s, u"--proxy"_s, proxy, u"-o"_s,
                                   home.filePath(u"dl"_s), m_fixture.url(u"page.html"_s)},
                                  home.path());
        verifyNoLeak(run, home.path());
        // Everything went to the proxy: the page was never fetched directly.
        QCOMPARE(m_fixture.server().requestCount(u"page.html"_s), before);
        QCOMPARE(run.exitCode, 4);
        const QJsonObject failed = run.first(u"failed"_s);
        QCOMPARE(failed.value(u"stage"_s).toString(), u"parse"_s);
        QCOMPARE(failed.value(u"error"_s).toString(), u"network"_s);
        QVERIFY(!failed.value(u"message"_s).toString().isEmpty());
        QVERIFY(failed.value(u"detail"_s).toString().contains(u"refused"_s));
    }

    void aDownloadThroughAnUnreachableProxyKeepsThePasswordOutOfTheHistory()
    {
        const QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString info = savedInfo(home.path());
        QVERIFY(!info.isEmpty());
        const QString proxy =
            u"socks5://user:%1@127.0.0.1:%2"_s.arg(QString::fromLatin1(Planted)).arg(closedPort());
        const AppRun run = runApp({u"--headless"_s, u"--json"_s, u"--proxy"_s, proxy, u"-o"_s,
                                   home.filePath(u"dl"_s), u"--load-info-json"_s, info},
                                  home.path());
        verifyNoLeak(run, home.path());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.first(u"failed"_s).value(u"stage"_s).toString(), u"download"_s);
    }

    void whatYtDlpEchoesIsRedactedBeforeAnyoneSeesIt_data()
    {
        QTest::addColumn<bool>("fromInfo");
        QTest::newRow("a failed parse") << false;
        QTest::newRow("a failed download, recorded in the history") << true;
    }

    void whatYtDlpEchoesIsRedactedBeforeAnyoneSeesIt()
    {
        // A stand-in for yt-dlp that repeats its whole command line in its ERROR line, as a verbose or buggy
        // release might.
        QFETCH(bool, fromInfo);
        const QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString echo = writeScript(home.path(), u"yt-dlp"_s,
                                         "#!/bin/sh\n"
                                         "[ \"$1\" = --ignore-config ] && [ \"$2\" = --version ] && exit 1\n"
                                         "echo \"ERROR: could not use the proxy: $*\" >&2\n"
                                         "exit 1\n");
        QVERIFY(!echo.isEmpty());
        const QString proxy = u"http://user:%1@127.0.0.1:9"_s.arg(QString::fromLatin1(Planted));
        QStringList arguments{u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, echo,
                              u"--proxy"_s,    proxy,       u"-o"_s,       home.filePath(u"dl"_s)};
        if (fromInfo) {
            const QString info = savedInfo(home.path());
            QVERIFY(!info.isEmpty());
            arguments << u"--load-info-json"_s << info;
        } else {
            arguments << m_fixture.url(u"page.html"_s);
        }
        const AppRun run = runApp(arguments, home.path());
        verifyNoLeak(run, home.path());
        const QString detail = run.first(u"failed"_s).value(u"detail"_s).toString();
        QVERIFY2(detail.contains(u"--proxy http://***@127.0.0.1:9"_s), qPrintable(detail));
    }

    void theRealYtDlpTakesEveryNetworkOption()
    {
        const QString dir = m_fixture.scratch(u"network"_s);
        const QString cookies = QDir(dir).filePath(u"cookies.txt"_s);
        QFile cookieFile(cookies);
        QVERIFY(cookieFile.open(QIODevice::WriteOnly));
        cookieFile.write("# Netscape HTTP Cookie File\n");
        cookieFile.close();

        EngineConfig config = m_fixture.config();
        config.network.proxyMode = ProxyMode::None;
        config.network.rateLimitBytesPerSec = 8 * 1024 * 1024;
        config.network.cookieSource = CookieSource::File;
        config.network.cookiesFile = cookies;
        config.network.retries = 2;
        config.network.concurrentFragments = 3;

        const QString url = m_fixture.url(u"hls/master.m3u8"_s);
        Prober prober(config);
        QSignalSpy probed(&prober, &Prober::finished);
        prober.start(url);
        QVERIFY(probed.wait(60000));
        const ProbeResult probe = probed.at(0).at(0).value<ProbeResult>();
        QVERIFY2(probe.info, qPrintable(probe.error.detail));

        DownloadRequest request;
        request.url = url;
        request.options.quality = QualityPreset::P360;
        request.options.outputDir = dir;
        DownloadQueue queue(config);
        QSignalSpy finished(&queue, &DownloadQueue::taskFinished);
        const quint64 id = queue.enqueue(request);
        QVERIFY(!finished.isEmpty() || finished.wait(120000));
        const DownloadProgress &progress = queue.task(id)->progress();
        QVERIFY2(progress.state == DownloadState::Completed, qPrintable(progress.error.detail));
        QVERIFY(QFileInfo::exists(progress.filePath));
    }

    // Cookies are the user's login: Gravity hands yt-dlp the path of the file and keeps nothing of it in its
    // own data, settings or caches (the history, the queue journal and saved page info included).
    void aCookiesFileIsPassedAndNeverStored()
    {
        const QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dir = m_fixture.scratch(u"cookies"_s);
        const QString cookies = writeCookieFile(QDir(dir).filePath(u"cookies.txt"_s), Planted);
        QVERIFY(!cookies.isEmpty());
        const QString log = QDir(dir).filePath(u"arguments.log"_s);
        const QString wrapper =
            writeScript(dir, u"yt-dlp"_s,
                        "printf '%s\\n' \"$@\" >> '" + log.toUtf8() + "'\nexec /usr/bin/yt-dlp \"$@\"\n");
        const AppRun run = runApp({u"--headless"_s, u"--json"_s, u"--yt-dlp"_s, wrapper, u"--cookies"_s,
                                   cookies, u"-o"_s, home.filePath(u"dl"_s), m_fixture.url(u"page.html"_s)},
                                  home.path());
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        QFile arguments(log);
        QVERIFY(arguments.open(QIODevice::ReadOnly));
        const QList<QByteArray> given = arguments.readAll().split('\n');
        const qsizetype at = given.indexOf("--cookies");
        QVERIFY2(at >= 0 && given.value(at + 1) == QFile::encodeName(cookies), given.join(' ').constData());
        verifyNoLeak(run, home.path());
        QVERIFY(QFile::exists(cookies));
    }

    void aRateLimitFromTheCommandLineSlowsTheDownloadDown()
    {
        // clip.mp4 is about 120 KB: at 40 KiB/s it cannot take less than about three seconds.
        const QTemporaryDir home;
        QVERIFY(home.isValid());
        QElapsedTimer timer;
        timer.start();
        const AppRun run = runApp({u"--headless"_s, u"--json"_s, u"--limit-rate"_s, u"40K"_s, u"--proxy"_s,
                                   QString(), u"-o"_s, home.filePath(u"dl"_s), m_fixture.url(u"clip.mp4"_s)},
                                  home.path());
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        QVERIFY(QFileInfo::exists(run.first(u"finished"_s).value(u"path"_s).toString()));
        QVERIFY2(timer.elapsed() >= 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
