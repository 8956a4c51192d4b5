#pragma once

#include <QString>

namespace Gravity {

// What the engine needs from the preferences. The settings class (ui/app) fills it; --headless fills it from
// the command line; tests fill it directly.
struct EngineConfig
{
    QString ytDlpPath;  // empty: next to the executable, then PATH
    QString ffmpegPath; // empty: next to the executable, then PATH
    int maxConcurrent = 3;
    int probeTimeoutSec = 120;
    int stallTimeoutSec = 90;       // no output at all for this long ends a download (0 = off)
    int softTimeLimitSec = 30 * 60; // then SIGTERM …
    int hardTimeLimitSec = 31 * 60; // … then SIGKILL
    int infoTtlSec = 60 * 60;       // a probe's JSON is reused for downloads while younger than this
    QString infoCacheDir;           // where reused JSON is written for --load-info-json; empty: CacheLocation
};

} // namespace Gravity
