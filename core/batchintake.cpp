#include "batchintake.h"

#include "downloadqueue.h"
#include "infojsonparser.h"
#include "postprocessing.h"
#include "prober.h"

#include <QFile>
#include <QTimer>

namespace Gravity {

BatchIntake::BatchIntake(DownloadQueue *queue, const EngineConfig &config, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_config(config)
    , m_maxProbes(qMax(1, config.maxConcurrent))
{
    connect(m_queue, &DownloadQueue::taskInfoDelivered, this, &BatchIntake::onRunInfo);
    connect(m_queue, &DownloadQueue::taskHandedBack, this, &BatchIntake::onHandedBack);
    connect(m_queue, &DownloadQueue::taskFinished, this, &BatchIntake::onFinishedUntold);
}

BatchIntake::~BatchIntake() = default;

bool BatchIntake::isBusy() const
{
    return !m_pending.isEmpty() || !m_directPending.isEmpty() || !m_directRuns.isEmpty() ||
           !m_running.isEmpty();
}

bool BatchIntake::goesDirect(const RecognizedUrl &url) const
{
    return m_direct && !m_parseOnly && m_playlistItems.isEmpty() && m_options.section.isWhole() &&
           url.kind != UrlKind::Playlist;
}

int BatchIntake::submit(const QStringList &inputs)
{
    int count = 0;
    for (const QString &input : inputs) {
        const RecognizedUrl url = recognizeUrl(input);
        if (!url.isValid()) {
            emit rejected(url);
            continue;
        }
        emit accepted(url);
        (goesDirect(url) ? m_directPending : m_pending).enqueue(url);
        ++count;
    }
    // From the event loop, so every accepted/rejected is out before the first parse starts or reports.
    QTimer::singleShot(0, this, &BatchIntake::startProbes);
    return count;
}

bool BatchIntake::submitInfoFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit parseFailed(path, {ErrorKind::InvalidInfo, file.errorString()});
        return false;
    }
    InfoParseResult parsedInfo = parseInfoJson(file.readAll());
    if (!parsedInfo.info) {
        emit parseFailed(path, {ErrorKind::InvalidInfo, parsedInfo.error});
        return false;
    }
    // A video with neither formats nor a URL of its own (fields of the wrong type read as missing) is nothing
    // yt-dlp can download: say so here rather than let yt-dlp fail on it with a traceback.
    if (!parsedInfo.info->isPlaylist && parsedInfo.info->formats.isEmpty()) {
        emit parseFailed(path,
                         {ErrorKind::InvalidInfo, QStringLiteral("the info JSON lists nothing to download")});
        return false;
    }
    emit parsed(path, *parsedInfo.info);
    if (parsedInfo.info->isPlaylist)
        enqueuePlaylist(*parsedInfo.info);
    else if (!m_parseOnly)
        enqueueVideo(*parsedInfo.info, parsedInfo.info->webpageUrl, path);
    return true;
}

void BatchIntake::cancel()
{
    m_pending.clear();
    m_directPending.clear();
    m_directRuns.clear();
    for (Prober *prober : std::as_const(m_running))
        prober->cancel();
}

void BatchIntake::startProbes()
{
    // The queue's limit paces these, as it paces the entries of a playlist.
    while (!m_directPending.isEmpty()) {
        const RecognizedUrl url = m_directPending.dequeue();
        DownloadRequest request;
        request.url = url.normalized;
        request.platform = url.platform;
        request.options = m_options;
        request.infoFromRun = true;
        m_directRuns.insert(m_queue->enqueue(std::move(request)), url);
    }
    while (!m_pending.isEmpty() && m_running.size() < m_maxProbes) {
        const RecognizedUrl url = m_pending.dequeue();
        auto *prober = new Prober(m_config, this);
        m_running.append(prober);
        connect(prober, &Prober::finished, this,
                [this, prober](const ProbeResult &result) { onProbed(prober, result); });
        prober->start(url.normalized);
    }
    if (!isBusy())
        emit drained();
}

void BatchIntake::onProbed(Prober *prober, const ProbeResult &result)
{
    m_running.removeOne(prober);
    prober->deleteLater();
    if (!result.info) {
        emit parseFailed(result.url, result.error);
    } else {
        emit parsed(result.url, *result.info);
        if (result.info->isPlaylist)
            enqueuePlaylist(*result.info);
        else if (!m_parseOnly)
            enqueueVideo(*result.info, result.url);
    }
    startProbes();
}

std::optional<RecognizedUrl> BatchIntake::takeDirectRun(quint64 id)
{
    const auto it = m_directRuns.constFind(id);
    if (it == m_directRuns.cend())
        return std::nullopt;
    RecognizedUrl url = *it;
    m_directRuns.erase(it);
    return url;
}

void BatchIntake::onRunInfo(quint64 id, const MediaInfo &info)
{
    const std::optional<RecognizedUrl> url = takeDirectRun(id);
    if (!url)
        return;
    emit parsed(url->normalized, info);
    emit queued(id, url->normalized);
    if (!isBusy())
        emit drained();
}

void BatchIntake::onFinishedUntold(quint64 id)
{
    // A run that ended without a readable info (or was stopped first) is told of now, so that its end is
    // reported like any other download's.
    if (const std::optional<RecognizedUrl> url = takeDirectRun(id))
        emit queued(id, url->normalized);
}

void BatchIntake::onHandedBack(quint64 id)
{
    const std::optional<RecognizedUrl> url = takeDirectRun(id);
    if (!url)
        return;
    m_pending.enqueue(*url);
    startProbes();
}

void BatchIntake::enqueueVideo(const MediaInfo &info, const QString &url, const QString &infoFile)
{
    // yt-dlp turns a part past the end of the video into an empty file and calls it a success.
    if (const QString problem = timeRangeProblem(m_options.section, info.duration); !problem.isEmpty()) {
        emit optionsRefused(url, problem);
        return;
    }
    DownloadRequest request;
    request.url = url;
    request.platform = info.platform;
    request.title = info.title;
    request.thumbnail = info.thumbnail;
    request.options = m_options;
    if (infoFile.isEmpty()) {
        request.infoJson = info.rawJson;
        request.infoFetchedAt = QDateTime::currentDateTimeUtc();
    } else {
        request.infoJsonFile = infoFile;
    }
    const quint64 id = m_queue->enqueue(std::move(request));
    emit queued(id, url);
}

void BatchIntake::enqueuePlaylist(const MediaInfo &info)
{
    if (m_parseOnly)
        return;
    for (const PlaylistEntry &entry : info.entries) {
        if (!m_playlistItems.isEmpty() && !m_playlistItems.contains(entry.index))
            continue;
        DownloadRequest request = entryRequest(info, entry, m_options);
        // Nothing to go by: a flat entry whose URL is not a web address.
        if (request.url.isEmpty() && request.infoJson.isEmpty())
            continue;
        const QString url = request.url;
        const quint64 id = m_queue->enqueue(std::move(request));
        emit queued(id, url);
    }
}

} // namespace Gravity
