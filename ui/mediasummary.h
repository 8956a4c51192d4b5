#pragma once

#include "mediainfo.h"

#include <QWidget>

class QLabel;

namespace Gravity {

class ThumbnailLoader;

// What the parse found, at a glance: thumbnail, title, uploader, duration, upload date and a platform badge.
class MediaSummary final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaSummary)

public:
    MediaSummary(ThumbnailLoader *thumbnails, QWidget *parent = nullptr);

    void setInfo(const MediaInfo &info);
    void clear();
    [[nodiscard]] QString title() const;

private:
    class Thumbnail;

    Thumbnail *m_thumbnail;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_badge;
};

} // namespace Gravity
