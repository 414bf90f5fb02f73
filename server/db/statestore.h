// SQL for an organisation's status states: list, create, edit, reorder, delete. Every change is
// audited; deleting a state moves its users to the organisation's default state.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

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
    // A state's JSON object, or the error.
    using StateHandler = std::function<void(const QJsonObject &state, const StoreError &error)>;
    // The organisation's states in order, or the error.
    using ListHandler = std::function<void(const QJsonArray &states, const StoreError &error)>;
    // Users moved to the default state by a delete: {userId, stateId, since}.
    using MovedHandler = std::function<void(const QJsonArray &moved, const StoreError &error)>;

    explicit StateStore(Database &db)
        : m_db(db)
    { }

    // SQL yielding the JSON array of the states of organisation $1, in display order.
    static QByteArray listJsonSql();

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
