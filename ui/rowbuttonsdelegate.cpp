#include "rowbuttonsdelegate.h"

#include "theme.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace Gravity {

namespace {

constexpr int Padding = 10; // from the row's right edge to the first button
constexpr int ButtonSize = 30;
constexpr int ButtonGap = 4;
constexpr int IconInset = 7;

} // namespace

RowButtonsDelegate::RowButtonsDelegate(ButtonDoubleClick doubleClick, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_doubleClick(doubleClick)
{}

QList<QRect> RowButtonsDelegate::buttonRects(const QRect &rect, qsizetype count) const
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

int RowButtonsDelegate::buttonAt(const QRect &rect, const QModelIndex &index, const QPoint &pos) const
{
    const QList<QRect> rects = buttonRects(rect, buttonCount(index));
    for (qsizetype i = 0; i < rects.size(); ++i) {
        if (rects.at(i).contains(pos))
            return int(i);
    }
    return -1;
}

void RowButtonsDelegate::paintButtons(QPainter *painter, const QList<QRect> &rects, const QModelIndex &index,
                                      const QColor &ink) const
{
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const QRect rect = rects.at(i);
        if (m_hoverIndex == index && m_hoverButton == i) {
            QColor fill = ink;
            fill.setAlphaF(m_pressedButton == i ? 0.18f : 0.10f);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawEllipse(rect);
        }
        Theme::icon(buttonIconName(index, int(i)))
            .paint(painter, rect.adjusted(IconInset, IconInset, -IconInset, -IconInset));
    }
}

bool RowButtonsDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
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
    case QEvent::MouseButtonDblClick:
        if (m_doubleClick == ButtonDoubleClick::ReachesView)
            break;
        [[fallthrough]];
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        m_pressedButton = mouse->button() == Qt::LeftButton
                              ? buttonAt(option.rect, index, mouse->position().toPoint())
                              : -1;
        // A press on a button does not select the row (nor, with ClicksAgain, make a double-click on it).
        if (m_pressedButton >= 0)
            return true;
        break;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const int button = buttonAt(option.rect, index, mouse->position().toPoint());
        const int pressed = std::exchange(m_pressedButton, -1);
        if (button >= 0 && button == pressed && mouse->button() == Qt::LeftButton) {
            buttonClicked(index, button);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool RowButtonsDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        const int button = buttonAt(option.rect, index, event->pos());
        if (button >= 0) {
            QToolTip::showText(event->globalPos(), buttonToolTip(index, button), view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Gravity
