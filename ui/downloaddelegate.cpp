#include "downloaddelegate.h"

#include "downloadlistmodel.h"
#include "theme.h"
#include "thumbnailloader.h"

#include <QPainter>
#include <QPainterPath>

namespace Gravity {

namespace {

constexpr int Padding = 10;
constexpr int ThumbWidth = 96;
constexpr int ThumbHeight = 54;
constexpr int BarHeight = 6;

QList<DownloadAction> buttonsFor(const QModelIndex &index)
{
    return rowButtons(DownloadState(index.data(DownloadListModel::StateRole).toInt()),
                      ErrorKind(index.data(DownloadListModel::ErrorKindRole).toInt()));
}

QColor barColor(DownloadState state, const QPalette &palette)
{
    const ThemeColors &colors = Theme::colorsFor(palette);
    switch (state) {
    case DownloadState::Completed:
        return colors.success;
    case DownloadState::Failed:
        return colors.error;
    case DownloadState::Paused:
    case DownloadState::Cancelled:
        return palette.color(QPalette::PlaceholderText);
    default:
        return palette.color(QPalette::Highlight);
    }
}

} // namespace

// A double-click on a button is also the view's double-click on the row, which opens a finished download.
DownloadDelegate::DownloadDelegate(ThumbnailLoader *thumbnails, QObject *parent)
    : RowButtonsDelegate(ButtonDoubleClick::ReachesView, parent)
    , m_thumbnails(thumbnails)
{}

qsizetype DownloadDelegate::buttonCount(const QModelIndex &index) const
{
    return buttonsFor(index).size();
}

QString DownloadDelegate::buttonIconName(const QModelIndex &index, int button) const
{
    return actionIconName(buttonsFor(index).at(button));
}

QString DownloadDelegate::buttonToolTip(const QModelIndex &index, int button) const
{
    return actionText(buttonsFor(index).at(button));
}

void DownloadDelegate::buttonClicked(const QModelIndex &index, int button)
{
    emit actionTriggered(index, buttonsFor(index).at(button));
}

void DownloadDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRectF rowRect = QRectF(option.rect).adjusted(2, 2, -2, -2);
    if (selected || hovered) {
        QColor fill = palette.color(QPalette::Highlight);
        fill.setAlphaF(selected ? 0.16f : 0.07f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(rowRect, 10, 10);
    }
    if (option.state & QStyle::State_HasFocus && selected) {
        QColor ring = palette.color(QPalette::Highlight);
        ring.setAlphaF(0.6f);
        painter->setPen(QPen(ring, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(rowRect, 10, 10);
    }

    // Thumbnail, or a placeholder until (or unless) it loads.
    const QRectF thumbRect(option.rect.left() + Padding, option.rect.center().y() - ThumbHeight / 2.0,
                           ThumbWidth, ThumbHeight);
    const QString thumbnailUrl = index.data(DownloadListModel::ThumbnailUrlRole).toString();
    const QImage image = m_thumbnails ? m_thumbnails->image(thumbnailUrl) : QImage();
    if (!image.isNull())
        ThumbnailLoader::paintThumbnail(painter, thumbRect, image, 8);
    else
        ThumbnailLoader::paintPlaceholder(painter, thumbRect, palette);
    if (m_thumbnails && image.isNull() && !thumbnailUrl.isEmpty())
        m_thumbnails->request(thumbnailUrl); // idempotent; loaded() repaints the view

    const auto state = DownloadState(index.data(DownloadListModel::StateRole).toInt());
    const QList<DownloadAction> buttons = buttonsFor(index);
    const QList<QRect> buttonRectsList = buttonRects(option.rect, buttons.size());
    const int textLeft = int(thumbRect.right()) + Padding + 2;
    const int textRight =
        buttonRectsList.isEmpty() ? option.rect.right() - Padding : buttonRectsList.last().left() - Padding;
    const int textWidth = qMax(40, textRight - textLeft);
    const QFontMetrics metrics(option.font);
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(titleFont);
    const int blockHeight = titleMetrics.height() + 6 + BarHeight + 6 + metrics.height();
    int y = option.rect.center().y() - blockHeight / 2;

    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::Text));
    const QString title = index.data(DownloadListModel::TitleRole).toString();
    painter->drawText(QRect(textLeft, y, textWidth, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, textWidth));
    y += titleMetrics.height() + 6;

    const QRectF bar(textLeft, y, textWidth, BarHeight);
    QColor track = palette.color(QPalette::Text);
    track.setAlphaF(0.10f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, BarHeight / 2.0, BarHeight / 2.0);
    double fraction = index.data(DownloadListModel::FractionRole).toDouble();
    if (state == DownloadState::Completed)
        fraction = 1.0;
    if (fraction > 0) {
        painter->setBrush(barColor(state, palette));
        painter->drawRoundedRect(
            QRectF(bar.left(), bar.top(), qMax(BarHeight * 1.0, bar.width() * fraction), bar.height()),
            BarHeight / 2.0, BarHeight / 2.0);
    }
    y += BarHeight + 6;

    const QString error = index.data(DownloadListModel::ErrorTextRole).toString();
    const QString status = index.data(DownloadListModel::StatusTextRole).toString();
    painter->setFont(option.font);
    painter->setPen(state == DownloadState::Failed ? Theme::colorsFor(palette).error
                                                   : palette.color(QPalette::PlaceholderText));
    painter->drawText(QRect(textLeft, y, textWidth, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(error.isEmpty() ? status : error, Qt::ElideRight, textWidth));

    paintButtons(painter, buttonRectsList, index, palette.color(QPalette::Text));
    painter->restore();
}

QSize DownloadDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const int text =
        QFontMetrics(titleFont).height() + 6 + BarHeight + 6 + QFontMetrics(option.font).height();
    return {420, qMax(ThumbHeight, text) + 2 * Padding + 4};
}

} // namespace Gravity
