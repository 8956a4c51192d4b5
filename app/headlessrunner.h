#pragma once

#include "commandline.h"

#include <QHash>
#include <QObject>

#include <cstdio>

namespace Gravity {

class BatchIntake;
class DownloadQueue;
class HistoryStore;
struct DownloadError;
struct MediaInfo;
struct RecognizedUrl;

// --headless: the same core as the window, reporting to a terminal (one live line per download), to a pipe
// (plain lines) or as JSON lines (--json). Ends the event loop with an ExitCode.
class HeadlessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    explicit HeadlessRunner(const CommandLine &commandLine, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Starts the work; the application quits with the exit code when it is done.
    void start();
    // Ctrl-C: stop everything, exit ExitInterrupted.
    void interrupt();

private:
    void onAccepted(const RecognizedUrl &url);
    // line: the line of the --batch-file, or 0 for a URL given on the command line.
    void onRejected(const RecognizedUrl &url, int line = 0);
    [[nodiscard]] bool readBatch(QStringList &inputs);
    void printError(const QString &text);
    void onParsed(const QString &url, const MediaInfo &info);
    void onParseFailed(const QString &url, const DownloadError &error);
    void onOptionsRefused(const QString &url, const QString &reason);
    void onQueued(quint64 id, const QString &url);
    void onTasksChanged(const QList<quint64> &ids);
    void onTaskFinished(quint64 id);
    void maybeFinish();
    void finish(int code);
    void noteError(const DownloadError &error);

    void emitJson(const QJsonObject &object);
    void printLine(const QString &text);
    void redrawLiveLines();
    [[nodiscard]] QString progressLine(quint64 id) const;

    CommandLine m_commandLine;
    DownloadQueue *m_queue;
    BatchIntake *m_intake;
    HistoryStore *m_history;
    bool m_terminal = false; // stdout is a terminal: live lines
    int m_liveLinesDrawn = 0;
    QList<quint64> m_live;
    QHash<quint64, QString> m_urls;
    int m_completed = 0;
    int m_failed = 0;
    int m_exitCode = ExitOk;
    bool m_finished = false;
    bool m_ageWarned = false;
};

} // namespace Gravity
