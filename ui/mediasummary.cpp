#include "mediasummary.h"

#include "displaytext.h"
#include "theme.h"
#include "thumbnailloader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

namespace Gravity {

// Paints the loader's image for one URL, or the placeholder; repaints when that URL arrives.
class MediaSummary::Thumbnail final : public QWidget
{
public:
    Thumbnail(ThumbnailLoader *loader, QWidget *parent)
        : QWidget(parent)
        , m_loader(loader)
    {
        setFixedSize(224, 126);
        setAccessibleName(MediaSummary::tr("Thumbnail"));
        if (m_loader) {
            connect(m_loader, &ThumbnailLoader::loaded, this, [this](const QString &url) {
                if (url == m_url)
                    update();
            });
        }
    }

    void setUrl(const QString &url)
    {
        m_url = url;
        if (m_loader && !url.isEmpty())
            m_loader->request(url);
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QImage image = m_loader ? m_loader->image(m_url) : QImage();
        if (image.isNull())
            ThumbnailLoader::paintPlaceholder(&painter, rect(), palette());
        else
            ThumbnailLoader::paintThumbnail(&painter, rect(), image, 12);
    }

private:
    ThumbnailLoader *m_loader;
    QString m_url;
};

MediaSummary::MediaSummary(ThumbnailLoader *thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_thumbnail(new Thumbnail(thumbnails, this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_badge(new QLabel(this))
{
    m_title->setProperty("role", QStringLiteral("title"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText); // titles come from strangers' pages
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setAccessibleName(tr("Title"));
    m_details->setProperty("role", QStringLiteral("secondary"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setAccessibleName(tr("Uploader, duration and date"));
    m_badge->setProperty("role", QStringLiteral("badge"));
    m_badge->setAccessibleName(tr("Site"));

    auto *badgeRow = new QHBoxLayout;
    badgeRow->addWidget(m_badge);
    badgeRow->addStretch();
    auto *text = new QVBoxLayout;
    text->setSpacing(6);
    text->addLayout(badgeRow);
    text->addWidget(m_title);
    text->addWidget(m_details);
    text->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_thumbnail, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
}

void MediaSummary::setInfo(const MediaInfo &info)
{
    m_thumbnail->setUrl(info.thumbnail);
    m_title->setText(info.title.isEmpty() ? info.webpageUrl : info.title);
    QStringList details;
    if (!info.uploader.isEmpty())
        details << info.uploader;
    if (info.isPlaylist)
        details << tr("%n videos", nullptr, int(info.entries.size()));
    else if (const QString duration = durationText(info.duration); !duration.isEmpty())
        details << duration;
    if (info.uploadDate.isValid())
        details << QLocale().toString(info.uploadDate, QLocale::ShortFormat);
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_details->setVisible(!details.isEmpty());
    m_badge->setText(platformDisplayName(info.platform));
    Theme::setStyleProperty(m_badge, "platform", platformId(info.platform));
}

void MediaSummary::clear()
{
    m_thumbnail->setUrl({});
    m_title->clear();
    m_details->clear();
    m_badge->clear();
}

QString MediaSummary::title() const
{
    return m_title->text();
}

} // namespace Gravity
