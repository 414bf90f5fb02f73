// Strict JSON-RPC 2.0 decoding: anything that is not exactly a request, notification or
// response is rejected with the standard code, so peers learn what they did wrong.
#include "rpcmessage.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Muster {

namespace {

const QString kJsonRpc = QStringLiteral("jsonrpc");
const QString kVersion = QStringLiteral("2.0");
const QString kId = QStringLiteral("id");
const QString kMethod = QStringLiteral("method");
const QString kParams = QStringLiteral("params");
const QString kResult = QStringLiteral("result");
const QString kError = QStringLiteral("error");

bool isValidId(const QJsonValue &id)
{
    // Strings, and whole numbers that fit 64 bits: those come back exactly as sent. A fraction
    // or a larger number would be echoed rounded, so the peer could not match its reply (and
    // JSON-RPC advises against them). Null ids are reserved for errors we cannot correlate.
    if (id.isString())
        return true;
    return id.isDouble() && id.toVariant().typeId() == QMetaType::LongLong;
}

QByteArray toFrame(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

RpcMessage RpcMessage::decode(const QByteArray &frame)
{
    RpcMessage message;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt only parses objects and arrays at the top; a bare scalar is valid JSON that is
        // simply not a request, which JSON-RPC answers with "invalid request".
        QJsonParseError wrapped;
        QJsonDocument::fromJson('[' + frame + ']', &wrapped);
        message.m_error = wrapped.error == QJsonParseError::NoError
            ? RpcError::invalidRequest(QStringLiteral("expected a JSON object"))
            : RpcError::parseError(parseError.errorString());
        return message;
    }
    if (!doc.isObject()) {
        message.m_error = RpcError::invalidRequest(QStringLiteral("expected a JSON object"));
        return message;
    }
    const QJsonObject object = doc.object();
    const QJsonValue id = object.value(kId);
    if (isValidId(id))
        message.m_id = id;

    if (object.value(kJsonRpc).toString() != kVersion) {
        message.m_error = RpcError::invalidRequest(QStringLiteral("\"jsonrpc\" must be \"2.0\""));
        return message;
    }
    if (!id.isUndefined() && !isValidId(id) && !id.isNull()) {
        message.m_error = RpcError::invalidRequest(
            QStringLiteral("\"id\" must be a string or a whole number of at most 64 bits"));
        return message;
    }

    if (object.contains(kMethod)) {
        const QJsonValue method = object.value(kMethod);
        if (!method.isString() || method.toString().isEmpty()) {
            message.m_error
                = RpcError::invalidRequest(QStringLiteral("\"method\" must be a string"));
            return message;
        }
        const QJsonValue params = object.value(kParams);
        if (!params.isUndefined() && !params.isObject()) {
            message.m_error
                = RpcError::invalidParams(QStringLiteral("\"params\" must be an object"));
            message.m_method = method.toString();
            return message;
        }
        message.m_method = method.toString();
        message.m_params = params.toObject();
        message.m_kind = id.isUndefined() ? Kind::Notification : Kind::Request;
        if (message.m_kind == Kind::Request && !isValidId(id)) {
            message.m_kind = Kind::Invalid;
            message.m_error = RpcError::invalidRequest(
                QStringLiteral("\"id\" must be a string or a whole number of at most 64 bits"));
        }
        return message;
    }

    if (object.contains(kResult) && isValidId(id)) {
        message.m_kind = Kind::Result;
        message.m_result = object.value(kResult);
        return message;
    }
    if (object.value(kError).isObject()) {
        message.m_kind = Kind::Error;
        message.m_error = RpcError::fromJson(object.value(kError).toObject());
        return message;
    }
    message.m_error = RpcError::invalidRequest(QStringLiteral("neither a request nor a response"));
    return message;
}

QByteArray RpcMessage::encodeRequest(
    const QJsonValue &id, const QString &method, const QJsonObject &params)
{
    return toFrame({{kJsonRpc, kVersion}, {kId, id}, {kMethod, method}, {kParams, params}});
}

QByteArray RpcMessage::encodeNotification(const QString &method, const QJsonObject &params)
{
    return toFrame({{kJsonRpc, kVersion}, {kMethod, method}, {kParams, params}});
}

QByteArray RpcMessage::encodeResult(const QJsonValue &id, const QJsonValue &result)
{
    return toFrame({{kJsonRpc, kVersion}, {kId, id}, {kResult, result}});
}

QByteArray RpcMessage::encodeError(const QJsonValue &id, const RpcError &error)
{
    return toFrame({{kJsonRpc, kVersion}, {kId, id}, {kError, error.toJson()}});
}

} // namespace Muster
