// See push.h. The wire form uses short keys: a NOTIFY payload holds at most 8000 bytes, and a
// batch of pushes should fit in one.
#include "push.h"

namespace Muster {

namespace {

const QString kKind = QStringLiteral("k");
const QString kOrganisation = QStringLiteral("o");
const QString kRole = QStringLiteral("r");
const QString kUser = QStringLiteral("u");
const QString kKiosk = QStringLiteral("i");
const QString kPairing = QStringLiteral("c");
const QString kChat = QStringLiteral("h");
const QString kMethod = QStringLiteral("m");
const QString kParams = QStringLiteral("p");
const QString kClose = QStringLiteral("x");

struct KindName
{
    Audience::Kind kind;
    QLatin1StringView name;
};
constexpr KindName kKindNames[] = {
    {Audience::Kind::Organisation, QLatin1StringView("org")},
    {Audience::Kind::Role, QLatin1StringView("role")},
    {Audience::Kind::RolesBelow, QLatin1StringView("below")},
    {Audience::Kind::Person, QLatin1StringView("person")},
    {Audience::Kind::Kiosk, QLatin1StringView("kiosk")},
    {Audience::Kind::Pairing, QLatin1StringView("pairing")},
    {Audience::Kind::Everyone, QLatin1StringView("all")},
    {Audience::Kind::ChatClient, QLatin1StringView("chat")},
};

QString kindName(Audience::Kind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind)
            return k.name.toString();
    }
    return {};
}

std::optional<Audience::Kind> kindFromName(const QString &name)
{
    for (const KindName &k : kKindNames) {
        if (name == k.name)
            return k.kind;
    }
    return std::nullopt;
}

void putId(QJsonObject &json, const QString &key, const QUuid &id)
{
    if (!id.isNull())
        json.insert(key, id.toString(QUuid::WithoutBraces));
}

QUuid idAt(const QJsonObject &json, const QString &key)
{
    return QUuid::fromString(json.value(key).toString());
}

} // namespace

Audience Audience::organisation(const QUuid &organisationId)
{
    Audience a;
    a.kind = Kind::Organisation;
    a.organisationId = organisationId;
    return a;
}

Audience Audience::atLeast(const QUuid &organisationId, Muster::Role minimum, const QUuid &alsoUser)
{
    Audience a;
    a.kind = Kind::Role;
    a.organisationId = organisationId;
    a.role = minimum;
    a.userId = alsoUser;
    return a;
}

Audience Audience::below(const QUuid &organisationId, Muster::Role role)
{
    Audience a;
    a.kind = Kind::RolesBelow;
    a.organisationId = organisationId;
    a.role = role;
    return a;
}

Audience Audience::person(const QUuid &userId)
{
    Audience a;
    a.kind = Kind::Person;
    a.userId = userId;
    return a;
}

Audience Audience::kiosk(const QUuid &kioskId)
{
    Audience a;
    a.kind = Kind::Kiosk;
    a.kioskId = kioskId;
    return a;
}

Audience Audience::pairing(const QString &code)
{
    Audience a;
    a.kind = Kind::Pairing;
    a.pairingCode = code;
    return a;
}

Audience Audience::everyone()
{
    Audience a;
    a.kind = Kind::Everyone;
    return a;
}

Audience Audience::chatClient(const QUuid &chatId)
{
    Audience a;
    a.kind = Kind::ChatClient;
    a.chatId = chatId;
    return a;
}

QJsonObject Push::toJson() const
{
    QJsonObject json {{kKind, kindName(audience.kind)}, {kMethod, method}};
    putId(json, kOrganisation, audience.organisationId);
    putId(json, kUser, audience.userId);
    putId(json, kKiosk, audience.kioskId);
    putId(json, kChat, audience.chatId);
    if (audience.kind == Audience::Kind::Role || audience.kind == Audience::Kind::RolesBelow)
        json.insert(kRole, roleName(audience.role));
    if (!audience.pairingCode.isEmpty())
        json.insert(kPairing, audience.pairingCode);
    if (!params.isEmpty())
        json.insert(kParams, params);
    if (!closeReason.isEmpty())
        json.insert(kClose, closeReason);
    return json;
}

std::optional<Push> Push::fromJson(const QJsonObject &json)
{
    const std::optional<Audience::Kind> kind = kindFromName(json.value(kKind).toString());
    const QString method = json.value(kMethod).toString();
    if (!kind || method.isEmpty())
        return std::nullopt;
    Push push;
    push.audience.kind = *kind;
    push.audience.organisationId = idAt(json, kOrganisation);
    push.audience.userId = idAt(json, kUser);
    push.audience.kioskId = idAt(json, kKiosk);
    push.audience.chatId = idAt(json, kChat);
    push.audience.pairingCode = json.value(kPairing).toString();
    if (*kind == Audience::Kind::Role || *kind == Audience::Kind::RolesBelow) {
        const std::optional<Role> role = roleFromName(json.value(kRole).toString());
        if (!role)
            return std::nullopt;
        push.audience.role = *role;
    }
    push.method = method;
    push.params = json.value(kParams).toObject();
    push.closeReason = json.value(kClose).toString();
    const Audience &a = push.audience;
    const bool complete = [&] {
        switch (a.kind) {
        case Audience::Kind::Organisation:
        case Audience::Kind::Role:
        case Audience::Kind::RolesBelow:
            return !a.organisationId.isNull();
        case Audience::Kind::Person:
            return !a.userId.isNull();
        case Audience::Kind::Kiosk:
            return !a.kioskId.isNull();
        case Audience::Kind::Pairing:
            return !a.pairingCode.isEmpty();
        case Audience::Kind::Everyone:
            return true;
        case Audience::Kind::ChatClient:
            return !a.chatId.isNull();
        }
        return false;
    }();
    if (!complete)
        return std::nullopt;
    return push;
}

} // namespace Muster
