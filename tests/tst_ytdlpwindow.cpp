// The window's side of issue 6, on real widgets: a login error offers the cookies setting in one click (parse
// message and failed row), an old yt-dlp is pointed out, the Tools page updates only Gravity's own yt-dlp,
// and a file of links is imported with its rejects listed. yt-dlp stand-ins print what the real one cannot
// produce offline (YouTube's bot check, an update that succeeds).

#include "appsettings.h"
#include "downloaddelegate.h"
#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "downloadsview.h"
#include "integrationfixture.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "settingstoolspage.h"
#include "testhelpers.h"
#include "theme.h"
#include "translations.h"
#include "urlrecognizer.h"
#include "ytdlpupdatepanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

// What yt-dlp prints when YouTube asks for a login (its exact ERROR line).
const QByteArray BotCheck =
    "case \"$*\" in *--version*) echo 2023.03.04; exit 0;; esac\n"
    "echo \"ERROR: [youtube] dQw4w9WgXcQ: Sign in to confirm you're not a bot. Use --cookies-from-browser or "
    "--cookies for the authentication. See  "
    "https://github.com/yt-dlp/yt-dlp/wiki/FAQ#how-do-i-pass-cookies-to-"
    "yt-dlp  for how to manually pass cookies.\" >&2\n"
    "exit 1\n";

} // namespace

class TestYtDlpWindow final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Theme> m_theme;
    std::unique_ptr<MainWindow> m_window;

    void openWindow(const QString &ytDlp)
    {
        m_settings = std::make_unique<AppSettings>(m_profile.filePath(u"settings.ini"_s));
        m_settings->setDownloadFolder(m_fixture.scratch(QString::fromLatin1(QTest::currentTestFunction())));
        m_settings->setYtDlpPath(ytDlp);
        m_theme = std::make_unique<Theme>(ThemeMode::Light);
        EngineConfig config = m_fixture.config();
        config.ytDlpPath = ytDlp;
        m_window = std::make_unique<MainWindow>(config, m_settings.get(), m_theme.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void parse(const QString &url)
    {
        auto *edit = m_window->findChild<QLineEdit *>(u"urlEdit"_s);
        edit->setText(url);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isParsing(), 60000);
    }

    [[nodiscard]] QLabel *message() const { return m_window->findChild<QLabel *>(u"message"_s); }

    // The dialog the window opened shows the cookies choice, with the keyboard on it.
    static void verifyCookiesSettingIsOpen(MainWindow *window)
    {
        auto *dialog = window->findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->currentPage(), SettingsDialog::Page::Network);
        QVERIFY(dialog->focusWidget());
        QCOMPARE(dialog->focusWidget()->objectName(), u"settingsCookieSource"_s);
        QVERIFY(dialog->focusWidget()->isVisible());
        dialog->reject();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(qApp, QLocale(QLocale::English));
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_profile.isValid());
    }

    void init() { m_fixture.reset(); }

    void cleanup()
    {
        m_window.reset();
        QVERIFY2(waitNoProcessesMatching(m_fixture.server().baseUrl(), 10000), "yt-dlp left running");
    }

    void aParseThatNeedsALoginOffersTheCookiesSettingInOneClick()
    {
        openWindow(writeScript(m_fixture.scratch(u"botcheck"_s), u"yt-dlp"_s, BotCheck));
        auto *fix = m_window->findChild<QPushButton *>(u"setUpCookiesButton"_s);
        QVERIFY(fix);
        QVERIFY(!fix->isVisible());
        parse(u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s);
        QCOMPARE(message()->text(), errorKindText(ErrorKind::LoginRequired));
        QVERIFY(fix->isVisible());
        QTest::mouseClick(fix, Qt::LeftButton);
        verifyCookiesSettingIsOpen(m_window.get());
    }

    void aFailureThatIsNotAboutALoginOffersNoCookies()
    {
        openWindow(u"/usr/bin/yt-dlp"_s);
        parse(m_fixture.url(u"missing-page.html"_s));
        QVERIFY(message()->isVisible());
        QVERIFY(!m_window->findChild<QPushButton *>(u"setUpCookiesButton"_s)->isVisible());
    }

    void aDownloadThatNeedsALoginOffersTheCookiesSettingOnItsRow()
    {
        openWindow(writeScript(m_fixture.scratch(u"botcheckrow"_s), u"yt-dlp"_s, BotCheck));
        DownloadRequest request;
        request.url = u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s;
        request.title = u"Needs a login"_s;
        request.options.outputDir = m_settings->downloadFolder();
        const quint64 id = m_window->queue()->enqueue(request);
        auto *view = m_window->findChild<DownloadsView *>(u"downloadList"_s);
        const QModelIndex index = view->model()->index(0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(DownloadState(index.data(DownloadListModel::StateRole).toInt()),
                                  DownloadState::Failed, 60000);
        QCOMPARE(ErrorKind(index.data(DownloadListModel::ErrorKindRole).toInt()), ErrorKind::LoginRequired);
        QVERIFY(view->actionsFor(id).contains(DownloadAction::SetUpCookies));
        QVERIFY(view->actionsFor(id).contains(DownloadAction::Remove));
        // The row's first button, clicked as a mouse would.
        const QList<DownloadAction> buttons = rowButtons(DownloadState::Failed, ErrorKind::LoginRequired);
        QCOMPARE(buttons.first(), DownloadAction::SetUpCookies);
        const QPoint centre =
            view->downloadDelegate()->buttonRects(view->visualRect(index), buttons.size()).first().center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        verifyCookiesSettingIsOpen(m_window.get());
    }

    void anExtractorFailureWithAnOldYtDlpSaysAnUpdateMayHelp()
    {
        // 2022.01.01 is out of date on any day this test can run.
        openWindow(
            writeScript(m_fixture.scratch(u"oldytdlp"_s), u"yt-dlp"_s,
                        "case \"$*\" in *--version*) echo 2022.01.01; exit 0;; esac\n"
                        "echo 'ERROR: [generic] Unable to extract title; please report this issue' >&2\n"
                        "exit 1\n"));
        parse(m_fixture.url(u"page.html"_s));
        QTRY_VERIFY2(message()->text().contains(u"yt-dlp 2022.01.01 is"_s), qPrintable(message()->text()));
        QVERIFY(message()->text().startsWith(errorKindText(ErrorKind::Unknown)));
        QVERIFY(message()->text().endsWith(u"Update it."_s));
    }

    void importingAFileOfLinksDownloadsTheGoodOnesAndListsTheRejects()
    {
        openWindow(u"/usr/bin/yt-dlp"_s);
        const QString list = m_fixture.scratch(u"import"_s) + u"/links.txt"_s;
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBF# links\r\n" + m_fixture.url(u"clip1.mp4"_s).toUtf8() +
                   "\r\nftp://example.com/video.mp4\r\n\r\n--exec=rm\r\n" +
                   m_fixture.url(u"clip2.mp4"_s).toUtf8() + "\r\nnot a link\r\n");
        file.close();
        m_window->importLinksFrom(list);
        const QString said = message()->text();
        QVERIFY2(said.contains(u"2 links from links.txt are being read and downloaded."_s), qPrintable(said));
        QVERIFY2(said.contains(u"3 lines were rejected:"_s), qPrintable(said));
        QVERIFY2(said.contains(u"Line 3: \"ftp://example.com/video.mp4\": "_s +
                               rejectionText(UrlRejection::NotHttp)),
                 qPrintable(said));
        QVERIFY2(said.contains(u"Line 5: \"--exec=rm\": "_s + rejectionText(UrlRejection::LooksLikeOption)),
                 qPrintable(said));
        QVERIFY2(said.contains(u"Line 7: \"not a link\""_s), qPrintable(said));
        DownloadQueue *queue = m_window->queue();
        QTRY_COMPARE_WITH_TIMEOUT(queue->ids().size(), qsizetype(2), 60000);
        for (quint64 id : queue->ids())
            QTRY_COMPARE_WITH_TIMEOUT(queue->task(id)->progress().state, DownloadState::Completed, 120000);
    }

    void droppingATextFileOfLinksImportsIt()
    {
        openWindow(u"/usr/bin/yt-dlp"_s);
        const QString list = m_fixture.scratch(u"drop"_s) + u"/dropped.txt"_s;
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_fixture.url(u"clip1.mp4"_s).toUtf8() + "\n");
        file.close();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(list)});
        const QPointF where(m_window->width() / 2.0, m_window->height() / 2.0);
        QDragEnterEvent enter(where.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        const QString said = message()->text();
        QVERIFY2(said.startsWith(u"1 link from dropped.txt is being read"_s), qPrintable(said));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queue()->ids().size(), qsizetype(1), 60000);
        const quint64 id = m_window->queue()->ids().first();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queue()->task(id)->progress().state, DownloadState::Completed,
                                  120000);
    }

    void aFileOfLinksThatCannotBeReadSaysSo()
    {
        openWindow(u"/usr/bin/yt-dlp"_s);
        m_window->importLinksFrom(m_fixture.scratch(u"gone"_s) + u"/links.txt"_s);
        QVERIFY2(message()->text().contains(u"could not be read"_s), qPrintable(message()->text()));
        QCOMPARE(message()->property("role").toString(), u"error"_s);
        QVERIFY(m_window->queue()->ids().isEmpty());
    }

    void theToolsPageWarnsAboutAnOldYtDlpAndNeverOffersToUpdateThePackagedOne()
    {
        if (!QFile::exists(u"/usr/bin/yt-dlp"_s))
            QSKIP("no /usr/bin/yt-dlp on this machine");
        AppSettings settings(m_profile.filePath(u"tools.ini"_s));
        settings.setYtDlpPath(u"/usr/bin/yt-dlp"_s);
        SettingsDialog dialog(&settings);
        auto *page = static_cast<SettingsToolsPage *>(dialog.page(SettingsDialog::Page::Tools));
        page->setToday(QDate(2026, 11, 24));
        dialog.showPage(SettingsDialog::Page::Tools);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking(), 30000);
        auto *age = page->findChild<QLabel *>(u"settingsYtDlpAge"_s);
        QVERIFY(age->isVisible());
        QCOMPARE(age->text(), u"yt-dlp 2023.03.04 is 3 years old; sites change often and old versions stop "
                              "working. Update it."_s);
        auto *update = page->findChild<QPushButton *>(u"settingsYtDlpUpdate"_s);
        QVERIFY(!update->isEnabled());
        QVERIFY2(update->toolTip().contains(u"package manager"_s), qPrintable(update->toolTip()));
        auto *why = page->findChild<QLabel *>(u"settingsYtDlpUpdateResult"_s);
        QVERIFY(why->isVisible());
        QCOMPARE(why->text(), update->toolTip());
    }

    void theToolsPageUpdatesGravitysOwnCopyAndShowsTheResult()
    {
        // Gravity's own folder (test-mode data location), with a stand-in that plays a successful update.
        const QString own = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/bin"_s;
        QVERIFY(QDir().mkpath(own));
        const QString standIn = writeScript(
            own, u"yt-dlp"_s,
            "case \"$*\" in *--update-to*) ;; *--version*) echo 2023.03.04; exit 0;; *) exit 2;; esac\n"
            "echo 'Available version: stable@2024.12.13, Current version: stable@2023.03.04'\n"
            "echo 'Updating to stable@2024.12.13 ...'\n"
            "echo 'Updated yt-dlp to stable@2024.12.13'\n");
        AppSettings settings(m_profile.filePath(u"own.ini"_s));
        settings.setYtDlpPath(standIn);
        SettingsDialog dialog(&settings);
        auto *page = static_cast<SettingsToolsPage *>(dialog.page(SettingsDialog::Page::Tools));
        dialog.showPage(SettingsDialog::Page::Tools);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking(), 30000);
        auto *update = page->findChild<QPushButton *>(u"settingsYtDlpUpdate"_s);
        QVERIFY2(update->isEnabled(), qPrintable(update->toolTip() + standIn));
        auto *channel = page->findChild<QComboBox *>(u"settingsYtDlpChannel"_s);
        QVERIFY(channel->isEnabled()); // 2023.03.04 knows --update-to
        QTest::mouseClick(update, Qt::LeftButton);
        auto *result = page->findChild<QLabel *>(u"settingsYtDlpUpdateResult"_s);
        QTRY_COMPARE_WITH_TIMEOUT(result->text(), u"yt-dlp was updated to stable@2024.12.13."_s, 30000);
        QVERIFY(!page->updatePanel()->isUpdating());
        QVERIFY(QFile::remove(standIn));
    }
};

QTEST_MAIN(TestYtDlpWindow)
#include "tst_ytdlpwindow.moc"
