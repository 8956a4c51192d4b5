#include "historydelegate.h"

#include "historymodel.h"
#include "theme.h"
#include "thumbnailloader.h"

#include <QAbstractItemView>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Gravity {

namespace {

constexpr int Padding = 10;
constexpr int ThumbWidth = 112;
constexpr int ThumbHeight = 63; // 16:9, as most thumbnails are
constexpr int LineGap = 3;
constexpr int DotSize = 7;

QList<HistoryAction> buttonsFor(const QModelIndex &index)
{
    return historyRowButtons(HistoryDelegate::itemState(index));
}

struct StatusLook
{
    QColor dot;
    QColor text;
};

StatusLook statusLook(const QModelIndex &index, const QPalette &palette)
{
    const ThemeColors &colors = Theme::colorsFor(palette);
    switch (DownloadState(index.data(HistoryModel::StateRole).toInt())) {
    case DownloadState::Completed:
        if (index.data(HistoryModel::FileMissingRole).toBool())
            return {colors.warning, colors.warning};
        return {colors.success, colors.secondaryText};
    case DownloadState::Failed:
        return {colors.error, colors.error};
    default:
        return {colors.disabledText, colors.secondaryText};
    }
}

} // namespace

HistoryDelegate::HistoryDelegate(ThumbnailLoader *thumbnails, QObject *parent)
    : RowButtonsDelegate(ButtonDoubleClick::ClicksAgain, parent)
    , m_thumbnails(thumbnails)
{}

qsizetype HistoryDelegate::buttonCount(const QModelIndex &index) const
{
    return buttonsFor(index).size();
}

QString HistoryDelegate::buttonIconName(const QModelIndex &index, int button) const
{
    return historyActionIconName(buttonsFor(index).at(button));
}

QString HistoryDelegate::buttonToolTip(const QModelIndex &index, int button) const
{
    return historyActionText(buttonsFor(index).at(button));
}

void HistoryDelegate::buttonClicked(const QModelIndex &index, int button)
{
    emit actionTriggered(index, buttonsFor(index).at(button));
}

HistoryItemState HistoryDelegate::itemState(const QModelIndex &index)
{
    HistoryItemState item;
    item.state = DownloadState(index.data(HistoryModel::StateRole).toInt());
    item.hasFile = item.state == DownloadState::Completed &&
                   !index.data(HistoryModel::FilePathRole).toString().isEmpty() &&
                   !index.data(HistoryModel::FileMissingRole).toBool();
    return item;
}

QString HistoryDelegate::detailText(const QModelIndex &index)
{
    QStringList parts;
    const QString uploader = index.data(HistoryModel::UploaderRole).toString();
    if (!uploader.isEmpty())
        parts << uploader;
    parts << index.data(HistoryModel::PlatformNameRole).toString();
    const QDateTime finished = index.data(HistoryModel::FinishedAtRole).toDateTime();
    if (finished.isValid())
        parts << QLocale().toString(finished.toLocalTime(), QLocale::ShortFormat);
    // A list of facts, not a sentence: the separator carries no grammar to translate.
    return parts.join(QStringLiteral(" · "));
}

QString HistoryDelegate::statusText(const QModelIndex &index)
{
    const QString error = index.data(HistoryModel::ErrorTextRole).toString();
    return error.isEmpty() ? index.data(HistoryModel::StatusTextRole).toString() : error;
}

void HistoryDelegate::paintEmptyState(QPainter *painter, const QRect &area, const QString &text,
                                      const QFont &font, const QPalette &palette)
{
    const qsizetype split = text.indexOf(u'\n');
    const QString headline = text.left(split);
    const QString hint = split < 0 ? QString() : text.mid(split + 1);
    const QRect inner = area.adjusted(24, 24, -24, -24);
    QFont headlineFont = font;
    headlineFont.setPointSizeF(font.pointSizeF() * 1.2);
    headlineFont.setWeight(QFont::DemiBold);
    const QFontMetrics headlineMetrics(headlineFont);
    const QRect hintBounds =
        QFontMetrics(font).boundingRect(inner, Qt::AlignHCenter | Qt::TextWordWrap, hint);
    const int height = headlineMetrics.height() + (hint.isEmpty() ? 0 : 6 + hintBounds.height());
    int y = inner.center().y() - height / 2;

    painter->save();
    const ThemeColors &colors = Theme::colorsFor(palette);
    painter->setFont(headlineFont);
    painter->setPen(colors.text);
    painter->drawText(QRect(inner.left(), y, inner.width(), headlineMetrics.height()), Qt::AlignCenter,
                      headlineMetrics.elidedText(headline, Qt::ElideRight, inner.width()));
    y += headlineMetrics.height() + 6;
    painter->setFont(font);
    painter->setPen(colors.secondaryText);
    painter->drawText(QRect(inner.left(), y, inner.width(), hintBounds.height()),
                      Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, hint);
    painter->restore();
}

void HistoryDelegate::paintThumbnail(QPainter *painter, const QRectF &rect, const QModelIndex &index) const
{
    const QString url = index.data(HistoryModel::ThumbnailRole).toString();
    const QImage image = m_thumbnails && !url.isEmpty() ? m_thumbnails->image(url) : QImage();
    if (!image.isNull()) {
        ThumbnailLoader::paintThumbnail(painter, rect, image, 8);
        return;
    }
    // The application palette: a view the stylesheet made transparent has a transparent Button in its own,
    // which would hide the placeholder's wash.
    ThumbnailLoader::paintPlaceholder(painter, rect, QGuiApplication::palette());
    if (m_thumbnails && !url.isEmpty())
        m_thumbnails->request(url); // idempotent, never emits from here; loaded() repaints the view
}

void HistoryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const ThemeColors &colors = Theme::colorsFor(palette);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRectF rowRect = QRectF(option.rect).adjusted(2, 2, -2, -2);
    if (selected || hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? colors.selection : colors.hover);
        painter->drawRoundedRect(rowRect, 10, 10);
    }
    if (option.state & QStyle::State_HasFocus && selected) {
        QColor ring = palette.color(QPalette::Highlight);
        ring.setAlphaF(0.6f);
        painter->setPen(QPen(ring, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(rowRect, 10, 10);
    }

    const QRectF thumbRect(option.rect.left() + Padding, option.rect.center().y() - ThumbHeight / 2.0 + 1,
                           ThumbWidth, ThumbHeight);
    paintThumbnail(painter, thumbRect, index);

    const QList<HistoryAction> buttons = buttonsFor(index);
    const QList<QRect> rects = buttonRects(option.rect, buttons.size());
    const int textLeft = int(thumbRect.right()) + Padding + 4;
    const int textRight = rects.isEmpty() ? option.rect.right() - Padding : rects.last().left() - Padding;
    const int textWidth = qMax(40, textRight - textLeft);
    const QFontMetrics metrics(option.font);
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(titleFont);
    const int blockHeight = titleMetrics.height() + 2 * (LineGap + metrics.height());
    int y = option.rect.center().y() - blockHeight / 2;

    painter->setFont(titleFont);
    painter->setPen(colors.text);
    const QString title = index.data(HistoryModel::TitleRole).toString();
    painter->drawText(QRect(textLeft, y, textWidth, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, textWidth));
    y += titleMetrics.height() + LineGap;

    painter->setFont(option.font);
    painter->setPen(colors.secondaryText);
    painter->drawText(QRect(textLeft, y, textWidth, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(detailText(index), Qt::ElideRight, textWidth));
    y += metrics.height() + LineGap;

    // The status: a coloured dot (green, amber, red or grey) and its words, so the state reads at a glance
    // and does not rest on colour alone.
    const StatusLook look = statusLook(index, palette);
    const QRectF dot(textLeft, y + (metrics.height() - DotSize) / 2.0, DotSize, DotSize);
    painter->setPen(Qt::NoPen);
    painter->setBrush(look.dot);
    painter->drawEllipse(dot);
    const int statusLeft = textLeft + DotSize + 6;
    const int statusWidth = qMax(20, textRight - statusLeft);
    painter->setPen(look.text);
    painter->drawText(QRect(statusLeft, y, statusWidth, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(statusText(index), Qt::ElideRight, statusWidth));

    paintButtons(painter, rects, index, colors.text);
    painter->restore();
}

QSize HistoryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const int text = QFontMetrics(titleFont).height() + 2 * (LineGap + QFontMetrics(option.font).height());
    return {420, qMax(ThumbHeight, text) + 2 * Padding + 4};
}

bool HistoryDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid() ||
        buttonAt(option.rect, index, event->pos()) >= 0)
        return RowButtonsDelegate::helpEvent(event, view, option, index);
    // The link, and for a failure yt-dlp's own words, which the status line replaced with advice.
    QString tip = index.data(HistoryModel::UrlRole).toString();
    const QString detail = index.data(HistoryModel::ErrorDetailRole).toString().trimmed();
    if (!index.data(HistoryModel::ErrorTextRole).toString().isEmpty() && !detail.isEmpty())
        tip += u'\n' + detail.left(500);
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

} // namespace Gravity
