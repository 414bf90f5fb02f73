// A person's word on a forgotten clock-out: the day boundary stopped their shift an hour after it
// began, and they say when they really stopped. A manager approves it (the shift takes that
// time) or refuses it, with a reason.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <QUuid>

#include <optional>

namespace Muster {

struct StopCorrection
{
    enum class Status { Pending, Approved, Refused };

    QUuid id;
    QUuid entryId;
    QUuid eventId;
    QUuid userId;
    QString userName;
    QString badge;
    QString teamName;
    QDateTime start; // the shift's
    QDateTime autoStop; // where the day boundary stopped it
    QDateTime requestedStop; // where its owner says it ended
    QString note; // the owner's
    Status status = Status::Pending;
    QString decidedBy; // the manager's name, once decided
    QDateTime decidedAt;
    QString reason; // the manager's
    QDateTime createdAt;

    // What approving it changes: positive when the person worked longer than the boundary gave.
    qint64 differenceSeconds() const { return autoStop.secsTo(requestedStop); }

    // A time of day typed on a keypad or keyboard: "1930", "19:30", "930", "9:30" or "19".
    static std::optional<QTime> wallTimeFromText(const QString &text);
    // The moment after `start`, within a day of it, whose wall clock in `zone` reads `wallTime`:
    // what "I stopped at 01:30" means for a shift that began at 22:00.
    static QDateTime stopAt(const QDateTime &start, QTime wallTime, const QTimeZone &zone);

    // The wire form of corrections.* and corrections.changed.
    QJsonObject toJson() const;
    static StopCorrection fromJson(const QJsonObject &object);
    static QString statusName(Status status);
    static Status statusFromName(const QString &name);

    friend bool operator==(const StopCorrection &, const StopCorrection &) = default;
};

} // namespace Muster
