// The Debian package and the tarball, as a user gets them: cpack builds them from this build tree, the .deb
// is unpacked into a throwaway root (never installed on the host), and the unpacked program runs from there
// against the system Qt, yt-dlp and ffmpeg and the loopback server.

#include "integrationfixture.h"
#include "testhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

const QString appId = QStringLiteral(GRAVITY_APP_ID);

// A tool's run, or a failure naming the tool when it is not installed.
AppRun runTool(const QString &tool, const QStringList &arguments, int timeoutMs = 60000)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        AppRun missing;
        missing.err = tool.toUtf8() + " is not installed (.ci/install-deps installs it)";
        return missing;
    }
    return runApp(program, arguments, QProcessEnvironment::systemEnvironment(), timeoutMs);
}

[[nodiscard]] QByteArray describe(const AppRun &run)
{
    return "exit " + QByteArray::number(run.exitCode) + "\n" + run.out + run.err;
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_work; // the packages, the unpacked root and the program's profile
    QString m_deb;
    QString m_tarball;

    [[nodiscard]] QString root() const { return m_work.filePath(u"root"_s); }
    [[nodiscard]] QString installed(const QString &relative) const { return root() + u'/' + relative; }

    // The unpacked program, with a profile of its own; the environment is otherwise the test's (the system
    // Qt: LD_LIBRARY_PATH untouched).
    [[nodiscard]] AppRun runInstalled(const QStringList &arguments,
                                      const QString &program = u"usr/bin/gravity-downloader"_s) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_work.filePath(u"profile/data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_work.filePath(u"profile/config"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_work.filePath(u"profile/cache"_s));
        // The window (offscreen, from the test's environment) quits once it has painted, under a name of its
        // own so it never hands over to a Gravity running on this machine.
        environment.insert(u"GRAVITY_REPORT_FIRST_PAINT"_s, u"exit"_s);
        environment.insert(u"GRAVITY_INSTANCE_NAME"_s,
                           u"tst_package-"_s + QString::number(QCoreApplication::applicationPid()));
        return runApp(installed(program), arguments, environment);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_work.isValid());

        // The same command a packager runs, with its staging and output in the throwaway folder.
        const QString packages = m_work.filePath(u"packages"_s);
        const AppRun cpack = runApp(
            QStringLiteral(GRAVITY_CPACK_COMMAND),
            {u"-G"_s, u"DEB;TGZ"_s, u"--config"_s, QStringLiteral(GRAVITY_CPACK_CONFIG), u"-B"_s, packages},
            QProcessEnvironment::systemEnvironment(), 180000);
        QVERIFY2(cpack.exitCode == 0, describe(cpack).constData());
        const QString stem = u"gravity-downloader"_s;
        const QStringList debs = QDir(packages).entryList({stem + u"_*.deb"_s}, QDir::Files);
        const QStringList tarballs = QDir(packages).entryList({stem + u"-*.tar.gz"_s}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        QCOMPARE(tarballs.size(), 1);
        m_deb = QDir(packages).filePath(debs.first());
        m_tarball = QDir(packages).filePath(tarballs.first());

        const AppRun unpack = runTool(u"dpkg-deb"_s, {u"-x"_s, m_deb, root()});
        QVERIFY2(unpack.exitCode == 0, describe(unpack).constData());
    }

    void theDebNamesTheProjectVersionAndWhatItNeeds()
    {
        const AppRun control =
            runTool(u"dpkg-deb"_s, {u"-f"_s, m_deb, u"Package"_s, u"Version"_s, u"Depends"_s});
        QVERIFY2(control.exitCode == 0, describe(control).constData());
        const QString fields = QString::fromUtf8(control.out);
        QVERIFY2(fields.contains(u"Package: gravity-downloader\n"_s), qPrintable(fields));
        QVERIFY2(fields.contains(u"Version: " GRAVITY_VERSION "\n"_s), qPrintable(fields));
        // Qt's runtime through dpkg-shlibdeps, the programs Gravity drives by name.
        for (const QString &dependency :
             {u"libqt6widgets6"_s, u"libqt6network6"_s, u"libqt6svg6"_s, u"yt-dlp"_s, u"ffmpeg"_s})
            QVERIFY2(fields.contains(dependency), qPrintable(dependency + u" missing from\n"_s + fields));
        QVERIFY2(QFileInfo(m_deb).fileName().startsWith(u"gravity-downloader_" GRAVITY_VERSION "_"_s),
                 qPrintable(m_deb));
    }

    void filesLandWhereTheDesktopLooksForThem_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("the program") << u"usr/bin/gravity-downloader"_s;
#if defined(GRAVITY_WINDOW_MODULE_INSTALLED)
        QTest::newRow("the window's module") << u"usr/"_s + QStringLiteral(GRAVITY_WINDOW_MODULE_INSTALLED);
#endif
        QTest::newRow("the menu entry") << u"usr/share/applications/"_s + appId + u".desktop"_s;
        QTest::newRow("the AppStream data") << u"usr/share/metainfo/"_s + appId + u".metainfo.xml"_s;
        QTest::newRow("the scalable icon") << u"usr/share/icons/hicolor/scalable/apps/"_s + appId + u".svg"_s;
    }

    void filesLandWhereTheDesktopLooksForThem()
    {
        QFETCH(QString, path);
        QVERIFY2(QFileInfo(installed(path)).isFile(), qPrintable(path));
    }

    void everyPngIconHasItsSize_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QTest::addRow("%dx%d", size, size) << size;
    }

    void everyPngIconHasItsSize()
    {
        QFETCH(int, size);
        const QString path =
            installed(u"usr/share/icons/hicolor/%1x%1/apps/"_s.arg(size) + appId + u".png"_s);
        const QImage icon(path);
        QVERIFY2(!icon.isNull(), qPrintable(path));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
        QCOMPARE(qAlpha(icon.pixel(0, 0)), 0);                 // the rounded corner is transparent
        QCOMPARE(qAlpha(icon.pixel(size / 2, size / 2)), 255); // the body is not
    }

    void theMenuEntryValidates()
    {
        const AppRun validate = runTool(u"desktop-file-validate"_s,
                                        {installed(u"usr/share/applications/"_s + appId + u".desktop"_s)});
        QVERIFY2(validate.exitCode == 0, describe(validate).constData());
        QVERIFY2(!validate.out.contains("error:") && !validate.out.contains("warning:"),
                 validate.out.constData());
    }

    void theMenuEntryPassesLinksButClaimsNoBrowserSchemes()
    {
        QFile entry(installed(u"usr/share/applications/"_s + appId + u".desktop"_s));
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QByteArray text = entry.readAll();
        QVERIFY(text.contains("\nExec=gravity-downloader %U\n"));
        QVERIFY(text.contains("\nIcon=" GRAVITY_APP_ID "\n"));
        QVERIFY(!text.contains("x-scheme-handler"));
    }

    void theMetainfoValidatesAndNamesThisRelease()
    {
        const QString path = installed(u"usr/share/metainfo/"_s + appId + u".metainfo.xml"_s);
        // --no-net: the screenshots' URLs are not fetched (tests never reach the internet).
        const AppRun validate = runTool(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, path});
        QVERIFY2(validate.exitCode == 0, describe(validate).constData());
        QFile metainfo(path);
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        const QByteArray text = metainfo.readAll();
        QVERIFY(text.contains("<release version=\"" GRAVITY_VERSION "\""));
        QVERIFY(text.contains("<launchable type=\"desktop-id\">" GRAVITY_APP_ID ".desktop</launchable>"));
        QVERIFY(!text.contains('@')); // every @VARIABLE@ configured
    }

    void theTarballHoldsTheSameFiles()
    {
        const AppRun list = runTool(u"tar"_s, {u"-tzf"_s, m_tarball});
        QVERIFY2(list.exitCode == 0, describe(list).constData());
        const QString top = QFileInfo(m_tarball).fileName().chopped(int(qstrlen(".tar.gz")));
        QStringList paths{u"/bin/gravity-downloader"_s, u"/share/applications/"_s + appId + u".desktop"_s,
                          u"/share/metainfo/"_s + appId + u".metainfo.xml"_s,
                          u"/share/icons/hicolor/256x256/apps/"_s + appId + u".png"_s};
#if defined(GRAVITY_WINDOW_MODULE_INSTALLED)
        paths << u"/"_s + QStringLiteral(GRAVITY_WINDOW_MODULE_INSTALLED);
#endif
        for (const QString &path : std::as_const(paths))
            QVERIFY2(list.out.contains((top + path).toUtf8()), qPrintable(top + path));
    }

    void theInstalledProgramPrintsTheProjectVersion()
    {
        const AppRun version = runInstalled({u"--version"_s});
        QVERIFY2(version.exitCode == 0, describe(version).constData());
        // The first line is Gravity's; the yt-dlp in use follows it.
        QCOMPARE(version.out.split('\n').first(), QByteArray("gravity-downloader " GRAVITY_VERSION));
        QVERIFY2(version.out.contains("\nyt-dlp "), version.out.constData());
    }

    void theInstalledProgramDownloadsHeadless()
    {
        const QString dir = m_fixture.scratch(u"installed"_s);
        const AppRun result =
            runInstalled({u"--headless"_s, u"--json"_s, u"-o"_s, dir, m_fixture.url(u"page.html"_s)});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        QCOMPARE(result.eventNames().last(), u"done"_s);
        const QString path = result.first(u"finished"_s).value(u"path"_s).toString();
        QVERIFY2(path.startsWith(dir) && QFileInfo(path).size() > 0, qPrintable(path));
    }

    // The window lives in a module the program finds relative to itself: the installed layout must hold.
    void theInstalledProgramOpensItsWindow()
    {
        const AppRun window = runInstalled({});
        QVERIFY2(window.exitCode == 0, describe(window).constData());
        QVERIFY2(window.out.startsWith("first-paint-ms "), describe(window).constData());
    }

    // An installation that lost the window's module (a partial copy, a packager's mistake) says so, in the
    // user's words, and ends; --headless does not need the module and still runs.
    void withoutItsWindowTheProgramSaysSoAndHeadlessStillWorks()
    {
#if !defined(GRAVITY_WINDOW_MODULE_INSTALLED)
        QSKIP("This build links the window into the program (GRAVITY_WINDOW_MODULE is off).");
#else
        const QString lonely = u"lonely/bin/gravity-downloader"_s;
        QVERIFY(QDir().mkpath(installed(u"lonely/bin"_s)));
        QVERIFY(QFile::copy(installed(u"usr/bin/gravity-downloader"_s), installed(lonely)));

        const AppRun window = runInstalled({m_fixture.url(u"page.html"_s)}, lonely);
        QCOMPARE(window.exitCode, 5); // ExitWindowUnavailable, as --help and the README document it
        QVERIFY2(window.err.contains("Gravity cannot open its window: gravity-window.so is missing"),
                 describe(window).constData());
        QVERIFY2(window.out.isEmpty(), describe(window).constData());

        const QString dir = m_fixture.scratch(u"lonely"_s);
        const AppRun headless =
            runInstalled({u"--headless"_s, u"-o"_s, dir, m_fixture.url(u"page.html"_s)}, lonely);
        QVERIFY2(headless.exitCode == 0, describe(headless).constData());
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 1);

        // A module that is there but cannot be loaded (a truncated copy) is named with the loader's reason.
        const QString broken = u"lonely/"_s + QStringLiteral(GRAVITY_WINDOW_MODULE_INSTALLED);
        QVERIFY(QDir().mkpath(QFileInfo(installed(broken)).path()));
        QFile truncated(installed(broken));
        QVERIFY(truncated.open(QIODevice::WriteOnly) && truncated.write("\x7f"
                                                                        "ELF") == 4);
        truncated.close();
        const AppRun brokenWindow = runInstalled({}, lonely);
        QCOMPARE(brokenWindow.exitCode, 5);
        QVERIFY2(brokenWindow.err.contains("Gravity cannot open its window") &&
                     brokenWindow.err.contains(QByteArray(QFileInfo(broken).fileName().toUtf8() + ": ")),
                 describe(brokenWindow).constData());
#endif
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
