#pragma once

#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLayout;

namespace Gravity {

class AppSettings;

// One section of the settings dialog. A page shows what the settings hold, writes back what the user changed,
// and says in one sentence what stops it from being saved.
class SettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(QWidget *parent = nullptr);
    ~SettingsPage() override;

    // The name in the dialog's list of sections.
    [[nodiscard]] virtual QString title() const = 0;
    virtual void load(const AppSettings &settings) = 0;
    virtual void save(AppSettings &settings) const = 0;
    // Why the page cannot be saved as it stands (a full sentence), or empty when it can.
    [[nodiscard]] virtual QString problem() const { return {}; }

signals:
    // The user edited something (not emitted by load()).
    void changed();

protected:
    // One form for the whole page, so the fields of every section line up. A heading starts a section.
    [[nodiscard]] QFormLayout *form() const { return m_form; }
    void addHeading(const QString &text);
    // A labelled row; the label (with its mnemonic) is the buddy of `field` or of `buddy`, and is centred on
    // the row's height rather than sitting at its top.
    QLabel *addRow(const QString &label, QWidget *field);
    QLabel *addRow(const QString &label, QLayout *field, QWidget *buddy);
    // A check box across the whole row.
    void addRow(QCheckBox *box);
    // A secondary line under the row above, wrapped, in the field column; under a check box, it lines up with
    // the box's text.
    QLabel *addHint(const QString &text, QCheckBox *under = nullptr);

private:
    QFormLayout *m_form;
};

} // namespace Gravity
