// See correctionsclient.h.
#include "correctionsclient.h"

#include "client/connection.h"
#include "protocol/wiretime.h"

namespace Muster {

CorrectionsClient::CorrectionsClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *CorrectionsClient::list()
{
    return m_connection->request(QStringLiteral("corrections.list"));
}

RpcReply *CorrectionsClient::request(
    const QString &entryId, const QDateTime &stop, const QString &note)
{
    QJsonObject params {
        {QStringLiteral("entryId"), entryId}, {QStringLiteral("stop"), toWireTime(stop)}};
    if (!note.trimmed().isEmpty())
        params.insert(QStringLiteral("note"), note.trimmed());
    return m_connection->request(QStringLiteral("corrections.request"), params);
}

RpcReply *CorrectionsClient::approve(const QString &correctionId, const QString &reason)
{
    QJsonObject params {{QStringLiteral("correctionId"), correctionId}};
    if (!reason.trimmed().isEmpty())
        params.insert(QStringLiteral("reason"), reason.trimmed());
    return m_connection->request(QStringLiteral("corrections.approve"), params);
}

RpcReply *CorrectionsClient::refuse(const QString &correctionId, const QString &reason)
{
    return m_connection->request(QStringLiteral("corrections.refuse"),
        {{QStringLiteral("correctionId"), correctionId},
            {QStringLiteral("reason"), reason.trimmed()}});
}

} // namespace Muster
