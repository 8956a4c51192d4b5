#pragma once

#include "engineconfig.h"
#include "mediainfo.h"

#include <QMainWindow>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace Gravity {

class DownloadListModel;
class DownloadQueue;
class Prober;
struct ProbeResult;

// The window, minimal for now: paste a URL, parse, pick a quality, download, watch the list. The full window
// (drop overlay, thumbnails, options, playlists, theme) is its own issue.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const EngineConfig &config, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Parses the first acceptable URL among these (from the command line or a drop).
    void parseUrls(const QStringList &urls);

private:
    void parseInput();
    void onProbed(const ProbeResult &result);
    void startDownload();
    void setBusy(bool busy);

    EngineConfig m_config;
    DownloadQueue *m_queue;
    DownloadListModel *m_model;
    Prober *m_prober = nullptr;
    std::optional<MediaInfo> m_info;
    QString m_url;

    QLineEdit *m_urlEdit;
    QPushButton *m_parseButton;
    QLabel *m_message;
    QLabel *m_infoLabel;
    QWidget *m_options = nullptr;
    QComboBox *m_quality;
    QPushButton *m_downloadButton;
    QListView *m_downloads;
};

} // namespace Gravity
