#include "downloadsview.h"

#include "downloaddelegate.h"
#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "theme.h"
#include "thumbnailloader.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QUrl>

namespace Gravity {

DownloadsView::DownloadsView(DownloadQueue *queue, DownloadListModel *model, ThumbnailLoader *thumbnails,
                             QWidget *parent)
    : QListView(parent)
    , m_queue(queue)
    , m_model(model)
    , m_delegate(new DownloadDelegate(thumbnails, this))
{
    setObjectName(QStringLiteral("downloadList"));
    setAccessibleName(tr("Downloads"));
    setAccessibleDescription(tr("Delete removes a download, Enter opens its file, Space pauses or resumes, "
                                "the menu key lists every action."));
    setModel(model);
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setUniformItemSizes(true);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setFrameShape(QFrame::NoFrame);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &DownloadsView::showContextMenu);
    connect(m_delegate, &DownloadDelegate::actionTriggered, this,
            [this](const QModelIndex &index, DownloadAction action) {
                trigger(m_model->idAt(index.row()), action);
            });
    connect(this, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { trigger(m_model->idAt(index.row()), DownloadAction::Open); });
    if (thumbnails)
        connect(thumbnails, &ThumbnailLoader::loaded, viewport(), qOverload<>(&QWidget::update));
}

quint64 DownloadsView::currentId() const
{
    return currentIndex().isValid() ? m_model->idAt(currentIndex().row()) : 0;
}

QList<DownloadAction> DownloadsView::actionsFor(quint64 id) const
{
    const DownloadTask *task = m_queue->task(id);
    return task ? menuActions(task->progress().state, task->progress().error.kind) : QList<DownloadAction>();
}

void DownloadsView::trigger(quint64 id, DownloadAction action)
{
    const DownloadTask *task = m_queue->task(id);
    if (!task)
        return;
    const QString filePath = task->progress().filePath;
    switch (action) {
    case DownloadAction::Pause:
        m_queue->pause(id);
        break;
    case DownloadAction::Resume:
        m_queue->resume(id);
        break;
    case DownloadAction::Cancel:
        m_queue->cancel(id);
        break;
    case DownloadAction::Retry:
        m_queue->retry(id);
        break;
    case DownloadAction::Open:
        if (task->progress().state == DownloadState::Completed && QFileInfo::exists(filePath))
            QDesktopServices::openUrl(QUrl::fromLocalFile(filePath));
        break;
    case DownloadAction::ShowInFolder: {
        // Selecting the file inside its folder needs a platform file manager's private interface; opening
        // the folder works everywhere.
        const QString folder =
            filePath.isEmpty() ? task->request().options.outputDir : QFileInfo(filePath).absolutePath();
        if (!folder.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
        break;
    }
    case DownloadAction::CopyUrl:
        QGuiApplication::clipboard()->setText(task->request().url);
        break;
    case DownloadAction::Remove:
        m_queue->remove(id);
        break;
    case DownloadAction::SetUpCookies:
        emit cookiesSetupRequested();
        break;
    }
}

void DownloadsView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos).isValid() ? indexAt(pos) : currentIndex();
    if (!index.isValid())
        return;
    const quint64 id = m_model->idAt(index.row());
    QMenu menu(this);
    for (DownloadAction action : actionsFor(id)) {
        QAction *item = menu.addAction(Theme::icon(actionIconName(action)), actionText(action));
        connect(item, &QAction::triggered, this, [this, id, action] { trigger(id, action); });
    }
    menu.exec(viewport()->mapToGlobal(indexAt(pos).isValid() ? pos : visualRect(index).center()));
}

void DownloadsView::keyPressEvent(QKeyEvent *event)
{
    const quint64 id = currentId();
    const DownloadTask *task = id ? m_queue->task(id) : nullptr;
    if (task) {
        switch (event->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            trigger(id, DownloadAction::Remove);
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            trigger(id, DownloadAction::Open);
            return;
        case Qt::Key_Space: {
            const DownloadState state = task->progress().state;
            if (state == DownloadState::Paused)
                trigger(id, DownloadAction::Resume);
            else if (task->isActive())
                trigger(id, DownloadAction::Pause);
            return;
        }
        case Qt::Key_Menu:
            showContextMenu(visualRect(currentIndex()).center());
            return;
        default:
            break;
        }
    }
    QListView::keyPressEvent(event);
}

void DownloadsView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_model->rowCount() > 0)
        return;
    // An empty list says what it is for instead of showing a blank box.
    QPainter painter(viewport());
    QFont font = this->font();
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.setFont(font);
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Your downloads appear here.\nDrop a link anywhere on this window to start."));
}

} // namespace Gravity
