#pragma once

#include <QAbstractListModel>

namespace Gravity {

class DownloadQueue;

// The downloads list as a model over the core queue. The queue coalesces progress; this turns each batch of
// changed tasks into dataChanged for just those rows.
class DownloadListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadListModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        UrlRole,
        StateRole,    // DownloadState as int
        StageRole,    // DownloadStage as int
        FractionRole, // double 0..1, or -1 when unknown
        SpeedRole,    // bytes/s
        EtaRole,      // seconds
        TotalBytesRole,
        FilePathRole,
        ErrorTextRole,  // translated, what to do
        StatusTextRole, // one line for people: "Downloading video 1/2 · 45% · 2.1 MB/s · 12 s left"
        ThumbnailUrlRole,
        PlatformRole, // Platform as int
        ErrorKindRole // ErrorKind as int
    };

    explicit DownloadListModel(DownloadQueue *queue, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] quint64 idAt(int row) const;

private:
    [[nodiscard]] QString statusText(quint64 id) const;

    DownloadQueue *m_queue;
    QList<quint64> m_ids; // mirrors the queue's order
};

} // namespace Gravity
