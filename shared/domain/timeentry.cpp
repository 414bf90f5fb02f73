// See timeentry.h.
#include "timeentry.h"

#include "protocol/wireid.h"
#include "protocol/wiretime.h"

namespace Muster {

namespace {

// A badge or a kiosk name that is not there travels as null, as the protocol documents.
QJsonValue textOrNull(const QString &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QJsonObject TimeEntry::toJson() const
{
    return {
        {QStringLiteral("id"), toWireId(id)},
        {QStringLiteral("eventId"), toWireId(eventId)},
        {QStringLiteral("userId"), toWireId(userId)},
        {QStringLiteral("userName"), userName},
        {QStringLiteral("badge"), textOrNull(badge)},
        {QStringLiteral("teamId"), toWireId(teamId)},
        {QStringLiteral("teamName"), teamName},
        {QStringLiteral("start"), toWireTime(start)},
        {QStringLiteral("stop"), toWireTime(stop)},
        {QStringLiteral("notes"), notes},
        {QStringLiteral("source"), source},
        {QStringLiteral("kioskId"), toWireId(kioskId)},
        {QStringLiteral("kioskName"), textOrNull(kioskName)},
        {QStringLiteral("offline"), offline},
        {QStringLiteral("autoStopped"), autoStopped},
        {QStringLiteral("workedSeconds"), workedSeconds},
        {QStringLiteral("earnedSeconds"), earnedSeconds},
    };
}

TimeEntry TimeEntry::fromJson(const QJsonObject &o)
{
    TimeEntry e;
    e.id = QUuid(o.value(QStringLiteral("id")).toString());
    e.eventId = QUuid(o.value(QStringLiteral("eventId")).toString());
    e.userId = QUuid(o.value(QStringLiteral("userId")).toString());
    e.userName = o.value(QStringLiteral("userName")).toString();
    e.badge = o.value(QStringLiteral("badge")).toString();
    e.teamId = QUuid(o.value(QStringLiteral("teamId")).toString());
    e.teamName = o.value(QStringLiteral("teamName")).toString();
    e.start = fromWireTime(o.value(QStringLiteral("start")));
    e.stop = fromWireTime(o.value(QStringLiteral("stop")));
    e.notes = o.value(QStringLiteral("notes")).toString();
    e.source = o.value(QStringLiteral("source")).toString();
    e.kioskId = QUuid(o.value(QStringLiteral("kioskId")).toString());
    e.kioskName = o.value(QStringLiteral("kioskName")).toString();
    e.offline = o.value(QStringLiteral("offline")).toBool();
    e.autoStopped = o.value(QStringLiteral("autoStopped")).toBool();
    e.workedSeconds = o.value(QStringLiteral("workedSeconds")).toInteger();
    e.earnedSeconds = o.value(QStringLiteral("earnedSeconds")).toInteger();
    return e;
}

} // namespace Muster
