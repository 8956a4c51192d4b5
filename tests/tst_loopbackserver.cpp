// The loopback server the integration tests download from: if it lies, every test above it lies too.
#include "loopbackserver.h"
#include "mediafixtures.h"
#include "testhelpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace GravityTest;
using Fault = LoopbackServer::Fault;

namespace {

constexpr qint64 kDataSize = 200 * 1024;

struct Fetched
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 elapsedMs = 0;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int statusOf(const QByteArray &rawResponse)
{
    // "HTTP/1.1 404 Not Found\r\n..."
    return rawResponse.startsWith("HTTP/1.") ? rawResponse.mid(9, 3).toInt() : 0;
}

} // namespace

class TestLoopbackServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void getReturnsTheWholeFileByteForByte();
    void headReturnsTheHeadersWithoutABody();
    void contentTypeFollowsTheExtension_data();
    void contentTypeFollowsTheExtension();
    void rangeReturnsExactlyThoseBytes_data();
    void rangeReturnsExactlyThoseBytes();
    void rangePastTheEndIs416();
    void missingFileIs404();
    void aFixedResponseAnswersWhateverTheQuery();
    void pathsOutsideTheRootAreNeverServed_data();
    void pathsOutsideTheRootAreNeverServed();
    void baseIsSubstitutedInTextFiles_data();
    void baseIsSubstitutedInTextFiles();
    void rangeAppliesToTheSubstitutedText();
    void errorFaultsAnswerTheirStatus_data();
    void errorFaultsAnswerTheirStatus();
    void aRequiredHeaderIsCheckedForItsPathOnly();
    void stallAfterSendsExactlyThatMuchThenNothing();
    void resetAfterTruncatesTheBodyWithAnError();
    void throttleMakesADownloadTakeTime();
    void keepAliveServesSeveralRequestsOnOneConnection();
    void connectionCloseClosesAfterTheResponse();
    void eightParallelDownloadsAllArriveIntact();
    void countsRequestsAndBodyBytes();
    void restartsAfterStop();
    void mediaFixturesExistAndAreValid();

private:
    Fetched fetch(const QUrl &url, const QByteArray &verb = "GET", const QByteArray &range = {});
    QByteArray rawExchange(const QByteArray &request);

    QTemporaryDir m_dir;
    QString m_root;
    QByteArray m_data;
    QNetworkAccessManager m_nam;
    std::unique_ptr<LoopbackServer> m_server;
};

void TestLoopbackServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("root"));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/sub")));
    m_data.resize(kDataSize);
    QRandomGenerator generator(42);
    for (char &byte : m_data)
        byte = char(generator.bounded(256));
    QVERIFY(writeFile(m_root + QStringLiteral("/data.bin"), m_data));
    QVERIFY(writeFile(m_root + QStringLiteral("/sub/inner.bin"), m_data.left(1000)));
    QVERIFY(writeFile(m_root + QStringLiteral("/plain.txt"), "left alone: {{BASE}}\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/page.html"), "<video src=\"{{BASE}}/clip.mp4\"></video>\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/feed.xml"), "<enclosure url=\"{{BASE}}/clip1.mp4\"/>\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/list.m3u8"), "#EXTM3U\n{{BASE}}/a.ts\n{{BASE}}/b.ts\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/info.json"), "{\"url\": \"{{BASE}}/clip.mp4\"}\n"));
    for (const char *name : {"a.mp4", "a.m3u8", "a.ts", "a.html", "a.xml", "a.json", "a.m4a", "a.bin"})
        QVERIFY(writeFile(m_root + u'/' + QLatin1String(name), "x"));
    // A real file one level above the root, for the traversal attempts to find if they ever got out.
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("secret.txt")), "SECRET\n"));
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestLoopbackServer::init()
{
    m_server = std::make_unique<LoopbackServer>();
    QVERIFY(m_server->start(m_root));
    QVERIFY(m_server->port() > 0);
    QCOMPARE(m_server->baseUrl(), QStringLiteral("http://127.0.0.1:") + QString::number(m_server->port()));
}

void TestLoopbackServer::cleanup()
{
    m_server.reset(); // stops the thread, even with a stalled connection still open
}

Fetched TestLoopbackServer::fetch(const QUrl &url, const QByteArray &verb, const QByteArray &range)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!range.isEmpty())
        request.setRawHeader("Range", range);
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> reply(verb == "HEAD" ? m_nam.head(request) : m_nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Fetched result;
    result.finished = finished.wait(30'000);
    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    return result;
}

// Talks HTTP by hand, for what QNetworkAccessManager would tidy away (dot segments, connection reuse).
QByteArray TestLoopbackServer::rawExchange(const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray response;
    while (socket.waitForReadyRead(5000))
        response += socket.readAll();
    return response + socket.readAll();
}

void TestLoopbackServer::getReturnsTheWholeFileByteForByte()
{
    const Fetched got = fetch(m_server->url(QStringLiteral("data.bin")));
    QVERIFY(got.finished);
    QCOMPARE(got.error, QNetworkReply::NoError);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body.size(), m_data.size());
    QVERIFY(got.body == m_data);
    QCOMPARE(got.headers.value("content-length"), QByteArray::number(kDataSize));
    QCOMPARE(got.headers.value("accept-ranges"), QByteArray("bytes"));
    QVERIFY(fetch(m_server->url(QStringLiteral("/sub/inner.bin"))).body == m_data.left(1000));
}

void TestLoopbackServer::headReturnsTheHeadersWithoutABody()
{
    const Fetched got = fetch(m_server->url(QStringLiteral("data.bin")), "HEAD");
    QVERIFY(got.finished);
    QCOMPARE(got.status, 200);
    QVERIFY(got.body.isEmpty());
    QCOMPARE(got.headers.value("content-length"), QByteArray::number(kDataSize));
    QCOMPARE(m_server->bytesServed(), qint64(0));
    // The connection is still good for a GET afterwards.
    QVERIFY(fetch(m_server->url(QStringLiteral("data.bin"))).body == m_data);
}

void TestLoopbackServer::contentTypeFollowsTheExtension_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("mp4 is video/mp4") << QStringLiteral("a.mp4") << QByteArray("video/mp4");
    QTest::newRow("m3u8 is an Apple playlist")
        << QStringLiteral("a.m3u8") << QByteArray("application/vnd.apple.mpegurl");
    QTest::newRow("ts is MPEG-TS") << QStringLiteral("a.ts") << QByteArray("video/mp2t");
    QTest::newRow("html is UTF-8 HTML") << QStringLiteral("a.html") << QByteArray("text/html; charset=utf-8");
    QTest::newRow("xml is an RSS feed") << QStringLiteral("a.xml") << QByteArray("application/rss+xml");
    QTest::newRow("json is JSON") << QStringLiteral("a.json") << QByteArray("application/json");
    QTest::newRow("m4a is audio/mp4") << QStringLiteral("a.m4a") << QByteArray("audio/mp4");
    QTest::newRow("anything else is octet-stream")
        << QStringLiteral("a.bin") << QByteArray("application/octet-stream");
}

void TestLoopbackServer::contentTypeFollowsTheExtension()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, type);
    const Fetched got = fetch(m_server->url(file), "HEAD");
    QCOMPARE(got.status, 200);
    QCOMPARE(got.headers.value("content-type"), type);
}

void TestLoopbackServer::rangeReturnsExactlyThoseBytes_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("bytes 100 to 199") << QByteArray("bytes=100-199") << qint64(100) << qint64(199);
    QTest::newRow("open-ended from 100") << QByteArray("bytes=100-") << qint64(100) << kDataSize - 1;
    QTest::newRow("the last 100 bytes") << QByteArray("bytes=-100") << kDataSize - 100 << kDataSize - 1;
    QTest::newRow("a single byte") << QByteArray("bytes=0-0") << qint64(0) << qint64(0);
    QTest::newRow("an end past the file is clamped")
        << QByteArray("bytes=1000-99999999") << qint64(1000) << kDataSize - 1;
}

void TestLoopbackServer::rangeReturnsExactlyThoseBytes()
{
    QFETCH(QByteArray, range);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const Fetched got = fetch(m_server->url(QStringLiteral("data.bin")), "GET", range);
    QVERIFY(got.finished);
    QCOMPARE(got.error, QNetworkReply::NoError);
    QCOMPARE(got.status, 206);
    QCOMPARE(qint64(got.body.size()), last - first + 1);
    QVERIFY(got.body == m_data.mid(first, last - first + 1));
    QCOMPARE(got.headers.value("content-range"),
             QByteArray("bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/' +
                        QByteArray::number(kDataSize)));
    QCOMPARE(got.headers.value("content-length"), QByteArray::number(last - first + 1));
}

void TestLoopbackServer::rangePastTheEndIs416()
{
    const Fetched got = fetch(m_server->url(QStringLiteral("data.bin")), "GET",
                              "bytes=" + QByteArray::number(kDataSize) + '-');
    QVERIFY(got.finished);
    QCOMPARE(got.status, 416);
    QCOMPARE(got.headers.value("content-range"), QByteArray("bytes */" + QByteArray::number(kDataSize)));
}

void TestLoopbackServer::missingFileIs404()
{
    const Fetched got = fetch(m_server->url(QStringLiteral("no-such-file.mp4")));
    QVERIFY(got.finished);
    QCOMPARE(got.status, 404);
    QCOMPARE(got.error, QNetworkReply::ContentNotFoundError);
    QCOMPARE(fetch(m_server->url(QStringLiteral("sub"))).status, 404); // a folder is not a file
}

void TestLoopbackServer::aFixedResponseAnswersWhateverTheQuery()
{
    m_server->setResponse(QStringLiteral("api/skipSegments/abcd"), "[{\"videoID\":\"x\"}]");
    const Fetched got =
        fetch(QUrl(m_server->baseUrl() + QStringLiteral("/api/skipSegments/abcd?service=YouTube&c=%5B%5D")));
    QVERIFY(got.finished);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, QByteArray("[{\"videoID\":\"x\"}]"));
    QCOMPARE(got.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(m_server->lastQuery(QStringLiteral("api/skipSegments/abcd")),
             QByteArray("service=YouTube&c=%5B%5D"));
    // It can stand in for a file too, and faults still come first.
    m_server->setResponse(QStringLiteral("data.bin"), "short", "text/plain");
    QCOMPARE(fetch(m_server->url(QStringLiteral("data.bin"))).body, QByteArray("short"));
    m_server->setFault(QStringLiteral("data.bin"), LoopbackServer::Fault::NotFound);
    QCOMPARE(fetch(m_server->url(QStringLiteral("data.bin"))).status, 404);
    m_server->clearFaults();
    m_server->clearResponses();
    QVERIFY(fetch(m_server->url(QStringLiteral("data.bin"))).body == m_data);
    QCOMPARE(fetch(m_server->url(QStringLiteral("api/skipSegments/abcd"))).status, 404);
}

void TestLoopbackServer::pathsOutsideTheRootAreNeverServed_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("dot-dot to a sibling file") << QByteArray("/../secret.txt");
    QTest::newRow("dot-dot to /etc/passwd") << QByteArray("/../../etc/passwd");
    QTest::newRow("many dot-dots") << QByteArray("/../../../../../../../../etc/passwd");
    QTest::newRow("percent-encoded dots") << QByteArray("/%2e%2e/secret.txt");
    QTest::newRow("upper-case percent-encoded dots") << QByteArray("/%2E%2E/%2E%2E/etc/passwd");
    QTest::newRow("percent-encoded slash") << QByteArray("/..%2fsecret.txt");
    QTest::newRow("down then up past the root") << QByteArray("/sub/../../secret.txt");
    QTest::newRow("no leading slash") << QByteArray("../secret.txt");
    QTest::newRow("double slash to /etc") << QByteArray("//etc/passwd");
    QTest::newRow("a NUL byte") << QByteArray("/data.bin%00.txt");
    QTest::newRow("absolute-form with dot-dots") << QByteArray("http://127.0.0.1/../secret.txt");
}

void TestLoopbackServer::pathsOutsideTheRootAreNeverServed()
{
    QFETCH(QByteArray, target);
    const QByteArray response =
        rawExchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const int status = statusOf(response);
    QVERIFY2(status == 403 || status == 404, response.left(200).constData());
    QVERIFY(!response.contains("SECRET"));
    QVERIFY(!response.contains("root:"));
}

void TestLoopbackServer::baseIsSubstitutedInTextFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected"); // with %BASE% standing for the base URL
    QTest::addColumn<bool>("substituted");
    QTest::newRow("html page") << QStringLiteral("page.html")
                               << QStringLiteral("<video src=\"%BASE%/clip.mp4\">") << true;
    QTest::newRow("rss feed") << QStringLiteral("feed.xml") << QStringLiteral("url=\"%BASE%/clip1.mp4\"")
                              << true;
    QTest::newRow("hls playlist") << QStringLiteral("list.m3u8") << QStringLiteral("%BASE%/a.ts\n%BASE%/b.ts")
                                  << true;
    QTest::newRow("json") << QStringLiteral("info.json") << QStringLiteral("\"%BASE%/clip.mp4\"") << true;
    QTest::newRow("plain text is left alone")
        << QStringLiteral("plain.txt") << QStringLiteral("{{BASE}}") << false;
}

void TestLoopbackServer::baseIsSubstitutedInTextFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QFETCH(bool, substituted);
    const Fetched got = fetch(m_server->url(file));
    QCOMPARE(got.status, 200);
    const QString body = QString::fromUtf8(got.body);
    QVERIFY2(body.contains(QString(expected).replace(QStringLiteral("%BASE%"), m_server->baseUrl())),
             qPrintable(body));
    QCOMPARE(body.contains(QStringLiteral("{{BASE}}")), !substituted);
    QCOMPARE(got.headers.value("content-length"), QByteArray::number(got.body.size()));
}

void TestLoopbackServer::rangeAppliesToTheSubstitutedText()
{
    const QByteArray whole = fetch(m_server->url(QStringLiteral("page.html"))).body;
    const Fetched got = fetch(m_server->url(QStringLiteral("page.html")), "GET", "bytes=12-40");
    QCOMPARE(got.status, 206);
    QCOMPARE(got.body, whole.mid(12, 29));
    QCOMPARE(got.headers.value("content-range"),
             QByteArray("bytes 12-40/" + QByteArray::number(whole.size())));
}

void TestLoopbackServer::errorFaultsAnswerTheirStatus_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("status");
    QTest::newRow("forbidden") << Fault::Forbidden << 403;
    QTest::newRow("not found although the file exists") << Fault::NotFound << 404;
    QTest::newRow("too many requests") << Fault::TooManyRequests << 429;
    QTest::newRow("server error") << Fault::ServerError << 500;
}

void TestLoopbackServer::errorFaultsAnswerTheirStatus()
{
    QFETCH(Fault, fault);
    QFETCH(int, status);
    m_server->setFault(QStringLiteral("/data.bin"), fault);
    const Fetched got = fetch(m_server->url(QStringLiteral("data.bin")));
    QVERIFY(got.finished);
    QCOMPARE(got.status, status);
    QVERIFY(got.error != QNetworkReply::NoError);
    QVERIFY(got.body.size() < 100);
    QCOMPARE(fetch(m_server->url(QStringLiteral("data.bin")), "HEAD").status, status);
    // Other paths are not affected, and clearing brings the file back.
    QCOMPARE(fetch(m_server->url(QStringLiteral("plain.txt"))).status, 200);
    m_server->clearFaults();
    QVERIFY(fetch(m_server->url(QStringLiteral("data.bin"))).body == m_data);
}

void TestLoopbackServer::aRequiredHeaderIsCheckedForItsPathOnly()
{
    m_server->requireHeader(QStringLiteral("data.bin"), "Referer", "https://www.bilibili.com/");
    const auto get = [this](const QByteArray &extraHeaders) {
        return statusOf(rawExchange("GET /data.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders +
                                    "Connection: close\r\n\r\n"));
    };
    QCOMPARE(get({}), 403);
    QCOMPARE(get("Referer: https://www.bilibili.com/video/BV1\r\n"), 403);
    QCOMPARE(get("referer: https://www.bilibili.com/\r\n"), 200); // names are case-insensitive
    QCOMPARE(fetch(m_server->url(QStringLiteral("plain.txt"))).status, 200);
    m_server->clearFaults();
    QCOMPARE(get({}), 200);
}

void TestLoopbackServer::stallAfterSendsExactlyThatMuchThenNothing()
{
    m_server->setFault(QStringLiteral("data.bin"), Fault::StallAfter, 1000);
    QNetworkRequest request(m_server->url(QStringLiteral("data.bin")));
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QByteArray received;
    connect(reply.get(), &QIODevice::readyRead, this, [&] { received += reply->readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), qsizetype(1000), 10'000);
    QTest::qWait(1200);
    QCOMPARE(received.size(), qsizetype(1000));
    QVERIFY(!reply->isFinished());
    QVERIFY(received == m_data.left(1000));
    reply->abort();

    // A stalled connection stays open until the server stops, and stopping does not hang on it.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /data.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray response;
    while (!response.endsWith(m_data.left(1000)) && socket.waitForReadyRead(5000))
        response += socket.readAll();
    QVERIFY(response.endsWith(m_data.left(1000)));
    QVERIFY(!socket.waitForReadyRead(500));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    m_server->stop();
    QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(5000));
}

void TestLoopbackServer::resetAfterTruncatesTheBodyWithAnError()
{
    m_server->setFault(QStringLiteral("data.bin"), Fault::ResetAfter, 5000);
    // By hand: the promised length in the headers, exactly 5000 bytes of body, then the connection is gone.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /data.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(5000))
        response += socket.readAll();
    response += socket.readAll();
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(socket.error(), QAbstractSocket::RemoteHostClosedError);
    QVERIFY(response.contains(QByteArray("Content-Length: " + QByteArray::number(kDataSize) + "\r\n")));
    const QByteArray body = response.mid(response.indexOf("\r\n\r\n") + 4);
    QCOMPARE(body.size(), qsizetype(5000));
    QVERIFY(body == m_data.left(5000));

    // Through Qt's client: a truncated body. (Qt usually reports RemoteHostClosedError, but now and then
    // takes the reset for the end of the body, so the truncation is what is checked.)
    const Fetched got = fetch(m_server->url(QStringLiteral("data.bin")));
    QVERIFY(got.finished);
    QVERIFY2(got.body.size() <= 5000, QByteArray::number(got.body.size()).constData());
    QVERIFY(got.body == m_data.left(got.body.size()));
    QCOMPARE(m_server->requestCount(QStringLiteral("data.bin")), 2);
}

void TestLoopbackServer::throttleMakesADownloadTakeTime()
{
    m_server->setThrottle(100 * 1000);
    const Fetched slow = fetch(m_server->url(QStringLiteral("data.bin")));
    QVERIFY(slow.finished);
    QVERIFY(slow.body == m_data);
    // 200 KiB at 100 kB/s is about two seconds; only assert that it was clearly not instantaneous.
    QVERIFY2(slow.elapsedMs > 1000, QByteArray::number(slow.elapsedMs).constData());
    m_server->setThrottle(0);
    const Fetched fast = fetch(m_server->url(QStringLiteral("data.bin")));
    QVERIFY(fast.body == m_data);
    QVERIFY(fast.elapsedMs < slow.elapsedMs);
}

void TestLoopbackServer::keepAliveServesSeveralRequestsOnOneConnection()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray expected = readFile(m_root + QStringLiteral("/plain.txt"));
    for (int i = 0; i < 3; ++i) {
        socket.write("GET /plain.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray response;
        while (!response.endsWith(expected) && socket.waitForReadyRead(5000))
            response += socket.readAll();
        QCOMPARE(statusOf(response), 200);
        QVERIFY(response.contains("Connection: keep-alive"));
        QVERIFY(response.endsWith(QByteArray("\r\n\r\n" + expected)));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
    // Pipelined: two requests in one write, answered in order on the same connection.
    const QByteArray both =
        rawExchange("GET /plain.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    "GET /sub/inner.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QCOMPARE(both.count("HTTP/1.1 200 OK"), qsizetype(2));
    QVERIFY(both.endsWith(m_data.left(1000)));
    QCOMPARE(m_server->requestCount(QStringLiteral("plain.txt")), 4);
}

void TestLoopbackServer::connectionCloseClosesAfterTheResponse()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /data.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(5000))
        response += socket.readAll();
    response += socket.readAll();
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(response.contains("Connection: close"));
    QVERIFY(response.endsWith(m_data));
    // HTTP/1.0 without keep-alive closes too.
    QVERIFY(rawExchange("GET /plain.txt HTTP/1.0\r\n\r\n").startsWith("HTTP/1.1 200 OK"));
}

void TestLoopbackServer::eightParallelDownloadsAllArriveIntact()
{
    // Each on its own manager, so Qt's six-connections-per-host limit does not serialise them.
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<QNetworkReply>> replies; // destroyed before their managers
    for (int i = 0; i < 8; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        managers.back()->setProxy(QNetworkProxy::NoProxy);
        replies.emplace_back(
            managers.back()->get(QNetworkRequest(m_server->url(QStringLiteral("data.bin")))));
    }
    for (const auto &reply : replies) {
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(reply->readAll() == m_data);
    }
    QCOMPARE(m_server->requestCount(QStringLiteral("data.bin")), 8);
}

void TestLoopbackServer::countsRequestsAndBodyBytes()
{
    QCOMPARE(m_server->requestCount(QStringLiteral("data.bin")), 0);
    QCOMPARE(m_server->bytesServed(), qint64(0));
    QVERIFY(fetch(m_server->url(QStringLiteral("data.bin"))).body == m_data);
    QCOMPARE(fetch(m_server->url(QStringLiteral("data.bin")), "GET", "bytes=0-99").status, 206);
    QCOMPARE(fetch(m_server->url(QStringLiteral("data.bin")), "HEAD").status, 200);
    QCOMPARE(fetch(m_server->url(QStringLiteral("plain.txt"))).status, 200);
    QCOMPARE(m_server->requestCount(QStringLiteral("data.bin")), 3);
    QCOMPARE(m_server->requestCount(QStringLiteral("/data.bin")), 3);
    QCOMPARE(m_server->requestCount(QStringLiteral("plain.txt")), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("never-asked.mp4")), 0);
    QCOMPARE(m_server->bytesServed(),
             kDataSize + 100 + QFileInfo(m_root + QStringLiteral("/plain.txt")).size());
}

void TestLoopbackServer::restartsAfterStop()
{
    m_server->stop();
    QCOMPARE(m_server->port(), quint16(0));
    QVERIFY(m_server->start(m_root));
    QVERIFY(fetch(m_server->url(QStringLiteral("data.bin"))).body == m_data);
}

void TestLoopbackServer::mediaFixturesExistAndAreValid()
{
    QString error;
    const QString media = MediaFixtures::fromEnvironment(&error);
    QVERIFY2(!media.isEmpty(), qPrintable(error));

    const QStringList clip = probeStreams(media + QStringLiteral("/clip.mp4"));
    QVERIFY2(clip.contains(QStringLiteral("video:640x360")), qPrintable(clip.join(u' ')));
    QVERIFY2(clip.contains(QStringLiteral("audio")), qPrintable(clip.join(u' ')));
    QVERIFY(probeStreams(media + QStringLiteral("/slow.mp4")).contains(QStringLiteral("video:640x360")));
    QVERIFY(QFileInfo(media + QStringLiteral("/slow.mp4")).size() > 6 * 1024 * 1024);
    QCOMPARE(probeStreams(media + QStringLiteral("/hls/v720_000.ts")),
             QStringList{QStringLiteral("video:1280x720")});
    for (const char *name : {"page.html", "slow.html", "feed.xml", "clip1.mp4", "clip2.mp4", "clip3.mp4",
                             "hls/v360.m3u8", "hls/v720.m3u8", "hls/audio.m3u8"})
        QVERIFY2(QFileInfo::exists(media + u'/' + QLatin1String(name)), name);

    const QByteArray master = readFile(media + QStringLiteral("/hls/master.m3u8"));
    QVERIFY(master.startsWith("#EXTM3U"));
    QVERIFY(master.contains("\nv360.m3u8"));
    QVERIFY(master.contains("\nv720.m3u8"));
    QVERIFY(master.contains("URI=\"audio.m3u8\""));

    // Served from the fixtures folder: the mp4 byte for byte, the page and feed pointing back at the server.
    LoopbackServer server;
    QVERIFY(server.start(media));
    const Fetched mp4 = fetch(server.url(QStringLiteral("clip.mp4")));
    QCOMPARE(mp4.status, 200);
    QCOMPARE(mp4.headers.value("content-type"), QByteArray("video/mp4"));
    QVERIFY(mp4.body == readFile(media + QStringLiteral("/clip.mp4")));
    const QByteArray page = fetch(server.url(QStringLiteral("page.html"))).body;
    QVERIFY(page.contains("<title>Gravity Test Clip</title>"));
    QVERIFY(page.contains(QByteArray("src=\"" + server.baseUrl().toUtf8() + "/clip.mp4\"")));
    const QByteArray feed = fetch(server.url(QStringLiteral("feed.xml"))).body;
    QCOMPARE(feed.count("<item>"), qsizetype(3));
    QVERIFY(feed.contains(QByteArray("url=\"" + server.baseUrl().toUtf8() + "/clip3.mp4\"")));
}

QTEST_GUILESS_MAIN(TestLoopbackServer)
#include "tst_loopbackserver.moc"
