#include "moreoptionspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gravity {

namespace {

QString categoryName(const QString &category)
{
    static const char *const names[][2] = {
        {"sponsor", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Sponsor")},
        {"intro", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Intermission or intro")},
        {"outro", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Endcards or credits")},
        {"selfpromo", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Self-promotion")},
        {"preview", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Preview or recap")},
        {"filler", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Filler tangent")},
        {"interaction", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Interaction reminder")},
        {"music_offtopic", QT_TRANSLATE_NOOP("Gravity::MoreOptionsPanel", "Non-music section")},
    };
    for (const auto &name : names) {
        if (category == QLatin1String(name[0]))
            return MoreOptionsPanel::tr(name[1]);
    }
    return category;
}

// An empty field is an open side; nullopt when the text is not a time.
std::optional<double> sideOf(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? std::optional<double>(0.0) : parseTimestamp(text);
}

} // namespace

MoreOptionsPanel::MoreOptionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton(this))
    , m_body(new QWidget(this))
    , m_subtitleFormat(new QComboBox(m_body))
    , m_embedThumbnail(new QCheckBox(tr("Thum&bnail"), m_body))
    , m_embedMetadata(new QCheckBox(tr("&Metadata"), m_body))
    , m_embedChapters(new QCheckBox(tr("Cha&pters"), m_body))
    , m_sponsorBlockLabel(new QLabel(tr("Spons&orBlock"), m_body))
    , m_sponsorBlock(new QComboBox(m_body))
    , m_categoriesButton(new QToolButton(m_body))
    , m_categories(new QMenu(m_categoriesButton))
    , m_rangeLabel(new QLabel(tr("Onl&y a part"), m_body))
    , m_range(new QWidget(m_body))
    , m_from(new QLineEdit(m_range))
    , m_to(new QLineEdit(m_range))
    , m_problem(new QLabel(m_body))
{
    m_toggle->setText(tr("More options"));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setProperty("flat", true);
    m_toggle->setAccessibleName(tr("More options"));

    m_subtitleFormat->setAccessibleName(tr("Subtitle file format"));
    m_subtitleFormat->setToolTip(tr("The format of subtitle files saved beside the video"));
    m_subtitleFormat->addItem(tr("As served"), subtitleFormatId(SubtitleFormat::Original));
    m_subtitleFormat->addItem(tr("SRT"), subtitleFormatId(SubtitleFormat::Srt));
    m_subtitleFormat->addItem(tr("VTT"), subtitleFormatId(SubtitleFormat::Vtt));
    m_subtitleFormat->addItem(tr("ASS"), subtitleFormatId(SubtitleFormat::Ass));
    m_embedThumbnail->setAccessibleName(tr("Embed the thumbnail"));
    m_embedMetadata->setAccessibleName(tr("Embed the metadata"));
    m_embedMetadata->setToolTip(tr("Title, uploader, date and description inside the file"));
    m_embedChapters->setAccessibleName(tr("Embed the chapters"));

    m_sponsorBlock->setAccessibleName(tr("SponsorBlock"));
    m_sponsorBlock->setToolTip(tr("Segments the SponsorBlock community marked in YouTube videos"));
    m_sponsorBlock->addItem(tr("Off"), sponsorBlockModeId(SponsorBlockMode::Off));
    m_sponsorBlock->addItem(tr("Mark as chapters"), sponsorBlockModeId(SponsorBlockMode::Mark));
    m_sponsorBlock->addItem(tr("Remove from the video"), sponsorBlockModeId(SponsorBlockMode::Remove));
    m_sponsorBlockLabel->setBuddy(m_sponsorBlock);
    m_categoriesButton->setText(tr("Categories…"));
    m_categoriesButton->setAccessibleName(tr("SponsorBlock categories"));
    m_categoriesButton->setPopupMode(QToolButton::InstantPopup);
    m_categoriesButton->setMenu(m_categories);
    for (const QString &category : sponsorBlockCategories()) {
        QAction *action = m_categories->addAction(categoryName(category));
        action->setData(category);
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, &MoreOptionsPanel::updateEnabled);
    }

    m_from->setAccessibleName(tr("Start of the part"));
    m_to->setAccessibleName(tr("End of the part"));
    m_from->setPlaceholderText(tr("Start"));
    m_from->setToolTip(tr("1:23, 01:02:03 or seconds; empty: from the beginning"));
    m_to->setToolTip(tr("1:23, 01:02:03 or seconds; empty: to the end"));
    // A link dropped anywhere is a new link for the window, even over these fields.
    m_from->setAcceptDrops(false);
    m_to->setAcceptDrops(false);
    m_rangeLabel->setBuddy(m_from);
    m_problem->setProperty("role", QStringLiteral("error"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *rangeRow = new QHBoxLayout(m_range);
    rangeRow->setContentsMargins(0, 0, 0, 0);
    rangeRow->addWidget(m_from, 1);
    rangeRow->addWidget(new QLabel(QStringLiteral("–"), m_range));
    rangeRow->addWidget(m_to, 1);
    auto *embedRow = new QHBoxLayout;
    embedRow->addWidget(m_embedThumbnail);
    embedRow->addWidget(m_embedMetadata);
    embedRow->addWidget(m_embedChapters);
    embedRow->addStretch(1);
    auto *sponsorRow = new QHBoxLayout;
    sponsorRow->addWidget(m_sponsorBlock, 1);
    sponsorRow->addWidget(m_categoriesButton);

    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *result = new QLabel(text, m_body);
        result->setBuddy(buddy);
        return result;
    };
    auto *grid = new QGridLayout(m_body);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(10);
    grid->addWidget(label(tr("Subtitle fi&les"), m_subtitleFormat), 0, 0);
    grid->addWidget(m_subtitleFormat, 0, 1);
    // The buddy is the one box that is never disabled, so the mnemonic always lands somewhere.
    grid->addWidget(label(tr("&Embed"), m_embedMetadata), 1, 0);
    grid->addLayout(embedRow, 1, 1);
    grid->addWidget(m_sponsorBlockLabel, 2, 0);
    grid->addLayout(sponsorRow, 2, 1);
    grid->addWidget(m_rangeLabel, 3, 0);
    grid->addWidget(m_range, 3, 1);
    grid->addWidget(m_problem, 4, 1);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_body);
    m_body->hide();

    connect(m_toggle, &QToolButton::toggled, this, &MoreOptionsPanel::setExpanded);
    connect(m_sponsorBlock, &QComboBox::currentIndexChanged, this, &MoreOptionsPanel::updateEnabled);
    connect(m_from, &QLineEdit::textChanged, this, &MoreOptionsPanel::updateTimeRange);
    connect(m_to, &QLineEdit::textChanged, this, &MoreOptionsPanel::updateTimeRange);
}

void MoreOptionsPanel::setInfo(const MediaInfo &info, const DownloadOptions &defaults)
{
    m_youTube = info.platform == Platform::YouTube;
    m_singleVideo = !info.isPlaylist;
    m_duration = info.duration;

    m_subtitleFormat->setCurrentIndex(
        qMax(0, m_subtitleFormat->findData(subtitleFormatId(defaults.subtitleFormat))));
    m_embedThumbnail->setChecked(defaults.embedThumbnail);
    m_embedMetadata->setChecked(defaults.embedMetadata);
    m_embedChapters->setChecked(defaults.embedChapters);
    // A playlist's entries are not read yet: any of them may have chapters.
    const bool chapters = info.isPlaylist || !info.chapters.isEmpty();
    m_embedChapters->setEnabled(chapters);
    m_embedChapters->setToolTip(chapters ? QString() : tr("This video has no chapters"));

    m_sponsorBlock->setCurrentIndex(
        qMax(0, m_sponsorBlock->findData(sponsorBlockModeId(defaults.sponsorBlock))));
    for (QAction *action : m_categories->actions())
        action->setChecked(defaults.sponsorBlockCategories.contains(action->data().toString()));
    m_sponsorBlockLabel->setVisible(m_youTube);
    m_sponsorBlock->setVisible(m_youTube);
    m_categoriesButton->setVisible(m_youTube);

    // Each video has its own length, so a range is offered for one video only, and starts whole.
    m_rangeLabel->setVisible(m_singleVideo);
    m_range->setVisible(m_singleVideo);
    m_from->clear();
    m_to->clear();
    m_to->setPlaceholderText(m_duration > 0 ? tr("End (%1)").arg(formatTimestamp(m_duration)) : tr("End"));
    updateTimeRange();
    updateEnabled();
}

void MoreOptionsPanel::apply(DownloadOptions &options) const
{
    applyPreferences(options);
    // Unchecked when there is nothing to embed, and no SponsorBlock where it was not offered.
    options.embedChapters = options.embedChapters && m_embedChapters->isEnabled();
    if (!m_youTube)
        options.sponsorBlock = SponsorBlockMode::Off;
    if (m_singleVideo && timeRangeProblem().isEmpty())
        options.section = TimeRange{sideOf(m_from).value_or(0), sideOf(m_to).value_or(0)};
}

void MoreOptionsPanel::applyPreferences(DownloadOptions &options) const
{
    options.subtitleFormat =
        subtitleFormatFromId(m_subtitleFormat->currentData().toString()).value_or(SubtitleFormat::Original);
    options.embedThumbnail = m_embedThumbnail->isChecked();
    options.embedMetadata = m_embedMetadata->isChecked();
    options.embedChapters = m_embedChapters->isChecked();
    options.sponsorBlockCategories = checkedCategories();
    options.sponsorBlock =
        sponsorBlockModeFromId(m_sponsorBlock->currentData().toString()).value_or(SponsorBlockMode::Off);
    options.section = {};
}

void MoreOptionsPanel::setThumbnailAllowed(bool allowed)
{
    m_embedThumbnail->setEnabled(allowed);
    m_embedThumbnail->setToolTip(
        allowed ? QString() : tr("Only MP4 and MKV videos and MP3 and M4A audio take a thumbnail"));
}

void MoreOptionsPanel::setSubtitlesChosen(bool chosen)
{
    m_subtitleFormat->setEnabled(chosen);
    m_subtitleFormat->setToolTip(chosen ? tr("The format of subtitle files saved beside the video")
                                        : tr("Choose subtitles first"));
}

QString MoreOptionsPanel::timeRangeProblem() const
{
    if (!m_singleVideo)
        return {};
    for (const QLineEdit *edit : {m_from, m_to}) {
        if (!sideOf(edit))
            return tr("\"%1\" is not a time: write 1:23, 01:02:03 or seconds.").arg(edit->text().trimmed());
    }
    return Gravity::timeRangeProblem(TimeRange{*sideOf(m_from), *sideOf(m_to)}, m_duration);
}

void MoreOptionsPanel::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
}

bool MoreOptionsPanel::isExpanded() const
{
    return m_toggle->isChecked();
}

void MoreOptionsPanel::updateEnabled()
{
    const bool sponsorBlock = m_sponsorBlock->currentIndex() > 0;
    m_categoriesButton->setEnabled(sponsorBlock);
    const QStringList categories = checkedCategories();
    QStringList names;
    for (const QString &category : categories)
        names << categoryName(category);
    m_categoriesButton->setToolTip(names.isEmpty() ? tr("No category chosen: nothing is marked or removed")
                                                   : names.join(QStringLiteral(", ")));
}

void MoreOptionsPanel::updateTimeRange()
{
    const QString problem = timeRangeProblem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    // A range typed in a folded section would be easy to forget: keep it in sight.
    if (!problem.isEmpty() || !m_from->text().isEmpty() || !m_to->text().isEmpty())
        setExpanded(true);
    emit timeRangeChanged();
}

QStringList MoreOptionsPanel::checkedCategories() const
{
    QStringList categories;
    for (const QAction *action : m_categories->actions()) {
        if (action->isChecked())
            categories << action->data().toString();
    }
    return categories;
}

} // namespace Gravity
