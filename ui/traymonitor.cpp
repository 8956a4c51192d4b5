#include "traymonitor.h"

#include "appsettings.h"
#include "displaytext.h"
#include "downloadqueue.h"
#include "notificationbatcher.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSvgRenderer>
#include <QSystemTrayIcon>
#include <QUrl>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace Gravity {

namespace {

// Sizes the icon is drawn at: tray hosts ask for anything from 16 to 48 px, and a bar drawn at the size it is
// shown stays crisp where a scaled one blurs.
constexpr int IconSizes[] = {16, 22, 24, 32, 48, 64};
// How many titles a notification lists before "and N more".
constexpr int MaxListedTitles = 3;
// Menu entries are elided to about this width (logical px), so one long title cannot widen the menu.
constexpr int MenuTitleWidth = 280;

QString percentText(double fraction)
{
    const QLocale locale;
    return locale.toString(int(std::floor(std::clamp(fraction, 0.0, 1.0) * 100.0))) + locale.percent();
}

// Titles become menu text, where '&' marks a shortcut.
QString menuText(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

TrayMonitor::TrayMonitor(DownloadQueue *queue, AppSettings *settings, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_settings(settings)
    , m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_batcher = new NotificationBatcher(queue, this);
    m_tray = new QSystemTrayIcon(this);
    buildMenu();
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            toggleWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayMonitor::onMessageClicked);
    connect(m_batcher, &NotificationBatcher::batchReady, this, &TrayMonitor::showBatch);

    // Changes arrive in bursts (a playlist adds fifty rows in one go): the text is brought up to date once
    // per turn of the event loop, the picture at most twice a second.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TrayMonitor::refresh);
    m_iconTimer.setSingleShot(true);
    connect(&m_iconTimer, &QTimer::timeout, this, &TrayMonitor::updateIcon);
    connect(queue, &DownloadQueue::taskAdded, this, &TrayMonitor::scheduleRefresh);
    connect(queue, &DownloadQueue::taskRemoved, this, &TrayMonitor::scheduleRefresh);
    connect(queue, &DownloadQueue::tasksChanged, this, &TrayMonitor::scheduleRefresh);
    connect(queue, &DownloadQueue::taskFinished, this, &TrayMonitor::scheduleRefresh);

    refresh();
    updateIcon();
    m_tray->show();
}

TrayMonitor::~TrayMonitor()
{
    // The icon first: it keeps a pointer to the menu, which it does not own.
    delete m_tray;
    delete m_menu;
}

void TrayMonitor::buildMenu()
{
    m_menu = new QMenu; // owned here: QSystemTrayIcon does not take its menu
    m_menu->setObjectName(QStringLiteral("trayMenu"));

    m_toggleAction = m_menu->addAction(tr("Show Gravity"), this, &TrayMonitor::toggleWindow);
    m_toggleAction->setObjectName(QStringLiteral("toggleWindow"));
    m_menu->addSeparator();
    m_noDownloadsAction = m_menu->addAction(tr("No downloads running"));
    m_noDownloadsAction->setObjectName(QStringLiteral("noDownloads"));
    m_noDownloadsAction->setEnabled(false);
    m_moreAction = m_menu->addAction(QString(), this, &TrayMonitor::showWindow);
    m_moreAction->setObjectName(QStringLiteral("moreDownloads"));
    m_moreAction->setVisible(false);
    m_menu->addSeparator();
    m_pauseAllAction = m_menu->addAction(tr("Pause all"), m_queue, &DownloadQueue::pauseAll);
    m_pauseAllAction->setObjectName(QStringLiteral("pauseAll"));
    m_resumeAllAction = m_menu->addAction(tr("Resume all"), m_queue, &DownloadQueue::resumeAll);
    m_resumeAllAction->setObjectName(QStringLiteral("resumeAll"));
    QAction *folder = m_menu->addAction(tr("Open download folder"), this, &TrayMonitor::openDownloadFolder);
    folder->setObjectName(QStringLiteral("openFolder"));
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("Quit Gravity"), this, &TrayMonitor::quitRequested);
    quit->setObjectName(QStringLiteral("quit"));

    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        const bool shown = m_window && m_window->isVisible() && !m_window->isMinimized();
        m_toggleAction->setText(shown ? tr("Hide Gravity") : tr("Show Gravity"));
        refresh();
    });
}

void TrayMonitor::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayMonitor::hideWindow()
{
    if (m_window)
        m_window->hide();
}

void TrayMonitor::toggleWindow()
{
    if (m_window && m_window->isVisible() && !m_window->isMinimized())
        hideWindow();
    else
        showWindow();
}

void TrayMonitor::tellKeptRunning()
{
    if (!m_tray || m_toldKeptRunning || !QSystemTrayIcon::supportsMessages())
        return;
    m_toldKeptRunning = true;
    m_clickedTask = 0;
    m_clickedFolder.clear();
    m_tray->showMessage(tr("Gravity is still running"),
                        tr("Downloads go on in the background. Click the tray icon to open the window again, "
                           "or choose Quit Gravity from its menu to stop."),
                        Theme::appIcon());
    plainBalloonButtons();
}

void TrayMonitor::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

TrayMonitor::Summary TrayMonitor::summarize() const
{
    Summary summary;
    double fractions = 0.0;
    bool anyFraction = false;
    for (const quint64 id : m_queue->ids()) {
        const DownloadTask *task = m_queue->task(id);
        const DownloadProgress &p = task->progress();
        switch (p.state) {
        case DownloadState::Queued:
            ++summary.queued;
            continue;
        case DownloadState::Paused:
            ++summary.paused;
            continue;
        case DownloadState::Failed:
            ++summary.failed;
            continue;
        case DownloadState::Completed:
        case DownloadState::Cancelled:
            continue;
        case DownloadState::Starting:
        case DownloadState::Downloading:
        case DownloadState::PostProcessing:
            break;
        }
        ++summary.active;
        if (const double fraction = p.fraction(); fraction >= 0.0) {
            fractions += fraction;
            anyFraction = true;
        }
        if (p.speed > 0)
            summary.speed += p.speed;
        summary.eta = std::max(summary.eta, p.eta);
    }
    // A download that has not said its size yet counts as not started, so the mean never runs ahead.
    if (anyFraction)
        summary.fraction = fractions / summary.active;
    return summary;
}

QString TrayMonitor::toolTipFor(const Summary &s)
{
    QStringList lines{tr("Gravity")};
    if (s.active > 0) {
        lines << (s.fraction >= 0.0
                      ? tr("%n download(s) running, %1 done", nullptr, s.active).arg(percentText(s.fraction))
                      : tr("%n download(s) running", nullptr, s.active));
        if (s.speed > 0 && s.eta >= 0)
            lines << tr("%1 · %2", "total speed · time left").arg(speedText(s.speed), remainingText(s.eta));
        else if (s.speed > 0)
            lines << speedText(s.speed);
    } else if (s.queued == 0) {
        lines << tr("No downloads running");
    }
    if (s.queued > 0)
        lines << tr("%n waiting", nullptr, s.queued);
    if (s.paused > 0)
        lines << tr("%n paused", nullptr, s.paused);
    if (s.failed > 0)
        lines << tr("%n failed", nullptr, s.failed);
    return lines.join(QLatin1Char('\n'));
}

void TrayMonitor::refresh()
{
    if (!m_tray)
        return;
    m_summary = summarize();
    const QString toolTip = toolTipFor(m_summary);
    if (toolTip != m_tray->toolTip())
        m_tray->setToolTip(toolTip);
    m_pauseAllAction->setEnabled(m_summary.active + m_summary.queued > 0);
    m_resumeAllAction->setEnabled(m_summary.paused > 0);
    syncDownloadActions();

    const int percent = iconPercent(m_summary);
    const bool failed = m_summary.failed > 0;
    if (percent == m_iconPercent && failed == m_iconFailed)
        return;
    // Starting or stopping, and a new failure, show at once; progress waits its turn.
    const bool stateChanged = (percent < 0) != (m_iconPercent < 0) || failed != m_iconFailed;
    if (stateChanged || !m_sinceIcon.isValid() || m_sinceIcon.elapsed() >= IconIntervalMs)
        updateIcon();
    else if (!m_iconTimer.isActive())
        m_iconTimer.start(int(IconIntervalMs - m_sinceIcon.elapsed()));
}

void TrayMonitor::syncDownloadActions()
{
    QList<quint64> running;
    for (const quint64 id : m_queue->ids()) {
        if (m_queue->task(id)->isActive())
            running << id;
    }
    const QList<quint64> listed = running.mid(0, MaxMenuDownloads);

    for (auto it = m_downloadActions.begin(); it != m_downloadActions.end();) {
        if (listed.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_downloadActions.erase(it);
    }
    const QFontMetrics metrics(m_menu->font());
    for (const quint64 id : listed) {
        const DownloadTask *task = m_queue->task(id);
        const DownloadProgress &p = task->progress();
        QString title = task->request().title.isEmpty() ? task->request().url : task->request().title;
        title = menuText(metrics.elidedText(title, Qt::ElideMiddle, MenuTitleWidth));
        QString text;
        if (p.state == DownloadState::Starting)
            text = tr("%1 — starting", "a download in the tray menu").arg(title);
        else if (p.state == DownloadState::PostProcessing)
            text = tr("%1 — finishing", "a download in the tray menu").arg(title);
        else if (p.fraction() >= 0.0)
            text = tr("%1 — %2", "a download in the tray menu: title — percent")
                       .arg(title, percentText(p.fraction()));
        else
            text = title;
        QAction *&action = m_downloadActions[id];
        if (!action) {
            action = new QAction(m_menu);
            action->setData(id);
            connect(action, &QAction::triggered, this, [this, id] {
                showWindow();
                emit rowRequested(id);
            });
        }
        action->setText(text);
    }
    // In queue order, before the "more" line; moved only when the order changed, so an open menu does not
    // flicker with every refresh.
    QList<QAction *> wanted;
    for (const quint64 id : listed)
        wanted << m_downloadActions.value(id);
    QList<QAction *> present;
    for (QAction *action : m_menu->actions()) {
        if (wanted.contains(action))
            present << action;
    }
    if (present != wanted) {
        for (QAction *action : std::as_const(wanted))
            m_menu->insertAction(m_moreAction, action);
    }

    m_noDownloadsAction->setVisible(running.isEmpty());
    const qsizetype more = running.size() - listed.size();
    m_moreAction->setVisible(more > 0);
    if (more > 0)
        m_moreAction->setText(tr("%n more running…", nullptr, int(more)));
}

QPixmap TrayMonitor::iconPixmap(int size, double fraction, bool failed)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QSvgRenderer logo(QStringLiteral(":/icons/gravity.svg"));
    logo.render(&painter, QRectF(0, 0, size, size));
    painter.setPen(Qt::NoPen);

    if (fraction >= 0.0) {
        // A bar across the foot of the icon, inside its rounded square so the outline stays whole on a dark
        // panel, and on whole pixels so it stays sharp at 16 px: a dark track with a white fill.
        const int margin = std::max(2, int(std::lround(size * 0.14)));
        const int height = std::max(4, int(std::lround(size * 0.24)));
        const int bottom = size - std::max(2, int(std::lround(size * 0.12)));
        const QRect track(margin, bottom - height, size - 2 * margin, height);
        painter.setBrush(QColor(18, 12, 46, 225));
        painter.drawRoundedRect(track, height / 2.0, height / 2.0);
        const int inset = std::max(1, int(std::lround(size * 0.05)));
        const QRect inner = track.adjusted(inset, inset, -inset, -inset);
        const int filled = int(std::lround(inner.width() * std::clamp(fraction, 0.0, 1.0)));
        if (filled > 0) {
            painter.setBrush(Qt::white);
            painter.drawRoundedRect(
                QRect(inner.topLeft(), QSize(std::max(filled, inner.height()), inner.height())),
                inner.height() / 2.0, inner.height() / 2.0);
        }
    }
    if (failed) {
        // A red dot with a white rim in the top right corner, and an exclamation mark drawn, not typed: fonts
        // at 16 px are a guess.
        const qreal diameter = std::max(7.0, size * 0.5);
        const QRectF badge(size - diameter, 0, diameter, diameter);
        painter.setBrush(Qt::white);
        painter.drawEllipse(badge);
        const qreal rim = std::max(1.0, size * 0.05);
        painter.setBrush(QColor(0xD9, 0x2D, 0x3A));
        painter.drawEllipse(badge.adjusted(rim, rim, -rim, -rim));
        const qreal stroke = std::max(1.5, diameter * 0.16);
        QPen pen(Qt::white, stroke, Qt::SolidLine, Qt::RoundCap);
        painter.setPen(pen);
        const qreal x = badge.center().x();
        painter.drawLine(QPointF(x, badge.top() + diameter * 0.26),
                         QPointF(x, badge.top() + diameter * 0.56));
        painter.drawPoint(QPointF(x, badge.top() + diameter * 0.76));
    }
    return pixmap;
}

int TrayMonitor::iconPercent(const Summary &summary)
{
    return summary.active > 0 ? int(std::floor(std::max(0.0, summary.fraction) * 100.0)) : -1;
}

void TrayMonitor::updateIcon()
{
    m_iconTimer.stop();
    m_sinceIcon.start();
    m_iconPercent = iconPercent(m_summary);
    m_iconFailed = m_summary.failed > 0;
    const double fraction = m_iconPercent < 0 ? -1.0 : m_iconPercent / 100.0;
    QIcon icon;
    for (const int size : IconSizes)
        icon.addPixmap(iconPixmap(size, fraction, m_iconFailed));
    m_tray->setIcon(icon);
}

TrayMonitor::Message TrayMonitor::messageFor(const NotificationBatch &batch)
{
    // Up to three downloads, one a line, then how many more: a list, not a sentence.
    const auto list = [](const QList<NotifiedDownload> &downloads, const auto &line) {
        QStringList lines;
        for (qsizetype i = 0; i < downloads.size() && i < MaxListedTitles; ++i)
            lines << line(downloads.at(i));
        if (downloads.size() > MaxListedTitles)
            lines << tr("and %n more", nullptr, int(downloads.size() - MaxListedTitles));
        return lines.join(QLatin1Char('\n'));
    };
    const auto quoted = [](const NotifiedDownload &d) {
        return tr("“%1”").arg(d.title);
    };
    const int completed = int(batch.completed.size());
    const int failed = int(batch.failed.size());
    if (failed == 0 && completed == 1) {
        const NotifiedDownload &d = batch.completed.first();
        if (d.filePath.isEmpty())
            return {tr("Download finished"), tr("“%1” finished.").arg(d.title)};
        return {tr("Download finished"), tr("“%1” finished. Click to open its folder.").arg(d.title)};
    }
    if (failed == 0)
        return {tr("%n download(s) finished", nullptr, completed), list(batch.completed, quoted)};
    if (completed == 0 && failed == 1) {
        const NotifiedDownload &d = batch.failed.first();
        return {tr("Download failed"), tr("“%1” failed.\n%2", "the title, then why on a line of its own")
                                           .arg(d.title, errorKindText(d.error))};
    }
    if (completed == 0)
        return {tr("%n download(s) failed", nullptr, failed), list(batch.failed, quoted)};
    return {tr("%n finished, %1 failed", "downloads; %1 is how many failed", completed).arg(failed),
            list(batch.failed, [](const NotifiedDownload &d) { return tr("“%1” failed").arg(d.title); })};
}

void TrayMonitor::showBatch(const NotificationBatch &batch)
{
    if (!m_tray || batch.isEmpty() || !m_settings->notifications() || !QSystemTrayIcon::supportsMessages())
        return;
    // A click opens the folder of the one file that finished; otherwise it shows the window, at the first
    // failure when there is one.
    m_clickedTask = batch.failed.isEmpty() ? 0 : batch.failed.first().taskId;
    m_clickedFolder.clear();
    if (batch.failed.isEmpty() && batch.completed.size() == 1 && !batch.completed.first().filePath.isEmpty())
        m_clickedFolder = QFileInfo(batch.completed.first().filePath).absolutePath();
    const Message message = messageFor(batch);
    if (batch.failed.isEmpty())
        m_tray->showMessage(message.title, message.body, Theme::appIcon());
    else
        m_tray->showMessage(message.title, message.body, QSystemTrayIcon::Warning);
    plainBalloonButtons();
}

void TrayMonitor::plainBalloonButtons()
{
    // Where no notification service runs (XEmbed trays), Qt draws its own bubble, and its close button picks
    // up the window's button style: a large pill over the title. Keep it the bare glyph Qt meant.
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (!widget->inherits("QBalloonTip"))
            continue;
        for (QPushButton *button : widget->findChildren<QPushButton *>())
            button->setStyleSheet(
                QStringLiteral("QPushButton { border: none; background: transparent; "
                               "padding: 0px; margin: 0px; min-width: 0px; min-height: 0px; }"));
    }
}

void TrayMonitor::onMessageClicked()
{
    if (!m_clickedFolder.isEmpty()) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_clickedFolder));
        return;
    }
    showWindow();
    if (m_clickedTask != 0 && m_queue->task(m_clickedTask))
        emit rowRequested(m_clickedTask);
}

void TrayMonitor::openDownloadFolder()
{
    const QString folder = m_settings->downloadFolder();
    // Downloads will go there anyway; an empty folder opens where a missing one would show an error.
    QDir().mkpath(folder);
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

} // namespace Gravity
