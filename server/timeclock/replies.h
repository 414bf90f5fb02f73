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
