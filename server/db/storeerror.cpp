// See storeerror.h.
#include "storeerror.h"

#include "pgresult.h"

namespace Muster {

StoreError StoreError::of(const PgResult &result)
{
    const QByteArray state = result.sqlState();
    const QString message = result.primaryMessage();
    const QString reason = result.detail();
    if (state == "MU404") // "Team not found": NotFound carries only the what
        return notFound(
            message.endsWith(QLatin1String(" not found")) ? message.chopped(10) : message);
    if (state == "MU409")
        return {Conflict, message, reason};
    if (state == "MU403")
        return {Forbidden, message, {}};
    if (state == "MU422")
        return {Invalid, message, {}};
    if (state == "23514")
        return {Invalid, QStringLiteral("A value is out of range"), {}};
    if (state == "23505")
        return conflict(QStringLiteral("That already exists"));
    if (state == "23P01")
        return {Conflict, QStringLiteral("That time overlaps another entry"),
            QStringLiteral("overlap")};
    return unavailable(result.errorMessage());
}

RpcError StoreError::toRpcError() const
{
    RpcError e;
    switch (kind) {
    case NotFound:
        return RpcError::notFound(message);
    case Conflict:
        e = RpcError::conflict(message);
        break;
    case Forbidden:
        return RpcError::forbidden(message);
    case Invalid:
        return RpcError::invalidParams(message);
    case Unavailable:
    case None:
        return RpcError::unavailable(QStringLiteral("Database unavailable"));
    }
    if (!reason.isEmpty())
        e.reason = reason;
    return e;
}

} // namespace Muster
