// Attendee logs (a panel, a meet-up): per event, kept by gatekeepers of any role and by
// managers. attendeeLogs.list/create/update/delete, gatekeepers added and removed by managers,
// attendees listed, added by badge number (an unknown badge makes a placeholder) and removed.
#pragma once

#include "db/attendeelogstore.h"

#include <QObject>

namespace Muster {

class Database;
class RpcCall;

class AttendeeLogService : public QObject
{
    Q_OBJECT
public:
    explicit AttendeeLogService(Database &db, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void create(const RpcCall &call);
    void update(const RpcCall &call);
    void remove(const RpcCall &call);
    void addGatekeeper(const RpcCall &call);
    void removeGatekeeper(const RpcCall &call);
    void attendees(const RpcCall &call);
    void addAttendee(const RpcCall &call);
    void removeAttendee(const RpcCall &call);

private:
    void setGatekeeper(const RpcCall &call, bool gatekeeper);

    AttendeeLogStore m_store;
};

} // namespace Muster
