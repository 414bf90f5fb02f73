// See peoplefiltermodel.h.
#include "peoplefiltermodel.h"

#include "models/presencemodel.h"

namespace Muster {

PeopleFilterModel::PeopleFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(0);
}

void PeopleFilterModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool PeopleFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftOnline = left.data(PresenceModel::OnlineRole).toBool();
    const bool rightOnline = right.data(PresenceModel::OnlineRole).toBool();
    if (leftOnline != rightOnline)
        return leftOnline;
    return QString::localeAwareCompare(left.data(PresenceModel::DisplayNameRole).toString(),
               right.data(PresenceModel::DisplayNameRole).toString())
        < 0;
}

bool PeopleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_search.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return i.data(PresenceModel::DisplayNameRole).toString().contains(m_search, Qt::CaseInsensitive)
        || i.data(PresenceModel::LoginRole).toString().contains(m_search, Qt::CaseInsensitive)
        || i.data(PresenceModel::StateLabelRole).toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace Muster
