#pragma once

#include "confirmation.h"
#include "engineconfig.h"
#include "mediainfo.h"
#include "windowheader.h"

#include <QMainWindow>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace Gravity {

class AppSettings;
class BatchIntake;
class Card;
class DownloadListModel;
class DownloadQueue;
class DownloadsView;
class DropOverlay;
class HistoryPage;
class HistoryStore;
class MediaSummary;
class OptionsPanel;
class PlaylistPanel;
class Prober;
class SettingsDialog;
class QueueJournal;
class Theme;
class ThumbnailLoader;
struct ProbeResult;

// The window: paste or drop a link, parse, choose, download, watch the list. Everything it shows comes from
// core objects (prober, queue) through signals; it never runs a process itself.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // history may be null (tests of the download flow): then there is no History page.
    MainWindow(const EngineConfig &config, AppSettings *settings, Theme *theme,
               HistoryStore *history = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Links from the command line, a drop or a second launch: one is parsed; several become a list to tick.
    void parseUrls(const QStringList &urls);
    // Links handed over while the window is in the tray: each is parsed and queued with the options the
    // window last used, without showing the window (the tray tells how they end).
    void queueInBackground(const QStringList &urls);
    [[nodiscard]] DownloadQueue *queue() const { return m_queue; }
    // Says when the saved queue was damaged or cannot be written.
    void watchQueueJournal(QueueJournal *journal);
    // With a tray, closing the window hides it there (when the user keeps "close to tray" on); without one,
    // closing quits, after asking when downloads are running.
    void setTrayAvailable(bool available) { m_trayAvailable = available; }
    void setConfirmFunction(ConfirmFunction confirm); // an empty one restores the message box
    // The download page with the task's row selected and in view (from the tray or a notification).
    void showDownload(quint64 taskId);
    // Quitting from the tray: no question (the downloads come back at the next start), every process
    // tree stopped and the queue saved.
    void stopForQuit();

    [[nodiscard]] bool isParsing() const;
    // A text file of links, one per line: each valid one is parsed and downloaded with the options new
    // videos start with; the message says how many were added and which lines were rejected, and why.
    void importLinksFrom(const QString &path);
    // Settings on the Network page with the cookies choice focused: the one-click fix for "login required".
    void openCookieSettings();

signals:
    // The window went to the tray instead of closing (the tray says so the first time).
    void hiddenToTray();
    // Once, just after the window's first paint: what can wait until the window shows waits for this.
    void firstPainted();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void watchHistory();
    void showPage(WindowHeader::Page page);
    void ensureHistoryPage();
    void completeAfterFirstPaint();
    SettingsDialog *openSettings();
    void showYtDlpAgeHint(const QString &failure);
    void applySettings();
    QWidget *buildInputCard(QWidget *parent);
    void ensureResultCard();
    QWidget *buildResultCard(QWidget *parent);
    QWidget *buildDownloadsCard(QWidget *parent);
    void parseInput();
    void pasteAndParse();
    void cancelParse();
    void onProbed(const ProbeResult &result);
    void showResult(const MediaInfo &info);
    void startDownload();
    void resetForNextLink();
    void setBusy(bool busy);
    void showMessage(const QString &text, const QString &role);
    void offerClipboardLink();
    void updateDownloadButton();
    void updateDownloadsSummary();

    EngineConfig m_config;
    AppSettings *m_settings;
    Theme *m_theme;
    HistoryStore *m_history;
    DownloadQueue *m_queue;
    DownloadListModel *m_model;
    ThumbnailLoader *m_thumbnails;
    Prober *m_prober = nullptr;
    BatchIntake *m_intake = nullptr; // created by the first queueInBackground()
    std::optional<MediaInfo> m_info;
    QString m_url;
    QString m_offeredLink;

    QLineEdit *m_urlEdit = nullptr;
    QPushButton *m_parseButton = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_cookiesButton = nullptr; // beside a parse error that needs a login
    QWidget *m_clipboardOffer = nullptr;
    QLabel *m_clipboardText = nullptr;
    QVBoxLayout *m_pageLayout = nullptr;
    Card *m_resultCard = nullptr; // made when the first parse finishes: ensureResultCard()
    MediaSummary *m_summary = nullptr;
    OptionsPanel *m_options = nullptr;
    PlaylistPanel *m_playlist = nullptr;
    QPushButton *m_downloadButton = nullptr;
    QLabel *m_downloadsSummary = nullptr;
    DownloadsView *m_downloads = nullptr;
    DropOverlay *m_dropOverlay = nullptr;
    WindowHeader *m_header = nullptr;
    QStackedWidget *m_pages = nullptr;
    bool m_completedAfterFirstPaint = false;
    HistoryPage *m_historyPage = nullptr; // made when first shown: ensureHistoryPage()
    QList<std::function<void(HistoryPage *)>> m_historyNoticesBeforePage;
    bool m_trayAvailable = false;
    ConfirmFunction m_confirm;
};

} // namespace Gravity
