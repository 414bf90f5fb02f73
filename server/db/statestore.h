// SQL for an organisation's status states: list, create, edit, reorder, delete. Every change is
// audited; deleting a state moves its users to the organisation's default state.
#pragma once

#include "domain/statusstate.h"
#include "presencestore.h"
#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;
class PgResult;

class StateStore
{
public:
    struct Edit
    {
        std::optional<QString> label;
        std::optional<QString> color; // "#rrggbb", lower case
        std::optional<bool> available;
        bool makeDefault = false;
    };
    using StateHandler = std::function<void(const StatusState &state, const StoreError &error)>;
    // The organisation's states in display order.
    using ListHandler
        = std::function<void(const QList<StatusState> &states, const StoreError &error)>;
    // The people a delete moved to the default state, as they are now.
    using MovedHandler = std::function<void(
        const QList<PresenceStore::PersonState> &moved, const StoreError &error)>;

    explicit StateStore(Database &db)
        : m_db(db)
    { }

    // SQL yielding the states of organisation $1 in display order, for statesOf().
    static QByteArray listSql();
    static QList<StatusState> statesOf(const PgResult &result);

    void list(const QUuid &org, QObject *context, ListHandler handler);
    void create(const QUuid &org, const QUuid &actor, const QString &label, const QString &color,
        bool available, QObject *context, StateHandler handler);
    void update(const QUuid &org, const QUuid &actor, const QUuid &stateId, const Edit &edit,
        QObject *context, StateHandler handler);
    // ids must be exactly the organisation's states, in their new order.
    void reorder(const QUuid &org, const QUuid &actor, const QList<QUuid> &ids, QObject *context,
        ListHandler handler);
    void remove(const QUuid &org, const QUuid &actor, const QUuid &stateId, QObject *context,
        MovedHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
