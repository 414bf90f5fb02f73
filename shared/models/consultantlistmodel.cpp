// See consultantlistmodel.h.
#include "consultantlistmodel.h"

#include <QJsonArray>

#include <algorithm>

namespace Muster {

ConsultantListModel::ConsultantListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &ConsultantListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &ConsultantListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this, &ConsultantListModel::onPush);
}

int ConsultantListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

QVariant ConsultantListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Consultant &c = m_people.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return c.displayName;
    case UserIdRole:
        return c.userId.toString(QUuid::WithoutBraces);
    case ChatNameRole:
        return c.chatName;
    case ChatsRole:
        return c.chats;
    case OnlineRole:
        return c.online;
    case AvailableRole:
        return c.available;
    }
    return {};
}

QHash<int, QByteArray> ConsultantListModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {UserIdRole, "userId"}, {DisplayNameRole, "displayName"},
        {ChatNameRole, "chatName"}, {ChatsRole, "chats"}, {OnlineRole, "online"},
        {AvailableRole, "available"}};
}

void ConsultantListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<ChatClient>(connection) : nullptr;
    if (!connection) {
        m_feed.forget();
        reset({});
    }
    m_feed.setConnection(connection);
}

const ConsultantListModel::Consultant *ConsultantListModel::consultantAt(int row) const
{
    return row >= 0 && row < m_people.size() ? &m_people.at(row) : nullptr;
}

int ConsultantListModel::rowOf(const QUuid &userId) const
{
    const auto it = std::find_if(m_people.cbegin(), m_people.cend(),
        [&userId](const Consultant &c) { return c.userId == userId; });
    return it == m_people.cend() ? -1 : int(it - m_people.cbegin());
}

QUuid ConsultantListModel::me() const
{
    const Connection *connection = m_feed.connection();
    return connection ? QUuid(connection->user().value(QStringLiteral("id")).toString()) : QUuid();
}

bool ConsultantListModel::isOnDuty() const
{
    return rowOf(me()) >= 0;
}

QString ConsultantListModel::myChatName() const
{
    const Consultant *c = consultantAt(rowOf(me()));
    return c ? c->chatName : QString();
}

void ConsultantListModel::onPush(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("chat.dutyChanged")) {
        // Who is on duty changed: ask again for the whole line (name, load, state).
        reload();
        return;
    }
    if (method != QLatin1String("presence.changed"))
        return;
    const int row = rowOf(QUuid(params.value(QStringLiteral("userId")).toString()));
    if (row < 0)
        return;
    if (params.contains(QStringLiteral("stateId"))) {
        // Whether the new state takes work is the server's to say.
        reload();
        return;
    }
    Consultant &c = m_people[row];
    QList<int> roles;
    if (params.contains(QStringLiteral("chats"))) {
        c.chats = params.value(QStringLiteral("chats")).toInt();
        roles << ChatsRole;
    }
    if (params.contains(QStringLiteral("online"))) {
        c.online = params.value(QStringLiteral("online")).toBool();
        roles << OnlineRole;
    }
    if (!roles.isEmpty())
        Q_EMIT dataChanged(index(row), index(row), roles);
}

void ConsultantListModel::reset(const QJsonArray &consultants)
{
    const bool wasOnDuty = isOnDuty();
    beginResetModel();
    m_people.clear();
    for (const QJsonValue &v : consultants) {
        const QJsonObject o = v.toObject();
        m_people.append({QUuid(o.value(QStringLiteral("userId")).toString()),
            o.value(QStringLiteral("displayName")).toString(),
            o.value(QStringLiteral("chatName")).toString(),
            o.value(QStringLiteral("chats")).toInt(), o.value(QStringLiteral("online")).toBool(),
            o.value(QStringLiteral("available")).toBool()});
    }
    endResetModel();
    Q_EMIT countChanged();
    if (isOnDuty() != wasOnDuty)
        Q_EMIT onDutyChanged();
    if (!std::exchange(m_loaded, true))
        Q_EMIT loadedChanged();
}

void ConsultantListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->consultants(), [this](const QJsonValue &result) {
        reset(result[QStringLiteral("consultants")].toArray());
    });
}

} // namespace Muster
