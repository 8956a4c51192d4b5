#include "formattablemodel.h"

#include "displaytext.h"

#include <QLocale>

namespace Gravity {

namespace {

QString codecText(const QString &codec)
{
    return codec == u"none" ? QString() : codec;
}

double bitrate(const MediaFormat &format)
{
    if (format.tbr > 0)
        return format.tbr;
    return qMax(0.0, format.vbr) + qMax(0.0, format.abr);
}

bool isNumericColumn(int column)
{
    return column == FormatTableModel::FpsColumn || column == FormatTableModel::BitrateColumn ||
           column == FormatTableModel::SizeColumn;
}

} // namespace

FormatKind formatKind(const MediaFormat &format)
{
    const bool video = format.hasVideo();
    const bool audio = format.hasAudio();
    if (video && audio)
        return FormatKind::Combined;
    if (video)
        return FormatKind::VideoOnly;
    if (audio)
        return FormatKind::AudioOnly;
    return FormatKind::Neither;
}

FormatTableModel::FormatTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FormatTableModel::setFormats(const QList<MediaFormat> &formats)
{
    beginResetModel();
    m_formats = formats;
    endResetModel();
}

MediaFormat FormatTableModel::format(int row) const
{
    return m_formats.value(row);
}

int FormatTableModel::rowOf(QStringView formatId) const
{
    for (int row = 0; row < m_formats.size(); ++row) {
        if (m_formats.at(row).formatId == formatId)
            return row;
    }
    return -1;
}

int FormatTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_formats.size());
}

int FormatTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags FormatTableModel::flags(const QModelIndex &index) const
{
    // The root is asked too (proxies and views do): no flags, and no warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString FormatTableModel::displayText(const MediaFormat &format, int column) const
{
    const QLocale locale;
    switch (column) {
    case IdColumn:
        return format.formatId;
    case TypeColumn:
        switch (formatKind(format)) {
        case FormatKind::Combined:
            return tr("Video+audio");
        case FormatKind::VideoOnly:
            return tr("Video only");
        case FormatKind::AudioOnly:
            return tr("Audio only");
        case FormatKind::Neither:
            return tr("Other");
        }
        return {};
    case ResolutionColumn:
        if (format.width > 0 && format.height > 0)
            return QStringLiteral("%1×%2").arg(format.width).arg(format.height);
        if (format.height > 0)
            return tr("%1p", "video height").arg(format.height);
        return {};
    case FpsColumn:
        // Four significant digits: "30", "59.94", "29.41", never "29.412000".
        return format.fps > 0 ? locale.toString(format.fps, 'g', 4) : QString();
    case ExtColumn:
        return format.ext;
    case VideoCodecColumn:
        return codecText(format.vcodec);
    case AudioCodecColumn:
        return codecText(format.acodec);
    case BitrateColumn:
        return bitrate(format) > 0 ? tr("%1 kbit/s").arg(locale.toString(qRound(bitrate(format))))
                                   : QString();
    case SizeColumn:
        if (format.filesize > 0)
            return sizeText(format.filesize);
        return format.filesizeApprox > 0 ? sizeText(format.filesizeApprox, true) : QString(); // "~1.4 GB"
    case NoteColumn: {
        QStringList parts;
        if (!format.formatNote.isEmpty())
            parts << format.formatNote;
        // SDR is what nearly everything is; only the exception is worth a word.
        if (!format.dynamicRange.isEmpty() && format.dynamicRange != u"SDR")
            parts << format.dynamicRange;
        if (!format.language.isEmpty())
            parts << format.language;
        return parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant FormatTableModel::sortValue(const MediaFormat &format, int column) const
{
    switch (column) {
    case TypeColumn:
        return int(formatKind(format));
    case ResolutionColumn:
        return format.height;
    case FpsColumn:
        return format.fps;
    case BitrateColumn:
        return bitrate(format);
    case SizeColumn:
        return format.sizeEstimate();
    default:
        return displayText(format, column);
    }
}

QString FormatTableModel::toolTip(const MediaFormat &format, int column) const
{
    switch (column) {
    case SizeColumn:
        if (format.filesize > 0)
            return tr("%1 bytes").arg(QLocale().toString(format.filesize));
        if (format.filesizeApprox > 0)
            return tr("About %1 bytes (yt-dlp's estimate)").arg(QLocale().toString(format.filesizeApprox));
        return tr("Size not known in advance");
    case FpsColumn:
    case BitrateColumn:
    case TypeColumn:
        return {};
    default:
        // Codec strings and notes are long and get elided: the tooltip shows them whole.
        return displayText(format, column);
    }
}

QVariant FormatTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MediaFormat &format = m_formats.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(format, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(format, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        return isNumericColumn(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        return sortValue(format, index.column());
    case KindRole:
        return int(formatKind(format));
    case FormatIdRole:
        return format.formatId;
    default:
        return {};
    }
}

QVariant FormatTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return isNumericColumn(section) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("yt-dlp's id for the format, as used in a format selection");
        case FpsColumn:
            return tr("Frames per second");
        case BitrateColumn:
            return tr("Average bitrate, video and audio together");
        case SizeColumn:
            return tr("File size; \"~\" marks yt-dlp's estimate");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("ID");
    case TypeColumn:
        return tr("Type");
    case ResolutionColumn:
        return tr("Resolution");
    case FpsColumn:
        return tr("FPS");
    case ExtColumn:
        return tr("Ext");
    case VideoCodecColumn:
        return tr("Video codec");
    case AudioCodecColumn:
        return tr("Audio codec");
    case BitrateColumn:
        return tr("Bitrate");
    case SizeColumn:
        return tr("Size");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

FormatFilterProxyModel::FormatFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FormatTableModel::SortRole);
    setDynamicSortFilter(true);
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void FormatFilterProxyModel::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

bool FormatFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = FormatKind(index.data(FormatTableModel::KindRole).toInt());
    switch (m_kind) {
    case Kind::All:
        return kind != FormatKind::Neither;
    case Kind::Video:
        return kind == FormatKind::VideoOnly;
    case Kind::Audio:
        return kind == FormatKind::AudioOnly;
    case Kind::Combined:
        return kind == FormatKind::Combined;
    }
    return false;
}

bool FormatFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // Strings in natural order; numbers (the model gives them raw) the usual way.
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString)
        return m_collator.compare(a.toString(), b.toString()) < 0;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Gravity
