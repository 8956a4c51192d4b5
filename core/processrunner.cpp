#include "processrunner.h"

#include "processtree.h"

#include <QProcessEnvironment>

namespace Gravity {

namespace {

constexpr int StderrTailLines = 40;
// A line longer than this is cut: yt-dlp never prints one, so it is garbage and must not grow memory
// unbounded.
constexpr qsizetype MaxLineBytes = 1 << 20;
// -J output of a huge playlist is tens of MB; past this it is not something Gravity will parse.
constexpr qsizetype MaxCapturedBytes = qsizetype(256) << 20;

} // namespace

ProcessRunner::ProcessRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Gravity::ProcessRunner::Outcome>();
    for (QTimer *timer : {&m_startTimer, &m_stallTimer, &m_softTimer, &m_hardTimer, &m_graceTimer})
        timer->setSingleShot(true);

    // UTF-8 whatever the locale or console code page, and no block buffering behind a pipe.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    environment.insert(QStringLiteral("PYTHONUTF8"), QStringLiteral("1"));
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    m_process.setProcessEnvironment(environment);

    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readChannel(Channel::StdOut); });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { readChannel(Channel::StdErr); });
    connect(&m_process, &QProcess::finished, this, &ProcessRunner::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessRunner::onErrorOccurred);
    connect(&m_process, &QProcess::started, this, [this] {
        m_started = true;
        m_startTimer.stop();
        m_tree->attach();
        touch();
    });

    connect(&m_startTimer, &QTimer::timeout, this, [this] { beginStop(Result::FailedToStart, true); });
    connect(&m_stallTimer, &QTimer::timeout, this, [this] { beginStop(Result::Stalled, false); });
    connect(&m_softTimer, &QTimer::timeout, this, [this] { beginStop(Result::TimedOut, false); });
    connect(&m_hardTimer, &QTimer::timeout, this, [this] {
        if (!m_stopping)
            m_stopReason = Result::TimedOut;
        m_stopping = true;
        m_tree->kill();
    });
    connect(&m_graceTimer, &QTimer::timeout, this, [this] { m_tree->kill(); });
}

ProcessRunner::~ProcessRunner()
{
    // Never leave a tree behind, whoever deletes us and whenever.
    if (m_process.state() != QProcess::NotRunning) {
        m_finished = true; // no signals from a half-destroyed object
        m_process.disconnect(this);
        m_tree->kill();
        m_process.waitForFinished(3000);
    }
}

void ProcessRunner::setProgram(const QString &program, const QStringList &arguments)
{
    m_program = program;
    m_arguments = arguments;
}

void ProcessRunner::setLimits(const Limits &limits)
{
    m_limits = limits;
}

void ProcessRunner::setWorkingDirectory(const QString &dir)
{
    m_process.setWorkingDirectory(dir);
}

void ProcessRunner::setCaptureStdOut(bool capture)
{
    m_captureStdOut = capture;
}

void ProcessRunner::setStallWatchEnabled(bool enabled)
{
    m_stallWatch = enabled;
    if (enabled)
        touch();
    else
        m_stallTimer.stop();
}

void ProcessRunner::start()
{
    Q_ASSERT(!m_tree);
    m_tree = std::make_unique<ProcessTree>(m_process);
    if (m_limits.startTimeoutMs > 0)
        m_startTimer.start(m_limits.startTimeoutMs);
    if (m_limits.softLimitMs > 0) {
        m_softTimer.start(m_limits.softLimitMs);
        const int hard = m_limits.hardLimitMs > m_limits.softLimitMs
                             ? m_limits.hardLimitMs
                             : m_limits.softLimitMs + m_limits.killGraceMs;
        m_hardTimer.start(hard);
    }
    m_process.start(m_program, m_arguments, QIODevice::ReadOnly);
}

void ProcessRunner::cancel()
{
    beginStop(Result::Cancelled, false);
}

void ProcessRunner::kill()
{
    beginStop(Result::Cancelled, true);
}

bool ProcessRunner::isRunning() const
{
    return m_tree && !m_finished;
}

qint64 ProcessRunner::processId() const
{
    return m_process.processId();
}

void ProcessRunner::beginStop(Result reason, bool immediately)
{
    if (m_finished)
        return;
    if (!m_stopping) {
        m_stopping = true;
        m_stopReason = reason;
    }
    m_stallTimer.stop();
    m_softTimer.stop();
    if (!m_started && m_process.state() == QProcess::NotRunning) {
        finish(reason, -1);
        return;
    }
    if (immediately) {
        m_tree->kill();
        return;
    }
    m_tree->terminate();
    if (!m_graceTimer.isActive())
        m_graceTimer.start(m_limits.killGraceMs);
}

void ProcessRunner::touch()
{
    if (m_stallWatch && m_limits.stallTimeoutMs > 0 && !m_stopping)
        m_stallTimer.start(m_limits.stallTimeoutMs);
}

void ProcessRunner::readChannel(Channel channel)
{
    const int index = channel == Channel::StdOut ? 0 : 1;
    const QByteArray chunk =
        channel == Channel::StdOut ? m_process.readAllStandardOutput() : m_process.readAllStandardError();
    if (chunk.isEmpty())
        return;
    touch();
    if (channel == Channel::StdOut && m_captureStdOut) {
        if (m_captured.size() + chunk.size() <= MaxCapturedBytes)
            m_captured.append(chunk);
        return;
    }
    QByteArray &partial = m_partial[index];
    qsizetype from = 0;
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        const char c = chunk.at(i);
        if (c != '\n' && c != '\r')
            continue;
        partial.append(chunk.constData() + from, i - from);
        from = i + 1;
        if (!partial.isEmpty())
            emitLine(channel, partial);
        partial.clear();
    }
    partial.append(chunk.constData() + from, chunk.size() - from);
    if (partial.size() > MaxLineBytes) {
        emitLine(channel, partial.left(MaxLineBytes));
        partial.clear();
    }
}

void ProcessRunner::flushPartial(Channel channel)
{
    QByteArray &partial = m_partial[channel == Channel::StdOut ? 0 : 1];
    if (!partial.isEmpty())
        emitLine(channel, partial);
    partial.clear();
}

void ProcessRunner::emitLine(Channel channel, const QByteArray &line)
{
    if (channel == Channel::StdErr) {
        m_stderrTail.append(QString::fromUtf8(line));
        if (m_stderrTail.size() > StderrTailLines)
            m_stderrTail.removeFirst();
    }
    emit lineRead(channel, line);
}

void ProcessRunner::onErrorOccurred(QProcess::ProcessError error)
{
    // Only a failed start is final here; crashes and exits come through finished().
    if (error == QProcess::FailedToStart)
        finish(m_stopping ? m_stopReason : Result::FailedToStart, -1);
}

void ProcessRunner::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readChannel(Channel::StdOut);
    readChannel(Channel::StdErr);
    flushPartial(Channel::StdOut);
    flushPartial(Channel::StdErr);

    Result result = Result::Success;
    if (m_stopping)
        result = m_stopReason;
    else if (status == QProcess::CrashExit)
        result = Result::Crashed;
    else if (exitCode != 0)
        result = Result::Failed;

    // The leader is gone; whatever it started (ffmpeg) may not be. Only a clean success is trusted to have
    // waited for its children.
    if (result != Result::Success)
        m_tree->kill();
    finish(result, exitCode);
}

void ProcessRunner::finish(Result result, int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    for (QTimer *timer : {&m_startTimer, &m_stallTimer, &m_softTimer, &m_hardTimer, &m_graceTimer})
        timer->stop();
    emit finished(Outcome{result, exitCode, m_stderrTail});
}

} // namespace Gravity
