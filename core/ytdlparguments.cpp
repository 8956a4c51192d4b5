#include "ytdlparguments.h"

#include "outputparser.h"
#include "outputtemplate.h"

#include <algorithm>

namespace Gravity {

namespace {

QStringList commonArguments(const NetworkConfig &network, const QString &ffmpegPath)
{
    QStringList arguments{QStringLiteral("--ignore-config"), QStringLiteral("--no-colors")};
    if (!ffmpegPath.isEmpty())
        arguments << QStringLiteral("--ffmpeg-location") << ffmpegPath;
    arguments << networkArguments(network);
    return arguments;
}

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

// yt-dlp reads --sub-langs as comma-separated regular expressions; a language key from a page that holds
// anything beyond letters, digits, '-' and '_' could widen the match (or look like an option), so it is
// left out.
bool isPlainLanguageKey(const QString &language)
{
    if (language.isEmpty() || language.size() > 40 || language.startsWith(u'-'))
        return false;
    return std::all_of(language.begin(), language.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
}

QStringList subtitleArguments(const DownloadOptions &options)
{
    // Audio files take no subtitle track, and a lone .srt beside an .mp3 is not what "audio only" asked for.
    if (options.subtitleMode == SubtitleMode::None || options.quality == QualityPreset::AudioOnly)
        return {};
    QStringList languages;
    for (const QString &language : options.subtitleLanguages) {
        if (isPlainLanguageKey(language) && !languages.contains(language))
            languages << language;
    }
    if (languages.isEmpty())
        return {};
    QStringList arguments{QStringLiteral("--write-subs")};
    if (options.autoCaptions)
        arguments << QStringLiteral("--write-auto-subs");
    arguments << QStringLiteral("--sub-langs") << languages.join(u',');
    if (options.subtitleMode == SubtitleMode::Embed)
        arguments << QStringLiteral("--embed-subs"); // yt-dlp removes the separate files once embedded
    return arguments;
}

} // namespace

QStringList networkArguments(const NetworkConfig &network)
{
    QStringList arguments;
    switch (network.proxyMode) {
    case ProxyMode::None:
        // An empty value is yt-dlp's way to say "direct", whatever the environment says.
        arguments << QStringLiteral("--proxy") << QString();
        break;
    case ProxyMode::Manual:
        // A manual proxy without a usable URL leaves yt-dlp's default rather than going direct unasked.
        if (!network.proxyUrl.isEmpty())
            arguments << QStringLiteral("--proxy") << network.proxyUrl;
        break;
    case ProxyMode::System:
        break;
    }
    if (network.rateLimitBytesPerSec > 0)
        arguments << QStringLiteral("--limit-rate") << QString::number(network.rateLimitBytesPerSec);
    switch (network.cookieSource) {
    case CookieSource::File:
        if (!network.cookiesFile.isEmpty())
            arguments << QStringLiteral("--cookies") << network.cookiesFile;
        break;
    case CookieSource::Browser:
        if (isSupportedCookieBrowser(network.cookiesBrowser))
            arguments << QStringLiteral("--cookies-from-browser") << network.cookiesBrowser;
        break;
    case CookieSource::None:
        break;
    }
    const QString retries = QString::number(qMax(0, network.retries));
    arguments << QStringLiteral("--retries") << retries << QStringLiteral("--fragment-retries") << retries;
    if (network.concurrentFragments > 1)
        arguments << QStringLiteral("-N") << QString::number(qMin(network.concurrentFragments, 16));
    return arguments;
}

QStringList probeArguments(const QString &url, const NetworkConfig &network, const QString &ffmpegPath)
{
    QStringList arguments = commonArguments(network, ffmpegPath);
    arguments << QStringLiteral("--no-warnings") << QStringLiteral("-J") << QStringLiteral("--flat-playlist")
              << QStringLiteral("--") << url;
    return arguments;
}

QString defaultOutputTemplate()
{
    return QStringLiteral("%(title).200B [%(id)s].%(ext)s");
}

QString selectorFor(const DownloadOptions &options)
{
    if (!options.formatSpec.isEmpty())
        return options.formatSpec;
    if (options.quality == QualityPreset::AudioOnly) {
        // Prefer a source that needs no re-encoding for the chosen target.
        switch (options.audioFormat) {
        case AudioFormat::M4a:
            return QStringLiteral("bestaudio[ext=m4a]/bestaudio/best");
        case AudioFormat::Opus:
            return QStringLiteral("bestaudio[acodec=opus]/bestaudio/best");
        case AudioFormat::Mp3:
        case AudioFormat::None:
            break;
        }
    }
    return formatSelector(options.quality);
}

QStringList downloadArguments(const DownloadRequest &request, const QString &infoJsonPath,
                              const NetworkConfig &network, const QString &ffmpegPath)
{
    const DownloadOptions &options = request.options;
    QStringList arguments = commonArguments(network, ffmpegPath);

    // Machine-readable progress: one JSON record a line, behind prefixes only Gravity uses. --print would
    // silence progress, so --progress turns it back on; --no-simulate keeps --print from implying a dry run.
    arguments << QStringLiteral("--newline") << QStringLiteral("--progress")
              << QStringLiteral("--no-simulate") << QStringLiteral("--progress-template")
              << latin("download:") + latin(RecordPrefix::Download) +
                     latin(R"({"p":%(progress)j,"format_id":%(info.format_id)j,)"
                           R"("vcodec":%(info.vcodec)j,"acodec":%(info.acodec)j})")
              << QStringLiteral("--progress-template")
              << latin("postprocess:") + latin(RecordPrefix::PostProcess) + latin("%(progress)j")
              << QStringLiteral("--print")
              << latin("video:") + latin(RecordPrefix::Formats) + latin("%(format_id)j")
              << QStringLiteral("--print")
              << latin("after_move:") + latin(RecordPrefix::FilePath) + latin("%(filepath)s");

    // Where and how files are named: inside the chosen folder, names valid on Windows too, a file's time is
    // when it was downloaded (what people sort by), one video per call (entries are queued one by one).
    const QString outputTemplate =
        OutputTemplate::isValid(options.outputTemplate) ? options.outputTemplate : defaultOutputTemplate();
    arguments << QStringLiteral("-P") << options.outputDir << QStringLiteral("-o") << outputTemplate
              << QStringLiteral("--windows-filenames") << QStringLiteral("--no-mtime")
              << QStringLiteral("--no-playlist");
    // A page's uploader or title must not name a folder "..", a hidden file or a Windows device: see
    // OutputTemplate::metadataFixes().
    const QStringList protectedFields = OutputTemplate::protectedFields(outputTemplate);
    if (!protectedFields.isEmpty()) {
        for (const OutputTemplate::MetadataFix &fix : OutputTemplate::metadataFixes()) {
            arguments << QStringLiteral("--replace-in-metadata") << protectedFields.join(u',') << fix.pattern
                      << fix.replacement;
        }
    }

    arguments << QStringLiteral("-f") << selectorFor(options);
    if (options.quality == QualityPreset::AudioOnly && options.formatSpec.isEmpty()) {
        arguments << QStringLiteral("-x");
        if (options.audioFormat != AudioFormat::None) {
            arguments << QStringLiteral("--audio-format") << audioFormatId(options.audioFormat)
                      << QStringLiteral("--audio-quality") << QStringLiteral("0");
        }
    } else if (options.container != Container::Auto) {
        const QString container = containerId(options.container);
        // Sorting by extension picks streams the container takes as they are, so merging needs no re-encode.
        if (options.container == Container::Mp4)
            arguments << QStringLiteral("-S") << QStringLiteral("ext:mp4:m4a");
        else if (options.container == Container::Webm)
            arguments << QStringLiteral("-S") << QStringLiteral("ext:webm:webm");
        arguments << QStringLiteral("--merge-output-format") << container << QStringLiteral("--remux-video")
                  << container;
    }

    arguments << subtitleArguments(options);

    if (!infoJsonPath.isEmpty())
        arguments << QStringLiteral("--load-info-json") << infoJsonPath;
    else
        arguments << QStringLiteral("--") << request.url;
    return arguments;
}

} // namespace Gravity
