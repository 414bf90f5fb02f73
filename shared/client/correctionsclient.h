// Forgotten clock-outs put right: a person says when they really stopped a shift the day
// boundary stopped for them; managers approve or refuse what people said.
#pragma once

#include "client/rpcreply.h"

#include <QDateTime>
#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class CorrectionsClient : public QObject
{
    Q_OBJECT
public:
    explicit CorrectionsClient(Connection *connection, QObject *parent = nullptr);

    // The active event's requests: a manager's, everyone's; anyone else's, their own.
    Q_INVOKABLE Muster::RpcReply *list();
    Q_INVOKABLE Muster::RpcReply *request(
        const QString &entryId, const QDateTime &stop, const QString &note);
    Q_INVOKABLE Muster::RpcReply *approve(const QString &correctionId, const QString &reason);
    // reason: required, the person reads it.
    Q_INVOKABLE Muster::RpcReply *refuse(const QString &correctionId, const QString &reason);

private:
    Connection *m_connection;
};

} // namespace Muster
