// Attendee logs and who is in them. Who may see or change a log is decided in one place,
// muster_attendee_log_access (resources/sql/10_attendeelogs.sql): managers may; gatekeepers of
// the log may, and change it only while its event is the active one. Every change is audited.
#pragma once

#include "domain/attendee.h"
#include "domain/attendeelog.h"
#include "domain/role.h"
#include "storeerror.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>

namespace Muster {

class Database;

class AttendeeLogStore
{
public:
    // Who does it: the person and their role.
    struct Actor
    {
        QUuid organisationId;
        QUuid userId;
        Role role = Role::Volunteer;
    };

    // NotFound ("Event") for an event not the organisation's.
    using LogsHandler
        = std::function<void(const QList<AttendeeLog> &logs, const StoreError &error)>;
    // NotFound ("Attendee log") for a log the actor may not see; Conflict ("This event already
    // has a log with that name", or reason event_closed).
    using LogHandler = std::function<void(const AttendeeLog &log, const StoreError &error)>;
    using AttendeesHandler
        = std::function<void(const QList<Attendee> &attendees, const StoreError &error)>;
    // Conflict (already_logged) for a badge the log has.
    using AttendeeHandler = std::function<void(const Attendee &attendee, const StoreError &error)>;
    using DoneHandler = std::function<void(const StoreError &error)>;

    explicit AttendeeLogStore(Database &db)
        : m_db(db)
    { }

    // By name: all of the event's (null: the active one) for managers, else those the actor keeps.
    void list(const Actor &actor, const QUuid &eventId, QObject *context, LogsHandler handler);
    void create(const Actor &actor, const QUuid &eventId, const QString &name, QObject *context,
        LogHandler handler);
    void rename(const Actor &actor, const QUuid &logId, const QString &name, QObject *context,
        LogHandler handler);
    void remove(const Actor &actor, const QUuid &logId, QObject *context, DoneHandler handler);
    // NotFound ("User") for someone not of the organisation; a banned person is not added.
    void setGatekeeper(const Actor &actor, const QUuid &logId, const QUuid &userId, bool keeper,
        QObject *context, LogHandler handler);
    // In order of arrival.
    void attendees(
        const Actor &actor, const QUuid &logId, QObject *context, AttendeesHandler handler);
    // An unknown badge becomes a placeholder.
    void addAttendee(const Actor &actor, const QUuid &logId, const QString &badge, QObject *context,
        AttendeeHandler handler);
    // The log as it is now, whoever asks (for the pushes after a change); NotFound when gone.
    void log(const QUuid &org, const QUuid &logId, QObject *context, LogHandler handler);
    // NotFound ("Attendee") when they are not in the log.
    void removeAttendee(const Actor &actor, const QUuid &logId, const QUuid &userId,
        QObject *context, DoneHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
