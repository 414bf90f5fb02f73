// SQL for the server-wide view a superadmin has: every organisation with its head count.
#pragma once

#include "domain/organisation.h"
#include "storeerror.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>

namespace Muster {

class Database;

class OrganisationStore
{
public:
    explicit OrganisationStore(Database &db)
        : m_db(db)
    { }

    // Every organisation by name, with `people` counting members who are not banned.
    void list(QObject *context,
        std::function<void(const QList<Organisation> &, const StoreError &)> handler);
    void exists(const QUuid &org, QObject *context,
        std::function<void(bool exists, const StoreError &)> handler);
    // Deletes the organisation and every row it owns, in one transaction, when `confirmName` is
    // its name (any case); NotFound otherwise. Hands back the chats that were open, whose
    // anonymous clients are to be told.
    void remove(const QUuid &org, const QString &confirmName, QObject *context,
        std::function<void(const QList<QUuid> &openChats, const StoreError &)> handler);

private:
    Database &m_db;
};

} // namespace Muster
