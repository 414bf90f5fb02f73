// An organisation's events: list, find, create, edit and choose the active one. Every change is
// audited with old and new values.
#pragma once

#include "domain/event.h"
#include "storeerror.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class EventStore
{
public:
    struct NewEvent
    {
        QString name;
        QString timeZone; // checked by the caller: the database takes any text
        QDateTime start;
        QDateTime end;
        int dayBoundaryHour = 4;
        bool activate = false;
        QUuid copySetupFrom; // an earlier event whose bonus windows and rewards it starts with
    };
    struct Change
    {
        std::optional<QString> name;
        std::optional<QString> timeZone;
        std::optional<QDateTime> start;
        std::optional<QDateTime> end;
        std::optional<int> dayBoundaryHour;
        std::optional<bool> archived; // archiving the active event leaves none active
    };

    using EventsHandler = std::function<void(const QList<Event> &events, const StoreError &error)>;
    // NotFound ("Event") when there is no such event of the organisation.
    using EventHandler = std::function<void(const Event &event, const StoreError &error)>;
    using DoneHandler = std::function<void(const StoreError &error)>;

    explicit EventStore(Database &db)
        : m_db(db)
    { }

    // Newest first.
    void list(const QUuid &org, QObject *context, EventsHandler handler);
    // A null id finds the active event; with a log id, only the event that log belongs to.
    void find(const QUuid &org, const QUuid &eventId, const QUuid &logId, QObject *context,
        EventHandler handler);
    // Conflict when the name is taken; Invalid when the end is not after the start.
    void create(const QUuid &org, const QUuid &actor, const NewEvent &event, QObject *context,
        EventHandler handler);
    void update(const QUuid &org, const QUuid &actor, const QUuid &eventId, const Change &change,
        QObject *context, EventHandler handler);
    // A null id leaves no event active. Day boundaries before the activation are not applied.
    void activate(const QUuid &org, const QUuid &actor, const QUuid &eventId, QObject *context,
        DoneHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
