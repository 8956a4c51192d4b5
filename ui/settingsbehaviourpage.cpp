#include "settingsbehaviourpage.h"

#include "appsettings.h"

#include <QCheckBox>
#include <QLabel>
#include <QSystemTrayIcon>

namespace Gravity {

SettingsBehaviourPage::SettingsBehaviourPage(QWidget *parent)
    : SettingsPage(parent)
    , m_closeToTray(new QCheckBox(tr("&Keep running in the system tray when the window is closed"), this))
    , m_clipboard(new QCheckBox(tr("&Offer a copied link when Gravity comes to the front"), this))
    , m_notifications(new QCheckBox(tr("&Notify when a download finishes or fails"), this))
    , m_trayAvailable(QSystemTrayIcon::isSystemTrayAvailable())
{
    m_closeToTray->setObjectName(QStringLiteral("settingsCloseToTray"));
    m_clipboard->setObjectName(QStringLiteral("settingsClipboard"));
    m_notifications->setObjectName(QStringLiteral("settingsNotifications"));

    addHeading(tr("Window"));
    addRow(m_closeToTray);
    if (!m_trayAvailable) {
        m_closeToTray->setEnabled(false);
        addHint(tr("This desktop has no system tray, so closing the window quits Gravity."), m_closeToTray);
    }
    addHeading(tr("Clipboard"));
    addRow(m_clipboard);
    addHint(tr("Gravity looks at the clipboard only when you switch to its window, and only offers the link: "
               "nothing is read from the site until you click Parse."),
            m_clipboard);
    addHeading(tr("Notifications"));
    addRow(m_notifications);

    for (QCheckBox *box : {m_closeToTray, m_clipboard, m_notifications})
        connect(box, &QCheckBox::toggled, this, &SettingsPage::changed);
}

SettingsBehaviourPage::~SettingsBehaviourPage() = default;

QString SettingsBehaviourPage::title() const
{
    return tr("Behaviour");
}

void SettingsBehaviourPage::load(const AppSettings &settings)
{
    const QSignalBlocker tray(m_closeToTray);
    const QSignalBlocker clipboard(m_clipboard);
    const QSignalBlocker notifications(m_notifications);
    // Without a tray the box shows what will happen (the window closes), not the stored wish.
    m_closeToTray->setChecked(m_trayAvailable && settings.closeToTray());
    m_clipboard->setChecked(settings.offerClipboardUrls());
    m_notifications->setChecked(settings.notifications());
}

void SettingsBehaviourPage::save(AppSettings &settings) const
{
    // The stored wish survives a session without a tray.
    if (m_trayAvailable)
        settings.setCloseToTray(m_closeToTray->isChecked());
    settings.setOfferClipboardUrls(m_clipboard->isChecked());
    settings.setNotifications(m_notifications->isChecked());
}

} // namespace Gravity
