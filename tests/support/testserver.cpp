// gravity-test-server ROOT [--port N] [--throttle BYTES_PER_SEC]: the loopback test server as a program.
// Prints its base URL on one line, then serves until SIGINT or SIGTERM.
#include "loopbackserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the event loop reads the pipe and quits.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gravity-test-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves ROOT over HTTP on 127.0.0.1 for Gravity's tests."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("root"), QStringLiteral("The folder to serve."));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port (0 picks a free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption throttleOption(QStringLiteral("throttle"),
                                            QStringLiteral("Limit all connections together to this rate."),
                                            QStringLiteral("BYTES_PER_SEC"), QStringLiteral("0"));
    parser.addOption(portOption);
    parser.addOption(throttleOption);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(1);
    const QString root = parser.positionalArguments().constFirst();
    bool portOk = false;
    bool throttleOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const qint64 throttle = parser.value(throttleOption).toLongLong(&throttleOk);
    if (!portOk || port > 65535 || !throttleOk || throttle < 0) {
        std::fprintf(stderr, "gravity-test-server: invalid --port or --throttle\n");
        return 1;
    }
    if (!QDir(root).exists()) {
        std::fprintf(stderr, "gravity-test-server: no such folder: %s\n", qPrintable(root));
        return 1;
    }

    if (::pipe(g_signalPipe) != 0) {
        std::perror("gravity-test-server: pipe");
        return 1;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    GravityTest::LoopbackServer server;
    server.setThrottle(throttle);
    if (!server.start(root, quint16(port))) {
        std::fprintf(stderr, "gravity-test-server: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }
    std::printf("%s\n", qPrintable(server.baseUrl()));
    std::fflush(stdout);

    const int code = QCoreApplication::exec();
    server.stop();
    return code;
}
