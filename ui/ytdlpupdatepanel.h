#pragma once

#include "engineconfig.h"
#include "ytdlpinstall.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Gravity {

class YtDlpUpdater;
struct YtDlpUpdateResult;

// The Update button of the Tools page: enabled only for Gravity's own copy of yt-dlp (the tooltip says why
// otherwise), with the channel to follow, cancellable while it runs, and the outcome shown below it.
class YtDlpUpdatePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YtDlpUpdatePanel)

public:
    explicit YtDlpUpdatePanel(QWidget *parent = nullptr);
    ~YtDlpUpdatePanel() override;

    // The yt-dlp the page found (empty path: none), its version and who looks after it.
    void setBinary(const QString &path, const QString &version, YtDlpInstall install);
    void setNetwork(const NetworkConfig &network) { m_network = network; }
    // Tests point this at a temporary folder.
    void setOwnFolders(const QStringList &folders);
    [[nodiscard]] bool isUpdating() const;

signals:
    // yt-dlp was replaced: the page reads its version again.
    void updated();

private:
    void startOrCancel();
    void showResult(const YtDlpUpdateResult &result);
    void updateButton();

    YtDlpUpdater *m_updater;
    QComboBox *m_channel;
    QPushButton *m_button;
    QLabel *m_result;
    QString m_path;
    QString m_version;
    YtDlpInstall m_install = YtDlpInstall::Missing;
    bool m_showingOutcome = false; // an update's result stays until the next update starts
    NetworkConfig m_network;
};

} // namespace Gravity
