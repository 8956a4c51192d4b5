#include "headlessrunner.h"

#include "batchfile.h"
#include "batchintake.h"
#include "downloadqueue.h"
#include "historyrecorder.h"
#include "historystore.h"
#include "mediainfojson.h"
#include "toollocator.h"
#include "ytdlpversion.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace Gravity {

namespace {

QString formatBytes(qint64 bytes)
{
    return bytes < 0 ? QStringLiteral("?") : QLocale::system().formattedDataSize(bytes);
}

// Worse outcomes win: an interrupted run is reported as such even if something also failed.
int severity(int code)
{
    switch (code) {
    case ExitInterrupted:
        return 5;
    case ExitToolsMissing:
        return 4;
    case ExitUsage:
        return 3;
    case ExitParseFailed:
        return 2;
    case ExitDownloadFailed:
        return 1;
    default:
        return 0;
    }
}

} // namespace

HeadlessRunner::HeadlessRunner(const CommandLine &commandLine, QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_queue(new DownloadQueue(commandLine.engine, this))
    , m_intake(new BatchIntake(m_queue, commandLine.engine, this))
    , m_history(new HistoryStore(this))
{
    // Downloads from scripts go into the same history as the window's: each ended download is appended to
    // it (the file is never read here). One that cannot be written (no folder, a full disk) costs no
    // download and changes no exit status, but the script is told.
    new HistoryRecorder(m_queue, m_history, this);
    connect(m_history, &HistoryStore::saveFailed, this, &HeadlessRunner::printError);
#if defined(Q_OS_UNIX)
    m_terminal = !commandLine.json && ::isatty(STDOUT_FILENO);
#endif
    m_intake->setOptions(commandLine.options);
    m_intake->setParseOnly(commandLine.printInfo);
    m_intake->setPlaylistItems(commandLine.playlistItems);
    // A link downloads in one yt-dlp run, not a parse and then a download, where nothing needs its info
    // first.
    m_intake->setDirectDownloads(true);
    connect(m_intake, &BatchIntake::accepted, this, &HeadlessRunner::onAccepted);
    connect(m_intake, &BatchIntake::rejected, this, [this](const RecognizedUrl &url) { onRejected(url); });
    connect(m_intake, &BatchIntake::parsed, this, &HeadlessRunner::onParsed);
    connect(m_intake, &BatchIntake::parseFailed, this, &HeadlessRunner::onParseFailed);
    connect(m_intake, &BatchIntake::optionsRefused, this, &HeadlessRunner::onOptionsRefused);
    connect(m_intake, &BatchIntake::queued, this, &HeadlessRunner::onQueued);
    connect(m_intake, &BatchIntake::drained, this, &HeadlessRunner::maybeFinish);
    connect(m_queue, &DownloadQueue::tasksChanged, this, &HeadlessRunner::onTasksChanged);
    connect(m_queue, &DownloadQueue::taskFinished, this, &HeadlessRunner::onTaskFinished);
    connect(m_queue, &DownloadQueue::idle, this, &HeadlessRunner::maybeFinish);
}

HeadlessRunner::~HeadlessRunner() = default;

void HeadlessRunner::start()
{
    // Every input is accepted or rejected before anything touches the network.
    QStringList inputs = m_commandLine.urls;
    if (!m_commandLine.batchFile.isEmpty() && !readBatch(inputs)) {
        QTimer::singleShot(0, this, [this] { finish(ExitUsage); });
        return;
    }
    const int accepted = m_intake->submit(inputs);
    if (accepted == 0 && m_commandLine.loadInfoJson.isEmpty()) {
        QTimer::singleShot(0, this, [this] { finish(ExitUsage); });
        return;
    }
    if (ToolLocator::locate(Tool::YtDlp, m_commandLine.engine.ytDlpPath).isEmpty()) {
        m_intake->cancel();
        noteError({ErrorKind::YtDlpMissing, m_commandLine.engine.ytDlpPath});
        if (m_commandLine.json) {
            emitJson({{QStringLiteral("event"), QStringLiteral("failed")},
                      {QStringLiteral("error"), errorKindId(ErrorKind::YtDlpMissing)},
                      {QStringLiteral("message"), errorKindText(ErrorKind::YtDlpMissing)}});
        } else {
            printLine(errorKindText(ErrorKind::YtDlpMissing));
        }
        QTimer::singleShot(0, this, [this] { finish(m_exitCode); });
        return;
    }
    if (!m_commandLine.loadInfoJson.isEmpty()) {
        if (!m_intake->submitInfoFile(m_commandLine.loadInfoJson))
            m_exitCode = qMax(m_exitCode, int(ExitParseFailed));
    }
}

bool HeadlessRunner::readBatch(QStringList &inputs)
{
    const BatchFile batch = readBatchFile(m_commandLine.batchFile);
    if (!batch.error.isEmpty()) {
        printError(batch.error);
        return false;
    }
    // Rejected lines are told with their line number here; the accepted ones go through the intake.
    for (const BatchFileLine &line : batch.rejected)
        onRejected(line.url, line.line);
    for (const BatchFileLine &line : batch.accepted)
        inputs << line.url.input;
    if (batch.truncated)
        printError(tr("Only the first %n link(s) of the file were read.", nullptr,
                      int(batch.accepted.size() + batch.rejected.size())));
    if (batch.accepted.isEmpty() && batch.rejected.isEmpty())
        printError(tr("There are no links in \"%1\".").arg(m_commandLine.batchFile));
    return true;
}

void HeadlessRunner::printError(const QString &text)
{
    std::fflush(stdout);
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
}

void HeadlessRunner::interrupt()
{
    if (m_finished)
        return;
    m_intake->cancel();
    m_queue->stopAll();
    if (!m_commandLine.json)
        printLine(tr("Interrupted: downloads stopped."));
    finish(ExitInterrupted);
}

void HeadlessRunner::noteError(const DownloadError &error)
{
    int code = ExitDownloadFailed;
    switch (error.kind) {
    case ErrorKind::YtDlpMissing:
    case ErrorKind::YtDlpTooOld:
    case ErrorKind::FfmpegMissing:
        code = ExitToolsMissing;
        break;
    default:
        break;
    }
    if (severity(code) > severity(m_exitCode))
        m_exitCode = code;
}

void HeadlessRunner::onAccepted(const RecognizedUrl &url)
{
    if (m_commandLine.json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("accepted")},
                  {QStringLiteral("input"), url.input},
                  {QStringLiteral("url"), url.normalized},
                  {QStringLiteral("platform"), platformId(url.platform)}});
    }
}

void HeadlessRunner::onRejected(const RecognizedUrl &url, int line)
{
    if (severity(ExitUsage) > severity(m_exitCode))
        m_exitCode = ExitUsage;
    if (m_commandLine.json) {
        QJsonObject event{{QStringLiteral("event"), QStringLiteral("rejected")},
                          {QStringLiteral("input"), url.input},
                          {QStringLiteral("reason"), rejectionId(url.rejection)},
                          {QStringLiteral("message"), rejectionText(url.rejection)}};
        if (line > 0)
            event.insert(QStringLiteral("line"), line);
        emitJson(event);
    } else if (line > 0) {
        printLine(batchRejectText({line, url}));
    } else {
        printLine(tr("Rejected \"%1\": %2").arg(url.input.left(200), rejectionText(url.rejection)));
    }
}

void HeadlessRunner::onParsed(const QString &url, const MediaInfo &info)
{
    if (m_commandLine.json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("info")},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("info"), mediaInfoToJson(info)}});
        return;
    }
    if (info.isPlaylist) {
        printLine(tr("Playlist \"%1\": %n entries", nullptr, int(info.entries.size())).arg(info.title));
        if (m_commandLine.printInfo) {
            for (const PlaylistEntry &entry : info.entries)
                printLine(QStringLiteral("  %1. %2  %3").arg(entry.index).arg(entry.title, entry.url));
        }
        return;
    }
    printLine(tr("Found \"%1\" (%2)").arg(info.title, platformDisplayName(info.platform)));
    if (m_commandLine.printInfo) {
        if (!info.uploader.isEmpty())
            printLine(tr("  Uploader: %1").arg(info.uploader));
        if (info.duration > 0)
            printLine(tr("  Duration: %1 s").arg(qRound(info.duration)));
        for (const MediaFormat &format : info.formats) {
            const QString kind = format.hasVideo() && format.hasAudio() ? tr("video+audio")
                                 : format.hasVideo()                    ? tr("video only")
                                                                        : tr("audio only");
            const QString resolution =
                format.height > 0 ? QStringLiteral("%1x%2").arg(format.width).arg(format.height) : QString();
            printLine(QStringLiteral("  %1  %2  %3  %4  %5")
                          .arg(format.formatId.leftJustified(14), format.ext.leftJustified(5),
                               resolution.leftJustified(10), kind.leftJustified(12),
                               format.sizeEstimate() > 0 ? formatBytes(format.sizeEstimate()) : QString()));
        }
    }
}

void HeadlessRunner::onParseFailed(const QString &url, const DownloadError &reported)
{
    DownloadError error = reported;
    // Sites change and old yt-dlp releases stop understanding them: when yt-dlp cannot say why it failed,
    // its version (read once, cached) may.
    QString ageWarning;
    if (error.kind == ErrorKind::Unknown || error.kind == ErrorKind::UnsupportedUrl) {
        const QString ytDlp = ToolLocator::locate(Tool::YtDlp, m_commandLine.engine.ytDlpPath);
        const std::optional<QString> version = ToolLocator::ytDlpVersion(ytDlp);
        if (version && !ToolLocator::isVersionAtLeast(*version, ToolLocator::minimumYtDlpVersion()))
            error.kind = ErrorKind::YtDlpTooOld;
        else if (version)
            ageWarning = ytDlpOutdatedText(*version, QDate::currentDate());
    }
    if (error.kind == ErrorKind::YtDlpMissing || error.kind == ErrorKind::YtDlpTooOld)
        noteError(error);
    else if (severity(ExitParseFailed) > severity(m_exitCode))
        m_exitCode = ExitParseFailed;
    if (m_commandLine.json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("failed")},
                  {QStringLiteral("stage"), QStringLiteral("parse")},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("error"), errorKindId(error.kind)},
                  {QStringLiteral("message"), errorKindText(error.kind)},
                  {QStringLiteral("detail"), error.detail}});
    } else {
        printLine(tr("Could not parse %1: %2").arg(url, errorKindText(error.kind)));
        if (!error.detail.isEmpty())
            printLine(QStringLiteral("  ") + error.detail);
    }
    // Said once a run, on stderr: the likeliest fix for a page yt-dlp no longer understands.
    if (!ageWarning.isEmpty() && !std::exchange(m_ageWarned, true))
        printError(ageWarning);
}

void HeadlessRunner::onOptionsRefused(const QString &url, const QString &reason)
{
    // Options that do not fit the video are bad usage, like an option value that fits nothing.
    if (severity(ExitUsage) > severity(m_exitCode))
        m_exitCode = ExitUsage;
    if (m_commandLine.json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("failed")},
                  {QStringLiteral("stage"), QStringLiteral("options")},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("error"), QStringLiteral("time-range")},
                  {QStringLiteral("message"), reason}});
    } else {
        printLine(tr("Not downloading %1: %2").arg(url, reason));
    }
}

void HeadlessRunner::onQueued(quint64 id, const QString &url)
{
    m_urls.insert(id, url);
    if (m_commandLine.json) {
        const DownloadTask *task = m_queue->task(id);
        emitJson({{QStringLiteral("event"), QStringLiteral("queued")},
                  {QStringLiteral("id"), double(id)},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("title"), task ? task->request().title : QString()}});
    }
}

QString HeadlessRunner::progressLine(quint64 id) const
{
    const DownloadTask *task = m_queue->task(id);
    if (!task)
        return {};
    const DownloadProgress &p = task->progress();
    const double fraction = p.fraction();
    QString line = task->request().title.left(40).leftJustified(40) + QLatin1Char(' ');
    line += fraction >= 0 ? QStringLiteral("%1%").arg(fraction * 100.0, 5, 'f', 1) : QStringLiteral("  ?  ");
    if (p.state == DownloadState::PostProcessing) {
        line += QLatin1Char(' ') + downloadStageId(p.stage);
    } else {
        if (p.streamCount > 1)
            line += QStringLiteral(" %1 %2/%3")
                        .arg(downloadStageId(p.stage))
                        .arg(p.streamIndex)
                        .arg(p.streamCount);
        if (p.speed > 0)
            line += QStringLiteral("  %1/s").arg(formatBytes(qint64(p.speed)));
        if (p.eta >= 0)
            line += tr("  ETA %1 s").arg(p.eta);
    }
    return line;
}

void HeadlessRunner::onTasksChanged(const QList<quint64> &ids)
{
    for (quint64 id : ids) {
        const DownloadTask *task = m_queue->task(id);
        // A download queued before its link was parsed is told of once its run has said what it is.
        if (!task || !task->isActive() || !m_urls.contains(id))
            continue;
        if (m_commandLine.json) {
            const DownloadProgress &p = task->progress();
            QJsonObject event{{QStringLiteral("event"), QStringLiteral("progress")},
                              {QStringLiteral("id"), double(id)},
                              {QStringLiteral("state"), downloadStateId(p.state)},
                              {QStringLiteral("stage"), downloadStageId(p.stage)},
                              {QStringLiteral("stream"), p.streamIndex},
                              {QStringLiteral("streams"), p.streamCount}};
            if (p.downloadedBytes >= 0)
                event.insert(QStringLiteral("downloaded"), double(p.downloadedBytes));
            if (p.totalBytes >= 0)
                event.insert(QStringLiteral("total"), double(p.totalBytes));
            if (p.speed >= 0)
                event.insert(QStringLiteral("speed"), p.speed);
            if (p.eta >= 0)
                event.insert(QStringLiteral("eta"), double(p.eta));
            if (p.fraction() >= 0)
                event.insert(QStringLiteral("percent"), qRound(p.fraction() * 1000.0) / 10.0);
            emitJson(event);
        } else if (!m_live.contains(id)) {
            m_live.append(id);
            // Without a terminal to redraw on, say once that it started; the end gets its own line.
            if (!m_terminal)
                printLine(tr("Downloading \"%1\"").arg(task->request().title));
        }
    }
    if (m_terminal)
        redrawLiveLines();
}

void HeadlessRunner::onTaskFinished(quint64 id)
{
    const DownloadTask *task = m_queue->task(id);
    if (!task)
        return;
    m_live.removeOne(id);
    const DownloadProgress &p = task->progress();
    const QString url = m_urls.value(id, task->request().url);
    if (p.state == DownloadState::Completed) {
        ++m_completed;
        if (m_commandLine.json) {
            QJsonObject event{{QStringLiteral("event"), QStringLiteral("finished")},
                              {QStringLiteral("id"), double(id)},
                              {QStringLiteral("url"), url},
                              {QStringLiteral("title"), task->request().title},
                              {QStringLiteral("path"), p.filePath},
                              {QStringLiteral("size"), double(p.fileSize)},
                              {QStringLiteral("format"), p.resolvedFormat}};
            if (p.fallback.happened()) {
                event.insert(QStringLiteral("fallback"),
                             QJsonObject{{QStringLiteral("from_format"), p.fallback.fromFormat},
                                         {QStringLiteral("from_height"), p.fallback.fromHeight},
                                         {QStringLiteral("to_height"), p.fallback.toHeight},
                                         {QStringLiteral("message"), qualityFallbackText(p.fallback)}});
            }
            emitJson(event);
        } else {
            printLine(tr("Finished: %1 (%2)").arg(p.filePath, formatBytes(p.fileSize)));
            if (p.fallback.happened())
                printLine(QStringLiteral("  ") + qualityFallbackText(p.fallback));
        }
    } else {
        ++m_failed;
        noteError(p.error);
        if (m_commandLine.json) {
            emitJson({{QStringLiteral("event"), QStringLiteral("failed")},
                      {QStringLiteral("stage"), QStringLiteral("download")},
                      {QStringLiteral("id"), double(id)},
                      {QStringLiteral("url"), url},
                      {QStringLiteral("error"), errorKindId(p.error.kind)},
                      {QStringLiteral("message"), errorKindText(p.error.kind)},
                      {QStringLiteral("detail"), p.error.detail}});
        } else {
            printLine(tr("Failed: %1: %2")
                          .arg(task->request().title.isEmpty() ? url : task->request().title,
                               errorKindText(p.error.kind)));
            if (!p.error.detail.isEmpty())
                printLine(QStringLiteral("  ") + p.error.detail);
        }
    }
    maybeFinish();
}

void HeadlessRunner::maybeFinish()
{
    if (m_finished || m_intake->isBusy() || !m_queue->isIdle())
        return;
    // Queued signals from the last task may still be on their way; finish from the event loop.
    QTimer::singleShot(0, this, [this] {
        if (!m_intake->isBusy() && m_queue->isIdle())
            finish(m_exitCode);
    });
}

void HeadlessRunner::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    if (severity(code) > severity(m_exitCode))
        m_exitCode = code;
    if (m_commandLine.json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("done")},
                  {QStringLiteral("exit_code"), m_exitCode},
                  {QStringLiteral("completed"), m_completed},
                  {QStringLiteral("failed"), m_failed}});
    }
    std::fflush(stdout);
    m_history->flush();
    QCoreApplication::exit(m_exitCode);
}

void HeadlessRunner::emitJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void HeadlessRunner::printLine(const QString &text)
{
    // Permanent lines go above the live block, which is then drawn again below them.
    if (m_terminal && m_liveLinesDrawn > 0) {
        std::fprintf(stdout, "\x1b[%dA", m_liveLinesDrawn);
        for (int i = 0; i < m_liveLinesDrawn; ++i)
            std::fputs("\x1b[2K\n", stdout);
        std::fprintf(stdout, "\x1b[%dA", m_liveLinesDrawn);
        m_liveLinesDrawn = 0;
    }
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    if (m_terminal)
        redrawLiveLines();
    std::fflush(stdout);
}

void HeadlessRunner::redrawLiveLines()
{
    if (m_liveLinesDrawn > 0)
        std::fprintf(stdout, "\x1b[%dA", m_liveLinesDrawn);
    for (quint64 id : std::as_const(m_live)) {
        const QByteArray bytes = progressLine(id).toUtf8();
        std::fputs("\x1b[2K", stdout);
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fputc('\n', stdout);
    }
    // Lines left over from a download that just ended are cleared.
    for (int i = int(m_live.size()); i < m_liveLinesDrawn; ++i)
        std::fputs("\x1b[2K\n", stdout);
    if (m_liveLinesDrawn > m_live.size())
        std::fprintf(stdout, "\x1b[%dA", m_liveLinesDrawn - int(m_live.size()));
    m_liveLinesDrawn = int(m_live.size());
    std::fflush(stdout);
}

} // namespace Gravity
