// How a store operation failed, in the terms services answer with.
#pragma once

#include "protocol/rpcerror.h"

#include <QString>

namespace Muster {

struct StoreError
{
    enum Kind { None, NotFound, Conflict, Unavailable };

    Kind kind = None;
    QString message; // for NotFound: what was not found; for Conflict: why

    explicit operator bool() const { return kind != None; }

    static StoreError notFound(const QString &what) { return {NotFound, what}; }
    static StoreError conflict(const QString &why) { return {Conflict, why}; }
    static StoreError unavailable(const QString &detail) { return {Unavailable, detail}; }

    RpcError toRpcError() const
    {
        switch (kind) {
        case NotFound:
            return RpcError::notFound(message);
        case Conflict:
            return RpcError::conflict(message);
        case Unavailable:
        case None:
            break;
        }
        return RpcError::unavailable(QStringLiteral("Database unavailable"));
    }
};

} // namespace Muster
