// See presencemodel.h.
#include "presencemodel.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <tuple>

namespace Muster {

PresenceModel::PresenceModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &PresenceModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &PresenceModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this, &PresenceModel::onPush);
    connect(this, &QAbstractItemModel::modelReset, this, &PresenceModel::countOnline);
    connect(this, &QAbstractItemModel::dataChanged, this, &PresenceModel::countOnline);
}

void PresenceModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<BoardClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void PresenceModel::setTeamId(const QString &teamId)
{
    if (teamId == m_teamId)
        return;
    m_teamId = teamId;
    Q_EMIT teamIdChanged();
    reload();
}

void PresenceModel::setWatchedOrganisation(const QString &organisationId)
{
    if (organisationId == m_feed.watchedOrganisation())
        return;
    m_feed.setWatchedOrganisation(organisationId);
    reload();
}

void PresenceModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->presence(m_teamId, m_feed.watchedOrganisation()),
        [this](const QJsonValue &result) { reset(result.toObject()); });
}

void PresenceModel::onPush(const QString &method, const QJsonObject &params)
{
    // Someone new on an everyone-board: reload rather than guess. On a team board, pushes about
    // other teams' members are expected and ignored.
    if (method == QLatin1String("presence.changed")) {
        if (!applyChange(params) && m_teamId.isEmpty())
            reload();
        return;
    }
    followPush(method, params);
}

void PresenceModel::countOnline()
{
    const int online = int(std::count_if(
        m_people.cbegin(), m_people.cend(), [](const Person &p) { return p.online; }));
    if (online == m_onlineCount)
        return;
    m_onlineCount = online;
    Q_EMIT onlineCountChanged();
}

int PresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Person &p = m_people.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: // what an editable combo box (a person picker) reads and completes
    case DisplayNameRole:
        return p.displayName;
    case UserIdRole:
        return p.userId;
    case LoginRole:
        return p.login;
    case RoleRole:
        return p.role;
    case StateIdRole:
        return p.stateId;
    case StateLabelRole: {
        const StatusState *s = m_states.stateById(p.stateId);
        return s ? s->label : QString();
    }
    case StateColorRole: {
        const StatusState *s = m_states.stateById(p.stateId);
        return s ? s->color : QString();
    }
    case SinceRole:
        return p.since;
    case OnlineRole:
        return p.online;
    case MessageRole:
        return p.message;
    case UntilRole:
        return p.until;
    case HighlightRole:
        return p.highlight;
    case TeamIdRole:
        return p.teamId;
    case AvatarRole:
        return p.avatar;
    case ChatsRole:
        return p.chats;
    default:
        return {};
    }
}

QHash<int, QByteArray> PresenceModel::roleNames() const
{
    return {
        {UserIdRole, "userId"},
        {DisplayNameRole, "displayName"},
        {LoginRole, "login"},
        {RoleRole, "role"},
        {StateIdRole, "stateId"},
        {StateLabelRole, "stateLabel"},
        {StateColorRole, "stateColor"},
        {SinceRole, "since"},
        {OnlineRole, "online"},
        {MessageRole, "message"},
        {UntilRole, "until"},
        {HighlightRole, "highlight"},
        {TeamIdRole, "teamId"},
        {AvatarRole, "avatar"},
        {ChatsRole, "chats"},
    };
}

void PresenceModel::reset(const QJsonObject &snapshot)
{
    m_states.reset(snapshot.value(QStringLiteral("states")).toArray());
    beginResetModel();
    m_people.clear();
    const QJsonArray people = snapshot.value(QStringLiteral("people")).toArray();
    m_people.reserve(people.size());
    for (const QJsonValue &v : people)
        m_people.append(Person::fromJson(v.toObject()));
    reindex();
    endResetModel();
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

void PresenceModel::followPush(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("states.changed"))
        resetStates(params.value(QStringLiteral("states")).toArray());
    else if (method == QLatin1String("presence.changed")
        || method == QLatin1String("profile.changed"))
        applyChange(params);
}

void PresenceModel::resetStates(const QJsonArray &states)
{
    m_states.reset(states);
    if (!m_people.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {StateLabelRole, StateColorRole});
}

bool PresenceModel::applyChange(const QJsonObject &change)
{
    const int row = rowOf(change.value(QStringLiteral("userId")).toString());
    if (row < 0)
        return false;
    Person &p = m_people[row];
    QList<int> roles;
    if (change.contains(QStringLiteral("stateId"))) {
        const QString stateId = change.value(QStringLiteral("stateId")).toString();
        if (stateId != p.stateId) {
            p.stateId = stateId;
            roles << StateIdRole << StateLabelRole << StateColorRole;
        }
    }
    if (change.contains(QStringLiteral("since"))) {
        const QDateTime since = QDateTime::fromString(
            change.value(QStringLiteral("since")).toString(), Qt::ISODateWithMs);
        if (since != p.since) {
            p.since = since;
            roles << SinceRole;
        }
    }
    if (change.contains(QStringLiteral("displayName"))) {
        const QString name = change.value(QStringLiteral("displayName")).toString();
        if (!name.isEmpty() && name != p.displayName) {
            p.displayName = name;
            roles << DisplayNameRole << Qt::DisplayRole;
        }
    }
    // Fields of profile.changed that are plain strings.
    const std::array<std::tuple<const char *, QString Person::*, int>, 4> fields {{
        {"highlight", &Person::highlight, HighlightRole},
        {"teamId", &Person::teamId, TeamIdRole},
        {"role", &Person::role, RoleRole},
        {"avatar", &Person::avatar, AvatarRole},
    }};
    for (const auto &[key, member, role] : fields) {
        const QString name = QString::fromLatin1(key);
        if (!change.contains(name))
            continue;
        const QString value = change.value(name).toString();
        if (p.*member != value) {
            p.*member = value;
            roles << role;
        }
    }
    if (change.contains(QStringLiteral("message"))) {
        const QString message = change.value(QStringLiteral("message")).toString();
        if (message != p.message) {
            p.message = message;
            roles << MessageRole;
        }
    }
    if (change.contains(QStringLiteral("until"))) {
        const QDateTime until = QDateTime::fromString(
            change.value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
        if (until != p.until) {
            p.until = until;
            roles << UntilRole;
        }
    }
    if (change.contains(QStringLiteral("online"))) {
        const bool online = change.value(QStringLiteral("online")).toBool();
        if (online != p.online) {
            p.online = online;
            roles << OnlineRole;
        }
    }
    if (change.contains(QStringLiteral("chats"))) {
        const int chats = change.value(QStringLiteral("chats")).toInt();
        if (chats != p.chats) {
            p.chats = chats;
            roles << ChatsRole;
        }
    }
    if (!roles.isEmpty()) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, roles);
    }
    return true;
}

const Person *PresenceModel::person(const QString &userId) const
{
    const int row = rowOf(userId);
    return row < 0 ? nullptr : &m_people.at(row);
}

void PresenceModel::reindex()
{
    m_rowByUser.clear();
    for (int i = 0; i < m_people.size(); ++i)
        m_rowByUser.insert(m_people.at(i).userId, i);
}

} // namespace Muster
