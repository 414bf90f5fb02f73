// One change in the audit trail: who did what to which thing, and the values before and after.
// A person's history (users.history) is the changes they made and those made to them, their
// shifts and their rewards.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QUuid>

namespace Muster {

struct AuditRecord
{
    QUuid id;
    QDateTime at;
    QUuid actorId; // null: the command line or the server itself
    QString actorName; // as the actor is called now; empty when there is none
    QString action; // "timeclock.update", "reward.claim", "user.role", …
    QString subjectType; // "time_entry", "reward", "user", …
    QUuid subjectId;
    QJsonValue oldValue; // null when there was nothing before
    QJsonValue newValue;

    // The wire form of users.history.
    QJsonObject toJson() const;
    static AuditRecord fromJson(const QJsonObject &object);

    friend bool operator==(const AuditRecord &, const AuditRecord &) = default;
};

} // namespace Muster
