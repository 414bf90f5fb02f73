// See rpccall.h.
#include "rpccall.h"

#include "clientsocket.h"
#include "protocol/rpcmessage.h"
#include "util/logging.h"

namespace Muster {

RpcCall::RpcCall(
    ClientSocket *socket, const QJsonValue &id, const QString &method, const QJsonObject &params)
    : m_socket(socket)
    , m_id(id)
    , m_method(method)
    , m_params(params)
    , m_caller(socket->caller())
    , m_answered(std::make_shared<bool>(false))
{ }

const Caller &RpcCall::caller() const
{
    return m_caller;
}

void RpcCall::reply(const QJsonValue &result) const
{
    answer(RpcMessage::encodeResult(m_id, result));
}

void RpcCall::fail(const RpcError &error) const
{
    answer(RpcMessage::encodeError(m_id, error));
}

void RpcCall::answer(const QByteArray &frame) const
{
    if (std::exchange(*m_answered, true)) {
        qCWarning(lcRpc) << m_method << "answered twice";
        return;
    }
    if (m_socket) {
        m_socket->endRequest();
        m_socket->sendMessage(frame);
    }
}

} // namespace Muster
