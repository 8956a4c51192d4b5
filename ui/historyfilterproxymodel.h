#pragma once

#include "platform.h"

#include <QByteArrayList>
#include <QSortFilterProxyModel>

#include <optional>

namespace Gravity {

class HistoryModel;

// Search as you type and the History page's filters. Over a HistoryModel it reads the model's precomputed,
// case-folded search text and state directly, so a keystroke over 100,000 rows builds no strings; over any
// other model it falls back to the HistoryModel roles.
class HistoryFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFilterProxyModel)

public:
    enum class StateFilter
    {
        All,
        Completed,
        Failed,
        Cancelled
    };

    explicit HistoryFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    // Matches title, URL and uploader, ignoring case and surrounding spaces; several words must all match,
    // in any order ("astley rick").
    void setSearchText(const QString &text);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setStateFilter(StateFilter filter);
    [[nodiscard]] StateFilter stateFilter() const { return m_stateFilter; }
    void setPlatformFilter(std::optional<Platform> platform); // nullopt: every platform
    [[nodiscard]] std::optional<Platform> platformFilter() const { return m_platformFilter; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();
    [[nodiscard]] bool matches(int state, Platform platform, QByteArrayView haystack) const;
    [[nodiscard]] bool acceptsStateAndPlatform(int state, Platform platform) const;
    [[nodiscard]] bool matchesTerms(QByteArrayView haystack) const;

    HistoryModel *m_history = nullptr;
    QString m_searchText;
    QByteArrayList m_terms; // case-folded words of the search text, UTF-8 like the model's search text
    StateFilter m_stateFilter = StateFilter::All;
    std::optional<Platform> m_platformFilter;
};

} // namespace Gravity
