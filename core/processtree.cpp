#include "processtree.h"

#include <QProcess>

#if defined(Q_OS_WIN)
#include <windows.h>
#else
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif
#endif

namespace Gravity {

ProcessTree::ProcessTree(QProcess &process)
    : m_process(process)
{
#if !defined(Q_OS_WIN)
    m_process.setChildProcessModifier([] {
        // Runs in the child between fork and exec: only async-signal-safe calls here.
        ::setpgid(0, 0);
#if defined(Q_OS_LINUX)
        // If Gravity itself is killed, yt-dlp goes too rather than downloading on unseen.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    });
#endif
}

ProcessTree::~ProcessTree()
{
#if defined(Q_OS_WIN)
    if (m_job)
        ::CloseHandle(static_cast<HANDLE>(m_job)); // JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE ends what is left
#endif
}

void ProcessTree::attach()
{
    m_pid = m_process.processId();
#if defined(Q_OS_WIN)
    if (m_pid <= 0)
        return;
    HANDLE job = ::CreateJobObjectW(nullptr, nullptr);
    if (!job)
        return;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    ::SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof(limits));
    HANDLE child = ::OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, FALSE, static_cast<DWORD>(m_pid));
    if (child) {
        ::AssignProcessToJobObject(job, child);
        ::CloseHandle(child);
    }
    m_job = job;
#endif
}

void ProcessTree::terminate()
{
#if defined(Q_OS_WIN)
    kill();
#else
    if (m_pid > 0)
        ::kill(static_cast<pid_t>(-m_pid), SIGTERM);
#endif
}

void ProcessTree::kill()
{
#if defined(Q_OS_WIN)
    if (m_job)
        ::TerminateJobObject(static_cast<HANDLE>(m_job), 1);
    else if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
#else
    if (m_pid > 0)
        ::kill(static_cast<pid_t>(-m_pid), SIGKILL);
    else if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
#endif
}

} // namespace Gravity
