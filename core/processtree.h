#pragma once

#include <QtGlobal>

class QProcess;

namespace Gravity {

// Owns the "whole tree" of a started program: yt-dlp starts ffmpeg, and stopping only yt-dlp leaves ffmpeg
// writing. On Unix the child is made the leader of its own process group and the group is signalled; on
// Windows the child is put in a Job Object that is terminated (and killed when the handle closes).
class ProcessTree final
{
    Q_DISABLE_COPY_MOVE(ProcessTree)

public:
    // Must be called before process.start().
    explicit ProcessTree(QProcess &process);
    ~ProcessTree();

    // Call once the process has started (QProcess::started).
    void attach();
    // Politely asks every process in the tree to stop (SIGTERM; on Windows there is no polite way: kills).
    void terminate();
    // Stops every process in the tree at once (SIGKILL / TerminateJobObject). Safe after the leader exited:
    // it then reaches the leader's orphans (ffmpeg) that are still running.
    void kill();

private:
    QProcess &m_process;
    qint64 m_pid = 0;
    void *m_job = nullptr; // Windows HANDLE
};

} // namespace Gravity
