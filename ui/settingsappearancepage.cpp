#include "settingsappearancepage.h"

#include "appsettings.h"
#include "theme.h"

#include <QComboBox>

namespace Gravity {

SettingsAppearancePage::SettingsAppearancePage(QWidget *parent)
    : SettingsPage(parent)
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
{
    m_theme->setObjectName(QStringLiteral("settingsTheme"));
    m_theme->addItem(tr("Same as the system"), themeModeId(ThemeMode::System));
    m_theme->addItem(tr("Light"), themeModeId(ThemeMode::Light));
    m_theme->addItem(tr("Dark"), themeModeId(ThemeMode::Dark));
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->addItem(tr("Same as the system"), QString());
    // Each language in its own words, untranslated, so someone who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));

    addRow(tr("&Theme"), m_theme);
    addRow(tr("&Language"), m_language);
    addHint(tr("A new language takes effect the next time Gravity starts."));

    connect(m_theme, &QComboBox::activated, this, &SettingsPage::changed);
    connect(m_language, &QComboBox::activated, this, &SettingsPage::changed);
}

SettingsAppearancePage::~SettingsAppearancePage() = default;

QString SettingsAppearancePage::title() const
{
    return tr("Appearance");
}

void SettingsAppearancePage::load(const AppSettings &settings)
{
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(settings.themeMode())));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language())));
}

void SettingsAppearancePage::save(AppSettings &settings) const
{
    settings.setThemeMode(m_theme->currentData().toString());
    settings.setLanguage(m_language->currentData().toString());
}

} // namespace Gravity
