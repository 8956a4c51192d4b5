#include "optionspanel.h"

#include "choicenames.h"
#include "displaytext.h"
#include "formatsdialog.h"
#include "moreoptionspanel.h"
#include "qualitychoices.h"
#include "theme.h"
#include "ytdlparguments.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>

namespace Gravity {

namespace {

struct SubtitleChoice
{
    QString language;
    bool automatic = false;
};

QString languageName(const SubtitleTrack &track)
{
    if (!track.name.isEmpty())
        return track.name;
    const QLocale locale(track.language);
    // QLocale falls back to "C" for keys it does not know ("live_chat", "en-x-custom"): show the key.
    return locale.language() == QLocale::C ? track.language : QLocale::languageToString(locale.language());
}

} // namespace

OptionsPanel::OptionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_quality(new QComboBox(this))
    , m_container(new QComboBox(this))
    , m_audioOnly(new QCheckBox(tr("&Audio only"), this))
    , m_audioFormat(new QComboBox(this))
    , m_subtitles(new QComboBox(this))
    , m_subtitleMode(new QComboBox(this))
    , m_folderButton(new QPushButton(this))
    , m_formatsButton(new QPushButton(tr("Choose &formats…"), this))
    , m_formatSpecLabel(new QLabel(this))
    , m_clearSpecButton(new QToolButton(this))
    , m_more(new MoreOptionsPanel(this))
{
    m_quality->setAccessibleName(tr("Quality"));
    m_container->setAccessibleName(tr("Container"));
    addContainerChoices(m_container);
    m_audioOnly->setAccessibleName(tr("Audio only"));
    m_audioFormat->setAccessibleName(tr("Audio format"));
    addAudioFormatChoices(m_audioFormat);
    m_subtitles->setAccessibleName(tr("Subtitles"));
    m_subtitleMode->setAccessibleName(tr("How to save subtitles"));
    m_subtitleMode->addItem(tr("Embed in the video"), subtitleModeId(SubtitleMode::Embed));
    m_subtitleMode->addItem(tr("Separate file"), subtitleModeId(SubtitleMode::File));
    m_folderButton->setIcon(Theme::icon(QStringLiteral("folder")));
    m_folderButton->setAccessibleName(tr("Download folder"));
    m_folderButton->setToolTip(tr("Choose where downloads are saved"));
    m_formatsButton->setAccessibleName(tr("Choose exact formats"));
    m_formatSpecLabel->setProperty("role", QStringLiteral("secondary"));
    m_clearSpecButton->setIcon(Theme::icon(QStringLiteral("cancel")));
    m_clearSpecButton->setProperty("flat", true);
    m_clearSpecButton->setAccessibleName(tr("Use the quality choice again"));
    m_clearSpecButton->setToolTip(m_clearSpecButton->accessibleName());
    m_clearSpecButton->hide();

    const auto buddyLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        return label;
    };
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(10);
    grid->addWidget(buddyLabel(tr("&Quality"), m_quality), 0, 0);
    grid->addWidget(m_quality, 0, 1);
    grid->addWidget(buddyLabel(tr("Fo&rmat"), m_container), 0, 2);
    grid->addWidget(m_container, 0, 3);
    grid->addWidget(buddyLabel(tr("&Subtitles"), m_subtitles), 1, 0);
    grid->addWidget(m_subtitles, 1, 1);
    grid->addWidget(m_subtitleMode, 1, 3);
    grid->addWidget(m_audioOnly, 2, 1);
    grid->addWidget(m_audioFormat, 2, 3);
    grid->addWidget(buddyLabel(tr("Save &to"), m_folderButton), 3, 0);
    grid->addWidget(m_folderButton, 3, 1, 1, 3);
    // The exact-formats line shows only while exact formats are chosen; the button that opens the table sits
    // in the window's button row (formatsButton()).
    auto *specRow = new QHBoxLayout;
    specRow->addWidget(m_formatSpecLabel, 1);
    specRow->addWidget(m_clearSpecButton);
    grid->addLayout(specRow, 4, 1, 1, 3);
    grid->addWidget(m_more, 5, 0, 1, 4);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);
    m_formatSpecLabel->hide();

    setTabOrder(m_quality, m_container);
    setTabOrder(m_container, m_subtitles);
    setTabOrder(m_subtitles, m_subtitleMode);
    setTabOrder(m_subtitleMode, m_audioOnly);
    setTabOrder(m_audioOnly, m_audioFormat);
    setTabOrder(m_audioFormat, m_folderButton);
    setTabOrder(m_folderButton, m_clearSpecButton);
    setTabOrder(m_clearSpecButton, m_more);

    connect(m_audioOnly, &QCheckBox::toggled, this, &OptionsPanel::updateEnabled);
    connect(m_subtitles, &QComboBox::currentIndexChanged, this, &OptionsPanel::updateEnabled);
    connect(m_folderButton, &QPushButton::clicked, this, &OptionsPanel::chooseFolder);
    connect(m_formatsButton, &QPushButton::clicked, this, &OptionsPanel::openFormatsDialog);
    connect(m_clearSpecButton, &QToolButton::clicked, this, [this] { setFormatSpec({}); });
    // Whether a thumbnail can be embedded follows the container and the audio format.
    connect(m_container, &QComboBox::currentIndexChanged, this, &OptionsPanel::updateEnabled);
    connect(m_audioFormat, &QComboBox::currentIndexChanged, this, &OptionsPanel::updateEnabled);
    connect(m_more, &MoreOptionsPanel::timeRangeChanged, this, &OptionsPanel::problemChanged);
}

void OptionsPanel::setInfo(const MediaInfo &info, const DownloadOptions &defaults)
{
    m_formats = info.formats;
    setFormatSpec({});
    fillQualities(info);
    const int container = m_container->findData(containerId(defaults.container));
    m_container->setCurrentIndex(qMax(0, container));
    const int audio = m_audioFormat->findData(audioFormatId(defaults.audioFormat));
    m_audioFormat->setCurrentIndex(qMax(0, audio));
    m_audioOnly->setChecked(defaults.quality == QualityPreset::AudioOnly);
    if (defaults.quality != QualityPreset::AudioOnly)
        selectQuality(defaults.quality);
    m_subtitleMode->setCurrentIndex(defaults.subtitleMode == SubtitleMode::File ? 1 : 0);
    fillSubtitles(info);
    m_more->setInfo(info, defaults);
    // A flat playlist has no formats yet: exact ids are chosen per video, not here.
    m_formatsButton->setVisible(!info.isPlaylist && !info.formats.isEmpty());
    if (!defaults.outputDir.isEmpty())
        setFolder(defaults.outputDir);
    updateEnabled();
}

void OptionsPanel::fillQualities(const MediaInfo &info)
{
    m_quality->clear();
    m_audioEstimate = -1;
    for (const QualityChoice &choice : qualityChoices(info)) {
        if (choice.preset == QualityPreset::AudioOnly) {
            m_audioEstimate = choice.estimatedBytes;
            continue;
        }
        QString text;
        if (choice.preset == QualityPreset::Best)
            text = choice.height > 0 ? tr("Best (%1p)").arg(choice.height) : tr("Best available");
        else if (info.isPlaylist)
            text = tr("Up to %1p").arg(presetHeight(choice.preset));
        else
            text = tr("%1p").arg(choice.height);
        if (choice.estimatedBytes > 0)
            text = tr("%1 · %2").arg(text, sizeText(choice.estimatedBytes, true));
        m_quality->addItem(text, qualityPresetId(choice.preset));
    }
}

void OptionsPanel::fillSubtitles(const MediaInfo &info)
{
    m_subtitles->clear();
    m_subtitles->addItem(tr("None"));
    // Captions people wrote come first; the platform's automatic ones are marked as such.
    for (const SubtitleTrack &track : info.subtitles)
        m_subtitles->addItem(languageName(track), QStringList{track.language, QString()});
    for (const SubtitleTrack &track : info.automaticCaptions) {
        m_subtitles->addItem(tr("%1 (automatic)").arg(languageName(track)),
                             QStringList{track.language, QStringLiteral("auto")});
    }
    m_subtitles->setEnabled(m_subtitles->count() > 1);
    m_subtitles->setToolTip(m_subtitles->count() > 1 ? QString() : tr("This video has no subtitles"));
}

bool OptionsPanel::selectQuality(QualityPreset preset)
{
    const int index = m_quality->findData(qualityPresetId(preset));
    if (index < 0)
        return false;
    m_quality->setCurrentIndex(index);
    return true;
}

void OptionsPanel::setAudioOnly(bool audioOnly)
{
    m_audioOnly->setChecked(audioOnly);
}

void OptionsPanel::updateEnabled()
{
    const bool audio = m_audioOnly->isChecked();
    const bool exact = !m_formatSpec.isEmpty();
    m_quality->setEnabled(!audio && !exact);
    m_container->setEnabled(!audio);
    m_audioFormat->setEnabled(audio && !exact);
    m_subtitles->setEnabled(!audio && m_subtitles->count() > 1);
    m_subtitleMode->setEnabled(!audio && m_subtitles->currentIndex() > 0);
    m_audioOnly->setText(audio && m_audioEstimate > 0
                             ? tr("&Audio only · %1").arg(sizeText(m_audioEstimate, true))
                             : tr("&Audio only"));
    m_more->setThumbnailAllowed(takesEmbeddedThumbnail(options()));
    m_more->setSubtitlesChosen(!audio && m_subtitles->currentIndex() > 0);
}

QString OptionsPanel::problem() const
{
    return m_more->timeRangeProblem();
}

void OptionsPanel::setFolder(const QString &folder)
{
    m_folder = QDir::toNativeSeparators(folder);
    const QFontMetrics metrics(m_folderButton->font());
    m_folderButton->setText(metrics.elidedText(m_folder, Qt::ElideMiddle, 420));
    m_folderButton->setToolTip(m_folder);
}

void OptionsPanel::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Save downloads to"), m_folder);
    if (chosen.isEmpty())
        return;
    setFolder(chosen);
    emit folderChanged(QDir::fromNativeSeparators(chosen));
}

void OptionsPanel::openFormatsDialog()
{
    if (!m_formatsDialog) {
        m_formatsDialog = new FormatsDialog(this);
        connect(m_formatsDialog, &QDialog::accepted, this,
                [this] { setFormatSpec(m_formatsDialog->formatSpec()); });
    }
    m_formatsDialog->setFormats(m_formats);
    m_formatsDialog->setFormatSpec(m_formatSpec);
    m_formatsDialog->open();
}

void OptionsPanel::setFormatSpec(const QString &spec)
{
    m_formatSpec = isPlausibleFormatSpec(spec) ? spec : QString();
    m_formatSpecLabel->setText(m_formatSpec.isEmpty() ? QString()
                                                      : tr("Exact formats: %1").arg(m_formatSpec));
    m_clearSpecButton->setVisible(!m_formatSpec.isEmpty());
    m_formatSpecLabel->setVisible(!m_formatSpec.isEmpty());
    updateEnabled();
}

DownloadOptions OptionsPanel::options() const
{
    DownloadOptions options;
    options.outputDir = QDir::fromNativeSeparators(m_folder);
    if (m_audioOnly->isChecked()) {
        options.quality = QualityPreset::AudioOnly;
        options.audioFormat =
            audioFormatFromId(m_audioFormat->currentData().toString()).value_or(AudioFormat::None);
    } else {
        options.quality =
            qualityPresetFromId(m_quality->currentData().toString()).value_or(QualityPreset::Best);
        options.container = containerFromId(m_container->currentData().toString()).value_or(Container::Auto);
    }
    options.formatSpec = m_formatSpec;
    const QStringList subtitle = m_subtitles->currentData().toStringList();
    if (!m_audioOnly->isChecked() && subtitle.size() == 2) {
        options.subtitleLanguages = {subtitle.at(0)};
        options.autoCaptions = !subtitle.at(1).isEmpty();
        options.subtitleMode =
            subtitleModeFromId(m_subtitleMode->currentData().toString()).value_or(SubtitleMode::Embed);
    }
    m_more->apply(options);
    return options;
}

DownloadOptions OptionsPanel::preferences() const
{
    DownloadOptions options = this->options();
    m_more->applyPreferences(options);
    return options;
}

} // namespace Gravity
