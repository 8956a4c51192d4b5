#include "playlistmodel.h"

#include "displaytext.h"

namespace Gravity {

PlaylistModel::PlaylistModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void PlaylistModel::setEntries(const QList<PlaylistEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_checked = QList<bool>(entries.size(), true);
    endResetModel();
    setCheckedCount(int(entries.size()));
}

void PlaylistModel::setAllChecked(bool checked)
{
    // One dataChanged per run of rows that really change, not one for the whole list.
    int first = -1;
    const auto flush = [&](int end) {
        if (first >= 0)
            emit dataChanged(index(first), index(end - 1), {Qt::CheckStateRole});
        first = -1;
    };
    for (int row = 0; row < m_checked.size(); ++row) {
        if (m_checked.at(row) == checked) {
            flush(row);
            continue;
        }
        m_checked[row] = checked;
        if (first < 0)
            first = row;
    }
    flush(int(m_checked.size()));
    setCheckedCount(checked ? int(m_checked.size()) : 0);
}

bool PlaylistModel::isChecked(int row) const
{
    return m_checked.value(row, false);
}

QList<PlaylistEntry> PlaylistModel::checkedEntries() const
{
    QList<PlaylistEntry> result;
    result.reserve(m_checkedCount);
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_checked.at(row))
            result.append(m_entries.at(row));
    }
    return result;
}

int PlaylistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant PlaylistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlaylistEntry &entry = m_entries.at(index.row());
    const int position = entry.index > 0 ? entry.index : index.row() + 1;
    // yt-dlp gives every entry an id; a title may be missing from a flat listing.
    const QString title = entry.title.isEmpty() ? entry.id : entry.title;
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1. %2", "playlist position, title").arg(QString::number(position), title);
    case Qt::ToolTipRole: {
        const QString duration = durationText(entry.duration);
        return duration.isEmpty() ? title : tr("%1 (%2)", "title (duration)").arg(title, duration);
    }
    case Qt::CheckStateRole:
        return m_checked.at(index.row()) ? Qt::Checked : Qt::Unchecked;
    case UrlRole:
        return entry.url;
    case TitleRole:
        return title;
    case DurationRole:
        return entry.duration;
    case DurationTextRole:
        return durationText(entry.duration);
    case IndexRole:
        return position;
    case IdRole:
        return entry.id;
    case UploaderRole:
        return entry.uploader;
    default:
        return {};
    }
}

bool PlaylistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (m_checked.at(index.row()) == checked)
        return true;
    m_checked[index.row()] = checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    setCheckedCount(m_checkedCount + (checked ? 1 : -1));
    return true;
}

Qt::ItemFlags PlaylistModel::flags(const QModelIndex &index) const
{
    // The root is asked too (proxies and views do): no flags, and no warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> PlaylistModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(UrlRole, "url");
    names.insert(TitleRole, "title");
    names.insert(DurationRole, "duration");
    names.insert(DurationTextRole, "durationText");
    names.insert(IndexRole, "position");
    names.insert(IdRole, "id");
    names.insert(UploaderRole, "uploader");
    return names;
}

void PlaylistModel::setCheckedCount(int count)
{
    if (count == m_checkedCount)
        return;
    m_checkedCount = count;
    emit checkedCountChanged(count);
}

} // namespace Gravity
