#include "ytdlpcommands.h"

#include "downloaderror.h"
#include "toollocator.h"
#include "ytdlpinstall.h"
#include "ytdlpupdater.h"
#include "ytdlpversion.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QTimer>

#include <cstdio>

namespace Gravity {

namespace {

struct CommandText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::YtDlpCommands)
};

void print(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

} // namespace

int printVersions(const EngineConfig &engine)
{
    print(stdout,
          QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion());
    const QString path = ToolLocator::locate(Tool::YtDlp, engine.ytDlpPath);
    // --version answers what it was asked whatever state yt-dlp is in: scripts read Gravity's version from
    // it.
    if (path.isEmpty()) {
        print(stderr, errorKindText(ErrorKind::YtDlpMissing));
        return ExitOk;
    }
    const std::optional<QString> version = ToolLocator::ytDlpVersion(path);
    if (!version) {
        print(stderr,
              CommandText::tr("%1 does not answer like yt-dlp does.").arg(QDir::toNativeSeparators(path)));
        return ExitOk;
    }
    print(stdout, QStringLiteral("yt-dlp %1 (%2)").arg(*version, QDir::toNativeSeparators(path)));
    const QString warning = ytDlpOutdatedText(*version, QDate::currentDate());
    if (!warning.isEmpty())
        print(stderr, warning);
    return ExitOk;
}

void startYtDlpUpdate(YtDlpUpdater *updater, const CommandLine &commandLine)
{
    const QString path = ToolLocator::locate(Tool::YtDlp, commandLine.engine.ytDlpPath);
    if (path.isEmpty()) {
        print(stderr, errorKindText(ErrorKind::YtDlpMissing));
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(ExitToolsMissing); });
        return;
    }
    QObject::connect(updater, &YtDlpUpdater::finished, qApp, [path](const YtDlpUpdateResult &result) {
        print(result.ok ? stdout : stderr, result.message);
        if (!result.ok && !result.detail.isEmpty())
            print(stderr, QStringLiteral("  ") + result.detail);
        QCoreApplication::exit(result.ok ? ExitOk : ExitDownloadFailed);
    });
    // Only a copy Gravity may replace is announced; the updater itself refuses any other and says why.
    if (classifyYtDlpInstall(path, ownYtDlpFolders()) == YtDlpInstall::Own)
        print(stdout, CommandText::tr("Updating %1…").arg(QDir::toNativeSeparators(path)));
    updater->start(path, ToolLocator::ytDlpVersion(path).value_or(QString()),
                   commandLine.nightly ? YtDlpUpdater::Channel::Nightly : YtDlpUpdater::Channel::Stable,
                   commandLine.engine.network);
}

} // namespace Gravity
