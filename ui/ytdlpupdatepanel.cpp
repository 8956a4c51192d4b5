#include "ytdlpupdatepanel.h"

#include "theme.h"
#include "ytdlpupdater.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gravity {

YtDlpUpdatePanel::YtDlpUpdatePanel(QWidget *parent)
    : QWidget(parent)
    , m_updater(new YtDlpUpdater(this))
    , m_channel(new QComboBox(this))
    , m_button(new QPushButton(this))
    , m_result(new QLabel(this))
{
    m_channel->setObjectName(QStringLiteral("settingsYtDlpChannel"));
    m_channel->setAccessibleName(tr("Release channel of yt-dlp"));
    m_channel->addItem(tr("Stable"), int(YtDlpUpdater::Channel::Stable));
    m_channel->addItem(tr("Nightly"), int(YtDlpUpdater::Channel::Nightly));
    m_button->setObjectName(QStringLiteral("settingsYtDlpUpdate"));
    m_button->setAutoDefault(false);
    m_result->setObjectName(QStringLiteral("settingsYtDlpUpdateResult"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setProperty("role", QStringLiteral("secondary"));
    m_result->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    row->addWidget(m_channel);
    row->addWidget(m_button);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_result);

    connect(m_button, &QPushButton::clicked, this, &YtDlpUpdatePanel::startOrCancel);
    connect(m_updater, &YtDlpUpdater::finished, this, &YtDlpUpdatePanel::showResult);
    updateButton();
}

YtDlpUpdatePanel::~YtDlpUpdatePanel() = default;

void YtDlpUpdatePanel::setOwnFolders(const QStringList &folders)
{
    m_updater->setOwnFolders(folders);
}

bool YtDlpUpdatePanel::isUpdating() const
{
    return m_updater->isRunning();
}

void YtDlpUpdatePanel::setBinary(const QString &path, const QString &version, YtDlpInstall install)
{
    m_path = path;
    m_version = version;
    m_install = install;
    // Before 2023.03.04 yt-dlp only knows -U, which cannot switch channels.
    const bool channels = YtDlpUpdater::supportsChannels(version);
    m_channel->setEnabled(channels && install == YtDlpInstall::Own);
    if (!channels)
        m_channel->setCurrentIndex(0);
    // Why there is nothing to update here, in words and not only in the disabled button's tooltip.
    if (!m_showingOutcome) {
        const bool explain = install != YtDlpInstall::Own && install != YtDlpInstall::Missing;
        m_result->setText(explain ? ytDlpInstallText(install) : QString());
        Theme::setStyleProperty(m_result, "role", QStringLiteral("secondary"));
        m_result->setVisible(explain);
    }
    updateButton();
}

void YtDlpUpdatePanel::updateButton()
{
    const bool running = m_updater->isRunning();
    m_button->setText(running ? tr("Cancel update") : tr("Update yt-dlp"));
    m_button->setAccessibleName(running ? tr("Cancel the yt-dlp update") : tr("Update yt-dlp"));
    m_button->setEnabled(running || m_install == YtDlpInstall::Own);
    m_button->setToolTip(running ? QString() : ytDlpInstallText(m_install));
    m_channel->setVisible(m_install == YtDlpInstall::Own);
}

void YtDlpUpdatePanel::startOrCancel()
{
    if (m_updater->isRunning()) {
        m_updater->cancel();
        return;
    }
    m_showingOutcome = true;
    m_result->setText(tr("Updating yt-dlp…"));
    Theme::setStyleProperty(m_result, "role", QStringLiteral("secondary"));
    m_result->show();
    m_updater->start(m_path, m_version, YtDlpUpdater::Channel(m_channel->currentData().toInt()), m_network);
    updateButton();
}

void YtDlpUpdatePanel::showResult(const YtDlpUpdateResult &result)
{
    m_result->setText(result.message);
    m_result->setToolTip(result.detail);
    Theme::setStyleProperty(m_result, "role", result.ok ? QStringLiteral("hint") : QStringLiteral("error"));
    m_result->show();
    updateButton();
    if (result.ok)
        emit updated();
}

} // namespace Gravity
