#include "appsettings.h"

#include "outputtemplate.h"

#include <QSettings>
#include <QStandardPaths>

#include <optional>

namespace Gravity {

namespace {

const QString DownloadFolderKey = QStringLiteral("downloads/folder");
const QString QualityKey = QStringLiteral("downloads/quality");
const QString ContainerKey = QStringLiteral("downloads/container");
const QString AudioFormatKey = QStringLiteral("downloads/audioFormat");
const QString SubtitleModeKey = QStringLiteral("downloads/subtitleMode");
const QString SubtitleFormatKey = QStringLiteral("downloads/subtitleFormat");
const QString SponsorBlockKey = QStringLiteral("downloads/sponsorBlock");
const QString SponsorBlockCategoriesKey = QStringLiteral("downloads/sponsorBlockCategories");
const QString EmbedThumbnailKey = QStringLiteral("downloads/embedThumbnail");
const QString EmbedMetadataKey = QStringLiteral("downloads/embedMetadata");
const QString EmbedChaptersKey = QStringLiteral("downloads/embedChapters");
const QString ThemeKey = QStringLiteral("ui/theme");
const QString OfferClipboardKey = QStringLiteral("ui/offerClipboardUrls");
const QString MaxConcurrentKey = QStringLiteral("downloads/maxConcurrent");
const QString OutputTemplateKey = QStringLiteral("downloads/outputTemplate");
const QString PlaylistSubfolderKey = QStringLiteral("downloads/playlistSubfolder");
const QString ProxyModeKey = QStringLiteral("network/proxyMode");
const QString ProxySchemeKey = QStringLiteral("network/proxyScheme");
const QString ProxyHostKey = QStringLiteral("network/proxyHost");
const QString ProxyPortKey = QStringLiteral("network/proxyPort");
const QString ProxyUserKey = QStringLiteral("network/proxyUser");
const QString ProxyPasswordKey = QStringLiteral("network/proxyPassword");
const QString RateLimitKey = QStringLiteral("network/rateLimitBytesPerSec");
const QString CookieSourceKey = QStringLiteral("network/cookieSource");
const QString CookiesFileKey = QStringLiteral("network/cookiesFile");
const QString CookiesBrowserKey = QStringLiteral("network/cookiesBrowser");
const QString YtDlpPathKey = QStringLiteral("tools/ytDlpPath");
const QString FfmpegPathKey = QStringLiteral("tools/ffmpegPath");
const QString ProbeTimeoutKey = QStringLiteral("tools/probeTimeoutSec");
const QString StallTimeoutKey = QStringLiteral("tools/stallTimeoutSec");
const QString TimeLimitKey = QStringLiteral("tools/downloadTimeLimitMin");
const QString LanguageKey = QStringLiteral("ui/language");
const QString CloseToTrayKey = QStringLiteral("ui/closeToTray");
const QString TrayHintShownKey = QStringLiteral("ui/trayHintShown");
const QString NotificationsKey = QStringLiteral("ui/notifications");
const QString HistoryRetentionKey = QStringLiteral("history/retentionDays");

// Ranges, with their defaults. "zero" means 0 is allowed besides the range (off, none, forever).
constexpr int MaxConcurrentDefault = 3, MaxConcurrentMin = 1, MaxConcurrentMax = 10;
constexpr int ProbeTimeoutDefault = 120, ProbeTimeoutMin = 10, ProbeTimeoutMax = 600;
constexpr int StallTimeoutDefault = 90, StallTimeoutMin = 15, StallTimeoutMax = 3600;
constexpr int TimeLimitDefault = 30, TimeLimitMin = 5, TimeLimitMax = 1440;
constexpr int RetentionDefault = 0, RetentionMin = 1, RetentionMax = 3650;
constexpr int PortMax = 65535;

QString proxyModeId(ProxyMode mode)
{
    switch (mode) {
    case ProxyMode::None:
        return QStringLiteral("none");
    case ProxyMode::Manual:
        return QStringLiteral("manual");
    case ProxyMode::System:
        break;
    }
    return QStringLiteral("system");
}

QString cookieSourceId(CookieSource source)
{
    switch (source) {
    case CookieSource::File:
        return QStringLiteral("file");
    case CookieSource::Browser:
        return QStringLiteral("browser");
    case CookieSource::None:
        break;
    }
    return QStringLiteral("none");
}

const QStringList &proxySchemes()
{
    static const QStringList schemes{QStringLiteral("http"), QStringLiteral("https"),
                                     QStringLiteral("socks5")};
    return schemes;
}

// A value read from an ini file is a string; a wrongly-typed one ("abc", "3.5") is not a number at all.
std::optional<qint64> integerValue(const QVariant &value)
{
    if (!value.isValid())
        return std::nullopt;
    bool ok = false;
    const qint64 number = value.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

// A bool written by QSettings reads back as "true"/"false"; anything else is not a bool.
bool boolValue(const QVariant &value, bool defaultValue)
{
    if (!value.isValid())
        return defaultValue;
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == u"true" || text == u"1")
        return true;
    if (text == u"false" || text == u"0")
        return false;
    return defaultValue;
}

int clamped(qint64 value, int defaultValue, int minimum, int maximum, bool zeroAllowed)
{
    if (zeroAllowed && value == 0)
        return 0;
    if (zeroAllowed && value < 0)
        return defaultValue;
    return int(qBound(qint64(minimum), value, qint64(maximum)));
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{}

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::downloadFolder() const
{
    const QString folder = m_settings->value(DownloadFolderKey).toString();
    return folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) : folder;
}

void AppSettings::setDownloadFolder(const QString &folder)
{
    m_settings->setValue(DownloadFolderKey, folder);
}

DownloadOptions AppSettings::lastOptions() const
{
    DownloadOptions options;
    options.quality =
        qualityPresetFromId(m_settings->value(QualityKey).toString()).value_or(QualityPreset::Best);
    options.container = containerFromId(m_settings->value(ContainerKey).toString()).value_or(Container::Auto);
    options.audioFormat =
        audioFormatFromId(m_settings->value(AudioFormatKey).toString()).value_or(AudioFormat::None);
    options.subtitleMode =
        subtitleModeFromId(m_settings->value(SubtitleModeKey).toString()).value_or(SubtitleMode::None);
    options.subtitleFormat = subtitleFormatFromId(m_settings->value(SubtitleFormatKey).toString())
                                 .value_or(SubtitleFormat::Original);
    options.sponsorBlock =
        sponsorBlockModeFromId(m_settings->value(SponsorBlockKey).toString()).value_or(SponsorBlockMode::Off);
    // Unset: the defaults, so turning SponsorBlock on does something. An unknown name is dropped.
    const QStringList categories =
        m_settings->value(SponsorBlockCategoriesKey, defaultSponsorBlockCategories()).toStringList();
    for (const QString &category : categories) {
        if (isSponsorBlockCategory(category))
            options.sponsorBlockCategories << category;
    }
    options.embedThumbnail = m_settings->value(EmbedThumbnailKey, false).toBool();
    options.embedMetadata = m_settings->value(EmbedMetadataKey, false).toBool();
    options.embedChapters = m_settings->value(EmbedChaptersKey, false).toBool();
    // The time range belongs to one video and is never carried over.
    options.outputDir = downloadFolder();
    return options;
}

void AppSettings::setLastOptions(const DownloadOptions &options)
{
    m_settings->setValue(QualityKey, qualityPresetId(options.quality));
    m_settings->setValue(ContainerKey, containerId(options.container));
    m_settings->setValue(AudioFormatKey, audioFormatId(options.audioFormat));
    m_settings->setValue(SubtitleModeKey, subtitleModeId(options.subtitleMode));
    m_settings->setValue(SubtitleFormatKey, subtitleFormatId(options.subtitleFormat));
    m_settings->setValue(SponsorBlockKey, sponsorBlockModeId(options.sponsorBlock));
    m_settings->setValue(SponsorBlockCategoriesKey, options.sponsorBlockCategories);
    m_settings->setValue(EmbedThumbnailKey, options.embedThumbnail);
    m_settings->setValue(EmbedMetadataKey, options.embedMetadata);
    m_settings->setValue(EmbedChaptersKey, options.embedChapters);
    if (!options.outputDir.isEmpty())
        setDownloadFolder(options.outputDir);
}

QString AppSettings::themeMode() const
{
    const QString mode = m_settings->value(ThemeKey).toString();
    return mode == u"light" || mode == u"dark" ? mode : QStringLiteral("system");
}

void AppSettings::setThemeMode(const QString &mode)
{
    m_settings->setValue(ThemeKey, mode);
}

bool AppSettings::offerClipboardUrls() const
{
    return m_settings->value(OfferClipboardKey, false).toBool();
}

void AppSettings::setOfferClipboardUrls(bool offer)
{
    m_settings->setValue(OfferClipboardKey, offer);
}

int AppSettings::intValue(const QString &key, int defaultValue, int minimum, int maximum,
                          bool zeroAllowed) const
{
    const std::optional<qint64> value = integerValue(m_settings->value(key));
    return value ? clamped(*value, defaultValue, minimum, maximum, zeroAllowed) : defaultValue;
}

void AppSettings::setIntValue(const QString &key, int value, int minimum, int maximum, bool zeroAllowed)
{
    // A negative value where 0 means "off" turns it off; anything else is pulled into the range.
    m_settings->setValue(key, clamped(value, 0, minimum, maximum, zeroAllowed));
}

int AppSettings::maxConcurrent() const
{
    return intValue(MaxConcurrentKey, MaxConcurrentDefault, MaxConcurrentMin, MaxConcurrentMax);
}

void AppSettings::setMaxConcurrent(int count)
{
    setIntValue(MaxConcurrentKey, count, MaxConcurrentMin, MaxConcurrentMax);
}

QString AppSettings::outputTemplate() const
{
    const QString pattern = m_settings->value(OutputTemplateKey).toString();
    return OutputTemplate::isValid(pattern) ? pattern : QString();
}

void AppSettings::setOutputTemplate(const QString &outputTemplate)
{
    if (OutputTemplate::isValid(outputTemplate))
        m_settings->setValue(OutputTemplateKey, outputTemplate);
    else
        m_settings->remove(OutputTemplateKey);
}

bool AppSettings::playlistSubfolder() const
{
    return boolValue(m_settings->value(PlaylistSubfolderKey), true);
}

void AppSettings::setPlaylistSubfolder(bool subfolder)
{
    m_settings->setValue(PlaylistSubfolderKey, subfolder);
}

ProxyMode AppSettings::proxyMode() const
{
    const QString id = m_settings->value(ProxyModeKey).toString();
    for (ProxyMode mode : {ProxyMode::None, ProxyMode::System, ProxyMode::Manual}) {
        if (proxyModeId(mode) == id)
            return mode;
    }
    return ProxyMode::System;
}

void AppSettings::setProxyMode(ProxyMode mode)
{
    m_settings->setValue(ProxyModeKey, proxyModeId(mode));
}

QString AppSettings::proxyScheme() const
{
    const QString scheme = m_settings->value(ProxySchemeKey).toString().toLower();
    return proxySchemes().contains(scheme) ? scheme : proxySchemes().constFirst();
}

void AppSettings::setProxyScheme(const QString &scheme)
{
    m_settings->setValue(ProxySchemeKey, scheme.toLower());
}

QString AppSettings::proxyHost() const
{
    return m_settings->value(ProxyHostKey).toString().trimmed();
}

void AppSettings::setProxyHost(const QString &host)
{
    m_settings->setValue(ProxyHostKey, host.trimmed());
}

int AppSettings::proxyPort() const
{
    const std::optional<qint64> port = integerValue(m_settings->value(ProxyPortKey));
    return port && *port >= 1 && *port <= PortMax ? int(*port) : 0;
}

void AppSettings::setProxyPort(int port)
{
    m_settings->setValue(ProxyPortKey, port >= 1 && port <= PortMax ? port : 0);
}

QString AppSettings::proxyUser() const
{
    return m_settings->value(ProxyUserKey).toString();
}

void AppSettings::setProxyUser(const QString &user)
{
    m_settings->setValue(ProxyUserKey, user);
}

QString AppSettings::proxyPassword() const
{
    return m_settings->value(ProxyPasswordKey).toString();
}

void AppSettings::setProxyPassword(const QString &password)
{
    if (password.isEmpty())
        m_settings->remove(ProxyPasswordKey);
    else
        m_settings->setValue(ProxyPasswordKey, password);
}

qint64 AppSettings::rateLimitBytesPerSec() const
{
    return qMax(qint64(0), integerValue(m_settings->value(RateLimitKey)).value_or(0));
}

void AppSettings::setRateLimitBytesPerSec(qint64 bytesPerSec)
{
    m_settings->setValue(RateLimitKey, qMax(qint64(0), bytesPerSec));
}

CookieSource AppSettings::cookieSource() const
{
    const QString id = m_settings->value(CookieSourceKey).toString();
    for (CookieSource source : {CookieSource::None, CookieSource::File, CookieSource::Browser}) {
        if (cookieSourceId(source) == id)
            return source;
    }
    return CookieSource::None;
}

void AppSettings::setCookieSource(CookieSource source)
{
    m_settings->setValue(CookieSourceKey, cookieSourceId(source));
}

QString AppSettings::cookiesFile() const
{
    return m_settings->value(CookiesFileKey).toString();
}

void AppSettings::setCookiesFile(const QString &file)
{
    m_settings->setValue(CookiesFileKey, file);
}

QString AppSettings::cookiesBrowser() const
{
    const QString browser = m_settings->value(CookiesBrowserKey).toString().trimmed();
    return isSupportedCookieBrowser(browser) ? browser : QString();
}

void AppSettings::setCookiesBrowser(const QString &browser)
{
    m_settings->setValue(CookiesBrowserKey, browser.trimmed());
}

QString AppSettings::ytDlpPath() const
{
    return m_settings->value(YtDlpPathKey).toString().trimmed();
}

void AppSettings::setYtDlpPath(const QString &path)
{
    m_settings->setValue(YtDlpPathKey, path.trimmed());
}

QString AppSettings::ffmpegPath() const
{
    return m_settings->value(FfmpegPathKey).toString().trimmed();
}

void AppSettings::setFfmpegPath(const QString &path)
{
    m_settings->setValue(FfmpegPathKey, path.trimmed());
}

int AppSettings::probeTimeoutSec() const
{
    return intValue(ProbeTimeoutKey, ProbeTimeoutDefault, ProbeTimeoutMin, ProbeTimeoutMax);
}

void AppSettings::setProbeTimeoutSec(int seconds)
{
    setIntValue(ProbeTimeoutKey, seconds, ProbeTimeoutMin, ProbeTimeoutMax);
}

int AppSettings::stallTimeoutSec() const
{
    return intValue(StallTimeoutKey, StallTimeoutDefault, StallTimeoutMin, StallTimeoutMax, true);
}

void AppSettings::setStallTimeoutSec(int seconds)
{
    setIntValue(StallTimeoutKey, seconds, StallTimeoutMin, StallTimeoutMax, true);
}

int AppSettings::downloadTimeLimitMin() const
{
    return intValue(TimeLimitKey, TimeLimitDefault, TimeLimitMin, TimeLimitMax, true);
}

void AppSettings::setDownloadTimeLimitMin(int minutes)
{
    setIntValue(TimeLimitKey, minutes, TimeLimitMin, TimeLimitMax, true);
}

QString AppSettings::language() const
{
    const QString language = m_settings->value(LanguageKey).toString();
    return language == u"en" || language == u"zh_CN" ? language : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(LanguageKey, language);
}

bool AppSettings::closeToTray() const
{
    return boolValue(m_settings->value(CloseToTrayKey), true);
}

void AppSettings::setCloseToTray(bool toTray)
{
    m_settings->setValue(CloseToTrayKey, toTray);
}

bool AppSettings::trayHintShown() const
{
    return boolValue(m_settings->value(TrayHintShownKey), false);
}

void AppSettings::setTrayHintShown(bool shown)
{
    m_settings->setValue(TrayHintShownKey, shown);
}

bool AppSettings::notifications() const
{
    return boolValue(m_settings->value(NotificationsKey), true);
}

void AppSettings::setNotifications(bool show)
{
    m_settings->setValue(NotificationsKey, show);
}

int AppSettings::historyRetentionDays() const
{
    return intValue(HistoryRetentionKey, RetentionDefault, RetentionMin, RetentionMax, true);
}

void AppSettings::setHistoryRetentionDays(int days)
{
    setIntValue(HistoryRetentionKey, days, RetentionMin, RetentionMax, true);
}

EngineConfig AppSettings::engineConfig() const
{
    EngineConfig config;
    config.ytDlpPath = ytDlpPath();
    config.ffmpegPath = ffmpegPath();
    config.maxConcurrent = maxConcurrent();
    config.probeTimeoutSec = probeTimeoutSec();
    config.stallTimeoutSec = stallTimeoutSec();
    const int limitMin = downloadTimeLimitMin();
    config.softTimeLimitSec = limitMin * 60;
    config.hardTimeLimitSec = limitMin > 0 ? (limitMin + 1) * 60 : 0;

    NetworkConfig &network = config.network;
    network.proxyMode = proxyMode();
    if (network.proxyMode == ProxyMode::Manual)
        network.proxyUrl = proxyUrlFor(proxyScheme(), proxyHost(), proxyPort(), proxyUser(), proxyPassword());
    network.rateLimitBytesPerSec = rateLimitBytesPerSec();
    network.cookieSource = cookieSource();
    if (network.cookieSource == CookieSource::File)
        network.cookiesFile = cookiesFile();
    else if (network.cookieSource == CookieSource::Browser)
        network.cookiesBrowser = cookiesBrowser();
    return config;
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace Gravity
