#pragma once

#include "downloadrequest.h"

#include <QString>

#include <memory>

class QSettings;

namespace Gravity {

// Every preference behind typed accessors, over one QSettings. Keys live only in appsettings.cpp, so a
// renamed key cannot leave half the app reading the old one. Reads fall back to defaults for missing or
// wrongly-typed values (a hand-edited file must not break the app).
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

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Gravity
