// JSON-RPC 2.0 errors as Muster sends them: a numeric code plus a stable reason string.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Muster {

struct RpcError
{
    // Standard JSON-RPC codes, then Muster's application codes (-32000 range).
    enum Code {
        ParseError = -32700,
        InvalidRequest = -32600,
        MethodNotFound = -32601,
        InvalidParams = -32602,
        InternalError = -32603,
        Unauthenticated = -32001,
        Forbidden = -32003,
        NotFound = -32004,
        Conflict = -32009,
        RateLimited = -32029,
        Unavailable = -32050,
        Timeout = -32060, // client side only: no reply in time
        Disconnected = -32061, // client side only: connection lost before the reply
    };

    int code = InternalError;
    QString message;
    QString reason; // stable machine-readable word, e.g. "forbidden"
    QJsonObject details; // extra fields merged into "data"

    bool isValid() const { return !reason.isEmpty(); }
    QJsonObject toJson() const;
    static RpcError fromJson(const QJsonObject &error);

    static RpcError parseError(const QString &detail);
    static RpcError invalidRequest(const QString &detail);
    static RpcError methodNotFound(const QString &method);
    static RpcError invalidParams(const QString &detail);
    static RpcError internal();
    static RpcError unauthenticated(const QString &detail = {});
    static RpcError forbidden(const QString &detail = {});
    static RpcError notFound(const QString &what);
    static RpcError conflict(const QString &detail);
    static RpcError rateLimited(int retryAfterSeconds, const QString &detail = {});
    static RpcError unavailable(const QString &detail);
};

} // namespace Muster
