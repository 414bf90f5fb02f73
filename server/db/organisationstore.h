// SQL for the server-wide view a superadmin has: every organisation with its head count.
#pragma once

#include "storeerror.h"

#include <QJsonArray>
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

    // [{id, name, people}] by name; people counts members who are not banned.
    void list(
        QObject *context, std::function<void(const QJsonArray &, const StoreError &)> handler);
    void exists(const QUuid &org, QObject *context,
        std::function<void(bool exists, const StoreError &)> handler);

private:
    Database &m_db;
};

} // namespace Muster
