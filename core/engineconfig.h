#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Gravity {

// How yt-dlp reaches the network.
enum class ProxyMode
{
    None,   // direct, whatever the environment says (yt-dlp --proxy "")
    System, // yt-dlp's default: the environment's http_proxy/https_proxy
    Manual  // NetworkConfig::proxyUrl
};

enum class CookieSource
{
    None,
    File,   // a cookies.txt that yt-dlp reads (Gravity never opens or copies it)
    Browser // yt-dlp --cookies-from-browser
};

struct NetworkConfig
{
    ProxyMode proxyMode = ProxyMode::System;
    QString proxyUrl; // Manual: "http://host:port", "socks5://user:pass@host:port" (credentials are a secret)
    qint64 rateLimitBytesPerSec = 0; // 0: unlimited
    CookieSource cookieSource = CookieSource::None;
    QString cookiesFile;    // File: a cookies.txt read by yt-dlp (never copied)
    QString cookiesBrowser; // Browser: "firefox", "chrome", … optionally "firefox:profile"
    int retries = 10;
    int concurrentFragments = 1; // yt-dlp -N for HLS/DASH
    QString sponsorBlockApi;     // where SponsorBlock segments are asked for; empty: yt-dlp's default server
};

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
    NetworkConfig network;
};

// The browsers yt-dlp's --cookies-from-browser supports.
[[nodiscard]] QStringList supportedCookieBrowsers();

// True when `spec` ("firefox", "chrome:Profile 1") names a supported browser, optionally with a profile.
[[nodiscard]] bool isSupportedCookieBrowser(const QString &spec);

// "scheme://user:password@host:port" with user and password percent-encoded (an '@' or ':' in a password
// must not end the userinfo). Empty when scheme or host is empty, or the port is outside 1..65535.
[[nodiscard]] QString proxyUrlFor(const QString &scheme, const QString &host, int port, const QString &user,
                                  const QString &password);

// A rate as people and yt-dlp write it: "500K", "2M", "1.5m", "1G" (binary multiples, like yt-dlp's
// --limit-rate) or plain bytes per second ("65536"). nullopt for anything else or a negative rate.
[[nodiscard]] std::optional<qint64> parseByteRate(const QString &text);

// True for a proxy URL yt-dlp can use: http, https, socks4, socks4a, socks5 or socks5h, a host, and a port
// (an explicit one, or none).
[[nodiscard]] bool isUsableProxyUrl(const QString &url);

} // namespace Gravity
