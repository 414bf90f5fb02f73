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
    const Caller &caller = call.caller();
    if (subject.userId.isNull())
        subject.userId = caller.userId;
    if (subject.userId != caller.userId && !roleAtLeast(caller.role, Role::Manager)) {
        call.fail(RpcError::forbidden(QStringLiteral("Only managers see other people's time")));
        return std::nullopt;
    }
    return subject;
}

} // namespace Muster
