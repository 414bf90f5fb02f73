// See throttlelimits.h.
#include "throttlelimits.h"

#include <QCryptographicHash>

#include <utility>

namespace Muster {

namespace {

QString id(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

// The settable numbers by their --limit names, in the order docs/operations.md lists them.
template <typename Limits>
auto fields(Limits &l)
{
    return std::to_array<std::pair<const char *, int *>>({
        {"sign-in-per-account-and-address", &l.signInPerAccountAndAddress},
        {"sign-in-per-account", &l.signInPerAccount},
        {"sign-in-per-address", &l.signInPerAddress},
        {"kiosk-per-badge-and-kiosk", &l.kioskPerBadgeAndKiosk},
        {"kiosk-per-badge", &l.kioskPerBadge},
        {"kiosk-per-kiosk", &l.kioskPerKiosk},
        {"pairing-per-person", &l.pairingPerPerson},
        {"pairing-per-organisation", &l.pairingPerOrganisation},
        {"password-checks-per-person", &l.passwordChecksPerPerson},
        {"anteroom-joins-per-address", &l.anteroomJoinsPerAddress},
        {"anteroom-joins-per-organisation", &l.anteroomJoinsPerOrganisation},
        {"accounts-per-address", &l.accountsPerAddress},
    });
}

} // namespace

QString ThrottleLimits::signInPairKey(const QString &login, const QString &address)
{
    return QStringLiteral("login:account-address:") + login + u'|' + address;
}

QString ThrottleLimits::kioskPairKey(
    const QUuid &organisationId, const QString &badge, const QUuid &kioskId)
{
    return QStringLiteral("kiosk:badge-kiosk:") + id(organisationId) + u'/' + badge + u'|'
        + id(kioskId);
}

QList<AttemptStore::Rule> ThrottleLimits::signIn(const QString &login, const QString &address) const
{
    return {
        {signInPairKey(login, address), signInPerAccountAndAddress, window, std::nullopt},
        {QStringLiteral("login:account:") + login, signInPerAccount, window, spacingCap},
        {QStringLiteral("login:address:") + address, signInPerAddress, window, std::nullopt},
    };
}

QList<AttemptStore::Rule> ThrottleLimits::kioskSignIn(
    const QUuid &organisationId, const QString &badge, const QUuid &kioskId) const
{
    return {
        {kioskPairKey(organisationId, badge, kioskId), kioskPerBadgeAndKiosk, window, std::nullopt},
        {QStringLiteral("kiosk:badge:") + id(organisationId) + u'/' + badge, kioskPerBadge, window,
            spacingCap},
        {QStringLiteral("kiosk:device:") + id(kioskId), kioskPerKiosk, window, std::nullopt},
    };
}

QList<AttemptStore::Rule> ThrottleLimits::pairing(
    const QUuid &organisationId, const QUuid &personId) const
{
    return {
        {QStringLiteral("pairing:person:") + id(personId), pairingPerPerson, window, std::nullopt},
        {QStringLiteral("pairing:organisation:") + id(organisationId), pairingPerOrganisation,
            window, std::nullopt},
    };
}

QList<AttemptStore::Rule> ThrottleLimits::anteroomJoin(
    const QUuid &organisationId, const QString &address) const
{
    const QByteArray addressHash
        = QCryptographicHash::hash(address.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return {
        {QStringLiteral("anteroom:address:") + QString::fromLatin1(addressHash),
            anteroomJoinsPerAddress, window, std::nullopt},
        {QStringLiteral("anteroom:organisation:") + id(organisationId),
            anteroomJoinsPerOrganisation, window, std::nullopt},
    };
}

QList<AttemptStore::Rule> ThrottleLimits::newAccount(const QString &address) const
{
    return {
        {QStringLiteral("account:address:") + address, accountsPerAddress, window, std::nullopt}};
}

QList<AttemptStore::Rule> ThrottleLimits::passwordCheck(const QUuid &personId) const
{
    return {{QStringLiteral("password:person:") + id(personId), passwordChecksPerPerson, window,
        std::nullopt}};
}

bool ThrottleLimits::set(const QString &name, int value)
{
    if (value < 1)
        return false;
    if (name == QLatin1String("window-seconds")) {
        window = std::chrono::seconds(value);
        return true;
    }
    if (name == QLatin1String("spacing-cap-seconds")) {
        spacingCap = std::chrono::seconds(value);
        return true;
    }
    for (const auto &[fieldName, field] : fields(*this)) {
        if (name == QLatin1String(fieldName)) {
            *field = value;
            return true;
        }
    }
    return false;
}

QStringList ThrottleLimits::names()
{
    ThrottleLimits defaults;
    QStringList out;
    for (const auto &[fieldName, field] : fields(defaults))
        out.append(QLatin1String(fieldName));
    out << QStringLiteral("window-seconds") << QStringLiteral("spacing-cap-seconds");
    return out;
}

} // namespace Muster
