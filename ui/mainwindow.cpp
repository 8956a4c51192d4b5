#include "mainwindow.h"

#include "appsettings.h"
#include "batchintake.h"
#include "card.h"
#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "downloadsview.h"
#include "dropoverlay.h"
#include "historypage.h"
#include "historystore.h"
#include "mediasummary.h"
#include "optionspanel.h"
#include "playlistpanel.h"
#include "prober.h"
#include "queuejournal.h"
#include "settingsdialog.h"
#include "settingsdownloadspage.h"
#include "settingsnetworkpage.h"
#include "theme.h"
#include "thumbnailloader.h"
#include "urlrecognizer.h"

#include <utility>

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gravity {

MainWindow::MainWindow(const EngineConfig &config, AppSettings *settings, Theme *theme, HistoryStore *history,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_config(config)
    , m_settings(settings)
    , m_theme(theme)
    , m_history(history)
    , m_queue(new DownloadQueue(config, this))
    , m_model(new DownloadListModel(m_queue, this))
    , m_thumbnails(new ThumbnailLoader(this))
    , m_confirm(askWithMessageBox)
{
    setWindowTitle(tr("Gravity Video Downloader"));
    setAcceptDrops(true);
    resize(880, 780);
    setMinimumSize(600, 480);

    auto *backdrop = new QWidget(this);
    backdrop->setObjectName(QStringLiteral("backdrop"));
    backdrop->setAttribute(Qt::WA_StyledBackground);
    // Every widget is made under its final parent: reparenting a styled subtree re-polishes all of it,
    // which was a fifth of the time to the first paint.
    m_pages = new QStackedWidget(backdrop);
    // The cards scroll as one page when a long playlist or a small screen leaves too little height; with
    // room to spare, the downloads card takes it.
    auto *scroll = new QScrollArea(m_pages);
    auto *page = new QWidget;
    // Resizable while the page is still empty: made so after the cards, it measured (and polished) all of
    // them at once, and show() measures them again.
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(12);
    pageLayout->addWidget(buildInputCard(page));
    // The result card (summary, options, playlist) is hidden until a parse finishes: ensureResultCard()
    // makes it then, between these two.
    pageLayout->addWidget(buildDownloadsCard(page), 1);
    m_pageLayout = pageLayout;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->viewport()->setAutoFillBackground(false);
    page->setAutoFillBackground(false);
    m_pages->addWidget(scroll);
    m_header = new WindowHeader(m_settings, m_theme, m_history != nullptr, backdrop);
    connect(m_header, &WindowHeader::pageRequested, this, &MainWindow::showPage);
    connect(m_header, &WindowHeader::settingsRequested, this, [this] { openSettings(); });
    connect(m_downloads, &DownloadsView::cookiesSetupRequested, this, &MainWindow::openCookieSettings);
    connect(m_header, &WindowHeader::importRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import links"), QDir::homePath(),
                                                          tr("Text files (*.txt);;All files (*)"));
        if (!path.isEmpty())
            importLinksFrom(path);
    });
    if (m_history) {
        auto *find = new QShortcut(QKeySequence::Find, this);
        connect(find, &QShortcut::activated, this, [this] {
            showPage(WindowHeader::Page::History);
            m_historyPage->focusSearch();
        });
    }
    auto *layout = new QVBoxLayout(backdrop);
    layout->setContentsMargins(20, 14, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_header);
    layout->addWidget(m_pages, 1);
    setCentralWidget(backdrop);
    m_dropOverlay = new DropOverlay(backdrop);

    setTabOrder(m_urlEdit, m_parseButton);

    // Ctrl+V anywhere pastes a link and parses it; inside the link field the field's own paste wins.
    auto *paste = new QShortcut(QKeySequence::Paste, this);
    connect(paste, &QShortcut::activated, this, [this] {
        m_urlEdit->setFocus();
        pasteAndParse();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &MainWindow::cancelParse);
    connect(m_queue, &DownloadQueue::taskAdded, this, &MainWindow::updateDownloadsSummary);
    connect(m_queue, &DownloadQueue::taskRemoved, this, &MainWindow::updateDownloadsSummary);
    connect(m_queue, &DownloadQueue::tasksChanged, this, &MainWindow::updateDownloadsSummary);
    updateDownloadsSummary();
    m_urlEdit->setFocus();
    if (m_history)
        watchHistory();
}

// What can wait until the window has painted once: a window that shows sooner matters more than its icon
// (rendered from SVG at every size the window manager may want).
void MainWindow::completeAfterFirstPaint()
{
    if (std::exchange(m_completedAfterFirstPaint, true))
        return;
    setWindowIcon(Theme::appIcon());
    emit firstPainted();
}

// The history page is made when it is first shown (its button, Ctrl+F): a page of a few dozen widgets and a
// model over the whole history is memory held from start-up on for a page many sessions never open, and it
// takes milliseconds to make.
void MainWindow::ensureHistoryPage()
{
    if (m_historyPage || !m_history)
        return;
    m_historyPage = new HistoryPage(m_history, m_thumbnails, m_pages);
    m_pages->addWidget(m_historyPage);
    connect(m_historyPage, &HistoryPage::redownloadRequested, this, [this](const DownloadRequest &request) {
        m_queue->enqueue(request);
        showPage(WindowHeader::Page::Download);
    });
    connect(m_historyPage, &HistoryPage::messageRequested, this,
            [this](const QString &text) { showMessage(text, QStringLiteral("hint")); });
    for (const auto &replay : std::exchange(m_historyNoticesBeforePage, {}))
        replay(m_historyPage);
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_completedAfterFirstPaint)
        QTimer::singleShot(0, this, &MainWindow::completeAfterFirstPaint);
    return QMainWindow::event(event);
}

void MainWindow::showPage(WindowHeader::Page page)
{
    m_header->setCurrentPage(page);
    if (page == WindowHeader::Page::History && m_history) {
        ensureHistoryPage();
        m_pages->setCurrentWidget(m_historyPage);
        m_historyPage->refresh();
    } else {
        m_pages->setCurrentIndex(0);
    }
}

namespace {

// The fields of a parsed video a file name can use: its formats, thumbnails and captions are left out, they
// are most of a page's JSON and no template names them.
QJsonObject previewFields(const QByteArray &infoJson)
{
    QJsonObject info = QJsonDocument::fromJson(infoJson).object();
    for (const char *bulky :
         {"formats", "requested_formats", "thumbnails", "subtitles", "automatic_captions", "heatmap"})
        info.remove(QLatin1String(bulky));
    return info;
}

} // namespace

SettingsDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_info && !m_info->isPlaylist)
        static_cast<SettingsDownloadsPage *>(dialog->page(SettingsDialog::Page::Downloads))
            ->setPreviewInfo(previewFields(m_info->rawJson));
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    dialog->open();
    return dialog;
}

void MainWindow::openCookieSettings()
{
    SettingsDialog *dialog = openSettings();
    dialog->showPage(SettingsDialog::Page::Network);
    static_cast<SettingsNetworkPage *>(dialog->page(SettingsDialog::Page::Network))->focusCookies();
}

void MainWindow::applySettings()
{
    // The engine follows at once (a higher limit starts waiting downloads); the options offered for the
    // next video and the folder apply to new downloads only.
    m_config = m_settings->engineConfig();
    m_queue->setConfig(m_config);
    if (m_theme)
        m_theme->setMode(themeModeFromId(m_settings->themeMode()).value_or(ThemeMode::System));
    if (m_history && m_history->isLoaded())
        m_history->pruneOlderThan(m_settings->historyRetentionDays());
}

void MainWindow::watchHistory()
{
    // Told once, where the user is looking; nothing is lost: the damaged file is kept beside the new one.
    // The history page shows the same above its list; until it is made, what it would have shown waits.
    connect(m_history, &HistoryStore::recoveredFromCorruption, this, [this](const QString &aside, int count) {
        showMessage(
            tr("The download history was damaged. %n entries were recovered; the damaged file was kept "
               "as %1.",
               nullptr, count)
                .arg(QDir::toNativeSeparators(aside)),
            QStringLiteral("error"));
        if (!m_historyPage)
            m_historyNoticesBeforePage << [aside, count](HistoryPage *page) {
                page->showRecoveredFromCorruption(aside, count);
            };
    });
    connect(m_history, &HistoryStore::loadFailed, this, [this](const QString &message) {
        showMessage(tr("The download history could not be read, so it is left untouched: %1").arg(message),
                    QStringLiteral("error"));
        if (!m_historyPage)
            m_historyNoticesBeforePage << [message](HistoryPage *page) {
                page->showLoadFailure(message);
            };
    });
    connect(m_history, &HistoryStore::saveFailed, this, [this](const QString &message) {
        showMessage(tr("The download history could not be saved; Gravity will try again: %1").arg(message),
                    QStringLiteral("error"));
        if (!m_historyPage)
            m_historyNoticesBeforePage << [message](HistoryPage *page) {
                page->showSaveFailure(message);
            };
    });
}

void MainWindow::watchQueueJournal(QueueJournal *journal)
{
    connect(journal, &QueueJournal::recoveredFromCorruption, this, [this](const QString &aside, int count) {
        showMessage(
            tr("The list of unfinished downloads was damaged. %n download(s) were restored; the damaged "
               "file was kept as %1.",
               nullptr, count)
                .arg(QDir::toNativeSeparators(aside)),
            QStringLiteral("error"));
    });
    connect(journal, &QueueJournal::saveFailed, this,
            [this](const QString &message) { showMessage(message, QStringLiteral("error")); });
}

MainWindow::~MainWindow()
{
    m_queue->stopAll();
}

QWidget *MainWindow::buildInputCard(QWidget *parent)
{
    auto *card = new Card(parent);
    m_urlEdit = new QLineEdit(card);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(tr("Paste a video or playlist link, or drop one anywhere here"));
    m_urlEdit->setAccessibleName(tr("Video link"));
    Theme::addClearButton(m_urlEdit);
    m_urlEdit->setAcceptDrops(false); // the whole window takes drops, the field included
    auto *pasteButton = new QPushButton(Theme::icon(QStringLiteral("paste")), tr("Paste"), card);
    pasteButton->setObjectName(QStringLiteral("pasteButton"));
    pasteButton->setAccessibleName(tr("Paste link from clipboard"));
    pasteButton->setToolTip(tr("Paste the copied link and parse it (Ctrl+V)"));
    m_parseButton = new QPushButton(tr("Parse"), card);
    m_parseButton->setObjectName(QStringLiteral("parseButton"));
    m_parseButton->setProperty("accent", true);
    m_parseButton->setAccessibleName(tr("Parse link"));
    m_busyBar = new QProgressBar(card);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(4);
    m_busyBar->setAccessibleName(tr("Reading the page"));
    m_busyBar->hide();
    m_message = new QLabel(card);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAccessibleName(tr("Message"));
    m_message->hide();
    m_cookiesButton = new QPushButton(tr("Set up cookies…"), card);
    m_cookiesButton->setObjectName(QStringLiteral("setUpCookiesButton"));
    m_cookiesButton->setAccessibleName(tr("Set up cookies for sites that need a login"));
    m_cookiesButton->hide();

    m_clipboardOffer = new QWidget(card);
    m_clipboardText = new QLabel(m_clipboardOffer);
    m_clipboardText->setProperty("role", QStringLiteral("secondary"));
    m_clipboardText->setTextFormat(Qt::PlainText);
    auto *useOffer = new QPushButton(tr("Parse it"), m_clipboardOffer);
    useOffer->setObjectName(QStringLiteral("clipboardOfferButton"));
    useOffer->setAccessibleName(tr("Parse the copied link"));
    auto *offerLayout = new QHBoxLayout(m_clipboardOffer);
    offerLayout->setContentsMargins(0, 0, 0, 0);
    offerLayout->addWidget(m_clipboardText, 1);
    offerLayout->addWidget(useOffer);
    m_clipboardOffer->hide();

    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(m_urlEdit, 1);
    row->addWidget(pasteButton);
    row->addWidget(m_parseButton);
    auto *layout = new QVBoxLayout(card);
    layout->setSpacing(10);
    layout->addLayout(row);
    layout->addWidget(m_busyBar);
    auto *messageRow = new QHBoxLayout;
    messageRow->setSpacing(8);
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_cookiesButton, 0, Qt::AlignTop);
    layout->addLayout(messageRow);
    layout->addWidget(m_clipboardOffer);

    connect(pasteButton, &QPushButton::clicked, this, &MainWindow::pasteAndParse);
    connect(m_cookiesButton, &QPushButton::clicked, this, &MainWindow::openCookieSettings);
    connect(m_urlEdit, &QLineEdit::returnPressed, this, &MainWindow::parseInput);
    connect(m_parseButton, &QPushButton::clicked, this, [this] {
        if (isParsing())
            cancelParse();
        else
            parseInput();
    });
    connect(useOffer, &QPushButton::clicked, this, [this] {
        m_clipboardOffer->hide();
        m_urlEdit->setText(m_offeredLink);
        parseInput();
    });
    return card;
}

void MainWindow::ensureResultCard()
{
    if (m_resultCard)
        return;
    // Made under its final parent, in its place between the input and the downloads cards.
    QWidget *downloadsCard = m_pageLayout->itemAt(1)->widget();
    QWidget *card = buildResultCard(downloadsCard->parentWidget());
    m_pageLayout->insertWidget(1, card);
    // A widget joins the end of the window's focus chain when it is made (after the header and the
    // history page): the card's widgets go back to where Tab met them when the card was made at start-up,
    // after the input card's and before the downloads card's.
    QWidget *previous = downloadsCard->previousInFocusChain();
    while (previous->focusPolicy() == Qt::NoFocus)
        previous = previous->previousInFocusChain();
    QList<QWidget *> inCard;
    for (QWidget *widget = card->nextInFocusChain(); widget != card; widget = widget->nextInFocusChain()) {
        if (card->isAncestorOf(widget) && widget->focusPolicy() != Qt::NoFocus)
            inCard << widget;
    }
    for (QWidget *widget : std::as_const(inCard)) {
        setTabOrder(previous, widget);
        previous = widget;
    }
    // And what the constructor set: Download after Choose formats, then the list of downloads.
    setTabOrder(m_options->formatsButton(), m_downloadButton);
    setTabOrder(m_downloadButton, m_downloads);
}

QWidget *MainWindow::buildResultCard(QWidget *parent)
{
    m_resultCard = new Card(parent);
    m_resultCard->setObjectName(QStringLiteral("resultCard"));
    m_summary = new MediaSummary(m_thumbnails, m_resultCard);
    m_options = new OptionsPanel(m_resultCard);
    m_options->setObjectName(QStringLiteral("optionsPanel"));
    m_playlist = new PlaylistPanel(m_resultCard);
    m_playlist->setObjectName(QStringLiteral("playlistPanel"));
    m_downloadButton = new QPushButton(tr("Download"), m_resultCard);
    m_downloadButton->setObjectName(QStringLiteral("downloadButton"));
    m_downloadButton->setProperty("accent", true);
    m_downloadButton->setAccessibleName(tr("Download"));
    m_downloadButton->setDefault(true);
    m_downloadButton->setAutoDefault(true);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_options->formatsButton());
    buttonRow->addStretch();
    buttonRow->addWidget(m_downloadButton);
    auto *layout = new QVBoxLayout(m_resultCard);
    layout->setSpacing(14);
    layout->addWidget(m_summary);
    layout->addWidget(m_playlist, 1);
    layout->addWidget(m_options);
    layout->addLayout(buttonRow);
    m_resultCard->hide();

    connect(m_downloadButton, &QPushButton::clicked, this, &MainWindow::startDownload);
    connect(m_playlist, &PlaylistPanel::checkedCountChanged, this, &MainWindow::updateDownloadButton);
    connect(m_options, &OptionsPanel::problemChanged, this, &MainWindow::updateDownloadButton);
    connect(m_options, &OptionsPanel::folderChanged, this,
            [this](const QString &folder) { m_settings->setDownloadFolder(folder); });
    return m_resultCard;
}

QWidget *MainWindow::buildDownloadsCard(QWidget *parent)
{
    auto *card = new Card(parent);
    auto *title = new QLabel(tr("Downloads"), card);
    title->setProperty("role", QStringLiteral("title"));
    m_downloadsSummary = new QLabel(card);
    m_downloadsSummary->setProperty("role", QStringLiteral("secondary"));
    m_downloads = new DownloadsView(m_queue, m_model, m_thumbnails, card);
    m_downloads->setMinimumHeight(200);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_downloadsSummary);
    auto *layout = new QVBoxLayout(card);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_downloads, 1);
    return card;
}

bool MainWindow::isParsing() const
{
    return m_prober && m_prober->isRunning();
}

void MainWindow::showMessage(const QString &text, const QString &role)
{
    m_message->setText(text);
    Theme::setStyleProperty(m_message, "role", role);
    m_message->setVisible(!text.isEmpty());
    m_cookiesButton->hide(); // only the login error that shows it keeps it
}

void MainWindow::setBusy(bool busy)
{
    m_parseButton->setText(busy ? tr("Cancel") : tr("Parse"));
    m_parseButton->setAccessibleName(busy ? tr("Cancel parsing") : tr("Parse link"));
    m_urlEdit->setReadOnly(busy);
    m_busyBar->setVisible(busy);
}

void MainWindow::updateDownloadsSummary()
{
    const int total = int(m_queue->ids().size());
    const int active = m_queue->activeCount();
    const int waiting = m_queue->pendingCount() - active;
    QStringList parts;
    if (active > 0)
        parts << tr("%n active", nullptr, active);
    if (waiting > 0)
        parts << tr("%n waiting", nullptr, waiting);
    if (parts.isEmpty() && total > 0)
        parts << tr("%n in the list", nullptr, total);
    m_downloadsSummary->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::offerClipboardLink()
{
    if (!m_settings->offerClipboardUrls() || isParsing())
        return;
    const QList<RecognizedUrl> urls = extractUrls(QGuiApplication::clipboard()->text());
    for (const RecognizedUrl &url : urls) {
        if (!url.isValid() || url.normalized == m_offeredLink || url.normalized == m_url)
            continue;
        m_offeredLink = url.normalized;
        m_clipboardText->setText(tr("Copied link: %1").arg(url.normalized));
        m_clipboardOffer->show();
        return;
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // A dropped .txt is a list of links to import (its file: URL would otherwise read as a refused link).
    if (!linksFileFromMimeData(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        return;
    }
    const QStringList links = linksFromMimeData(event->mimeData());
    if (links.isEmpty())
        return;
    event->acceptProposedAction();
    m_dropOverlay->showFor(int(links.size()));
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropOverlay->hide();
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    m_dropOverlay->hide();
    if (const QString file = linksFileFromMimeData(event->mimeData()); !file.isEmpty()) {
        event->acceptProposedAction();
        importLinksFrom(file);
        return;
    }
    const QStringList links = linksFromMimeData(event->mimeData());
    if (links.isEmpty())
        return;
    event->acceptProposedAction();
    parseUrls(links);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        offerClipboardLink();
    QMainWindow::changeEvent(event);
}

void MainWindow::queueInBackground(const QStringList &urls)
{
    if (!m_intake) {
        m_intake = new BatchIntake(m_queue, m_config, this);
        connect(m_intake, &BatchIntake::rejected, this, [this](const RecognizedUrl &url) {
            showMessage(rejectionText(url.rejection), QStringLiteral("error"));
        });
        connect(m_intake, &BatchIntake::parseFailed, this,
                [this](const QString &url, const DownloadError &error) {
                    showMessage(tr("%1 could not be read: %2").arg(url, errorKindText(error.kind)),
                                QStringLiteral("error"));
                });
    }
    DownloadOptions options = m_settings->lastOptions();
    options.outputTemplate = m_settings->outputTemplate();
    m_intake->setOptions(options);
    m_intake->submit(urls);
}

void MainWindow::showDownload(quint64 taskId)
{
    showPage(WindowHeader::Page::Download);
    const int row = m_queue->indexOf(taskId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_downloads->setCurrentIndex(index);
    m_downloads->scrollTo(index);
    m_downloads->setFocus();
}

void MainWindow::stopForQuit()
{
    cancelParse();
    if (m_intake)
        m_intake->cancel();
    m_queue->stopAll();
}

void MainWindow::setConfirmFunction(ConfirmFunction confirm)
{
    m_confirm = confirm ? std::move(confirm) : ConfirmFunction(askWithMessageBox);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_trayAvailable && m_settings->closeToTray()) {
        event->ignore();
        hide();
        emit hiddenToTray();
        return;
    }
    const int active = m_queue->activeCount();
    if (active > 0 &&
        !m_confirm(this, {tr("Quit Gravity"), tr("%n download(s) are running. Quit anyway?", nullptr, active),
                          tr("They stop now and continue from where they were the next time "
                             "Gravity starts."),
                          tr("&Quit")})) {
        event->ignore();
        return;
    }
    // Closing must not leave yt-dlp or ffmpeg behind; running downloads stop and keep their partial files.
    stopForQuit();
    QMainWindow::closeEvent(event);
}

} // namespace Gravity
