// Small glue between JsonQuery results and RPC answers, shared by the time clock services.
#pragma once

#include "db/jsonquery.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Muster {

// Answers the call with the value, or with the failure.
inline JsonQuery::Handler replyWith(const RpcCall &call)
{
    return [call](const QJsonValue &value, const StoreError &error) {
        if (error)
            return call.fail(error.toRpcError());
        call.reply(value);
    };
}

// The SQL condition "the event $2 names, if any, is one of organisation $1's": list reads put it
// in a CASE so an unknown or foreign id answers NULL (not_found), never an empty list.
inline constexpr const char *kEventKnown
    = "($2::uuid IS NULL OR EXISTS (SELECT 1 FROM events x WHERE x.organisation_id = $1"
      " AND x.id = $2))";

// Answers {key: value}; a NULL value means the ids asked about are not the caller's to see.
inline JsonQuery::Handler replyWithKeyOrNotFound(
    const RpcCall &call, const QString &key, const QString &what)
{
    return [call, key, what](const QJsonValue &value, const StoreError &error) {
        if (error)
            return call.fail(error.toRpcError());
        if (value.isNull())
            return call.fail(RpcError::notFound(what));
        call.reply(QJsonObject {{key, value}});
    };
}

// Answers the call with {key: value}, or with the failure.
inline JsonQuery::Handler replyWithKey(const RpcCall &call, const QString &key)
{
    return [call, key](const QJsonValue &value, const StoreError &error) {
        if (error)
            return call.fail(error.toRpcError());
        call.reply(QJsonObject {{key, value}});
    };
}

// Whose time a read is about: `eventId` (null: the active event) and `userId` (default: the
// caller; anyone else's needs a manager). Fails the call and returns nullopt otherwise.
struct ReadSubject
{
    QUuid eventId;
    QUuid userId;
};
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

inline QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace Muster
