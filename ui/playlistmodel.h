#pragma once

#include "mediainfo.h"

#include <QAbstractListModel>
#include <QList>

namespace Gravity {

// The entries of a playlist, each with a check box: which ones to download. Everything starts checked.
class PlaylistModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaylistModel)

public:
    enum Role
    {
        UrlRole = Qt::UserRole + 1,
        TitleRole,
        DurationRole,     // seconds as double; 0 when unknown
        DurationTextRole, // "3:54", "1:02:03"; empty when unknown
        IndexRole,        // the 1-based position in the playlist (gaps where yt-dlp skipped an entry)
        IdRole,
        UploaderRole
    };

    explicit PlaylistModel(QObject *parent = nullptr);

    // Replaces the list; every entry starts checked.
    void setEntries(const QList<PlaylistEntry> &entries);
    [[nodiscard]] const QList<PlaylistEntry> &entries() const { return m_entries; }
    void setAllChecked(bool checked);
    [[nodiscard]] bool isChecked(int row) const;
    // The checked entries in playlist order.
    [[nodiscard]] QList<PlaylistEntry> checkedEntries() const;
    [[nodiscard]] int checkedCount() const { return m_checkedCount; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void checkedCountChanged(int count);

private:
    void setCheckedCount(int count);

    QList<PlaylistEntry> m_entries;
    QList<bool> m_checked; // parallel to m_entries
    int m_checkedCount = 0;
};

} // namespace Gravity
