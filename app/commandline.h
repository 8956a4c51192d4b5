#pragma once

#include "downloadrequest.h"
#include "engineconfig.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Gravity {

// Exit status of gravity-downloader, documented in --help and the README.
enum ExitCode : int
{
    ExitOk = 0,
    ExitDownloadFailed = 1,    // at least one download failed or was cancelled
    ExitUsage = 2,             // bad options, or an input that is not a usable URL
    ExitToolsMissing = 3,      // yt-dlp (or a needed ffmpeg) not found or too old
    ExitParseFailed = 4,       // yt-dlp could not read a page or an info JSON
    ExitWindowUnavailable = 5, // the window's module is missing (an incomplete installation)
    ExitInterrupted = 130,     // Ctrl-C / SIGTERM: downloads stopped
};

struct CommandLine
{
    bool headless = false;
    bool printInfo = false;
    bool json = false;
    bool showVersion = false; // --version: Gravity's and yt-dlp's, with a warning when yt-dlp is old
    bool updateYtDlp = false; // --update-yt-dlp: only that, when yt-dlp is Gravity's own copy
    bool nightly = false;     // --update-channel nightly
    QStringList urls;
    QString batchFile; // --batch-file: links one per line ("-" reads stdin)
    QString loadInfoJson;
    QList<int> playlistItems; // 1-based positions of the playlist entries to download; empty: all
    DownloadOptions options;
    EngineConfig engine;

    // Which engine settings the command line gave, so the window can lay them over the user's settings.
    struct Given
    {
        bool ytDlpPath = false;
        bool ffmpegPath = false;
        bool maxConcurrent = false;
        bool proxy = false;
        bool rateLimit = false;
        bool cookies = false; // --cookies or --cookies-from-browser
    } given;
};

// `base` (usually AppSettings::engineConfig()) with what the command line gave laid over it.
[[nodiscard]] EngineConfig applyCommandLine(const CommandLine &line, EngineConfig base);

// True when argv asks for no window, so main() can make a QCoreApplication instead of a QApplication.
[[nodiscard]] bool wantsHeadless(int argc, char **argv);

// Parses the process's arguments. Handles --help and --version itself (prints, exits 0). On bad usage prints
// the reason to stderr and returns nullopt (exit with ExitUsage).
[[nodiscard]] std::optional<CommandLine> parseCommandLine(const QStringList &arguments);

} // namespace Gravity
