#include "downloaddelegate.h"

#include "downloadlistmodel.h"
#include "theme.h"
#include "thumbnailloader.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace Gravity {

namespace {

constexpr int Padding = 10;
constexpr int ThumbWidth = 96;
constexpr int ThumbHeight = 54;
constexpr int ButtonSize = 30;
constexpr int ButtonGap = 4;
constexpr int BarHeight = 6;

QList<DownloadAction> buttonsFor(const QModelIndex &index)
{
    return rowButtons(DownloadState(index.data(DownloadListModel::StateRole).toInt()));
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

DownloadDelegate::DownloadDelegate(ThumbnailLoader *thumbnails, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_thumbnails(thumbnails)
{}

QList<QRect> DownloadDelegate::buttonRects(const QRect &rect, qsizetype count) const
{
    QList<QRect> rects;
    int right = rect.right() - Padding;
    const int top = rect.center().y() - ButtonSize / 2;
    for (qsizetype i = 0; i < count; ++i) {
        rects << QRect(right - ButtonSize + 1, top, ButtonSize, ButtonSize);
        right -= ButtonSize + ButtonGap;
    }
    return rects;
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
    const QList<DownloadAction> buttons = rowButtons(state);
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

    // Buttons: a round hover background, the icon in the text colour.
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        const QRect rect = buttonRectsList.at(i);
        const bool hot = m_hoverIndex == index && m_hoverButton == i;
        if (hot) {
            QColor fill = palette.color(QPalette::Text);
            fill.setAlphaF(m_pressedButton == i ? 0.18f : 0.10f);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawEllipse(rect);
        }
        const QIcon icon = Theme::icon(actionIconName(buttons.at(i)));
        icon.paint(painter, rect.adjusted(7, 7, -7, -7));
    }
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

int DownloadDelegate::buttonAt(const QRect &rect, const QModelIndex &index, const QPoint &pos) const
{
    const QList<QRect> rects = buttonRects(rect, buttonsFor(index).size());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        if (rects.at(i).contains(pos))
            return int(i);
    }
    return -1;
}

bool DownloadDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    switch (event->type()) {
    case QEvent::MouseMove: {
        const int button =
            buttonAt(option.rect, index, static_cast<QMouseEvent *>(event)->position().toPoint());
        if (m_hoverIndex != index || m_hoverButton != button) {
            m_hoverIndex = index;
            m_hoverButton = button;
            if (auto *view = qobject_cast<QAbstractItemView *>(const_cast<QWidget *>(option.widget)))
                view->viewport()->update();
        }
        break;
    }
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        m_pressedButton = mouse->button() == Qt::LeftButton
                              ? buttonAt(option.rect, index, mouse->position().toPoint())
                              : -1;
        if (m_pressedButton >= 0)
            return true; // a button press does not select the row
        break;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const int button = buttonAt(option.rect, index, mouse->position().toPoint());
        const int pressed = std::exchange(m_pressedButton, -1);
        if (button >= 0 && button == pressed && mouse->button() == Qt::LeftButton) {
            const QList<DownloadAction> actions = buttonsFor(index);
            emit actionTriggered(index, actions.at(button));
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool DownloadDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip) {
        const int button = buttonAt(option.rect, index, event->pos());
        if (button >= 0) {
            QToolTip::showText(event->globalPos(), actionText(buttonsFor(index).at(button)), view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Gravity
