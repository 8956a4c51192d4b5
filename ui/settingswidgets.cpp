#include "settingswidgets.h"

#include <QLabel>
#include <QRegularExpression>

namespace Gravity {

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

WrappingLabel::~WrappingLabel() = default;

QSize WrappingLabel::sizeHint() const
{
    // Narrow until first laid out; the resize that follows corrects the height.
    const QSize natural = QLabel::sizeHint();
    m_hintedHeight = heightForWidth(qMax(width(), natural.width()));
    return {natural.width(), m_hintedHeight};
}

QSize WrappingLabel::minimumSizeHint() const
{
    return {QLabel::minimumSizeHint().width(), sizeHint().height()};
}

void WrappingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    if (heightForWidth(width()) != m_hintedHeight)
        updateGeometry();
}

PhraseSpinBox::PhraseSpinBox(Formatter formatter, QWidget *parent)
    : QSpinBox(parent)
    , m_formatter(std::move(formatter))
{
    setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
    // As wide as its longest phrase, not the whole field column.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

PhraseSpinBox::~PhraseSpinBox() = default;

int PhraseSpinBox::bounded(int value) const
{
    value = qBound(minimum(), value, maximum());
    if (m_lowest > 0 && value > minimum() && value < m_lowest)
        value = m_lowest;
    return value;
}

void PhraseSpinBox::stepBy(int steps)
{
    const int from = value();
    int to = bounded(from + steps * singleStep());
    // Stepping down out of the gap lands on "off", not back on the lowest value.
    if (m_lowest > 0 && steps < 0 && from == m_lowest)
        to = minimum();
    setValue(to);
}

QString PhraseSpinBox::textFromValue(int value) const
{
    return m_formatter(value);
}

std::optional<int> PhraseSpinBox::numberIn(const QString &text) const
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    const QRegularExpressionMatch match = digits.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const int number = match.captured().toInt(&ok);
    return ok ? std::optional<int>(number) : std::nullopt;
}

int PhraseSpinBox::valueFromText(const QString &text) const
{
    if (text == m_formatter(minimum()))
        return minimum();
    return bounded(numberIn(text).value_or(value()));
}

QValidator::State PhraseSpinBox::validate(QString &input, int &pos) const
{
    Q_UNUSED(pos)
    if (input == m_formatter(minimum()))
        return QValidator::Acceptable;
    const std::optional<int> number = numberIn(input);
    if (!number)
        return QValidator::Intermediate; // half-typed, or the phrase being edited: fixed up on leaving
    if (*number > maximum())
        return QValidator::Invalid;
    return bounded(*number) == *number ? QValidator::Acceptable : QValidator::Intermediate;
}

void PhraseSpinBox::fixup(QString &input) const
{
    const std::optional<int> number = numberIn(input);
    input = m_formatter(number ? bounded(*number) : value());
}

} // namespace Gravity
