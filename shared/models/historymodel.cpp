// See historymodel.h.
#include "historymodel.h"

#include "domain/role.h"
#include "models/teamlistmodel.h"
#include "util/clocktext.h"
#include "util/durationtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Muster {

namespace {

// Values that are ids name nothing a person reads; a team id is named through the teams.
bool isHiddenKey(const QString &key)
{
    return key != QLatin1String("teamId") && key.endsWith(QLatin1String("Id"));
}

// A wire time ("2026-12-04T09:00:00Z") in what a value may be; invalid for anything else.
QDateTime wireTime(const QString &text)
{
    if (text.size() < 16 || text.at(4) != u'-' || text.at(10) != u'T')
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &HistoryModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, [this](const QString &message) {
        m_busy = false;
        Q_EMIT loadFailed(message);
    });
    m_feed.setLoadOnSignIn(false); // nobody to show until someone is chosen
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ChangeColumn + 1;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRecord &r = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return dayTimeText(r.at.toLocalTime());
        case WhoColumn:
            return actorText(r);
        case WhatColumn:
            return whatText(r);
        case ChangeColumn:
            return changeText(r);
        }
        return {};
    case Qt::ToolTipRole: {
        // The whole change, where a view cuts it.
        const QString change = changeText(r);
        return change.isEmpty() ? QVariant() : QVariant(change);
    }
    case IdRole:
        return r.id.toString(QUuid::WithoutBraces);
    case AtRole:
        return r.at;
    case ActionRole:
        return r.action;
    case ActorRole:
        return actorText(r);
    case WhatRole:
        return whatText(r);
    case ChangeRole:
        return changeText(r);
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("By");
    case WhatColumn:
        return tr("What");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    return {
        {IdRole, "recordId"},
        {AtRole, "at"},
        {ActionRole, "action"},
        {ActorRole, "actorName"},
        {WhatRole, "what"},
        {ChangeRole, "change"},
    };
}

void HistoryModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<AdminClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void HistoryModel::setUserId(const QString &userId)
{
    if (userId == m_userId)
        return;
    clear();
    m_userId = userId;
}

const AuditRecord *HistoryModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

void HistoryModel::reload()
{
    if (!m_client || !m_feed.isReady() || m_userId.isEmpty())
        return;
    m_busy = true;
    m_feed.load(
        m_client->history(m_userId, QString(), m_pageSize), [this](const QJsonValue &result) {
            append(result[QStringLiteral("records")].toArray(), true);
        });
}

void HistoryModel::catchUp()
{
    if (!m_loaded || m_records.isEmpty())
        return reload();
    if (!m_client || !m_feed.isReady())
        return;
    m_busy = true;
    m_feed.load(m_client->history(m_userId, QString(), m_pageSize),
        [this](const QJsonValue &result) { prepend(result[QStringLiteral("records")].toArray()); });
}

void HistoryModel::prepend(const QJsonArray &firstPage)
{
    int news = -1; // how many records of the first page are newer than the newest shown
    for (int i = 0; i < firstPage.size(); ++i) {
        if (QUuid(firstPage.at(i)[QStringLiteral("id")].toString()) == m_records.first().id) {
            news = i;
            break;
        }
    }
    if (news < 0) // more news than a page, or the newest shown is gone: start again
        return append(firstPage, true);
    if (news > 0) {
        beginInsertRows({}, 0, news - 1);
        for (int i = news - 1; i >= 0; --i)
            m_records.prepend(AuditRecord::fromJson(firstPage.at(i).toObject()));
        m_busy = false;
        endInsertRows();
    }
    m_busy = false;
    Q_EMIT loaded();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_more && !m_busy;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_client || !m_feed.isReady())
        return;
    m_busy = true;
    const QString before = m_records.last().id.toString(QUuid::WithoutBraces);
    m_feed.load(m_client->history(m_userId, before, m_pageSize), [this](const QJsonValue &result) {
        append(result[QStringLiteral("records")].toArray(), false);
    });
}

void HistoryModel::clear()
{
    m_feed.forget();
    beginResetModel();
    m_records.clear();
    m_loaded = false;
    m_busy = false;
    m_more = false;
    endResetModel();
}

void HistoryModel::append(const QJsonArray &records, bool fresh)
{
    // Whether more may be fetched is settled with the rows in and before views hear of them: a
    // view (or QAbstractItemModelTester) asks for the next page from inside those signals.
    const auto settle = [this, &records] {
        m_busy = false;
        m_more = records.size() >= m_pageSize;
    };
    if (fresh) {
        beginResetModel();
        m_records.clear();
        for (const QJsonValue &v : records)
            m_records.append(AuditRecord::fromJson(v.toObject()));
        m_loaded = true;
        settle();
        endResetModel();
    } else if (!records.isEmpty()) {
        const int first = int(m_records.size());
        beginInsertRows({}, first, first + int(records.size()) - 1);
        for (const QJsonValue &v : records)
            m_records.append(AuditRecord::fromJson(v.toObject()));
        settle();
        endInsertRows();
    } else {
        settle();
    }
    Q_EMIT loaded();
}

QString HistoryModel::whatText(const AuditRecord &r) const
{
    const QString &a = r.action;
    const QJsonObject after = r.newValue.toObject();
    if (a == QLatin1String("session.login"))
        return tr("Signed in");
    if (a == QLatin1String("timeclock.clockIn")) {
        const QString source = after.value(QStringLiteral("source")).toString();
        return source == QLatin1String("kiosk")  ? tr("Clocked in at a kiosk")
            : source == QLatin1String("manager") ? tr("Clocked in by a manager")
                                                 : tr("Clocked in");
    }
    if (a == QLatin1String("timeclock.clockOut"))
        return tr("Clocked out");
    if (a == QLatin1String("timeclock.autoStop"))
        return tr("Shift stopped by the day boundary");
    if (a == QLatin1String("timeclock.add"))
        return tr("Shift added");
    if (a == QLatin1String("timeclock.update"))
        return tr("Shift changed");
    if (a == QLatin1String("timeclock.delete"))
        return tr("Shift deleted");
    if (a == QLatin1String("correction.request"))
        return tr("Asked to correct a stopped shift");
    if (a == QLatin1String("correction.approve"))
        return tr("Correction approved");
    if (a == QLatin1String("correction.refuse"))
        return tr("Correction refused");
    if (a == QLatin1String("reward.claim"))
        return tr("Reward handed over");
    if (a == QLatin1String("reward.unclaim"))
        return tr("Reward hand-over undone");
    if (a == QLatin1String("user.create"))
        return tr("Account created");
    if (a == QLatin1String("user.update") || a == QLatin1String("user.role"))
        return tr("Role or team changed");
    if (a == QLatin1String("user.profile"))
        return tr("Name or email changed");
    if (a == QLatin1String("user.password_change"))
        return tr("Changed their password");
    if (a == QLatin1String("user.password_reset"))
        return tr("Password reset");
    if (a == QLatin1String("user.pin"))
        return tr("Kiosk PIN set");
    if (a == QLatin1String("user.avatar"))
        return tr("Picture changed");
    if (a == QLatin1String("telegram.link"))
        return tr("Telegram linked");
    if (a == QLatin1String("telegram.unlink"))
        return tr("Telegram unlinked");
    if (a == QLatin1String("attendee.add"))
        return tr("Logged as attending");
    if (a == QLatin1String("attendee.remove"))
        return tr("Taken off an attendee log");
    return a; // an action this version does not know yet: as the server says it
}

QString HistoryModel::changeText(const AuditRecord &r) const
{
    const QJsonObject before = r.oldValue.toObject();
    const QJsonObject after = r.newValue.toObject();
    QStringList keys = before.keys(); // sorted: the same order for every record of a kind
    for (const QString &key : after.keys()) {
        if (!before.contains(key))
            keys.append(key);
    }
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        if (isHiddenKey(key))
            continue;
        const QJsonValue was = before.value(key);
        const QJsonValue now = after.value(key);
        if (was == now)
            continue;
        // Said once when only one side has it (a shift added, or deleted with a reason).
        if (was.isUndefined() || was.isNull())
            parts.append(keyText(key) + u' ' + valueText(key, now));
        else if (now.isUndefined())
            parts.append(keyText(key) + u' ' + valueText(key, was));
        else
            parts.append(keyText(key) + u' ' + valueText(key, was) + QStringLiteral(" → ")
                + valueText(key, now, wireTime(was.toString())));
    }
    return parts.join(QStringLiteral(" · "));
}

QString HistoryModel::keyText(const QString &key) const
{
    static const QHash<QString, const char *> names {
        {QStringLiteral("start"), QT_TR_NOOP("start")},
        {QStringLiteral("stop"), QT_TR_NOOP("stop")},
        {QStringLiteral("requestedStop"), QT_TR_NOOP("stopped at")},
        {QStringLiteral("teamId"), QT_TR_NOOP("team")},
        {QStringLiteral("displayName"), QT_TR_NOOP("name")},
        {QStringLiteral("autoStopped"), QT_TR_NOOP("by the day boundary")},
        {QStringLiteral("claimed"), QT_TR_NOOP("handed over")},
        {QStringLiteral("source"), QT_TR_NOOP("from")},
        {QStringLiteral("highlight"), QT_TR_NOOP("highlight")},
        {QStringLiteral("offline"), QT_TR_NOOP("kept while offline")},
        {QStringLiteral("workedSeconds"), QT_TR_NOOP("worked")},
    };
    const char *name = names.value(key);
    return name ? tr(name) : key;
}

QString HistoryModel::actorText(const AuditRecord &r) const
{
    // No actor: the server itself (the day boundary) or its command line.
    return r.actorId.isNull() ? tr("Muster") : r.actorName;
}

QString HistoryModel::valueText(
    const QString &key, const QJsonValue &value, const QDateTime &sameDayAs) const
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("—");
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    if (value.isDouble()) {
        return key.endsWith(QLatin1String("Seconds")) ? durationText(qint64(value.toDouble()))
                                                      : QString::number(value.toDouble());
    }
    if (!value.isString())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    const QString text = value.toString();
    if (key == QLatin1String("teamId")) {
        const Team *team = m_teams ? m_teams->teamById(text) : nullptr;
        return team ? team->name : tr("another team");
    }
    if (key == QLatin1String("role")) {
        if (const std::optional<Role> role = roleFromName(text))
            return roleTitle(*role);
    }
    if (const QDateTime at = wireTime(text); at.isValid()) {
        // "stop Fri 4 Dec, 13:31 → 14:01": the day once when it stays the same.
        const bool sameDay
            = sameDayAs.isValid() && sameDayAs.toLocalTime().date() == at.toLocalTime().date();
        return sameDay ? clockText(at.toLocalTime()) : dayTimeText(at.toLocalTime());
    }
    return u'“' + text + u'”';
}

} // namespace Muster
