#include "settingstoolspage.h"

#include "appsettings.h"
#include "theme.h"
#include "ytdlpupdatepanel.h"
#include "ytdlpversion.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace Gravity {

namespace {

// Runs on a pool thread: locating is a few file checks, the version runs the program.
ToolCheck checkTool(Tool tool, const QString &configured)
{
    ToolCheck result;
    result.automaticPath = ToolLocator::locate(tool);
    result.path = configured.isEmpty() ? result.automaticPath : ToolLocator::locate(tool, configured);
    if (!result.path.isEmpty()) {
        result.version = tool == Tool::YtDlp ? ToolLocator::ytDlpVersion(result.path)
                                             : ToolLocator::ffmpegVersion(result.path);
    }
    if (tool == Tool::YtDlp)
        result.install = classifyYtDlpInstall(result.path, ownYtDlpFolders());
    return result;
}

// Typing a path re-checks once the typing pauses, not for every character.
constexpr int RecheckDelayMs = 400;

} // namespace

SettingsToolsPage::SettingsToolsPage(QWidget *parent)
    : SettingsPage(parent)
    , m_probeTimeout(new PhraseSpinBox([](int value) { return tr("%n second(s)", nullptr, value); }, this))
    , m_stallTimeout(new PhraseSpinBox(
          [](int value) { return value == 0 ? tr("Never") : tr("%n second(s)", nullptr, value); }, this))
    , m_timeLimit(new PhraseSpinBox(
          [](int value) { return value == 0 ? tr("No limit") : tr("%n minute(s)", nullptr, value); }, this))
{
    addHeading(tr("Programs"));
    addToolRow(m_ytDlp, tr("&yt-dlp"), QStringLiteral("settingsYtDlp"));
    m_ytDlpAge = new QLabel(this);
    m_ytDlpAge->setObjectName(QStringLiteral("settingsYtDlpAge"));
    m_ytDlpAge->setTextFormat(Qt::PlainText);
    m_ytDlpAge->setWordWrap(true);
    m_ytDlpAge->setProperty("role", QStringLiteral("error"));
    m_ytDlpAge->hide();
    form()->addRow(QString(), m_ytDlpAge);
    m_update = new YtDlpUpdatePanel(this);
    form()->addRow(QString(), m_update);
    connect(m_update, &YtDlpUpdatePanel::updated, this, [this] { check(m_ytDlp); });
    addToolRow(m_ffmpeg, tr("&ffmpeg"), QStringLiteral("settingsFfmpeg"));
    addHint(tr("Leave a path empty to use the program Gravity finds by itself."));

    addHeading(tr("Time limits"));
    m_probeTimeout->setObjectName(QStringLiteral("settingsProbeTimeout"));
    m_probeTimeout->setRange(10, 600);
    m_probeTimeout->setSingleStep(10);
    m_stallTimeout->setObjectName(QStringLiteral("settingsStallTimeout"));
    m_stallTimeout->setRange(0, 3600);
    m_stallTimeout->setGap(15);
    m_stallTimeout->setSingleStep(15);
    m_timeLimit->setObjectName(QStringLiteral("settingsTimeLimit"));
    m_timeLimit->setRange(0, 1440);
    m_timeLimit->setGap(5);
    m_timeLimit->setSingleStep(5);
    addRow(tr("&Parse time-out"), m_probeTimeout);
    addRow(tr("&Stall time-out"), m_stallTimeout);
    addRow(tr("&Download time limit"), m_timeLimit);
    addHint(tr(
        "Reading a link gives up after the parse time-out. A download is stopped when yt-dlp prints nothing "
        "at all for the stall time-out, or when it runs longer than the time limit; it can then be "
        "retried."));

    // One width for the three, so they line up as a column.
    int width = 0;
    for (PhraseSpinBox *box : {m_probeTimeout, m_stallTimeout, m_timeLimit}) {
        box->ensurePolished();
        width = qMax(width, box->sizeHint().width());
    }
    for (PhraseSpinBox *box : {m_probeTimeout, m_stallTimeout, m_timeLimit}) {
        box->setMinimumWidth(width);
        connect(box, &QSpinBox::valueChanged, this, &SettingsPage::changed);
    }
    // The spin boxes were made first: Tab follows the page from the top instead.
    const QList<QWidget *> order{m_ytDlp.path,   m_ytDlp.browse, m_ffmpeg.path, m_ffmpeg.browse,
                                 m_probeTimeout, m_stallTimeout, m_timeLimit};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

SettingsToolsPage::~SettingsToolsPage() = default;

void SettingsToolsPage::addToolRow(ToolField &field, const QString &label, const QString &objectName)
{
    field.path = new QLineEdit(this);
    field.path->setObjectName(objectName + QStringLiteral("Path"));
    Theme::addClearButton(field.path);
    field.browse = new QPushButton(tr("Browse…"), this);
    field.browse->setAutoDefault(false);
    field.status = new QLabel(this);
    field.status->setObjectName(objectName + QStringLiteral("Version"));
    field.status->setTextFormat(Qt::PlainText);
    field.status->setProperty("role", QStringLiteral("secondary"));
    field.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field.status->setContentsMargins(0, 0, 0, 6);
    field.debounce = new QTimer(this);
    field.debounce->setSingleShot(true);
    field.debounce->setInterval(RecheckDelayMs);
    field.watcher = new QFutureWatcher<ToolCheck>(this);
    if (field.tool == Tool::YtDlp) {
        field.path->setAccessibleName(tr("Path of yt-dlp"));
        field.browse->setAccessibleName(tr("Choose the yt-dlp program"));
        field.status->setAccessibleName(tr("yt-dlp version"));
    } else {
        field.path->setAccessibleName(tr("Path of ffmpeg"));
        field.browse->setAccessibleName(tr("Choose the ffmpeg program"));
        field.status->setAccessibleName(tr("ffmpeg version"));
    }

    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(field.path, 1);
    row->addWidget(field.browse);
    addRow(label, row, field.path);
    form()->addRow(QString(), field.status);

    ToolField *f = &field;
    connect(field.path, &QLineEdit::textChanged, field.debounce, qOverload<>(&QTimer::start));
    connect(field.path, &QLineEdit::textEdited, this, &SettingsPage::changed);
    connect(field.debounce, &QTimer::timeout, this, [this, f] { check(*f); });
    connect(field.browse, &QPushButton::clicked, this, [this, f] { choose(*f); });
    connect(field.watcher, &QFutureWatcherBase::finished, this,
            [this, f] { showCheck(*f, f->watcher->result()); });
}

QString SettingsToolsPage::title() const
{
    return tr("Tools");
}

void SettingsToolsPage::load(const AppSettings &settings)
{
    const QSignalBlocker probe(m_probeTimeout);
    const QSignalBlocker stall(m_stallTimeout);
    const QSignalBlocker limit(m_timeLimit);
    m_ytDlp.path->setText(QDir::toNativeSeparators(settings.ytDlpPath()));
    m_ffmpeg.path->setText(QDir::toNativeSeparators(settings.ffmpegPath()));
    m_probeTimeout->setValue(settings.probeTimeoutSec());
    m_stallTimeout->setValue(m_stallTimeout->bounded(settings.stallTimeoutSec()));
    m_timeLimit->setValue(m_timeLimit->bounded(settings.downloadTimeLimitMin()));
    m_update->setNetwork(settings.engineConfig().network);
    // At once, not after the typing pause: the page opens showing the versions as soon as they are known.
    for (ToolField *field : {&m_ytDlp, &m_ffmpeg}) {
        field->debounce->stop();
        check(*field);
    }
}

void SettingsToolsPage::save(AppSettings &settings) const
{
    settings.setYtDlpPath(QDir::fromNativeSeparators(m_ytDlp.path->text().trimmed()));
    settings.setFfmpegPath(QDir::fromNativeSeparators(m_ffmpeg.path->text().trimmed()));
    settings.setProbeTimeoutSec(m_probeTimeout->value());
    settings.setStallTimeoutSec(m_stallTimeout->bounded(m_stallTimeout->value()));
    settings.setDownloadTimeLimitMin(m_timeLimit->bounded(m_timeLimit->value()));
}

bool SettingsToolsPage::isChecking() const
{
    return m_ytDlp.pending || m_ffmpeg.pending || m_ytDlp.debounce->isActive() ||
           m_ffmpeg.debounce->isActive();
}

void SettingsToolsPage::check(ToolField &field)
{
    field.pending = true;
    field.status->setText(tr("Checking…"));
    Theme::setStyleProperty(field.status, "role", QStringLiteral("secondary"));
    // A newer check replaces the watched future, so an older answer arriving late is never shown.
    field.watcher->setFuture(QtConcurrent::run(checkTool, field.tool, field.path->text().trimmed()));
}

void SettingsToolsPage::showCheck(ToolField &field, const ToolCheck &result)
{
    const bool ytDlp = field.tool == Tool::YtDlp;
    field.pending = field.watcher->isRunning(); // a newer check may already be on its way
    field.path->setPlaceholderText(
        result.automaticPath.isEmpty()
            ? tr("Automatic (not found)")
            : tr("Automatic: %1").arg(QDir::toNativeSeparators(result.automaticPath)));
    QString text;
    bool problem = true;
    if (result.path.isEmpty()) {
        text = tr("Not found");
    } else if (!result.version) {
        text = ytDlp ? tr("This program does not answer like yt-dlp does")
                     : tr("This program does not answer like ffmpeg does");
    } else if (ytDlp && !ToolLocator::isVersionAtLeast(*result.version, ToolLocator::minimumYtDlpVersion())) {
        text = tr("Version %1 is too old: Gravity needs %2 or newer")
                   .arg(*result.version, ToolLocator::minimumYtDlpVersion());
    } else {
        text = tr("Version %1").arg(*result.version);
        problem = false;
    }
    field.status->setText(text);
    field.status->setToolTip(QDir::toNativeSeparators(result.path));
    if (ytDlp) {
        const QString age =
            result.version && !problem
                ? ytDlpOutdatedText(*result.version, m_today.isValid() ? m_today : QDate::currentDate())
                : QString();
        m_ytDlpAge->setText(age);
        m_ytDlpAge->setVisible(!age.isEmpty());
        m_update->setBinary(result.path, result.version.value_or(QString()), result.install);
    }
    Theme::setStyleProperty(field.status, "role",
                            problem ? QStringLiteral("error") : QStringLiteral("secondary"));
}

void SettingsToolsPage::choose(ToolField &field)
{
    const QString current = field.path->text().trimmed();
    const QString start = !current.isEmpty() ? QFileInfo(current).absolutePath() : QDir::homePath();
    const QString caption = field.tool == Tool::YtDlp ? tr("Choose yt-dlp") : tr("Choose ffmpeg");
#if defined(Q_OS_WIN)
    const QString filter = tr("Programs (*.exe)");
#else
    const QString filter;
#endif
    const QString chosen = QFileDialog::getOpenFileName(this, caption, start, filter);
    if (chosen.isEmpty())
        return;
    field.path->setText(QDir::toNativeSeparators(chosen));
    emit changed();
}

} // namespace Gravity
