#include "appsettings.h"

#include <QSettings>
#include <QStandardPaths>

namespace Gravity {

namespace {

const QString DownloadFolderKey = QStringLiteral("downloads/folder");
const QString QualityKey = QStringLiteral("downloads/quality");
const QString ContainerKey = QStringLiteral("downloads/container");
const QString AudioFormatKey = QStringLiteral("downloads/audioFormat");
const QString SubtitleModeKey = QStringLiteral("downloads/subtitleMode");
const QString ThemeKey = QStringLiteral("ui/theme");
const QString OfferClipboardKey = QStringLiteral("ui/offerClipboardUrls");

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
    options.outputDir = downloadFolder();
    return options;
}

void AppSettings::setLastOptions(const DownloadOptions &options)
{
    m_settings->setValue(QualityKey, qualityPresetId(options.quality));
    m_settings->setValue(ContainerKey, containerId(options.container));
    m_settings->setValue(AudioFormatKey, audioFormatId(options.audioFormat));
    m_settings->setValue(SubtitleModeKey, subtitleModeId(options.subtitleMode));
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

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace Gravity
