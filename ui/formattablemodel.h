#pragma once

#include "mediainfo.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QList>
#include <QSortFilterProxyModel>

namespace Gravity {

// What a format carries. Neither: storyboards and other images yt-dlp lists among the formats.
enum class FormatKind
{
    Neither,
    VideoOnly,
    AudioOnly,
    Combined
};
[[nodiscard]] FormatKind formatKind(const MediaFormat &format);

// Every format of one video, one row each, for the "Advanced" table. Display text is for people; SortRole
// holds raw numbers so the table sorts 2160 above 720 and 1.4 GB above 211 MB.
class FormatTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormatTableModel)

public:
    enum Column
    {
        IdColumn,
        TypeColumn,
        ResolutionColumn,
        FpsColumn,
        ExtColumn,
        VideoCodecColumn,
        AudioCodecColumn,
        BitrateColumn,
        SizeColumn,
        NoteColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole, // raw value of the cell: number or string
        KindRole,                // FormatKind as int, on every column
        FormatIdRole             // format_id, on every column
    };

    explicit FormatTableModel(QObject *parent = nullptr);

    void setFormats(const QList<MediaFormat> &formats);
    [[nodiscard]] const QList<MediaFormat> &formats() const { return m_formats; }
    // A copy of the row's format; a default MediaFormat when row is out of range.
    [[nodiscard]] MediaFormat format(int row) const;
    // The row of a format id, or -1.
    [[nodiscard]] int rowOf(QStringView formatId) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    [[nodiscard]] QString displayText(const MediaFormat &format, int column) const;
    [[nodiscard]] QVariant sortValue(const MediaFormat &format, int column) const;
    [[nodiscard]] QString toolTip(const MediaFormat &format, int column) const;

    QList<MediaFormat> m_formats;
};

// Filters the table by what a format carries and sorts by FormatTableModel::SortRole. Formats with neither
// video nor audio are hidden under every filter: nobody downloads a storyboard on purpose.
class FormatFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormatFilterProxyModel)

public:
    enum class Kind
    {
        All,
        Video,   // video only
        Audio,   // audio only
        Combined // video and audio in one file
    };
    Q_ENUM(Kind)

    explicit FormatFilterProxyModel(QObject *parent = nullptr);

    [[nodiscard]] Kind kind() const { return m_kind; }
    void setKind(Kind kind);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Kind m_kind = Kind::All;
    QCollator m_collator; // "18" < "137" < "hls-800" < "hls-2000": ids mix digits and words
};

} // namespace Gravity
