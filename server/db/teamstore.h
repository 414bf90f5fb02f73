// SQL for an organisation's teams (the seeds' projects and departments): list, create, rename,
// archive. Every change is audited.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class TeamStore
{
public:
    using TeamHandler = std::function<void(const QJsonObject &team, const StoreError &error)>;
    using ListHandler = std::function<void(const QJsonArray &teams, const StoreError &error)>;

    explicit TeamStore(Database &db)
        : m_db(db)
    { }

    // SQL yielding the JSON array of organisation $1's teams, by name, with member counts;
    // hidden teams only when $2 is true.
    static QByteArray listJsonSql();

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
