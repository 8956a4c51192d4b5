#pragma once

#include "settingspage.h"
#include "settingswidgets.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Gravity {

// How yt-dlp reaches the sites: the proxy, a speed limit, and the cookies that let it download as the user.
class SettingsNetworkPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsNetworkPage)

public:
    explicit SettingsNetworkPage(QWidget *parent = nullptr);
    ~SettingsNetworkPage() override;

    [[nodiscard]] QString title() const override;
    void load(const AppSettings &settings) override;
    void save(AppSettings &settings) const override;
    [[nodiscard]] QString problem() const override;
    // Puts the keyboard on the cookies choice (a download or parse that needed a login sent the user here).
    void focusCookies();

private:
    void updateEnabled();
    void chooseCookiesFile();
    [[nodiscard]] qint64 rateLimit() const;

    QComboBox *m_proxyMode;
    QComboBox *m_proxyScheme;
    QLineEdit *m_proxyHost;
    QSpinBox *m_proxyPort;
    QLabel *m_portLabel;
    QLineEdit *m_proxyUser;
    QLineEdit *m_proxyPassword;
    PhraseSpinBox *m_rateLimit;
    QComboBox *m_rateUnit;
    QComboBox *m_cookieSource;
    QLineEdit *m_cookiesFile;
    QPushButton *m_cookiesBrowse;
    QComboBox *m_cookiesBrowser;
    QString m_browserProfile; // ":Profile 1" of a stored browser, kept while that browser stays chosen
    QString m_profileBrowser;
};

} // namespace Gravity
