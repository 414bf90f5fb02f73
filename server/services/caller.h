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

    bool isValid() const { return !userId.isNull(); }
};

} // namespace Muster
