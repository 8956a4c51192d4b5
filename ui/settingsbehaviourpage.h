#pragma once

#include "settingspage.h"

class QCheckBox;
class QLabel;

namespace Gravity {

// What Gravity does on its own: keep running in the tray, offer copied links, notify.
class SettingsBehaviourPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsBehaviourPage)

public:
    explicit SettingsBehaviourPage(QWidget *parent = nullptr);
    ~SettingsBehaviourPage() override;

    [[nodiscard]] QString title() const override;
    void load(const AppSettings &settings) override;
    void save(AppSettings &settings) const override;

private:
    QCheckBox *m_closeToTray;
    QCheckBox *m_clipboard;
    QCheckBox *m_notifications;
    bool m_trayAvailable;
};

} // namespace Gravity
