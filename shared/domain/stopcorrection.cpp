// See stopcorrection.h.
#include "stopcorrection.h"

#include "protocol/wireid.h"
#include "protocol/wiretime.h"

namespace Muster {

QString StopCorrection::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Approved:
        return QStringLiteral("approved");
    case Status::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

StopCorrection::Status StopCorrection::statusFromName(const QString &name)
{
    if (name == QLatin1String("approved"))
        return Status::Approved;
    if (name == QLatin1String("refused"))
        return Status::Refused;
    return Status::Pending;
}

std::optional<QTime> StopCorrection::wallTimeFromText(const QString &text)
{
    QString digits = text.trimmed();
    digits.remove(u':');
    if (digits.isEmpty() || digits.size() > 4)
        return std::nullopt;
    for (const QChar c : std::as_const(digits)) {
        if (!c.isDigit())
            return std::nullopt;
    }
    // Up to two digits are hours; more end in the minutes.
    const int hours = digits.size() <= 2 ? digits.toInt() : digits.chopped(2).toInt();
    const int minutes = digits.size() <= 2 ? 0 : digits.right(2).toInt();
    const QTime time(hours, minutes);
    if (hours > 23 || minutes > 59 || !time.isValid())
        return std::nullopt;
    return time;
}

QDateTime StopCorrection::stopAt(const QDateTime &start, QTime wallTime, const QTimeZone &zone)
{
    const QDate firstDay = start.toTimeZone(zone).date();
    QDateTime candidate(firstDay, wallTime, zone);
    if (candidate <= start)
        candidate = QDateTime(firstDay.addDays(1), wallTime, zone);
    return candidate.toUTC();
}

QJsonObject StopCorrection::toJson() const
{
    return {
        {QStringLiteral("id"), toWireId(id)},
        {QStringLiteral("entryId"), toWireId(entryId)},
        {QStringLiteral("eventId"), toWireId(eventId)},
        {QStringLiteral("userId"), toWireId(userId)},
        {QStringLiteral("userName"), userName},
        {QStringLiteral("badge"), badge.isEmpty() ? QJsonValue() : QJsonValue(badge)},
        {QStringLiteral("teamName"), teamName},
        {QStringLiteral("start"), toWireTime(start)},
        {QStringLiteral("autoStop"), toWireTime(autoStop)},
        {QStringLiteral("requestedStop"), toWireTime(requestedStop)},
        {QStringLiteral("note"), note},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("decidedBy"), decidedBy.isEmpty() ? QJsonValue() : decidedBy},
        {QStringLiteral("decidedAt"), toWireTime(decidedAt)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
    };
}

StopCorrection StopCorrection::fromJson(const QJsonObject &o)
{
    StopCorrection c;
    c.id = QUuid(o.value(QStringLiteral("id")).toString());
    c.entryId = QUuid(o.value(QStringLiteral("entryId")).toString());
    c.eventId = QUuid(o.value(QStringLiteral("eventId")).toString());
    c.userId = QUuid(o.value(QStringLiteral("userId")).toString());
    c.userName = o.value(QStringLiteral("userName")).toString();
    c.badge = o.value(QStringLiteral("badge")).toString();
    c.teamName = o.value(QStringLiteral("teamName")).toString();
    c.start = fromWireTime(o.value(QStringLiteral("start")));
    c.autoStop = fromWireTime(o.value(QStringLiteral("autoStop")));
    c.requestedStop = fromWireTime(o.value(QStringLiteral("requestedStop")));
    c.note = o.value(QStringLiteral("note")).toString();
    c.status = statusFromName(o.value(QStringLiteral("status")).toString());
    c.decidedBy = o.value(QStringLiteral("decidedBy")).toString();
    c.decidedAt = fromWireTime(o.value(QStringLiteral("decidedAt")));
    c.reason = o.value(QStringLiteral("reason")).toString();
    c.createdAt = fromWireTime(o.value(QStringLiteral("createdAt")));
    return c;
}

} // namespace Muster
