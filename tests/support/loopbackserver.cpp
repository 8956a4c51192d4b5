#include "loopbackserver.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <limits>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif
#ifdef Q_OS_LINUX
#include <linux/sockios.h>
#include <sys/ioctl.h>
#endif

#include <utility>

namespace GravityTest {

namespace {

using Fault = LoopbackServer::Fault;

// Big chunks and a deep socket queue: the server is also the far end of a benchmark against yt-dlp and must
// never be the bottleneck. QIODevice keeps chunks this large by reference, so a write is not a second copy.
constexpr qint64 kChunk = 512 * 1024;
constexpr qint64 kHighWater = 2 * 1024 * 1024;
constexpr qsizetype kMaxHead = 64 * 1024;
constexpr int kThrottleTickMs = 10;
constexpr int kResetPollMs = 5;
constexpr int kResetMaxPolls = 400; // give the client ~2 s to take the bytes before the RST

QString normalisedPath(const QString &path)
{
    return QDir::cleanPath(u'/' + path).mid(1); // "/hls//a.ts" and "hls/./a.ts" both become "hls/a.ts"
}

bool isTemplated(const QString &suffix)
{
    return suffix == u"html" || suffix == u"htm" || suffix == u"xml" || suffix == u"m3u8" ||
           suffix == u"json";
}

QByteArray contentType(const QString &suffix)
{
    static const QHash<QString, QByteArray> types = {
        {QStringLiteral("mp4"), "video/mp4"},
        {QStringLiteral("m4a"), "audio/mp4"},
        {QStringLiteral("m3u8"), "application/vnd.apple.mpegurl"},
        {QStringLiteral("ts"), "video/mp2t"},
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("htm"), "text/html; charset=utf-8"},
        {QStringLiteral("xml"), "application/rss+xml"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("txt"), "text/plain; charset=utf-8"},
        {QStringLiteral("vtt"), "text/vtt"},
        {QStringLiteral("webm"), "video/webm"},
        {QStringLiteral("mkv"), "video/x-matroska"},
        {QStringLiteral("jpg"), "image/jpeg"},
        {QStringLiteral("png"), "image/png"}};
    return types.value(suffix, QByteArrayLiteral("application/octet-stream"));
}

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> reasons = {{200, "OK"},
                                                   {206, "Partial Content"},
                                                   {400, "Bad Request"},
                                                   {403, "Forbidden"},
                                                   {404, "Not Found"},
                                                   {405, "Method Not Allowed"},
                                                   {416, "Range Not Satisfiable"},
                                                   {429, "Too Many Requests"},
                                                   {431, "Request Header Fields Too Large"},
                                                   {500, "Internal Server Error"}};
    return reasons.value(status, QByteArrayLiteral("Unknown"));
}

// The status an error fault answers with; 0 for the others.
int faultStatus(Fault fault)
{
    static const QHash<Fault, int> statuses = {{Fault::Forbidden, 403},
                                               {Fault::NotFound, 404},
                                               {Fault::TooManyRequests, 429},
                                               {Fault::ServerError, 500}};
    return statuses.value(fault);
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'").toLatin1();
}

enum class RangeKind
{
    None,
    Satisfiable,
    Unsatisfiable
};

// One "bytes=" range; a malformed header or several ranges mean "send it all", which RFC 9110 allows.
RangeKind parseRange(const QByteArray &header, qint64 size, qint64 *first, qint64 *last)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes="))
        return RangeKind::None;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0 || spec.contains(','))
        return RangeKind::None;
    const QByteArray from = spec.left(dash).trimmed();
    const QByteArray to = spec.mid(dash + 1).trimmed();
    bool ok = false;
    if (from.isEmpty()) {
        const qint64 suffix = to.toLongLong(&ok);
        if (!ok || suffix < 0)
            return RangeKind::None;
        if (suffix == 0 || size == 0)
            return RangeKind::Unsatisfiable;
        *first = qMax<qint64>(0, size - suffix);
        *last = size - 1;
        return RangeKind::Satisfiable;
    }
    *first = from.toLongLong(&ok);
    if (!ok || *first < 0)
        return RangeKind::None;
    *last = size - 1;
    if (!to.isEmpty()) {
        const qint64 end = to.toLongLong(&ok);
        if (!ok || end < *first)
            return RangeKind::None;
        *last = qMin(end, size - 1);
    }
    return *first >= size ? RangeKind::Unsatisfiable : RangeKind::Satisfiable;
}

// One client connection. Requests on it are answered one at a time, in order (keep-alive and pipelining).
struct Connection final : QObject
{
    Connection(QTcpSocket *tcp, QObject *parent)
        : QObject(parent)
        , socket(tcp)
    {
        socket->setParent(this);
    }

    QTcpSocket *socket;
    QByteArray input;
    bool parsing = false;    // inside processInput(): finishing a response must not re-enter it
    bool busy = false;       // a response is being sent
    bool closeAfter = false; // "Connection: close", HTTP/1.0, or a request we did not read to the end
    bool stalled = false;
    bool resetting = false;
    bool dead = false;
    int resetPolls = 0;
    // The body being sent: from `file` (already seeked) or from `body` at `offset`.
    QFile file;
    QByteArray body;
    qint64 offset = 0;
    qint64 remaining = 0;
    qint64 sent = 0;
    Fault fault = Fault::None;
    qint64 faultAfter = 0;
};

} // namespace

// Shared state (faults, counters, throttle) is read and written from any thread; everything else is touched
// only on the server thread.
class LoopbackServer::Worker final : public QObject
{
public:
    struct FaultSpec
    {
        Fault fault = Fault::None;
        qint64 afterBytes = 0;
    };

    QMutex mutex;
    QHash<QString, FaultSpec> faults;
    QHash<QString, QPair<QByteArray, QByteArray>> requiredHeaders; // path → lower-case name, value
    QHash<QString, int> requests;
    QHash<QString, QList<qint64>> rangeStarts; // per GET/HEAD served with a body: its first byte
    QHash<QString, std::pair<QByteArray, QByteArray>> responses; // path → body, content type
    QHash<QString, QByteArray> queries;                          // path → the latest query string
    std::atomic<qint64> bytesServed{0};
    std::atomic<qint64> throttle{0};

    bool listen(const QString &root, quint16 port);
    void shutdown(QThread *home);
    [[nodiscard]] quint16 port() const { return m_port; }

private:
    void acceptConnections();
    void processInput(Connection *c);
    void handleRequest(Connection *c, const QByteArray &head);
    void respondError(Connection *c, int status, bool headOnly);
    void startResponse(Connection *c, int status, const QByteArray &headers, qint64 length, bool headOnly);
    void pump(Connection *c);
    void finish(Connection *c);
    void resetWhenFlushed(Connection *c);
    void drop(Connection *c);
    void throttleTick();

    QString m_root;
    QByteArray m_base;
    quint16 m_port = 0;
    QTcpServer *m_server = nullptr;
    QTimer *m_throttleTimer = nullptr;
    QElapsedTimer m_throttleClock;
    qint64 m_tokens = 0;
    qint64 m_tokenCarry = 0;          // byte-nanoseconds not yet worth a whole byte
    QSet<Connection *> m_connections; // open or awaiting deleteLater()
    QSet<Connection *> m_waiting;     // out of throttle tokens
    qint64 m_pumpBudget = std::numeric_limits<qint64>::max();
};

bool LoopbackServer::Worker::listen(const QString &root, quint16 port)
{
    m_root = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    m_server = new QTcpServer(this);
    m_server->setListenBacklogSize(256);
    // Loopback only: the tests must never open a port to the network.
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        qWarning("LoopbackServer: cannot listen: %s", qPrintable(m_server->errorString()));
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_port = m_server->serverPort();
    m_base = "http://127.0.0.1:" + QByteArray::number(m_port);
    connect(m_server, &QTcpServer::newConnection, this, &Worker::acceptConnections);
    m_throttleTimer = new QTimer(this);
    m_throttleTimer->setInterval(kThrottleTickMs);
    m_throttleTimer->setTimerType(Qt::PreciseTimer);
    connect(m_throttleTimer, &QTimer::timeout, this, &Worker::throttleTick);
    return true;
}

void LoopbackServer::Worker::shutdown(QThread *home)
{
    if (m_server)
        m_server->close();
    // Dropped connections are still pending deletion: delete those too, before the thread goes.
    const QSet<Connection *> connections = std::exchange(m_connections, {});
    for (Connection *c : connections) {
        c->socket->disconnect();
        c->socket->abort();
    }
    qDeleteAll(connections);
    m_waiting.clear();
    delete m_server;
    m_server = nullptr;
    delete m_throttleTimer;
    m_throttleTimer = nullptr;
    m_port = 0;
    moveToThread(home); // back to the owner, so a later start() can push it to a new thread
}

void LoopbackServer::Worker::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection(socket, this);
        m_connections.insert(c);
        connect(c, &QObject::destroyed, this, [this, c] { m_connections.remove(c); });
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QIODevice::readyRead, c, [this, c] {
            c->input += c->socket->readAll();
            processInput(c);
        });
        connect(socket, &QIODevice::bytesWritten, c, [this, c] { pump(c); });
        connect(socket, &QAbstractSocket::disconnected, c, [this, c] { drop(c); });
        if (socket->bytesAvailable() > 0) {
            c->input += socket->readAll();
            processInput(c);
        }
    }
}

void LoopbackServer::Worker::drop(Connection *c)
{
    if (c->dead)
        return;
    c->dead = true;
    m_waiting.remove(c);
    c->deleteLater(); // callers up the stack may still hold c
}

void LoopbackServer::Worker::processInput(Connection *c)
{
    c->parsing = true;
    while (!c->dead && !c->busy && !c->stalled && !c->closeAfter) {
        const qsizetype end = c->input.indexOf("\r\n\r\n");
        if (end < 0) {
            if (c->input.size() > kMaxHead) {
                c->closeAfter = true;
                respondError(c, 431, false);
            }
            break;
        }
        const QByteArray head = c->input.left(end);
        c->input.remove(0, end + 4);
        handleRequest(c, head);
    }
    c->parsing = false;
}

void LoopbackServer::Worker::handleRequest(Connection *c, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        c->closeAfter = true;
        respondError(c, 400, false);
        return;
    }
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const QByteArray &method = requestLine.at(0);
    const QByteArray connection = headers.value("connection").toLower();
    c->closeAfter =
        requestLine.at(2) == "HTTP/1.0" ? !connection.contains("keep-alive") : connection.contains("close");
    // Request bodies are not read; closing afterwards keeps their bytes from being taken for a request.
    if (headers.value("content-length", "0").toLongLong() > 0 || headers.contains("transfer-encoding"))
        c->closeAfter = true;
    const bool headOnly = method == "HEAD";
    if (method != "GET" && !headOnly) {
        respondError(c, 405, false);
        return;
    }

    QByteArray target = requestLine.at(1);
    if (const qsizetype scheme = target.indexOf("://"); scheme >= 0) { // absolute-form, as sent to proxies
        const qsizetype slash = target.indexOf('/', scheme + 3);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    QByteArray query;
    if (const qsizetype at = target.indexOf('?'); at >= 0) {
        query = target.mid(at + 1);
        target.truncate(at);
    }
    if (const qsizetype fragment = target.indexOf('#'); fragment >= 0)
        target.truncate(fragment);
    // Decode first, then clean: "%2e%2e/" must not walk out of the root any more than "../" does.
    const QString decoded = QUrl::fromPercentEncoding(target);
    const QString full = QDir::cleanPath(m_root + u'/' + decoded);
    if (full == m_root) { // the root itself: no listings
        respondError(c, 404, headOnly);
        return;
    }
    if (decoded.contains(QChar(u'\0')) || !full.startsWith(m_root + u'/')) {
        respondError(c, 403, headOnly);
        return;
    }
    const QString relative = full.mid(m_root.size() + 1);
    FaultSpec fault;
    std::optional<std::pair<QByteArray, QByteArray>> response;
    bool headerMissing = false;
    {
        QMutexLocker lock(&mutex);
        ++requests[relative];
        queries.insert(relative, query);
        fault = faults.value(relative);
        if (const auto found = responses.constFind(relative); found != responses.cend())
            response = *found;
        if (const auto required = requiredHeaders.constFind(relative); required != requiredHeaders.cend())
            headerMissing = headers.value(required->first) != required->second;
    }
    if (headerMissing) {
        respondError(c, 403, headOnly);
        return;
    }
    if (const int status = faultStatus(fault.fault)) {
        respondError(c, status, headOnly);
        return;
    }
    if (response) {
        c->file.close();
        c->body = response->first;
        c->offset = 0;
        startResponse(c, 200, "Content-Type: " + response->second + "\r\n", c->body.size(), headOnly);
        return;
    }

    const QFileInfo info(full);
    const QString canonicalRoot = QFileInfo(m_root).canonicalFilePath();
    if (!info.isFile() || !info.canonicalFilePath().startsWith(canonicalRoot + u'/')) {
        respondError(c, 404, headOnly);
        return;
    }
    const QString suffix = info.suffix().toLower();
    c->file.setFileName(full);
    if (!c->file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        respondError(c, 403, headOnly);
        return;
    }
    qint64 size = c->file.size();
    if (isTemplated(suffix)) {
        c->body = c->file.readAll().replace("{{BASE}}", m_base);
        c->file.close();
        size = c->body.size();
    }

    QByteArray headers200 = "Content-Type: " + contentType(suffix) +
                            "\r\nAccept-Ranges: bytes\r\nLast-Modified: " + httpDate(info.lastModified()) +
                            "\r\n";
    qint64 first = 0;
    qint64 last = size - 1;
    int status = 200;
    switch (headers.contains("range") ? parseRange(headers.value("range"), size, &first, &last)
                                      : RangeKind::None) {
    case RangeKind::None:
        break;
    case RangeKind::Satisfiable:
        status = 206;
        headers200 += "Content-Range: bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) +
                      '/' + QByteArray::number(size) + "\r\n";
        break;
    case RangeKind::Unsatisfiable:
        c->file.close();
        c->body = reasonPhrase(416) + '\n';
        c->offset = 0;
        startResponse(
            c, 416, "Content-Type: text/plain\r\nContent-Range: bytes */" + QByteArray::number(size) + "\r\n",
            c->body.size(), headOnly);
        return;
    }
    if (c->file.isOpen())
        c->file.seek(first);
    c->offset = first;
    {
        QMutexLocker lock(&mutex);
        rangeStarts[relative].append(status == 206 ? first : 0);
    }
    if (fault.fault == Fault::StallAfter || fault.fault == Fault::ResetAfter) {
        c->fault = fault.fault;
        c->faultAfter = fault.afterBytes;
    }
    startResponse(c, status, headers200, last - first + 1, headOnly);
}

void LoopbackServer::Worker::respondError(Connection *c, int status, bool headOnly)
{
    c->file.close();
    c->body = reasonPhrase(status) + '\n';
    c->offset = 0;
    QByteArray headers = "Content-Type: text/plain\r\n";
    if (status == 405)
        headers += "Allow: GET, HEAD\r\n";
    startResponse(c, status, headers, c->body.size(), headOnly);
}

void LoopbackServer::Worker::startResponse(Connection *c, int status, const QByteArray &headers,
                                           qint64 length, bool headOnly)
{
    const QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n" + headers +
        "Content-Length: " + QByteArray::number(length) +
        (c->closeAfter ? "\r\nConnection: close\r\n\r\n" : "\r\nConnection: keep-alive\r\n\r\n");
    c->socket->write(head);
    c->busy = true;
    c->sent = 0;
    c->remaining = headOnly ? 0 : length;
    pump(c);
}

void LoopbackServer::Worker::pump(Connection *c)
{
    if (c->dead || !c->busy || c->stalled || c->resetting)
        return;
    const bool cut = c->fault == Fault::StallAfter || c->fault == Fault::ResetAfter;
    qint64 budget = m_pumpBudget; // a throttle tick's fair share, so one fast stream cannot starve the rest
    for (;;) {
        qint64 n = cut ? qMin(c->remaining, c->faultAfter - c->sent) : c->remaining;
        if (n <= 0)
            break;
        if (c->socket->bytesToWrite() >= kHighWater)
            return; // bytesWritten() calls back
        n = qMin(n, kChunk);
        if (throttle.load(std::memory_order_relaxed) > 0) {
            if (m_tokens <= 0 || budget <= 0) {
                m_waiting.insert(c);
                if (!m_throttleTimer->isActive()) {
                    m_throttleClock.start();
                    m_throttleTimer->start();
                }
                return;
            }
            n = qMin(n, qMin(m_tokens, budget));
        }
        const QByteArray chunk = c->file.isOpen() ? c->file.read(n) : c->body.mid(c->offset, n);
        if (chunk.isEmpty()) { // the file shrank under us: nothing honest left to send
            c->socket->abort();
            return;
        }
        if (throttle.load(std::memory_order_relaxed) > 0) {
            m_tokens -= chunk.size();
            budget -= chunk.size();
        }
        c->offset += chunk.size();
        c->sent += chunk.size();
        c->remaining -= chunk.size();
        bytesServed.fetch_add(chunk.size(), std::memory_order_relaxed);
        c->socket->write(chunk);
    }
    if (c->remaining <= 0) {
        finish(c);
        return;
    }
    if (c->fault == Fault::StallAfter) {
        c->stalled = true; // keep the socket open, say nothing more, until the server stops
        return;
    }
    c->resetting = true;
    resetWhenFlushed(c);
}

void LoopbackServer::Worker::finish(Connection *c)
{
    c->busy = false;
    c->file.close();
    c->body.clear();
    c->fault = Fault::None;
    if (c->closeAfter) {
        c->socket->disconnectFromHost(); // after the queued bytes are written
        return;
    }
    if (!c->parsing)
        processInput(c);
}

// A reset must come after the client has the promised bytes, or it truncates them too: wait until Qt's buffer
// and the kernel's send queue are empty (the peer has acknowledged everything), then close with SO_LINGER 0.
void LoopbackServer::Worker::resetWhenFlushed(Connection *c)
{
    if (c->dead)
        return;
    qint64 unacknowledged = c->socket->bytesToWrite();
#ifdef Q_OS_LINUX
    int queued = 0;
    if (::ioctl(int(c->socket->socketDescriptor()), SIOCOUTQ, &queued) == 0)
        unacknowledged += queued;
#endif
    if (unacknowledged > 0 && ++c->resetPolls < kResetMaxPolls) {
        QTimer::singleShot(kResetPollMs, c, [this, c] { resetWhenFlushed(c); });
        return;
    }
#ifdef Q_OS_UNIX
    const linger hard{1, 0};
    ::setsockopt(int(c->socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
    c->socket->abort();
}

void LoopbackServer::Worker::throttleTick()
{
    const qint64 rate = throttle.load(std::memory_order_relaxed);
    if (rate > 0) {
        const qint64 credit = rate * m_throttleClock.nsecsElapsed() + m_tokenCarry;
        m_throttleClock.restart();
        m_tokens = qMin(m_tokens + credit / 1'000'000'000, qMax<qint64>(rate / 20, 1)); // at most 50 ms burst
        m_tokenCarry = credit % 1'000'000'000;
    }
    const QSet<Connection *> waiting = std::exchange(m_waiting, {});
    m_pumpBudget = waiting.isEmpty() ? m_tokens : qMax<qint64>(1, m_tokens / waiting.size());
    for (Connection *c : waiting)
        pump(c); // may queue itself again
    m_pumpBudget = std::numeric_limits<qint64>::max();
    if (m_waiting.isEmpty())
        m_throttleTimer->stop();
}

LoopbackServer::LoopbackServer(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
{}

LoopbackServer::~LoopbackServer()
{
    stop();
    delete m_worker;
}

bool LoopbackServer::start(const QString &rootDir, quint16 port)
{
    stop();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("LoopbackServer"));
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_worker, [&] { listening = m_worker->listen(rootDir, port); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        stop();
        return false;
    }
    m_port = m_worker->port();
    return true;
}

void LoopbackServer::stop()
{
    if (!m_thread)
        return;
    QThread *home = QThread::currentThread();
    QMetaObject::invokeMethod(
        m_worker, [this, home] { m_worker->shutdown(home); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_port = 0;
}

quint16 LoopbackServer::port() const
{
    return m_port;
}

QString LoopbackServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:") + QString::number(m_port);
}

QUrl LoopbackServer::url(const QString &path) const
{
    if (path.startsWith(u'/'))
        return QUrl(baseUrl() + path);
    return QUrl(baseUrl() + u'/' + path);
}

void LoopbackServer::setFault(const QString &path, Fault fault, qint64 afterBytes)
{
    QMutexLocker lock(&m_worker->mutex);
    if (fault == Fault::None)
        m_worker->faults.remove(normalisedPath(path));
    else
        m_worker->faults.insert(normalisedPath(path), {fault, afterBytes});
}

void LoopbackServer::requireHeader(const QString &path, const QByteArray &header, const QByteArray &value)
{
    QMutexLocker lock(&m_worker->mutex);
    m_worker->requiredHeaders.insert(normalisedPath(path), {header.toLower(), value});
}

void LoopbackServer::clearFaults()
{
    QMutexLocker lock(&m_worker->mutex);
    m_worker->faults.clear();
    m_worker->requiredHeaders.clear();
}

void LoopbackServer::setResponse(const QString &path, const QByteArray &body, const QByteArray &contentType)
{
    QMutexLocker lock(&m_worker->mutex);
    m_worker->responses.insert(normalisedPath(path), {body, contentType});
}

void LoopbackServer::clearResponses()
{
    QMutexLocker lock(&m_worker->mutex);
    m_worker->responses.clear();
}

QByteArray LoopbackServer::lastQuery(const QString &path) const
{
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->queries.value(normalisedPath(path));
}

void LoopbackServer::setThrottle(qint64 bytesPerSecond)
{
    m_worker->throttle.store(qMax<qint64>(0, bytesPerSecond));
}

qint64 LoopbackServer::bytesServed() const
{
    return m_worker->bytesServed.load();
}

int LoopbackServer::requestCount(const QString &path) const
{
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->requests.value(normalisedPath(path));
}

QList<qint64> LoopbackServer::rangeStarts(const QString &path) const
{
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->rangeStarts.value(normalisedPath(path));
}

} // namespace GravityTest
