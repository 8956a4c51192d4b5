#include "card.h"

#include "theme.h"

#include <QImage>
#include <QPainter>
#include <QPixmapCache>

#include <vector>

namespace Gravity {

namespace {

// Width of the uniform strip between a nine-patch's corners (logical px).
constexpr int PatchMiddle = 8;

// One box-blur pass over `count` bytes `stride` apart; zero outside the line. Three passes approximate a
// Gaussian whose reach is three radii.
void blurLine(uchar *data, int count, qsizetype stride, int radius, std::vector<uchar> &scratch)
{
    for (int i = 0; i < count; ++i)
        scratch[size_t(i)] = data[i * stride];
    const int window = 2 * radius + 1;
    int sum = 0;
    for (int i = 0; i < radius && i < count; ++i)
        sum += scratch[size_t(i)];
    for (int x = 0; x < count; ++x) {
        if (x + radius < count)
            sum += scratch[size_t(x + radius)];
        data[x * stride] = uchar((sum + window / 2) / window);
        if (x - radius >= 0)
            sum -= scratch[size_t(x - radius)];
    }
}

void blurAlpha(QImage &alpha, int radius)
{
    if (radius < 1)
        return;
    const int width = alpha.width();
    const int height = alpha.height();
    const qsizetype stride = alpha.bytesPerLine();
    std::vector<uchar> scratch(size_t(qMax(width, height)));
    uchar *bits = alpha.bits();
    for (int pass = 0; pass < 3; ++pass) {
        for (int y = 0; y < height; ++y)
            blurLine(bits + y * stride, width, 1, radius, scratch);
        for (int x = 0; x < width; ++x)
            blurLine(bits + x, height, stride, radius, scratch);
    }
}

// The corner and edge lengths of the nine-patch, the same on all four sides (the shadow's vertical offset
// is already part of the top and bottom margins).
int patchCorner()
{
    return Theme::CardRadius + 2 * Theme::ShadowBlur;
}

// A card of side 2 * (radius + blur) + PatchMiddle with its shadow around it and its own area cleared (the
// fill is translucent; a shadow showing through it would look muddy).
QPixmap shadowPatch(const QColor &color, qreal ratio)
{
    const QString key =
        QStringLiteral("gravity-card-shadow/") + color.name(QColor::HexArgb) + u'/' + QString::number(ratio);
    QPixmap patch;
    if (QPixmapCache::find(key, &patch))
        return patch;

    const QMargins margins = Theme::cardShadowMargins();
    const int side = 2 * (Theme::CardRadius + Theme::ShadowBlur) + PatchMiddle;
    const QRectF card(margins.left(), margins.top(), side, side);
    const QSize logical(side + margins.left() + margins.right(), side + margins.top() + margins.bottom());
    const QSize physical(qCeil(logical.width() * ratio), qCeil(logical.height() * ratio));

    QImage alpha(physical, QImage::Format_Alpha8);
    alpha.fill(0);
    {
        QPainter painter(&alpha);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(ratio, ratio);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::black);
        painter.drawRoundedRect(card.translated(0, Theme::ShadowOffset), Theme::CardRadius,
                                Theme::CardRadius);
    }
    blurAlpha(alpha, int(Theme::ShadowBlur * ratio / 3));

    QImage image(physical, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.drawImage(0, 0, alpha);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), color);
        painter.setCompositionMode(QPainter::CompositionMode_Clear);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(ratio, ratio);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::black);
        painter.drawRoundedRect(card, Theme::CardRadius, Theme::CardRadius);
    }
    patch = QPixmap::fromImage(std::move(image));
    QPixmapCache::insert(key, patch);
    return patch;
}

} // namespace

Card::Card(QWidget *parent)
    : QFrame(parent)
{
    setProperty("card", true);
}

Card::~Card() = default;

QRect Card::cardRect() const
{
    return rect().marginsRemoved(Theme::cardShadowMargins());
}

void Card::paintEvent(QPaintEvent *event)
{
    const int corner = patchCorner();
    if (width() >= 2 * corner && height() >= 2 * corner) {
        const qreal ratio = devicePixelRatioF();
        const QPixmap patch = shadowPatch(Theme::colorsFor(palette()).shadow, ratio);
        // Source cuts in the patch's pixels, target cuts in this widget's logical px; the centre is skipped,
        // it lies under the card.
        const qreal sourceCuts[] = {0, corner * ratio, (patch.width() - corner * ratio),
                                    qreal(patch.width())};
        const qreal sourceRows[] = {0, corner * ratio, (patch.height() - corner * ratio),
                                    qreal(patch.height())};
        const qreal targetCuts[] = {0, qreal(corner), qreal(width() - corner), qreal(width())};
        const qreal targetRows[] = {0, qreal(corner), qreal(height() - corner), qreal(height())};
        QPainter painter(this);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < 3; ++column) {
                if (row == 1 && column == 1)
                    continue;
                const QRectF target(QPointF(targetCuts[column], targetRows[row]),
                                    QPointF(targetCuts[column + 1], targetRows[row + 1]));
                const QRectF source(QPointF(sourceCuts[column], sourceRows[row]),
                                    QPointF(sourceCuts[column + 1], sourceRows[row + 1]));
                painter.drawPixmap(target, patch, source);
            }
        }
    }
    QFrame::paintEvent(event);
}

} // namespace Gravity
