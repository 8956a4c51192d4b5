#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QString>

#include <memory>

class QNetworkAccessManager;
class QNetworkDiskCache;
class QNetworkReply;
class QPainter;
class QPalette;
class QRectF;
class QThreadPool;

namespace Gravity {

// Fetches the thumbnails of the parse card and the download rows. The URLs come from strangers' pages, so
// only http(s) is fetched, replies are bounded in size and time, decoding runs off the GUI thread with a
// bounded target size, and only the common web image formats are decoded at all.
//
// Results are asynchronous: loaded() and failed() are never emitted from inside request(), so a delegate can
// call request() while painting. A failure is remembered for the loader's lifetime, so such a delegate does
// not fetch a broken URL on every repaint.
class ThumbnailLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailLoader)

public:
    static constexpr QSize kMaxImageSize{640, 360};             // decoded images fit in this, aspect kept
    static constexpr qint64 kDiskCacheBytes = 50 * 1024 * 1024; // QNetworkDiskCache bound
    static constexpr qint64 kMemoryCacheBytes = 64 * 1024 * 1024;
    static constexpr qint64 kDefaultMaxReplyBytes = 10 * 1024 * 1024;
    static constexpr int kDefaultTransferTimeoutMs = 20'000; // without a byte arriving
    static constexpr int kTotalTimeoutMs = 60'000;           // however slowly the bytes trickle

    explicit ThumbnailLoader(QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    // Default: QStandardPaths::CacheLocation + "/thumbnails". Empty turns the disk cache off.
    void setCacheDirectory(const QString &directory);
    [[nodiscard]] QString cacheDirectory() const;
    // For tests and tuning; replies beyond this size are aborted and the URL fails.
    void setMaxReplySize(qint64 bytes);
    [[nodiscard]] qint64 maxReplySize() const { return m_maxReplyBytes; }
    void setTransferTimeout(int milliseconds);

    // Starts loading url unless it is loading, loaded or has failed. A URL that is not http(s) fails.
    void request(const QString &url);
    // The decoded image, or a null image when it is not (yet, or any more) in memory: request() it again.
    [[nodiscard]] QImage image(const QString &url) const;
    [[nodiscard]] bool isLoading(const QString &url) const;
    [[nodiscard]] bool hasFailed(const QString &url) const;

    // What to show when there is no image: a rounded card with a soft gradient and a play triangle.
    static void paintPlaceholder(QPainter *painter, const QRectF &rect, const QPalette &palette);
    // Draws image cropped to fill target (centred, aspect kept), with corners rounded by radius.
    static void paintThumbnail(QPainter *painter, const QRectF &target, const QImage &image, qreal radius);

signals:
    void loaded(const QString &url);
    void failed(const QString &url);

private:
    void onReplyFinished(QNetworkReply *reply, const QString &url);
    void decode(const QString &url, const QByteArray &bytes);
    void fail(const QString &url);
    void ensureDiskCache();

    QNetworkAccessManager *m_network;
    QString m_cacheDirectory;                 // absolute; empty: no disk cache
    QNetworkDiskCache *m_diskCache = nullptr; // made by the first request: ensureDiskCache()
    std::unique_ptr<QThreadPool> m_decoders;
    QCache<QString, QImage> m_images; // cost in KiB
    QHash<QString, QNetworkReply *> m_replies;
    QSet<QString> m_decoding;
    QSet<QString> m_failed;
    qint64 m_maxReplyBytes = kDefaultMaxReplyBytes;
    int m_transferTimeoutMs = kDefaultTransferTimeoutMs;
};

} // namespace Gravity
