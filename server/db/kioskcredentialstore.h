// What people sign in at a kiosk with: their badge number and a personal PIN (stored hashed),
// or a quick code (4 characters, single use, hashed) made from the desktop app. The checks
// themselves, and the throttles, are KioskSignInService's.
#pragma once

#include "domain/role.h"
#include "storeerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class KioskCredentialStore
{
public:
    // The person behind a badge number.
    struct BadgeHolder
    {
        QUuid id;
        QString login;
        QString displayName;
        Role role = Role::Banned;
        QString badge;
        QByteArray pinHash; // empty without a PIN
    };

    // nullopt when nobody matches.
    using HolderHandler
        = std::function<void(const std::optional<BadgeHolder> &holder, const StoreError &error)>;
    // An invalid time when the person has no badge number to sign in with.
    using CodeHandler = std::function<void(const QDateTime &expiresAt, const StoreError &error)>;
    using DoneHandler = std::function<void(const StoreError &error)>;

    explicit KioskCredentialStore(Database &db)
        : m_db(db)
    { }

    void findByBadge(
        const QUuid &org, const QString &badge, QObject *context, HolderHandler handler);
    // Using a code deletes it: of two kiosks racing with one code, only one gets the holder.
    void useQuickCode(const QUuid &org, const QString &badge, const QByteArray &codeHash,
        QObject *context, HolderHandler handler);
    // A new code replaces the person's previous one.
    void saveQuickCode(const QUuid &org, const QUuid &userId, const QByteArray &codeHash,
        int validSeconds, QObject *context, CodeHandler handler);
    // An empty hash removes the PIN. Audited (without the PIN, of course).
    void setPin(const QUuid &org, const QUuid &userId, const QByteArray &pinHash, QObject *context,
        DoneHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
