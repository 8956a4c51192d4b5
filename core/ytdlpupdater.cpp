#include "ytdlpupdater.h"

#include "secrets.h"
#include "toollocator.h"
#include "ytdlpinstall.h"

#include <QCoreApplication>
#include <QTimer>

namespace Gravity {

namespace {

struct UpdateText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::YtDlpUpdater)
};

// The part of yt-dlp's output after a marker, up to the end of its line: "Updated yt-dlp to stable@2024.…".
QString after(const QStringList &output, QLatin1String marker)
{
    for (auto it = output.crbegin(); it != output.crend(); ++it) {
        const qsizetype at = it->indexOf(marker);
        if (at >= 0)
            return it->mid(at + marker.size()).trimmed();
    }
    return {};
}

QString lastError(const QStringList &output)
{
    for (auto it = output.crbegin(); it != output.crend(); ++it) {
        if (it->startsWith(QLatin1String("ERROR:")))
            return it->mid(6).trimmed();
    }
    return output.isEmpty() ? QString() : output.constLast().trimmed();
}

} // namespace

YtDlpUpdater::YtDlpUpdater(QObject *parent)
    : QObject(parent)
    , m_ownFolders(ownYtDlpFolders())
{
    qRegisterMetaType<Gravity::YtDlpUpdateResult>();
}

YtDlpUpdater::~YtDlpUpdater()
{
    // Closing the dialog mid-update must not leave yt-dlp running.
    if (m_runner)
        m_runner->kill();
}

bool YtDlpUpdater::supportsChannels(const QString &version)
{
    return ToolLocator::isVersionAtLeast(version, QStringLiteral("2023.03.04"));
}

QStringList YtDlpUpdater::updateArguments(Channel channel, const QString &version,
                                          const NetworkConfig &network)
{
    QStringList arguments{QStringLiteral("--ignore-config")};
    // Only the proxy matters for fetching the release; cookies and rate limits are for sites.
    if (network.proxyMode == ProxyMode::None)
        arguments << QStringLiteral("--proxy") << QString();
    else if (network.proxyMode == ProxyMode::Manual && !network.proxyUrl.isEmpty())
        arguments << QStringLiteral("--proxy") << network.proxyUrl;
    if (supportsChannels(version))
        arguments << QStringLiteral("--update-to")
                  << (channel == Channel::Nightly ? QStringLiteral("nightly") : QStringLiteral("stable"));
    else
        arguments << QStringLiteral("-U");
    return arguments;
}

YtDlpUpdateResult YtDlpUpdater::summarize(const ProcessRunner::Outcome &outcome, const QStringList &output)
{
    YtDlpUpdateResult result;
    result.detail = output.join(QLatin1Char('\n')).trimmed();
    switch (outcome.result) {
    case ProcessRunner::Result::Success: {
        result.ok = true;
        const QString updated = after(output, QLatin1String("Updated yt-dlp to"));
        const QString current = after(output, QLatin1String("yt-dlp is up to date"));
        if (!updated.isEmpty())
            result.message = UpdateText::tr("yt-dlp was updated to %1.").arg(updated);
        else if (!current.isEmpty())
            result.message = UpdateText::tr("yt-dlp is already the newest version %1.").arg(current);
        else
            result.message = UpdateText::tr("yt-dlp finished updating.");
        return result;
    }
    case ProcessRunner::Result::Cancelled:
        result.message = UpdateText::tr("The update was cancelled; yt-dlp was left as it was.");
        return result;
    case ProcessRunner::Result::FailedToStart:
        result.message = UpdateText::tr("yt-dlp could not be started, so it could not update itself.");
        return result;
    case ProcessRunner::Result::TimedOut:
    case ProcessRunner::Result::Stalled:
        result.message = UpdateText::tr("The update took too long and was stopped: try again later.");
        return result;
    case ProcessRunner::Result::Failed:
    case ProcessRunner::Result::Crashed:
        break;
    }
    const QString error = lastError(output);
    // yt-dlp's words when it cannot reach GitHub: offline, a proxy in the way, or GitHub rate limits.
    if (error.contains(QLatin1String("Unable to obtain version info"), Qt::CaseInsensitive) ||
        error.contains(QLatin1String("urlopen error"), Qt::CaseInsensitive))
        result.message = UpdateText::tr("The update failed: yt-dlp could not reach its download site. Check "
                                        "your internet connection or proxy and try again.");
    else if (error.isEmpty())
        result.message = UpdateText::tr("The update failed (exit code %1).").arg(outcome.exitCode);
    else
        result.message = UpdateText::tr("The update failed: %1").arg(error);
    return result;
}

void YtDlpUpdater::start(const QString &path, const QString &version, Channel channel,
                         const NetworkConfig &network)
{
    if (isRunning())
        return;
    const YtDlpInstall install = classifyYtDlpInstall(path, m_ownFolders);
    if (install != YtDlpInstall::Own) {
        const YtDlpUpdateResult refused{false, ytDlpInstallText(install), {}};
        QTimer::singleShot(0, this, [this, refused] { emit finished(refused); });
        return;
    }
    m_output.clear();
    m_runner = new ProcessRunner(this);
    ProcessRunner::Limits limits;
    limits.hardLimitMs = 10 * 60 * 1000; // a slow mirror, never forever
    limits.stallTimeoutMs = 0;
    m_runner->setLimits(limits);
    m_runner->setProgram(path, updateArguments(channel, version, network));
    connect(m_runner, &ProcessRunner::lineRead, this, [this](ProcessRunner::Channel, const QByteArray &line) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            m_output << text;
    });
    connect(m_runner, &ProcessRunner::finished, this,
            [this, path, network](const ProcessRunner::Outcome &outcome) {
                std::exchange(m_runner, nullptr)->deleteLater();
                // The cached version is the old one now.
                ToolLocator::forgetVersion(path);
                YtDlpUpdateResult result = summarize(outcome, m_output);
                result.detail = redactSecrets(result.detail, network);
                result.message = redactSecrets(result.message, network);
                emit finished(result);
            });
    m_runner->start();
}

void YtDlpUpdater::cancel()
{
    if (m_runner)
        m_runner->cancel();
}

bool YtDlpUpdater::isRunning() const
{
    return m_runner != nullptr;
}

} // namespace Gravity
