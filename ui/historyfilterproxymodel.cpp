#include "historyfilterproxymodel.h"

#include "downloadtask.h"
#include "historyentry.h"
#include "historymodel.h"

namespace Gravity {

HistoryFilterProxyModel::HistoryFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // The source is already newest first; sorting would only cost time.
    setDynamicSortFilter(true);
}

void HistoryFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_history = qobject_cast<HistoryModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void HistoryFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.simplified();
    QByteArrayList terms;
    for (const QString &term : trimmed.toCaseFolded().split(u' ', Qt::SkipEmptyParts))
        terms.append(term.toUtf8());
    m_searchText = trimmed;
    if (terms == m_terms)
        return;
    m_terms = std::move(terms);
    refilter();
}

void HistoryFilterProxyModel::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    refilter();
}

void HistoryFilterProxyModel::setPlatformFilter(std::optional<Platform> platform)
{
    if (platform == m_platformFilter)
        return;
    m_platformFilter = platform;
    refilter();
}

void HistoryFilterProxyModel::refilter()
{
    // invalidate(), not invalidateFilter(): over 100,000 rows a keystroke that hides rows here and there
    // makes invalidateFilter() send thousands of rowsRemoved ranges, each shifting the mapping (150 ms for
    // "rabbit"). One layout change and one filter pass cost a few milliseconds, and selections survive.
    invalidate();
}

bool HistoryFilterProxyModel::matches(int state, Platform platform, QByteArrayView haystack) const
{
    return acceptsStateAndPlatform(state, platform) && matchesTerms(haystack);
}

bool HistoryFilterProxyModel::acceptsStateAndPlatform(int state, Platform platform) const
{
    switch (m_stateFilter) {
    case StateFilter::All:
        break;
    case StateFilter::Completed:
        if (state != int(DownloadState::Completed))
            return false;
        break;
    case StateFilter::Failed:
        if (state != int(DownloadState::Failed))
            return false;
        break;
    case StateFilter::Cancelled:
        if (state != int(DownloadState::Cancelled))
            return false;
        break;
    }
    return !m_platformFilter || platform == *m_platformFilter;
}

bool HistoryFilterProxyModel::matchesTerms(QByteArrayView haystack) const
{
    for (const QByteArray &term : m_terms) {
        // Both sides are case-folded already: a plain, fast, case-sensitive search.
        if (!haystack.contains(term))
            return false;
    }
    return true;
}

bool HistoryFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_stateFilter == StateFilter::All && !m_platformFilter && m_terms.isEmpty())
        return true;
    if (m_history) {
        // The text only when state and platform pass: most rows fail a state filter first.
        return acceptsStateAndPlatform(int(m_history->stateAt(sourceRow)),
                                       m_history->platformAt(sourceRow)) &&
               matchesTerms(m_history->searchTextAt(sourceRow));
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    HistoryEntry entry;
    entry.title = index.data(HistoryModel::TitleRole).toString();
    entry.url = index.data(HistoryModel::UrlRole).toString();
    entry.normalizedUrl = index.data(HistoryModel::NormalizedUrlRole).toString();
    entry.uploader = index.data(HistoryModel::UploaderRole).toString();
    const QByteArray haystack = historySearchText(entry);
    return matches(index.data(HistoryModel::StateRole).toInt(),
                   Platform(index.data(HistoryModel::PlatformRole).toInt()), haystack);
}

} // namespace Gravity
