#include "appsetup.h"

#include <QCoreApplication>
#include <QObject>

#if defined(Q_OS_UNIX)
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Gravity {

#if defined(Q_OS_UNIX)
namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace
#endif

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Gravity"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("gravity.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("gravity-downloader"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GRAVITY_VERSION));
}

// The signals reach the event loop through a self-pipe, so the downloads' process trees are stopped by
// ordinary code rather than inside a signal handler.
void watchTerminationSignals([[maybe_unused]] QObject *context,
                             [[maybe_unused]] const std::function<void()> &onSignal)
{
#if defined(Q_OS_UNIX)
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onSignal] {
        char byte = 0;
        [[maybe_unused]] const ssize_t readBytes = ::read(g_signalPipe[0], &byte, 1);
        onSignal();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
#endif
}

} // namespace Gravity
