#pragma once

#include "downloadrequest.h"
#include "mediainfo.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace Gravity {

// The options most downloads never touch, folded away under "More options": the subtitle file format,
// what is embedded in the file, SponsorBlock (YouTube only) and downloading only a part of a video.
class MoreOptionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoreOptionsPanel)

public:
    explicit MoreOptionsPanel(QWidget *parent = nullptr);

    // Shows what fits the parse (SponsorBlock for YouTube, a time range for one video, chapters when it has
    // some); the choices start from `defaults`, the time range from the whole video.
    void setInfo(const MediaInfo &info, const DownloadOptions &defaults);
    // Writes the choices for this video into `options`, leaving its other fields alone.
    void apply(DownloadOptions &options) const;
    // The choices as the user left them, to offer for the next video: a SponsorBlock mode kept while a
    // non-YouTube video hid it, "embed chapters" kept for a video that had none. No time range.
    void applyPreferences(DownloadOptions &options) const;
    // Whether the file the other options make can take a thumbnail (takesEmbeddedThumbnail()).
    void setThumbnailAllowed(bool allowed);
    // Whether subtitles are chosen at all, so their file format means something.
    void setSubtitlesChosen(bool chosen);
    // Why the typed time range cannot be downloaded (translated); empty when it can.
    [[nodiscard]] QString timeRangeProblem() const;

    void setExpanded(bool expanded);
    [[nodiscard]] bool isExpanded() const;

    // For tests and the keyboard.
    [[nodiscard]] QToolButton *toggleButton() const { return m_toggle; }
    [[nodiscard]] QComboBox *subtitleFormatBox() const { return m_subtitleFormat; }
    [[nodiscard]] QCheckBox *embedThumbnailBox() const { return m_embedThumbnail; }
    [[nodiscard]] QCheckBox *embedMetadataBox() const { return m_embedMetadata; }
    [[nodiscard]] QCheckBox *embedChaptersBox() const { return m_embedChapters; }
    [[nodiscard]] QComboBox *sponsorBlockBox() const { return m_sponsorBlock; }
    [[nodiscard]] QToolButton *categoriesButton() const { return m_categoriesButton; }
    [[nodiscard]] QMenu *categoriesMenu() const { return m_categories; }
    [[nodiscard]] QLineEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QLineEdit *toEdit() const { return m_to; }
    [[nodiscard]] QLabel *problemLabel() const { return m_problem; }

signals:
    // The time range was edited (and may have become valid or invalid).
    void timeRangeChanged();

private:
    void updateEnabled();
    void updateTimeRange();
    [[nodiscard]] QStringList checkedCategories() const;

    QToolButton *m_toggle;
    QWidget *m_body;
    QComboBox *m_subtitleFormat;
    QCheckBox *m_embedThumbnail;
    QCheckBox *m_embedMetadata;
    QCheckBox *m_embedChapters;
    QLabel *m_sponsorBlockLabel;
    QComboBox *m_sponsorBlock;
    QToolButton *m_categoriesButton;
    QMenu *m_categories;
    QLabel *m_rangeLabel;
    QWidget *m_range;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLabel *m_problem;
    bool m_youTube = false;
    bool m_singleVideo = true;
    double m_duration = 0;
};

} // namespace Gravity
