// gravity-screenshots: walks the real window through each state against the loopback server and saves what
// the screen shows. Developers run it through tests/screenshots.sh under Xvfb; CI does not.
//
//   gravity-screenshots OUT_DIR light|dark en|zh_CN

#include "appsettings.h"
#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "downloadsview.h"
#include "formatsdialog.h"
#include "historyrecorder.h"
#include "historystore.h"
#include "loopbackserver.h"
#include "mainwindow.h"
#include "mediafixtures.h"
#include "moreoptionspanel.h"
#include "optionspanel.h"
#include "playlistmodel.h"
#include "playlistpanel.h"
#include "settingsdialog.h"
#include "theme.h"
#include "translations.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <cstdio>

using namespace Gravity;
using namespace GravityTest;

namespace {

template<typename Condition> void waitFor(Condition condition, int timeoutMs)
{
    if (!QTest::qWaitFor(condition, timeoutMs))
        std::fprintf(stderr, "timed out; the next picture may show an earlier state\n");
}

class Walker
{
public:
    Walker(MainWindow *window, AppSettings *settings, LoopbackServer *server, QString out, QString prefix)
        : m_window(window)
        , m_settings(settings)
        , m_server(server)
        , m_out(std::move(out))
        , m_prefix(std::move(prefix))
    {}

    template<typename T> T *child(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }

    QAbstractItemModel *rows() const { return child<DownloadsView>("downloadList")->model(); }

    void shoot(const char *state)
    {
        QTest::qWait(400); // let thumbnails decode and animations settle
        const QPixmap pixmap = m_window->screen()->grabWindow(0);
        const QString file = m_out + u'/' + m_prefix + u'-' + QString::fromLatin1(state) + u".png";
        if (!pixmap.save(file))
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
        else
            std::printf("%s\n", qPrintable(file));
    }

    void parse(const QString &url)
    {
        auto *edit = child<QLineEdit>("urlEdit");
        edit->setText(url);
        QTest::keyClick(edit, Qt::Key_Return);
        waitFor([this] { return !m_window->isParsing(); }, 60000);
    }

    bool allSettled() const
    {
        for (int row = 0; row < rows()->rowCount(); ++row) {
            const auto state =
                DownloadState(rows()->index(row, 0).data(DownloadListModel::StateRole).toInt());
            if (!isFinalState(state) && state != DownloadState::Paused)
                return false;
        }
        return true;
    }

    void walk()
    {
        shoot("01-empty");

        auto *edit = child<QLineEdit>("urlEdit");
        edit->setText(QStringLiteral("ftp://example.com/video.mp4"));
        QTest::keyClick(edit, Qt::Key_Return);
        shoot("02-refused-link");

        QMimeData mime;
        mime.setUrls({QUrl(m_server->url(QStringLiteral("page.html")))});
        QDragEnterEvent enter(m_window->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(m_window, &enter);
        shoot("03-drop-overlay");
        QDropEvent drop(m_window->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window, &drop);
        QTest::qWait(300);
        shoot("04-parsing");
        waitFor([this] { return !m_window->isParsing(); }, 60000);
        shoot("05-parsed");

        parse(m_server->url(QStringLiteral("hls/master.m3u8")).toString());
        auto *options = child<OptionsPanel>("optionsPanel");
        options->qualityBox()->showPopup();
        shoot("06-options-quality");
        options->qualityBox()->hidePopup();
        options->formatsButton()->click();
        shoot("07-advanced-formats");
        if (options->formatsDialog())
            options->formatsDialog()->reject();
        // More options unfolded, with a time range that does not fit the video and its message.
        options->moreOptions()->setExpanded(true);
        options->moreOptions()->fromEdit()->setText(QStringLiteral("2:00"));
        options->moreOptions()->toEdit()->setText(QStringLiteral("1:00"));
        shoot("07b-more-options");
        options->moreOptions()->fromEdit()->clear();
        options->moreOptions()->toEdit()->clear();
        options->moreOptions()->setExpanded(false);
        options->selectQuality(QualityPreset::P360);

        // Downloading: slow enough to catch mid-way, one running and one waiting.
        m_window->queue()->setMaxConcurrent(1);
        m_server->setThrottle(350 * 1024);
        parse(m_server->url(QStringLiteral("slow.html")).toString());
        child<QPushButton>("downloadButton")->click();
        parse(m_server->url(QStringLiteral("page.html")).toString());
        child<QPushButton>("downloadButton")->click();
        waitFor([this] { return rows()->index(0, 0).data(DownloadListModel::FractionRole).toDouble() > 0.2; },
                60000);
        shoot("08-downloading");

        m_server->setThrottle(0);
        m_server->setFault(QStringLiteral("clip2.mp4"), LoopbackServer::Fault::NotFound);
        parse(m_server->url(QStringLiteral("feed.xml")).toString());
        auto *playlist = child<PlaylistPanel>("playlistPanel");
        playlist->model()->setData(playlist->model()->index(0, 0), Qt::Unchecked, Qt::CheckStateRole);
        shoot("09-playlist");
        child<QPushButton>("downloadButton")->click(); // clip2 fails: a row in error
        waitFor([this] { return allSettled(); }, 180000);
        shoot("10-finished-and-failed");

        // The history of everything above, then a search.
        child<QToolButton>("navHistory")->click();
        shoot("11-history");
        auto *search = child<QLineEdit>("historySearch");
        QTest::keyClicks(search, QStringLiteral("clip"));
        shoot("12-history-search");
        search->clear();

        // Settings: the first page, then the network page with a manual proxy.
        auto *settings = new SettingsDialog(m_settings, m_window);
        settings->setAttribute(Qt::WA_DeleteOnClose);
        settings->move(40, 30);
        settings->open();
        shoot("13-settings-downloads");
        settings->showPage(SettingsDialog::Page::Network);
        shoot("14-settings-network");
        settings->showPage(SettingsDialog::Page::Tools);
        QTest::qWait(1500); // the versions are detected on a worker
        shoot("15-settings-tools");
        settings->reject();
    }

private:
    MainWindow *m_window;
    AppSettings *m_settings;
    LoopbackServer *m_server;
    QString m_out;
    QString m_prefix;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: gravity-screenshots OUT_DIR light|dark en|zh_CN\n");
        return 2;
    }
    const QString out = args.at(1);
    const bool dark = args.at(2) == u"dark";
    const QString language = args.at(3);
    QDir().mkpath(out);
    QCoreApplication::setApplicationName(QStringLiteral("gravity-screenshots"));

    QLocale::setDefault(QLocale(language));
    installTranslations(&app, QLocale(language));

    QTemporaryDir scratch;
    QString media = qEnvironmentVariable("GRAVITY_FIXTURES");
    if (media.isEmpty())
        media = scratch.filePath(QStringLiteral("media"));
    QString error;
    if (!MediaFixtures::ensure(media, &error)) {
        std::fprintf(stderr, "fixtures: %s\n", qPrintable(error));
        return 1;
    }
    LoopbackServer server;
    if (!server.start(media))
        return 1;

    AppSettings settings(scratch.filePath(QStringLiteral("settings.ini")));
    settings.setDownloadFolder(scratch.filePath(QStringLiteral("Downloads")));
    QDir().mkpath(settings.downloadFolder());
    Theme theme(dark ? ThemeMode::Dark : ThemeMode::Light);
    EngineConfig config;
    config.infoCacheDir = scratch.filePath(QStringLiteral("cache"));
    HistoryStore history(scratch.filePath(QStringLiteral("history")));
    MainWindow window(config, &settings, &theme, &history);
    HistoryRecorder recorder(window.queue(), &history);
    history.loadAsync();
    window.move(0, 0);
    window.resize(900, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    Walker(&window, &settings, &server, out, language + u'-' + args.at(2)).walk();
    return 0;
}
