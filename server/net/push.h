// A push is a value: who it is for, what happened (the method) and its params. Services make
// them, PushRelay carries them to every server process, and each process's PushHub hands them to
// the connections of its audience. Being a value, a push crosses processes as JSON unchanged.
#pragma once

#include "domain/role.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace Muster {

// Whom a push reaches. Organisation audiences also reach superadmins watching that organisation
// (with "organisationId" added), except RolesBelow, which is for members only.
struct Audience
{
    enum class Kind {
        Organisation, // every member connection
        Role, // members whose role is at least `role`, and `userId`'s connections whatever theirs
        RolesBelow, // members whose role is below `role`
        Person, // every connection of `userId`, at a desk or signed in at a kiosk
        Kiosk, // every connection of the kiosk `kioskId`, with or without someone signed in
        Pairing, // the unapproved kiosk showing `pairingCode`
        Everyone, // every signed-in connection and every kiosk of this process
        ChatClient, // the anonymous client's page(s) of the chat `chatId`
    };

    Kind kind = Kind::Organisation;
    QUuid organisationId;
    Muster::Role role = Muster::Role::Banned;
    QUuid userId;
    QUuid kioskId;
    QString pairingCode;
    QUuid chatId;

    static Audience organisation(const QUuid &organisationId);
    static Audience atLeast(
        const QUuid &organisationId, Muster::Role minimum, const QUuid &alsoUser = {});
    static Audience below(const QUuid &organisationId, Muster::Role role);
    static Audience person(const QUuid &userId);
    static Audience kiosk(const QUuid &kioskId);
    static Audience pairing(const QString &code);
    static Audience everyone();
    static Audience chatClient(const QUuid &chatId);

    friend bool operator==(const Audience &, const Audience &) = default;
};

struct Push
{
    Audience audience;
    QString method;
    QJsonObject params;
    // When set, the audience's connections are closed after the push, with this reason (a
    // revoked kiosk is told, then cut off on every server).
    QString closeReason;

    // The relay's wire form, and back; nullopt for anything malformed (a payload from a server
    // of another version, say), which is dropped rather than half delivered.
    QJsonObject toJson() const;
    static std::optional<Push> fromJson(const QJsonObject &json);

    friend bool operator==(const Push &, const Push &) = default;
};

} // namespace Muster
