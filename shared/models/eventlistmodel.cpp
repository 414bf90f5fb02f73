// See eventlistmodel.h.
#include "eventlistmodel.h"

#include "util/clocktext.h"

#include <QJsonObject>
#include <QTimeZone>

namespace Muster {

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &EventListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &EventListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method == QLatin1String("events.changed"))
                reset(params.value(QStringLiteral("events")).toArray());
        });
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StatusColumn + 1;
}

QString EventListModel::statusText(const Event &event, const QDateTime &now)
{
    if (event.active)
        return tr("Active");
    if (event.archived)
        return tr("Archived");
    if (event.readOnly || event.end <= now)
        return tr("Over");
    if (event.start > now)
        return tr("Upcoming");
    return tr("Not active");
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_events.at(index.row());
    if (role == Qt::DisplayRole) {
        // In the event's own time zone: the days its volunteers live in.
        const QTimeZone zone(e.timeZone.toUtf8());
        const auto there = [&zone](const QDateTime &t) {
            return zone.isValid() ? t.toTimeZone(zone) : t.toLocalTime();
        };
        switch (index.column()) {
        case NameColumn:
            return e.name;
        case DatesColumn:
            return tr("%1 – %2").arg(dateTimeText(there(e.start)), dateTimeText(there(e.end)));
        case TimeZoneColumn:
            return e.timeZone;
        case DayStartColumn:
            return QStringLiteral("%1:00").arg(e.dayBoundaryHour, 2, 10, QLatin1Char('0'));
        case StatusColumn:
            return statusText(e, QDateTime::currentDateTimeUtc());
        }
        return {};
    }
    switch (role) {
    case NameRole:
        return e.name;
    case IdRole:
        return e.id.toString(QUuid::WithoutBraces);
    case TimeZoneRole:
        return e.timeZone;
    case StartRole:
        return e.start;
    case EndRole:
        return e.end;
    case DayBoundaryHourRole:
        return e.dayBoundaryHour;
    case ArchivedRole:
        return e.archived;
    case ReadOnlyRole:
        return e.readOnly;
    case ActiveRole:
        return e.active;
    default:
        return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Event");
    case DatesColumn:
        return tr("From – to (its time zone)");
    case TimeZoneColumn:
        return tr("Time zone");
    case DayStartColumn:
        return tr("Day starts");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

QHash<int, QByteArray> EventListModel::roleNames() const
{
    return {
        {IdRole, "eventId"},
        {NameRole, "name"},
        {TimeZoneRole, "timeZone"},
        {StartRole, "start"},
        {EndRole, "end"},
        {DayBoundaryHourRole, "dayBoundaryHour"},
        {ArchivedRole, "archived"},
        {ReadOnlyRole, "readOnly"},
        {ActiveRole, "active"},
    };
}

void EventListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void EventListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->events(),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("events")].toArray()); });
}

void EventListModel::clear()
{
    m_feed.forget();
    reset({});
}

void EventListModel::reset(const QJsonArray &events)
{
    const Event *before = activeEvent();
    const Event previous = before ? *before : Event();
    beginResetModel();
    m_events.clear();
    for (const QJsonValue &v : events)
        m_events.append(Event::fromJson(v.toObject()));
    endResetModel();
    const Event *after = activeEvent();
    if ((before != nullptr) != (after != nullptr) || (after && !(*after == previous)))
        Q_EMIT activeEventChanged();
}

const Event *EventListModel::activeEvent() const
{
    for (const Event &e : m_events) {
        if (e.active)
            return &e;
    }
    return nullptr;
}

const Event *EventListModel::eventAt(int row) const
{
    return row >= 0 && row < m_events.size() ? &m_events.at(row) : nullptr;
}

int EventListModel::rowOf(const QString &eventId) const
{
    const QUuid id = QUuid::fromString(eventId);
    for (int row = 0; row < m_events.size(); ++row) {
        if (m_events.at(row).id == id)
            return row;
    }
    return -1;
}

QString EventListModel::activeEventId() const
{
    const Event *e = activeEvent();
    return e ? e->id.toString(QUuid::WithoutBraces) : QString();
}

QString EventListModel::activeEventName() const
{
    const Event *e = activeEvent();
    return e ? e->name : QString();
}

} // namespace Muster
