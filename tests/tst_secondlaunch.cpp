// The real app, twice: a second `gravity-downloader URL` hands the link to the window that is already open
// and exits at once; the first one parses it. No tray here (offscreen), so the window is where it shows.
// And the real app SIGKILLed mid-download: its next start continues the download.

#include "integrationfixture.h"
#include "singleinstance.h"
#include "testhelpers.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace GravityTest;
using namespace Qt::StringLiterals;

class TestSecondLaunch : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile;

    static QString instanceName()
    {
        return u"gravity-test-second-launch-%1"_s.arg(QCoreApplication::applicationPid());
    }

    // The user's own Gravity (if any) and its data are never touched: own folders, own instance name.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_profile.filePath(u"home"_s)); // downloads go to its Downloads
        environment.insert(u"XDG_DATA_HOME"_s, m_profile.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_profile.filePath(u"config"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_profile.filePath(u"cache"_s));
        environment.insert(u"GRAVITY_INSTANCE_NAME"_s, instanceName());
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return environment;
    }

    // The files below the profile whose names end in `suffix`.
    QFileInfoList filesEndingIn(const QString &suffix) const
    {
        QFileInfoList found;
        QDirIterator it(m_profile.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo file(it.next());
            if (file.fileName().endsWith(suffix))
                found << file;
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void aSecondLaunchHandsItsLinkToTheRunningWindow()
    {
        QProcess first;
        first.setProcessEnvironment(environment());
        first.start(QStringLiteral(GRAVITY_APP_PATH), {});
        QVERIFY(first.waitForStarted());
        // Until the first window listens, a second launch would take the name and the first would hand over
        // to it and exit (as it should). So wait from here, where nothing listens: with a slow start (ASan)
        // a launch used as the probe could win, and QTRY, which counts tries and not time, would loop on.
        Gravity::SingleInstance probe(instanceName());
        QTRY_VERIFY_WITH_TIMEOUT(probe.forward({}, 1000), 20000);
        QCOMPARE(first.state(), QProcess::Running);

        const int before = m_fixture.server().requestCount(u"page.html"_s);
        const AppRun second =
            runApp(QStringLiteral(GRAVITY_APP_PATH), {m_fixture.url(u"page.html"_s)}, environment(), 20000);
        QCOMPARE(second.exitCode, 0);
        // The first window reads the page the second launch was given.
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.server().requestCount(u"page.html"_s) > before, 30000);

        // A forwarded message is untrusted: an option in disguise is refused, the window carries on.
        const AppRun hostile = runApp(QStringLiteral(GRAVITY_APP_PATH),
                                      {u"--"_s, u"--exec=touch /tmp/pwned"_s}, environment(), 20000);
        QCOMPARE(hostile.exitCode, 0);
        QCOMPARE(first.state(), QProcess::Running);

        ::kill(pid_t(first.processId()), SIGTERM);
        QVERIFY(first.waitForFinished(15000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QVERIFY(waitNoProcessesMatching(m_fixture.server().baseUrl(), 10000));
    }

    // The window is killed (SIGKILL: no chance to save anything) while a download runs. yt-dlp goes with it;
    // the next start restores the download from the queue journal and continues the partial file to the
    // whole.
    void theRealAppKilledMidDownloadContinuesAtItsNextStart()
    {
        const QString links = m_profile.filePath(u"links.txt"_s);
        QFile list(links);
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write(m_fixture.url(u"slow.html"_s).toUtf8() + '\n');
        list.close();
        m_fixture.server().setThrottle(300 * 1024);

        // Without --headless, --batch-file imports the links into the window, which downloads them.
        QProcess first;
        first.setProcessEnvironment(environment());
        first.start(QStringLiteral(GRAVITY_APP_PATH), {u"--batch-file"_s, links});
        QVERIFY(first.waitForStarted());
        const auto partialBytes = [this] {
            qint64 bytes = 0;
            for (const QFileInfo &part : filesEndingIn(u".part"_s))
                bytes += part.size();
            return bytes;
        };
        QTRY_VERIFY_WITH_TIMEOUT(partialBytes() > 600 * 1024, 60000);
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(5000));
        QVERIFY2(waitNoProcessesMatching(m_fixture.server().baseUrl(), 10000), "yt-dlp outlived the window");
        const qint64 partial = partialBytes();
        const QString source = m_fixture.mediaDir() + u"/slow.mp4"_s;
        QVERIFY2(partial > 0 && partial < QFileInfo(source).size(), "nothing left to continue");

        m_fixture.server().setThrottle(0);
        QProcess second;
        second.setProcessEnvironment(environment());
        second.start(QStringLiteral(GRAVITY_APP_PATH), {});
        QVERIFY(second.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(filesEndingIn(u".mp4"_s).size() == 1 && partialBytes() == 0, 60000);
        const QFileInfo done = filesEndingIn(u".mp4"_s).constFirst();
        QCOMPARE(fileHash(done.filePath()), fileHash(source));
        // Continued, not started over: the last request for the video began where the partial file ended.
        const QList<qint64> starts = m_fixture.server().rangeStarts(u"slow.mp4"_s);
        QVERIFY(!starts.isEmpty());
        QCOMPARE(starts.constLast(), partial);

        ::kill(pid_t(second.processId()), SIGTERM);
        QVERIFY(second.waitForFinished(15000));
        QVERIFY(waitNoProcessesMatching(m_fixture.server().baseUrl(), 10000));
    }
};

QTEST_GUILESS_MAIN(TestSecondLaunch)
#include "tst_secondlaunch.moc"
