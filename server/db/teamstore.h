// An organisation's teams (the seeds' projects and departments): list, create, rename, archive,
// hide. Every change is audited.
#pragma once

#include "domain/team.h"
#include "storeerror.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;
class PgResult;

class TeamStore
{
public:
    using TeamHandler = std::function<void(const Team &team, const StoreError &error)>;
    using ListHandler = std::function<void(const QList<Team> &teams, const StoreError &error)>;

    explicit TeamStore(Database &db)
        : m_db(db)
    { }

    // The columns teamAt() reads, of "teams t", for other stores' reads of a team.
    static QByteArray teamColumns();
    static Team teamAt(const PgResult &result, int row);

    // Active teams by name, then archived ones, with member counts; hidden ones when asked.
    void list(const QUuid &org, bool includeHidden, QObject *context, ListHandler handler);
    void create(const QUuid &org, const QUuid &actor, const QString &name, bool hidden,
        QObject *context, TeamHandler handler);
    // Renames, archives and/or hides; the last active team cannot be archived.
    void update(const QUuid &org, const QUuid &actor, const QUuid &teamId,
        const std::optional<QString> &name, std::optional<bool> archived,
        std::optional<bool> hidden, QObject *context, TeamHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
