#include "jsonfields.h"

#include <QJsonArray>

namespace Gravity::JsonFields {

namespace {

// snake_case like yt-dlp's own keys and Gravity's --json output.
constexpr QLatin1StringView KeyQuality("quality");
constexpr QLatin1StringView KeyFormatSpec("format_spec");
constexpr QLatin1StringView KeyContainer("container");
constexpr QLatin1StringView KeyAudioFormat("audio_format");
constexpr QLatin1StringView KeySubtitleMode("subtitle_mode");
constexpr QLatin1StringView KeySubtitleLanguages("subtitle_languages");
constexpr QLatin1StringView KeyAutoCaptions("auto_captions");
constexpr QLatin1StringView KeyOutputDir("output_dir");
constexpr QLatin1StringView KeyOutputTemplate("output_template");

} // namespace

void putString(QJsonObject &object, QLatin1StringView key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void putTime(QJsonObject &object, QLatin1StringView key, const QDateTime &time)
{
    if (time.isValid())
        object.insert(key, time.toUTC().toString(Qt::ISODateWithMs));
}

QString stringOf(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

QDateTime timeOf(const QJsonObject &object, QLatin1StringView key)
{
    const QString text = stringOf(object, key);
    if (text.isEmpty())
        return {};
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

void putOptions(QJsonObject &object, const DownloadOptions &options)
{
    object.insert(KeyQuality, qualityPresetId(options.quality));
    putString(object, KeyFormatSpec, options.formatSpec);
    putString(object, KeyContainer, containerId(options.container));
    putString(object, KeyAudioFormat, audioFormatId(options.audioFormat));
    putString(object, KeySubtitleMode, subtitleModeId(options.subtitleMode));
    if (!options.subtitleLanguages.isEmpty())
        object.insert(KeySubtitleLanguages, QJsonArray::fromStringList(options.subtitleLanguages));
    if (options.autoCaptions)
        object.insert(KeyAutoCaptions, true);
    putString(object, KeyOutputDir, options.outputDir);
    putString(object, KeyOutputTemplate, options.outputTemplate);
}

DownloadOptions optionsOf(const QJsonObject &object)
{
    DownloadOptions options;
    options.quality = qualityPresetFromId(stringOf(object, KeyQuality)).value_or(QualityPreset::Best);
    options.formatSpec = stringOf(object, KeyFormatSpec);
    options.container = containerFromId(stringOf(object, KeyContainer)).value_or(Container::Auto);
    options.audioFormat = audioFormatFromId(stringOf(object, KeyAudioFormat)).value_or(AudioFormat::None);
    options.subtitleMode = subtitleModeFromId(stringOf(object, KeySubtitleMode)).value_or(SubtitleMode::None);
    const QJsonArray languages = object.value(KeySubtitleLanguages).toArray();
    for (const QJsonValue &language : languages) {
        if (language.isString())
            options.subtitleLanguages.append(language.toString());
    }
    options.autoCaptions = object.value(KeyAutoCaptions).toBool(false);
    options.outputDir = stringOf(object, KeyOutputDir);
    options.outputTemplate = stringOf(object, KeyOutputTemplate);
    return options;
}

Platform platformOf(const QJsonObject &object, QLatin1StringView key)
{
    const QString id = stringOf(object, key);
    for (Platform platform : {Platform::YouTube, Platform::Bilibili}) {
        if (id == platformId(platform))
            return platform;
    }
    return Platform::Other;
}

} // namespace Gravity::JsonFields
