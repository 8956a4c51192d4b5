#pragma once

#include "downloadrequest.h"
#include "engineconfig.h"

#include <QString>

#include <memory>

class QSettings;

namespace Gravity {

// Every preference behind typed accessors, over one QSettings. Keys live only in appsettings.cpp, so a
// renamed key cannot leave half the app reading the old one. Reads fall back to defaults for missing or
// wrongly-typed values (a hand-edited file must not break the app), and numbers are clamped to their range
// on both write and read.
class AppSettings final
{
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    AppSettings(); // the user's settings (organisation/application names set in main)
    explicit AppSettings(const QString &iniFile); // a given file, for tests and portable set-ups
    ~AppSettings();

    // Where downloads go; the system's Downloads folder until the user picks one.
    [[nodiscard]] QString downloadFolder() const;
    void setDownloadFolder(const QString &folder);

    // The options last used in the window, offered again for the next video.
    [[nodiscard]] DownloadOptions lastOptions() const;
    void setLastOptions(const DownloadOptions &options);

    [[nodiscard]] QString themeMode() const; // "system", "light", "dark"
    void setThemeMode(const QString &mode);

    // Off by default: reading the clipboard unasked surprises people.
    [[nodiscard]] bool offerClipboardUrls() const;
    void setOfferClipboardUrls(bool offer);

    // --- Downloads
    [[nodiscard]] int maxConcurrent() const; // 1..10, default 3
    void setMaxConcurrent(int count);
    // "" = the default (title [id].ext); a template OutputTemplate::validate refuses reads back as "".
    [[nodiscard]] QString outputTemplate() const;
    void setOutputTemplate(const QString &outputTemplate);
    [[nodiscard]] bool
    playlistSubfolder() const; // a playlist's entries go into a folder of its own; default on
    void setPlaylistSubfolder(bool subfolder);

    // --- Network
    [[nodiscard]] ProxyMode proxyMode() const; // default System
    void setProxyMode(ProxyMode mode);
    [[nodiscard]] QString proxyScheme() const; // "http" (default), "https", "socks5"
    void setProxyScheme(const QString &scheme);
    [[nodiscard]] QString proxyHost() const;
    void setProxyHost(const QString &host);
    [[nodiscard]] int proxyPort() const; // 1..65535; 0 = unset
    void setProxyPort(int port);
    [[nodiscard]] QString proxyUser() const;
    void setProxyUser(const QString &user);
    // Kept in the settings file as typed (like most desktop apps without a keyring); never logged.
    [[nodiscard]] QString proxyPassword() const;
    void setProxyPassword(const QString &password);
    [[nodiscard]] qint64 rateLimitBytesPerSec() const; // 0 = unlimited
    void setRateLimitBytesPerSec(qint64 bytesPerSec);
    [[nodiscard]] CookieSource cookieSource() const; // default None
    void setCookieSource(CookieSource source);
    [[nodiscard]] QString cookiesFile() const;
    void setCookiesFile(const QString &file);
    [[nodiscard]] QString cookiesBrowser() const; // a supportedCookieBrowsers() name, optionally ":profile"
    void setCookiesBrowser(const QString &browser);

    // --- Tools and limits
    [[nodiscard]] QString ytDlpPath() const; // "" = automatic (ToolLocator)
    void setYtDlpPath(const QString &path);
    [[nodiscard]] QString ffmpegPath() const; // "" = automatic (ToolLocator)
    void setFfmpegPath(const QString &path);
    [[nodiscard]] int probeTimeoutSec() const; // 10..600, default 120
    void setProbeTimeoutSec(int seconds);
    [[nodiscard]] int stallTimeoutSec() const; // 0 = off, else 15..3600; default 90
    void setStallTimeoutSec(int seconds);
    // The soft limit of one download (then SIGTERM; SIGKILL a minute later). 0 = none, else 5..1440;
    // default 30.
    [[nodiscard]] int downloadTimeLimitMin() const;
    void setDownloadTimeLimitMin(int minutes);

    // --- Interface
    [[nodiscard]] QString language() const; // "" = follow the system, "en", "zh_CN"
    void setLanguage(const QString &language);
    [[nodiscard]] bool closeToTray() const; // default true
    void setCloseToTray(bool toTray);
    // Whether "Gravity keeps running in the tray" has been said: once ever, not at every close.
    [[nodiscard]] bool trayHintShown() const;
    void setTrayHintShown(bool shown);
    [[nodiscard]] bool notifications() const; // default true
    void setNotifications(bool show);
    [[nodiscard]] int historyRetentionDays() const; // 0 = keep forever (default), else 1..3650
    void setHistoryRetentionDays(int days);

    // Everything the engine needs, from the above (a Manual proxy's URL built with proxyUrlFor).
    [[nodiscard]] EngineConfig engineConfig() const;

    void sync();

private:
    [[nodiscard]] int intValue(const QString &key, int defaultValue, int minimum, int maximum,
                               bool zeroAllowed = false) const;
    void setIntValue(const QString &key, int value, int minimum, int maximum, bool zeroAllowed = false);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Gravity
