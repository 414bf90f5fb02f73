// The board's order and search: people online first, then by name; filtered by the search box
// on name or login.
#pragma once

#include <QSortFilterProxyModel>

namespace Muster {

class PeopleFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PeopleFilterModel(QObject *parent = nullptr);

    void setSearch(const QString &text);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
};

} // namespace Muster
