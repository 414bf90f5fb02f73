// Kiosks and the devices waiting to become one: pairing, resuming by device token, and what
// managers do with them (list, approve, rename, revoke). Every change is audited.
#pragma once

#include "domain/kiosk.h"
#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;
class PgSyncConnection;

class KioskStore
{
public:
    struct Approval
    {
        QUuid organisationId;
        QString pairingCode; // as typed: matched in upper case
        QString name;
        QString location;
        int lifetimeHours = 0;
        QUuid actor; // null from the command line
    };
    struct Change
    {
        std::optional<QString> name;
        std::optional<QString> location;
        std::optional<int> lifetimeHours; // from now
    };
    // What a device token opens.
    struct Resumed
    {
        enum Status { Unknown, Pending, Approved };
        Status status = Unknown; // Unknown: never paired, expired or revoked
        Kiosk kiosk;
        QUuid organisationId;
        QString organisationName;
        QUuid activeEventId;
    };

    // NotFound ("Pairing code" or "Kiosk"), or Conflict when the name is taken.
    using KioskHandler = std::function<void(const Kiosk &kiosk, const StoreError &error)>;
    using KiosksHandler = std::function<void(const QList<Kiosk> &kiosks, const StoreError &error)>;
    // An invalid time when the address already has as many devices waiting as it may.
    using PairingHandler = std::function<void(const QDateTime &expiresAt, const StoreError &error)>;
    using ResumeHandler = std::function<void(const Resumed &resumed, const StoreError &error)>;

    explicit KioskStore(Database &db)
        : m_db(db)
    { }

    // A device waiting for approval under `code`; expired pairings are swept on the way.
    void addPairing(const QString &code, const QByteArray &tokenHash, const QString &address,
        int lifetimeMinutes, int maxPendingPerAddress, QObject *context, PairingHandler handler);
    // Marks an approved kiosk seen.
    void resume(const QByteArray &tokenHash, QObject *context, ResumeHandler handler);
    // Active kiosks by name, then revoked ones.
    void list(const QUuid &org, QObject *context, KiosksHandler handler);
    void approve(const Approval &approval, QObject *context, KioskHandler handler);
    // The command line's approval, on its own connection.
    static std::optional<Kiosk> approve(
        PgSyncConnection &db, const Approval &approval, StoreError *error);
    void update(const QUuid &org, const QUuid &actor, const QUuid &kioskId, const Change &change,
        QObject *context, KioskHandler handler);
    void revoke(const QUuid &org, const QUuid &actor, const QUuid &kioskId, QObject *context,
        KioskHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
