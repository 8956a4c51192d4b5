// The tray as a user meets it, on a real X server (Xvfb) with a real tray host (Debian's trayer), over
// downloads from the loopback server: the icon sits in the tray, the tooltip and menu follow two downloads,
// Pause all stops every byte and Resume all finishes them, and one notification tells about them.
//
// ctest runs this under `xvfb-run` with QT_QPA_PLATFORM=xcb and starts trayer itself. Without an X display
// or without trayer the tray checks skip and say why. GRAVITY_TRAY_SHOTS=DIR also saves screenshots of the
// menu, the tooltip and a notification there.

#include "appsettings.h"
#include "downloadqueue.h"
#include "integrationfixture.h"
#include "mainwindow.h"
#include "notificationbatcher.h"
#include "testhelpers.h"
#include "theme.h"
#include "translations.h"
#include "traymonitor.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <memory>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

// Receives the file: URLs the tray asks the desktop to open, instead of launching a file manager.
class OpenedUrls final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

// QSKIP and QFAIL return from the test function, so they cannot live in a helper. The tray host starts with
// the first test that needs it, so the test without a tray runs first on the same X server.
#define REQUIRE_TRAY()                                                                                       \
    do {                                                                                                     \
        startTrayHost();                                                                                     \
        if (!m_trayError.isEmpty())                                                                          \
            QFAIL(qPrintable(m_trayError));                                                                  \
        if (!m_noTray.isEmpty())                                                                             \
            QSKIP(qPrintable(m_noTray));                                                                     \
    } while (false)

namespace {

// English plurals come from the English catalogue; until lupdate has added a new string there, Qt shows
// "2 download(s)". Both read the same here (the counts compared are above one).
QString plural(QString text)
{
    return text.replace(u"(s)"_s, u"s"_s);
}

QImage iconImage(const QSystemTrayIcon *icon)
{
    return icon->icon().pixmap(QSize(32, 32)).toImage();
}

// Qt's own notification bubble where there is no notification service (as on a bare X server).
QWidget *visibleBalloon()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->inherits("QBalloonTip") && widget->isVisible())
            return widget;
    }
    return nullptr;
}

QString balloonText(const QWidget *balloon)
{
    QStringList texts;
    for (const QLabel *label : balloon->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(u'\n');
}

void hideBalloons()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->inherits("QBalloonTip"))
            widget->hide();
    }
}

// The widget Qt embeds in the tray host (the icon you click).
QWidget *embeddedIcon()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->inherits("QSystemTrayIconSys") && widget->isVisible())
            return widget;
    }
    return nullptr;
}

} // namespace

class TestTrayMonitor final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile;
    std::unique_ptr<AppSettings> m_settings;
    QProcess m_trayer;
    bool m_trayHostTried = false;
    QString m_noTray;    // why the tray checks skip; empty when there is a tray
    QString m_trayError; // why they fail: trayer ran and no tray appeared
    QString m_shots;     // where screenshots go, when asked for
    OpenedUrls m_opened;
    std::unique_ptr<Theme> m_theme;

    DownloadRequest request(const QString &path, const QString &dir)
    {
        DownloadRequest r;
        r.url = m_fixture.url(path);
        r.options.outputDir = dir;
        return r;
    }

    static QSystemTrayIcon *iconOf(const TrayMonitor &tray) { return tray.findChild<QSystemTrayIcon *>(); }
    static QMenu *menuOf(const TrayMonitor &tray) { return iconOf(tray)->contextMenu(); }
    static QAction *action(const TrayMonitor &tray, const QString &name)
    {
        return menuOf(tray)->findChild<QAction *>(name);
    }
    static QList<QAction *> downloadActions(const TrayMonitor &tray)
    {
        QList<QAction *> actions;
        for (QAction *a : menuOf(tray)->actions()) {
            if (a->data().isValid() && a->isVisible())
                actions << a;
        }
        return actions;
    }

    // The whole screen (trayer's panel, the menu, the tooltip, a bubble) into GRAVITY_TRAY_SHOTS.
    void shoot(const QString &name)
    {
        if (m_shots.isEmpty())
            return;
        QTest::qWait(300); // let the compositor-less X server finish drawing
        const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
        QVERIFY(shot.save(QDir(m_shots).filePath(name + u".png"_s)));
    }

    // Starts trayer once, unless there is no X display, a desktop's tray is already there, or trayer is
    // missing (m_noTray says which); m_trayError when trayer runs and no tray appears.
    void startTrayHost()
    {
        if (m_trayHostTried)
            return;
        m_trayHostTried = true;
        if (QGuiApplication::platformName() != u"xcb"_s) {
            m_noTray = u"needs an X display: run under xvfb-run with QT_QPA_PLATFORM=xcb (ctest does)"_s;
            return;
        }
        if (QSystemTrayIcon::isSystemTrayAvailable())
            return; // a desktop's own tray
        const QString trayer = QStandardPaths::findExecutable(u"trayer"_s);
        if (trayer.isEmpty()) {
            m_noTray =
                u"trayer is not installed (apt-get install trayer): it is the tray host this test needs"_s;
            return;
        }
        // A panel across the top right, as wide as its icons, opaque so screenshots show the icon on it.
        m_trayer.setProgram(trayer);
        m_trayer.setArguments({u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s,
                               u"request"_s, u"--height"_s, u"28"_s, u"--SetDockType"_s, u"true"_s,
                               u"--transparent"_s, u"false"_s, u"--expand"_s, u"true"_s});
        m_trayer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_trayer.start();
        if (!m_trayer.waitForStarted())
            m_trayError = u"trayer did not start: "_s + m_trayer.errorString();
        else if (!QTest::qWaitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 10000))
            m_trayError = u"trayer started but no tray appeared"_s;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(qApp, QLocale(QLocale::English));
        QDesktopServices::setUrlHandler(u"file"_s, &m_opened, "open");
        // The app's look, so the menu and tooltip appear as people see them.
        m_theme = std::make_unique<Theme>(ThemeMode::Light);
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_profile.isValid());
        m_shots = qEnvironmentVariable("GRAVITY_TRAY_SHOTS");
        if (!m_shots.isEmpty())
            QDir().mkpath(m_shots);
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"file"_s);
        if (m_trayer.state() != QProcess::NotRunning) {
            m_trayer.terminate();
            if (!m_trayer.waitForFinished(5000))
                m_trayer.kill();
        }
    }

    void init()
    {
        m_fixture.reset();
        m_opened.urls.clear();
        const QString ini =
            m_profile.filePath(u"%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_settings = std::make_unique<AppSettings>(ini);
        m_settings->setDownloadFolder(m_fixture.scratch(u"downloads"_s));
    }

    void cleanup()
    {
        hideBalloons();
        QToolTip::hideText();
    }

    void messagesSayWhatHappened_data()
    {
        QTest::addColumn<QList<NotifiedDownload>>("completed");
        QTest::addColumn<QList<NotifiedDownload>>("failed");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("bodyHas");

        const auto done = [](quint64 id, const QString &title) {
            return NotifiedDownload{id, title, u"/videos/%1.mp4"_s.arg(title), ErrorKind::None};
        };
        const auto broken = [](quint64 id, const QString &title) {
            return NotifiedDownload{id, title, {}, ErrorKind::NetworkUnreachable};
        };
        QTest::newRow("one finished: its title, and where a click goes")
            << QList{done(1, u"Sintel"_s)} << QList<NotifiedDownload>{} << u"Download finished"_s
            << QStringList{u"“Sintel” finished"_s, u"folder"_s};
        QTest::newRow("three finished: how many, and their titles")
            << QList{done(1, u"A"_s), done(2, u"B"_s), done(3, u"C"_s)} << QList<NotifiedDownload>{}
            << u"3 downloads finished"_s << QStringList{u"“A”"_s, u"“B”"_s, u"“C”"_s};
        QTest::newRow("fifty finished: three titles and how many more")
            <<
            [&] {
                QList<NotifiedDownload> list;
                for (quint64 i = 1; i <= 50; ++i)
                    list << done(i, u"Episode %1"_s.arg(i));
                return list;
            }()
            << QList<NotifiedDownload>{} << u"50 downloads finished"_s
            << QStringList{u"“Episode 3”"_s, u"and 47 more"_s};
        QTest::newRow("one failed: its title and why")
            << QList<NotifiedDownload>{} << QList{broken(4, u"Broken"_s)} << u"Download failed"_s
            << QStringList{u"“Broken” failed."_s, errorKindText(ErrorKind::NetworkUnreachable)};
        QTest::newRow("two finished, one failed: the failure named")
            << QList{done(1, u"A"_s), done(2, u"B"_s)} << QList{broken(3, u"C"_s)}
            << u"2 finished, 1 failed"_s << QStringList{u"“C” failed"_s};
    }

    void messagesSayWhatHappened()
    {
        QFETCH(QList<NotifiedDownload>, completed);
        QFETCH(QList<NotifiedDownload>, failed);
        QFETCH(QString, title);
        QFETCH(QStringList, bodyHas);
        const TrayMonitor::Message message = TrayMonitor::messageFor({completed, failed});
        QCOMPARE(plural(message.title), title);
        for (const QString &part : bodyHas)
            QVERIFY2(message.body.contains(part), qPrintable(message.body));
    }

    void theIconShowsProgressAndFailures()
    {
        const QImage idle = TrayMonitor::iconPixmap(32, -1.0, false).toImage();
        const QImage started = TrayMonitor::iconPixmap(32, 0.0, false).toImage();
        const QImage half = TrayMonitor::iconPixmap(32, 0.5, false).toImage();
        const QImage failed = TrayMonitor::iconPixmap(32, -1.0, true).toImage();
        QVERIFY(!idle.isNull());
        QVERIFY(idle != started);
        QVERIFY(started != half);
        QVERIFY(idle != failed);
        // The badge is red.
        const QColor badge = failed.pixelColor(26, 8);
        QVERIFY2(badge.red() > 180 && badge.green() < 100, qPrintable(badge.name()));

        if (m_shots.isEmpty())
            return;
        // Every state at every size the tray asks for, on a light and a dark panel, four times enlarged.
        const QList<int> sizes{16, 22, 24, 32, 48};
        const QList<std::pair<double, bool>> states{{-1.0, false}, {0.0, false}, {0.35, false},
                                                    {0.8, false},  {-1.0, true}, {0.6, true}};
        const int cell = 56;
        QImage sheet(cell * int(states.size()), cell * int(sizes.size()) * 2, QImage::Format_ARGB32);
        QPainter painter(&sheet);
        for (int panel = 0; panel < 2; ++panel) {
            painter.fillRect(0, panel * cell * int(sizes.size()), sheet.width(), cell * int(sizes.size()),
                             panel == 0 ? QColor(0xEE, 0xEE, 0xF2) : QColor(0x20, 0x22, 0x2A));
            for (qsizetype row = 0; row < sizes.size(); ++row) {
                for (qsizetype column = 0; column < states.size(); ++column) {
                    const int size = sizes.at(row);
                    const int y = (panel * int(sizes.size()) + int(row)) * cell + (cell - size) / 2;
                    painter.drawPixmap(
                        int(column) * cell + (cell - size) / 2, y,
                        TrayMonitor::iconPixmap(size, states.at(column).first, states.at(column).second));
                }
            }
        }
        painter.end();
        QVERIFY(sheet.scaled(sheet.size() * 4).save(QDir(m_shots).filePath(u"tray-icons.png"_s)));
    }

    void withoutATrayNothingShows()
    {
        // Before the tray host starts (or wherever there is none): nothing visible, and the app is told.
        if (QSystemTrayIcon::isSystemTrayAvailable())
            QSKIP("a tray is already there");
        DownloadQueue queue(m_fixture.config());
        QWidget window;
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QVERIFY(!tray.isAvailable());
        QVERIFY(!tray.findChild<QSystemTrayIcon *>());
        QVERIFY(!tray.batcher());
        tray.tellKeptRunning();
        tray.toggleWindow(); // still shows and hides the window it was given
        QVERIFY(window.isVisible());
        QVERIFY(!visibleBalloon());
    }

    void theIconSitsInTheTray()
    {
        REQUIRE_TRAY();
        DownloadQueue queue(m_fixture.config());
        QWidget window;
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QVERIFY(tray.isAvailable());
        QSystemTrayIcon *icon = iconOf(tray);
        QVERIFY(icon);
        QVERIFY(icon->isVisible());
        // Embedded in trayer's panel: it has a place on the screen.
        QTRY_VERIFY_WITH_TIMEOUT(embeddedIcon() && !icon->geometry().isEmpty(), 10000);
        QVERIFY2(icon->toolTip().contains(u"No downloads running"_s), qPrintable(icon->toolTip()));
        QVERIFY(!action(tray, u"pauseAll"_s)->isEnabled());
        QVERIFY(!action(tray, u"resumeAll"_s)->isEnabled());
    }

    void clickingTheIconShowsAndHidesTheWindow()
    {
        REQUIRE_TRAY();
        DownloadQueue queue(m_fixture.config());
        QWidget window;
        window.resize(400, 300);
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QTRY_VERIFY_WITH_TIMEOUT(embeddedIcon(), 10000);
        QWidget *icon = embeddedIcon();
        QTest::mouseClick(icon, Qt::LeftButton, {}, icon->rect().center());
        QTRY_VERIFY(window.isVisible());
        QTest::mouseClick(icon, Qt::LeftButton, {}, icon->rect().center());
        QTRY_VERIFY(!window.isVisible());

        // The menu's first line says what it will do.
        QTest::mouseClick(icon, Qt::RightButton, {}, icon->rect().center());
        QTRY_VERIFY(menuOf(tray)->isVisible());
        QCOMPARE(action(tray, u"toggleWindow"_s)->text(), u"Show Gravity"_s);
        menuOf(tray)->hide();
        action(tray, u"toggleWindow"_s)->trigger();
        QTRY_VERIFY(window.isVisible());
        QTest::mouseClick(icon, Qt::RightButton, {}, icon->rect().center());
        QTRY_VERIFY(menuOf(tray)->isVisible());
        QCOMPARE(action(tray, u"toggleWindow"_s)->text(), u"Hide Gravity"_s);
        menuOf(tray)->hide();
        action(tray, u"toggleWindow"_s)->trigger();
        QTRY_VERIFY(!window.isVisible());
    }

    void closingToTheTraySaysSoOnce()
    {
        REQUIRE_TRAY();
        DownloadQueue queue(m_fixture.config());
        QWidget window;
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QTRY_VERIFY_WITH_TIMEOUT(embeddedIcon(), 10000);
        tray.tellKeptRunning();
        QTRY_VERIFY(visibleBalloon());
        QVERIFY2(balloonText(visibleBalloon()).contains(u"still running"_s),
                 qPrintable(balloonText(visibleBalloon())));
        shoot(u"tray-kept-running"_s);
        // Clicking it brings the window back.
        QTest::mouseClick(visibleBalloon(), Qt::LeftButton);
        QTRY_VERIFY(window.isVisible());
        window.hide();
        hideBalloons();
        tray.tellKeptRunning();
        QTest::qWait(200);
        QVERIFY(!visibleBalloon());
    }

    void twoDownloadsInTheTrayPauseAllAndResumeAll()
    {
        REQUIRE_TRAY();
        // Slow enough to look at and to pause: slow.mp4 is 8 MB, shared by two downloads.
        m_fixture.server().setThrottle(384 * 1024);
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 2;
        DownloadQueue queue(config);
        QWidget window;
        window.resize(400, 300);
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QSystemTrayIcon *icon = iconOf(tray);
        QTRY_VERIFY_WITH_TIMEOUT(embeddedIcon(), 10000);
        const QImage idle = iconImage(icon);

        const QString dir = m_fixture.scratch(u"two"_s);
        const QString dirA = dir + u"/a"_s;
        const QString dirB = dir + u"/b"_s;
        DownloadRequest first = request(u"slow.html"_s, dirA);
        first.title = u"Gravity Slow Clip"_s;
        DownloadRequest second = request(u"slow.mp4"_s, dirB);
        second.title = u"A second copy & a much longer title that the menu shortens in the middle"_s;
        const quint64 a = queue.enqueue(first);
        const quint64 b = queue.enqueue(second);

        // The tooltip: two running and how far; the menu: both, each with its percent.
        const QRegularExpression percent(u"\\d+%"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(plural(icon->toolTip()).contains(u"2 downloads running"_s) &&
                                      percent.match(icon->toolTip()).hasMatch(),
                                  qPrintable(icon->toolTip()), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(downloadActions(tray).size() == 2 &&
                                     percent.match(downloadActions(tray).at(0)->text()).hasMatch() &&
                                     percent.match(downloadActions(tray).at(1)->text()).hasMatch(),
                                 60000);
        QCOMPARE(downloadActions(tray).at(0)->data().toULongLong(), a);
        QCOMPARE(downloadActions(tray).at(1)->data().toULongLong(), b);
        QVERIFY(downloadActions(tray).at(1)->text().contains(u"&&"_s)); // "&" is not a shortcut
        QVERIFY(!action(tray, u"noDownloads"_s)->isVisible());
        QVERIFY(action(tray, u"pauseAll"_s)->isEnabled());
        // The icon shows the progress (within the half second it may wait).
        QTRY_VERIFY_WITH_TIMEOUT(iconImage(icon) != idle, 2000);

        // What a user sees: the tooltip under the pointer, the menu on a right click.
        QWidget *embedded = embeddedIcon();
        QCursor::setPos(embedded->mapToGlobal(embedded->rect().center()));
        if (!QTest::qWaitFor([] { return QToolTip::isVisible(); }, 3000)) {
            // Some tray hosts swallow the pointer's motion; ask for the tooltip as the hover would.
            QHelpEvent help(QEvent::ToolTip, embedded->rect().center(),
                            embedded->mapToGlobal(embedded->rect().center()));
            QApplication::sendEvent(embedded, &help);
        }
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), icon->toolTip());
        shoot(u"tray-tooltip"_s);
        QToolTip::hideText();
        QTest::mouseClick(embedded, Qt::RightButton, {}, embedded->rect().center());
        QTRY_VERIFY(menuOf(tray)->isVisible());
        shoot(u"tray-menu"_s);
        menuOf(tray)->hide();

        // A download in the menu shows the window at its row.
        QSignalSpy rows(&tray, &TrayMonitor::rowRequested);
        downloadActions(tray).at(1)->trigger();
        QVERIFY(window.isVisible());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).at(0).toULongLong(), b);

        // Pause all: both stop, their processes end, and not a byte more arrives.
        action(tray, u"pauseAll"_s)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(queue.task(a)->progress().state == DownloadState::Paused &&
                                     queue.task(b)->progress().state == DownloadState::Paused,
                                 10000);
        QVERIFY(waitNoProcessesMatching(dirA));
        QVERIFY(waitNoProcessesMatching(dirB));
        const qint64 served = m_fixture.server().bytesServed();
        QTest::qWait(1500);
        QCOMPARE(m_fixture.server().bytesServed(), served);
        QTRY_VERIFY2(plural(icon->toolTip()).contains(u"2 paused"_s), qPrintable(icon->toolTip()));
        QVERIFY(!action(tray, u"pauseAll"_s)->isEnabled());
        QVERIFY(action(tray, u"resumeAll"_s)->isEnabled());
        QVERIFY(downloadActions(tray).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(iconImage(icon), idle, 2000);

        // Resume all: both finish, and one notification says so.
        m_fixture.server().setThrottle(0);
        action(tray, u"resumeAll"_s)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(queue.task(a)->progress().state == DownloadState::Completed &&
                                     queue.task(b)->progress().state == DownloadState::Completed,
                                 120000);
        QVERIFY(m_fixture.server().bytesServed() > served);
        QTRY_VERIFY2(icon->toolTip().contains(u"No downloads running"_s), qPrintable(icon->toolTip()));
        QTRY_VERIFY_WITH_TIMEOUT(visibleBalloon(), NotificationBatcher::MaxWaitMs + 2000);
        QVERIFY2(plural(balloonText(visibleBalloon())).contains(u"2 downloads finished"_s),
                 qPrintable(balloonText(visibleBalloon())));
        shoot(u"tray-notification"_s);
        QTRY_COMPARE_WITH_TIMEOUT(iconImage(icon), idle, 2000);
    }

    void aFailureBadgesTheIconAndItsNotificationShowsTheRow()
    {
        REQUIRE_TRAY();
        m_fixture.server().setFault(u"clip1.mp4"_s, LoopbackServer::Fault::NotFound);
        EngineConfig config = m_fixture.config();
        config.network.retries = 0;
        DownloadQueue queue(config);
        QWidget window;
        window.resize(400, 300);
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QSystemTrayIcon *icon = iconOf(tray);
        QTRY_VERIFY_WITH_TIMEOUT(embeddedIcon(), 10000);
        const QImage idle = iconImage(icon);
        QSignalSpy rows(&tray, &TrayMonitor::rowRequested);

        const quint64 id = queue.enqueue(request(u"clip1.mp4"_s, m_fixture.scratch(u"failed"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(queue.task(id)->progress().state, DownloadState::Failed, 60000);
        QTRY_VERIFY2(plural(icon->toolTip()).contains(u"1 failed"_s), qPrintable(icon->toolTip()));
        QTRY_VERIFY(iconImage(icon) != idle);
        QTRY_VERIFY_WITH_TIMEOUT(visibleBalloon(), NotificationBatcher::MaxWaitMs + 2000);
        QVERIFY2(balloonText(visibleBalloon()).contains(u"Download failed"_s),
                 qPrintable(balloonText(visibleBalloon())));
        shoot(u"tray-failed"_s);

        QTest::mouseClick(visibleBalloon(), Qt::LeftButton);
        QTRY_VERIFY(window.isVisible());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).at(0).toULongLong(), id);

        // Retried and done: the badge goes.
        m_fixture.server().clearFaults();
        queue.retry(id);
        QTRY_COMPARE_WITH_TIMEOUT(queue.task(id)->progress().state, DownloadState::Completed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(iconImage(icon), idle, 2000);
    }

    void oneFinishedDownloadsNotificationOpensItsFolder()
    {
        REQUIRE_TRAY();
        DownloadQueue queue(m_fixture.config());
        QWidget window;
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QTRY_VERIFY_WITH_TIMEOUT(embeddedIcon(), 10000);
        const QString dir = m_fixture.scratch(u"single"_s);
        const quint64 id = queue.enqueue(request(u"clip2.mp4"_s, dir));
        QTRY_COMPARE_WITH_TIMEOUT(queue.task(id)->progress().state, DownloadState::Completed, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(visibleBalloon(), NotificationBatcher::MaxWaitMs + 2000);
        QVERIFY2(balloonText(visibleBalloon()).contains(u"Download finished"_s),
                 qPrintable(balloonText(visibleBalloon())));
        QTest::mouseClick(visibleBalloon(), Qt::LeftButton);
        QTRY_COMPARE(m_opened.urls.size(), 1);
        QCOMPARE(QDir(m_opened.urls.first().toLocalFile()).canonicalPath(), QDir(dir).canonicalPath());
        QVERIFY(!window.isVisible());
    }

    void notificationsTurnedOffSayNothing()
    {
        REQUIRE_TRAY();
        m_settings->setNotifications(false);
        DownloadQueue queue(m_fixture.config());
        QWidget window;
        TrayMonitor tray(&queue, m_settings.get(), &window);
        QSignalSpy batches(tray.batcher(), &NotificationBatcher::batchReady);
        const quint64 id = queue.enqueue(request(u"clip3.mp4"_s, m_fixture.scratch(u"quiet"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(queue.task(id)->progress().state, DownloadState::Completed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 1, NotificationBatcher::MaxWaitMs + 2000);
        QTest::qWait(300);
        QVERIFY(!visibleBalloon());
    }

    void theMenuOpensTheFolderAndQuits()
    {
        REQUIRE_TRAY();
        DownloadQueue queue(m_fixture.config());
        QWidget window;
        TrayMonitor tray(&queue, m_settings.get(), &window);
        action(tray, u"openFolder"_s)->trigger();
        QCOMPARE(m_opened.urls.size(), 1);
        QCOMPARE(m_opened.urls.first().toLocalFile(), m_settings->downloadFolder());
        QSignalSpy quit(&tray, &TrayMonitor::quitRequested);
        action(tray, u"quit"_s)->trigger();
        QCOMPARE(quit.size(), 1);
    }

    void quitFromTheMenuLeavesNoProcessBehind()
    {
        REQUIRE_TRAY();
        m_fixture.server().setThrottle(200 * 1024);
        Theme theme(ThemeMode::Light);
        MainWindow window(m_fixture.config(), m_settings.get(), &theme);
        TrayMonitor tray(window.queue(), m_settings.get(), &window);
        // What main() does before it ends the event loop.
        connect(&tray, &TrayMonitor::quitRequested, &window, &MainWindow::stopForQuit);
        const QString dir = m_fixture.scratch(u"quit"_s);
        DownloadRequest request;
        request.url = m_fixture.url(u"slow.html"_s);
        request.options.outputDir = dir;
        const quint64 id = window.queue()->enqueue(request);
        QTRY_COMPARE_WITH_TIMEOUT(window.queue()->task(id)->progress().state, DownloadState::Downloading,
                                  60000);
        QVERIFY(!processesMatching(dir).isEmpty());
        action(tray, u"quit"_s)->trigger();
        QVERIFY2(waitNoProcessesMatching(dir), "yt-dlp or ffmpeg outlived Quit");
        // Stopped for quitting, not cancelled: the partial file stays and the download comes back next time.
        QCOMPARE(window.queue()->task(id)->progress().state, DownloadState::Paused);
    }
};

int main(int argc, char **argv)
{
    // The xcb platform cannot start without a display; offscreen can, and the test then says why it skips.
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestTrayMonitor test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_traymonitor.moc"
