// gravity-progress-cost BASE_URL OUT_DIR [SECONDS]: the window, open, with eight downloads streaming
// progress from the loopback server, and the CPU time this process (not yt-dlp, its children) spends on it
// over SECONDS (default 60), as a share of one core. Run by tests/benchmarks/progress_cost.sh.
#include "appsettings.h"
#include "downloadqueue.h"
#include "mainwindow.h"
#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace Gravity;

namespace {

constexpr int Downloads = 8;

qint64 ownCpuMicroseconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage); // this process only: children are counted apart
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec +
           usage.ru_stime.tv_usec;
}

int activeDownloads(DownloadQueue *queue)
{
    int active = 0;
    for (quint64 id : queue->ids())
        active += queue->task(id)->progress().state == DownloadState::Downloading ? 1 : 0;
    return active;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: gravity-progress-cost BASE_URL OUT_DIR [SECONDS]\n");
        return 2;
    }
    const QString base = args.at(1);
    const QString out = args.at(2);
    const int seconds = args.size() > 3 ? args.at(3).toInt() : 60;
    QTemporaryDir profile;
    AppSettings settings(profile.filePath(QStringLiteral("settings.ini")));
    Theme theme(ThemeMode::Light);
    MainWindow window(EngineConfig{}, &settings, &theme, nullptr);
    window.queue()->setMaxConcurrent(Downloads);
    window.show();
    for (int i = 0; i < Downloads; ++i) {
        DownloadRequest request;
        request.url = base + QStringLiteral("/big.mp4");
        request.options.outputDir = QDir(out).filePath(QString::number(i));
        window.queue()->enqueue(request);
    }

    // Measured once every download streams: yt-dlp's own start-up is not what this is about.
    qint64 cpuAtStart = 0;
    QElapsedTimer wall;
    QTimer poll;
    poll.setInterval(250);
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (activeDownloads(window.queue()) < Downloads)
            return;
        poll.stop();
        cpuAtStart = ownCpuMicroseconds();
        wall.start();
        QTimer::singleShot(seconds * 1000, &app, [&] {
            const double cpuMs = double(ownCpuMicroseconds() - cpuAtStart) / 1000.0;
            const double wallMs = double(wall.elapsed());
            std::printf("downloads streaming at the end: %d of %d\n", activeDownloads(window.queue()),
                        Downloads);
            std::printf("gravity process CPU: %.0f ms in %.0f ms = %.2f%% of one core\n", cpuMs, wallMs,
                        100.0 * cpuMs / wallMs);
            window.stopForQuit();
            QApplication::quit();
        });
    });
    poll.start();
    return app.exec();
}
