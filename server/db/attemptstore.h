// Guessable attempts (passwords, PINs, quick codes, pairing codes) counted in PostgreSQL, so
// every server process on the database sees the same count, and reserved before anything is
// checked, so attempts that arrive together are counted one after another (see
// muster_reserve_attempt in resources/sql/11_attempts.sql). Only a success gives an attempt back.
#pragma once

#include "storeerror.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <chrono>
#include <functional>
#include <optional>

namespace Muster {

class Database;

class AttemptStore
{
public:
    struct Rule
    {
        QString key; // names its scope: "login:address:127.0.0.1", "kiosk:device:<id>", …
        int limit = 0; // attempts allowed within the window
        std::chrono::seconds window {15 * 60};
        // Set: past the limit, attempts are spaced out (2, 4, 8 … seconds, at most this) instead
        // of refused for the rest of the window.
        std::optional<std::chrono::seconds> spacingCap;
    };

    struct Reservation
    {
        QUuid attemptId; // null when refused or failed
        int retryAfter = 0; // seconds, when refused
        StoreError error;
    };
    using Handler = std::function<void(const Reservation &reservation)>;

    explicit AttemptStore(Database &db)
        : m_db(db)
    { }

    // Counts an attempt against every rule, or refuses it (retryAfter) when any is at its limit.
    void reserve(const QList<Rule> &rules, QObject *context, Handler handler);
    // The attempt succeeded: it stops counting, and so do the failures under `forget`.
    void succeeded(const QUuid &attemptId, const QStringList &forget = {});

private:
    Database &m_db;
};

} // namespace Muster
