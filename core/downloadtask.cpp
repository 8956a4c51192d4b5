#include "downloadtask.h"

#include "infojsonparser.h"
#include "processrunner.h"
#include "secrets.h"
#include "toollocator.h"
#include "ytdlparguments.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QUuid>

namespace Gravity {

bool isFinalState(DownloadState state)
{
    return state == DownloadState::Completed || state == DownloadState::Failed ||
           state == DownloadState::Cancelled;
}

QString downloadStateId(DownloadState state)
{
    switch (state) {
    case DownloadState::Queued:
        return QStringLiteral("queued");
    case DownloadState::Starting:
        return QStringLiteral("starting");
    case DownloadState::Downloading:
        return QStringLiteral("downloading");
    case DownloadState::PostProcessing:
        return QStringLiteral("post-processing");
    case DownloadState::Paused:
        return QStringLiteral("paused");
    case DownloadState::Completed:
        return QStringLiteral("completed");
    case DownloadState::Failed:
        return QStringLiteral("failed");
    case DownloadState::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

QString downloadStageId(DownloadStage stage)
{
    switch (stage) {
    case DownloadStage::None:
        return {};
    case DownloadStage::Video:
        return QStringLiteral("video");
    case DownloadStage::Audio:
        return QStringLiteral("audio");
    case DownloadStage::Merging:
        return QStringLiteral("merging");
    case DownloadStage::Converting:
        return QStringLiteral("converting");
    case DownloadStage::Embedding:
        return QStringLiteral("embedding");
    case DownloadStage::Finishing:
        break;
    }
    return QStringLiteral("finishing");
}

double DownloadProgress::fraction() const
{
    if (state == DownloadState::Completed || state == DownloadState::PostProcessing)
        return 1.0;
    double streamFraction = -1.0;
    if (totalBytes > 0 && downloadedBytes >= 0)
        streamFraction = qMin(1.0, double(downloadedBytes) / double(totalBytes));
    else if (fragmentCount > 0 && fragmentIndex >= 0)
        streamFraction = qMin(1.0, double(fragmentIndex) / double(fragmentCount));
    if (streamFraction < 0.0)
        return -1.0;
    if (streamCount > 1 && streamIndex > 0)
        return qMin(1.0, (double(qMin(streamIndex, streamCount) - 1) + streamFraction) / double(streamCount));
    return streamFraction;
}

DownloadTask::DownloadTask(quint64 id, DownloadRequest request, const EngineConfig &config, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_request(std::move(request))
    , m_config(config)
{}

DownloadTask::~DownloadTask()
{
    removeInfoJsonFile();
    removeRunInfoFile();
}

bool DownloadTask::isActive() const
{
    return m_progress.state == DownloadState::Starting || m_progress.state == DownloadState::Downloading ||
           m_progress.state == DownloadState::PostProcessing;
}

void DownloadTask::setConfig(const EngineConfig &config)
{
    m_config = config;
}

void DownloadTask::adoptStreamFiles(const QStringList &files)
{
    for (const QString &file : files) {
        if (!file.isEmpty() && !m_streamFiles.contains(file))
            m_streamFiles.append(file);
    }
}

void DownloadTask::start()
{
    if (isActive())
        return;
    const QDateTime firstStart = m_progress.startedAt;
    // A run without the refused formats still reports what was refused first.
    const QualityFallback fallback = m_excludedFormats.isEmpty() ? QualityFallback{} : m_progress.fallback;
    m_progress = DownloadProgress{};
    m_progress.state = DownloadState::Starting;
    m_progress.startedAt = firstStart.isValid() ? firstStart : QDateTime::currentDateTimeUtc();
    m_progress.fallback = fallback;
    m_lastError.clear();
    m_currentStreamFile.clear();
    m_streams.clear();
    m_streamFinished = false;
    m_pauseRequested = false;
    emit changed(m_id);

    const QString ytDlp = ToolLocator::locate(Tool::YtDlp, m_config.ytDlpPath);
    if (ytDlp.isEmpty())
        return fail(ErrorKind::YtDlpMissing, QStringLiteral("yt-dlp not found"));
    const QString ffmpeg = ToolLocator::locate(Tool::Ffmpeg, m_config.ffmpegPath);
    const DownloadOptions &options = m_request.options;
    const bool needsFfmpeg = selectorFor(options).contains(QLatin1Char('+')) ||
                             options.quality == QualityPreset::AudioOnly ||
                             options.container != Container::Auto;
    if (ffmpeg.isEmpty() && needsFfmpeg)
        return fail(ErrorKind::FfmpegMissing, QStringLiteral("ffmpeg not found"));

    // Fail before yt-dlp has downloaded anything when the folder cannot take a file (also for root, for whom
    // permission bits do not apply but a read-only mount or a file in the way do).
    m_request.options.outputDir =
        QDir(options.outputDir.isEmpty() ? QDir::currentPath() : options.outputDir).absolutePath();
    if (!QDir().mkpath(m_request.options.outputDir) ||
        !QTemporaryFile(QDir(m_request.options.outputDir).filePath(QStringLiteral(".gravity-XXXXXX")))
             .open()) {
        return fail(ErrorKind::NotWritable, m_request.options.outputDir);
    }

    const QString infoJson = prepareInfoJson();
    m_runFromInfo = !infoJson.isEmpty();
    if (infoJson.isEmpty() && m_request.url.isEmpty())
        return fail(ErrorKind::InvalidInfo, QStringLiteral("no URL and no usable info JSON"));
    removeRunInfoFile();
    if (awaitsRunInfo()) {
        m_runInfoFile = newRunInfoFile();
        if (m_runInfoFile.isEmpty())
            return fail(ErrorKind::NotWritable, infoCacheDir());
    }

    delete m_runner;
    m_runner = new ProcessRunner(this);
    ProcessRunner::Limits limits;
    limits.stallTimeoutMs = m_config.stallTimeoutSec * 1000;
    limits.softLimitMs = m_config.softTimeLimitSec * 1000;
    limits.hardLimitMs = m_config.hardTimeLimitSec * 1000;
    m_runner->setLimits(limits);
    m_runner->setWorkingDirectory(m_request.options.outputDir);
    m_runner->setProgram(
        ytDlp, awaitsRunInfo() ? directDownloadArguments(m_request, m_runInfoFile, m_config.network, ffmpeg)
                               : downloadArguments(m_request, infoJson, m_config.network, ffmpeg));
    connect(m_runner, &ProcessRunner::lineRead, this,
            [this](ProcessRunner::Channel, const QByteArray &line) { onLine(line); });
    connect(m_runner, &ProcessRunner::finished, this, [this](const ProcessRunner::Outcome &outcome) {
        onProcessFinished(int(outcome.result), outcome.stderrTail);
    });
    m_runner->start();
}

QString DownloadTask::prepareInfoJson()
{
    if (!m_fallbackInfoFile.isEmpty() && QFileInfo::exists(m_fallbackInfoFile))
        return m_fallbackInfoFile;
    if (!m_request.infoJsonFile.isEmpty())
        return QFileInfo(m_request.infoJsonFile).absoluteFilePath();
    if (m_request.infoJson.isEmpty() || !m_request.infoFetchedAt.isValid())
        return {};
    // Format URLs in the JSON expire (YouTube's after hours, Bilibili's sooner): past the TTL, extract again.
    if (m_request.infoFetchedAt.secsTo(QDateTime::currentDateTimeUtc()) > m_config.infoTtlSec)
        return {};
    if (!m_infoJsonFile.isEmpty() && QFileInfo::exists(m_infoJsonFile))
        return m_infoJsonFile;
    const QString path = writeInfoCacheFile(m_request.infoJson, QStringLiteral(".info.json"));
    if (!path.isEmpty())
        m_infoJsonFile = path;
    return path;
}

QString DownloadTask::infoCacheDir() const
{
    if (!m_config.infoCacheDir.isEmpty())
        return m_config.infoCacheDir;
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/info");
}

// Info JSON for --load-info-json, written atomically into the info cache under a name made from its content.
// Empty when it cannot be written.
QString DownloadTask::writeInfoCacheFile(const QByteArray &json, const QString &suffix) const
{
    const QString dir = infoCacheDir();
    if (json.isEmpty() || !QDir().mkpath(dir))
        return {};
    const QByteArray key = QCryptographicHash::hash(json, QCryptographicHash::Sha1).toHex().left(16);
    const QString path = QDir(dir).filePath(QString::fromLatin1(key) + suffix);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return {};
    return path;
}

// A new name in the info cache for a run to write the video's info to; empty when yt-dlp could not be told
// it (see isPlainOutputPath) or the folder cannot be made.
QString DownloadTask::newRunInfoFile() const
{
    const QString dir = infoCacheDir();
    if (!QDir().mkpath(dir))
        return {};
    const QString path = QDir::cleanPath(QDir(dir).absoluteFilePath(
        QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".run.info.json")));
    return isPlainOutputPath(path) ? path : QString();
}

// The run has written the video's info once it reports anything after choosing the formats (progress, a
// postprocessor, the file) or has ended: yt-dlp writes it whole before it downloads.
void DownloadTask::takeRunInfo()
{
    if (!awaitsRunInfo() || m_runInfoFile.isEmpty())
        return;
    QFile file(m_runInfoFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray json = file.readAll();
    file.close();
    removeRunInfoFile();
    // The parser leaves the cookies out of rawJson, which is what is kept (history, a retry's info).
    InfoParseResult parsed = parseInfoJson(json);
    if (!parsed.info || parsed.info->isPlaylist)
        return;
    const MediaInfo &info = *parsed.info;
    m_infoDelivered = true;
    m_runFromInfo = true;
    m_request.infoJson = info.rawJson;
    m_request.infoFetchedAt = QDateTime::currentDateTimeUtc();
    m_request.platform = info.platform;
    if (m_request.title.isEmpty())
        m_request.title = info.title;
    if (m_request.thumbnail.isEmpty())
        m_request.thumbnail = info.thumbnail;
    emit infoDelivered(m_id, info);
}

void DownloadTask::removeRunInfoFile()
{
    if (!m_runInfoFile.isEmpty())
        QFile::remove(m_runInfoFile);
    m_runInfoFile.clear();
}

void DownloadTask::removeInfoJsonFile()
{
    if (!m_infoJsonFile.isEmpty())
        QFile::remove(m_infoJsonFile);
    m_infoJsonFile.clear();
    if (!m_fallbackInfoFile.isEmpty())
        QFile::remove(m_fallbackInfoFile);
    m_fallbackInfoFile.clear();
}

QByteArray DownloadTask::infoBytes() const
{
    if (!m_request.infoJsonFile.isEmpty()) {
        QFile file(m_request.infoJsonFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    return m_request.infoJson;
}

bool DownloadTask::prepareQualityFallback(ErrorKind kind, const QString &detail)
{
    // Only a refusal of the video stream of a preset quality: an exact format the user chose is not
    // second-guessed, and other failures are not retried here. Each run leaves out one more format, at most
    // kMaxFallbacks times: it cannot loop.
    constexpr int kMaxFallbacks = 3;
    if (!isRefusal(kind, detail) || !m_runFromInfo || !m_request.options.formatSpec.isEmpty() ||
        m_request.options.quality == QualityPreset::AudioOnly || m_excludedFormats.size() >= kMaxFallbacks)
        return false;
    const QByteArray json = infoBytes();
    const InfoParseResult parsed = parseInfoJson(json);
    if (!parsed.info)
        return false;
    const QString failed =
        replaceableVideoFormat(*parsed.info, m_progress.resolvedFormat,
                               failingStream(m_progress.streamIndex, m_streamFinished), m_excludedFormats);
    if (failed.isEmpty())
        return false;

    const QByteArray filtered = infoWithoutFormats(json, m_excludedFormats + QStringList{failed});
    const QString path = writeInfoCacheFile(filtered, QStringLiteral(".fallback.info.json"));
    if (path.isEmpty())
        return false;
    if (!m_fallbackInfoFile.isEmpty() && m_fallbackInfoFile != path)
        QFile::remove(m_fallbackInfoFile);
    m_fallbackInfoFile = path;
    m_excludedFormats << failed;
    if (!m_progress.fallback.happened()) {
        const MediaFormat *format = parsed.info->findFormat(failed);
        m_progress.fallback = {failed, qMax(0, format->height), format->formatNote, 0, {}};
    }
    return true;
}

void DownloadTask::noteFallbackResult()
{
    if (!m_progress.fallback.happened())
        return;
    const InfoParseResult parsed = parseInfoJson(infoBytes());
    if (!parsed.info)
        return;
    for (const QString &id : m_progress.resolvedFormat.split(QLatin1Char('+'), Qt::SkipEmptyParts)) {
        if (const MediaFormat *format = parsed.info->findFormat(id); format && format->hasVideo()) {
            m_progress.fallback.toHeight = qMax(0, format->height);
            m_progress.fallback.toNote = format->formatNote;
            return;
        }
    }
}

void DownloadTask::onLine(const QByteArray &line)
{
    // Both channels carry records: progress on stdout, postprocess and ERROR lines on stderr.
    for (const QByteArrayView record : splitRecords(line)) {
        if (const std::optional<OutputRecord> parsed = parseOutputRecord(record))
            apply(*parsed);
    }
}

void DownloadTask::apply(const OutputRecord &record)
{
    if (awaitsRunInfo() &&
        (record.kind == OutputRecord::Kind::Progress || record.kind == OutputRecord::Kind::PostProcess ||
         record.kind == OutputRecord::Kind::FilePath))
        takeRunInfo();
    DownloadProgress &p = m_progress;
    switch (record.kind) {
    case OutputRecord::Kind::Progress: {
        if (record.status != QLatin1String("downloading") && record.status != QLatin1String("finished"))
            return;
        m_streamFinished = record.status == QLatin1String("finished");
        // A merge's streams come one after the other, each into its own file, in the Formats record's order.
        if (record.filename != m_currentStreamFile || p.streamIndex == 0) {
            m_currentStreamFile = record.filename;
            ++p.streamIndex;
            if (!record.filename.isEmpty() && !m_streamFiles.contains(record.filename))
                m_streamFiles.append(record.filename);
        }
        p.state = DownloadState::Downloading;
        const StreamInfo stream = m_streams.value(p.streamIndex - 1);
        p.stage = stream.isAudio && !stream.isVideo ? DownloadStage::Audio : DownloadStage::Video;
        p.downloadedBytes = record.downloadedBytes;
        p.totalBytes = record.totalBytes;
        p.totalIsEstimate = record.totalIsEstimate;
        p.speed = record.speed;
        p.eta = record.eta;
        p.fragmentIndex = record.fragmentIndex;
        p.fragmentCount = record.fragmentCount;
        if (record.status == QLatin1String("finished") && p.totalBytes < 0)
            p.totalBytes = p.downloadedBytes;
        break;
    }
    case OutputRecord::Kind::PostProcess: {
        const PostProcessStage stage = stageOfPostProcessor(record.postProcessor);
        const bool started = record.status == QLatin1String("started");
        // ffmpeg is silent while it merges or converts: the stall watchdog waits for it to finish instead.
        if (m_runner && stage != PostProcessStage::None && stage != PostProcessStage::Finishing)
            m_runner->setStallWatchEnabled(!started);
        if (!started || stage == PostProcessStage::None)
            return;
        p.state = DownloadState::PostProcessing;
        p.speed = -1.0;
        p.eta = -1;
        switch (stage) {
        case PostProcessStage::Merging:
            p.stage = DownloadStage::Merging;
            break;
        case PostProcessStage::Converting:
            p.stage = DownloadStage::Converting;
            break;
        case PostProcessStage::Embedding:
            p.stage = DownloadStage::Embedding;
            break;
        case PostProcessStage::Finishing:
        case PostProcessStage::None:
            p.stage = DownloadStage::Finishing;
            break;
        }
        break;
    }
    case OutputRecord::Kind::Formats:
        p.resolvedFormat = record.text;
        p.streamCount = int(record.text.count(QLatin1Char('+'))) + 1;
        m_streams = record.streams;
        break;
    case OutputRecord::Kind::FilePath:
        p.filePath = record.text;
        break;
    case OutputRecord::Kind::Error:
        m_lastError = record.text;
        return;
    case OutputRecord::Kind::Warning:
        return;
    }
    emit changed(m_id);
}

void DownloadTask::onProcessFinished(int result, const QStringList &stderrTail)
{
    m_runner->deleteLater();
    m_runner = nullptr;
    if (awaitsRunInfo()) {
        if (ProcessRunner::Result(result) != ProcessRunner::Result::Cancelled)
            takeRunInfo();
        removeRunInfoFile();
    }
    // yt-dlp's words become the error detail people see, history keeps and --json prints: no proxy password.
    const QString detail = redactSecrets(
        m_lastError.isEmpty() ? stderrTail.join(QLatin1Char('\n')).trimmed() : m_lastError, m_config.network);

    switch (ProcessRunner::Result(result)) {
    case ProcessRunner::Result::Success: {
        if (m_progress.filePath.isEmpty() || !QFileInfo::exists(m_progress.filePath))
            return fail(ErrorKind::Unknown,
                        detail.isEmpty() ? QStringLiteral("yt-dlp reported no file") : detail);
        m_progress.fileSize = QFileInfo(m_progress.filePath).size();
        // yt-dlp cuts a part past the end of a video into a file of headers alone (a few hundred bytes, no
        // media) and calls it a success. A second of the thinnest audio is several KiB.
        constexpr qint64 kHeadersOnly = 1024;
        if (m_progress.fileSize < kHeadersOnly && !m_request.options.section.isWhole()) {
            QFile::remove(m_progress.filePath);
            m_progress.filePath.clear();
            return fail(ErrorKind::EmptySection,
                        QStringLiteral("yt-dlp wrote a file with no media for the part chosen"));
        }
        m_progress.downloadedBytes = qMax(m_progress.downloadedBytes, qint64(0));
        noteFallbackResult();
        removeInfoJsonFile();
        return end(DownloadState::Completed);
    }
    case ProcessRunner::Result::Failed: {
        ErrorKind kind = classifyYtDlpError(detail);
        // yt-dlp 2023.03 reports an ffmpeg that died without a word as "list index out of range": what
        // failed is known from the stage it failed in.
        if (kind == ErrorKind::Unknown && m_progress.state == DownloadState::PostProcessing)
            kind = ErrorKind::PostProcessFailed;
        if (prepareQualityFallback(kind, detail)) {
            m_progress.state = DownloadState::Queued;
            return start();
        }
        // Saved info can go stale before its TTL (a CDN URL revoked early): extract once more from the page.
        if ((kind == ErrorKind::HttpError || kind == ErrorKind::FormatUnavailable) &&
            !m_infoJsonFile.isEmpty() && !m_request.url.isEmpty()) {
            removeInfoJsonFile();
            m_request.infoJson.clear();
            m_excludedFormats.clear(); // the page's fresh info decides again
            m_progress.fallback = {};
            m_progress.state = DownloadState::Queued;
            return start();
        }
        return fail(kind, detail);
    }
    case ProcessRunner::Result::FailedToStart:
        return fail(ErrorKind::YtDlpMissing, QStringLiteral("yt-dlp could not be started"));
    case ProcessRunner::Result::Crashed:
        return fail(ErrorKind::Crashed, detail);
    case ProcessRunner::Result::Cancelled:
        if (m_pauseRequested)
            return end(DownloadState::Paused);
        removePartialFiles();
        m_progress.error = {ErrorKind::Cancelled, {}};
        return end(DownloadState::Cancelled);
    case ProcessRunner::Result::TimedOut:
        return fail(ErrorKind::TimedOut, QStringLiteral("time limit reached"));
    case ProcessRunner::Result::Stalled:
        return fail(ErrorKind::TimedOut,
                    QStringLiteral("no progress for %1 s").arg(m_config.stallTimeoutSec));
    }
}

void DownloadTask::removePartialFiles()
{
    // Only files yt-dlp told us about, and only inside the chosen folder.
    const QString root = QDir(m_request.options.outputDir).canonicalPath() + QLatin1Char('/');
    for (const QString &stream : std::as_const(m_streamFiles)) {
        const QFileInfo info(QDir(m_request.options.outputDir).filePath(stream));
        const QString dir = info.absoluteDir().canonicalPath() + QLatin1Char('/');
        if (!dir.startsWith(root))
            continue;
        const QString base = info.absoluteFilePath();
        QFile::remove(base + QStringLiteral(".part"));
        QFile::remove(base + QStringLiteral(".ytdl"));
        // A finished stream of several (video before its audio) is an intermediate file nobody asked for; a
        // single stream may be a file that was already there before this download, so it stays.
        if (m_progress.streamCount > 1)
            QFile::remove(base);
        // Not a name filter: titles hold '[' and ']', which wildcards would read as character classes.
        const QString fragmentPrefix = info.fileName() + QStringLiteral(".part-Frag");
        const QStringList siblings = info.absoluteDir().entryList(QDir::Files | QDir::Hidden);
        for (const QString &sibling : siblings) {
            if (sibling.startsWith(fragmentPrefix))
                QFile::remove(info.absoluteDir().filePath(sibling));
        }
    }
    m_streamFiles.clear();
}

void DownloadTask::fail(ErrorKind kind, const QString &detail)
{
    m_progress.error = {kind, detail};
    if (awaitsRunInfo()) {
        // Nothing says yet that this is one video that can be downloaded (yt-dlp skips a live stream and a
        // playlist): the parse decides, and reports what it finds, as for a link without infoFromRun.
        removeRunInfoFile();
        m_progress.state = DownloadState::Failed;
        m_progress.finishedAt = QDateTime::currentDateTimeUtc();
        emit handedBack(m_id);
        return;
    }
    end(DownloadState::Failed);
}

void DownloadTask::end(DownloadState state)
{
    m_progress.state = state;
    m_progress.speed = -1.0;
    m_progress.eta = -1;
    if (state != DownloadState::Paused)
        m_progress.finishedAt = QDateTime::currentDateTimeUtc();
    if (state == DownloadState::Completed)
        m_progress.stage = DownloadStage::None;
    emit changed(m_id);
    emit ended(m_id);
}

void DownloadTask::cancel()
{
    if (m_runner) {
        m_pauseRequested = false;
        m_runner->cancel();
        return;
    }
    if (m_progress.state == DownloadState::Queued || m_progress.state == DownloadState::Paused) {
        removePartialFiles();
        m_progress.error = {ErrorKind::Cancelled, {}};
        end(DownloadState::Cancelled);
    }
}

void DownloadTask::pause()
{
    if (m_runner) {
        m_pauseRequested = true;
        m_runner->cancel();
        return;
    }
    if (m_progress.state == DownloadState::Queued)
        end(DownloadState::Paused);
}

void DownloadTask::kill()
{
    // Quitting is not cancelling: the partial file stays and the download comes back paused.
    if (m_runner) {
        m_pauseRequested = true;
        m_runner->kill();
    }
}

void DownloadTask::requeue()
{
    if (isActive())
        return;
    // Trying again after a failure or a cancel starts from the quality chosen; a resumed pause keeps going
    // with the format its partial file is of.
    if (m_progress.state != DownloadState::Paused) {
        m_excludedFormats.clear();
        m_progress.fallback = {};
        if (!m_fallbackInfoFile.isEmpty())
            QFile::remove(m_fallbackInfoFile);
        m_fallbackInfoFile.clear();
    }
    m_progress.state = DownloadState::Queued;
    m_progress.error = {};
    m_progress.finishedAt = {};
    emit changed(m_id);
}

} // namespace Gravity
