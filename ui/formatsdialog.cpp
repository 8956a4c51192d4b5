#include "formatsdialog.h"

#include "formatselector.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Gravity {

namespace {

bool hasVideo(FormatKind kind)
{
    return kind == FormatKind::VideoOnly || kind == FormatKind::Combined;
}

} // namespace

FormatsDialog::FormatsDialog(QWidget *parent)
    : QDialog(parent)
    , m_model(new FormatTableModel(this))
    , m_proxy(new FormatFilterProxyModel(this))
    , m_filters(new QButtonGroup(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Formats"));
    resize(900, 480);
    m_proxy->setSourceModel(m_model);

    auto *intro = new QLabel(
        tr("Choose one video format and, if it has no sound, one audio format. Click a row or press Space."),
        this);
    intro->setWordWrap(true);

    // Segmented filter buttons: one click, and all four choices visible at once.
    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(0);
    using Kind = FormatFilterProxyModel::Kind;
    struct Filter
    {
        Kind kind;
        QString text;
        QString accessibleName;
        QString objectName;
    };
    const QList<Filter> filters{
        {Kind::All, tr("All"), tr("Show all formats"), QStringLiteral("filterAll")},
        {Kind::Video, tr("Video only"), tr("Show video-only formats"), QStringLiteral("filterVideo")},
        {Kind::Audio, tr("Audio only"), tr("Show audio-only formats"), QStringLiteral("filterAudio")},
        {Kind::Combined, tr("Video+audio"), tr("Show formats with video and audio in one file"),
         QStringLiteral("filterCombined")}};
    for (const Filter &filter : filters) {
        auto *button = new QPushButton(filter.text, this);
        button->setObjectName(filter.objectName);
        button->setAccessibleName(filter.accessibleName);
        button->setCheckable(true);
        button->setAutoDefault(false); // Enter belongs to OK, not to whichever filter has focus
        button->setChecked(filter.kind == Kind::All);
        m_filters->addButton(button, int(filter.kind));
        filterRow->addWidget(button);
    }
    filterRow->addStretch();
    m_filters->setExclusive(true);
    connect(m_filters, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            setKind(Kind(id));
    });

    m_table->setObjectName(QStringLiteral("formatsTable"));
    m_table->setAccessibleName(tr("Formats"));
    m_table->setAccessibleDescription(
        tr("Press Space or Enter to choose the current format, again to unchoose it."));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The selection shows the choice; only chooseRow() changes it, so filtering cannot lose it.
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table instead of walking its cells
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FormatTableModel::NoteColumn, QHeaderView::Stretch);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FormatTableModel::ResolutionColumn, Qt::DescendingOrder); // best first
    m_table->installEventFilter(this);
    connect(m_table, &QAbstractItemView::clicked, this, &FormatsDialog::chooseRow);

    m_summary->setObjectName(QStringLiteral("formatSpec"));
    m_summary->setAccessibleName(tr("Chosen format"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setAccessibleName(tr("Use the chosen formats"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Tab order: filters, table, then the box's buttons in the platform's order. The box reorders its own
    // buttons whenever it lays them out, so the chain is left as made: the table and the box are created
    // before the filters, which closes the cycle filters → table → buttons → filters.

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    m_table->setFocus();
    showChoice();
}

void FormatsDialog::setFormats(const QList<MediaFormat> &formats)
{
    m_model->setFormats(formats);
    // Keep what is still listed, as what it is now.
    const auto still = [this](const QString &id, bool wantVideo) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            return QString();
        const FormatKind kind = formatKind(m_model->format(row));
        return (wantVideo ? hasVideo(kind) : kind == FormatKind::AudioOnly) ? id : QString();
    };
    const QString video = still(m_videoId, true);
    const QString audio = still(m_audioId, false);
    if (video != m_videoId || audio != m_audioId)
        setChoice(video, audio);
    else
        showChoice();
}

QString FormatsDialog::formatSpec() const
{
    if (!m_videoId.isEmpty() && !m_audioId.isEmpty())
        return m_videoId + u'+' + m_audioId;
    return m_videoId.isEmpty() ? m_audioId : m_videoId;
}

void FormatsDialog::setFormatSpec(const QString &spec)
{
    QString video;
    QString audio;
    const QStringList parts = spec.split(u'+');
    bool valid = !spec.isEmpty() && parts.size() <= 2;
    for (const QString &part : parts) {
        if (!valid)
            break;
        const int row = m_model->rowOf(part);
        const FormatKind kind = row < 0 ? FormatKind::Neither : formatKind(m_model->format(row));
        if (hasVideo(kind) && video.isEmpty())
            video = part;
        else if (kind == FormatKind::AudioOnly && audio.isEmpty())
            audio = part;
        else
            valid = false; // unknown id, a storyboard, two videos or two audios
    }
    if (!valid)
        video = audio = QString();
    setChoice(video, audio);

    const QString shown = video.isEmpty() ? audio : video;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(m_model->rowOf(shown), 0));
    if (index.isValid()) {
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        m_table->scrollTo(index);
    }
}

void FormatsDialog::setKind(FormatFilterProxyModel::Kind kind)
{
    m_proxy->setKind(kind);
    showChoice(); // rows coming back into view are selected again
}

void FormatsDialog::chooseRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const MediaFormat format = m_model->format(m_proxy->mapToSource(proxyIndex).row());
    const FormatKind kind = formatKind(format);
    if (hasVideo(kind))
        setChoice(format.formatId == m_videoId ? QString() : format.formatId, m_audioId);
    else if (kind == FormatKind::AudioOnly)
        setChoice(m_videoId, format.formatId == m_audioId ? QString() : format.formatId);
}

void FormatsDialog::setChoice(const QString &videoId, const QString &audioId)
{
    if (videoId == m_videoId && audioId == m_audioId) {
        showChoice();
        return;
    }
    m_videoId = videoId;
    m_audioId = audioId;
    showChoice();
    emit formatSpecChanged(formatSpec());
}

void FormatsDialog::showChoice()
{
    QItemSelection selection;
    for (const QString &id : {m_videoId, m_audioId}) {
        if (id.isEmpty())
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(m_model->rowOf(id), 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(FormatTableModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);

    const QString spec = formatSpec();
    const int videoRow = m_model->rowOf(m_videoId);
    const bool silent = m_audioId.isEmpty() && videoRow >= 0 &&
                        formatKind(m_model->format(videoRow)) == FormatKind::VideoOnly;
    if (spec.isEmpty())
        m_summary->setText(tr("Nothing chosen yet: choose a video format, an audio format, or one of each."));
    else if (silent)
        m_summary->setText(
            tr("Format %1 is video only and will have no sound: choose an audio format too.").arg(spec));
    else
        m_summary->setText(tr("Format: %1").arg(spec));
    // Ids come from yt-dlp's JSON, i.e. from the site: pass on only what looks like a format spec.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!spec.isEmpty() && isPlausibleFormatSpec(spec));
}

bool FormatsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool chooseKey =
            key->key() == Qt::Key_Space || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (chooseKey && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            chooseRow(m_table->currentIndex());
            return true; // Enter chooses a row here; it does not also press OK
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Gravity
