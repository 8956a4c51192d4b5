#pragma once

#include "downloadrequest.h"
#include "mediainfo.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace Gravity {

class FormatsDialog;
class MoreOptionsPanel;

// How to download what was parsed: quality (only what exists, with sizes), container, audio-only with its
// format, subtitles, the folder, and the exact formats for people who want them; the rest folded away in
// MoreOptionsPanel.
class OptionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OptionsPanel)

public:
    explicit OptionsPanel(QWidget *parent = nullptr);

    // Fills the choices from the parse; defaults are the options used last time.
    void setInfo(const MediaInfo &info, const DownloadOptions &defaults);
    [[nodiscard]] DownloadOptions options() const;
    // options() as the next video should start: what a hidden or disabled control holds is kept.
    [[nodiscard]] DownloadOptions preferences() const;
    void setFolder(const QString &folder);
    [[nodiscard]] QString folder() const { return m_folder; }

    // For tests and the keyboard: pick a quality by preset ("720") or audio-only.
    bool selectQuality(QualityPreset preset);
    void setAudioOnly(bool audioOnly);
    [[nodiscard]] QComboBox *qualityBox() const { return m_quality; }
    [[nodiscard]] QComboBox *subtitleBox() const { return m_subtitles; }
    [[nodiscard]] QPushButton *formatsButton() const { return m_formatsButton; }
    [[nodiscard]] FormatsDialog *formatsDialog() const { return m_formatsDialog; }
    [[nodiscard]] MoreOptionsPanel *moreOptions() const { return m_more; }
    // Why these options cannot be downloaded (translated: a bad time range); empty when they can.
    [[nodiscard]] QString problem() const;

signals:
    void folderChanged(const QString &folder);
    // problem() may have changed.
    void problemChanged();

private:
    void fillQualities(const MediaInfo &info);
    void fillSubtitles(const MediaInfo &info);
    void updateEnabled();
    void chooseFolder();
    void openFormatsDialog();
    void setFormatSpec(const QString &spec);

    QList<MediaFormat> m_formats;
    QString m_folder;
    QString m_formatSpec;
    QComboBox *m_quality;
    QComboBox *m_container;
    QCheckBox *m_audioOnly;
    QComboBox *m_audioFormat;
    QComboBox *m_subtitles;
    QComboBox *m_subtitleMode;
    QPushButton *m_folderButton;
    QPushButton *m_formatsButton;
    QLabel *m_formatSpecLabel;
    QToolButton *m_clearSpecButton;
    MoreOptionsPanel *m_more;
    FormatsDialog *m_formatsDialog = nullptr;
    qint64 m_audioEstimate = -1;
};

} // namespace Gravity
