// See outbox.h. The file is small and local, and every write is one short transaction, so the
// calls are synchronous: a clock action is on disk before the volunteer is told it was taken.
#include "outbox.h"

#include "protocol/wiretime.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Muster {

namespace {

QSqlDatabase database(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

// A null QString binds as SQL NULL; these columns hold text, empty when there is none.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

Outbox::Outbox(QObject *parent)
    : QAbstractListModel(parent)
    , m_connectionName(u"outbox-" + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Outbox::~Outbox()
{
    {
        QSqlDatabase db = database(m_connectionName);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Outbox::open(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    // WAL with full sync: a queued action survives a power cut the moment enqueue returns.
    const QStringList schema {
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS actions ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " action_id TEXT NOT NULL UNIQUE,"
                       " kind TEXT NOT NULL CHECK (kind IN ('clockIn', 'clockOut')),"
                       " badge TEXT NOT NULL,"
                       " at TEXT NOT NULL,"
                       " team_id TEXT,"
                       " team_name TEXT NOT NULL DEFAULT '',"
                       " refused INTEGER NOT NULL DEFAULT 0,"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " message TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    };
    for (const QString &statement : schema) {
        if (!q.exec(statement)) {
            m_error = q.lastError().text();
            return false;
        }
    }
    reload();
    return true;
}

void Outbox::reload()
{
    beginResetModel();
    m_actions.clear();
    QSqlQuery q(database(m_connectionName));
    q.exec(QStringLiteral("SELECT action_id, kind, badge, at, team_id, team_name, refused, reason,"
                          " message FROM actions ORDER BY refused, seq"));
    while (q.next()) {
        Action a;
        a.actionId = q.value(0).toString();
        a.kind = q.value(1).toString();
        a.badge = q.value(2).toString();
        a.at = fromWireTime(q.value(3).toString());
        a.teamId = q.value(4).toString();
        a.teamName = q.value(5).toString();
        a.refused = q.value(6).toBool();
        a.reason = q.value(7).toString();
        a.message = q.value(8).toString();
        m_actions.append(a);
    }
    endResetModel();
    Q_EMIT countsChanged();
}

int Outbox::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actions.size());
}

QVariant Outbox::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Action &a = m_actions.at(index.row());
    switch (role) {
    case ActionIdRole:
        return a.actionId;
    case KindRole:
        return a.kind;
    case Qt::DisplayRole:
    case BadgeRole:
        return a.badge;
    case AtRole:
        return a.at;
    case TeamNameRole:
        return a.teamName;
    case RefusedRole:
        return a.refused;
    case ReasonRole:
        return a.reason;
    case MessageRole:
        return a.message;
    default:
        return {};
    }
}

QHash<int, QByteArray> Outbox::roleNames() const
{
    return {
        {ActionIdRole, "actionId"},
        {KindRole, "kind"},
        {BadgeRole, "badge"},
        {AtRole, "at"},
        {TeamNameRole, "teamName"},
        {RefusedRole, "refused"},
        {ReasonRole, "reason"},
        {MessageRole, "message"},
    };
}

bool Outbox::enqueue(const Action &action)
{
    QSqlQuery q(database(m_connectionName));
    q.prepare(QStringLiteral("INSERT INTO actions (action_id, kind, badge, at, team_id, team_name)"
                             " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (action_id) DO NOTHING"));
    q.addBindValue(action.actionId);
    q.addBindValue(action.kind);
    q.addBindValue(action.badge);
    q.addBindValue(toWireTime(action.at).toString());
    q.addBindValue(action.teamId.isEmpty() ? QVariant() : QVariant(action.teamId));
    q.addBindValue(text(action.teamName));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    reload();
    return true;
}

QList<Outbox::Action> Outbox::queued(int limit) const
{
    QList<Action> result;
    for (const Action &a : m_actions) {
        if (a.refused || result.size() >= limit)
            break;
        result.append(a);
    }
    return result;
}

void Outbox::remove(const QString &actionId)
{
    QSqlQuery q(database(m_connectionName));
    q.prepare(QStringLiteral("DELETE FROM actions WHERE action_id = ?"));
    q.addBindValue(actionId);
    q.exec();
    reload();
}

void Outbox::markRefused(const QString &actionId, const QString &reason, const QString &message)
{
    QSqlQuery q(database(m_connectionName));
    q.prepare(QStringLiteral(
        "UPDATE actions SET refused = 1, reason = ?, message = ? WHERE action_id = ?"));
    q.addBindValue(text(reason));
    q.addBindValue(text(message));
    q.addBindValue(actionId);
    q.exec();
    reload();
}

void Outbox::clearRefused()
{
    QSqlQuery q(database(m_connectionName));
    q.exec(QStringLiteral("DELETE FROM actions WHERE refused = 1"));
    reload();
}

int Outbox::queuedCount() const
{
    return int(std::count_if(
        m_actions.cbegin(), m_actions.cend(), [](const Action &a) { return !a.refused; }));
}

int Outbox::refusedCount() const
{
    return int(m_actions.size()) - queuedCount();
}

QString Outbox::lastQueuedKind(const QString &badge) const
{
    QString kind;
    for (const Action &a : m_actions) {
        if (!a.refused && a.badge == badge)
            kind = a.kind;
    }
    return kind;
}

void Outbox::remember(const QString &key, const QJsonObject &value)
{
    QSqlQuery q(database(m_connectionName));
    q.prepare(QStringLiteral("INSERT INTO kept (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
    q.exec();
}

QJsonObject Outbox::recall(const QString &key) const
{
    QSqlQuery q(database(m_connectionName));
    q.prepare(QStringLiteral("SELECT value FROM kept WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

QJsonObject Outbox::toReplay(const Action &action)
{
    QJsonObject json {{QStringLiteral("actionId"), action.actionId},
        {QStringLiteral("kind"), action.kind}, {QStringLiteral("badge"), action.badge},
        {QStringLiteral("at"), toWireTime(action.at)}};
    if (action.kind == QLatin1String("clockIn"))
        json.insert(QStringLiteral("teamId"), action.teamId);
    return json;
}

} // namespace Muster
