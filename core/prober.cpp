#include "prober.h"

#include "infojsonparser.h"
#include "processrunner.h"
#include "secrets.h"
#include "toollocator.h"
#include "ytdlparguments.h"

#include <QTimer>

namespace Gravity {

namespace {

// yt-dlp's last ERROR line says most; without one, the tail of stderr.
QString errorDetail(const QStringList &stderrTail)
{
    for (auto it = stderrTail.crbegin(); it != stderrTail.crend(); ++it) {
        if (it->startsWith(QLatin1String("ERROR:")))
            return it->mid(6).trimmed();
    }
    return stderrTail.join(QLatin1Char('\n')).trimmed();
}

} // namespace

Prober::Prober(const EngineConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    qRegisterMetaType<Gravity::ProbeResult>();
}

Prober::~Prober() = default;

bool Prober::isRunning() const
{
    return m_running;
}

void Prober::start(const QString &url)
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_url = url;

    const QString ytDlp = ToolLocator::locate(Tool::YtDlp, m_config.ytDlpPath);
    if (ytDlp.isEmpty()) {
        // Reported from the event loop, like every other outcome, so callers can connect after start().
        QTimer::singleShot(0, this, [this] {
            finishWith({m_url, std::nullopt, {ErrorKind::YtDlpMissing, QStringLiteral("yt-dlp not found")}});
        });
        return;
    }

    delete m_runner;
    m_runner = new ProcessRunner(this);
    m_runner->setCaptureStdOut(true);
    ProcessRunner::Limits limits;
    limits.softLimitMs = m_config.probeTimeoutSec * 1000;
    m_runner->setLimits(limits);
    m_runner->setProgram(
        ytDlp, probeArguments(url, m_config.network, ToolLocator::locate(Tool::Ffmpeg, m_config.ffmpegPath)));
    connect(m_runner, &ProcessRunner::finished, this, [this](const ProcessRunner::Outcome &outcome) {
        ProbeResult result{m_url, std::nullopt, {}};
        switch (outcome.result) {
        case ProcessRunner::Result::Success: {
            InfoParseResult parsed = parseInfoJson(m_runner->capturedStdOut());
            if (!parsed.info)
                result.error = {ErrorKind::InvalidInfo, parsed.error};
            else if (parsed.info->isLive) // nothing finished to download yet; recording is not offered
                result.error = {ErrorKind::LiveNotSupported, parsed.info->title};
            else
                result.info = std::move(parsed.info);
            break;
        }
        case ProcessRunner::Result::Failed: {
            const QString detail = redactSecrets(errorDetail(outcome.stderrTail), m_config.network);
            result.error = {classifyYtDlpError(detail), detail};
            break;
        }
        case ProcessRunner::Result::FailedToStart:
            result.error = {ErrorKind::YtDlpMissing, QStringLiteral("yt-dlp could not be started")};
            break;
        case ProcessRunner::Result::Crashed:
            result.error = {ErrorKind::Crashed,
                            redactSecrets(errorDetail(outcome.stderrTail), m_config.network)};
            break;
        case ProcessRunner::Result::Cancelled:
            result.error = {ErrorKind::Cancelled, {}};
            break;
        case ProcessRunner::Result::TimedOut:
        case ProcessRunner::Result::Stalled:
            result.error = {ErrorKind::TimedOut, QStringLiteral("yt-dlp did not answer in time")};
            break;
        }
        finishWith(std::move(result));
    });
    m_runner->start();
}

void Prober::cancel()
{
    if (m_runner && m_running)
        m_runner->cancel();
}

void Prober::finishWith(ProbeResult result)
{
    if (!m_running)
        return;
    m_running = false;
    emit finished(result);
}

} // namespace Gravity
