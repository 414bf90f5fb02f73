// Who is on the other end of an authenticated connection: the identity every check uses.
#pragma once

#include "domain/role.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct Caller
{
    QUuid userId;
    QUuid organisationId;
    QUuid sessionId;
    QString login;
    QString displayName;
    QString organisationName;
    Role role = Role::Banned;
    bool superadmin = false;
    // Set on a connection from an authorised kiosk, with or without someone signed in at it.
    QUuid kioskId;
    QString kioskName;

    bool isValid() const { return !userId.isNull(); }
    bool isKiosk() const { return !kioskId.isNull(); }
};

} // namespace Muster
