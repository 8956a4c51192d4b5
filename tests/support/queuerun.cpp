#include "queuerun.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QTimer>

namespace GravityTest {

Gravity::DownloadRequest requestFor(const QString &url, const QString &dir)
{
    Gravity::DownloadRequest request;
    request.url = url;
    request.options.outputDir = dir;
    return request;
}

QList<Gravity::DownloadProgress>
runToEnd(const QList<Gravity::DownloadRequest> &requests, const Gravity::EngineConfig &config,
         const std::function<void(Gravity::DownloadQueue &, quint64)> &whileFirstRuns)
{
    Gravity::DownloadQueue queue(config);
    QEventLoop loop;
    qsizetype ended = 0;
    const qsizetype expected = requests.size();
    // Connected before enqueue(): a download that fails before yt-dlp starts ends inside it.
    QObject::connect(&queue, &Gravity::DownloadQueue::taskFinished, &loop, [&] {
        if (++ended >= expected)
            loop.quit();
    });
    QList<quint64> ids;
    for (const Gravity::DownloadRequest &request : requests)
        ids << queue.enqueue(request);
    if (whileFirstRuns && !ids.isEmpty())
        whileFirstRuns(queue, ids.first());
    if (ended < expected) {
        QTimer::singleShot(std::chrono::minutes(2) * expected, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QList<Gravity::DownloadProgress> results;
    for (const quint64 id : ids)
        results << queue.task(id)->progress();
    return results;
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    return files;
}

} // namespace GravityTest
