// The signed-in person's own account: read it, change name and email, the password, the picture.
#pragma once

#include "client/rpcreply.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class ProfileClient : public QObject
{
    Q_OBJECT
public:
    explicit ProfileClient(Connection *connection, QObject *parent = nullptr);

    Q_INVOKABLE Muster::RpcReply *get();
    // Any of {displayName, email}.
    Q_INVOKABLE Muster::RpcReply *update(const QJsonObject &changes);
    Q_INVOKABLE Muster::RpcReply *changePassword(const QString &current, const QString &next);
    // A PNG or JPEG, base64; an empty string removes the picture (back to the generated one).
    Q_INVOKABLE Muster::RpcReply *setAvatar(const QString &base64Image);

private:
    Connection *m_connection;
};

} // namespace Muster
