// Whose time a read is about, shared by the time clock's reads (totals, entries, rewards):
// `eventId` (null: the active event) and `userId` (default: the caller; anyone else's needs a
// manager).
#pragma once

#include "net/rpccall.h"
#include "protocol/paramreader.h"

#include <QUuid>

#include <optional>

namespace Muster {

struct ReadSubject
{
    QUuid eventId;
    QUuid userId;
};

// The person a read is about: `requested`, or the caller when null. Anyone else's needs a manager
// (at a kiosk everyone acts as a volunteer, so it is refused there). Fails the call and returns
// nullopt when the caller may not read it.
inline std::optional<QUuid> readableUser(const RpcCall &call, const QUuid &requested)
{
    const Caller &caller = call.caller();
    if (requested.isNull() || requested == caller.userId)
        return caller.userId;
    if (!roleAtLeast(caller.role, Role::Manager)) {
        call.fail(RpcError::forbidden(QStringLiteral("Only managers see other people's time")));
        return std::nullopt;
    }
    return requested;
}

// Fails the call and returns nullopt when the params are wrong or the caller may not read it.
inline std::optional<ReadSubject> readSubject(const RpcCall &call)
{
    ParamReader p(call.params());
    ReadSubject subject {
        p.optionalUuid(QStringLiteral("eventId")), p.optionalUuid(QStringLiteral("userId"))};
    if (!p.ok()) {
        call.fail(p.error());
        return std::nullopt;
    }
    const std::optional<QUuid> user = readableUser(call, subject.userId);
    if (!user)
        return std::nullopt;
    subject.userId = *user;
    return subject;
}

} // namespace Muster
