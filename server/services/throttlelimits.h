// The numbers of every throttle on guessable secrets, and the rules each kind of attempt is
// counted under. One place, so an operator sets any of them with --limit NAME=VALUE (listed in
// docs/operations.md) and every service builds its rules the same way.
#pragma once

#include "db/attemptstore.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <chrono>

namespace Muster {

struct ThrottleLimits
{
    // Passwords (session.login). The pair is the strict limit; past the account's own, attempts
    // from anywhere are only spaced out, so a stranger elsewhere cannot lock the person out.
    int signInPerAccountAndAddress = 5;
    int signInPerAccount = 20;
    int signInPerAddress = 30;
    // PINs and quick codes at a kiosk (kiosk.signIn). Never per address: a venue's kiosks share
    // one. Past a badge's own limit attempts are spaced out, as for passwords.
    int kioskPerBadgeAndKiosk = 5;
    int kioskPerBadge = 10;
    int kioskPerKiosk = 120;
    // Pairing codes typed by a lead (kiosks.approve).
    int pairingPerPerson = 10;
    int pairingPerOrganisation = 30;
    // Current passwords given to profile.changePassword.
    int passwordChecksPerPerson = 5;
    // Anonymous clients joining an anteroom's queue (anteroom.join): a flood of fake clients
    // from one address, or from many at one organisation, cannot fill the queue.
    int anteroomJoinsPerAddress = 5;
    int anteroomJoinsPerOrganisation = 300;
    // New accounts from one address: invites taken (invites.accept) and organisations
    // registered (organisations.register), successful or not.
    int accountsPerAddress = 10;
    std::chrono::seconds window {15 * 60};
    std::chrono::seconds spacingCap {5 * 60};

    QList<AttemptStore::Rule> signIn(const QString &login, const QString &address) const;
    QList<AttemptStore::Rule> kioskSignIn(
        const QUuid &organisationId, const QString &badge, const QUuid &kioskId) const;
    QList<AttemptStore::Rule> pairing(const QUuid &organisationId, const QUuid &personId) const;
    QList<AttemptStore::Rule> passwordCheck(const QUuid &personId) const;
    // The address is kept only as a hash, and only for the window: no client's address is
    // stored in a readable form.
    QList<AttemptStore::Rule> anteroomJoin(
        const QUuid &organisationId, const QString &address) const;
    QList<AttemptStore::Rule> newAccount(const QString &address) const;
    // What a success forgets besides itself: the failures of that person at that place.
    static QString signInPairKey(const QString &login, const QString &address);
    static QString kioskPairKey(
        const QUuid &organisationId, const QString &badge, const QUuid &kioskId);

    // "sign-in-per-address", …, "window-seconds": false for an unknown name or a value below 1.
    bool set(const QString &name, int value);
    static QStringList names();
};

} // namespace Muster
