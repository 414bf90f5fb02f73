// Who is on the other end of a connection: the identity every check uses. It lives with the
// connections (net/) because the transport, the dispatcher and the pushes all ask it.
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
    // Set on an anonymous client's connection from the anteroom page: their chat, and nothing
    // else (organisationId is the chat's organisation; there is no person).
    QUuid chatId;

    // What kind of caller this is; each kind reaches different methods (RpcDispatcher::Place).
    enum class Kind {
        Nobody, // not signed in yet
        Person, // a person at their own device
        Kiosk, // an authorised kiosk with nobody signed in at it
        PersonAtKiosk, // a person signed in at a kiosk: their own time only
        ChatClient, // an anonymous client in the anteroom: their own chat only
    };
    Kind kind() const
    {
        if (isChatClient())
            return Kind::ChatClient;
        if (isKiosk())
            return isValid() ? Kind::PersonAtKiosk : Kind::Kiosk;
        return isValid() ? Kind::Person : Kind::Nobody;
    }

    bool isValid() const { return !userId.isNull(); } // a person is signed in
    bool isKiosk() const { return !kioskId.isNull(); } // on a kiosk's connection
    bool isChatClient() const { return !chatId.isNull(); }
};

} // namespace Muster
