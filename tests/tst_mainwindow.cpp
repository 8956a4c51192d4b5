// The window as a person uses it, on the offscreen platform, against the real yt-dlp and the loopback server:
// drop or type a link, parse, choose, download, and act on the rows.

#include "appsettings.h"
#include "downloaddelegate.h"
#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "downloadsview.h"
#include "dropoverlay.h"
#include "historyactions.h"
#include "historymodel.h"
#include "historypage.h"
#include "historyrecorder.h"
#include "historystore.h"
#include "integrationfixture.h"
#include "mainwindow.h"
#include "moreoptionspanel.h"
#include "optionspanel.h"
#include "playlistmodel.h"
#include "playlistpanel.h"
#include "settingsdialog.h"
#include "testhelpers.h"
#include "theme.h"
#include "translations.h"
#include "urlrecognizer.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::UrlRejection)

// Receives the file: URLs the window asks the desktop to open, instead of launching a file manager.
class OpenedUrls final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Theme> m_theme;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<HistoryRecorder> m_recorder;
    OpenedUrls m_opened;
    QString m_downloads;

    template<typename T> T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }
    QLineEdit *urlEdit() const { return child<QLineEdit>(u"urlEdit"_s); }
    QLabel *message() const { return child<QLabel>(u"message"_s); }
    QWidget *resultCard() const { return child<QWidget>(u"resultCard"_s); }
    // Whether a parse's result is on show (the card is made by the first parse: before it there is none).
    bool resultShown() const
    {
        const auto *card = m_window->findChild<QWidget *>(u"resultCard"_s);
        return card && card->isVisible();
    }
    OptionsPanel *options() const { return child<OptionsPanel>(u"optionsPanel"_s); }
    PlaylistPanel *playlist() const { return child<PlaylistPanel>(u"playlistPanel"_s); }
    QPushButton *downloadButton() const { return child<QPushButton>(u"downloadButton"_s); }
    DownloadsView *downloadsView() const { return child<DownloadsView>(u"downloadList"_s); }
    QAbstractItemModel *rows() const { return downloadsView()->model(); }
    DownloadState stateOf(int row) const
    {
        return DownloadState(rows()->index(row, 0).data(DownloadListModel::StateRole).toInt());
    }

    void typeAndParse(const QString &text)
    {
        urlEdit()->setFocus();
        urlEdit()->clear();
        QTest::keyClicks(urlEdit(), text);
        QTest::keyClick(urlEdit(), Qt::Key_Return);
    }

    // Waits for a parse to show its result card; fails with the window's message if it does not.
    bool waitForResult()
    {
        (void)QTest::qWaitFor([this] { return resultShown() || !m_window->isParsing(); }, 60000);
        if (!resultShown())
            qWarning("no result; message: %s", qPrintable(message()->text()));
        return resultShown();
    }

    // The window again, with an engine configuration of the test's own (a stand-in yt-dlp).
    bool reopenWindow(const EngineConfig &config)
    {
        m_recorder.reset();
        m_window = std::make_unique<MainWindow>(config, m_settings.get(), m_theme.get(), m_history.get());
        m_recorder = std::make_unique<HistoryRecorder>(m_window->queue(), m_history.get());
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    // A yt-dlp that answers a parse (-J) with the info JSON in infoFile, refuses any bilibili.com address
    // (a download must come from the info, and tests never go online) and hands the rest to the real one.
    static QByteArray offlineYtDlp(const QString &realYtDlp, const QString &infoFile)
    {
        return "#!/bin/sh\n"
               "for a in \"$@\"; do\n"
               "  [ \"$a\" = -J ] && exec cat '" +
               QFile::encodeName(infoFile) +
               "'\n"
               "  case \"$a\" in *bilibili.com*) echo 'ERROR: stand-in: would go online' >&2; exit 1;; esac\n"
               "done\n"
               "exec '" +
               QFile::encodeName(realYtDlp) + "' \"$@\"\n";
    }

    // Clicks the row's painted button for action, as a mouse would.
    bool clickRowButton(int row, DownloadAction action)
    {
        const QModelIndex index = rows()->index(row, 0);
        const QList<DownloadAction> buttons =
            rowButtons(DownloadState(index.data(DownloadListModel::StateRole).toInt()));
        const qsizetype at = buttons.indexOf(action);
        if (at < 0)
            return false;
        const QRect rect = downloadsView()->visualRect(index);
        const QPoint centre =
            downloadsView()->downloadDelegate()->buttonRects(rect, buttons.size()).at(at).center();
        QTest::mouseClick(downloadsView()->viewport(), Qt::LeftButton, {}, centre);
        return true;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(qApp, QLocale(QLocale::English));
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_profile.isValid());
        QDesktopServices::setUrlHandler(u"file"_s, &m_opened, "open");
    }

    void init()
    {
        m_fixture.reset();
        m_opened.urls.clear();
        m_downloads = m_fixture.scratch(QString::fromLatin1(QTest::currentTestFunction()));
        m_settings = std::make_unique<AppSettings>(m_profile.filePath(u"settings.ini"_s));
        m_settings->setDownloadFolder(m_downloads);
        m_theme = std::make_unique<Theme>(ThemeMode::Light);
        // Wired as main() wires them: the window shows the store, a recorder writes what ends into it.
        m_history =
            std::make_unique<HistoryStore>(m_fixture.scratch(u"history-"_s + m_downloads.section(u'/', -1)));
        m_window = std::make_unique<MainWindow>(m_fixture.config(), m_settings.get(), m_theme.get(),
                                                m_history.get());
        m_recorder = std::make_unique<HistoryRecorder>(m_window->queue(), m_history.get());
        m_history->loadAsync();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_recorder.reset();
        m_window.reset();
        m_history.reset();
        // Every yt-dlp this test started names the test server (a parse) or the download folder.
        QVERIFY2(waitNoProcessesMatching(m_fixture.server().baseUrl(), 10000) &&
                     waitNoProcessesMatching(m_downloads, 10000),
                 "yt-dlp left running after the window closed");
    }

    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(u"file"_s); }

    void dropALinkChoose360AndDownload()
    {
        QAbstractItemModelTester tester(rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Nothing in the window takes a drop for itself, so a link dropped anywhere reaches the window.
        for (QWidget *widget : m_window->findChildren<QWidget *>())
            QVERIFY2(!widget->acceptDrops(), widget->metaObject()->className());
        QVERIFY(m_window->acceptDrops());

        QMimeData mime;
        mime.setUrls({QUrl(m_fixture.url(u"hls/master.m3u8"_s))});
        const QPoint where = downloadsView()->mapTo(m_window.get(), downloadsView()->rect().center());
        QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        auto *overlay = m_window->findChild<DropOverlay *>();
        QVERIFY(overlay && overlay->isVisible());
        QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(!overlay->isVisible());
        QVERIFY(m_window->isParsing());

        QVERIFY(waitForResult());
        // The result card is made by the first parse: nothing in it takes a drop either.
        for (QWidget *widget : resultCard()->findChildren<QWidget *>())
            QVERIFY2(!widget->acceptDrops(), widget->metaObject()->className());
        // Only qualities the stream has: 720p and 360p, no 1080p.
        QComboBox *quality = options()->qualityBox();
        QStringList offered;
        for (int i = 0; i < quality->count(); ++i)
            offered << quality->itemData(i).toString();
        QCOMPARE(offered, (QStringList{u"best"_s, u"720"_s, u"360"_s}));
        QVERIFY(!playlist()->isVisible());
        quality->setCurrentIndex(quality->findData(u"360"_s));
        QTest::mouseClick(downloadButton(), Qt::LeftButton);

        // The window is ready for the next link at once.
        QVERIFY(!resultShown());
        QVERIFY(urlEdit()->text().isEmpty());
        QCOMPARE(rows()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Completed, 120000);
        const QString file = rows()->index(0, 0).data(DownloadListModel::FilePathRole).toString();
        QVERIFY2(QFileInfo(file).absolutePath() == QDir(m_downloads).absolutePath(), qPrintable(file));
        QVERIFY(QFileInfo::exists(file));
        const QStringList streams = probeStreams(file);
        QVERIFY2(streams.contains(u"video:640x360"_s) && streams.contains(u"audio"_s),
                 qPrintable(streams.join(u", ")));
        QVERIFY(rows()
                    ->index(0, 0)
                    .data(DownloadListModel::StatusTextRole)
                    .toString()
                    .startsWith(u"Completed"_s));

        // Enter opens the finished file; its row offers open and show-in-folder.
        downloadsView()->setFocus();
        downloadsView()->setCurrentIndex(rows()->index(0, 0));
        QTest::keyClick(downloadsView(), Qt::Key_Return);
        QCOMPARE(m_opened.urls, QList<QUrl>{QUrl::fromLocalFile(file)});
        QVERIFY(clickRowButton(0, DownloadAction::ShowInFolder));
        QCOMPARE(m_opened.urls.last(), QUrl::fromLocalFile(QFileInfo(file).absolutePath()));
        // Delete removes the row, never the file.
        QTest::keyClick(downloadsView(), Qt::Key_Delete);
        QCOMPARE(rows()->rowCount(), 0);
        QVERIFY(QFileInfo::exists(file));
    }

    void refusedLinksSayWhyInline_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<UrlRejection>("reason");
        QTest::newRow("an ftp link") << u"ftp://example.com/video.mp4"_s << UrlRejection::NotHttp;
        QTest::newRow("an option in disguise")
            << u"--exec=touch /tmp/pwned"_s << UrlRejection::LooksLikeOption;
        QTest::newRow("a word, not a link") << u"hello"_s << UrlRejection::NotHttp;
        QTest::newRow("a host without a domain")
            << u"https://localhost-video/watch"_s << UrlRejection::BadHost;
    }

    void refusedLinksSayWhyInline()
    {
        QFETCH(QString, input);
        QFETCH(UrlRejection, reason);
        typeAndParse(input);
        QVERIFY(message()->isVisible());
        QCOMPARE(message()->text(), rejectionText(reason));
        QVERIFY(!m_window->isParsing());
        QVERIFY(!resultShown());
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(urlEdit()->text(), input); // what was typed stays, to be corrected
    }

    void aPageThatCannotBeReadSaysSo()
    {
        typeAndParse(m_fixture.url(u"missing-page.html"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isParsing(), 60000);
        QVERIFY(!resultShown());
        QVERIFY(message()->isVisible());
        QVERIFY(!message()->text().isEmpty());
        QCOMPARE(message()->property("role").toString(), u"error"_s);
    }

    void cancellingAParseStopsYtDlp()
    {
        // The page never finishes arriving, so yt-dlp waits on it until the user gives up.
        m_fixture.server().setFault(u"slow.html"_s, LoopbackServer::Fault::StallAfter, 10);
        typeAndParse(m_fixture.url(u"slow.html"_s));
        QVERIFY(m_window->isParsing());
        auto *parse = child<QPushButton>(u"parseButton"_s);
        QCOMPARE(parse->text(), u"Cancel"_s);
        QTest::mouseClick(parse, Qt::LeftButton);
        QVERIFY(!m_window->isParsing());
        QCOMPARE(parse->text(), u"Parse"_s);
        QVERIFY(!urlEdit()->isReadOnly());
        QVERIFY(waitNoProcessesMatching(m_fixture.server().baseUrl(), 10000));
        QVERIFY(!resultShown());
    }

    void severalCopiedLinksPastedBecomeAListToTick()
    {
        QGuiApplication::clipboard()->setText(u"Two clips:\n"_s + m_fixture.url(u"clip1.mp4"_s) + u"\r\n"_s +
                                              m_fixture.url(u"clip2.mp4"_s) + u"\n--exec=touch /tmp/x\n"_s);
        QTest::mouseClick(child<QPushButton>(u"pasteButton"_s), Qt::LeftButton);
        QVERIFY(resultShown());
        auto *panel = child<PlaylistPanel>(u"playlistPanel"_s);
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->checkedEntries().size(), qsizetype(2));
        QCOMPARE(panel->checkedEntries().at(1).url, m_fixture.url(u"clip2.mp4"_s));
        // Words around the links, and the option-looking line, are not links: nothing is parsed for them.
        QVERIFY(!m_window->isParsing());
    }

    void aCopiedLinkIsOfferedOnlyWhenAskedFor()
    {
        const QString link = m_fixture.url(u"page.html"_s);
        QGuiApplication::clipboard()->setText(link);
        auto *offer = child<QPushButton>(u"clipboardOfferButton"_s);
        QEvent activation(QEvent::ActivationChange);
        // Off by default: the clipboard is not read unasked.
        QApplication::sendEvent(m_window.get(), &activation);
        QVERIFY(!offer->isVisible());

        m_settings->setOfferClipboardUrls(true);
        QApplication::sendEvent(m_window.get(), &activation);
        if (!m_window->isActiveWindow())
            QSKIP("the platform did not make the window active");
        QVERIFY(offer->isVisible());
        QTest::mouseClick(offer, Qt::LeftButton);
        QCOMPARE(urlEdit()->text(), link);
        QVERIFY(waitForResult());
        QVERIFY(!offer->isVisible());
        // The same link is not offered twice.
        QApplication::sendEvent(m_window.get(), &activation);
        QVERIFY(!offer->isVisible());
    }

    void aFailedDownloadSaysWhatToDoAndRetries()
    {
        typeAndParse(m_fixture.url(u"page.html"_s));
        QVERIFY(waitForResult());
        // The video goes away between the parse and the download.
        m_fixture.server().setFault(u"clip.mp4"_s, LoopbackServer::Fault::NotFound);
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Failed, 120000);
        const QString error = rows()->index(0, 0).data(DownloadListModel::ErrorTextRole).toString();
        QVERIFY(!error.isEmpty());
        QCOMPARE(
            downloadsView()->actionsFor(rows()->index(0, 0).data(DownloadListModel::IdRole).toULongLong()),
            (QList<DownloadAction>{DownloadAction::Retry, DownloadAction::Remove, DownloadAction::CopyUrl}));

        m_fixture.server().clearFaults();
        QVERIFY(clickRowButton(0, DownloadAction::Retry));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Completed, 120000);
        QVERIFY(rows()->index(0, 0).data(DownloadListModel::ErrorTextRole).toString().isEmpty());
    }

    // The history page is made when it is first opened; what the store said while it loaded still reaches it.
    void aDamagedHistoryIsToldOnAPageMadeLater()
    {
        const QString dir = m_fixture.scratch(u"damaged-history"_s);
        QFile damaged(dir + u"/history.jsonl"_s);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("this is not JSON\n");
        damaged.close();
        HistoryStore store(dir);
        MainWindow window(m_fixture.config(), m_settings.get(), m_theme.get(), &store);
        QSignalSpy recovered(&store, &HistoryStore::recoveredFromCorruption);
        store.loadAsync();
        QVERIFY(recovered.wait(10000));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!window.windowIcon().isNull());  // what waits for the first paint is done
        QVERIFY(!window.findChild<HistoryPage *>()); // not opened yet: no page
        QTest::mouseClick(window.findChild<QToolButton *>(u"navHistory"_s), Qt::LeftButton);
        auto *notice = window.findChild<QWidget *>(u"historyNotice"_s);
        QVERIFY(notice && notice->isVisible());
    }

    void aFinishedDownloadIsInTheHistoryAndDownloadsAgainFromThere()
    {
        typeAndParse(m_fixture.url(u"page.html"_s));
        QVERIFY(waitForResult());
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Completed, 120000);
        const QString file = rows()->index(0, 0).data(DownloadListModel::FilePathRole).toString();

        auto *historyButton = m_window->findChild<QToolButton *>(u"navHistory"_s);
        QVERIFY(historyButton && historyButton->isVisible());
        QTest::mouseClick(historyButton, Qt::LeftButton);
        auto *page = m_window->findChild<HistoryPage *>();
        QVERIFY(page && page->isVisible());
        QVERIFY(!downloadsView()->isVisible());
        QAbstractItemModel *shown = page->findChild<QAbstractItemView *>(u"historyList"_s)->model();
        QTRY_COMPARE(shown->rowCount(), 1);
        const QModelIndex entry = shown->index(0, 0);
        QVERIFY(entry.data(HistoryModel::TitleRole).toString().startsWith(u"Gravity Test Clip"_s));
        QCOMPARE(entry.data(HistoryModel::FilePathRole).toString(), file);
        QVERIFY(entry.data(HistoryModel::StatusTextRole).toString().startsWith(u"Completed"_s));

        // Download again: back on the downloads, with the saved info (no second parse of the page).
        const int parses = m_fixture.server().requestCount(u"page.html"_s);
        page->triggerFor(entry.data(HistoryModel::IdRole).toString(), HistoryAction::Redownload);
        QVERIFY(downloadsView()->isVisible());
        QVERIFY(!historyButton->isChecked());
        QCOMPARE(rows()->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(1), DownloadState::Completed, 120000);
        QCOMPARE(m_fixture.server().requestCount(u"page.html"_s), parses);
        QTRY_COMPARE(shown->rowCount(), 2);

        // Ctrl+F finds it from anywhere.
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(page->isVisible());
        QVERIFY(page->findChild<QLineEdit *>(u"historySearch"_s)->hasFocus());

        // A link dropped on the history goes to the download page and is parsed.
        QMimeData mime;
        mime.setUrls({QUrl(m_fixture.url(u"page.html"_s))});
        const QPoint where = page->mapTo(m_window.get(), page->rect().center());
        QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(downloadsView()->isVisible());
        QVERIFY(historyButton->isVisible() && !historyButton->isChecked());
        QVERIFY(waitForResult());
    }

    void theFileNamePreviewNamesTheParsedVideoAsItIsSaved()
    {
        typeAndParse(m_fixture.url(u"page.html"_s));
        QVERIFY(waitForResult());
        QString title;
        for (const QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->accessibleName() == u"Title"_s && label->isVisible())
                title = label->text();
        }
        QVERIFY(!title.isEmpty());

        QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
        SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog *>()) && dialog->isVisible());
        auto *preview = dialog->findChild<QLabel *>(u"settingsTemplatePreview"_s);
        const QString named = preview->text();
        QVERIFY2(named.startsWith(title), qPrintable(named + u" / "_s + title));
        QCOMPARE(dialog->findChild<QLabel *>(u"settingsTemplatePreviewLabel"_s)->text(), u"This video"_s);
        // Live: another template names the same video at once.
        auto *pattern = dialog->findChild<QLineEdit *>(u"settingsTemplate"_s);
        pattern->clear();
        QTest::keyClicks(pattern, u"Saved - %(title)s.%(ext)s"_s);
        QTRY_COMPARE(preview->text(), u"Saved - "_s + title + u".mp4"_s);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());

        // The file gets the name the preview showed for the template kept.
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Completed, 120000);
        const QString file = rows()->index(0, 0).data(DownloadListModel::FilePathRole).toString();
        QCOMPARE(QFileInfo(file).fileName(), named);
    }

    void settingsApplyAtOnceAndTheFolderOnlyToNewDownloads()
    {
        m_fixture.server().setThrottle(200 * 1024);
        typeAndParse(m_fixture.url(u"slow.html"_s));
        QVERIFY(waitForResult());
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QCOMPARE(rows()->rowCount(), 1);

        // Ctrl+, opens Settings; a higher limit and another folder, then OK.
        QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
        SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog *>()) && dialog->isVisible());
        dialog->findChild<QSpinBox *>(u"settingsMaxConcurrent"_s)->setValue(7);
        const QString elsewhere = m_fixture.scratch(u"elsewhere"_s);
        dialog->findChild<QLineEdit *>(u"settingsFolder"_s)->setText(elsewhere);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());

        QCOMPARE(m_window->queue()->maxConcurrent(), 7);
        QCOMPARE(m_settings->maxConcurrent(), 7);
        // The running download keeps its folder; the next one goes to the new folder.
        const quint64 first = rows()->index(0, 0).data(DownloadListModel::IdRole).toULongLong();
        QCOMPARE(m_window->queue()->task(first)->request().options.outputDir, m_downloads);
        m_fixture.server().setThrottle(0);
        typeAndParse(m_fixture.url(u"page.html"_s));
        QVERIFY(waitForResult());
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        const quint64 second = rows()->index(1, 0).data(DownloadListModel::IdRole).toULongLong();
        QCOMPARE(m_window->queue()->task(second)->request().options.outputDir, elsewhere);
        m_window->queue()->cancel(first);
    }

    void aBadTimeRangeWaitsToBeFixedThenOnlyThatPartIsDownloaded()
    {
        typeAndParse(m_fixture.url(u"page.html"_s));
        QVERIFY(waitForResult());
        MoreOptionsPanel *more = options()->moreOptions();
        QVERIFY(!more->isExpanded());
        QTest::mouseClick(more->toggleButton(), Qt::LeftButton);
        QTest::keyClicks(more->fromEdit(), u"0:02"_s);
        QTest::keyClicks(more->toEdit(), u"1"_s);
        QVERIFY(more->problemLabel()->isVisible());
        QVERIFY(!downloadButton()->isEnabled());
        QTest::keyClick(more->toEdit(), Qt::Key_Backspace);
        QTest::keyClicks(more->toEdit(), u"2.5"_s);
        QVERIFY(!more->problemLabel()->isVisible());
        more->fromEdit()->clear();
        QTest::keyClicks(more->fromEdit(), u"1"_s);
        QVERIFY(downloadButton()->isEnabled());
        QTest::mouseClick(downloadButton(), Qt::LeftButton);

        QCOMPARE(rows()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Completed, 120000);
        const QString file = rows()->index(0, 0).data(DownloadListModel::FilePathRole).toString();
        const double duration = durationOf(probeMedia(file));
        // The served clip is 3 s; 1 s to 2.5 s of it is 1.5 s, give or take a frame.
        QVERIFY2(qAbs(duration - 1.5) < 0.5, qPrintable(QString::number(duration)));
    }

    void closingWithDownloadsRunningAsksFirst()
    {
        m_fixture.server().setThrottle(200 * 1024);
        typeAndParse(m_fixture.url(u"slow.html"_s));
        QVERIFY(waitForResult());
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Downloading, 60000);

        QStringList asked;
        bool answer = false;
        m_window->setConfirmFunction([&](QWidget *, const Confirmation &question) {
            asked << question.text;
            return answer;
        });
        // No tray here: closing means quitting. Saying no keeps everything running.
        QVERIFY(!m_window->close());
        QCOMPARE(asked, QStringList{u"1 download is running. Quit anyway?"_s});
        QVERIFY(m_window->isVisible());
        QCOMPARE(stateOf(0), DownloadState::Downloading);
        // Yes stops the download's processes, keeping the partial file for next time.
        answer = true;
        QVERIFY(m_window->close());
        QCOMPARE(stateOf(0), DownloadState::Paused);
        QVERIFY(waitNoProcessesMatching(m_downloads, 10000));
    }

    void withATrayClosingHidesTheWindowAndDownloadsGoOn()
    {
        m_fixture.server().setThrottle(200 * 1024);
        typeAndParse(m_fixture.url(u"slow.html"_s));
        QVERIFY(waitForResult());
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Downloading, 60000);
        m_window->setTrayAvailable(true);
        QSignalSpy hidden(m_window.get(), &MainWindow::hiddenToTray);
        m_window->setConfirmFunction([](QWidget *, const Confirmation &) {
            qFatal("nothing to ask: the window only goes to the tray");
            return false;
        });
        QVERIFY(!m_window->close());
        QVERIFY(!m_window->isVisible());
        QCOMPARE(hidden.size(), 1);
        QCOMPARE(stateOf(0), DownloadState::Downloading);
        m_window->queue()->cancel(rows()->index(0, 0).data(DownloadListModel::IdRole).toULongLong());
    }

    void linksHandedOverWhileInTheTrayDownloadWithoutTheWindow()
    {
        m_window->hide();
        m_window->queueInBackground({m_fixture.url(u"clip1.mp4"_s), m_fixture.url(u"page.html"_s),
                                     m_fixture.url(u"clip3.mp4"_s), u"--exec=touch /tmp/pwned"_s});
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 3, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(0) == DownloadState::Completed &&
                                     stateOf(1) == DownloadState::Completed &&
                                     stateOf(2) == DownloadState::Completed,
                                 120000);
        QVERIFY(m_window->isHidden());
        QCOMPARE(QDir(m_downloads).entryList(QDir::Files).size(), 3);
        // The option in disguise went nowhere; the window says why when it is opened.
        QVERIFY(message()->text().contains(u"option"_s, Qt::CaseInsensitive));
    }

    void cancelFromTheRowStopsEverything()
    {
        m_fixture.server().setThrottle(300 * 1024);
        typeAndParse(m_fixture.url(u"slow.html"_s));
        QVERIFY(waitForResult());
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rows()->index(0, 0).data(DownloadListModel::FractionRole).toDouble() > 0,
                                 60000);
        QCOMPARE(stateOf(0), DownloadState::Downloading);
        QVERIFY(clickRowButton(0, DownloadAction::Cancel));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Cancelled, 20000);
        QVERIFY(waitNoProcessesMatching(m_downloads, 10000));
        QCOMPARE(QDir(m_downloads).entryList(QDir::Files), QStringList());
        QVERIFY(rows()->index(0, 0).data(DownloadListModel::ErrorTextRole).toString().isEmpty());
    }

    void aStreamStillLiveIsRefusedWithAClearMessage()
    {
        // Only YouTube can say a stream is live: a stand-in yt-dlp prints its captured -J output.
        EngineConfig config = m_fixture.config();
        config.ytDlpPath = writeScript(
            m_downloads, u"yt-dlp"_s,
            "#!/bin/sh\nexec cat '" + QFile::encodeName(testDataPath(u"info/youtube-live.json"_s)) + "'\n");
        QVERIFY(!config.ytDlpPath.isEmpty());
        QVERIFY(reopenWindow(config));

        typeAndParse(u"https://www.youtube.com/watch?v=jfKfPfyJRdk"_s);
        QVERIFY(QTest::qWaitFor([this] { return !m_window->isParsing(); }, 30000));
        QVERIFY(!resultShown());
        QVERIFY(message()->isVisible());
        QCOMPARE(message()->text(),
                 u"This is a live stream that has not ended: try again when it is over."_s);
        QCOMPARE(rows()->rowCount(), 0);
    }

    void twoOfThreeBilibiliPartsDownloadFromTheirOwnInfo()
    {
        // Only Bilibili can list the parts: a stand-in answers the parse with a 3-part info whose entries
        // carry their formats (on the loopback server: part N's video is clipN.mp4) and hands every other
        // call to the real yt-dlp.
        const QString dir = m_fixture.scratch(u"parts-info"_s);
        const QByteArray parts = m_fixture.servedCopyOf(testDataPath(u"info/bilibili-multipart-full.json"_s));
        QVERIFY(!parts.isEmpty());
        QFile info(QDir(dir).filePath(u"parts.json"_s));
        QVERIFY(info.open(QIODevice::WriteOnly));
        info.write(parts);
        info.close();
        const QString realYtDlp = QStandardPaths::findExecutable(u"yt-dlp"_s);
        QVERIFY(!realYtDlp.isEmpty());
        EngineConfig config = m_fixture.config();
        config.ytDlpPath = writeScript(dir, u"yt-dlp"_s, offlineYtDlp(realYtDlp, info.fileName()));
        QVERIFY(!config.ytDlpPath.isEmpty());
        QVERIFY(reopenWindow(config));
        const int part1 = m_fixture.server().requestCount(u"clip1.mp4"_s);
        const int part2 = m_fixture.server().requestCount(u"clip2.mp4"_s);
        const int part3 = m_fixture.server().requestCount(u"clip3.mp4"_s);

        typeAndParse(u"https://www.bilibili.com/video/BV1xx411c7mD"_s);
        QVERIFY(waitForResult());
        QVERIFY(playlist()->isVisible());
        QAbstractItemModel *entries = playlist()->model();
        QCOMPARE(entries->rowCount(), 3);
        QVERIFY(entries->index(1, 0).data().toString().contains(u"p02 森林里的早晨"_s));
        QVERIFY(entries->setData(entries->index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(downloadButton()->text(), u"Download 2 videos"_s);
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QCOMPARE(rows()->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            stateOf(0) == DownloadState::Completed && stateOf(1) == DownloadState::Completed, 120000);
        QStringList names;
        for (int row = 0; row < 2; ++row)
            names << QFileInfo(rows()->index(row, 0).data(DownloadListModel::FilePathRole).toString())
                         .fileName();
        names.sort();
        QCOMPARE(names.size(), 2);
        QVERIFY2(names.at(0).contains(u"p01 开场白"_s) && names.at(1).contains(u"p03 大结局"_s),
                 qPrintable(names.join(u", "_s)));
        // Each part from its own info: part 2 was never fetched.
        QVERIFY(m_fixture.server().requestCount(u"clip1.mp4"_s) > part1);
        QVERIFY(m_fixture.server().requestCount(u"clip3.mp4"_s) > part3);
        QCOMPARE(m_fixture.server().requestCount(u"clip2.mp4"_s), part2);
    }

    void aB23ShortLinkIsHandedToYtDlpToResolve()
    {
        // Only Bilibili can resolve b23.tv: a stand-in writes down its arguments and answers as yt-dlp does
        // once it has followed the redirect.
        const QString dir = m_fixture.scratch(u"b23"_s);
        const QString arguments = QDir(dir).filePath(u"arguments"_s);
        EngineConfig config = m_fixture.config();
        config.ytDlpPath = writeScript(
            dir, u"yt-dlp"_s,
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + QFile::encodeName(arguments) + "'\nexec cat '" +
                QFile::encodeName(testDataPath(u"info/bilibili-video.json"_s)) + "'\n");
        QVERIFY(!config.ytDlpPath.isEmpty());
        QVERIFY(reopenWindow(config));

        typeAndParse(u"b23.tv/AbC123x"_s);
        QVERIFY(waitForResult());
        QFile written(arguments);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QStringList given = QString::fromUtf8(written.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(given.mid(given.size() - 2), (QStringList{u"--"_s, u"https://b23.tv/AbC123x"_s}));
        QVERIFY(!playlist()->isVisible());
        const QList<QLabel *> labels = resultCard()->findChildren<QLabel *>();
        const auto badge = std::find_if(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->accessibleName() == u"Site"_s;
        });
        QVERIFY(badge != labels.cend());
        QCOMPARE((*badge)->text(), u"Bilibili"_s);
    }

    void aPlaylistWithTwoOfThreeChosen()
    {
        typeAndParse(m_fixture.url(u"feed.xml"_s));
        QVERIFY(waitForResult());
        QVERIFY(playlist()->isVisible());
        QAbstractItemModel *entries = playlist()->model();
        QAbstractItemModelTester tester(entries, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(entries->rowCount(), 3);
        // Untick the second entry the way the view does.
        QVERIFY(entries->setData(entries->index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(downloadButton()->text(), u"Download 2 videos"_s);
        options()->setAudioOnly(false);
        QVERIFY(options()->selectQuality(QualityPreset::P360));
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QCOMPARE(rows()->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            stateOf(0) == DownloadState::Completed && stateOf(1) == DownloadState::Completed, 120000);
        QStringList names;
        for (int row = 0; row < 2; ++row)
            names << QFileInfo(rows()->index(row, 0).data(DownloadListModel::FilePathRole).toString())
                         .fileName();
        QVERIFY2(names.at(0).contains(u"clip1"_s) && names.at(1).contains(u"clip3"_s),
                 qPrintable(names.join(u", ")));
        // In the playlist's own folder (the default), numbered by their place in it.
        const QDir folder(QDir(m_downloads).filePath(u"Gravity Test Feed"_s));
        QCOMPARE(folder.entryList(QDir::Files).size(), 2);
        QVERIFY2(names.at(0).startsWith(u"001 - "_s) && names.at(1).startsWith(u"003 - "_s),
                 qPrintable(names.join(u", ")));
        QCOMPARE(
            QFileInfo(rows()->index(0, 0).data(DownloadListModel::FilePathRole).toString()).absolutePath(),
            folder.absolutePath());
    }

    void withoutThePlaylistFolderEntriesGoStraightIntoTheDownloadFolder()
    {
        m_settings->setPlaylistSubfolder(false);
        typeAndParse(m_fixture.url(u"feed.xml"_s));
        QVERIFY(waitForResult());
        QAbstractItemModel *entries = playlist()->model();
        QVERIFY(entries->setData(entries->index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(entries->setData(entries->index(2, 0), Qt::Unchecked, Qt::CheckStateRole));
        QTest::mouseClick(downloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Completed, 120000);
        QCOMPARE(QDir(m_downloads).entryList(QDir::Files).size(), 1);
    }

    void keyboardOnly()
    {
        // Ctrl+V anywhere pastes and parses; Enter on the focused Download button downloads.
        QGuiApplication::clipboard()->setText(m_fixture.url(u"page.html"_s));
        downloadsView()->setFocus();
        QTest::keyClick(downloadsView(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(urlEdit()->text(), m_fixture.url(u"page.html"_s));
        QVERIFY(waitForResult());
        QCOMPARE(QApplication::focusWidget(), downloadButton());
        QTest::keyClick(downloadButton(), Qt::Key_Space);
        QCOMPARE(rows()->rowCount(), 1);
        QCOMPARE(QApplication::focusWidget(), urlEdit());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), DownloadState::Completed, 120000);
    }

    // Tab from the link field: Parse, Paste, the options, Download, the list, then what the card shows below
    // the options (More options, a playlist's entries) and the header. The result card is made when the
    // first parse finishes; Tab meets its widgets where it met them when the card was made at start-up.
    void tabFromTheLinkFieldGoesThroughTheResult_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("a video") << u"page.html"_s
                                 << QStringList{u"parseButton"_s,
                                                u"pasteButton"_s,
                                                u"Quality"_s,
                                                u"Container"_s,
                                                u"Audio only"_s,
                                                u"Download folder"_s,
                                                u"Choose exact formats"_s,
                                                u"downloadButton"_s,
                                                u"downloadList"_s,
                                                u"More options"_s,
                                                u"navDownload"_s,
                                                u"menuButton"_s};
        QTest::newRow("a playlist")
            << u"feed.xml"_s
            << QStringList{u"parseButton"_s,      u"pasteButton"_s,        u"Quality"_s,
                           u"Container"_s,        u"Audio only"_s,         u"Download folder"_s,
                           u"downloadButton"_s,   u"downloadList"_s,       u"More options"_s,
                           u"Playlist entries"_s, u"Select all entries"_s, u"Select no entries"_s,
                           u"navDownload"_s,      u"menuButton"_s};
    }

    void tabFromTheLinkFieldGoesThroughTheResult()
    {
        QFETCH(QString, page);
        QFETCH(QStringList, expected);
        typeAndParse(m_fixture.url(page));
        QVERIFY(waitForResult());
        if (!m_window->isActiveWindow())
            QSKIP("the platform did not make the window active");
        urlEdit()->setFocus();
        QStringList visited;
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            if (focus == urlEdit())
                break;
            visited << (focus->objectName().isEmpty() ? focus->accessibleName() : focus->objectName());
        }
        QCOMPARE(visited, expected);
    }

    void everyControlHasANameForScreenReaders()
    {
        typeAndParse(m_fixture.url(u"feed.xml"_s));
        QVERIFY(waitForResult());
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
                continue;
            const auto *button = qobject_cast<QAbstractButton *>(widget);
            const bool named = !widget->accessibleName().isEmpty() || (button && !button->text().isEmpty());
            QVERIFY2(named, qPrintable(QString::fromLatin1(widget->metaObject()->className()) + u' ' +
                                       widget->objectName()));
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
