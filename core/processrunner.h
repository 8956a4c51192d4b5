#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace Gravity {

class ProcessTree;

// The one owner of an external process (yt-dlp). It splits output into lines (yt-dlp ends progress with '\r'
// unless --newline), keeps a partial line between reads, watches the start, stalls and a hard time limit,
// stops the whole process tree, and reports its end once, through finished() with a Result.
class ProcessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessRunner)

public:
    enum class Result
    {
        Success,
        Failed,
        Crashed,
        FailedToStart,
        Cancelled,
        TimedOut,
        Stalled
    };
    Q_ENUM(Result)
    enum class Channel
    {
        StdOut,
        StdErr
    };

    struct Limits
    {
        int startTimeoutMs = 15000;
        int stallTimeoutMs = 0; // no output for this long ends the process; 0 = off
        int softLimitMs = 0;    // asks the tree to stop (SIGTERM); 0 = off
        int hardLimitMs = 0;    // kills the tree; 0 = soft + grace
        int killGraceMs = 3000; // between SIGTERM and SIGKILL on cancel
    };

    struct Outcome
    {
        Result result = Result::Failed;
        int exitCode = -1;
        QStringList stderrTail; // the last lines of stderr, for error detail
    };

    explicit ProcessRunner(QObject *parent = nullptr);
    ~ProcessRunner() override;

    void setProgram(const QString &program, const QStringList &arguments);
    void setLimits(const Limits &limits);
    void setWorkingDirectory(const QString &dir);
    // Capture stdout whole (for yt-dlp -J, whose one JSON line can be megabytes) instead of splitting lines.
    void setCaptureStdOut(bool capture);
    // Turns the stall watchdog off while a long silent step runs (ffmpeg merging a big file), and back on.
    void setStallWatchEnabled(bool enabled);

    void start();
    // Stops the tree: SIGTERM, then SIGKILL after the grace period. finished() reports Cancelled.
    void cancel();
    // Stops the tree at once, for quitting. finished() reports Cancelled.
    void kill();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] qint64 processId() const;
    [[nodiscard]] const QByteArray &capturedStdOut() const { return m_captured; }

signals:
    void lineRead(Gravity::ProcessRunner::Channel channel, const QByteArray &line);
    void finished(const Gravity::ProcessRunner::Outcome &outcome);

private:
    void readChannel(Channel channel);
    void flushPartial(Channel channel);
    void emitLine(Channel channel, const QByteArray &line);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void beginStop(Result reason, bool immediately);
    void finish(Result result, int exitCode);
    void touch();

    QProcess m_process;
    std::unique_ptr<ProcessTree> m_tree;
    QString m_program;
    QStringList m_arguments;
    Limits m_limits;
    bool m_captureStdOut = false;
    bool m_stallWatch = true;
    QByteArray m_partial[2];
    QByteArray m_captured;
    QStringList m_stderrTail;
    QTimer m_startTimer;
    QTimer m_stallTimer;
    QTimer m_softTimer;
    QTimer m_hardTimer;
    QTimer m_graceTimer;
    Result m_stopReason = Result::Success; // set when Gravity asked the process to stop
    bool m_stopping = false;
    bool m_finished = false;
    bool m_started = false;
};

} // namespace Gravity

Q_DECLARE_METATYPE(Gravity::ProcessRunner::Outcome)
