#include "ytdlparguments.h"

#include "outputparser.h"
#include "outputtemplate.h"

#include <QDir>

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

// What a direct run skips, to be parsed instead: a stream still live (refused, as the parse refuses it) and
// every entry of a playlist (the parse lists them, to be queued one by one). An entry carries the playlist's
// id, or at least its place in it when the playlist has no id.
constexpr char DirectRunFilter[] = "!is_live & !playlist_id & !playlist_autonumber";

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
    // mp4 embeds subtitles as mov_text and webm only as vtt, whatever the file was; a chosen format matters
    // for separate files and for mkv, which keeps srt, ass and vtt as they are.
    const bool formatMatters =
        options.subtitleMode == SubtitleMode::File || options.container == Container::Mkv;
    if (options.subtitleFormat != SubtitleFormat::Original && formatMatters) {
        // --sub-format only picks among what the site serves (falling back to its best), --convert-subs makes
        // the chosen format from whatever was picked.
        const QString format = subtitleFormatId(options.subtitleFormat);
        arguments << QStringLiteral("--sub-format") << format + QStringLiteral("/best")
                  << QStringLiteral("--convert-subs") << format;
    }
    return arguments;
}

// Decimal seconds as yt-dlp's parse_duration reads them: "83", "83.5".
QString secondsText(double seconds)
{
    QString text = QString::number(seconds, 'f', 3);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QStringList sponsorBlockArguments(const DownloadOptions &options, const NetworkConfig &network)
{
    if (options.sponsorBlock == SponsorBlockMode::Off)
        return {};
    QStringList categories;
    for (const QString &category : options.sponsorBlockCategories) {
        if (isSponsorBlockCategory(category) && !categories.contains(category))
            categories << category;
    }
    if (categories.isEmpty())
        return {};
    // yt-dlp asks SponsorBlock only for YouTube videos (by extractor), so other sites are left as they are.
    QStringList arguments;
    if (options.sponsorBlock == SponsorBlockMode::Mark) {
        arguments << QStringLiteral("--sponsorblock-mark") << categories.join(u',');
    } else {
        arguments << QStringLiteral("--sponsorblock-remove") << categories.join(u',');
    }
    if (!network.sponsorBlockApi.isEmpty())
        arguments << QStringLiteral("--sponsorblock-api") << network.sponsorBlockApi;
    return arguments;
}

QStringList embeddingArguments(const DownloadOptions &options)
{
    QStringList arguments;
    if (options.embedThumbnail && takesEmbeddedThumbnail(options))
        arguments << QStringLiteral("--embed-thumbnail");
    if (options.embedMetadata)
        arguments << QStringLiteral("--embed-metadata");
    if (options.embedChapters) {
        arguments << QStringLiteral("--embed-chapters");
    } else if (options.embedMetadata && options.sponsorBlock != SponsorBlockMode::Mark) {
        // --embed-metadata embeds chapters too unless told not to; marked segments are chapters by intent.
        arguments << QStringLiteral("--no-embed-chapters");
    }
    return arguments;
}

QStringList sectionArguments(const TimeRange &section)
{
    if (section.isWhole())
        return {};
    // "*" makes it a time range rather than a chapter title.
    const QString end = section.end > 0 ? secondsText(section.end) : QStringLiteral("inf");
    return {QStringLiteral("--download-sections"), u'*' + secondsText(qMax(0.0, section.start)) + u'-' + end};
}

} // namespace

bool takesEmbeddedThumbnail(const DownloadOptions &options)
{
    if (!options.formatSpec.isEmpty())
        return false; // an exact selection can end in any container
    if (options.quality == QualityPreset::AudioOnly)
        return options.audioFormat == AudioFormat::Mp3 || options.audioFormat == AudioFormat::M4a;
    return options.container == Container::Mp4 || options.container == Container::Mkv;
}

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

namespace {

enum class Playlists
{
    Refused,  // --no-playlist: a link to a video in a playlist downloads only the video
    Expanded, // a direct run sees the playlist, to skip it (see directDownloadArguments)
};

// Everything in a download's command line but where the video comes from (the info file, or "--" and the
// URL, which go last).
QStringList downloadOptionArguments(const DownloadRequest &request, const NetworkConfig &network,
                                    const QString &ffmpegPath, Playlists playlists)
{
    const DownloadOptions &options = request.options;
    QStringList arguments = commonArguments(network, ffmpegPath);

    // Machine-readable progress: one JSON record a line, behind prefixes only Gravity uses. --print would
    // silence progress, so --progress turns it back on; --no-simulate keeps --print from implying a dry run.
    arguments << QStringLiteral("--newline") << QStringLiteral("--progress")
              << QStringLiteral("--no-simulate") << QStringLiteral("--progress-template")
              << latin("download:") + latin(RecordPrefix::Download) + latin(R"({"p":%(progress)j})")
              << QStringLiteral("--progress-template")
              << latin("postprocess:") + latin(RecordPrefix::PostProcess) + latin("%(progress)j")
              << QStringLiteral("--print")
              << latin("video:") + latin(RecordPrefix::Formats) +
                     latin(R"({"format_id":%(format_id)j,"vcodec":%(vcodec)j,"acodec":%(acodec)j,)"
                           R"("streams":%(requested_formats.:.{format_id,vcodec,acodec})j})")
              << QStringLiteral("--print")
              << latin("after_move:") + latin(RecordPrefix::FilePath) + latin("%(filepath)s");

    // Where and how files are named: inside the chosen folder, names valid on Windows too, a file's time is
    // when it was downloaded (what people sort by), one video per call (entries are queued one by one).
    const QString outputTemplate =
        OutputTemplate::isValid(options.outputTemplate) ? options.outputTemplate : defaultOutputTemplate();
    arguments << QStringLiteral("-P") << options.outputDir << QStringLiteral("-o") << outputTemplate
              << QStringLiteral("--windows-filenames") << QStringLiteral("--no-mtime");
    if (playlists == Playlists::Refused)
        arguments << QStringLiteral("--no-playlist");
    // A fragment that still fails after its retries fails the download (to be retried or resumed), where
    // yt-dlp by default skips it and merges a file with a hole in it.
    arguments << QStringLiteral("--abort-on-unavailable-fragments");
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

    arguments << subtitleArguments(options) << sponsorBlockArguments(options, network)
              << embeddingArguments(options) << sectionArguments(options.section);
    // A section or a removed segment cut only at keyframes starts or ends seconds away from where asked (or
    // keeps part of the sponsor): re-encoding around the cuts is slower but exact.
    if (arguments.contains(QStringLiteral("--download-sections")) ||
        arguments.contains(QStringLiteral("--sponsorblock-remove")))
        arguments << QStringLiteral("--force-keyframes-at-cuts");
    return arguments;
}

} // namespace

QStringList downloadArguments(const DownloadRequest &request, const QString &infoJsonPath,
                              const NetworkConfig &network, const QString &ffmpegPath)
{
    QStringList arguments = downloadOptionArguments(request, network, ffmpegPath, Playlists::Refused);
    if (!infoJsonPath.isEmpty())
        arguments << QStringLiteral("--load-info-json") << infoJsonPath;
    else
        arguments << QStringLiteral("--") << request.url;
    return arguments;
}

QStringList directDownloadArguments(const DownloadRequest &request, const QString &infoFile,
                                    const NetworkConfig &network, const QString &ffmpegPath)
{
    // --no-playlist would download the first part of a multi-part video, where the parse lists every part;
    // with the filter, the first entry of any playlist is enough to tell it is one.
    QStringList arguments = downloadOptionArguments(request, network, ffmpegPath, Playlists::Expanded);
    QString file = infoFile;
    file.replace(u'%', QStringLiteral("%%"));
    arguments << QStringLiteral("--playlist-items") << QStringLiteral("1") << QStringLiteral("--match-filter")
              << latin(DirectRunFilter) << QStringLiteral("--print-to-file") << QStringLiteral("video:%()j")
              << file << QStringLiteral("--") << request.url;
    return arguments;
}

bool isPlainOutputPath(const QString &path)
{
    QStringView rest(path);
#if defined(Q_OS_WIN)
    if (rest.size() > 2 && rest.at(1) == u':') // the drive is left as it is
        rest = rest.mid(2);
#endif
    if (!QDir::isAbsolutePath(path) || QDir::cleanPath(path) != path || rest.contains(u'$'))
        return false;
    for (const QStringView part : rest.split(u'/', Qt::SkipEmptyParts)) {
        if (part.endsWith(u'.') || part.back().isSpace())
            return false;
        for (const QChar c : part) {
            if (c < u' ' || QStringView(u"<>:\"|\\?*").contains(c))
                return false;
        }
    }
    return true;
}

} // namespace Gravity
