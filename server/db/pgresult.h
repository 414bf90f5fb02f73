// Owning wrapper around a libpq PGresult, with typed text-format accessors.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <memory>

struct pg_result;

namespace Muster {

class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result);
    // A failed result carrying only a message (connection lost, timed out, …).
    static PgResult failure(const QString &message, const QByteArray &sqlState = {});

    bool ok() const; // command or tuples ok
    QString errorMessage() const;
    QByteArray sqlState() const; // e.g. "23505" for a unique violation
    QString primaryMessage() const; // the message alone, without severity or context
    QString detail() const; // DETAIL, where Muster's SQL functions put a stable reason
    bool isUniqueViolation() const { return sqlState() == "23505"; }

    int rows() const;
    // Rows an INSERT, UPDATE or DELETE touched (without RETURNING rows to count).
    int affectedRows() const;
    int columns() const;
    int column(const char *name) const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    qint64 toInt(int row, int column) const;
    bool toBool(int row, int column) const;
    QUuid uuid(int row, int column) const;
    QDateTime timestamp(int row, int column) const; // of a timestamptz column

private:
    std::shared_ptr<pg_result> m_result;
    QString m_failure;
    QByteArray m_failureState;
};

} // namespace Muster
