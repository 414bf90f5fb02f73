// SQL for uploaded avatars: stored once per organisation by content hash, set and cleared per
// person, and read back for the HTTP route only by a live session of the same organisation.
#pragma once

#include "storedpicture.h"
#include "storeerror.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class AvatarStore
{
public:
    struct Fetched
    {
        bool authorised = false; // the token belongs to a live session of an allowed account
        bool found = false; // … and the avatar exists in an organisation it may see
        QByteArray contentType;
        QByteArray data;
    };

    explicit AvatarStore(Database &db)
        : m_db(db)
    { }

    // Gives the user the uploaded picture, or back the generated one when upload is empty.
    // Pictures nobody uses any more are deleted in the same transaction. Audited.
    void set(const QUuid &org, const QUuid &userId, const std::optional<StoredPicture> &upload,
        QObject *context, std::function<void(const StoreError &error)> handler);
    // The avatar with this hash as seen by the session holding tokenHash: members see their own
    // organisation's avatars, superadmins every organisation's.
    void fetch(const QByteArray &tokenHash, const QString &sha256, bool withData, QObject *context,
        std::function<void(const Fetched &fetched, const StoreError &error)> handler);

private:
    Database &m_db;
};

} // namespace Muster
