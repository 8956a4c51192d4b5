#pragma once

#include "commandline.h"

namespace Gravity {

class YtDlpUpdater;

// --version: Gravity's version, the yt-dlp in use with its version, and on stderr a warning when that yt-dlp
// is out of date. Returns the exit code.
[[nodiscard]] int printVersions(const EngineConfig &engine);
// --update-yt-dlp: starts `updater` on the yt-dlp in use; prints the outcome and exits the event loop with
// ExitOk, or ExitDownloadFailed when the update failed or was refused (a packaged yt-dlp).
void startYtDlpUpdate(YtDlpUpdater *updater, const CommandLine &commandLine);

} // namespace Gravity
