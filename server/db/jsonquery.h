// Runs a statement whose first column of the first row is JSON (most of the time clock's SQL
// functions answer that way) and hands the parsed value on, with failures as StoreErrors.
#pragma once

#include "pgstatement.h"
#include "storeerror.h"

#include <QJsonValue>
#include <QObject>

#include <functional>

namespace Muster {

class Database;
class PgParams;

class JsonQuery
{
public:
    using Handler = std::function<void(const QJsonValue &value, const StoreError &error)>;

    explicit JsonQuery(Database &db)
        : m_db(db)
    { }

    // A null JSON value when the statement returns no row or SQL NULL.
    void run(const QByteArray &sql, const PgParams &params, QObject *context, Handler handler);
    // Statements in one transaction; the value is the last statement's.
    void transaction(QList<PgStatement> statements, QObject *context, Handler handler);

    Database &database() const { return m_db; }

private:
    Database &m_db;
};

} // namespace Muster
