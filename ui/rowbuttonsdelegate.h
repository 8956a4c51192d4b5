#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace Gravity {

// The painted buttons at the right end of a list row, shared by the downloads and history delegates: where
// they are, hover and press feedback, a click on one, and their tooltips. A subclass paints the rest of
// the row and says, through the hooks, which buttons a row has and what a click on one does.
class RowButtonsDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowButtonsDelegate)

public:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    // A button's tooltip over a button; elsewhere QStyledItemDelegate's.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Where a row's buttons are, right to left, for a row painted in rect (tests click them).
    [[nodiscard]] QList<QRect> buttonRects(const QRect &rect, qsizetype count) const;

protected:
    // What the second press of a double-click on a button does.
    enum class ButtonDoubleClick
    {
        ClicksAgain, // clicks the button a second time
        ReachesView, // goes on to the view: its doubleClicked() for the row
    };

    explicit RowButtonsDelegate(ButtonDoubleClick doubleClick, QObject *parent = nullptr);

    // The hooks; a button is numbered from the right, as in buttonRects().
    [[nodiscard]] virtual qsizetype buttonCount(const QModelIndex &index) const = 0;
    [[nodiscard]] virtual QString buttonIconName(const QModelIndex &index, int button) const = 0;
    [[nodiscard]] virtual QString buttonToolTip(const QModelIndex &index, int button) const = 0;
    virtual void buttonClicked(const QModelIndex &index, int button) = 0;

    // The button under pos in a row painted in rect, or -1.
    [[nodiscard]] int buttonAt(const QRect &rect, const QModelIndex &index, const QPoint &pos) const;
    // The icons in rects (from buttonRects()), with a round backdrop of ink under the hovered or pressed one.
    void paintButtons(QPainter *painter, const QList<QRect> &rects, const QModelIndex &index,
                      const QColor &ink) const;

private:
    ButtonDoubleClick m_doubleClick;
    QPersistentModelIndex m_hoverIndex;
    int m_hoverButton = -1;
    int m_pressedButton = -1;
};

} // namespace Gravity
