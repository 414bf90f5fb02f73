// Attendee logs (a panel, a meet-up): per event, kept by gatekeepers of any role and by
// managers. attendeeLogs.list/create/update/delete, gatekeepers added and removed by managers,
// attendees listed, added by badge number (an unknown badge makes a placeholder) and removed.
// Every change is pushed as attendeeLogs.changed to the managers and the log's gatekeepers, so a
// count at the door and one in the office move together.
#pragma once

#include "db/attendeelogstore.h"

#include <QObject>

namespace Muster {

class Database;
class PushRelay;
class RpcCall;

class AttendeeLogService : public QObject
{
    Q_OBJECT
public:
    AttendeeLogService(Database &db, PushRelay &relay, QObject *parent = nullptr);

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
    // Answers {"log": …} and spreads it; `alsoTell`: a gatekeeper just removed, who must hear.
    AttendeeLogStore::LogHandler replyAndSpread(const RpcCall &call, const QUuid &alsoTell = {});
    void spread(const QUuid &organisationId, const AttendeeLog &log, const QUuid &alsoTell = {});
    // Reads the log after a change that answers without it (an attendee added or removed).
    void spreadLater(const QUuid &organisationId, const QUuid &logId);

    AttendeeLogStore m_store;
    PushRelay &m_relay;
};

} // namespace Muster
