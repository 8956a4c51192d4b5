#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QString>
#include <QTimer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace Gravity {

class AppSettings;
class DownloadQueue;
class NotificationBatcher;
struct NotificationBatch;

// The system tray: an icon that shows how the downloads are doing, a tooltip with the numbers, a menu to
// show the window, pause, resume and quit, and one notification per batch of finished downloads. The only
// class that touches QSystemTrayIcon; the window hears from it through signals and show()/hide().
// Without a system tray (a bare X server, some GNOME set-ups) it shows nothing and isAvailable() is false.
class TrayMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayMonitor)

public:
    // The icon is repainted at most this often, however fast the queue changes.
    static constexpr int IconIntervalMs = 500;
    // The menu lists this many running downloads; the rest are counted.
    static constexpr int MaxMenuDownloads = 8;

    // A notification's two parts: the summary line and the text under it.
    struct Message
    {
        QString title;
        QString body;
    };

    // window is only shown, hidden and raised.
    TrayMonitor(DownloadQueue *queue, AppSettings *settings, QWidget *window, QObject *parent = nullptr);
    ~TrayMonitor() override;

    [[nodiscard]] bool isAvailable() const { return m_tray != nullptr; }
    [[nodiscard]] NotificationBatcher *batcher() const { return m_batcher; }

    // What a batch says, translated: "3 downloads finished", "2 finished, 1 failed".
    [[nodiscard]] static Message messageFor(const NotificationBatch &batch);
    // The app icon at `size` device pixels; with a bar showing `fraction` (0..1) when downloading (pass a
    // negative fraction when idle) and a red badge when a download failed.
    [[nodiscard]] static QPixmap iconPixmap(int size, double fraction, bool failed);

public slots:
    void showWindow();
    void hideWindow();
    void toggleWindow();
    // The window went to the tray instead of closing: says once that Gravity keeps running there.
    void tellKeptRunning();

signals:
    // A download in the menu or a notification about a failure was clicked; the window is already shown.
    void rowRequested(quint64 taskId);
    // Quit from the menu: the app stops every download and saves the queue.
    void quitRequested();

private:
    struct Summary
    {
        int active = 0;
        int queued = 0;
        int paused = 0;
        int failed = 0;
        double fraction = -1.0; // mean over the running downloads; -1 when none reports a size yet
        double speed = 0.0;     // bytes/s, all together
        qint64 eta = -1;        // s, the longest of the running downloads
    };

    void buildMenu();
    void scheduleRefresh();
    void refresh();
    [[nodiscard]] Summary summarize() const;
    [[nodiscard]] static QString toolTipFor(const Summary &summary);
    // What the icon's bar shows: -1 when nothing runs, else 0..100.
    [[nodiscard]] static int iconPercent(const Summary &summary);
    void syncDownloadActions();
    void updateIcon();
    void showBatch(const NotificationBatch &batch);
    void onMessageClicked();
    static void plainBalloonButtons();
    void openDownloadFolder();

    DownloadQueue *m_queue;
    AppSettings *m_settings;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    NotificationBatcher *m_batcher = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_toggleAction = nullptr;
    QAction *m_noDownloadsAction = nullptr;
    QAction *m_moreAction = nullptr;
    QAction *m_pauseAllAction = nullptr;
    QAction *m_resumeAllAction = nullptr;
    QHash<quint64, QAction *> m_downloadActions;

    QTimer m_refreshTimer;
    QTimer m_iconTimer;
    QElapsedTimer m_sinceIcon;
    int m_iconPercent = -2; // what the icon shows now (iconPercent); -2 before the first
    bool m_iconFailed = false;
    Summary m_summary;

    // What the last notification was about, for messageClicked (which carries nothing).
    quint64 m_clickedTask = 0;
    QString m_clickedFolder;
    bool m_toldKeptRunning = false;
};

} // namespace Gravity
