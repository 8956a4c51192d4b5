#pragma once

#include <QLabel>
#include <QSpinBox>

#include <functional>
#include <optional>

namespace Gravity {

// A word-wrapped label for a form. QFormLayout sizes a row by its items' size hints, and a wrapped QLabel
// hints at a narrow, tall shape, so a one-line hint got a row two lines high. This one hints at the height
// its text takes at its current width, and asks for a new layout when a resize changes that height.
class WrappingLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrappingLabel)

public:
    explicit WrappingLabel(const QString &text = {}, QWidget *parent = nullptr);
    ~WrappingLabel() override;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    mutable int m_hintedHeight = -1; // asks again only when the answer would change: no layout loop
};

// A spin box that shows its value as a whole phrase ("30 days", "2 minutes", "Forever"), so plural forms are
// translated as sentences rather than a number glued to a suffix, and that still takes a typed number. With
// a gap, the values between the minimum and `lowest` are skipped: 0 means off, anything else is at least
// `lowest` (stepping and typing both honour it).
class PhraseSpinBox final : public QSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhraseSpinBox)

public:
    using Formatter = std::function<QString(int)>;

    explicit PhraseSpinBox(Formatter formatter, QWidget *parent = nullptr);
    ~PhraseSpinBox() override;

    void setGap(int lowest) { m_lowest = lowest; }
    // The nearest value the box accepts: in range, and outside the gap.
    [[nodiscard]] int bounded(int value) const;
    void stepBy(int steps) override;

protected:
    [[nodiscard]] QString textFromValue(int value) const override;
    [[nodiscard]] int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;

private:
    [[nodiscard]] std::optional<int> numberIn(const QString &text) const;

    Formatter m_formatter;
    int m_lowest = 0;
};

} // namespace Gravity
