#pragma once

#include "mediainfo.h"

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace Gravity {

class PlaylistModel;

// The entries of a playlist, a Bilibili multi-part video or a feed: tick the ones to download.
class PlaylistPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaylistPanel)

public:
    explicit PlaylistPanel(QWidget *parent = nullptr);

    void setEntries(const QList<PlaylistEntry> &entries);
    [[nodiscard]] QList<PlaylistEntry> checkedEntries() const;
    [[nodiscard]] PlaylistModel *model() const { return m_model; }
    [[nodiscard]] QListView *view() const { return m_view; }

signals:
    void checkedCountChanged(int count);

private:
    void updateCount();

    PlaylistModel *m_model;
    QListView *m_view;
    QLabel *m_count;
    QPushButton *m_all;
    QPushButton *m_none;
};

} // namespace Gravity
