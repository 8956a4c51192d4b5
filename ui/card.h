#pragma once

#include <QFrame>

namespace Gravity {

// A frosted-glass card: the stylesheet (QFrame[card="true"]) draws its translucent rounded fill and light
// edge inside a margin; the card paints a soft shadow into that margin itself. The shadow is one small
// blurred nine-patch per colour and pixel ratio, shared by every card, so resizing or repainting a card (a
// progress tick) never blurs anything; QGraphicsDropShadowEffect would re-render all children offscreen.
// Give the card's layout its own margins as usual; the stylesheet adds a little padding inside the edge.
class Card : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Card)

public:
    explicit Card(QWidget *parent = nullptr);
    ~Card() override;

    // The rounded rectangle the stylesheet draws, inside the shadow margin.
    [[nodiscard]] QRect cardRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Gravity
