// The organisation's teams as teams.list and teams.changed give them (active first, by name);
// feeds team pickers and the admin screens of both UIs.
#pragma once

#include "domain/team.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

namespace Muster {

class TeamListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        NameRole, // QString
        ArchivedRole, // bool
        MembersRole, // int: people whose home team it is
    };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QJsonArray &teams);
    const Team *teamById(const QString &id) const;
    int rowOf(const QString &id) const;
    QList<Team> activeTeams() const;

private:
    QList<Team> m_teams;
};

} // namespace Muster
