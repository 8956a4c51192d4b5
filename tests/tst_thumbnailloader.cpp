// The thumbnail loader against the loopback server: images arrive decoded and bounded, anything that is not
// an http(s) image fails (without a request where the URL is not for the web), and nothing is fetched twice.

#include "loopbackserver.h"
#include "thumbnailloader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

// A picture with something in it (a gradient), so the encoders do not shrink it to nothing.
QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient fill(0, 0, width, height);
    fill.setColorAt(0, Qt::darkBlue);
    fill.setColorAt(1, Qt::yellow);
    painter.fillRect(image.rect(), fill);
    return image;
}

// Noise does not compress: a PNG of it is big, which is the point.
QImage noise(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = 0xff000000u | (random.generate() & 0xffffffu);
    }
    return image;
}

} // namespace

class TestThumbnailLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QTemporaryDir m_caches;
    LoopbackServer m_server;
    int m_cacheCount = 0;

    [[nodiscard]] QString url(const QString &path) const { return m_server.url(path).toString(); }
    // Each test starts from an empty disk cache, so one test's downloads cannot answer another's.
    [[nodiscard]] QString freshCache()
    {
        return m_caches.filePath(u"cache"_s + QString::number(++m_cacheCount));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_root.isValid() && m_caches.isValid());
        QVERIFY(gradient(1280, 720).save(m_root.filePath(u"wide.jpg"_s), "JPEG", 85));
        QVERIFY(gradient(1280, 720).save(m_root.filePath(u"again.jpg"_s), "JPEG", 85));
        {
            // Old, and served without a lifetime: what Qt alone would count stale and fetch again.
            QFile old(m_root.filePath(u"again.jpg"_s));
            QVERIFY(old.open(QIODevice::ReadWrite));
            QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addDays(-400),
                                    QFileDevice::FileModificationTime));
        }
        QVERIFY(gradient(300, 400).save(m_root.filePath(u"tall.png"_s), "PNG"));
        QVERIFY(gradient(300, 200).save(m_root.filePath(u"small.png"_s), "PNG"));
        QVERIFY(gradient(1000, 1000).save(m_root.filePath(u"square.png"_s), "PNG"));
        QVERIFY(gradient(64, 36).save(m_root.filePath(u"local.jpg"_s), "JPEG"));
        QVERIFY(noise(1024, 1024).save(m_root.filePath(u"big.png"_s), "PNG"));
        QVERIFY(QFileInfo(m_root.filePath(u"big.png"_s)).size() > 1024 * 1024);
        QFile text(m_root.filePath(u"notimage.jpg"_s)); // the name says JPEG, the bytes say otherwise
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray("<html><body>Not a picture</body></html>\n").repeated(50));
        text.close();
        QVERIFY(m_server.start(m_root.path()));
    }

    void cleanup()
    {
        m_server.clearFaults();
        m_server.setThrottle(0);
    }

    void loadsAndFitsTheBound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QSize>("size");
        QTest::newRow("a 1280×720 JPEG is scaled down to 640×360") << u"wide.jpg"_s << QSize(640, 360);
        QTest::newRow("a 300×200 PNG already fits and keeps its size") << u"small.png"_s << QSize(300, 200);
        QTest::newRow("a 300×400 portrait PNG is fitted to the height") << u"tall.png"_s << QSize(270, 360);
        QTest::newRow("a 1000×1000 PNG is scaled to the height, staying square")
            << u"square.png"_s << QSize(360, 360);
    }

    void loadsAndFitsTheBound()
    {
        QFETCH(QString, path);
        QFETCH(QSize, size);
        ThumbnailLoader loader;
        loader.setCacheDirectory(freshCache());
        QSignalSpy loaded(&loader, &ThumbnailLoader::loaded);
        QSignalSpy failed(&loader, &ThumbnailLoader::failed);

        loader.request(url(path));
        QVERIFY(loader.isLoading(url(path)));
        QVERIFY(loader.image(url(path)).isNull());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loaded.at(0).at(0).toString(), url(path));
        QCOMPARE(failed.size(), 0);
        QVERIFY(!loader.isLoading(url(path)));
        QVERIFY(!loader.hasFailed(url(path)));
        const QImage image = loader.image(url(path));
        QCOMPARE(image.size(), size);
        QVERIFY(image.width() <= ThumbnailLoader::kMaxImageSize.width());
        QVERIFY(image.height() <= ThumbnailLoader::kMaxImageSize.height());
    }

    void badRepliesFail_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<LoopbackServer::Fault>("fault");
        QTest::newRow("a missing file (404) fails") << u"missing.jpg"_s << LoopbackServer::Fault::None;
        QTest::newRow("a server error (500) fails") << u"tall.png"_s << LoopbackServer::Fault::ServerError;
        QTest::newRow("a body that is not an image fails, whatever its name says")
            << u"notimage.jpg"_s << LoopbackServer::Fault::None;
        QTest::newRow("a connection reset mid-body fails")
            << u"big.png"_s << LoopbackServer::Fault::ResetAfter;
    }

    void badRepliesFail()
    {
        QFETCH(QString, path);
        QFETCH(LoopbackServer::Fault, fault);
        m_server.setFault(path, fault, 4096);
        const int before = m_server.requestCount(path);
        ThumbnailLoader loader;
        loader.setCacheDirectory(freshCache());
        QSignalSpy loaded(&loader, &ThumbnailLoader::loaded);
        QSignalSpy failed(&loader, &ThumbnailLoader::failed);

        loader.request(url(path));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toString(), url(path));
        QVERIFY(loader.hasFailed(url(path)));
        QVERIFY(loader.image(url(path)).isNull());
        // Qt resends a GET once when the connection drops, so a reset may count twice.
        const int requests = m_server.requestCount(path);
        QVERIFY(requests == before + 1 || (fault == LoopbackServer::Fault::ResetAfter && requests > before));

        // A failure is remembered: a delegate asking again on every repaint does not hammer the server.
        loader.request(url(path));
        QVERIFY(!loader.isLoading(url(path)));
        QTest::qWait(50);
        QCOMPARE(m_server.requestCount(path), requests);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(loaded.size(), 0);
    }

    void aStalledTransferTimesOut()
    {
        m_server.setFault(u"wide.jpg"_s, LoopbackServer::Fault::StallAfter, 1024);
        ThumbnailLoader loader;
        loader.setCacheDirectory(freshCache());
        loader.setTransferTimeout(300);
        QSignalSpy failed(&loader, &ThumbnailLoader::failed);
        QElapsedTimer clock;
        clock.start();
        loader.request(url(u"wide.jpg"_s));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(loader.image(url(u"wide.jpg"_s)).isNull());
    }

    void urlsNotOnTheWebFailWithoutARequest_data()
    {
        QTest::addColumn<QString>("target");
        const QString port = QString::number(m_server.port());
        QTest::newRow("a file: URL") << QUrl::fromLocalFile(m_root.filePath(u"local.jpg"_s)).toString();
        QTest::newRow("a garbage string") << u"::not a url at all:: local.jpg"_s;
        QTest::newRow("an empty string") << QString();
        QTest::newRow("a path without a scheme") << u"/local.jpg"_s;
        QTest::newRow("a scheme-relative URL") << u"//127.0.0.1:"_s + port + u"/local.jpg"_s;
        QTest::newRow("an ftp: URL") << u"ftp://127.0.0.1:"_s + port + u"/local.jpg"_s;
        QTest::newRow("a data: URL") << u"data:image/png;base64,iVBORw0KGgo="_s;
        QTest::newRow("a javascript: URL") << u"javascript:fetch('/local.jpg')"_s;
        QTest::newRow("http without a host") << u"http:local.jpg"_s;
    }

    void urlsNotOnTheWebFailWithoutARequest()
    {
        QFETCH(QString, target);
        ThumbnailLoader loader;
        loader.setCacheDirectory(freshCache());
        QSignalSpy failed(&loader, &ThumbnailLoader::failed);

        loader.request(target);
        QVERIFY(loader.hasFailed(target));
        QCOMPARE(failed.size(), 0); // never from inside request(): the caller may be painting
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), target);
        QVERIFY(loader.image(target).isNull());
        QCOMPARE(m_server.requestCount(u"local.jpg"_s), 0);
    }

    void aLoadedUrlIsNotFetchedAgain()
    {
        const QString cache = freshCache();
        const QString target = url(u"again.jpg"_s);
        {
            ThumbnailLoader loader;
            loader.setCacheDirectory(cache);
            QCOMPARE(loader.cacheDirectory(), cache);
            QSignalSpy loaded(&loader, &ThumbnailLoader::loaded);
            loader.request(target);
            loader.request(target); // while loading: nothing more
            QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
            QCOMPARE(m_server.requestCount(u"again.jpg"_s), 1);

            loader.request(target); // loaded: nothing at all
            QVERIFY(!loader.isLoading(target));
            QTest::qWait(50);
            QCOMPARE(loaded.size(), 1);
            QCOMPARE(m_server.requestCount(u"again.jpg"_s), 1);
        }

        // A new loader (the next run of Gravity) finds it in the disk cache.
        ThumbnailLoader fresh;
        fresh.setCacheDirectory(cache);
        QSignalSpy loaded(&fresh, &ThumbnailLoader::loaded);
        fresh.request(target);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(fresh.image(target).size(), QSize(640, 360));
        QCOMPARE(m_server.requestCount(u"again.jpg"_s), 1);
    }

    void anOversizeBodyIsAbortedAndNotCached()
    {
        const QString cache = freshCache();
        const QString target = url(u"big.png"_s);
        const qint64 fileSize = QFileInfo(m_root.filePath(u"big.png"_s)).size();
        const int before = m_server.requestCount(u"big.png"_s);
        // Slow enough that a client reading it all would take seconds: an abort shows in the bytes served.
        m_server.setThrottle(256 * 1024);
        const qint64 servedBefore = m_server.bytesServed();
        {
            ThumbnailLoader loader;
            loader.setCacheDirectory(cache);
            loader.setMaxReplySize(64 * 1024);
            QCOMPARE(loader.maxReplySize(), 64 * 1024);
            QSignalSpy failed(&loader, &ThumbnailLoader::failed);
            QSignalSpy loaded(&loader, &ThumbnailLoader::loaded);
            loader.request(target);
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
            QCOMPARE(loaded.size(), 0);
            QVERIFY(loader.image(target).isNull());
        }
        QTest::qWait(100); // let the server notice the closed connection
        QVERIFY2(m_server.bytesServed() - servedBefore < fileSize / 4,
                 qPrintable(QString::number(m_server.bytesServed() - servedBefore)));
        m_server.setThrottle(0);

        // The same image is fine within the default bound, and the aborted body was not cached.
        ThumbnailLoader loader;
        loader.setCacheDirectory(cache);
        QSignalSpy loaded(&loader, &ThumbnailLoader::loaded);
        loader.request(target);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loader.image(target).size(), QSize(360, 360));
        QCOMPARE(m_server.requestCount(u"big.png"_s), before + 2);
    }

    void placeholderIsARoundedCardWithAMark()
    {
        QImage canvas(320, 180, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::transparent);
        QPainter painter(&canvas);
        ThumbnailLoader::paintPlaceholder(&painter, QRectF(canvas.rect()), QPalette(Qt::white));
        painter.end();
        QCOMPARE(qAlpha(canvas.pixel(0, 0)), 0); // rounded corner
        QCOMPARE(qAlpha(canvas.pixel(20, 90)), 255);
        // the play mark differs from the card around it
        QVERIFY(canvas.pixel(163, 90) != canvas.pixel(20, 90));
    }

    void thumbnailIsCroppedToFillWithRoundedCorners()
    {
        // Red left half, blue right half; a square target takes the middle, half red and half blue.
        QImage source(400, 100, QImage::Format_RGB32);
        source.fill(Qt::red);
        QPainter(&source).fillRect(200, 0, 200, 100, Qt::blue);
        QImage canvas(100, 100, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::transparent);
        QPainter painter(&canvas);
        ThumbnailLoader::paintThumbnail(&painter, QRectF(0, 0, 100, 100), source, 12);
        painter.end();
        QCOMPARE(qAlpha(canvas.pixel(0, 0)), 0);
        QCOMPARE(QColor(canvas.pixel(25, 50)), QColor(Qt::red));
        QCOMPARE(QColor(canvas.pixel(75, 50)), QColor(Qt::blue));
    }
};

QTEST_MAIN(TestThumbnailLoader)
#include "tst_thumbnailloader.moc"
