#include "settingsnetworkpage.h"

#include "appsettings.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>

namespace Gravity {

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * 1024;

// Brand names, the same in every language; an id yt-dlp learns later shows as itself.
QString browserName(const QString &id)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("brave"), QStringLiteral("Brave")},
        {QStringLiteral("chrome"), QStringLiteral("Google Chrome")},
        {QStringLiteral("chromium"), QStringLiteral("Chromium")},
        {QStringLiteral("edge"), QStringLiteral("Microsoft Edge")},
        {QStringLiteral("firefox"), QStringLiteral("Firefox")},
        {QStringLiteral("opera"), QStringLiteral("Opera")},
        {QStringLiteral("safari"), QStringLiteral("Safari")},
        {QStringLiteral("vivaldi"), QStringLiteral("Vivaldi")},
        {QStringLiteral("whale"), QStringLiteral("Naver Whale")},
    };
    return names.value(id, id);
}

// The usual port of each proxy type, for a Manual proxy set up for the first time.
int defaultPort(const QString &scheme)
{
    return scheme == u"socks5" ? 1080 : 8080;
}

} // namespace

SettingsNetworkPage::SettingsNetworkPage(QWidget *parent)
    : SettingsPage(parent)
    , m_proxyMode(new QComboBox(this))
    , m_proxyScheme(new QComboBox(this))
    , m_proxyHost(new QLineEdit(this))
    , m_proxyPort(new QSpinBox(this))
    , m_portLabel(new QLabel(tr("P&ort"), this))
    , m_proxyUser(new QLineEdit(this))
    , m_proxyPassword(new QLineEdit(this))
    , m_rateLimit(new PhraseSpinBox(
          [](int value) { return value == 0 ? tr("Unlimited") : QString::number(value); }, this))
    , m_rateUnit(new QComboBox(this))
    , m_cookieSource(new QComboBox(this))
    , m_cookiesFile(new QLineEdit(this))
    , m_cookiesBrowse(new QPushButton(tr("Browse…"), this))
    , m_cookiesBrowser(new QComboBox(this))
{
    m_proxyMode->setObjectName(QStringLiteral("settingsProxyMode"));
    m_proxyMode->addItem(tr("No proxy"), int(ProxyMode::None));
    m_proxyMode->addItem(tr("Use the system proxy"), int(ProxyMode::System));
    m_proxyMode->addItem(tr("Manual"), int(ProxyMode::Manual));
    m_proxyScheme->setAccessibleName(tr("Proxy type"));
    m_proxyScheme->addItem(tr("HTTP"), QStringLiteral("http"));
    m_proxyScheme->addItem(tr("HTTPS"), QStringLiteral("https"));
    m_proxyScheme->addItem(tr("SOCKS5"), QStringLiteral("socks5"));
    m_proxyHost->setObjectName(QStringLiteral("settingsProxyHost"));
    m_proxyHost->setAccessibleName(tr("Proxy host"));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    m_proxyPort->setObjectName(QStringLiteral("settingsProxyPort"));
    m_proxyPort->setAccessibleName(tr("Proxy port"));
    m_proxyPort->setRange(1, 65535);
    m_proxyPort->setGroupSeparatorShown(false);
    m_proxyUser->setObjectName(QStringLiteral("settingsProxyUser"));
    m_proxyUser->setAccessibleName(tr("Proxy user name"));
    m_proxyUser->setPlaceholderText(tr("User name (optional)"));
    m_proxyPassword->setObjectName(QStringLiteral("settingsProxyPassword"));
    m_proxyPassword->setAccessibleName(tr("Proxy password"));
    m_proxyPassword->setPlaceholderText(tr("Password (optional)"));
    m_proxyPassword->setEchoMode(QLineEdit::Password);

    m_rateLimit->setObjectName(QStringLiteral("settingsRateLimit"));
    m_rateLimit->setAccessibleName(tr("Download speed limit"));
    m_rateLimit->setRange(0, 1024 * 1024);
    m_rateUnit->setAccessibleName(tr("Unit of the speed limit"));
    m_rateUnit->addItem(tr("KiB/s"), KiB);
    m_rateUnit->addItem(tr("MiB/s"), MiB);

    m_cookieSource->setObjectName(QStringLiteral("settingsCookieSource"));
    m_cookieSource->addItem(tr("None"), int(CookieSource::None));
    m_cookieSource->addItem(tr("From a cookies.txt file"), int(CookieSource::File));
    m_cookieSource->addItem(tr("From a browser"), int(CookieSource::Browser));
    m_cookiesFile->setObjectName(QStringLiteral("settingsCookiesFile"));
    m_cookiesFile->setAccessibleName(tr("Cookies file"));
    m_cookiesFile->setPlaceholderText(tr("cookies.txt in Netscape format"));
    m_cookiesBrowse->setAccessibleName(tr("Choose the cookies file"));
    m_cookiesBrowse->setAutoDefault(false);
    m_cookiesBrowser->setObjectName(QStringLiteral("settingsCookiesBrowser"));
    m_cookiesBrowser->setAccessibleName(tr("Browser to read cookies from"));
    for (const QString &id : supportedCookieBrowsers())
        m_cookiesBrowser->addItem(browserName(id), id);

    addHeading(tr("Proxy"));
    addRow(tr("&Connection"), m_proxyMode);
    addHint(tr("The system proxy is the one set in the environment (http_proxy, https_proxy)."));
    auto *server = new QHBoxLayout;
    server->setSpacing(8);
    server->addWidget(m_proxyScheme);
    server->addWidget(m_proxyHost, 1);
    m_portLabel->setBuddy(m_proxyPort);
    server->addWidget(m_portLabel);
    server->addWidget(m_proxyPort);
    addRow(tr("&Server"), server, m_proxyScheme);
    auto *login = new QHBoxLayout;
    login->setSpacing(8);
    login->addWidget(m_proxyUser, 1);
    login->addWidget(m_proxyPassword, 1);
    addRow(tr("Sign &in"), login, m_proxyUser);

    addHeading(tr("Speed"));
    auto *rate = new QHBoxLayout;
    rate->setSpacing(8);
    rate->addWidget(m_rateLimit);
    rate->addWidget(m_rateUnit);
    rate->addStretch(1);
    addRow(tr("Speed &limit"), rate, m_rateLimit);
    addHint(tr("Applies to each download on its own."));

    addHeading(tr("Cookies"));
    addRow(tr("Coo&kies"), m_cookieSource);
    auto *file = new QHBoxLayout;
    file->setSpacing(8);
    file->addWidget(m_cookiesFile, 1);
    file->addWidget(m_cookiesBrowse);
    addRow(tr("&File"), file, m_cookiesFile);
    addRow(tr("&Browser"), m_cookiesBrowser);
    addHint(tr("Your cookies let yt-dlp download as you: the qualities your account may watch and "
               "age-restricted videos. The file or the browser's store is read, never copied."));

    const auto edited = [this] {
        updateEnabled();
        emit changed();
    };
    connect(m_proxyMode, &QComboBox::activated, this, edited);
    connect(m_proxyScheme, &QComboBox::activated, this, edited);
    connect(m_proxyHost, &QLineEdit::textEdited, this, edited);
    connect(m_proxyPort, &QSpinBox::valueChanged, this, edited);
    connect(m_proxyUser, &QLineEdit::textEdited, this, edited);
    connect(m_proxyPassword, &QLineEdit::textEdited, this, edited);
    connect(m_rateLimit, &QSpinBox::valueChanged, this, edited);
    connect(m_rateUnit, &QComboBox::activated, this, edited);
    connect(m_cookieSource, &QComboBox::activated, this, edited);
    connect(m_cookiesFile, &QLineEdit::textEdited, this, edited);
    connect(m_cookiesBrowser, &QComboBox::activated, this, edited);
    connect(m_cookiesBrowse, &QPushButton::clicked, this, &SettingsNetworkPage::chooseCookiesFile);
    updateEnabled();
}

SettingsNetworkPage::~SettingsNetworkPage() = default;

QString SettingsNetworkPage::title() const
{
    return tr("Network");
}

void SettingsNetworkPage::focusCookies()
{
    m_cookieSource->setFocus(Qt::OtherFocusReason);
}

void SettingsNetworkPage::load(const AppSettings &settings)
{
    const QSignalBlocker blockPort(m_proxyPort);
    const QSignalBlocker blockRate(m_rateLimit);
    m_proxyMode->setCurrentIndex(qMax(0, m_proxyMode->findData(int(settings.proxyMode()))));
    const QString scheme = settings.proxyScheme();
    m_proxyScheme->setCurrentIndex(qMax(0, m_proxyScheme->findData(scheme)));
    m_proxyHost->setText(settings.proxyHost());
    m_proxyPort->setValue(settings.proxyPort() > 0 ? settings.proxyPort() : defaultPort(scheme));
    m_proxyUser->setText(settings.proxyUser());
    m_proxyPassword->setText(settings.proxyPassword());

    // Whole MiB/s where the limit is one, else KiB/s rounded down (never faster than what was set), but at
    // least 1: 0 would mean unlimited.
    const qint64 rate = settings.rateLimitBytesPerSec();
    const bool inMiB = rate >= MiB && rate % MiB == 0;
    m_rateUnit->setCurrentIndex(inMiB ? 1 : 0);
    const qint64 shown = inMiB ? rate / MiB : rate > 0 ? qMax<qint64>(1, rate / KiB) : 0;
    m_rateLimit->setValue(int(qMin<qint64>(shown, m_rateLimit->maximum())));

    m_cookieSource->setCurrentIndex(qMax(0, m_cookieSource->findData(int(settings.cookieSource()))));
    m_cookiesFile->setText(QDir::toNativeSeparators(settings.cookiesFile()));
    const QString browser = settings.cookiesBrowser();
    m_profileBrowser = browser.section(u':', 0, 0);
    m_browserProfile = browser.contains(u':') ? u':' + browser.section(u':', 1) : QString();
    int index = m_cookiesBrowser->findData(m_profileBrowser);
    if (index < 0 && !m_profileBrowser.isEmpty()) {
        m_cookiesBrowser->addItem(browserName(m_profileBrowser), m_profileBrowser);
        index = m_cookiesBrowser->count() - 1;
    }
    m_cookiesBrowser->setCurrentIndex(qMax(0, m_cookiesBrowser->findData(QStringLiteral("firefox"))));
    if (index >= 0)
        m_cookiesBrowser->setCurrentIndex(index);
    updateEnabled();
}

void SettingsNetworkPage::save(AppSettings &settings) const
{
    settings.setProxyMode(ProxyMode(m_proxyMode->currentData().toInt()));
    settings.setProxyScheme(m_proxyScheme->currentData().toString());
    settings.setProxyHost(m_proxyHost->text().trimmed());
    settings.setProxyPort(m_proxyPort->value());
    settings.setProxyUser(m_proxyUser->text());
    settings.setProxyPassword(m_proxyPassword->text());
    settings.setRateLimitBytesPerSec(rateLimit());
    settings.setCookieSource(CookieSource(m_cookieSource->currentData().toInt()));
    settings.setCookiesFile(QDir::fromNativeSeparators(m_cookiesFile->text().trimmed()));
    const QString browser = m_cookiesBrowser->currentData().toString();
    settings.setCookiesBrowser(browser == m_profileBrowser ? browser + m_browserProfile : browser);
}

QString SettingsNetworkPage::problem() const
{
    if (ProxyMode(m_proxyMode->currentData().toInt()) == ProxyMode::Manual) {
        const QString host = m_proxyHost->text().trimmed();
        if (host.isEmpty())
            return tr("Enter the proxy's host name, or choose another kind of connection.");
        QUrl url;
        url.setHost(host, QUrl::StrictMode);
        if (host.contains(u'/') || url.host().isEmpty())
            return tr("“%1” is not a host name. Enter only the host, such as proxy.example.com; the type and "
                      "port have fields of their own.")
                .arg(host);
    }
    if (CookieSource(m_cookieSource->currentData().toInt()) == CookieSource::File) {
        const QString file = m_cookiesFile->text().trimmed();
        if (file.isEmpty())
            return tr("Choose the cookies file, or read cookies from a browser instead.");
        if (!QFileInfo(file).isFile())
            return tr("The cookies file %1 does not exist.").arg(file);
    }
    return {};
}

qint64 SettingsNetworkPage::rateLimit() const
{
    return m_rateLimit->value() * m_rateUnit->currentData().toLongLong();
}

void SettingsNetworkPage::updateEnabled()
{
    const bool manual = ProxyMode(m_proxyMode->currentData().toInt()) == ProxyMode::Manual;
    const QList<QWidget *> manualFields{m_proxyScheme, m_proxyHost, m_portLabel,
                                        m_proxyPort,   m_proxyUser, m_proxyPassword};
    for (QWidget *widget : manualFields)
        widget->setEnabled(manual);
    m_rateUnit->setEnabled(m_rateLimit->value() > 0);
    const auto source = CookieSource(m_cookieSource->currentData().toInt());
    m_cookiesFile->setEnabled(source == CookieSource::File);
    m_cookiesBrowse->setEnabled(source == CookieSource::File);
    m_cookiesBrowser->setEnabled(source == CookieSource::Browser);
}

void SettingsNetworkPage::chooseCookiesFile()
{
    const QString current = m_cookiesFile->text().trimmed();
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a cookies file"),
                                                        current.isEmpty() ? QDir::homePath() : current,
                                                        tr("Cookies files (*.txt);;All files (*)"));
    if (chosen.isEmpty())
        return;
    m_cookiesFile->setText(QDir::toNativeSeparators(chosen));
    updateEnabled();
    emit changed();
}

} // namespace Gravity
