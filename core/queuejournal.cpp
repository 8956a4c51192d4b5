#include "queuejournal.h"

#include "downloadqueue.h"
#include "historyentry.h"
#include "jsonfields.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace Gravity {

using namespace JsonFields;

namespace {

constexpr QLatin1StringView KeyKey("key");
constexpr QLatin1StringView KeyUrl("url");
constexpr QLatin1StringView KeyPlatform("platform");
constexpr QLatin1StringView KeyTitle("title");
constexpr QLatin1StringView KeyThumbnail("thumbnail");
constexpr QLatin1StringView KeyInfoFetchedAt("info_fetched_at");
constexpr QLatin1StringView KeyInfoJsonFile("info_json_file");
constexpr QLatin1StringView KeyPaused("paused");
constexpr QLatin1StringView KeyStreamFiles("stream_files");

bool isUnfinished(DownloadState state)
{
    return state != DownloadState::Completed && state != DownloadState::Failed &&
           state != DownloadState::Cancelled;
}

QJsonObject lineFor(const QString &key, const DownloadTask &task)
{
    const DownloadRequest &request = task.request();
    QJsonObject object{{KeyKey, key}, {KeyPlatform, platformId(request.platform)}};
    putString(object, KeyUrl, request.url);
    putString(object, KeyTitle, request.title);
    putString(object, KeyThumbnail, request.thumbnail);
    putTime(object, KeyInfoFetchedAt, request.infoFetchedAt);
    putString(object, KeyInfoJsonFile, request.infoJsonFile);
    putOptions(object, request.options);
    if (task.progress().state == DownloadState::Paused)
        object.insert(KeyPaused, true);
    if (!task.streamFiles().isEmpty())
        object.insert(KeyStreamFiles, QJsonArray::fromStringList(task.streamFiles()));
    return object;
}

QString signatureOf(const DownloadTask &task)
{
    return (task.progress().state == DownloadState::Paused ? QStringLiteral("p|") : QStringLiteral("q|")) +
           task.streamFiles().join(QLatin1Char('|'));
}

// Only what Gravity itself could have written: an id-shaped key and an http(s) link. The link reaches
// yt-dlp after "--" like any other, but a tampered file should not get that far.
bool isUsable(const QJsonObject &object)
{
    const QUrl url(stringOf(object, KeyUrl), QUrl::StrictMode);
    return isValidHistoryId(stringOf(object, KeyKey)) && url.isValid() &&
           (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QueueJournal::QueueJournal(DownloadQueue *queue, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_directory(directory)
{
    QDir().mkpath(m_directory);
    auto lock = std::make_unique<QLockFile>(QDir(m_directory).filePath(QStringLiteral("queue.lock")));
    // A lock left by a process that no longer runs (a crash, a SIGKILL) is taken over at once.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        m_lock = std::move(lock);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &QueueJournal::save);
    if (!isActive())
        return;
    connect(m_queue, &DownloadQueue::taskAdded, this, &QueueJournal::onTaskAdded);
    connect(m_queue, &DownloadQueue::taskRemoved, this, &QueueJournal::onTaskRemoved);
    connect(m_queue, &DownloadQueue::tasksChanged, this, &QueueJournal::onTasksChanged);
    connect(m_queue, &DownloadQueue::taskFinished, this, &QueueJournal::onTaskFinished);
    // What the queue is like now is what comes back: the downloads it is about to kill were running, and
    // must not be saved as paused.
    connect(m_queue, &DownloadQueue::aboutToStopAll, this, [this] {
        save();
        m_queue->disconnect(this);
        m_stopped = true;
    });
}

QueueJournal::~QueueJournal()
{
    flush();
}

QString QueueJournal::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString QueueJournal::filePath() const
{
    return filePathIn(m_directory);
}

QString QueueJournal::filePathIn(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("queue.jsonl"));
}

QString QueueJournal::infoPath(const QString &key) const
{
    return QDir(m_directory).filePath(QStringLiteral("queue/") + key + QStringLiteral(".json"));
}

int QueueJournal::restore()
{
    if (!isActive())
        return 0;
    const QByteArray content = readAll(filePath());
    int unreadable = 0;
    int restored = 0;
    for (const QByteArray &line : content.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        const QJsonObject object = document.object();
        if (!document.isObject() || !isUsable(object)) {
            ++unreadable;
            continue;
        }
        const QString key = stringOf(object, KeyKey);
        DownloadRequest request;
        request.url = stringOf(object, KeyUrl);
        request.platform = platformOf(object, KeyPlatform);
        request.title = stringOf(object, KeyTitle);
        request.thumbnail = stringOf(object, KeyThumbnail);
        request.infoFetchedAt = timeOf(object, KeyInfoFetchedAt);
        request.infoJsonFile = stringOf(object, KeyInfoJsonFile);
        request.options = optionsOf(object);
        if (request.infoFetchedAt.isValid())
            request.infoJson = readAll(infoPath(key));
        QStringList streamFiles;
        for (const QJsonValue &file : object.value(KeyStreamFiles).toArray())
            streamFiles.append(file.toString());

        m_restoring = true;
        const quint64 id =
            m_queue->restore(std::move(request), object.value(KeyPaused).toBool(), streamFiles);
        m_restoring = false;
        track(id, key);
        ++restored;
    }
    if (unreadable > 0) {
        const QString aside = filePath() + QStringLiteral(".corrupt-") +
                              QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QFile::rename(filePath(), aside);
        save();
        emit recoveredFromCorruption(aside, restored);
    }
    return restored;
}

void QueueJournal::track(quint64 id, const QString &key)
{
    const DownloadTask *task = m_queue->task(id);
    if (!task)
        return;
    m_tracked.insert(id, {key, signatureOf(*task)});
    if (!task->request().infoJson.isEmpty() && !QFile::exists(infoPath(key))) {
        QDir().mkpath(QFileInfo(infoPath(key)).absolutePath());
        QSaveFile file(infoPath(key));
        if (file.open(QIODevice::WriteOnly) && file.write(task->request().infoJson) >= 0)
            file.commit();
    }
    scheduleSave();
}

void QueueJournal::onTaskAdded(quint64 id)
{
    if (!m_restoring)
        track(id, newHistoryId());
}

void QueueJournal::onTaskRemoved(quint64 id)
{
    forget(id);
}

void QueueJournal::onTaskFinished(quint64 id)
{
    forget(id);
}

void QueueJournal::onTasksChanged(const QList<quint64> &ids)
{
    for (quint64 id : ids) {
        const DownloadTask *task = m_queue->task(id);
        if (!task)
            continue;
        auto tracked = m_tracked.find(id);
        if (!isUnfinished(task->progress().state)) {
            forget(id);
            continue;
        }
        if (tracked == m_tracked.end()) { // retried after it failed or was cancelled
            track(id, newHistoryId());
            continue;
        }
        QString signature = signatureOf(*task);
        if (signature != tracked->signature) {
            tracked->signature = std::move(signature);
            scheduleSave();
        }
    }
}

void QueueJournal::forget(quint64 id)
{
    const auto tracked = m_tracked.constFind(id);
    if (tracked == m_tracked.cend())
        return;
    QFile::remove(infoPath(tracked->key));
    m_tracked.erase(tracked);
    scheduleSave();
}

void QueueJournal::scheduleSave()
{
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void QueueJournal::flush()
{
    if (m_saveTimer.isActive() && !m_stopped)
        save();
}

void QueueJournal::save()
{
    m_saveTimer.stop();
    if (!isActive() || m_stopped)
        return;
    QByteArray content;
    for (quint64 id : m_queue->ids()) {
        const DownloadTask *task = m_queue->task(id);
        const auto tracked = m_tracked.constFind(id);
        if (!task || tracked == m_tracked.cend() || !isUnfinished(task->progress().state))
            continue;
        content += QJsonDocument(lineFor(tracked->key, *task)).toJson(QJsonDocument::Compact);
        content += '\n';
    }
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        // Everything is still in memory: the next change (or the quit) tries again.
        emit saveFailed(
            tr("Could not save the download queue to %1: %2").arg(filePath(), file.errorString()));
    }
}

} // namespace Gravity
