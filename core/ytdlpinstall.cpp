#include "ytdlpinstall.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace Gravity {

namespace {

struct InstallText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::YtDlpInstall)
};

QString canonicalFolder(const QString &folder)
{
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QDir(folder).absolutePath()) : canonical;
}

// Where distributions and system package managers put programs. A copy there is theirs to update: replacing
// it would be undone (or broken) by the next package upgrade.
bool isSystemLocation(const QString &canonicalPath)
{
#if defined(Q_OS_UNIX)
    for (const char *prefix : {"/usr/", "/bin/", "/sbin/", "/opt/", "/snap/", "/nix/", "/var/lib/flatpak/"}) {
        if (canonicalPath.startsWith(QLatin1String(prefix)))
            return true;
    }
#else
    Q_UNUSED(canonicalPath)
#endif
    return false;
}

bool isRootOwnedWhileNotRoot(const QFileInfo &info)
{
#if defined(Q_OS_UNIX)
    return info.ownerId() == 0 && ::geteuid() != 0;
#else
    Q_UNUSED(info)
    return false;
#endif
}

} // namespace

QStringList ownYtDlpFolders()
{
    QStringList folders;
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!data.isEmpty())
        folders << QDir(data).filePath(QStringLiteral("bin"));
    if (QCoreApplication::instance())
        folders << QCoreApplication::applicationDirPath();
    return folders;
}

YtDlpInstall classifyYtDlpInstall(const QString &path, const QStringList &ownFolders)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile())
        return YtDlpInstall::Missing;
    // Through symlinks: /usr/local/bin/yt-dlp -> /usr/lib/… is still the system's.
    const QString canonical = info.canonicalFilePath();
    const QFileInfo target(canonical);
    if (isSystemLocation(canonical) || isRootOwnedWhileNotRoot(target))
        return YtDlpInstall::Packaged;
    const QString folder = target.absolutePath();
    bool own = false;
    for (const QString &candidate : ownFolders)
        own = own || (!candidate.isEmpty() && canonicalFolder(candidate) == folder);
    if (!own)
        return YtDlpInstall::Elsewhere;
    // yt-dlp -U writes the new binary beside the old one and renames it over: both must be writable.
    if (!target.isWritable() || !QFileInfo(folder).isWritable())
        return YtDlpInstall::NotWritable;
    return YtDlpInstall::Own;
}

QString ytDlpInstallText(YtDlpInstall install)
{
    switch (install) {
    case YtDlpInstall::Own:
        return {};
    case YtDlpInstall::Packaged:
        return InstallText::tr(
            "This yt-dlp was installed by your system's package manager: update it there.");
    case YtDlpInstall::NotWritable:
        return InstallText::tr("This yt-dlp cannot be replaced: you are not allowed to write to it or its "
                               "folder.");
    case YtDlpInstall::Elsewhere:
        return InstallText::tr("This yt-dlp was not installed by Gravity: update it the way it was installed "
                               "(for example pip), or choose a copy in Gravity's folder.");
    case YtDlpInstall::Missing:
        break;
    }
    return InstallText::tr("yt-dlp was not found.");
}

} // namespace Gravity
