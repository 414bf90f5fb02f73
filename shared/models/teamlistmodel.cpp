// See teamlistmodel.h.
#include "teamlistmodel.h"

#include <QJsonObject>

namespace Muster {

int TeamListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_teams.size());
}

QVariant TeamListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Team &t = m_teams.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return t.archived ? tr("%1 (archived)").arg(t.name) : t.name;
    case NameRole:
        return t.name;
    case IdRole:
        return t.id;
    case ArchivedRole:
        return t.archived;
    case MembersRole:
        return t.members;
    default:
        return {};
    }
}

QHash<int, QByteArray> TeamListModel::roleNames() const
{
    return {
        {IdRole, "teamId"},
        {NameRole, "name"},
        {ArchivedRole, "archived"},
        {MembersRole, "members"},
    };
}

void TeamListModel::reset(const QJsonArray &teams)
{
    beginResetModel();
    m_teams.clear();
    for (const QJsonValue &v : teams)
        m_teams.append(Team::fromJson(v.toObject()));
    endResetModel();
}

const Team *TeamListModel::teamById(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_teams.at(row);
}

int TeamListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_teams.size(); ++i) {
        if (m_teams.at(i).id == id)
            return i;
    }
    return -1;
}

QList<Team> TeamListModel::activeTeams() const
{
    QList<Team> active;
    for (const Team &t : m_teams) {
        if (!t.archived)
            active.append(t);
    }
    return active;
}

} // namespace Muster
