#pragma once

#include "settingspage.h"
#include "settingswidgets.h"

#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Gravity {

// Where downloads go and what they are called, how many run at once, the options a new video starts with,
// and how long the history keeps its entries.
class SettingsDownloadsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDownloadsPage)

public:
    explicit SettingsDownloadsPage(QWidget *parent = nullptr);
    ~SettingsDownloadsPage() override;

    [[nodiscard]] QString title() const override;
    void load(const AppSettings &settings) override;
    void save(AppSettings &settings) const override;
    [[nodiscard]] QString problem() const override;

    // The video the preview names (a well-known one, so the result is easy to recognise).
    [[nodiscard]] static QJsonObject sampleInfo();
    // The video the window has just parsed: the preview names it instead of the sample, so a template is
    // tried on what is about to be downloaded. An empty object goes back to the sample.
    void setPreviewInfo(const QJsonObject &info);

private:
    void chooseFolder();
    void choosePreset();
    void templateEdited();
    void selectPresetOfTemplate();
    void updatePreview();

    QLineEdit *m_folder;
    QPushButton *m_browse;
    QSpinBox *m_maxConcurrent;
    QComboBox *m_quality;
    QComboBox *m_container;
    QComboBox *m_audioFormat;
    QComboBox *m_preset;
    QLineEdit *m_template;
    QLabel *m_preview;
    QCheckBox *m_playlistFolder;
    QLabel *m_playlistPreview = nullptr;
    QLabel *m_exampleLabel = nullptr; // "Example", or "This video" for the video just parsed
    QJsonObject m_previewInfo;        // empty: sampleInfo()
    PhraseSpinBox *m_retention;
};

} // namespace Gravity
