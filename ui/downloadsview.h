#pragma once

#include "downloadactions.h"

#include <QListView>

namespace Gravity {

class DownloadListModel;
class DownloadQueue;
class DownloadDelegate;
class ThumbnailLoader;

// The downloads list: rows painted by DownloadDelegate, their buttons and context menu, and the keys people
// expect (Delete removes, Enter opens, Space pauses or resumes). Acts on the core queue; opening files goes
// through QDesktopServices.
class DownloadsView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadsView)

public:
    DownloadsView(DownloadQueue *queue, DownloadListModel *model, ThumbnailLoader *thumbnails,
                  QWidget *parent = nullptr);

    [[nodiscard]] DownloadDelegate *downloadDelegate() const { return m_delegate; }
    // Does what a row's button or menu entry does.
    void trigger(quint64 id, DownloadAction action);
    // The actions the context menu offers for a row (tests check them without opening a menu).
    [[nodiscard]] QList<DownloadAction> actionsFor(quint64 id) const;

signals:
    // A download failed for want of a login: the window opens the cookies setting.
    void cookiesSetupRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);
    [[nodiscard]] quint64 currentId() const;

    DownloadQueue *m_queue;
    DownloadListModel *m_model;
    DownloadDelegate *m_delegate;
};

} // namespace Gravity
