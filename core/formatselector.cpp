#include "formatselector.h"

#include <algorithm>
#include <array>

namespace Gravity {

namespace {

struct PresetName
{
    QualityPreset preset;
    QStringView id;
    int height;
};

constexpr std::array<PresetName, 8> presetNames{{
    {QualityPreset::Best, u"best", 0},
    {QualityPreset::P2160, u"2160", 2160},
    {QualityPreset::P1440, u"1440", 1440},
    {QualityPreset::P1080, u"1080", 1080},
    {QualityPreset::P720, u"720", 720},
    {QualityPreset::P480, u"480", 480},
    {QualityPreset::P360, u"360", 360},
    {QualityPreset::AudioOnly, u"audio", 0},
}};

// The last resort of every selector: whatever yt-dlp can actually fetch.
constexpr QStringView FinalFallback = u"bestvideo+bestaudio/best";

bool isSpecChar(QChar c)
{
    if (c.unicode() > 0x7f)
        return false;
    if (c.isLetterOrNumber())
        return true;
    static constexpr QStringView punctuation = u"_-+/.,:[]<>=!*?^$~|();";
    return punctuation.contains(c);
}

} // namespace

QString formatSelector(QualityPreset preset)
{
    switch (preset) {
    case QualityPreset::Best:
        return FinalFallback.toString();
    case QualityPreset::AudioOnly:
        return QStringLiteral("bestaudio/best");
    case QualityPreset::P2160:
    case QualityPreset::P1440:
    case QualityPreset::P1080:
    case QualityPreset::P720:
    case QualityPreset::P480:
    case QualityPreset::P360:
        break;
    }
    const QString limit = u"[height<=" + QString::number(presetHeight(preset)) + u']';
    // Capped split streams, then a capped single file, then anything: a site may list only tiers above the
    // cap, or tiers the user is not allowed to fetch.
    return u"bestvideo" + limit + u"+bestaudio/best" + limit + u'/' + FinalFallback;
}

QString qualityPresetId(QualityPreset preset)
{
    for (const PresetName &name : presetNames) {
        if (name.preset == preset)
            return name.id.toString();
    }
    return QStringLiteral("best");
}

std::optional<QualityPreset> qualityPresetFromId(QStringView id)
{
    QStringView text = id.trimmed();
    if (text.compare(u"4k", Qt::CaseInsensitive) == 0)
        return QualityPreset::P2160;
    if (text.compare(u"2k", Qt::CaseInsensitive) == 0)
        return QualityPreset::P1440;
    // "1080p" means 1080; "audiop" or a bare "p" mean nothing
    if (text.size() > 1 && text.endsWith(u'p', Qt::CaseInsensitive) && text.at(0).isDigit())
        text.chop(1);
    for (const PresetName &name : presetNames) {
        if (text.compare(name.id, Qt::CaseInsensitive) == 0)
            return name.preset;
    }
    return std::nullopt;
}

int presetHeight(QualityPreset preset)
{
    for (const PresetName &name : presetNames) {
        if (name.preset == preset)
            return name.height;
    }
    return 0;
}

QString audioFormatId(AudioFormat format)
{
    switch (format) {
    case AudioFormat::Mp3:
        return QStringLiteral("mp3");
    case AudioFormat::M4a:
        return QStringLiteral("m4a");
    case AudioFormat::Opus:
        return QStringLiteral("opus");
    case AudioFormat::None:
        break;
    }
    return {};
}

std::optional<AudioFormat> audioFormatFromId(QStringView id)
{
    if (id.isEmpty() || id.compare(u"none", Qt::CaseInsensitive) == 0)
        return AudioFormat::None; // the inverse of audioFormatId(None)
    for (AudioFormat format : {AudioFormat::Mp3, AudioFormat::M4a, AudioFormat::Opus}) {
        if (id.compare(audioFormatId(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QString containerId(Container container)
{
    switch (container) {
    case Container::Mp4:
        return QStringLiteral("mp4");
    case Container::Mkv:
        return QStringLiteral("mkv");
    case Container::Webm:
        return QStringLiteral("webm");
    case Container::Auto:
        break;
    }
    return {};
}

std::optional<Container> containerFromId(QStringView id)
{
    if (id.isEmpty() || id.compare(u"auto", Qt::CaseInsensitive) == 0)
        return Container::Auto; // the inverse of containerId(Auto)
    for (Container container : {Container::Mp4, Container::Mkv, Container::Webm}) {
        if (id.compare(containerId(container), Qt::CaseInsensitive) == 0)
            return container;
    }
    return std::nullopt;
}

QString subtitleModeId(SubtitleMode mode)
{
    switch (mode) {
    case SubtitleMode::Embed:
        return QStringLiteral("embed");
    case SubtitleMode::File:
        return QStringLiteral("file");
    case SubtitleMode::None:
        break;
    }
    return {};
}

std::optional<SubtitleMode> subtitleModeFromId(QStringView id)
{
    if (id.isEmpty() || id.compare(u"none", Qt::CaseInsensitive) == 0)
        return SubtitleMode::None;
    for (SubtitleMode mode : {SubtitleMode::Embed, SubtitleMode::File}) {
        if (id.compare(subtitleModeId(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

bool isPlausibleFormatSpec(QStringView spec)
{
    constexpr qsizetype MaxSpecLength = 200;
    if (spec.isEmpty() || spec.size() > MaxSpecLength || spec.startsWith(u'-'))
        return false;
    return std::all_of(spec.cbegin(), spec.cend(), isSpecChar);
}

} // namespace Gravity
