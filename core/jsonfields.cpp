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
constexpr QLatin1StringView KeySubtitleFormat("subtitle_format");
constexpr QLatin1StringView KeySponsorBlock("sponsorblock");
constexpr QLatin1StringView KeySponsorBlockCategories("sponsorblock_categories");
constexpr QLatin1StringView KeyEmbedThumbnail("embed_thumbnail");
constexpr QLatin1StringView KeyEmbedMetadata("embed_metadata");
constexpr QLatin1StringView KeyEmbedChapters("embed_chapters");
constexpr QLatin1StringView KeySectionStart("section_start");
constexpr QLatin1StringView KeySectionEnd("section_end");

void putFlag(QJsonObject &object, QLatin1StringView key, bool value)
{
    if (value)
        object.insert(key, true);
}

void putSeconds(QJsonObject &object, QLatin1StringView key, double seconds)
{
    if (seconds > 0)
        object.insert(key, seconds);
}

// A wrong type, a negative number or NaN reads as 0 (the beginning, or the end).
double secondsOf(const QJsonObject &object, QLatin1StringView key)
{
    const double seconds = object.value(key).toDouble(0);
    return seconds > 0 && seconds < 1e9 ? seconds : 0;
}

QStringList stringsOf(const QJsonObject &object, QLatin1StringView key)
{
    QStringList strings;
    const QJsonArray array = object.value(key).toArray();
    for (const QJsonValue &value : array) {
        if (value.isString())
            strings.append(value.toString());
    }
    return strings;
}

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
    putString(object, KeySubtitleFormat, subtitleFormatId(options.subtitleFormat));
    putString(object, KeySponsorBlock, sponsorBlockModeId(options.sponsorBlock));
    if (!options.sponsorBlockCategories.isEmpty())
        object.insert(KeySponsorBlockCategories, QJsonArray::fromStringList(options.sponsorBlockCategories));
    putFlag(object, KeyEmbedThumbnail, options.embedThumbnail);
    putFlag(object, KeyEmbedMetadata, options.embedMetadata);
    putFlag(object, KeyEmbedChapters, options.embedChapters);
    putSeconds(object, KeySectionStart, options.section.start);
    putSeconds(object, KeySectionEnd, options.section.end);
}

DownloadOptions optionsOf(const QJsonObject &object)
{
    DownloadOptions options;
    options.quality = qualityPresetFromId(stringOf(object, KeyQuality)).value_or(QualityPreset::Best);
    options.formatSpec = stringOf(object, KeyFormatSpec);
    options.container = containerFromId(stringOf(object, KeyContainer)).value_or(Container::Auto);
    options.audioFormat = audioFormatFromId(stringOf(object, KeyAudioFormat)).value_or(AudioFormat::None);
    options.subtitleMode = subtitleModeFromId(stringOf(object, KeySubtitleMode)).value_or(SubtitleMode::None);
    options.subtitleLanguages = stringsOf(object, KeySubtitleLanguages);
    options.autoCaptions = object.value(KeyAutoCaptions).toBool(false);
    options.outputDir = stringOf(object, KeyOutputDir);
    options.outputTemplate = stringOf(object, KeyOutputTemplate);
    options.subtitleFormat =
        subtitleFormatFromId(stringOf(object, KeySubtitleFormat)).value_or(SubtitleFormat::Original);
    options.sponsorBlock =
        sponsorBlockModeFromId(stringOf(object, KeySponsorBlock)).value_or(SponsorBlockMode::Off);
    options.sponsorBlockCategories = stringsOf(object, KeySponsorBlockCategories);
    options.embedThumbnail = object.value(KeyEmbedThumbnail).toBool(false);
    options.embedMetadata = object.value(KeyEmbedMetadata).toBool(false);
    options.embedChapters = object.value(KeyEmbedChapters).toBool(false);
    options.section.start = secondsOf(object, KeySectionStart);
    options.section.end = secondsOf(object, KeySectionEnd);
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
