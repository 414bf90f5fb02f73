// Small glue between JsonQuery results and RPC answers, shared by the time clock services.
#pragma once

#include "db/jsonquery.h"
#include "net/rpccall.h"

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

inline QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace Muster
