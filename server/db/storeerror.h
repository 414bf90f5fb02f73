// How a store operation failed, in the terms services answer with.
#pragma once

#include "protocol/rpcerror.h"

#include <QString>

namespace Muster {

class PgResult;

struct StoreError
{
    enum Kind { None, NotFound, Conflict, Forbidden, Invalid, Unavailable };

    Kind kind = None;
    QString message; // for NotFound: what was not found; otherwise why
    QString reason; // a more precise stable reason than the kind's own ("overlap"), or empty

    explicit operator bool() const { return kind != None; }

    static StoreError notFound(const QString &what) { return {NotFound, what, {}}; }
    static StoreError conflict(const QString &why) { return {Conflict, why, {}}; }
    static StoreError unavailable(const QString &detail) { return {Unavailable, detail, {}}; }
    // A failed statement: the MU403/MU404/MU409/MU422 failures of Muster's SQL functions (see
    // resources/sql/01_errors.sql) with their reasons, unique and exclusion violations as
    // conflicts, and anything else as the database being unavailable.
    static StoreError of(const PgResult &result);

    RpcError toRpcError() const;
};

} // namespace Muster
