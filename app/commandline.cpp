#include "commandline.h"

#include "downloadflags.h"
#include "outputtemplate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <cstring>

namespace Gravity {

namespace {

// A translation context lupdate can see, for the free functions below.
struct CommandLineText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::CommandLine)
};

void printError(const QString &message)
{
    std::fprintf(stderr, "gravity-downloader: %s\n", qPrintable(message));
}

// "1,3,5-7" → {1, 3, 5, 6, 7}; nullopt for anything else. Bounded so a typo cannot make a huge list.
std::optional<QList<int>> parsePlaylistItems(const QString &text)
{
    constexpr int maxItem = 100000;
    QList<int> items;
    for (const QString &part : text.split(u',')) {
        const QStringList bounds = part.trimmed().split(u'-');
        if (bounds.size() > 2)
            return std::nullopt;
        bool firstOk = false;
        bool lastOk = false;
        const int first = bounds.first().toInt(&firstOk);
        const int last = bounds.size() == 2 ? bounds.last().toInt(&lastOk) : first;
        if (!firstOk || (bounds.size() == 2 && !lastOk) || first < 1 || last < first || last > maxItem)
            return std::nullopt;
        if (items.size() + (last - first) >= maxItem)
            return std::nullopt;
        for (int item = first; item <= last; ++item)
            items << item;
    }
    return items;
}

} // namespace

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0)
            break;
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "--print-info") == 0 ||
            std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0 ||
            std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0 ||
            std::strcmp(argv[i], "--update-yt-dlp") == 0)
            return true;
    }
    return false;
}

std::optional<CommandLine> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLineText::tr(
        "Gravity Video Downloader: parse and download videos with yt-dlp.\n\n"
        "Without --headless it opens the window (and passes any URLs to it).\n\n"
        "Exit status: 0 all succeeded; 1 a download failed; 2 bad usage or a rejected URL;\n"
        "3 yt-dlp or ffmpeg missing; 4 a page or info JSON could not be parsed;\n"
        "5 the window could not be opened (an incomplete installation); 130 interrupted."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     CommandLineText::tr("Print the versions of Gravity and yt-dlp."));
    parser.addOption(version);
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      CommandLineText::tr("Download without a window."));
    const QCommandLineOption printInfo(QStringLiteral("print-info"),
                                       CommandLineText::tr("Only parse the URLs and print what was found."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CommandLineText::tr("Print one JSON object per line, for scripts."));
    const QCommandLineOption quality(
        {QStringLiteral("q"), QStringLiteral("quality")},
        CommandLineText::tr("Quality: best, 2160, 1440, 1080, 720, 480, 360 or audio."),
        CommandLineText::tr("quality"), QStringLiteral("best"));
    const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                    CommandLineText::tr("An exact yt-dlp format selection, e.g. 137+140."),
                                    CommandLineText::tr("selector"));
    const QCommandLineOption audio({QStringLiteral("a"), QStringLiteral("audio")},
                                   CommandLineText::tr("Audio only, converted to mp3, m4a or opus."),
                                   CommandLineText::tr("format"));
    const QCommandLineOption outputDir(
        {QStringLiteral("o"), QStringLiteral("output-dir")},
        CommandLineText::tr("Folder to save into (default: the current folder)."),
        CommandLineText::tr("dir"));
    const QCommandLineOption container(QStringLiteral("container"),
                                       CommandLineText::tr("Video container: mp4, mkv or webm."),
                                       CommandLineText::tr("container"));
    const QCommandLineOption ytDlp(QStringLiteral("yt-dlp"),
                                   CommandLineText::tr("Path to the yt-dlp program."),
                                   CommandLineText::tr("path"));
    const QCommandLineOption ffmpeg(QStringLiteral("ffmpeg"),
                                    CommandLineText::tr("Path to the ffmpeg program."),
                                    CommandLineText::tr("path"));
    const QCommandLineOption jobs(
        {QStringLiteral("j"), QStringLiteral("jobs"), QStringLiteral("max-concurrent")},
        CommandLineText::tr("Downloads at the same time (default 3)."), CommandLineText::tr("n"),
        QStringLiteral("3"));
    const QCommandLineOption outputTemplate(
        QStringLiteral("output-template"),
        CommandLineText::tr("yt-dlp file name template inside the folder (default: \"%1\").")
            .arg(OutputTemplate::presets().constFirst().pattern),
        CommandLineText::tr("template"));
    const QCommandLineOption proxy(
        QStringLiteral("proxy"),
        CommandLineText::tr(
            "Proxy for yt-dlp, e.g. socks5://user:password@host:1080; \"\" connects directly."),
        CommandLineText::tr("url"));
    const QCommandLineOption limitRate(QStringLiteral("limit-rate"),
                                       CommandLineText::tr("Maximum download rate per download: 500K, 2M or "
                                                           "bytes per second."),
                                       CommandLineText::tr("rate"));
    const QCommandLineOption cookies(QStringLiteral("cookies"),
                                     CommandLineText::tr("Cookies file (Netscape format) for yt-dlp to use."),
                                     CommandLineText::tr("file"));
    const QCommandLineOption cookiesFromBrowser(
        QStringLiteral("cookies-from-browser"),
        CommandLineText::tr("Use the cookies of a browser: %1 (optionally browser:profile).")
            .arg(supportedCookieBrowsers().join(QStringLiteral(", "))),
        CommandLineText::tr("browser"));
    const QCommandLineOption loadInfo(
        QStringLiteral("load-info-json"),
        CommandLineText::tr("Download from a saved yt-dlp info JSON instead of a URL."),
        CommandLineText::tr("file"));
    // yt-dlp's own name for it (its short -a is Gravity's --audio).
    const QCommandLineOption batchFile(
        QStringLiteral("batch-file"),
        CommandLineText::tr("A text file of links, one per line (# starts a comment); \"-\" reads them from "
                            "standard input."),
        CommandLineText::tr("file"));
    const QCommandLineOption updateYtDlp(
        QStringLiteral("update-yt-dlp"),
        CommandLineText::tr("Update yt-dlp, when it is Gravity's own copy (a packaged yt-dlp is updated by "
                            "the package manager), and exit."));
    const QCommandLineOption updateChannel(QStringLiteral("update-channel"),
                                           CommandLineText::tr("The channel --update-yt-dlp follows: stable "
                                                               "(default) or nightly."),
                                           CommandLineText::tr("channel"), QStringLiteral("stable"));
    const QCommandLineOption playlistItems(
        QStringLiteral("playlist-items"),
        CommandLineText::tr("Of a playlist, only these entries, e.g. 1,3,5-7 (default: all)."),
        CommandLineText::tr("items"));
    parser.addOptions({headless,           printInfo,      json,          quality, format,    audio,
                       outputDir,          outputTemplate, container,     ytDlp,   ffmpeg,    jobs,
                       loadInfo,           batchFile,      playlistItems, proxy,   limitRate, cookies,
                       cookiesFromBrowser, updateYtDlp,    updateChannel});
    parser.addOptions(downloadFlagOptions());
    parser.addPositionalArgument(QStringLiteral("urls"), CommandLineText::tr("Links to videos or playlists."),
                                 QStringLiteral("[URL…]"));

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return std::nullopt;
    }
    if (parser.isSet(help))
        parser.showHelp(ExitOk);

    CommandLine line;
    if (parser.isSet(version)) {
        // The caller prints it, with the yt-dlp the settings choose.
        line.showVersion = true;
        line.headless = true;
        line.engine.ytDlpPath = parser.value(ytDlp);
        line.given.ytDlpPath = parser.isSet(ytDlp);
        return line;
    }
    line.printInfo = parser.isSet(printInfo);
    line.headless = parser.isSet(headless) || line.printInfo;
    line.json = parser.isSet(json);
    line.urls = parser.positionalArguments();
    line.loadInfoJson = parser.value(loadInfo);
    line.batchFile = parser.value(batchFile);
    line.updateYtDlp = parser.isSet(updateYtDlp);
    if (parser.value(updateChannel) != QLatin1String("stable") &&
        parser.value(updateChannel) != QLatin1String("nightly")) {
        printError(CommandLineText::tr("Unknown channel \"%1\": use stable or nightly.")
                       .arg(parser.value(updateChannel)));
        return std::nullopt;
    }
    line.nightly = parser.value(updateChannel) == QLatin1String("nightly");
    if (line.updateYtDlp)
        line.headless = true;
    if (parser.isSet(playlistItems)) {
        const std::optional<QList<int>> items = parsePlaylistItems(parser.value(playlistItems));
        if (!items) {
            printError(CommandLineText::tr("\"%1\" is not a list of entries: use for example 1,3,5-7.")
                           .arg(parser.value(playlistItems)));
            return std::nullopt;
        }
        line.playlistItems = *items;
    }

    const std::optional<QualityPreset> preset = qualityPresetFromId(parser.value(quality));
    if (!preset) {
        printError(
            CommandLineText::tr("Unknown quality \"%1\": use best, 2160, 1440, 1080, 720, 480, 360 or audio.")
                .arg(parser.value(quality)));
        return std::nullopt;
    }
    line.options.quality = *preset;
    if (parser.isSet(format)) {
        if (!isPlausibleFormatSpec(parser.value(format))) {
            printError(CommandLineText::tr("\"%1\" is not a format selection.").arg(parser.value(format)));
            return std::nullopt;
        }
        line.options.formatSpec = parser.value(format);
    }
    if (parser.isSet(audio)) {
        const std::optional<AudioFormat> audioFormat = audioFormatFromId(parser.value(audio));
        if (!audioFormat) {
            printError(CommandLineText::tr("Unknown audio format \"%1\": use mp3, m4a or opus.")
                           .arg(parser.value(audio)));
            return std::nullopt;
        }
        line.options.quality = QualityPreset::AudioOnly;
        line.options.audioFormat = *audioFormat;
    }
    if (parser.isSet(container)) {
        const std::optional<Container> chosen = containerFromId(parser.value(container));
        if (!chosen) {
            printError(CommandLineText::tr("Unknown container \"%1\": use mp4, mkv or webm.")
                           .arg(parser.value(container)));
            return std::nullopt;
        }
        line.options.container = *chosen;
    }
    line.options.outputDir =
        QDir(parser.isSet(outputDir) ? parser.value(outputDir) : QDir::currentPath()).absolutePath();
    if (parser.isSet(outputTemplate)) {
        const OutputTemplate::Problem problem = OutputTemplate::validate(parser.value(outputTemplate));
        if (problem != OutputTemplate::Problem::None) {
            printError(OutputTemplate::problemText(problem));
            return std::nullopt;
        }
        line.options.outputTemplate = parser.value(outputTemplate);
    }

    bool jobsOk = false;
    const int jobCount = parser.value(jobs).toInt(&jobsOk);
    if (!jobsOk || jobCount < 1 || jobCount > 32) {
        printError(CommandLineText::tr("--jobs takes a number from 1 to 32."));
        return std::nullopt;
    }
    line.engine.maxConcurrent = jobCount;
    line.given.maxConcurrent = parser.isSet(jobs);
    line.engine.ytDlpPath = parser.value(ytDlp);
    line.given.ytDlpPath = parser.isSet(ytDlp);
    line.engine.ffmpegPath = parser.value(ffmpeg);
    line.given.ffmpegPath = parser.isSet(ffmpeg);

    NetworkConfig &network = line.engine.network;
    if (parser.isSet(proxy)) {
        line.given.proxy = true;
        const QString url = parser.value(proxy).trimmed();
        if (url.isEmpty()) {
            network.proxyMode = ProxyMode::None;
        } else {
            network.proxyMode = ProxyMode::Manual;
            network.proxyUrl = url;
            if (!isUsableProxyUrl(url)) {
                // The URL may carry a password: it is not repeated back.
                printError(CommandLineText::tr("--proxy takes a URL such as http://host:3128 or "
                                               "socks5://user:password@host:1080, or \"\" for none."));
                return std::nullopt;
            }
        }
    }
    if (parser.isSet(limitRate)) {
        const std::optional<qint64> rate = parseByteRate(parser.value(limitRate));
        if (!rate) {
            printError(CommandLineText::tr("\"%1\" is not a rate: use for example 500K, 2M or 65536.")
                           .arg(parser.value(limitRate)));
            return std::nullopt;
        }
        network.rateLimitBytesPerSec = *rate;
        line.given.rateLimit = true;
    }
    if (parser.isSet(cookies) && parser.isSet(cookiesFromBrowser)) {
        printError(CommandLineText::tr("Use either --cookies or --cookies-from-browser, not both."));
        return std::nullopt;
    }
    if (parser.isSet(cookies)) {
        // Only whether it is there: Gravity never reads the cookies themselves.
        const QFileInfo file(parser.value(cookies));
        if (!file.isFile()) {
            printError(
                CommandLineText::tr("The cookies file \"%1\" does not exist.").arg(parser.value(cookies)));
            return std::nullopt;
        }
        network.cookieSource = CookieSource::File;
        network.cookiesFile = file.absoluteFilePath();
        line.given.cookies = true;
    }
    if (parser.isSet(cookiesFromBrowser)) {
        const QString browser = parser.value(cookiesFromBrowser).trimmed();
        if (!isSupportedCookieBrowser(browser)) {
            printError(CommandLineText::tr("Unknown browser \"%1\": use %2.")
                           .arg(browser, supportedCookieBrowsers().join(QStringLiteral(", "))));
            return std::nullopt;
        }
        network.cookieSource = CookieSource::Browser;
        network.cookiesBrowser = browser;
        line.given.cookies = true;
    }

    if (const QString problem = applyDownloadFlags(parser, line.options, network); !problem.isEmpty()) {
        printError(problem);
        return std::nullopt;
    }

    if (line.headless && !line.updateYtDlp && line.urls.isEmpty() && line.loadInfoJson.isEmpty() &&
        line.batchFile.isEmpty()) {
        printError(CommandLineText::tr(
            "Nothing to do: give at least one URL, --batch-file FILE or --load-info-json FILE."));
        return std::nullopt;
    }
    return line;
}

EngineConfig applyCommandLine(const CommandLine &line, EngineConfig base)
{
    const EngineConfig &given = line.engine;
    if (line.given.ytDlpPath)
        base.ytDlpPath = given.ytDlpPath;
    if (line.given.ffmpegPath)
        base.ffmpegPath = given.ffmpegPath;
    if (line.given.maxConcurrent)
        base.maxConcurrent = given.maxConcurrent;
    if (line.given.proxy) {
        base.network.proxyMode = given.network.proxyMode;
        base.network.proxyUrl = given.network.proxyUrl;
    }
    if (line.given.rateLimit)
        base.network.rateLimitBytesPerSec = given.network.rateLimitBytesPerSec;
    if (!given.network.sponsorBlockApi.isEmpty())
        base.network.sponsorBlockApi = given.network.sponsorBlockApi;
    if (line.given.cookies) {
        base.network.cookieSource = given.network.cookieSource;
        base.network.cookiesFile = given.network.cookiesFile;
        base.network.cookiesBrowser = given.network.cookiesBrowser;
    }
    return base;
}

} // namespace Gravity
