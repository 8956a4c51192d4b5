// yt-dlp management: how old the version in use is, whether Gravity may update it, and the update itself.
// No test ever runs an update on the system's yt-dlp; the real one is only updated as a copy in a temporary
// "own" folder, through a proxy on a closed loopback port, so it fails offline the way it fails for users.

#include "testhelpers.h"
#include "toollocator.h"
#include "ytdlpinstall.h"
#include "ytdlpupdater.h"
#include "ytdlpversion.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

class TestYtDlpManagement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A loopback port nothing listens on: whatever yt-dlp fetches through it fails at once, offline.
    static NetworkConfig closedProxy()
    {
        NetworkConfig network;
        network.proxyMode = ProxyMode::Manual;
        network.proxyUrl = u"http://127.0.0.1:9"_s;
        return network;
    }

    static YtDlpUpdateResult runUpdate(YtDlpUpdater &updater, const QString &path, const QString &version)
    {
        QSignalSpy finished(&updater, &YtDlpUpdater::finished);
        updater.start(path, version, YtDlpUpdater::Channel::Stable, closedProxy());
        if (!finished.wait(120000) || finished.size() != 1)
            return {false, u"no single finished()"_s, {}};
        return finished.first().first().value<YtDlpUpdateResult>();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void theAgeOfAVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<qint64>("days");
        QTest::addColumn<bool>("outdated");
        QTest::addColumn<QString>("text");
        QTest::newRow("the local yt-dlp on a day in 2026 is 3 years old")
            << u"2023.03.04"_s << QDate(2026, 11, 24) << qint64(1361) << true
            << u"yt-dlp 2023.03.04 is 3 years old; sites change often and old versions stop working. Update "
               "it."_s;
        QTest::newRow("a month-old release is fine")
            << u"2024.11.18"_s << QDate(2024, 12, 18) << qint64(30) << false << QString();
        QTest::newRow("exactly 90 days is still fine")
            << u"2024.01.01"_s << QDate(2024, 3, 31) << qint64(90) << false << QString();
        QTest::newRow("91 days is out of date, said in months")
            << u"2024.01.01"_s << QDate(2024, 4, 1) << qint64(91) << true
            << u"yt-dlp 2024.01.01 is 3 months old; sites change often and old versions stop working. Update "
               "it."_s;
        QTest::newRow("a nightly's time of day does not matter")
            << u"2024.12.06.232811"_s << QDate(2024, 12, 7) << qint64(1) << false << QString();
        QTest::newRow("a clock set before the release makes nothing old")
            << u"2025.06.01"_s << QDate(2020, 1, 1) << qint64(0) << false << QString();
    }

    void theAgeOfAVersion()
    {
        QFETCH(QString, version);
        QFETCH(QDate, today);
        const std::optional<YtDlpAge> age = ytDlpAge(version, today);
        QVERIFY(age);
        QTEST(age->days, "days");
        QTEST(age->isOutdated(), "outdated");
        QFETCH(QString, text);
        // The English plural ("3 years") comes from translations/gravity_en.ts, which is regenerated after a
        // merge; until then Qt shows the source form "3 year(s)". Either is the same sentence.
        const QString said = ytDlpOutdatedText(version, today);
        if (text.isEmpty())
            QVERIFY2(said.isEmpty(), qPrintable(said));
        else
            QCOMPARE(QString(said).replace(u"(s)"_s, u"s"_s), text);
    }

    void aVersionThatIsNotADateHasNoAge_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("a fork's semantic version") << u"1.2.3"_s;
        QTest::newRow("a git describe") << u"abc123-dirty"_s;
        QTest::newRow("an impossible date") << u"2023.02.30"_s;
        QTest::newRow("nothing") << QString();
    }

    void aVersionThatIsNotADateHasNoAge()
    {
        QFETCH(QString, version);
        QVERIFY(!ytDlpAge(version, QDate(2026, 1, 1)));
        QVERIFY(ytDlpOutdatedText(version, QDate(2026, 1, 1)).isEmpty());
    }

    void theDebianYtDlpIsReportedAsPackaged()
    {
        const QString system = u"/usr/bin/yt-dlp"_s;
        if (!QFile::exists(system))
            QSKIP("no /usr/bin/yt-dlp on this machine");
        // Even when someone lists /usr/bin as Gravity's folder, the package manager owns what is there.
        QCOMPARE(classifyYtDlpInstall(system, {u"/usr/bin"_s}), YtDlpInstall::Packaged);
        QCOMPARE(classifyYtDlpInstall(system, ownYtDlpFolders()), YtDlpInstall::Packaged);
        QVERIFY(ytDlpInstallText(YtDlpInstall::Packaged).contains(u"package manager"_s));
    }

    void theSystemYtDlpIsNeverRunWithUpdate()
    {
        const QString system = ToolLocator::locate(Tool::YtDlp, u"/usr/bin/yt-dlp"_s);
        if (system.isEmpty())
            QSKIP("no /usr/bin/yt-dlp on this machine");
        YtDlpUpdater updater;
        updater.setOwnFolders({u"/usr/bin"_s});
        QSignalSpy finished(&updater, &YtDlpUpdater::finished);
        updater.start(system, u"2023.03.04"_s, YtDlpUpdater::Channel::Nightly, closedProxy());
        QVERIFY(!updater.isRunning()); // refused before any process
        QVERIFY(finished.wait(5000));
        const auto result = finished.first().first().value<YtDlpUpdateResult>();
        QVERIFY(!result.ok);
        QCOMPARE(result.message, ytDlpInstallText(YtDlpInstall::Packaged));
        QVERIFY(GravityTest::processesMatching(u"--update-to"_s).isEmpty());
    }

    void aCopyInGravitysOwnFolderIsOfferedTheUpdate()
    {
        const QString own = m_dir.filePath(u"own"_s);
        QVERIFY(QDir().mkpath(own));
        const QString copy = GravityTest::writeScript(own, u"yt-dlp"_s, "echo 2024.01.01\n");
        QCOMPARE(classifyYtDlpInstall(copy, {own}), YtDlpInstall::Own);
        QVERIFY(ytDlpInstallText(YtDlpInstall::Own).isEmpty());
        // The same file seen from elsewhere is the user's own copy, not Gravity's.
        QCOMPARE(classifyYtDlpInstall(copy, {m_dir.filePath(u"other"_s)}), YtDlpInstall::Elsewhere);
        QCOMPARE(classifyYtDlpInstall(m_dir.filePath(u"own/gone"_s), {own}), YtDlpInstall::Missing);
    }

    void aCopyThatCannotBeReplacedIsNotOffered()
    {
        const QString own = m_dir.filePath(u"readonly"_s);
        QVERIFY(QDir().mkpath(own));
        const QString copy = GravityTest::writeScript(own, u"yt-dlp"_s, "echo 2024.01.01\n");
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::ExeOwner));
        if (QFileInfo(copy).isWritable())
            QSKIP("running as root: every file is writable");
        QCOMPARE(classifyYtDlpInstall(copy, {own}), YtDlpInstall::NotWritable);
    }

    void onlyOptionsTheBinaryKnowsArePassed_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("channel");
        QTest::addColumn<QStringList>("tail");
        QTest::newRow("2023.03.04 switches to nightly")
            << u"2023.03.04"_s << int(YtDlpUpdater::Channel::Nightly)
            << QStringList{u"--update-to"_s, u"nightly"_s};
        QTest::newRow("2023.03.04 stays on stable") << u"2023.03.04"_s << int(YtDlpUpdater::Channel::Stable)
                                                    << QStringList{u"--update-to"_s, u"stable"_s};
        QTest::newRow("an older one only knows -U")
            << u"2022.11.11"_s << int(YtDlpUpdater::Channel::Nightly) << QStringList{u"-U"_s};
    }

    void onlyOptionsTheBinaryKnowsArePassed()
    {
        QFETCH(QString, version);
        QFETCH(int, channel);
        QFETCH(QStringList, tail);
        const QStringList arguments =
            YtDlpUpdater::updateArguments(YtDlpUpdater::Channel(channel), version, closedProxy());
        QCOMPARE(arguments.mid(arguments.size() - tail.size()), tail);
        QVERIFY(arguments.contains(u"--ignore-config"_s));
        QCOMPARE(arguments.mid(1, 2), (QStringList{u"--proxy"_s, u"http://127.0.0.1:9"_s}));
    }

    void theRealYtDlpFailsOfflineWithAClearMessage()
    {
        const QString system = ToolLocator::locate(Tool::YtDlp, u"/usr/bin/yt-dlp"_s);
        if (system.isEmpty())
            QSKIP("no /usr/bin/yt-dlp on this machine");
        const QString own = m_dir.filePath(u"real"_s);
        QVERIFY(QDir().mkpath(own));
        const QString copy = own + u"/yt-dlp"_s;
        QVERIFY(QFile::copy(system, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        YtDlpUpdater updater;
        updater.setOwnFolders({own});
        const YtDlpUpdateResult result = runUpdate(updater, copy, *ToolLocator::ytDlpVersion(system));
        QVERIFY(!result.ok);
        QCOMPARE(result.message, u"The update failed: yt-dlp could not reach its download site. Check your "
                                 "internet connection or proxy and try again."_s);
        QVERIFY2(result.detail.contains(u"Unable to obtain version info"_s), qPrintable(result.detail));
    }

    void aSuccessfulUpdateSaysTheNewVersion()
    {
        // The real updater cannot succeed offline: a stand-in prints what yt-dlp 2023.03.04 prints when
        // it does, and checks it was asked the way the real one would be.
        const QString own = m_dir.filePath(u"standin"_s);
        QVERIFY(QDir().mkpath(own));
        const QString standIn = GravityTest::writeScript(
            own, u"yt-dlp"_s,
            "[ \"$1\" = --ignore-config ] || exit 2\n"
            "for a in \"$@\"; do [ \"$a\" = --update-to ] && found=1; done\n"
            "[ -n \"$found\" ] || exit 3\n"
            "echo 'Available version: stable@2024.12.13, Current version: stable@2023.03.04'\n"
            "echo 'Current Build Hash: 0123456789abcdef'\n"
            "echo 'Updating to stable@2024.12.13 ...'\n"
            "echo 'Updated yt-dlp to stable@2024.12.13'\n");
        YtDlpUpdater updater;
        updater.setOwnFolders({own});
        const YtDlpUpdateResult result = runUpdate(updater, standIn, u"2023.03.04"_s);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.message, u"yt-dlp was updated to stable@2024.12.13."_s);
    }

    void anUpdateCanBeCancelledAndLeavesNothingRunning()
    {
        const QString own = m_dir.filePath(u"hang"_s);
        QVERIFY(QDir().mkpath(own));
        const QString standIn = GravityTest::writeScript(
            own, u"yt-dlp"_s, "echo 'Updating to stable@2024.12.13 ...'\nsleep 600\n");
        YtDlpUpdater updater;
        updater.setOwnFolders({own});
        QSignalSpy finished(&updater, &YtDlpUpdater::finished);
        updater.start(standIn, u"2023.03.04"_s, YtDlpUpdater::Channel::Stable, closedProxy());
        QTRY_VERIFY(!GravityTest::processesMatching(standIn).isEmpty());
        updater.cancel();
        QVERIFY(finished.wait(20000));
        const auto result = finished.first().first().value<YtDlpUpdateResult>();
        QVERIFY(!result.ok);
        QCOMPARE(result.message, u"The update was cancelled; yt-dlp was left as it was."_s);
        QVERIFY(GravityTest::waitNoProcessesMatching(standIn));
    }

    void closingWhileAnUpdateRunsLeavesNothingRunning()
    {
        const QString own = m_dir.filePath(u"closing"_s);
        QVERIFY(QDir().mkpath(own));
        const QString standIn = GravityTest::writeScript(own, u"yt-dlp"_s, "sleep 600\n");
        {
            YtDlpUpdater updater;
            updater.setOwnFolders({own});
            updater.start(standIn, u"2023.03.04"_s, YtDlpUpdater::Channel::Nightly, closedProxy());
            QTRY_VERIFY(!GravityTest::processesMatching(standIn).isEmpty());
        } // the Settings dialog closed, or Gravity quit
        QVERIFY(GravityTest::waitNoProcessesMatching(standIn));
    }
};

QTEST_GUILESS_MAIN(TestYtDlpManagement)
#include "tst_ytdlpmanagement.moc"
