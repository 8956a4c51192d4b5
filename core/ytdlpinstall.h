#pragma once

#include <QString>
#include <QStringList>

namespace Gravity {

// Who looks after a yt-dlp binary, which decides whether Gravity may replace it with `yt-dlp -U`.
enum class YtDlpInstall
{
    Own,         // Gravity's own copy (its data folder or beside its executable) that the user can write
    Packaged,    // installed by a package manager (/usr, a root-owned file in a system folder): never touched
    NotWritable, // in Gravity's folders but the user cannot replace it
    Elsewhere,   // the user's own copy somewhere else (pip, a download): updated the way it was installed
    Missing,
};

// The folders whose yt-dlp is Gravity's own: AppDataLocation/bin and the folder of Gravity's executable.
[[nodiscard]] QStringList ownYtDlpFolders();
// Classifies `path` against `ownFolders` (tests pass a temporary folder).
[[nodiscard]] YtDlpInstall classifyYtDlpInstall(const QString &path, const QStringList &ownFolders);
// Why the Update button is disabled, translated; empty for Own.
[[nodiscard]] QString ytDlpInstallText(YtDlpInstall install);

} // namespace Gravity
