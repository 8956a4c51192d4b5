#pragma once

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>

class QThread;

namespace GravityTest {

// A small HTTP/1.1 server for tests, bound to 127.0.0.1 only, serving files from a folder. It runs on its own
// thread so it keeps answering while a test blocks or spins its own event loop.
//
// - GET and HEAD, Range requests (206 with Content-Range; 416 when unsatisfiable), Content-Length,
// keep-alive.
// - Text files (.html, .xml, .m3u8, .json) have "{{BASE}}" replaced by the server's base URL
//   ("http://127.0.0.1:PORT") so pages, feeds and playlists can link to each other.
// - Faults per path, for the error paths: answer 403/404/429/500, stall mid-body, reset the connection
// mid-body; or 403 unless a request carries a given header.
// - A throttle (bytes per second, all connections together) to make downloads slow enough to cancel or pause.
class LoopbackServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackServer)

public:
    enum class Fault
    {
        None,
        Forbidden,       // 403
        NotFound,        // 404
        TooManyRequests, // 429
        ServerError,     // 500
        StallAfter,      // send `afterBytes` of the body, then send nothing more (keep the socket open)
        ResetAfter,      // send `afterBytes` of the body, then abort the connection (RST)
    };

    explicit LoopbackServer(QObject *parent = nullptr);
    ~LoopbackServer() override;

    // Starts serving rootDir on 127.0.0.1; port 0 picks a free one. Returns false if it cannot listen.
    bool start(const QString &rootDir, quint16 port = 0);
    void stop();

    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString baseUrl() const; // "http://127.0.0.1:PORT"
    [[nodiscard]] QUrl
    url(const QString &path) const; // path relative to the root, with or without leading '/'

    // path is relative to the root, e.g. "clip.mp4". A fault applies to every later request for that path.
    void setFault(const QString &path, Fault fault, qint64 afterBytes = 0);
    // Requests for `path` without `header: value` (the name in any case, the value exactly) get 403, as a CDN
    // that checks the Referer answers. Cleared with the faults.
    void requireHeader(const QString &path, const QByteArray &header, const QByteArray &value);
    void clearFaults();
    // A fixed answer (200, the body, contentType) for `path`, whatever its query string: an API's reply
    // (SponsorBlock's skipSegments) or a small file no fixture holds. Faults still come first.
    void setResponse(const QString &path, const QByteArray &body,
                     const QByteArray &contentType = QByteArrayLiteral("application/json"));
    void clearResponses();
    // The query string ("a=1&b=2", still percent-encoded) of the latest request for `path`.
    [[nodiscard]] QByteArray lastQuery(const QString &path) const;
    // 0 turns the throttle off.
    void setThrottle(qint64 bytesPerSecond);

    [[nodiscard]] qint64 bytesServed() const;
    [[nodiscard]] int requestCount(const QString &path) const;
    // The first byte of each response to `path` (0 for a whole file, the start of a Range otherwise): a
    // download that continues a partial file asks from where it stopped.
    [[nodiscard]] QList<qint64> rangeStarts(const QString &path) const;

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
    quint16 m_port = 0;
};

} // namespace GravityTest
