// See eventlistmodel.h.
#include "eventlistmodel.h"

#include <QJsonObject>

namespace Muster {

EventListModel::EventListModel(QObject *parent)
    : QAbstractListModel(parent)
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

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
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
