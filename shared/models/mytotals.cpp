// See mytotals.h.
#include "mytotals.h"

#include "client/connection.h"

#include <QJsonObject>

namespace Muster {

MyTotals::MyTotals(QObject *parent)
    : QObject(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &MyTotals::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &MyTotals::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this, &MyTotals::onPush);
}

void MyTotals::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

QDateTime MyTotals::shiftStart() const
{
    return m_totals.ongoing ? m_totals.ongoing->start : QDateTime();
}

QString MyTotals::shiftTeamId() const
{
    return m_totals.ongoing ? m_totals.ongoing->teamId.toString(QUuid::WithoutBraces) : QString();
}

QString MyTotals::shiftTeamName() const
{
    return m_totals.ongoing ? m_totals.ongoing->teamName : QString();
}

void MyTotals::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->totals(),
        [this](const QJsonValue &result) { reset(TimeTotals::fromJson(result.toObject())); });
}

void MyTotals::clear()
{
    m_feed.forget();
    m_loaded = false;
    m_totals = {};
    Q_EMIT changed();
}

void MyTotals::reset(const TimeTotals &totals)
{
    m_loaded = true;
    m_totals = totals;
    Q_EMIT changed();
}

void MyTotals::onPush(const QString &method, const QJsonObject &params)
{
    if (!m_loaded)
        return; // nobody's totals are shown (a kiosk between volunteers)
    if (method == QLatin1String("timeclock.ownTotalsChanged")) {
        const TimeTotals totals = TimeTotals::fromJson(params);
        if (totals.userId == m_totals.userId && totals.eventId == m_totals.eventId)
            reset(totals);
    } else if (method == QLatin1String("timeclock.totalsChanged")) {
        reload();
    } else if (method == QLatin1String("timeclock.entryChanged")) {
        const TimeEntry entry
            = TimeEntry::fromJson(params.value(QStringLiteral("entry")).toObject());
        // A manager's desktop hears about everyone's entries: only this person's count here.
        if (entry.userId == m_totals.userId)
            reload();
    }
}

} // namespace Muster
