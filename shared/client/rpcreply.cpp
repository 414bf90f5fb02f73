// See rpcreply.h.
#include "rpcreply.h"

namespace Muster {

RpcReply::RpcReply(QObject *parent)
    : QObject(parent)
{ }

void RpcReply::then(QObject *context, Handler handler)
{
    if (m_finished) {
        // Already answered: keep the promise of an asynchronous answer all the same.
        QMetaObject::invokeMethod(
            context,
            [handler = std::move(handler), result = m_result, error = m_error] {
                handler(result, error);
            },
            Qt::QueuedConnection);
        return;
    }
    connect(this, &RpcReply::finished, context,
        [this, handler = std::move(handler)] { handler(m_result, m_error); });
}

void RpcReply::finish(const QJsonValue &result, const RpcError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    m_error = error;
    if (error.isValid())
        Q_EMIT failed(error.reason, error.message);
    else
        Q_EMIT succeeded(result);
    Q_EMIT finished();
    deleteLater();
}

void RpcReply::failLater(const RpcError &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finish({}, error); }, Qt::QueuedConnection);
}

} // namespace Muster
