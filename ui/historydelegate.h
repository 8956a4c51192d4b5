#pragma once

#include "historyactions.h"

#include <QStyledItemDelegate>

namespace Gravity {

class ThumbnailLoader;

// Paints one history entry: thumbnail, title, "uploader · platform · finished", and a status line (the size
// when it completed, what went wrong when it failed, "File missing" when its file has gone), with the one
// or two buttons that matter: open and show in folder while the file is there, download again otherwise.
// Every row has the same height, so a view over 100,000 entries can use uniform item sizes. Painting reads
// only HistoryModel roles; a click on a button becomes actionTriggered().
class HistoryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDelegate)

public:
    explicit HistoryDelegate(ThumbnailLoader *thumbnails, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Where a row's buttons are, right to left, for a row painted in rect (tests click them).
    [[nodiscard]] QList<QRect> buttonRects(const QRect &rect, qsizetype count) const;
    // What the actions of the entry at index depend on, read from its roles.
    [[nodiscard]] static HistoryItemState itemState(const QModelIndex &index);
    // The row's second line: "uploader · platform · finished", leaving out what is unknown.
    [[nodiscard]] static QString detailText(const QModelIndex &index);
    // The status line as painted: the translated error for a failure, else the model's status text.
    [[nodiscard]] static QString statusText(const QModelIndex &index);
    // What an empty list says, centred in area: the first line as a headline, the rest as a quieter hint.
    static void paintEmptyState(QPainter *painter, const QRect &area, const QString &text, const QFont &font,
                                const QPalette &palette);

signals:
    void actionTriggered(const QModelIndex &index, Gravity::HistoryAction action);

private:
    [[nodiscard]] int buttonAt(const QRect &rect, const QModelIndex &index, const QPoint &pos) const;
    void paintThumbnail(QPainter *painter, const QRectF &rect, const QModelIndex &index) const;

    ThumbnailLoader *m_thumbnails;
    QPersistentModelIndex m_hoverIndex;
    int m_hoverButton = -1;
    int m_pressedButton = -1;
};

} // namespace Gravity
