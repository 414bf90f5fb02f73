// What --seed-demo writes: an organisation made ready to try the time clock on (an active event
// around today, teams offered for clocking in and a hidden one, a bonus window under way,
// rewards, and a badge and a kiosk PIN for each of its people). Blocking, for the command line.
#pragma once

#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class PgSyncConnection;

class DemoStore
{
public:
    struct BadgeHolder
    {
        QString login;
        QString badge;
        QString pin; // new; printed once, stored only as its argon2id hash
    };

    explicit DemoStore(PgSyncConnection &db)
        : m_db(db)
    { }

    // How a PIN is stored (the password hasher, which lives above this layer).
    using PinHasher = std::function<QByteArray(const QString &pin)>;

    // In one transaction; nullopt with errorMessage() set when it failed (and wrote nothing).
    std::optional<QList<BadgeHolder>> seed(const QUuid &organisationId, const PinHasher &hashPin);
    // The consultant chat's part of the demo: the anteroom (made with `newKey` unless it
    // exists) with a logo, a few canned replies, and staff on chat duty. Answers the anteroom's
    // public key.
    std::optional<QString> seedChat(const QUuid &organisationId, const QString &newKey);
    QString errorMessage() const { return m_error; }

private:
    bool exec(const QByteArray &sql, const class PgParams &params);

    PgSyncConnection &m_db;
    QString m_error;
};

} // namespace Muster
