#include "playlistpanel.h"

#include "playlistmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gravity {

PlaylistPanel::PlaylistPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PlaylistModel(this))
    , m_view(new QListView(this))
    , m_count(new QLabel(this))
    , m_all(new QPushButton(tr("Select &all"), this))
    , m_none(new QPushButton(tr("Select &none"), this))
{
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Playlist entries"));
    m_view->setAccessibleDescription(tr("Space ticks or unticks the current entry."));
    m_view->setUniformItemSizes(true);
    m_view->setMinimumHeight(140);
    m_count->setProperty("role", QStringLiteral("secondary"));
    m_all->setAccessibleName(tr("Select all entries"));
    m_none->setAccessibleName(tr("Select no entries"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_count, 1);
    header->addWidget(m_all);
    header->addWidget(m_none);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_all, &QPushButton::clicked, this, [this] { m_model->setAllChecked(true); });
    connect(m_none, &QPushButton::clicked, this, [this] { m_model->setAllChecked(false); });
    connect(m_model, &PlaylistModel::checkedCountChanged, this, [this](int count) {
        updateCount();
        emit checkedCountChanged(count);
    });
}

void PlaylistPanel::setEntries(const QList<PlaylistEntry> &entries)
{
    m_model->setEntries(entries);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0));
    updateCount();
    emit checkedCountChanged(m_model->checkedCount());
}

QList<PlaylistEntry> PlaylistPanel::checkedEntries() const
{
    return m_model->checkedEntries();
}

void PlaylistPanel::updateCount()
{
    m_count->setText(tr("%1 of %n selected", nullptr, m_model->rowCount()).arg(m_model->checkedCount()));
}

} // namespace Gravity
