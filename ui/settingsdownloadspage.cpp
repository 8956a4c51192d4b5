#include "settingsdownloadspage.h"

#include "appsettings.h"
#include "choicenames.h"
#include "outputtemplate.h"
#include "theme.h"
#include "ytdlparguments.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

namespace Gravity {

namespace {

const QString PlaylistSampleTitle = QStringLiteral("Best of 1987");
constexpr int PlaylistSampleIndex = 3;

} // namespace

SettingsDownloadsPage::SettingsDownloadsPage(QWidget *parent)
    : SettingsPage(parent)
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_maxConcurrent(new QSpinBox(this))
    , m_quality(new QComboBox(this))
    , m_container(new QComboBox(this))
    , m_audioFormat(new QComboBox(this))
    , m_preset(new QComboBox(this))
    , m_template(new QLineEdit(this))
    , m_preview(new WrappingLabel(QString(), this))
    , m_playlistFolder(new QCheckBox(tr("Put each playlist in a &folder of its own"), this))
    , m_retention(new PhraseSpinBox(
          [](int days) { return days == 0 ? tr("Forever") : tr("%n day(s)", nullptr, days); }, this))
{
    m_folder->setObjectName(QStringLiteral("settingsFolder"));
    m_folder->setAccessibleName(tr("Download folder"));
    m_folder->setPlaceholderText(
        QDir::toNativeSeparators(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)));
    m_browse->setAccessibleName(tr("Choose the download folder"));
    m_browse->setAutoDefault(false);
    m_maxConcurrent->setObjectName(QStringLiteral("settingsMaxConcurrent"));
    m_maxConcurrent->setAccessibleName(tr("Downloads running at the same time"));
    m_maxConcurrent->setRange(1, 10);
    m_maxConcurrent->setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
    m_maxConcurrent->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    m_quality->setObjectName(QStringLiteral("settingsQuality"));
    m_quality->setAccessibleName(tr("Default quality"));
    m_quality->addItem(tr("Best available"), qualityPresetId(QualityPreset::Best));
    for (const QualityPreset preset : {QualityPreset::P2160, QualityPreset::P1440, QualityPreset::P1080,
                                       QualityPreset::P720, QualityPreset::P480, QualityPreset::P360}) {
        m_quality->addItem(tr("Up to %1p").arg(presetHeight(preset)), qualityPresetId(preset));
    }
    m_quality->addItem(tr("Audio only"), qualityPresetId(QualityPreset::AudioOnly));
    m_container->setObjectName(QStringLiteral("settingsContainer"));
    m_container->setAccessibleName(tr("Default container"));
    addContainerChoices(m_container);
    m_audioFormat->setObjectName(QStringLiteral("settingsAudioFormat"));
    m_audioFormat->setAccessibleName(tr("Default audio format"));
    addAudioFormatChoices(m_audioFormat);

    m_preset->setObjectName(QStringLiteral("settingsTemplatePreset"));
    m_preset->setAccessibleName(tr("File name pattern"));
    for (const OutputTemplate::Preset &preset : OutputTemplate::presets())
        m_preset->addItem(OutputTemplate::presetName(preset.id), preset.pattern);
    m_preset->addItem(tr("Custom"), QString());
    m_template->setObjectName(QStringLiteral("settingsTemplate"));
    m_template->setAccessibleName(tr("yt-dlp output template"));
    m_preview->setObjectName(QStringLiteral("settingsTemplatePreview"));
    m_preview->setAccessibleName(tr("Example file name"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_playlistFolder->setObjectName(QStringLiteral("settingsPlaylistFolder"));

    m_retention->setObjectName(QStringLiteral("settingsRetention"));
    m_retention->setAccessibleName(tr("Keep history entries for"));
    m_retention->setRange(0, 3650);

    addHeading(tr("Saving"));
    auto *folderRow = new QHBoxLayout;
    folderRow->setSpacing(8);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    addRow(tr("Save &to"), folderRow, m_folder);
    addHint(tr("A new folder is used for downloads added from now on."));
    auto *concurrentRow = new QHBoxLayout;
    concurrentRow->setSpacing(12);
    concurrentRow->addWidget(m_maxConcurrent);
    auto *atOnce = new QLabel(tr("Takes effect at once."), this);
    atOnce->setProperty("role", QStringLiteral("hint"));
    concurrentRow->addWidget(atOnce, 1);
    addRow(tr("&Parallel downloads"), concurrentRow, m_maxConcurrent);

    addHeading(tr("New videos start with"));
    addRow(tr("&Quality"), m_quality);
    addRow(tr("Fo&rmat"), m_container);
    addRow(tr("&Audio format"), m_audioFormat);
    addHint(tr("You can still change these for each video before downloading it."));

    addHeading(tr("File names"));
    addRow(tr("&Name files"), m_preset);
    addRow(tr("T&emplate"), m_template);
    // Level with the preview's first line, however many lines it wraps to.
    m_exampleLabel = new QLabel(tr("Example"), this);
    m_exampleLabel->setObjectName(QStringLiteral("settingsTemplatePreviewLabel"));
    m_exampleLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form()->addRow(m_exampleLabel, m_preview);
    form()->addRow(QString(), m_playlistFolder);
    m_playlistPreview = addHint(QString(), m_playlistFolder);

    addHeading(tr("History"));
    addRow(tr("&Keep entries for"), m_retention);
    addHint(tr("Older entries are removed from the list; the downloaded files are never deleted."));

    connect(m_browse, &QPushButton::clicked, this, &SettingsDownloadsPage::chooseFolder);
    connect(m_preset, &QComboBox::activated, this, &SettingsDownloadsPage::choosePreset);
    connect(m_template, &QLineEdit::textEdited, this, &SettingsDownloadsPage::templateEdited);
    connect(m_playlistFolder, &QCheckBox::toggled, this, [this] {
        updatePreview();
        emit changed();
    });
    connect(m_folder, &QLineEdit::textEdited, this, &SettingsPage::changed);
    connect(m_maxConcurrent, &QSpinBox::valueChanged, this, &SettingsPage::changed);
    for (QComboBox *box : {m_quality, m_container, m_audioFormat})
        connect(box, &QComboBox::activated, this, &SettingsPage::changed);
    connect(m_retention, &QSpinBox::valueChanged, this, &SettingsPage::changed);
    updatePreview();
}

SettingsDownloadsPage::~SettingsDownloadsPage() = default;

QString SettingsDownloadsPage::title() const
{
    return tr("Downloads");
}

QJsonObject SettingsDownloadsPage::sampleInfo()
{
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("dQw4w9WgXcQ")},
        {QStringLiteral("title"), QStringLiteral("Rick Astley - Never Gonna Give You Up")},
        {QStringLiteral("uploader"), QStringLiteral("Rick Astley")},
        {QStringLiteral("channel"), QStringLiteral("Rick Astley")},
        {QStringLiteral("upload_date"), QStringLiteral("20091025")},
        {QStringLiteral("duration"), 213},
        {QStringLiteral("height"), 1080},
        {QStringLiteral("extractor"), QStringLiteral("youtube")},
        {QStringLiteral("playlist_title"), PlaylistSampleTitle},
        {QStringLiteral("playlist_index"), PlaylistSampleIndex},
        {QStringLiteral("n_entries"), 12},
        {QStringLiteral("ext"), QStringLiteral("mp4")},
    };
}

void SettingsDownloadsPage::load(const AppSettings &settings)
{
    const QSignalBlocker concurrent(m_maxConcurrent);
    const QSignalBlocker playlist(m_playlistFolder);
    const QSignalBlocker retention(m_retention);
    m_folder->setText(QDir::toNativeSeparators(settings.downloadFolder()));
    m_maxConcurrent->setValue(settings.maxConcurrent());
    const DownloadOptions options = settings.lastOptions();
    m_quality->setCurrentIndex(qMax(0, m_quality->findData(qualityPresetId(options.quality))));
    m_container->setCurrentIndex(qMax(0, m_container->findData(containerId(options.container))));
    m_audioFormat->setCurrentIndex(qMax(0, m_audioFormat->findData(audioFormatId(options.audioFormat))));
    const QString pattern = settings.outputTemplate();
    m_template->setText(pattern.isEmpty() ? defaultOutputTemplate() : pattern);
    selectPresetOfTemplate();
    m_playlistFolder->setChecked(settings.playlistSubfolder());
    m_retention->setValue(m_retention->bounded(settings.historyRetentionDays()));
    updatePreview();
}

void SettingsDownloadsPage::save(AppSettings &settings) const
{
    DownloadOptions options = settings.lastOptions();
    options.quality = qualityPresetFromId(m_quality->currentData().toString()).value_or(QualityPreset::Best);
    options.container = containerFromId(m_container->currentData().toString()).value_or(Container::Auto);
    options.audioFormat =
        audioFormatFromId(m_audioFormat->currentData().toString()).value_or(AudioFormat::None);
    options.outputDir.clear(); // the folder is written below, from its own field
    settings.setLastOptions(options);
    settings.setDownloadFolder(QDir::fromNativeSeparators(m_folder->text().trimmed()));
    settings.setMaxConcurrent(m_maxConcurrent->value());
    // The default is stored as "", so a later Gravity with a better default gives it to this user too.
    const QString pattern = m_template->text();
    settings.setOutputTemplate(pattern == defaultOutputTemplate() ? QString() : pattern);
    settings.setPlaylistSubfolder(m_playlistFolder->isChecked());
    settings.setHistoryRetentionDays(m_retention->value());
}

QString SettingsDownloadsPage::problem() const
{
    return OutputTemplate::problemText(OutputTemplate::validate(m_template->text()));
}

void SettingsDownloadsPage::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Save downloads to"), m_folder->text());
    if (chosen.isEmpty())
        return;
    m_folder->setText(QDir::toNativeSeparators(chosen));
    emit changed();
}

void SettingsDownloadsPage::choosePreset()
{
    const QString pattern = m_preset->currentData().toString();
    if (pattern.isEmpty()) {
        // "Custom": keep the current pattern as the starting point for editing.
        m_template->setFocus();
        m_template->selectAll();
        return;
    }
    if (pattern == m_template->text())
        return;
    m_template->setText(pattern);
    updatePreview();
    emit changed();
}

void SettingsDownloadsPage::templateEdited()
{
    selectPresetOfTemplate();
    updatePreview();
    emit changed();
}

void SettingsDownloadsPage::selectPresetOfTemplate()
{
    const QString id = OutputTemplate::presetIdFor(m_template->text());
    int index = m_preset->count() - 1; // Custom
    const QList<OutputTemplate::Preset> presets = OutputTemplate::presets();
    for (int i = 0; i < presets.size(); ++i) {
        if (presets.at(i).id == id)
            index = i;
    }
    m_preset->setCurrentIndex(index);
}

void SettingsDownloadsPage::setPreviewInfo(const QJsonObject &info)
{
    m_previewInfo = info;
    m_exampleLabel->setText(info.isEmpty() ? tr("Example") : tr("This video"));
    updatePreview();
}

void SettingsDownloadsPage::updatePreview()
{
    const QString pattern = m_template->text();
    const OutputTemplate::Problem problem = OutputTemplate::validate(pattern);
    const QJsonObject sample = m_previewInfo.isEmpty() ? sampleInfo() : m_previewInfo;
    if (problem != OutputTemplate::Problem::None) {
        m_preview->setText(OutputTemplate::problemText(problem));
        Theme::setStyleProperty(m_preview, "role", QStringLiteral("error"));
        m_playlistPreview->hide();
        return;
    }
    m_preview->setText(QDir::toNativeSeparators(OutputTemplate::previewFileName(pattern, sample)));
    Theme::setStyleProperty(m_preview, "role", QStringLiteral("secondary"));
    const QString inPlaylist = OutputTemplate::previewFileName(
        OutputTemplate::playlistTemplate(pattern, PlaylistSampleTitle, PlaylistSampleIndex), sample);
    m_playlistPreview->setText(tr("A playlist's video: %1").arg(QDir::toNativeSeparators(inPlaylist)));
    m_playlistPreview->setVisible(m_playlistFolder->isChecked());
}

} // namespace Gravity
