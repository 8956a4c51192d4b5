// MainWindow: from a link to the queue. Reading the page (one link, several, or pasted), showing what was
// found, and queuing the download with the parsed info. In a file of its own so the window's main file keeps
// to building and wiring the page.

#include "mainwindow.h"

#include "appsettings.h"
#include "card.h"
#include "downloadqueue.h"
#include "mediasummary.h"
#include "optionspanel.h"
#include "outputtemplate.h"
#include "playlistpanel.h"
#include "prober.h"
#include "toollocator.h"
#include "urlrecognizer.h"
#include "ytdlpversion.h"

#include <QClipboard>
#include <QDateTime>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Gravity {

void MainWindow::parseUrls(const QStringList &urls)
{
    showPage(WindowHeader::Page::Download);
    QList<RecognizedUrl> accepted;
    QList<RecognizedUrl> rejected;
    for (const QString &text : urls) {
        const RecognizedUrl url = recognizeUrl(text);
        (url.isValid() ? accepted : rejected) << url;
    }
    if (accepted.size() <= 1) {
        m_urlEdit->setText(accepted.isEmpty() ? urls.value(0) : accepted.first().input);
        parseInput();
        return;
    }
    // Several links at once become a list to tick, downloaded with one set of options.
    cancelParse();
    m_urlEdit->clear();
    MediaInfo list;
    list.isPlaylist = true;
    list.title = tr("%n links", nullptr, int(accepted.size()));
    for (const RecognizedUrl &url : accepted) {
        PlaylistEntry entry;
        entry.url = url.normalized;
        entry.title = url.normalized;
        entry.index = int(list.entries.size()) + 1;
        list.entries << entry;
    }
    list.platform = accepted.first().platform;
    showResult(list);
    if (!rejected.isEmpty()) {
        showMessage(tr("%n link(s) could not be used: %1", nullptr, int(rejected.size()))
                        .arg(rejectionText(rejected.first().rejection)),
                    QStringLiteral("error"));
    }
}

void MainWindow::pasteAndParse()
{
    // Several links copied at once (a list from a chat or a text file) become a list to tick, as a drop does.
    const QString text = QGuiApplication::clipboard()->text().trimmed();
    const QList<RecognizedUrl> found = extractUrls(text);
    if (std::count_if(found.cbegin(), found.cend(), [](const RecognizedUrl &url) { return url.isValid(); }) >
        1) {
        QStringList inputs;
        for (const RecognizedUrl &url : found)
            inputs << url.input;
        parseUrls(inputs);
        return;
    }
    m_urlEdit->setText(text);
    parseInput();
}

void MainWindow::parseInput()
{
    const RecognizedUrl url = recognizeUrl(m_urlEdit->text());
    m_clipboardOffer->hide();
    cancelParse();
    m_info.reset();
    if (m_resultCard)
        m_resultCard->hide();
    if (!url.isValid()) {
        showMessage(rejectionText(url.rejection), QStringLiteral("error"));
        return;
    }
    m_url = url.normalized;
    showMessage(url.platform == Platform::Other
                    ? tr("Reading the page…")
                    : tr("Reading the %1 page…").arg(platformDisplayName(url.platform)),
                QStringLiteral("hint"));
    m_prober = new Prober(m_config, this);
    connect(m_prober, &Prober::finished, this, &MainWindow::onProbed);
    setBusy(true);
    m_prober->start(m_url);
}

void MainWindow::cancelParse()
{
    if (!m_prober)
        return;
    Prober *prober = std::exchange(m_prober, nullptr);
    prober->disconnect(this);
    prober->cancel();
    prober->deleteLater();
    setBusy(false);
    showMessage({}, QStringLiteral("hint"));
}

void MainWindow::onProbed(const ProbeResult &result)
{
    if (m_prober)
        std::exchange(m_prober, nullptr)->deleteLater();
    setBusy(false);
    if (!result.info) {
        showMessage(errorKindText(result.error.kind), QStringLiteral("error"));
        m_cookiesButton->setVisible(result.error.kind == ErrorKind::LoginRequired);
        // A page yt-dlp no longer understands fails without a clear reason: an old yt-dlp is the likely one.
        if (result.error.kind == ErrorKind::Unknown || result.error.kind == ErrorKind::UnsupportedUrl)
            showYtDlpAgeHint(errorKindText(result.error.kind));
        return;
    }
    if (result.info->isLive) {
        showMessage(errorKindText(ErrorKind::LiveNotSupported), QStringLiteral("error"));
        return;
    }
    showMessage({}, QStringLiteral("hint"));
    showResult(*result.info);
}

void MainWindow::showYtDlpAgeHint(const QString &failure)
{
    // The version runs yt-dlp (cached after the first time): off the GUI thread.
    auto *watcher = new QFutureWatcher<std::optional<QString>>(this);
    const QString path = ToolLocator::locate(Tool::YtDlp, m_config.ytDlpPath);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, failure] {
        watcher->deleteLater();
        const std::optional<QString> version = watcher->result();
        const QString age = version ? ytDlpOutdatedText(*version, QDate::currentDate()) : QString();
        // Only while the failure is still what the window shows.
        if (!age.isEmpty() && m_message->text() == failure && !isParsing())
            m_message->setText(
                tr("%1\n%2", "a parse error, then the advice to update an old yt-dlp").arg(failure, age));
    });
    watcher->setFuture(QtConcurrent::run([path] { return ToolLocator::ytDlpVersion(path); }));
}

void MainWindow::showResult(const MediaInfo &info)
{
    ensureResultCard();
    m_info = info;
    m_summary->setInfo(info);
    m_options->setInfo(info, m_settings->lastOptions());
    m_playlist->setVisible(info.isPlaylist);
    if (info.isPlaylist)
        m_playlist->setEntries(info.entries);
    m_resultCard->show();
    updateDownloadButton();
    m_downloadButton->setFocus();
}

void MainWindow::updateDownloadButton()
{
    if (!m_info)
        return;
    const int count = m_info->isPlaylist ? int(m_playlist->checkedEntries().size()) : 1;
    // A bad time range is explained beside its fields; downloading waits until it is fixed.
    m_downloadButton->setEnabled(count > 0 && m_options->problem().isEmpty());
    m_downloadButton->setText(m_info->isPlaylist ? tr("Download %n video(s)", nullptr, count)
                                                 : tr("Download"));
}

void MainWindow::startDownload()
{
    if (!m_info || !m_options->problem().isEmpty())
        return;
    DownloadOptions options = m_options->options();
    m_settings->setLastOptions(m_options->preferences());
    options.outputTemplate = m_settings->outputTemplate();
    const MediaInfo &info = *m_info;
    int queued = 0;
    if (info.isPlaylist) {
        // Entries are downloaded one by one, where yt-dlp knows nothing of the playlist: its folder and the
        // entry's place in it are written into each entry's template.
        const bool subfolder = m_settings->playlistSubfolder();
        for (const PlaylistEntry &entry : m_playlist->checkedEntries()) {
            DownloadRequest request = entryRequest(info, entry, options);
            if (request.url.isEmpty() && request.infoJson.isEmpty())
                continue;
            if (subfolder)
                request.options.outputTemplate =
                    OutputTemplate::playlistTemplate(options.outputTemplate, info.title, entry.index);
            m_queue->enqueue(std::move(request));
            ++queued;
        }
    } else {
        DownloadRequest request;
        request.url = m_url;
        request.platform = info.platform;
        request.title = info.title;
        request.thumbnail = info.thumbnail;
        request.infoJson = info.rawJson;
        request.infoFetchedAt = QDateTime::currentDateTimeUtc();
        request.options = options;
        m_queue->enqueue(std::move(request));
        queued = 1;
    }
    resetForNextLink();
    showMessage(tr("Added %n download(s). Paste or drop the next link.", nullptr, queued),
                QStringLiteral("hint"));
}

void MainWindow::resetForNextLink()
{
    m_info.reset();
    if (m_resultCard) {
        m_resultCard->hide();
        m_summary->clear();
    }
    m_urlEdit->clear();
    m_urlEdit->setFocus();
}

} // namespace Gravity
