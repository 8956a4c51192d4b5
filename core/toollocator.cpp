#include "toollocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>

namespace Gravity {

namespace {

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

QMutex &cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QString> &cache()
{
    static QHash<QString, QString> lines;
    return lines;
}

// Runs `path arguments` once per (path, arguments) and caches the first line of what it printed, trimmed;
// an empty line stands for "could not tell" and is cached too.
std::optional<QString> cachedFirstLine(const QString &path, const QStringList &arguments)
{
    const QString key = path + QChar(0) + arguments.join(QChar(0));
    {
        const QMutexLocker lock(&cacheMutex());
        const auto cached = cache().constFind(key);
        if (cached != cache().constEnd())
            return cached->isEmpty() ? std::nullopt : std::optional<QString>(*cached);
    }
    QProcess process;
    process.start(path, arguments, QIODevice::ReadOnly);
    QString line;
    if (process.waitForFinished(20000) && process.exitStatus() == QProcess::NormalExit &&
        process.exitCode() == 0)
        line = QString::fromUtf8(process.readAllStandardOutput()).trimmed().section(QLatin1Char('\n'), 0, 0);
    else
        process.kill();
    const QMutexLocker lock(&cacheMutex());
    cache().insert(key, line.trimmed());
    return line.trimmed().isEmpty() ? std::nullopt : std::optional<QString>(line.trimmed());
}

} // namespace

QString ToolLocator::executableName(Tool tool)
{
    QString name = tool == Tool::YtDlp ? QStringLiteral("yt-dlp") : QStringLiteral("ffmpeg");
#if defined(Q_OS_WIN)
    name += QStringLiteral(".exe");
#endif
    return name;
}

QString ToolLocator::locate(Tool tool, const QString &configuredPath)
{
    if (!configuredPath.isEmpty()) {
        if (isExecutableFile(configuredPath))
            return QFileInfo(configuredPath).absoluteFilePath();
        // A bare name ("yt-dlp-nightly") is looked up on PATH like a shell would.
        if (!configuredPath.contains(QLatin1Char('/')) && !configuredPath.contains(QLatin1Char('\\'))) {
            const QString found = QStandardPaths::findExecutable(configuredPath);
            if (!found.isEmpty())
                return found;
        }
        return {}; // the user chose a path; silently running another binary would surprise them
    }
    const QString name = executableName(tool);
    if (QCoreApplication::instance()) {
        const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(name);
        if (isExecutableFile(beside))
            return beside;
    }
    // Gravity's own copy in its data folder: the one it may update (see ytdlpinstall.h).
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!data.isEmpty()) {
        const QString own = QDir(data).filePath(QStringLiteral("bin/") + name);
        if (isExecutableFile(own))
            return own;
    }
    return QStandardPaths::findExecutable(name);
}

std::optional<QString> ToolLocator::ytDlpVersion(const QString &path)
{
    return cachedFirstLine(path, {QStringLiteral("--ignore-config"), QStringLiteral("--version")});
}

void ToolLocator::forgetVersion(const QString &path)
{
    const QMutexLocker lock(&cacheMutex());
    const QString prefix = path + QChar(0);
    cache().removeIf(
        [&prefix](const QHash<QString, QString>::iterator &it) { return it.key().startsWith(prefix); });
}

std::optional<QString> ToolLocator::ffmpegVersion(const QString &path)
{
    // "ffmpeg version 6.1.1-3 Copyright (c) 2000-2023 the FFmpeg developers": the third word.
    const std::optional<QString> line = cachedFirstLine(path, {QStringLiteral("-version")});
    if (!line || !line->startsWith(QLatin1String("ffmpeg version ")))
        return std::nullopt;
    const QString version = line->section(QLatin1Char(' '), 2, 2, QString::SectionSkipEmpty);
    return version.isEmpty() ? std::nullopt : std::optional<QString>(version);
}

bool ToolLocator::isVersionAtLeast(const QString &version, const QString &minimum)
{
    const QStringList have = version.split(QLatin1Char('.'));
    const QStringList need = minimum.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < need.size(); ++i) {
        bool haveOk = false;
        bool needOk = false;
        const qlonglong h = i < have.size() ? have.at(i).toLongLong(&haveOk) : 0;
        const qlonglong n = need.at(i).toLongLong(&needOk);
        if (!needOk)
            return true;
        if (i < have.size() && !haveOk)
            return false; // not a date version: cannot vouch for it
        if (h != n)
            return h > n;
    }
    return true;
}

} // namespace Gravity
