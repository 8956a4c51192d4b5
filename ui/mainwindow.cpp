#include "mainwindow.h"

#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "formatselector.h"
#include "prober.h"
#include "urlrecognizer.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Gravity {

namespace {

// Title, a thin progress bar and one status line per download.
class DownloadDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        if (option.state & QStyle::State_Selected)
            painter->fillRect(option.rect, option.palette.highlight());
        const QRect area = option.rect.adjusted(12, 6, -12, -6);
        const QFontMetrics metrics(option.font);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                                   : QPalette::Text));
        painter->drawText(QRect(area.left(), area.top(), area.width(), metrics.height()), Qt::AlignLeft,
                          metrics.elidedText(index.data(DownloadListModel::TitleRole).toString(),
                                             Qt::ElideRight, area.width()));
        const double fraction = index.data(DownloadListModel::FractionRole).toDouble();
        const QRect bar(area.left(), area.top() + metrics.height() + 4, area.width(), 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Mid));
        painter->drawRoundedRect(bar, 2, 2);
        if (fraction > 0) {
            painter->setBrush(option.palette.color(QPalette::Highlight));
            painter->drawRoundedRect(QRect(bar.left(), bar.top(), int(bar.width() * fraction), bar.height()),
                                     2, 2);
        }
        painter->setFont(option.font);
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(QRect(area.left(), bar.bottom() + 4, area.width(), metrics.height()), Qt::AlignLeft,
                          metrics.elidedText(index.data(DownloadListModel::StatusTextRole).toString(),
                                             Qt::ElideRight, area.width()));
        painter->restore();
    }

    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        const QFontMetrics metrics(option.font);
        return {320, metrics.height() * 2 + 26};
    }
};

} // namespace

MainWindow::MainWindow(const EngineConfig &config, QWidget *parent)
    : QMainWindow(parent)
    , m_config(config)
    , m_queue(new DownloadQueue(config, this))
    , m_model(new DownloadListModel(m_queue, this))
    , m_urlEdit(new QLineEdit(this))
    , m_parseButton(new QPushButton(tr("Parse"), this))
    , m_message(new QLabel(this))
    , m_infoLabel(new QLabel(this))
    , m_quality(new QComboBox(this))
    , m_downloadButton(new QPushButton(tr("Download"), this))
    , m_downloads(new QListView(this))
{
    setWindowTitle(tr("Gravity Video Downloader"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gravity.svg")));
    resize(760, 560);

    m_urlEdit->setPlaceholderText(tr("Paste a video or playlist link"));
    m_urlEdit->setAccessibleName(tr("Video link"));
    m_urlEdit->setClearButtonEnabled(true);
    auto *pasteButton = new QPushButton(tr("Paste"), this);
    pasteButton->setAccessibleName(tr("Paste link from clipboard"));
    m_parseButton->setDefault(true);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Message"));
    m_infoLabel->setWordWrap(true);
    m_infoLabel->setTextFormat(Qt::PlainText);
    m_quality->setAccessibleName(tr("Quality"));
    m_downloadButton->setEnabled(false);
    m_downloads->setModel(m_model);
    m_downloads->setItemDelegate(new DownloadDelegate(m_downloads));
    m_downloads->setAccessibleName(tr("Downloads"));
    m_downloads->setUniformItemSizes(true);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_urlEdit, 1);
    inputRow->addWidget(pasteButton);
    inputRow->addWidget(m_parseButton);
    // Options appear once there is something to choose for.
    m_options = new QWidget(this);
    auto *optionsRow = new QHBoxLayout(m_options);
    optionsRow->setContentsMargins(0, 0, 0, 0);
    optionsRow->addWidget(new QLabel(tr("Quality:"), m_options));
    optionsRow->addWidget(m_quality, 1);
    optionsRow->addWidget(m_downloadButton);
    m_options->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->setSpacing(12);
    layout->addLayout(inputRow);
    layout->addWidget(m_message);
    layout->addWidget(m_infoLabel);
    layout->addWidget(m_options);
    layout->addWidget(m_downloads, 1);
    setCentralWidget(central);

    connect(pasteButton, &QPushButton::clicked, this, [this] {
        m_urlEdit->setText(QApplication::clipboard()->text().trimmed());
        parseInput();
    });
    connect(m_urlEdit, &QLineEdit::returnPressed, this, &MainWindow::parseInput);
    connect(m_parseButton, &QPushButton::clicked, this, [this] {
        if (m_prober && m_prober->isRunning())
            m_prober->cancel();
        else
            parseInput();
    });
    connect(m_downloadButton, &QPushButton::clicked, this, &MainWindow::startDownload);
}

MainWindow::~MainWindow() = default;

void MainWindow::parseUrls(const QStringList &urls)
{
    for (const QString &text : urls) {
        if (recognizeUrl(text).isValid()) {
            m_urlEdit->setText(text);
            parseInput();
            return;
        }
    }
    if (!urls.isEmpty()) {
        m_urlEdit->setText(urls.first());
        parseInput();
    }
}

void MainWindow::setBusy(bool busy)
{
    m_parseButton->setText(busy ? tr("Cancel") : tr("Parse"));
    m_urlEdit->setReadOnly(busy);
}

void MainWindow::parseInput()
{
    const RecognizedUrl url = recognizeUrl(m_urlEdit->text());
    m_info.reset();
    m_downloadButton->setEnabled(false);
    m_options->hide();
    m_quality->clear();
    m_infoLabel->clear();
    if (!url.isValid()) {
        m_message->setText(rejectionText(url.rejection));
        return;
    }
    m_url = url.normalized;
    m_message->setText(tr("Reading %1 …").arg(platformDisplayName(url.platform)));
    delete m_prober;
    m_prober = new Prober(m_config, this);
    connect(m_prober, &Prober::finished, this, &MainWindow::onProbed);
    setBusy(true);
    m_prober->start(m_url);
}

void MainWindow::onProbed(const ProbeResult &result)
{
    setBusy(false);
    if (!result.info) {
        m_message->setText(errorKindText(result.error.kind));
        return;
    }
    m_message->clear();
    m_info = result.info;
    const MediaInfo &info = *m_info;
    QString text = info.title;
    if (!info.uploader.isEmpty())
        text += QLatin1Char('\n') + info.uploader;
    if (info.isPlaylist)
        text += QLatin1Char('\n') + tr("Playlist of %n videos", nullptr, int(info.entries.size()));
    m_infoLabel->setText(text);

    // Only qualities that exist: no 4K choice for a 720p video.
    const int tallest = info.maxHeight();
    m_quality->addItem(tr("Best available"), qualityPresetId(QualityPreset::Best));
    for (const QualityPreset preset : {QualityPreset::P2160, QualityPreset::P1440, QualityPreset::P1080,
                                       QualityPreset::P720, QualityPreset::P480, QualityPreset::P360}) {
        if (info.isPlaylist || presetHeight(preset) <= tallest)
            m_quality->addItem(tr("%1p").arg(presetHeight(preset)), qualityPresetId(preset));
    }
    m_quality->addItem(tr("Audio only"), qualityPresetId(QualityPreset::AudioOnly));
    m_downloadButton->setEnabled(true);
    m_options->show();
    m_downloadButton->setFocus();
}

void MainWindow::startDownload()
{
    if (!m_info)
        return;
    DownloadOptions options;
    options.quality = qualityPresetFromId(m_quality->currentData().toString()).value_or(QualityPreset::Best);
    options.outputDir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const MediaInfo &info = *m_info;
    if (info.isPlaylist) {
        for (const PlaylistEntry &entry : info.entries) {
            DownloadRequest request;
            request.url = entry.url;
            request.title = entry.title;
            request.platform = info.platform;
            request.options = options;
            m_queue->enqueue(std::move(request));
        }
    } else {
        DownloadRequest request;
        request.url = m_url;
        request.platform = info.platform;
        request.title = info.title;
        request.thumbnail = info.thumbnail;
        request.infoJson = info.rawJson;
        request.infoFetchedAt = QDateTime::currentDateTimeUtc();
        request.options = options;
        m_queue->enqueue(std::move(request));
    }
    // Ready for the next link at once.
    m_info.reset();
    m_downloadButton->setEnabled(false);
    m_options->hide();
    m_infoLabel->clear();
    m_quality->clear();
    m_urlEdit->clear();
    m_urlEdit->setFocus();
}

} // namespace Gravity
