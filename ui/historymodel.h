#pragma once

#include "historyentry.h"
#include "historytable.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <optional>

namespace Gravity {

class HistoryStore;

// The history as a list, newest first, over a HistoryStore. Mirrors the store's order and turns its signals
// into the smallest row changes (a reset only after the load or a large merge). Whether a completed
// download's file is still there is checked lazily, for the rows a view asks about, on a worker thread:
// never 100,000 stat() calls at once, never one on the GUI thread (a sleeping network drive would freeze it).
class HistoryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        UrlRole,
        NormalizedUrlRole,
        PlatformRole,     // Platform as int
        PlatformNameRole, // translated
        TitleRole,
        UploaderRole,
        DurationRole, // seconds, double; 0 when unknown
        ThumbnailRole,
        QualityRole, // qualityPresetId()
        FormatSpecRole,
        ContainerRole,         // containerId(), "" for Auto
        AudioFormatRole,       // audioFormatId(), "" for None
        SubtitleModeRole,      // subtitleModeId(), "" for None
        SubtitleLanguagesRole, // QStringList
        AutoCaptionsRole,
        OutputDirRole,
        OutputTemplateRole,
        ResolvedFormatRole,
        FilePathRole,
        FileSizeRole,  // qint64, -1 when unknown
        StateRole,     // DownloadState as int
        ErrorKindRole, // ErrorKind as int
        ErrorDetailRole,
        ErrorTextRole, // translated, what to do; empty unless it failed
        StartedAtRole,
        FinishedAtRole,
        InfoFetchedAtRole,
        StatusTextRole,  // one line for people: "Completed — 12.3 MB", "File missing", "Cancelled", …
        FileMissingRole, // bool: completed, but the file is no longer where it was saved
    };

    // How long a file check is trusted before a view asking again triggers another.
    static constexpr int FileCheckTtlMs = 30000;

    explicit HistoryModel(HistoryStore *store, QObject *parent = nullptr);
    ~HistoryModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString idAt(int row) const;
    [[nodiscard]] std::optional<HistoryEntry> entryAt(int row) const;
    [[nodiscard]] int rowOf(const QString &id) const;

    // For the filter proxy: historySearchText(), precomputed, so filtering 100,000 rows builds no strings.
    [[nodiscard]] QByteArrayView searchTextAt(int row) const;
    [[nodiscard]] DownloadState stateAt(int row) const;
    [[nodiscard]] Platform platformAt(int row) const;

    // Forgets every file check (the page calls it when shown, or when the window is activated); rows a view
    // shows are checked again as it repaints them.
    void refreshFileStates();

private:
    struct FileCheck
    {
        bool missing = false;
        qint64 checkedAtMs = 0;
    };

    void rebuild();
    void onEntryAdded(const QString &id);
    void onEntryChanged(const QString &id);
    void onEntriesRemoved(const QStringList &ids);
    [[nodiscard]] bool isFileMissing(const HistoryEntry &entry) const;
    void startFileChecks();
    void onFileChecksDone();
    [[nodiscard]] QString statusText(const HistoryEntry &entry) const;
    [[nodiscard]] const HistoryEntry *parsedEntry(quint32 slot) const;
    [[nodiscard]] const HistoryTable &table() const;

    HistoryStore *m_store;
    // The store's order (slots of its table), mirrored: changed only as its signals say, so a row is never
    // moved or dropped before the view has been told.
    QList<quint32> m_rows;
    // The last entry data() parsed: a view asks for a dozen roles of one row in a row. Dropped on every
    // change the store reports.
    mutable std::optional<HistoryEntry> m_parsed;
    mutable qsizetype m_parsedSlot = -1;

    // Lazily filled from data(): a bounded cache, the ids waiting for a check and the running batch.
    mutable QHash<QString, FileCheck> m_fileChecks;
    mutable QHash<QString, QString> m_fileCheckQueue; // id → path
    QSet<QString> m_fileChecksRunning;
    mutable QTimer m_fileCheckTimer;
    QFutureWatcher<QHash<QString, bool>> m_fileCheckWatcher;
    QElapsedTimer m_clock;
};

} // namespace Gravity
