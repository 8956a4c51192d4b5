#pragma once

#include "downloadactions.h"
#include "rowbuttonsdelegate.h"

namespace Gravity {

class ThumbnailLoader;

// Paints one download as a person reads it: thumbnail, title, a progress bar, one status line (stage, speed,
// time left, size, or what went wrong and what to do), and the one or two buttons that matter in its state.
// Painting reads only the model's roles; a click on a button becomes actionTriggered().
class DownloadDelegate final : public RowButtonsDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadDelegate)

public:
    explicit DownloadDelegate(ThumbnailLoader *thumbnails, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

signals:
    void actionTriggered(const QModelIndex &index, Gravity::DownloadAction action);

protected:
    [[nodiscard]] qsizetype buttonCount(const QModelIndex &index) const override;
    [[nodiscard]] QString buttonIconName(const QModelIndex &index, int button) const override;
    [[nodiscard]] QString buttonToolTip(const QModelIndex &index, int button) const override;
    void buttonClicked(const QModelIndex &index, int button) override;

private:
    ThumbnailLoader *m_thumbnails;
};

} // namespace Gravity
