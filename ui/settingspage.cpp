#include "settingspage.h"

#include "settingswidgets.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionButton>
#include <QVBoxLayout>

namespace Gravity {

SettingsPage::SettingsPage(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setHorizontalSpacing(14);
    m_form->setVerticalSpacing(6);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addStretch(1);
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::addHeading(const QString &text)
{
    auto *heading = new QLabel(text, this);
    heading->setProperty("role", QStringLiteral("heading"));
    heading->setTextFormat(Qt::PlainText);
    // Room above every section but the first, which sits right under the page's title.
    heading->setContentsMargins(0, m_form->rowCount() == 0 ? 0 : 16, 0, 2);
    m_form->addRow(heading);
}

namespace {

QLabel *rowLabel(const QString &text, QWidget *buddy, int fieldHeight, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    // QFormLayout gives a label little more than its own height, at the top of a taller row; as tall as the
    // field, its vertical centring lines its text up with the field's. (An expanding label would do the same
    // but makes the form expand, and the page's spare height would then open gaps between the rows.)
    label->setMinimumHeight(fieldHeight);
    // The size is measured with kerning across the mnemonic letter, but the underlined letter is drawn as a
    // run of its own, without it: "T&emplate" came out a pixel wider than measured and lost its last "e".
    label->setMinimumWidth(label->sizeHint().width() + 3);
    return label;
}

} // namespace

QLabel *SettingsPage::addRow(const QString &label, QWidget *field)
{
    QLabel *rowLabel = Gravity::rowLabel(label, field, field->sizeHint().height(), this);
    m_form->addRow(rowLabel, field);
    return rowLabel;
}

QLabel *SettingsPage::addRow(const QString &label, QLayout *field, QWidget *buddy)
{
    QLabel *rowLabel = Gravity::rowLabel(label, buddy, field->sizeHint().height(), this);
    m_form->addRow(rowLabel, field);
    return rowLabel;
}

void SettingsPage::addRow(QCheckBox *box)
{
    m_form->addRow(box);
}

QLabel *SettingsPage::addHint(const QString &text, QCheckBox *under)
{
    auto *hint = new WrappingLabel(text, this);
    hint->setProperty("role", QStringLiteral("hint"));
    // A little space below and none above, so the line reads as part of the row it explains.
    int indent = 0;
    if (under) {
        under->ensurePolished();
        QStyleOptionButton option;
        option.initFrom(under);
        indent = under->style()->subElementRect(QStyle::SE_CheckBoxContents, &option, under).left();
    }
    hint->setContentsMargins(indent, 0, 0, 6);
    // Under a check box that spans the form the hint spans it too; under one in the field column, stays
    // there.
    int row = -1;
    QFormLayout::ItemRole role = QFormLayout::FieldRole;
    if (under)
        m_form->getWidgetPosition(under, &row, &role);
    if (role == QFormLayout::SpanningRole)
        m_form->addRow(hint);
    else
        m_form->addRow(QString(), hint);
    return hint;
}

} // namespace Gravity
