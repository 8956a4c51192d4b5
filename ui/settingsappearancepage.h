#pragma once

#include "settingspage.h"

class QComboBox;

namespace Gravity {

// The look and the language.
class SettingsAppearancePage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsAppearancePage)

public:
    explicit SettingsAppearancePage(QWidget *parent = nullptr);
    ~SettingsAppearancePage() override;

    [[nodiscard]] QString title() const override;
    void load(const AppSettings &settings) override;
    void save(AppSettings &settings) const override;

private:
    QComboBox *m_theme;
    QComboBox *m_language;
};

} // namespace Gravity
