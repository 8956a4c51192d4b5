// The real app, twice: a second `gravity-downloader URL` hands the link to the window that is already open
// and exits at once; the first one parses it. No tray here (offscreen), so the window is where it shows.

#include "integrationfixture.h"
#include "singleinstance.h"
#include "testhelpers.h"

#include <QCoreApplication>
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
        environment.insert(u"XDG_DATA_HOME"_s, m_profile.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_profile.filePath(u"config"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_profile.filePath(u"cache"_s));
        environment.insert(u"GRAVITY_INSTANCE_NAME"_s, instanceName());
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return environment;
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
};

QTEST_GUILESS_MAIN(TestSecondLaunch)
#include "tst_secondlaunch.moc"
