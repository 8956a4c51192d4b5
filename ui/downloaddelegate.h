#pragma once

#include "downloadactions.h"

#include <QStyledItemDelegate>

namespace Gravity {

class ThumbnailLoader;

// Paints one download as a person reads it: thumbnail, title, a progress bar, one status line (stage, speed,
// time left, size, or what went wrong and what to do), and the one or two buttons that matter in its state.
// Painting reads only the model's roles; a click on a button becomes actionTriggered().
class DownloadDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadDelegate)

public:
    explicit DownloadDelegate(ThumbnailLoader *thumbnails, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Where the row's buttons are, right to left, for a row painted in rect (tests click them).
    [[nodiscard]] QList<QRect> buttonRects(const QRect &rect, qsizetype count) const;

signals:
    void actionTriggered(const QModelIndex &index, Gravity::DownloadAction action);

private:
    [[nodiscard]] int buttonAt(const QRect &rect, const QModelIndex &index, const QPoint &pos) const;

    ThumbnailLoader *m_thumbnails;
    QPersistentModelIndex m_hoverIndex;
    int m_hoverButton = -1;
    int m_pressedButton = -1;
};

} // namespace Gravity
