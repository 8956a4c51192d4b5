#pragma once

#include "confirmation.h"
#include "downloadrequest.h"
#include "historyactions.h"

#include <QFutureWatcher>
#include <QModelIndexList>
#include <QWidget>

#include <functional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace Gravity {

class HistoryDelegate;
class HistoryFilterProxyModel;
class HistoryModel;
class HistoryStore;
class ThumbnailLoader;

// The History page: every download that ended, newest first, with search as you type, state and platform
// filters, and what people do with an old download — open it, show its folder, download it again with the
// same options, copy its link, remove it (with or without its file), clear everything, export to JSON or
// CSV. It owns its model and filter over a HistoryStore the window owns (and loads; the page starts the
// load itself when first shown, in case nobody did). Problems of the store (a damaged file moved aside, a
// file that cannot be read or written) show as a notice on the page.
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    enum class ExportFormat
    {
        Json,
        Csv
    };

    HistoryPage(HistoryStore *store, ThumbnailLoader *thumbnails, QWidget *parent = nullptr);
    ~HistoryPage() override;

    void focusSearch();
    // Re-checks which downloaded files are still there (the window calls it when the page is shown and when
    // the window is activated: people delete and move files in between).
    void refresh();

    // Serialises a copy of the history on a worker thread and writes it atomically; exportFinished() and a
    // message tell how it went. False when an export is already running.
    bool exportTo(const QString &path, ExportFormat format);
    [[nodiscard]] bool isExporting() const;
    // The format a save dialog's answer asks for: the file's suffix when it has a known one, else the filter.
    [[nodiscard]] static ExportFormat exportFormatFor(const QString &path, const QString &selectedFilter);

    void setConfirmFunction(ConfirmFunction confirm); // an empty one restores the QMessageBox

    // What the context menu offers for the selection (tests check it without opening a menu).
    [[nodiscard]] QList<HistoryAction> actionsForSelection() const;
    // Does what the menu entry does, for every selected entry (one, for the single-entry actions).
    void trigger(HistoryAction action);
    void triggerFor(const QString &id, HistoryAction action);
    [[nodiscard]] QStringList selectedIds() const;

    // What the list shows when it has no rows ("No downloads yet", …); empty while rows are shown.
    [[nodiscard]] QString emptyStateText() const;

    // What the store reported, shown above the list until the next success (a window that makes the page
    // later passes on what came before).
    void showRecoveredFromCorruption(const QString &path, int count);
    void showLoadFailure(const QString &message);
    void showSaveFailure(const QString &message);

    [[nodiscard]] HistoryModel *historyModel() const { return m_model; }
    [[nodiscard]] HistoryFilterProxyModel *filterModel() const { return m_proxy; }
    [[nodiscard]] QListView *listView() const { return m_view; }
    [[nodiscard]] HistoryDelegate *historyDelegate() const { return m_delegate; }

signals:
    void redownloadRequested(const Gravity::DownloadRequest &request);
    void messageRequested(const QString &text);
    void exportFinished(bool ok, const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct ExportResult
    {
        bool ok = false;
        QString error;
        int count = 0;
    };

    QWidget *buildHeader(QWidget *parent);
    QWidget *buildFilters(QWidget *parent);
    QWidget *buildNotice(QWidget *parent);
    void updateState();
    void applyFilters();
    void showNotice(const QString &text, const QString &role);
    void updateNoticeIcon();
    void showContextMenu(const QPoint &viewportPos);
    void activate(const QModelIndex &index);
    void redownload(const QStringList &ids);
    void copyLinks(const QStringList &ids);
    void removeEntries(const QStringList &ids);
    void removeWithFile(const QString &id);
    void openFile(const QString &id);
    void showInFolder(const QString &id);
    void clearHistory();
    void chooseExportFile();
    void onExportDone();
    [[nodiscard]] bool confirm(const Confirmation &question);
    [[nodiscard]] QString idAt(const QModelIndex &proxyIndex) const;
    [[nodiscard]] QModelIndexList selectedRows() const; // in the view's order; the current row if none

    HistoryStore *m_store;
    HistoryModel *m_model;
    HistoryFilterProxyModel *m_proxy;
    HistoryDelegate *m_delegate;
    QListView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_platformFilter = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QFrame *m_notice = nullptr;
    QLabel *m_noticeIcon = nullptr;
    QLabel *m_noticeText = nullptr;
    bool m_saveFailedShown = false; // the notice is about a failed save: a later good save hides it
    ConfirmFunction m_confirm;
    QFutureWatcher<ExportResult> *m_export = nullptr; // while one runs
    QString m_exportPath;
};

} // namespace Gravity
