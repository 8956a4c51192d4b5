#include "thumbnailloader.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFutureWatcher>
#include <QImageReader>
#include <QLinearGradient>
#include <QNetworkAccessManager>
#include <QNetworkCacheMetaData>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPainter>
#include <QPalette>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace Gravity {

namespace {

// Anything larger is a decompression bomb, not a thumbnail (YouTube's largest is 1280×720, Bilibili's a few
// thousand pixels wide).
constexpr qint64 kMaxSourcePixels = 8192LL * 8192;
constexpr int kMaxRedirects = 5;
constexpr int kCacheLifetimeDays = 30;

// The formats thumbnails really come in. Everything else a plugin might read (SVG, TIFF, TGA, …) is more
// decoder surface for no gain.
bool isAllowedFormat(const QByteArray &format)
{
    static const QByteArrayList allowed{"jpeg", "jpg", "png", "webp", "gif", "bmp"};
    return allowed.contains(format.toLower());
}

QByteArray acceptHeader()
{
    static const QByteArray header = [] {
        QByteArrayList types;
        const QList<QByteArray> supported = QImageReader::supportedMimeTypes();
        for (const QByteArray &type : supported) {
            if (isAllowedFormat(type.mid(type.indexOf('/') + 1)))
                types.append(type);
        }
        types.append("image/*;q=0.5");
        return types.join(',');
    }();
    return header;
}

// Thumbnail URLs name one picture for good (YouTube's and Bilibili's change URL when the picture changes),
// but many hosts send no lifetime and Qt then counts the entry stale at once, so even PreferCache would go
// back to the network. A floor on the lifetime keeps them; the size bound still evicts, and "no-store" is
// still obeyed.
class ThumbnailDiskCache final : public QNetworkDiskCache
{
public:
    using QNetworkDiskCache::QNetworkDiskCache;

    QIODevice *prepare(const QNetworkCacheMetaData &metaData) override
    {
        return QNetworkDiskCache::prepare(withLifetimeFloor(metaData));
    }
    void updateMetaData(const QNetworkCacheMetaData &metaData) override
    {
        QNetworkDiskCache::updateMetaData(withLifetimeFloor(metaData));
    }

private:
    static QNetworkCacheMetaData withLifetimeFloor(QNetworkCacheMetaData metaData)
    {
        const QDateTime floor = QDateTime::currentDateTimeUtc().addDays(kCacheLifetimeDays);
        if (!metaData.expirationDate().isValid() || metaData.expirationDate() < floor)
            metaData.setExpirationDate(floor);
        return metaData;
    }
};

bool isFetchable(const QUrl &url)
{
    // QUrl lower-cases the scheme. A host is required: "http:foo" is not something to fetch.
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

// Runs on a worker thread: touches nothing but its argument.
QImage decodeThumbnail(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    // Sniff the content: the Content-Type and the URL's extension are the stranger's word, not the bytes'.
    const QByteArray format = QImageReader::imageFormat(&buffer);
    if (!isAllowedFormat(format) || !buffer.seek(0))
        return {};
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(true);
    const QSize bound = ThumbnailLoader::kMaxImageSize;
    if (const QSize size = reader.size(); size.isValid()) {
        if (qint64(size.width()) * size.height() > kMaxSourcePixels)
            return {};
        // The scaled size applies before the EXIF rotation: bound a portrait-rotated image the other way.
        const bool rotated = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
        const QSize rawBound = rotated ? bound.transposed() : bound;
        if (size.width() > rawBound.width() || size.height() > rawBound.height())
            reader.setScaledSize(size.scaled(rawBound, Qt::KeepAspectRatio).expandedTo({1, 1}));
    }
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return {};
    // Handlers that cannot report their size up front get scaled here.
    if (image.width() > bound.width() || image.height() > bound.height())
        image = image.scaled(bound, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // The formats the raster engine paints fastest, converted here rather than on every paint.
    return image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                         : QImage::Format_RGB32);
}

} // namespace

ThumbnailLoader::ThumbnailLoader(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_decoders(std::make_unique<QThreadPool>())
    , m_images(int(kMemoryCacheBytes / 1024))
{
    // Decoding is short; two threads keep a page of new rows from queueing behind one big image without
    // taking the pool the rest of the program uses.
    m_decoders->setMaxThreadCount(2);
    // Every redirect is checked (see request()): a page may not bounce the loader onto file: or ftp:.
    m_network->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!base.isEmpty())
        setCacheDirectory(base + QStringLiteral("/thumbnails"));
}

ThumbnailLoader::~ThumbnailLoader()
{
    // Replies die with the manager after this destructor has run: they must not call back into a half-gone
    // loader.
    const QHash<QString, QNetworkReply *> replies = std::exchange(m_replies, {});
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
    m_decoders->waitForDone();
}

// The disk cache is made by the first request: making it creates its directories, work (and, on a busy disk,
// waiting) that the start-up of a window with nothing to show does not need.
void ThumbnailLoader::setCacheDirectory(const QString &directory)
{
    m_cacheDirectory = directory.isEmpty() ? QString() : QDir(directory).absolutePath();
    if (!m_diskCache)
        return;
    if (directory.isEmpty()) {
        m_network->setCache(nullptr); // the manager deletes the old cache
        m_diskCache = nullptr;
        return;
    }
    m_diskCache->setCacheDirectory(directory);
}

QString ThumbnailLoader::cacheDirectory() const
{
    return QDir::cleanPath(m_cacheDirectory); // without a '/' at the end
}

void ThumbnailLoader::ensureDiskCache()
{
    if (m_diskCache || m_cacheDirectory.isEmpty())
        return;
    m_diskCache = new ThumbnailDiskCache(m_network);
    m_diskCache->setMaximumCacheSize(kDiskCacheBytes);
    m_diskCache->setCacheDirectory(m_cacheDirectory);
    m_network->setCache(m_diskCache);
}

void ThumbnailLoader::setMaxReplySize(qint64 bytes)
{
    m_maxReplyBytes = qMax<qint64>(1, bytes);
}

void ThumbnailLoader::setTransferTimeout(int milliseconds)
{
    m_transferTimeoutMs = qMax(1, milliseconds);
}

void ThumbnailLoader::request(const QString &url)
{
    if (m_failed.contains(url) || isLoading(url) || m_images.contains(url))
        return;
    const QUrl parsed(url, QUrl::StrictMode);
    if (!isFetchable(parsed)) {
        m_failed.insert(url);
        // Queued: callers may be painting, and must never see a signal from inside request().
        QMetaObject::invokeMethod(
            this, [this, url] { emit failed(url); }, Qt::QueuedConnection);
        return;
    }

    QNetworkRequest request(parsed);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    request.setTransferTimeout(m_transferTimeoutMs);
    request.setRawHeader("Accept", acceptHeader());
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Gravity/" GRAVITY_VERSION));

    ensureDiskCache();
    QNetworkReply *reply = m_network->get(request);
    m_replies.insert(url, reply);
    // A redirect may not lead off the web (file:, ftp:, …) any more than the first URL could.
    connect(reply, &QNetworkReply::redirected, reply, [reply](const QUrl &target) {
        if (isFetchable(reply->url().resolved(target)))
            emit reply->redirectAllowed();
        else
            reply->abort();
    });
    // A declared length over the bound ends it before the body; a body that grows past it, as it grows.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > m_maxReplyBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if (received > m_maxReplyBytes || total > m_maxReplyBytes)
            reply->abort(); // finished() follows with OperationCanceledError; the disk cache drops the entry
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] { onReplyFinished(reply, url); });
    // The transfer timeout catches silence; this catches a server that trickles a byte now and then.
    QTimer::singleShot(kTotalTimeoutMs, reply, [reply] { reply->abort(); });
}

void ThumbnailLoader::onReplyFinished(QNetworkReply *reply, const QString &url)
{
    reply->deleteLater();
    if (m_replies.value(url) != reply)
        return;
    m_replies.remove(url);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status < 200 || status > 299) {
        fail(url);
        return;
    }
    const QByteArray bytes = reply->readAll();
    if (bytes.isEmpty() || bytes.size() > m_maxReplyBytes) {
        fail(url);
        return;
    }
    decode(url, bytes);
}

void ThumbnailLoader::decode(const QString &url, const QByteArray &bytes)
{
    m_decoding.insert(url);
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, url] {
        watcher->deleteLater();
        m_decoding.remove(url);
        const QImage image = watcher->result();
        if (image.isNull()) {
            fail(url);
            return;
        }
        m_images.insert(url, new QImage(image), int(qMax<qsizetype>(1, image.sizeInBytes() / 1024)));
        emit loaded(url);
    });
    watcher->setFuture(QtConcurrent::run(m_decoders.get(), decodeThumbnail, bytes));
}

void ThumbnailLoader::fail(const QString &url)
{
    m_failed.insert(url);
    emit failed(url);
}

QImage ThumbnailLoader::image(const QString &url) const
{
    const QImage *image = m_images.object(url);
    return image ? *image : QImage();
}

bool ThumbnailLoader::isLoading(const QString &url) const
{
    return m_replies.contains(url) || m_decoding.contains(url);
}

bool ThumbnailLoader::hasFailed(const QString &url) const
{
    return m_failed.contains(url);
}

void ThumbnailLoader::paintPlaceholder(QPainter *painter, const QRectF &rect, const QPalette &palette)
{
    if (!painter || rect.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal side = qMin(rect.width(), rect.height());
    const qreal radius = qMin(8.0, side * 0.08);

    // A soft diagonal wash between two neighbours of the window colour, so it suits light and dark themes.
    const QColor base = palette.color(QPalette::Button);
    const bool dark = base.lightnessF() < 0.5;
    QLinearGradient wash(rect.topLeft(), rect.bottomRight());
    wash.setColorAt(0.0, dark ? base.lighter(135) : base.lighter(104));
    wash.setColorAt(1.0, dark ? base.lighter(110) : base.darker(112));
    painter->setPen(Qt::NoPen);
    painter->setBrush(wash);
    painter->drawRoundedRect(rect, radius, radius);

    // A play mark in a faint disc, optically centred (a triangle's visual centre sits left of its box's).
    QColor mark = palette.color(QPalette::PlaceholderText);
    mark.setAlphaF(0.55f);
    QColor disc = mark;
    disc.setAlphaF(0.12f);
    const qreal d = side * 0.42;
    const QPointF centre = rect.center();
    painter->setBrush(disc);
    painter->drawEllipse(centre, d / 2, d / 2);
    const qreal t = d * 0.42;
    const QPointF apex(centre.x() + t * 0.58, centre.y());
    const QPolygonF triangle{QPointF(centre.x() - t * 0.42, centre.y() - t / 2),
                             QPointF(centre.x() - t * 0.42, centre.y() + t / 2), apex};
    painter->setBrush(mark);
    painter->drawPolygon(triangle);
    painter->restore();
}

void ThumbnailLoader::paintThumbnail(QPainter *painter, const QRectF &target, const QImage &image,
                                     qreal radius)
{
    if (!painter || target.isEmpty() || image.isNull())
        return;
    // The centred part of the image with the target's aspect (KeepAspectRatioByExpanding, then crop).
    const QSizeF imageSize = image.size();
    const QSizeF cropSize = target.size().scaled(imageSize, Qt::KeepAspectRatio);
    const QRectF source(
        QPointF((imageSize.width() - cropSize.width()) / 2, (imageSize.height() - cropSize.height()) / 2),
        cropSize);

    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    if (radius <= 0) {
        painter->drawImage(target, image, source);
        painter->restore();
        return;
    }
    // A texture brush filling an antialiased rounded rect: smooth corners, unlike a (hard-edged) clip path.
    QBrush brush(image);
    QTransform transform;
    transform.translate(target.x(), target.y());
    transform.scale(target.width() / source.width(), target.height() / source.height());
    transform.translate(-source.x(), -source.y());
    brush.setTransform(transform);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(brush);
    painter->drawRoundedRect(target, radius, radius);
    painter->restore();
}

} // namespace Gravity
