// See teamlistmodel.h.
#include "teamlistmodel.h"

#include <QJsonObject>

namespace Muster {

TeamListModel::TeamListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &TeamListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &TeamListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method == QLatin1String("teams.changed"))
                reset(params.value(QStringLiteral("teams")).toArray());
        });
    connect(this, &QAbstractItemModel::modelReset, this, &TeamListModel::countChanged);
}

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
    case HiddenRole:
        return t.hidden;
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
        {HiddenRole, "hidden"},
    };
}

void TeamListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<BoardClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void TeamListModel::setOfferedOnly(bool offeredOnly)
{
    if (offeredOnly == m_offeredOnly)
        return;
    m_offeredOnly = offeredOnly;
    rebuild();
    Q_EMIT offeredOnlyChanged();
}

void TeamListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->teams(),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("teams")].toArray()); });
}

void TeamListModel::clear()
{
    m_feed.forget();
    reset({});
}

void TeamListModel::reset(const QJsonArray &teams)
{
    m_json = teams;
    rebuild();
}

void TeamListModel::rebuild()
{
    beginResetModel();
    m_teams.clear();
    for (const QJsonValue &v : std::as_const(m_json)) {
        Team team = Team::fromJson(v.toObject());
        if (!m_offeredOnly || (!team.archived && !team.hidden))
            m_teams.append(std::move(team));
    }
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

QString TeamListModel::idAt(int row) const
{
    return row >= 0 && row < m_teams.size() ? m_teams.at(row).id : QString();
}

QString TeamListModel::nameAt(int row) const
{
    return row >= 0 && row < m_teams.size() ? m_teams.at(row).name : QString();
}

} // namespace Muster
