#include "downloadlistmodel.h"

#include "displaytext.h"
#include "downloadqueue.h"

#include <QLocale>

namespace Gravity {

namespace {

QString stageText(const DownloadProgress &p)
{
    switch (p.stage) {
    case DownloadStage::Video:
        return p.streamCount > 1
                   ? DownloadListModel::tr("Downloading video %1/%2").arg(p.streamIndex).arg(p.streamCount)
                   : DownloadListModel::tr("Downloading");
    case DownloadStage::Audio:
        return p.streamCount > 1
                   ? DownloadListModel::tr("Downloading audio %1/%2").arg(p.streamIndex).arg(p.streamCount)
                   : DownloadListModel::tr("Downloading audio");
    case DownloadStage::Merging:
        return DownloadListModel::tr("Merging video and audio");
    case DownloadStage::Converting:
        return DownloadListModel::tr("Converting");
    case DownloadStage::Embedding:
        return DownloadListModel::tr("Adding metadata");
    case DownloadStage::Finishing:
        return DownloadListModel::tr("Finishing");
    case DownloadStage::None:
        break;
    }
    return DownloadListModel::tr("Downloading");
}

} // namespace

DownloadListModel::DownloadListModel(DownloadQueue *queue, QObject *parent)
    : QAbstractListModel(parent)
    , m_queue(queue)
    , m_ids(queue->ids())
{
    connect(queue, &DownloadQueue::taskAdded, this, [this](quint64 id) {
        const int row = int(m_ids.size());
        beginInsertRows({}, row, row);
        m_ids.append(id);
        endInsertRows();
    });
    connect(queue, &DownloadQueue::taskAboutToBeRemoved, this, [this](quint64 id) {
        const int row = int(m_ids.indexOf(id));
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_ids.removeAt(row);
        endRemoveRows();
    });
    connect(queue, &DownloadQueue::tasksChanged, this, [this](const QList<quint64> &ids) {
        // Ids arrive in queue order: neighbouring rows become one range.
        int first = -1;
        int last = -1;
        const auto flush = [&] {
            if (first >= 0)
                emit dataChanged(index(first), index(last));
        };
        for (quint64 id : ids) {
            const int row = int(m_ids.indexOf(id));
            if (row < 0)
                continue;
            if (first >= 0 && row == last + 1) {
                last = row;
                continue;
            }
            flush();
            first = last = row;
        }
        flush();
    });
}

int DownloadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

quint64 DownloadListModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

QString DownloadListModel::statusText(quint64 id) const
{
    const DownloadTask *task = m_queue->task(id);
    if (!task)
        return {};
    const DownloadProgress &p = task->progress();
    const QLocale locale;
    switch (p.state) {
    case DownloadState::Queued:
        return tr("Waiting");
    case DownloadState::Starting:
        return tr("Starting");
    case DownloadState::Paused:
        return tr("Paused");
    case DownloadState::Completed:
        if (p.fallback.happened()) {
            return p.fileSize >= 0
                       ? tr("Completed · %1 · %2").arg(sizeText(p.fileSize), qualityFallbackText(p.fallback))
                       : tr("Completed · %1").arg(qualityFallbackText(p.fallback));
        }
        return p.fileSize >= 0 ? tr("Completed · %1").arg(sizeText(p.fileSize)) : tr("Completed");
    case DownloadState::Failed:
        return errorKindText(p.error.kind);
    case DownloadState::Cancelled:
        return tr("Cancelled");
    case DownloadState::PostProcessing:
        return stageText(p);
    case DownloadState::Downloading:
        break;
    }
    QStringList parts{stageText(p)};
    if (p.fraction() >= 0)
        parts << locale.toString(p.fraction() * 100.0, 'f', 0) + locale.percent();
    if (p.speed > 0)
        parts << speedText(p.speed);
    if (p.eta >= 0)
        parts << remainingText(p.eta);
    if (p.totalBytes > 0)
        parts << sizeText(p.totalBytes, p.totalIsEstimate);
    return parts.join(QStringLiteral(" · "));
}

QVariant DownloadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const quint64 id = m_ids.at(index.row());
    const DownloadTask *task = m_queue->task(id);
    if (!task)
        return {};
    const DownloadProgress &p = task->progress();
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return task->request().title.isEmpty() ? task->request().url : task->request().title;
    case Qt::ToolTipRole:
        return task->request().url;
    case IdRole:
        return id;
    case UrlRole:
        return task->request().url;
    case StateRole:
        return int(p.state);
    case StageRole:
        return int(p.stage);
    case FractionRole:
        return p.fraction();
    case SpeedRole:
        return p.speed;
    case EtaRole:
        return p.eta;
    case TotalBytesRole:
        return p.totalBytes;
    case FilePathRole:
        return p.filePath;
    case ErrorKindRole:
        return int(p.error.kind);
    case ErrorTextRole:
        return p.error.isError() && p.error.kind != ErrorKind::Cancelled ? errorKindText(p.error.kind)
                                                                         : QString();
    case StatusTextRole:
        return statusText(id);
    case ThumbnailUrlRole:
        return task->request().thumbnail;
    case PlatformRole:
        return int(task->request().platform);
    default:
        return {};
    }
}

QHash<int, QByteArray> DownloadListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TitleRole, "title");
    names.insert(StateRole, "state");
    names.insert(FractionRole, "fraction");
    names.insert(StatusTextRole, "status");
    return names;
}

} // namespace Gravity
