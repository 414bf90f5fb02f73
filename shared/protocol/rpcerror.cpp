// Builders for the errors listed in docs/protocol.md; the reasons here are part of the contract.
#include "rpcerror.h"

namespace Muster {

QJsonObject RpcError::toJson() const
{
    QJsonObject data = details;
    data.insert(QStringLiteral("reason"), reason);
    return QJsonObject {
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), message},
        {QStringLiteral("data"), data},
    };
}

RpcError RpcError::fromJson(const QJsonObject &error)
{
    RpcError e;
    e.code = error.value(QStringLiteral("code")).toInt(InternalError);
    e.message = error.value(QStringLiteral("message")).toString();
    e.details = error.value(QStringLiteral("data")).toObject();
    e.reason = e.details.take(QStringLiteral("reason")).toString();
    if (e.reason.isEmpty())
        e.reason = QStringLiteral("error");
    return e;
}

static RpcError make(int code, const QString &reason, const QString &message)
{
    RpcError e;
    e.code = code;
    e.reason = reason;
    e.message = message;
    return e;
}

RpcError RpcError::parseError(const QString &detail)
{
    return make(
        ParseError, QStringLiteral("parse_error"), QStringLiteral("Parse error: ") + detail);
}

RpcError RpcError::invalidRequest(const QString &detail)
{
    return make(InvalidRequest, QStringLiteral("invalid_request"),
        QStringLiteral("Invalid request: ") + detail);
}

RpcError RpcError::methodNotFound(const QString &method)
{
    return make(MethodNotFound, QStringLiteral("method_not_found"),
        QStringLiteral("Unknown method: ") + method);
}

RpcError RpcError::invalidParams(const QString &detail)
{
    return make(InvalidParams, QStringLiteral("invalid_params"),
        QStringLiteral("Invalid params: ") + detail);
}

RpcError RpcError::internal()
{
    return make(InternalError, QStringLiteral("internal"), QStringLiteral("Internal error"));
}

RpcError RpcError::unauthenticated(const QString &detail)
{
    return make(Unauthenticated, QStringLiteral("unauthenticated"),
        detail.isEmpty() ? QStringLiteral("Not signed in") : detail);
}

RpcError RpcError::forbidden(const QString &detail)
{
    return make(Forbidden, QStringLiteral("forbidden"),
        detail.isEmpty() ? QStringLiteral("Not allowed for your role") : detail);
}

RpcError RpcError::notFound(const QString &what)
{
    return make(NotFound, QStringLiteral("not_found"), what + QStringLiteral(" not found"));
}

RpcError RpcError::conflict(const QString &detail)
{
    return make(Conflict, QStringLiteral("conflict"), detail);
}

RpcError RpcError::rateLimited(int retryAfterSeconds, const QString &detail)
{
    RpcError e = make(RateLimited, QStringLiteral("rate_limited"),
        detail.isEmpty() ? QStringLiteral("Too many attempts; try again later") : detail);
    e.details.insert(QStringLiteral("retryAfter"), retryAfterSeconds);
    return e;
}

RpcError RpcError::unavailable(const QString &detail)
{
    return make(Unavailable, QStringLiteral("unavailable"), detail);
}

} // namespace Muster
