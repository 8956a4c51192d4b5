#pragma once

#include "historyactions.h"
#include "rowbuttonsdelegate.h"

namespace Gravity {

class ThumbnailLoader;

// Paints one history entry: thumbnail, title, "uploader · platform · finished", and a status line (the size
// when it completed, what went wrong when it failed, "File missing" when its file has gone), with the one
// or two buttons that matter: open and show in folder while the file is there, download again otherwise.
// Every row has the same height, so a view over 100,000 entries can use uniform item sizes. Painting reads
// only HistoryModel roles; a click on a button becomes actionTriggered().
class HistoryDelegate final : public RowButtonsDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDelegate)

public:
    explicit HistoryDelegate(ThumbnailLoader *thumbnails, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Off the buttons: the entry's link, and for a failure yt-dlp's own words.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
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

protected:
    [[nodiscard]] qsizetype buttonCount(const QModelIndex &index) const override;
    [[nodiscard]] QString buttonIconName(const QModelIndex &index, int button) const override;
    [[nodiscard]] QString buttonToolTip(const QModelIndex &index, int button) const override;
    void buttonClicked(const QModelIndex &index, int button) override;

private:
    void paintThumbnail(QPainter *painter, const QRectF &rect, const QModelIndex &index) const;

    ThumbnailLoader *m_thumbnails;
};

} // namespace Gravity
